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

// analysisRecord is the bucketAnalyses value; the body is in
// bucketAnalysisBodies.
type analysisRecord struct {
	RunID     string    `json:"run_id"`
	Tenant    string    `json:"tenant"`
	CreatedAt time.Time `json:"created_at"`
}

// PutAnalysis implements store.AnalysisStore.
func (s *Store) PutAnalysis(ctx context.Context, a store.Analysis) (store.Analysis, error) {
	const op = "put analysis"
	a, err := s.prepareAnalysis(a)
	if err != nil {
		return store.Analysis{}, wrap(op, err)
	}
	var stored store.Analysis
	err = s.update(ctx, op, func(tx *bolt.Tx) error {
		var err error
		stored, err = putAnalysis(tx, a)
		return err
	})
	if err != nil {
		return store.Analysis{}, err
	}
	return stored, nil
}

// GetAnalysis implements store.AnalysisStore.
func (s *Store) GetAnalysis(ctx context.Context, tenant, runID string) (store.Analysis, error) {
	var a store.Analysis
	err := s.view(ctx, "get analysis", func(tx *bolt.Tx) error {
		var err error
		a, err = getAnalysis(tx, tenant, runID)
		return err
	})
	return a, err
}

// prepareAnalysis stamps and validates an analysis before its transaction.
func (s *Store) prepareAnalysis(a store.Analysis) (store.Analysis, error) {
	if a.CreatedAt.IsZero() {
		a.CreatedAt = s.clock()
	}
	a.CreatedAt = a.CreatedAt.UTC()
	return a, a.Validate()
}

// putAnalysis stores a for an existing run, or returns the stored analysis
// when its body is the same.
func putAnalysis(tx *bolt.Tx, a store.Analysis) (store.Analysis, error) {
	if _, err := getRun(tx, a.Tenant, a.RunID); err != nil {
		return store.Analysis{}, err
	}
	key := joinKey(a.Tenant, a.RunID)
	if body := tx.Bucket(bucketAnalysisBodies).Get(key); body != nil {
		if !bytes.Equal(body, a.Body) {
			return store.Analysis{}, fmt.Errorf("%w: run %q already has a different analysis", store.ErrConflict, a.RunID)
		}
		return getAnalysis(tx, a.Tenant, a.RunID)
	}
	enc, err := json.Marshal(analysisRecord{RunID: a.RunID, Tenant: a.Tenant, CreatedAt: a.CreatedAt})
	if err != nil {
		return store.Analysis{}, fmt.Errorf("encode analysis: %w", err)
	}
	if err := tx.Bucket(bucketAnalyses).Put(key, enc); err != nil {
		return store.Analysis{}, err
	}
	if err := tx.Bucket(bucketAnalysisBodies).Put(key, a.Body); err != nil {
		return store.Analysis{}, err
	}
	a.Body = bytes.Clone(a.Body)
	return a, nil
}

// getAnalysis reads the analysis of the tenant's run, copying the body out
// of the transaction.
func getAnalysis(tx *bolt.Tx, tenant, runID string) (store.Analysis, error) {
	notFound := fmt.Errorf("analysis of run %q: %w", runID, store.ErrNotFound)
	if !store.ValidID(tenant) || !store.ValidID(runID) {
		return store.Analysis{}, notFound
	}
	key := joinKey(tenant, runID)
	v := tx.Bucket(bucketAnalyses).Get(key)
	body := tx.Bucket(bucketAnalysisBodies).Get(key)
	if v == nil || body == nil {
		return store.Analysis{}, notFound
	}
	var rec analysisRecord
	if err := json.Unmarshal(v, &rec); err != nil {
		return store.Analysis{}, fmt.Errorf("decode analysis of run %q: %w", runID, err)
	}
	return store.Analysis{RunID: rec.RunID, Tenant: rec.Tenant, Body: bytes.Clone(body), CreatedAt: rec.CreatedAt}, nil
}
