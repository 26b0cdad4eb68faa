package rules

import (
	"fmt"
	"maps"
	"math"
	"slices"
)

// SourceStatus is how a source's execution ended.
type SourceStatus uint8

// The source statuses. The zero value is invalid.
const (
	StatusOK      SourceStatus = iota + 1 // the source answered
	StatusFailed                          // the source returned an error
	StatusTimeout                         // the source did not answer within its timeout
	StatusSkipped                         // the source did not run (disabled, cancelled)
)

var sourceStatusNames = []string{"", "ok", "failed", "timeout", "skipped"}

// ParseSourceStatus parses "ok", "failed", "timeout" or "skipped".
func ParseSourceStatus(s string) (SourceStatus, error) {
	v, err := enumParse("source status", sourceStatusNames, s)
	return SourceStatus(v), err
}

// String returns "ok", "failed", "timeout" or "skipped".
func (s SourceStatus) String() string {
	return enumString("SourceStatus", sourceStatusNames, uint8(s))
}

// MarshalText implements encoding.TextMarshaler; it rejects invalid values.
func (s SourceStatus) MarshalText() ([]byte, error) {
	return enumMarshal("source status", sourceStatusNames, uint8(s))
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown
// names.
func (s *SourceStatus) UnmarshalText(b []byte) error {
	v, err := ParseSourceStatus(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Hit is one match a screening (or list-like custom) source found. Rules
// see it with the expr names in the tags: hits[0].score, .list, .programs.
// List is the list's source code ("OFAC-SDN") and Type the entity type
// ("person", "organization"), as plain strings so rules compare them with
// string literals.
type Hit struct {
	EntityID string   `json:"entity_id" expr:"entity_id"`
	List     string   `json:"list" expr:"list"`
	Name     string   `json:"name" expr:"name"`
	Query    string   `json:"query,omitempty" expr:"query"`
	Score    float64  `json:"score" expr:"score"`
	Type     string   `json:"type,omitempty" expr:"type"`
	Programs []string `json:"programs,omitempty" expr:"programs"`
}

// SourceResult is what one source returned. The run orchestrator fills one
// per source; Evaluate reads them. Rules see the fields by their JSON names
// (sanctions.matched, sanctions.best_score), and every result also exposes
// "ok" (Status is StatusOK). Which fields a rule may read depends on the
// source's kind: screening and custom sources have the match fields,
// document sources have Valid, custom sources have Data.
type SourceResult struct {
	Status SourceStatus `json:"status"`
	// Error describes a failure or a timeout.
	Error string `json:"error,omitempty"`

	Matched    bool     `json:"matched,omitempty"`
	MatchCount int      `json:"match_count,omitempty"`
	BestScore  float64  `json:"best_score,omitempty"`
	ListsHit   []string `json:"lists_hit,omitempty"`
	Hits       []Hit    `json:"hits,omitempty"`

	// Valid is the verdict of a document source.
	Valid bool `json:"valid,omitempty"`

	// Data is what a custom source returned. Values are JSON-like: string,
	// bool, float64 or int, time.Time, []any, map[string]any.
	Data map[string]any `json:"data,omitempty"`

	// DurationMS is how long the source ran, in milliseconds.
	DurationMS int64 `json:"duration_ms"`
}

// Available reports whether the source answered (Status is StatusOK).
func (r SourceResult) Available() bool { return r.Status == StatusOK }

// validate checks a result's own consistency.
func (r SourceResult) validate() error {
	if _, err := r.Status.MarshalText(); err != nil {
		return fmt.Errorf("%w: status %d", ErrInvalidResult, r.Status)
	}
	if r.MatchCount < 0 || r.DurationMS < 0 {
		return fmt.Errorf("%w: negative match_count or duration_ms", ErrInvalidResult)
	}
	if math.IsNaN(r.BestScore) || r.BestScore < 0 || r.BestScore > 1 {
		return fmt.Errorf("%w: best_score %v outside [0,1]", ErrInvalidResult, r.BestScore)
	}
	for i, h := range r.Hits {
		if math.IsNaN(h.Score) || h.Score < 0 || h.Score > 1 {
			return fmt.Errorf("%w: hits[%d].score %v outside [0,1]", ErrInvalidResult, i, h.Score)
		}
	}
	return nil
}

// summarizeHits fills Matched, MatchCount, BestScore and ListsHit from Hits
// where they were left at their zero values. Test cases use it so a rule
// author can list hits without restating their summary.
func (r *SourceResult) summarizeHits() {
	if len(r.Hits) == 0 {
		return
	}
	if r.MatchCount == 0 {
		r.MatchCount = len(r.Hits)
	}
	r.Matched = true
	best := 0.0
	set := map[string]bool{}
	for _, h := range r.Hits {
		best = max(best, h.Score)
		if h.List != "" {
			set[h.List] = true
		}
	}
	if r.BestScore == 0 {
		r.BestScore = best
	}
	if len(r.ListsHit) == 0 && len(set) > 0 {
		r.ListsHit = slices.Sorted(maps.Keys(set))
	}
}
