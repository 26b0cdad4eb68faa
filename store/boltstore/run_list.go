package boltstore

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"

	"github.com/sievekyc/sieve/store"
	bolt "go.etcd.io/bbolt"
)

// ListRuns implements store.RunStore. It walks the tenant's creation-time
// index backwards from the cursor (or CreatedBefore), filters on the index
// summaries, and decodes only the runs it returns.
func (s *Store) ListRuns(ctx context.Context, tenant string, f store.ListFilter) ([]store.Run, string, error) {
	const op = "list runs"
	if err := f.Validate(); err != nil {
		return nil, "", wrap(op, err)
	}
	pos, err := store.DecodeCursor(tenant, f)
	if err != nil {
		return nil, "", wrap(op, err)
	}
	limit := f.PageSize()
	var (
		page []store.Run
		more bool
	)
	err = s.view(ctx, op, func(tx *bolt.Tx) error {
		if !store.ValidID(tenant) {
			return nil
		}
		prefix := append([]byte(tenant), 0)
		// upper is exclusive, lower inclusive.
		upper := append([]byte(tenant), 1)
		if !f.CreatedBefore.IsZero() {
			if n := f.CreatedBefore.UnixNano(); n < math.MaxInt64 {
				upper = minKey(upper, appendTime(bytes.Clone(prefix), unixNano(n+1)))
			}
		}
		if pos.ID != "" {
			upper = minKey(upper, runTimeKey(tenant, pos.CreatedAt, pos.ID))
		}
		lower := prefix
		if !f.CreatedAfter.IsZero() {
			lower = appendTime(bytes.Clone(prefix), f.CreatedAfter)
		}
		runs := tx.Bucket(bucketRuns)
		c := tx.Bucket(bucketRunsByTime).Cursor()
		var k, v []byte
		if k, _ = c.Seek(upper); k == nil {
			k, v = c.Last()
		} else {
			k, v = c.Prev()
		}
		for n := 1; k != nil && bytes.Compare(k, lower) >= 0; k, v = c.Prev() {
			if n++; n%ctxEvery == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			sum, ok := summaryRun(tenant, k, v)
			if !ok {
				return fmt.Errorf("malformed listing index entry")
			}
			if !f.Match(sum) {
				continue
			}
			if len(page) == limit {
				more = true
				return nil
			}
			raw := runs.Get(joinKey(tenant, sum.ID))
			if raw == nil {
				return fmt.Errorf("listing index names a missing run %q", sum.ID)
			}
			var run store.Run
			if err := json.Unmarshal(raw, &run); err != nil {
				return fmt.Errorf("decode run %q: %w", sum.ID, err)
			}
			page = append(page, run)
		}
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	next := ""
	if more {
		next = store.EncodeCursor(tenant, f, page[len(page)-1])
	}
	return page, next, nil
}

// minKey returns the smaller of a and b.
func minKey(a, b []byte) []byte {
	if bytes.Compare(b, a) < 0 {
		return b
	}
	return a
}
