package lists

import (
	"fmt"
	"time"
)

// List is one parsed list file (or file set, for OFAC's CSVs).
type List struct {
	Source Source `json:"source"`
	// Format names the file format, for example "ofac-sdn-csv" or "un-xml".
	Format Format `json:"format"`
	// Published is the publication date the file states; zero when the file
	// states none (for example OFAC's legacy CSVs).
	Published time.Time `json:"published,omitzero"`
	// SHA256 is the hex SHA-256 of the bytes read; for a file set, of the
	// main file's bytes followed by each related file's bytes, in the order
	// the parser documents.
	SHA256   string   `json:"sha256"`
	Entities []Entity `json:"entities"`
	// Tolerated lists what the parser accepted in dirty input (a BOM,
	// Latin-1 bytes, a trailing space in an ID, an orphan alias row...),
	// with its position; one line per kind of problem, with a count.
	Tolerated []string `json:"tolerated,omitempty"`
}

// Version identifies the list's content: the publication date when known,
// followed by the first 12 hex digits of the SHA-256 ("2026-02-27/66b392a40908"
// or "sha256:d768d28ee9e3" without a date). Screening results carry it.
func (l *List) Version() string {
	short := l.SHA256
	if len(short) > 12 {
		short = short[:12]
	}
	if l.Published.IsZero() {
		return "sha256:" + short
	}
	return l.Published.UTC().Format("2006-01-02") + "/" + short
}

// NameCount counts all names of all entities.
func (l *List) NameCount() int {
	n := 0
	for i := range l.Entities {
		n += len(l.Entities[i].Names)
	}
	return n
}

// finishList completes a list parsed from one stream: it drains dr, so
// that the digest covers every byte of the input, and records the digest
// and what was tolerated. A list without entities is a *ParseError
// wrapping ErrEmpty; source is its ParseError.Source.
func finishList(list *List, dr *digestReader, tol *tolerances, source string) (*List, error) {
	if err := dr.drain(); err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	list.SHA256 = dr.sum()
	list.Tolerated = tol.list()
	if len(list.Entities) == 0 {
		return nil, &ParseError{Source: source, Err: ErrEmpty}
	}
	return list, nil
}
