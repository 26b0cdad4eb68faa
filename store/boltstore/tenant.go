package boltstore

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/sievekyc/sieve/store"
	bolt "go.etcd.io/bbolt"
)

// PutTenant implements store.KeyStore.
func (s *Store) PutTenant(ctx context.Context, t store.Tenant) (store.Tenant, error) {
	const op = "put tenant"
	t.CreatedAt = utc(t.CreatedAt)
	if err := t.Validate(); err != nil {
		return store.Tenant{}, wrap(op, err)
	}
	now := s.clock()
	err := s.update(ctx, op, func(tx *bolt.Tx) error {
		tenants := tx.Bucket(bucketTenants)
		key := []byte(t.ID)
		if v := tenants.Get(key); v != nil {
			var old store.Tenant
			if err := json.Unmarshal(v, &old); err != nil {
				return fmt.Errorf("decode tenant %q: %w", t.ID, err)
			}
			t.CreatedAt = old.CreatedAt
		} else if t.CreatedAt.IsZero() {
			t.CreatedAt = now
		}
		enc, err := json.Marshal(t)
		if err != nil {
			return fmt.Errorf("encode tenant: %w", err)
		}
		return tenants.Put(key, enc)
	})
	if err != nil {
		return store.Tenant{}, err
	}
	return t, nil
}

// GetTenant implements store.KeyStore.
func (s *Store) GetTenant(ctx context.Context, id string) (store.Tenant, error) {
	var t store.Tenant
	err := s.view(ctx, "get tenant", func(tx *bolt.Tx) error {
		var err error
		t, err = getTenant(tx, id)
		return err
	})
	return t, err
}

func getTenant(tx *bolt.Tx, id string) (store.Tenant, error) {
	var t store.Tenant
	var v []byte
	if store.ValidID(id) {
		v = tx.Bucket(bucketTenants).Get([]byte(id))
	}
	if v == nil {
		return t, fmt.Errorf("tenant %q: %w", id, store.ErrNotFound)
	}
	if err := json.Unmarshal(v, &t); err != nil {
		return t, fmt.Errorf("decode tenant %q: %w", id, err)
	}
	return t, nil
}
