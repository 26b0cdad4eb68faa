package bench

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/sievekyc/sieve/engine"
	"github.com/sievekyc/sieve/lists"
)

// EvalQuery is one line of an evaluation set.
type EvalQuery struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Type     string `json:"type,omitempty"`
	DOB      string `json:"dob,omitempty"`
	Country  string `json:"country,omitempty"`
	Document string `json:"document,omitempty"`
	// Lists restricts the screen to these list codes; empty means all.
	Lists  []string `json:"lists,omitempty"`
	Expect []string `json:"expect"`
	Tags   []string `json:"tags,omitempty"`
}

// ReadEvalSet reads JSON lines; a bad line is an error naming its line.
func ReadEvalSet(r io.Reader) ([]EvalQuery, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	var qs []EvalQuery
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var q EvalQuery
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			return nil, fmt.Errorf("eval set line %d: %w", line, err)
		}
		if q.Name == "" {
			return nil, fmt.Errorf("eval set line %d: query %q has no name", line, q.ID)
		}
		if q.Expect == nil {
			q.Expect = []string{}
		}
		qs = append(qs, q)
	}
	return qs, sc.Err()
}

// Metrics are the accuracy figures of one slice of the evaluation.
type Metrics struct {
	Queries   int `json:"queries"`
	Positives int `json:"positives"`
	Negatives int `json:"negatives"`
	// Found counts positives whose expected entity scored ≥ threshold.
	Found int `json:"found"`
	// Top1 counts positives whose expected entity is the best match of its
	// own list.
	Top1 int `json:"top1"`
	// FalsePositives counts negatives with any match.
	FalsePositives int     `json:"false_positives"`
	Recall         float64 `json:"recall"`
	Precision      float64 `json:"precision"`
	F1             float64 `json:"f1"`
	FPRate         float64 `json:"false_positive_rate"`
	RecallAt1      float64 `json:"recall_at_1"`
}

func (m *Metrics) finish() {
	if m.Positives > 0 {
		m.Recall = float64(m.Found) / float64(m.Positives)
		m.RecallAt1 = float64(m.Top1) / float64(m.Positives)
	}
	if m.Negatives > 0 {
		m.FPRate = float64(m.FalsePositives) / float64(m.Negatives)
	}
	if tp := float64(m.Found); tp+float64(m.FalsePositives) > 0 {
		m.Precision = tp / (tp + float64(m.FalsePositives))
	}
	if m.Precision+m.Recall > 0 {
		m.F1 = 2 * m.Precision * m.Recall / (m.Precision + m.Recall)
	}
}

// Miss is a positive query that was not found, or a negative that matched.
type Miss struct {
	ID     string   `json:"id"`
	Name   string   `json:"name"`
	Expect []string `json:"expect"`
	// Got lists the best matches (ID and score) the engine returned.
	Got  []string `json:"got"`
	Tags []string `json:"tags,omitempty"`
}

// Report is the outcome of an evaluation.
type Report struct {
	Threshold   float64            `json:"threshold"`
	Fingerprint string             `json:"fingerprint"`
	Overall     Metrics            `json:"overall"`
	ByTag       map[string]Metrics `json:"by_tag"`
	LatencyP50  time.Duration      `json:"latency_p50_ns"`
	LatencyP99  time.Duration      `json:"latency_p99_ns"`
	Misses      []Miss             `json:"misses,omitempty"`
}

// Evaluate screens every query at threshold (the engine's default when
// zero) and scores the outcome. The engine is asked with a low threshold
// so that recall@1 and the misses can show near-misses; the threshold is
// applied here.
func Evaluate(ctx context.Context, e *engine.Engine, qs []EvalQuery, threshold float64) (*Report, error) {
	if threshold == 0 {
		threshold = e.Options().Threshold
	}
	rep := &Report{Threshold: threshold, Fingerprint: e.Options().Fingerprint(), ByTag: map[string]Metrics{}}
	lat := make([]time.Duration, 0, len(qs))
	for _, eq := range qs {
		q, err := eq.query(threshold)
		if err != nil {
			return nil, fmt.Errorf("query %s: %w", eq.ID, err)
		}
		start := time.Now()
		res, err := e.Screen(ctx, q)
		lat = append(lat, time.Since(start))
		if err != nil {
			return nil, fmt.Errorf("query %s: %w", eq.ID, err)
		}
		// recall@1 is per list: the same party is often listed by several
		// publishers, so "first" means first within the expected entity's
		// list, where the engine ranks it against that list's other parties.
		var all []engine.Match
		found, top1 := false, false
		for _, l := range res.Lists {
			all = append(all, l.Matches...)
			for i, m := range l.Matches {
				if slices.Contains(eq.Expect, m.EntityID) {
					found = true
					top1 = top1 || i == 0
				}
			}
		}
		slices.SortFunc(all, func(a, b engine.Match) int {
			if a.Score != b.Score {
				if a.Score > b.Score {
					return -1
				}
				return 1
			}
			return strings.Compare(a.EntityID, b.EntityID)
		})
		matched := len(all) > 0
		tally := func(m *Metrics) {
			m.Queries++
			if len(eq.Expect) > 0 {
				m.Positives++
				if found {
					m.Found++
				}
				if top1 {
					m.Top1++
				}
			} else {
				m.Negatives++
				if matched {
					m.FalsePositives++
				}
			}
		}
		tally(&rep.Overall)
		for _, t := range eq.Tags {
			m := rep.ByTag[t]
			tally(&m)
			rep.ByTag[t] = m
		}
		if (len(eq.Expect) > 0 && !found) || (len(eq.Expect) == 0 && matched) {
			miss := Miss{ID: eq.ID, Name: eq.Name, Expect: eq.Expect, Tags: eq.Tags}
			for i, m := range all {
				if i == 3 {
					break
				}
				miss.Got = append(miss.Got, fmt.Sprintf("%s %.3f %q", m.EntityID, m.Score, m.Name))
			}
			rep.Misses = append(rep.Misses, miss)
		}
	}
	rep.Overall.finish()
	for t, m := range rep.ByTag {
		m.finish()
		rep.ByTag[t] = m
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	rep.LatencyP50 = percentile(lat, 0.50)
	rep.LatencyP99 = percentile(lat, 0.99)
	return rep, nil
}

// evalLimit is the matches per list an evaluation keeps: enough that an
// expected entity scoring above the threshold is never cut off by
// namesakes ranked before it (OFAC lists "AL-AQSA FOUNDATION" under
// several entities).
const evalLimit = 100

// query turns an evaluation line into an engine query.
func (eq EvalQuery) query(threshold float64) (engine.Query, error) {
	q := engine.Query{Name: eq.Name, Country: eq.Country, Document: eq.Document, Threshold: threshold, Limit: evalLimit}
	if eq.Type != "" {
		t, err := lists.ParseEntityType(eq.Type)
		if err != nil {
			return q, err
		}
		q.Type = t
	}
	for _, code := range eq.Lists {
		src, err := lists.ParseSource(code)
		if err != nil {
			return q, err
		}
		q.Lists = append(q.Lists, src)
	}
	if eq.DOB != "" {
		d, err := lists.ParseDate(eq.DOB)
		if err != nil {
			return q, err
		}
		q.BirthDate = d
	}
	return q, nil
}

// percentile returns the p-th percentile of sorted durations.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(float64(len(sorted)-1) * p)
	return sorted[i]
}

// WriteText prints the report as a table.
func (r *Report) WriteText(w io.Writer) {
	fmt.Fprintf(w, "threshold %.2f  fingerprint %s\n", r.Threshold, r.Fingerprint)
	fmt.Fprintf(w, "%-22s %7s %7s %7s %7s %7s %7s %7s\n", "slice", "queries", "recall", "prec", "f1", "fp_rate", "rec@1", "misses")
	line := func(name string, m Metrics) {
		fmt.Fprintf(w, "%-22s %7d %7.3f %7.3f %7.3f %7.3f %7.3f %7d\n", name, m.Queries, m.Recall, m.Precision, m.F1, m.FPRate, m.RecallAt1,
			m.Positives-m.Found+m.FalsePositives)
	}
	line("overall", r.Overall)
	tags := make([]string, 0, len(r.ByTag))
	for t := range r.ByTag {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	for _, t := range tags {
		line("  "+t, r.ByTag[t])
	}
	fmt.Fprintf(w, "latency p50 %s  p99 %s\n", r.LatencyP50, r.LatencyP99)
}
