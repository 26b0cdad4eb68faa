package bench

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sievekyc/sieve/engine"
)

// TestDevSetAccuracy holds the engine to the accuracy budget on the dev
// set at the default threshold (README, "Accuracy"): recall ≥ 0.98
// overall and ≥ 0.95 in every tag, false-positive rate ≤ 2% on the
// negatives.
func TestDevSetAccuracy(t *testing.T) {
	rep := evaluateFile(t, "dev.jsonl")
	if rep.Overall.Negatives < 500 {
		t.Errorf("dev set has %d negatives, want ≥ 500", rep.Overall.Negatives)
	}
	if r := rep.Overall.Recall; r < 0.98 {
		t.Errorf("overall recall %.3f < 0.98", r)
	}
	if fp := rep.Overall.FPRate; fp > 0.02 {
		t.Errorf("false-positive rate on negatives %.3f > 0.02", fp)
	}
	for tag, m := range rep.ByTag {
		if m.Positives > 0 && m.Recall < 0.95 {
			t.Errorf("tag %s recall %.3f < 0.95", tag, m.Recall)
		}
	}
}

// TestHoldoutAccuracy guards the hand-curated holdout set
// (testdata/eval/HOLDOUT.md): press spellings, native scripts, partial
// names, aliases and hard negatives written independently of the dev-set
// generator.
func TestHoldoutAccuracy(t *testing.T) {
	rep := evaluateFile(t, "holdout.jsonl")
	if r := rep.Overall.Recall; r < 0.93 {
		t.Errorf("holdout recall %.3f < 0.93", r)
	}
	// 5 of the 198 hard negatives are namesakes close enough to alert on
	// (Omar Sharif/Amar Sharif, Kim Seok-jin/Kim Jin-sok, Transnet/Transneft...).
	if n := rep.Overall.FalsePositives; n > 5 {
		t.Errorf("holdout false positives %d > 5 (rate %.3f)", n, rep.Overall.FPRate)
	}
}

// evaluateFile evaluates testdata/eval/name over the real lists at the
// default threshold and logs the report.
func evaluateFile(t *testing.T, name string) *Report {
	t.Helper()
	e := realEngine(t)
	fh, err := os.Open(filepath.Join("..", "testdata", "eval", name))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	qs, err := ReadEvalSet(fh)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Evaluate(context.Background(), e, qs, 0)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Threshold != engine.DefaultThreshold {
		t.Fatalf("evaluated at %v, want the default %v", rep.Threshold, engine.DefaultThreshold)
	}
	var b strings.Builder
	rep.WriteText(&b)
	t.Log("\n" + b.String())
	return rep
}
