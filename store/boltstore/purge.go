package boltstore

import (
	"bytes"
	"context"
	"time"

	bolt "go.etcd.io/bbolt"
)

// purge deletes, in one transaction, every record a time index lists
// before olderThan: its key (the index key without the 8-byte time
// prefix) from each data bucket, and the index entry. It returns how many
// records went.
func (s *Store) purge(ctx context.Context, op string, index []byte, olderThan time.Time, data ...[]byte) (int, error) {
	n := 0
	err := s.update(ctx, op, func(tx *bolt.Tx) error {
		keys, err := expired(ctx, tx.Bucket(index), olderThan)
		if err != nil {
			return err
		}
		for _, tk := range keys {
			for _, b := range data {
				if err := tx.Bucket(b).Delete(tk[8:]); err != nil {
					return err
				}
			}
			if err := tx.Bucket(index).Delete(tk); err != nil {
				return err
			}
		}
		n = len(keys)
		return nil
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// expired returns copies of the keys of a time index that sort before t.
func expired(ctx context.Context, index *bolt.Bucket, t time.Time) ([][]byte, error) {
	bound := appendTime(nil, t)
	var keys [][]byte
	c := index.Cursor()
	for k, _ := c.First(); k != nil && bytes.Compare(k[:8], bound) < 0; k, _ = c.Next() {
		if len(keys)%ctxEvery == ctxEvery-1 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		keys = append(keys, bytes.Clone(k))
	}
	return keys, nil
}
