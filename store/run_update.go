package store

import "fmt"

// ApplyUpdate computes the record an update stores, for implementations of
// RunStore.UpdateRun. It starts from the stored run, so creation fields
// (ID to CreatedAt) stay as stored whatever update holds, and copies in the
// progress fields of update (Status to SignOff), in UTC. It fails with
// ErrConflict when update.Revision is not stored.Revision, with a
// *TransitionError when the run's lifecycle forbids the status change (see
// RunStatus.CanTransitionTo), and with *RecordError when the result is
// invalid. The result's Revision is stored.Revision+1.
func ApplyUpdate(stored, update Run) (Run, error) {
	if update.Revision != stored.Revision {
		return Run{}, fmt.Errorf("store: %w: run %q has revision %d, the update was made from revision %d",
			ErrConflict, stored.ID, stored.Revision, update.Revision)
	}
	if !stored.Status.CanTransitionTo(update.Status) {
		if !update.Status.valid() {
			return Run{}, &RecordError{Record: "run", Field: "status", Reason: fmt.Sprintf("invalid status %d", uint8(update.Status))}
		}
		return Run{}, &TransitionError{RunID: stored.ID, From: stored.Status, To: update.Status}
	}
	next := stored
	next.Status = update.Status
	next.EstimatedSeconds = update.EstimatedSeconds
	next.StartedAt = utc(update.StartedAt)
	next.CompletedAt = utc(update.CompletedAt)
	next.Attempts = update.Attempts
	next.Error = update.Error
	next.Decision = update.Decision
	next.OperativeDecision = update.OperativeDecision
	next.RiskScore = update.RiskScore
	next.RiskBand = update.RiskBand
	next.SignOff = update.SignOff
	next.SignOff.At = utc(update.SignOff.At)
	next.Revision = stored.Revision + 1
	if err := next.Validate(); err != nil {
		return Run{}, err
	}
	return next, nil
}
