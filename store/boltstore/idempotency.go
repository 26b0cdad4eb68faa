package boltstore

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"github.com/sievekyc/sieve/store"
	bolt "go.etcd.io/bbolt"
)

// idempotencyRecord is the bucketIdempotency value: the run a key names, the
// hash of the request that created it, and when.
type idempotencyRecord struct {
	RunID       string    `json:"run_id"`
	RequestHash string    `json:"request_hash"`
	At          time.Time `json:"at"`
}

// expireBatch is how many expired idempotency keys each CreateRun deletes:
// more than the one key a creation can add, so expired keys never pile up.
const expireBatch = 4

// claimKey looks run's idempotency key up. Within the window it returns the
// run the key names when the request hashes agree, and a
// *store.IdempotencyConflictError when they differ. Otherwise it records the
// key (encoded as rec) for run and returns nil, nil: the caller creates the
// run in the same transaction.
func claimKey(tx *bolt.Tx, run store.Run, now time.Time, rec []byte) (*store.Run, error) {
	keys := tx.Bucket(bucketIdempotency)
	ik := joinKey(run.Tenant, run.IdempotencyKey)
	if v := keys.Get(ik); v != nil {
		var old idempotencyRecord
		if err := json.Unmarshal(v, &old); err != nil {
			return nil, fmt.Errorf("decode idempotency record: %w", err)
		}
		if now.Sub(old.At) < store.IdempotencyWindow {
			if old.RequestHash != run.RequestHash {
				return nil, &store.IdempotencyConflictError{Key: run.IdempotencyKey, RunID: old.RunID}
			}
			orig, err := getRun(tx, run.Tenant, old.RunID)
			if err != nil {
				return nil, fmt.Errorf("idempotency key %q names run %q: %w", run.IdempotencyKey, old.RunID, err)
			}
			return &orig, nil
		}
	}
	if err := keys.Put(ik, rec); err != nil {
		return nil, err
	}
	return nil, dense(tx, bucketIdempotencyByTime).Put(timedKey(now, ik), nil)
}

// expireKeys deletes up to max idempotency keys older than the window,
// oldest first. A key reused since its entry in the time index was written
// has a newer record, which stays.
func expireKeys(tx *bolt.Tx, now time.Time, max int) error {
	keys, byTime := tx.Bucket(bucketIdempotency), tx.Bucket(bucketIdempotencyByTime)
	bound := appendTime(nil, now.Add(-store.IdempotencyWindow))
	var expired [][]byte
	c := byTime.Cursor()
	for k, _ := c.First(); k != nil && len(expired) < max && bytes.Compare(k[:8], bound) <= 0; k, _ = c.Next() {
		expired = append(expired, bytes.Clone(k))
	}
	for _, tk := range expired {
		ik := tk[8:]
		if v := keys.Get(ik); v != nil {
			var rec idempotencyRecord
			if err := json.Unmarshal(v, &rec); err != nil {
				return fmt.Errorf("decode idempotency record: %w", err)
			}
			if rec.At.Equal(readTime(tk[:8])) {
				if err := keys.Delete(ik); err != nil {
					return err
				}
			}
		}
		if err := byTime.Delete(tk); err != nil {
			return err
		}
	}
	return nil
}
