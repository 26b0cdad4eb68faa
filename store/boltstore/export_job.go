package boltstore

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/sievekyc/sieve/store"
	bolt "go.etcd.io/bbolt"
)

// PutExport implements store.ExportStore.
func (s *Store) PutExport(ctx context.Context, j store.ExportJob) (store.ExportJob, error) {
	const op = "put export"
	if j.CreatedAt.IsZero() {
		j.CreatedAt = s.clock()
	}
	j.CreatedAt = j.CreatedAt.UTC()
	if err := j.Validate(); err != nil {
		return store.ExportJob{}, wrap(op, err)
	}
	enc, err := json.Marshal(j)
	if err != nil {
		return store.ExportJob{}, wrap(op, fmt.Errorf("encode export: %w", err))
	}
	var stored store.ExportJob
	err = s.batch(ctx, op, func(tx *bolt.Tx) error {
		stored = store.ExportJob{}
		key := joinKey(j.Tenant, j.ID)
		exports := tx.Bucket(bucketExports)
		if v := exports.Get(key); v != nil {
			if err := json.Unmarshal(v, &stored); err != nil {
				return fmt.Errorf("decode export %q: %w", j.ID, err)
			}
			if !bytes.Equal(stored.Request, j.Request) || !bytes.Equal(stored.Result, j.Result) {
				return fmt.Errorf("%w: export %q already exists with different content", store.ErrConflict, j.ID)
			}
			return nil
		}
		if err := exports.Put(key, enc); err != nil {
			return err
		}
		if err := dense(tx, bucketExportsByTime).Put(timedKey(j.CreatedAt, key), nil); err != nil {
			return err
		}
		return json.Unmarshal(enc, &stored)
	})
	if err != nil {
		return store.ExportJob{}, err
	}
	return stored, nil
}

// GetExport implements store.ExportStore.
func (s *Store) GetExport(ctx context.Context, tenant, id string) (store.ExportJob, error) {
	var j store.ExportJob
	err := s.view(ctx, "get export", func(tx *bolt.Tx) error {
		notFound := fmt.Errorf("export %q: %w", id, store.ErrNotFound)
		if !store.ValidID(tenant) || !store.ValidID(id) {
			return notFound
		}
		v := tx.Bucket(bucketExports).Get(joinKey(tenant, id))
		if v == nil {
			return notFound
		}
		if err := json.Unmarshal(v, &j); err != nil {
			return fmt.Errorf("decode export %q: %w", id, err)
		}
		return nil
	})
	return j, err
}

// PurgeExports implements store.ExportStore.
func (s *Store) PurgeExports(ctx context.Context, olderThan time.Time) (int, error) {
	return s.purge(ctx, "purge exports", bucketExportsByTime, olderThan, bucketExports)
}
