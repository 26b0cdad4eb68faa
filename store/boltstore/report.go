package boltstore

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	"github.com/sievekyc/sieve/store"
	bolt "go.etcd.io/bbolt"
)

// reportRecord is the bucketReports value; the PDF is in bucketReportPDFs.
type reportRecord struct {
	Tenant    string    `json:"tenant"`
	RunID     string    `json:"run_id"`
	Mode      string    `json:"mode"`
	SHA256    string    `json:"sha256"`
	Size      int       `json:"size"`
	CreatedAt time.Time `json:"created_at"`
}

// PutReport implements store.ReportStore.
func (s *Store) PutReport(ctx context.Context, r store.Report) (store.Report, error) {
	const op = "put report"
	if r.SHA256 == "" {
		sum := sha256.Sum256(r.PDF)
		r.SHA256 = hex.EncodeToString(sum[:])
	}
	if r.CreatedAt.IsZero() {
		r.CreatedAt = s.clock()
	}
	r.CreatedAt = r.CreatedAt.UTC()
	if err := r.Validate(); err != nil {
		return store.Report{}, wrap(op, err)
	}
	enc, err := json.Marshal(reportRecord{Tenant: r.Tenant, RunID: r.RunID, Mode: r.Mode, SHA256: r.SHA256, Size: len(r.PDF), CreatedAt: r.CreatedAt})
	if err != nil {
		return store.Report{}, wrap(op, fmt.Errorf("encode report: %w", err))
	}
	var stored store.Report
	err = s.update(ctx, op, func(tx *bolt.Tx) error {
		if _, err := getRun(tx, r.Tenant, r.RunID); err != nil {
			return err
		}
		key := joinKey(r.Tenant, r.RunID, r.Mode)
		if v := tx.Bucket(bucketReports).Get(key); v != nil {
			var err error
			if stored, err = getReport(tx, r.Tenant, r.RunID, r.Mode); err != nil {
				return err
			}
			if stored.SHA256 != r.SHA256 {
				return fmt.Errorf("%w: run %q already has a different %q report", store.ErrConflict, r.RunID, r.Mode)
			}
			return nil
		}
		if err := tx.Bucket(bucketReports).Put(key, enc); err != nil {
			return err
		}
		if err := tx.Bucket(bucketReportPDFs).Put(key, r.PDF); err != nil {
			return err
		}
		if err := dense(tx, bucketReportsByTime).Put(timedKey(r.CreatedAt, key), nil); err != nil {
			return err
		}
		stored = r
		stored.PDF = bytes.Clone(r.PDF)
		return nil
	})
	if err != nil {
		return store.Report{}, err
	}
	return stored, nil
}

// GetReport implements store.ReportStore.
func (s *Store) GetReport(ctx context.Context, tenant, runID, mode string) (store.Report, error) {
	var r store.Report
	err := s.view(ctx, "get report", func(tx *bolt.Tx) error {
		var err error
		r, err = getReport(tx, tenant, runID, mode)
		return err
	})
	return r, err
}

// PurgeReports implements store.ReportStore.
func (s *Store) PurgeReports(ctx context.Context, olderThan time.Time) (int, error) {
	return s.purge(ctx, "purge reports", bucketReportsByTime, olderThan, bucketReports, bucketReportPDFs)
}

// getReport reads the tenant's report, copying the PDF out of the
// transaction.
func getReport(tx *bolt.Tx, tenant, runID, mode string) (store.Report, error) {
	notFound := fmt.Errorf("%q report of run %q: %w", mode, runID, store.ErrNotFound)
	if !store.ValidID(tenant) || !store.ValidID(runID) || !store.ValidID(mode) {
		return store.Report{}, notFound
	}
	key := joinKey(tenant, runID, mode)
	v := tx.Bucket(bucketReports).Get(key)
	pdf := tx.Bucket(bucketReportPDFs).Get(key)
	if v == nil || pdf == nil {
		return store.Report{}, notFound
	}
	var rec reportRecord
	if err := json.Unmarshal(v, &rec); err != nil {
		return store.Report{}, fmt.Errorf("decode report of run %q: %w", runID, err)
	}
	return store.Report{Tenant: rec.Tenant, RunID: rec.RunID, Mode: rec.Mode, PDF: bytes.Clone(pdf), SHA256: rec.SHA256, CreatedAt: rec.CreatedAt}, nil
}
