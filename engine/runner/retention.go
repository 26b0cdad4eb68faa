package runner

import (
	"context"
	"fmt"
	"time"
)

// reportPurgeInterval is how often a started runner purges expired
// reports.
const reportPurgeInterval = 24 * time.Hour

// PurgeReports deletes every stored report created before olderThan and
// returns how many it deleted. A started runner calls it itself (see
// Options.ReportRetention); hosts that keep reports on their own terms
// disable that and call it when they choose.
func (r *Runner) PurgeReports(ctx context.Context, olderThan time.Time) (int, error) {
	n, err := r.st.PurgeReports(ctx, olderThan)
	if err != nil {
		return 0, fmt.Errorf("runner: purging reports: %w", err)
	}
	return n, nil
}

// retainReports purges the reports older than Options.ReportRetention at
// once and then every reportPurgeInterval, until ctx ends.
func (r *Runner) retainReports(ctx context.Context) {
	defer r.janitor.Done()
	tick := time.NewTicker(reportPurgeInterval)
	defer tick.Stop()
	for {
		cutoff := r.opts.Now().UTC().Add(-r.opts.ReportRetention)
		n, err := r.PurgeReports(ctx, cutoff)
		switch {
		case err != nil && ctx.Err() == nil:
			r.opts.Logger.Error("runner: report retention", "err", err)
		case n > 0:
			r.opts.Logger.Info("runner: purged expired reports", "count", n, "created_before", cutoff)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
