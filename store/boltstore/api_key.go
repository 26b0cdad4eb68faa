package boltstore

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/sievekyc/sieve/store"
	bolt "go.etcd.io/bbolt"
)

// PutAPIKey implements store.KeyStore.
func (s *Store) PutAPIKey(ctx context.Context, k store.APIKey) (store.APIKey, error) {
	const op = "put api key"
	k.CreatedAt = utc(k.CreatedAt)
	k.RevokedAt = utc(k.RevokedAt)
	if err := k.Validate(); err != nil {
		return store.APIKey{}, wrap(op, err)
	}
	now := s.clock()
	err := s.update(ctx, op, func(tx *bolt.Tx) error {
		if _, err := getTenant(tx, k.Tenant); err != nil {
			return err
		}
		keys, hashes := tx.Bucket(bucketAPIKeys), tx.Bucket(bucketAPIKeyHashes)
		id := []byte(k.ID)
		if owner := hashes.Get([]byte(k.Hash)); owner != nil && string(owner) != k.ID {
			return fmt.Errorf("%w: another key has this hash", store.ErrConflict)
		}
		if v := keys.Get(id); v != nil {
			var old store.APIKey
			if err := json.Unmarshal(v, &old); err != nil {
				return fmt.Errorf("decode api key %q: %w", k.ID, err)
			}
			if old.Tenant != k.Tenant {
				return fmt.Errorf("%w: api key ID %q is taken", store.ErrConflict, k.ID)
			}
			if old.Hash != k.Hash {
				if err := hashes.Delete([]byte(old.Hash)); err != nil {
					return err
				}
			}
			k.CreatedAt = old.CreatedAt
		} else if k.CreatedAt.IsZero() {
			k.CreatedAt = now
		}
		enc, err := json.Marshal(k)
		if err != nil {
			return fmt.Errorf("encode api key: %w", err)
		}
		if err := keys.Put(id, enc); err != nil {
			return err
		}
		return hashes.Put([]byte(k.Hash), id)
	})
	if err != nil {
		return store.APIKey{}, err
	}
	k.Scopes = append([]string(nil), k.Scopes...)
	return k, nil
}

// GetAPIKey implements store.KeyStore.
func (s *Store) GetAPIKey(ctx context.Context, tenant, id string) (store.APIKey, error) {
	var k store.APIKey
	err := s.view(ctx, "get api key", func(tx *bolt.Tx) error {
		var err error
		k, err = getAPIKey(tx, id)
		if err == nil && k.Tenant != tenant {
			err = fmt.Errorf("api key %q: %w", id, store.ErrNotFound)
		}
		return err
	})
	if err != nil {
		return store.APIKey{}, err
	}
	return k, nil
}

// APIKeyByHash implements store.KeyStore.
func (s *Store) APIKeyByHash(ctx context.Context, hash string) (store.APIKey, error) {
	var k store.APIKey
	err := s.view(ctx, "api key by hash", func(tx *bolt.Tx) error {
		var id []byte
		if hash != "" {
			id = tx.Bucket(bucketAPIKeyHashes).Get([]byte(hash))
		}
		if id == nil {
			return fmt.Errorf("api key: %w", store.ErrNotFound)
		}
		var err error
		k, err = getAPIKey(tx, string(id))
		return err
	})
	if err != nil {
		return store.APIKey{}, err
	}
	return k, nil
}

func getAPIKey(tx *bolt.Tx, id string) (store.APIKey, error) {
	var k store.APIKey
	var v []byte
	if store.ValidID(id) {
		v = tx.Bucket(bucketAPIKeys).Get([]byte(id))
	}
	if v == nil {
		return k, fmt.Errorf("api key %q: %w", id, store.ErrNotFound)
	}
	if err := json.Unmarshal(v, &k); err != nil {
		return k, fmt.Errorf("decode api key %q: %w", id, err)
	}
	return k, nil
}

// ListAPIKeys implements store.KeyStore.
func (s *Store) ListAPIKeys(ctx context.Context, tenant string) ([]store.APIKey, error) {
	var keys []store.APIKey
	err := s.view(ctx, "list api keys", func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketAPIKeys).Cursor()
		n := 0
		for id, v := c.First(); id != nil; id, v = c.Next() {
			if n++; n%ctxEvery == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			var k store.APIKey
			if err := json.Unmarshal(v, &k); err != nil {
				return fmt.Errorf("decode api key %q: %w", id, err)
			}
			if tenant == "" || k.Tenant == tenant {
				keys = append(keys, k)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// The bucket is in ID order; a listing of every tenant groups them.
	slices.SortStableFunc(keys, func(a, b store.APIKey) int { return strings.Compare(a.Tenant, b.Tenant) })
	if keys == nil {
		keys = []store.APIKey{}
	}
	return keys, nil
}
