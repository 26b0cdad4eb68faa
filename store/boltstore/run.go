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

// CreateRun implements store.RunStore.
func (s *Store) CreateRun(ctx context.Context, run store.Run) (store.Run, bool, error) {
	const op = "create run"
	now := s.clock()
	if run.Status == 0 {
		run.Status = store.StatusQueued
	}
	if run.CreatedAt.IsZero() {
		run.CreatedAt = now
	}
	run.CreatedAt = run.CreatedAt.UTC()
	run.StartedAt = utc(run.StartedAt)
	run.CompletedAt = utc(run.CompletedAt)
	run.SignOff.At = utc(run.SignOff.At)
	run.Revision = 1
	if err := run.Validate(); err != nil {
		return store.Run{}, false, wrap(op, err)
	}
	if run.Status != store.StatusQueued {
		return store.Run{}, false, wrap(op, &store.RecordError{Record: "run", Field: "status", Reason: "a run is created queued"})
	}
	enc, err := json.Marshal(run)
	if err != nil {
		return store.Run{}, false, wrap(op, fmt.Errorf("encode run: %w", err))
	}
	var idem []byte
	if run.IdempotencyKey != "" {
		idem, err = json.Marshal(idempotencyRecord{RunID: run.ID, RequestHash: run.RequestHash, At: now})
		if err != nil {
			return store.Run{}, false, wrap(op, fmt.Errorf("encode idempotency record: %w", err))
		}
	}

	var replay *store.Run
	err = s.batch(ctx, op, func(tx *bolt.Tx) error {
		replay = nil
		if err := expireKeys(tx, now, expireBatch); err != nil {
			return err
		}
		if idem != nil {
			orig, err := claimKey(tx, run, now, idem)
			if err != nil || orig != nil {
				replay = orig
				return err
			}
		}
		rk := joinKey(run.Tenant, run.ID)
		runs := dense(tx, bucketRuns)
		if runs.Get(rk) != nil {
			return fmt.Errorf("%w: run ID %q is taken", store.ErrConflict, run.ID)
		}
		if err := runs.Put(rk, enc); err != nil {
			return err
		}
		if err := dense(tx, bucketRunsByTime).Put(runTimeKey(run.Tenant, run.CreatedAt, run.ID), runSummary(run)); err != nil {
			return err
		}
		return dense(tx, bucketPending).Put(timedKey(run.CreatedAt, rk), nil)
	})
	if err != nil {
		return store.Run{}, false, err
	}
	if replay != nil {
		return *replay, false, nil
	}
	// Return the run as GetRun will: parameters in their JSON types.
	var stored store.Run
	if err := json.Unmarshal(enc, &stored); err != nil {
		return store.Run{}, false, wrap(op, fmt.Errorf("decode run: %w", err))
	}
	return stored, true, nil
}

// GetRun implements store.RunStore.
func (s *Store) GetRun(ctx context.Context, tenant, id string) (store.Run, error) {
	var run store.Run
	err := s.view(ctx, "get run", func(tx *bolt.Tx) error {
		var err error
		run, err = getRun(tx, tenant, id)
		return err
	})
	return run, err
}

// UpdateRun implements store.RunStore.
func (s *Store) UpdateRun(ctx context.Context, run store.Run) (store.Run, error) {
	var next store.Run
	err := s.batch(ctx, "update run", func(tx *bolt.Tx) error {
		var err error
		next, err = updateRun(tx, run)
		return err
	})
	if err != nil {
		return store.Run{}, err
	}
	return next, nil
}

// FinishRun implements store.RunStore.
func (s *Store) FinishRun(ctx context.Context, run store.Run, a store.Analysis) (store.Run, error) {
	const op = "finish run"
	if run.Status != store.StatusInReview && !run.Status.Terminal() {
		return store.Run{}, wrap(op, &store.RecordError{Record: "run", Field: "status",
			Reason: fmt.Sprintf("a run finishes em_analise or in a terminal status, not %s", run.Status)})
	}
	if a.RunID == "" {
		a.RunID = run.ID
	}
	if a.Tenant == "" {
		a.Tenant = run.Tenant
	}
	if a.RunID != run.ID || a.Tenant != run.Tenant {
		return store.Run{}, wrap(op, &store.RecordError{Record: "analysis", Field: "run_id", Reason: "not the run being finished"})
	}
	a, err := s.prepareAnalysis(a)
	if err != nil {
		return store.Run{}, wrap(op, err)
	}
	var next store.Run
	err = s.batch(ctx, op, func(tx *bolt.Tx) error {
		var err error
		if next, err = updateRun(tx, run); err != nil {
			return err
		}
		_, err = putAnalysis(tx, a)
		return err
	})
	if err != nil {
		return store.Run{}, err
	}
	return next, nil
}

// getRun reads the tenant's run; another tenant's is ErrNotFound.
func getRun(tx *bolt.Tx, tenant, id string) (store.Run, error) {
	if !store.ValidID(tenant) || !store.ValidID(id) {
		return store.Run{}, fmt.Errorf("run %q: %w", id, store.ErrNotFound)
	}
	v := tx.Bucket(bucketRuns).Get(joinKey(tenant, id))
	if v == nil {
		return store.Run{}, fmt.Errorf("run %q: %w", id, store.ErrNotFound)
	}
	var run store.Run
	if err := json.Unmarshal(v, &run); err != nil {
		return store.Run{}, fmt.Errorf("decode run %q: %w", id, err)
	}
	return run, nil
}

// updateRun applies run's progress fields to the stored run and maintains
// the listing summary and the pending index.
func updateRun(tx *bolt.Tx, run store.Run) (store.Run, error) {
	stored, err := getRun(tx, run.Tenant, run.ID)
	if err != nil {
		return store.Run{}, err
	}
	next, err := store.ApplyUpdate(stored, run)
	if err != nil {
		return store.Run{}, err
	}
	enc, err := json.Marshal(next)
	if err != nil {
		return store.Run{}, fmt.Errorf("encode run: %w", err)
	}
	rk := joinKey(next.Tenant, next.ID)
	if err := dense(tx, bucketRuns).Put(rk, enc); err != nil {
		return store.Run{}, err
	}
	if next.Status != stored.Status {
		if err := dense(tx, bucketRunsByTime).Put(runTimeKey(next.Tenant, next.CreatedAt, next.ID), runSummary(next)); err != nil {
			return store.Run{}, err
		}
	}
	if stored.Status.Active() != next.Status.Active() {
		pending, pk := dense(tx, bucketPending), timedKey(next.CreatedAt, rk)
		if next.Status.Active() {
			err = pending.Put(pk, nil)
		} else {
			err = pending.Delete(pk)
		}
		if err != nil {
			return store.Run{}, err
		}
	}
	return next, nil
}

// PendingRuns implements store.RunStore.
func (s *Store) PendingRuns(ctx context.Context) ([]store.Run, error) {
	var runs []store.Run
	err := s.view(ctx, "pending runs", func(tx *bolt.Tx) error {
		all := tx.Bucket(bucketRuns)
		c := tx.Bucket(bucketPending).Cursor()
		n := 0
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			if n++; n%ctxEvery == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			v := all.Get(k[8:])
			if v == nil {
				return fmt.Errorf("pending index names a missing run %q", bytes.ReplaceAll(k[8:], []byte{0}, []byte("/")))
			}
			var run store.Run
			if err := json.Unmarshal(v, &run); err != nil {
				return fmt.Errorf("decode run: %w", err)
			}
			runs = append(runs, run)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return runs, nil
}

// utc returns t in UTC; the zero time stays zero.
func utc(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC()
}
