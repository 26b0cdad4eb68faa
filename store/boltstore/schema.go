package boltstore

import (
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// A migration takes the store from one schema version to the next inside
// the transaction that opens it.
type migration func(tx *bolt.Tx) error

// migrations[i] takes a store from schema version i to i+1; version 0 is an
// empty file. To change the layout, append a migration: never edit one
// that shipped.
var migrations = []migration{
	createBucketsV1,
}

// SchemaVersion is the schema version this version of Sieve writes:
// len(migrations).
const SchemaVersion = 1

// createBucketsV1 creates every bucket of schema version 1.
func createBucketsV1(tx *bolt.Tx) error {
	for _, name := range bucketsV1 {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	return nil
}

// migrate brings the store at path up to the newest of migs inside tx. It
// refuses files that are not Sieve stores and stores written with a newer
// schema.
func migrate(tx *bolt.Tx, path string, migs []migration) error {
	version, err := schemaVersion(tx, path)
	if err != nil {
		return err
	}
	supported := uint64(len(migs))
	if version > supported {
		return &SchemaError{Path: path, Found: version, Supported: supported}
	}
	for v := version; v < supported; v++ {
		if err := migs[v](tx); err != nil {
			return fmt.Errorf("boltstore: %s: migrate schema %d to %d: %w", path, v, v+1, err)
		}
	}
	if version < supported {
		meta, err := tx.CreateBucketIfNotExists(bucketMeta)
		if err != nil {
			return fmt.Errorf("boltstore: %s: %w", path, err)
		}
		if err := meta.Put(keySchemaVersion, binary.BigEndian.AppendUint64(nil, supported)); err != nil {
			return fmt.Errorf("boltstore: %s: %w", path, err)
		}
	}
	for _, name := range bucketsV1 {
		if tx.Bucket(name) == nil {
			return fmt.Errorf("boltstore: %s: %w: bucket %s is missing", path, ErrNotStore, name)
		}
	}
	return nil
}

// schemaVersion reads the schema version; an empty file is version 0.
func schemaVersion(tx *bolt.Tx, path string) (uint64, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		if k, _ := tx.Cursor().First(); k != nil {
			return 0, fmt.Errorf("boltstore: %s: %w: a bbolt file without Sieve's schema version", path, ErrNotStore)
		}
		return 0, nil
	}
	v := meta.Get(keySchemaVersion)
	if len(v) != 8 {
		return 0, fmt.Errorf("boltstore: %s: %w: malformed schema version", path, ErrNotStore)
	}
	return binary.BigEndian.Uint64(v), nil
}
