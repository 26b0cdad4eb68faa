package fetch

import (
	"errors"
	"fmt"
	"time"

	"github.com/sievekyc/sieve/lists"
)

// Status is the outcome of one spec in an update.
type Status int

// The outcomes.
const (
	// StatusUnchanged: the server answered 304 Not Modified for every file,
	// or sent the same bytes again; nothing was touched.
	StatusUnchanged Status = iota
	// StatusUpdated: new files were downloaded, parsed and swapped in.
	StatusUpdated
	// StatusFailed: the update of this spec failed; the previous files (if
	// any) are intact. Result.Err says why.
	StatusFailed
)

var statusNames = [...]string{"unchanged", "updated", "failed"}

// String returns "unchanged", "updated" or "failed".
func (s Status) String() string {
	if s < 0 || int(s) >= len(statusNames) {
		return fmt.Sprintf("Status(%d)", int(s))
	}
	return statusNames[s]
}

// MarshalText implements encoding.TextMarshaler.
func (s Status) MarshalText() ([]byte, error) {
	if s < 0 || int(s) >= len(statusNames) {
		return nil, fmt.Errorf("fetch: unknown status %d", int(s))
	}
	return []byte(statusNames[s]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown
// names.
func (s *Status) UnmarshalText(b []byte) error {
	for i, n := range statusNames {
		if n == string(b) {
			*s = Status(i)
			return nil
		}
	}
	return fmt.Errorf("fetch: unknown status %q", string(b))
}

// Result is the outcome of one spec.
type Result struct {
	Name   string       `json:"name"`
	Source lists.Source `json:"source"`
	Status Status       `json:"status"`
	// Err is why the spec failed; nil unless Status is StatusFailed.
	Err error `json:"-"`
	// SHA256, Entities and Published describe the list now in place: the
	// new one after an update, the kept one otherwise (empty when a spec
	// failed before any version was ever fetched). SHA256 is the parsed
	// List's digest (lists.List.SHA256).
	SHA256    string    `json:"sha256,omitempty"`
	Entities  int       `json:"entities"`
	Published time.Time `json:"published,omitzero"`
	// Files are the spec's local files, relative to the data directory
	// (slash-separated).
	Files []string `json:"files"`
	// Downloaded counts the bytes received for this spec (304s excluded).
	Downloaded int64 `json:"downloaded"`
}

// Report is the outcome of one [Fetcher.Update], one Result per spec in
// the order of Options.Sources.
type Report struct {
	Started  time.Time `json:"started"`
	Finished time.Time `json:"finished"`
	Results  []Result  `json:"results"`
}

// Err joins the errors of the failed specs; nil when none failed.
func (r Report) Err() error {
	var errs []error
	for _, res := range r.Results {
		if res.Status == StatusFailed {
			errs = append(errs, res.Err)
		}
	}
	return errors.Join(errs...)
}
