package bench

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sievekyc/sieve/engine"
)

// TestDevSetAccuracy guards the accuracy measured on the dev set at the
// default threshold (README, "Accuracy"). The floors sit just below the
// measured figures so that a change that loses accuracy fails here.
func TestDevSetAccuracy(t *testing.T) {
	e := realEngine(t)
	fh, err := os.Open(filepath.Join("..", "testdata", "eval", "dev.jsonl"))
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
	if rep.Overall.Negatives < 500 {
		t.Errorf("dev set has %d negatives, want ≥ 500", rep.Overall.Negatives)
	}
	if r := rep.Overall.Recall; r < 0.965 {
		t.Errorf("overall recall %.3f < 0.965", r)
	}
	if fp := rep.Overall.FPRate; fp > 0.02 {
		t.Errorf("false-positive rate on negatives %.3f > 0.02", fp)
	}
	for tag, m := range rep.ByTag {
		if m.Positives > 0 && m.Recall < 0.78 {
			t.Errorf("tag %s recall %.3f < 0.78", tag, m.Recall)
		}
	}
}
