package bench

import (
	"context"
	"fmt"
	"io"
	"slices"

	"github.com/sievekyc/sieve/engine"
)

// SweepRow is the accuracy at one threshold.
type SweepRow struct {
	Threshold float64 `json:"threshold"`
	Recall    float64 `json:"recall"`
	FPRate    float64 `json:"false_positive_rate"`
	// WorstTag is the positive tag with the lowest recall, and its recall.
	WorstTag       string  `json:"worst_tag"`
	WorstTagRecall float64 `json:"worst_tag_recall"`
}

// Sweep screens every query once, at the lowest threshold, and reports
// recall and the false-positive rate at each threshold: the evidence for
// choosing the default threshold.
func Sweep(ctx context.Context, e *engine.Engine, qs []EvalQuery, thresholds []float64) ([]SweepRow, error) {
	if len(thresholds) == 0 {
		return nil, nil
	}
	low := slices.Min(thresholds)
	type outcome struct {
		expected, any float64 // best score of an expected entity, of anything
		q             *EvalQuery
	}
	outs := make([]outcome, 0, len(qs))
	for i := range qs {
		eq := &qs[i]
		q, err := eq.query(low)
		if err != nil {
			return nil, fmt.Errorf("query %s: %w", eq.ID, err)
		}
		res, err := e.Screen(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("query %s: %w", eq.ID, err)
		}
		o := outcome{q: eq}
		for _, l := range res.Lists {
			for _, m := range l.Matches {
				o.any = max(o.any, m.Score)
				if slices.Contains(eq.Expect, m.EntityID) {
					o.expected = max(o.expected, m.Score)
				}
			}
		}
		outs = append(outs, o)
	}
	var rows []SweepRow
	for _, t := range thresholds {
		var pos, found, neg, fp int
		tagPos, tagFound := map[string]int{}, map[string]int{}
		for _, o := range outs {
			if len(o.q.Expect) == 0 {
				neg++
				if o.any >= t {
					fp++
				}
				continue
			}
			pos++
			hit := o.expected >= t
			if hit {
				found++
			}
			for _, tag := range o.q.Tags {
				tagPos[tag]++
				if hit {
					tagFound[tag]++
				}
			}
		}
		row := SweepRow{Threshold: t, WorstTagRecall: 1}
		if pos > 0 {
			row.Recall = float64(found) / float64(pos)
		}
		if neg > 0 {
			row.FPRate = float64(fp) / float64(neg)
		}
		tags := make([]string, 0, len(tagPos))
		for tag := range tagPos {
			tags = append(tags, tag)
		}
		slices.Sort(tags)
		for _, tag := range tags {
			if r := float64(tagFound[tag]) / float64(tagPos[tag]); r < row.WorstTagRecall {
				row.WorstTag, row.WorstTagRecall = tag, r
			}
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// WriteSweep prints sweep rows as a table.
func WriteSweep(w io.Writer, rows []SweepRow) {
	fmt.Fprintf(w, "%9s %7s %8s  %s\n", "threshold", "recall", "fp_rate", "worst tag")
	for _, r := range rows {
		fmt.Fprintf(w, "%9.2f %7.3f %8.3f  %s %.3f\n", r.Threshold, r.Recall, r.FPRate, r.WorstTag, r.WorstTagRecall)
	}
}
