package fetch

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// stateFileName is the state file in the data directory. Its leading dot
// makes lists.LoadDir skip it.
const stateFileName = ".sieve-fetch.json"

// state is what the fetcher remembers between runs: the HTTP validators and
// digests of each file, and what the list parsed to.
type state struct {
	Version int                  `json:"version"`
	Specs   map[string]specState `json:"specs"`
}

type specState struct {
	Source    string               `json:"source"`
	SHA256    string               `json:"sha256"` // the parsed List's digest
	Entities  int                  `json:"entities"`
	Published time.Time            `json:"published,omitzero"`
	UpdatedAt time.Time            `json:"updated_at"`
	Files     map[string]fileState `json:"files"`
}

type fileState struct {
	URL          string    `json:"url"` // redacted
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	SHA256       string    `json:"sha256"` // of the file's bytes
	Size         int64     `json:"size"`
	FetchedAt    time.Time `json:"fetched_at"`
}

// loadState reads the state file. A missing file is an empty state; a
// damaged one is reported, and the caller starts afresh (every request is
// then unconditional, which is safe).
func loadState(dir string) (*state, error) {
	st := &state{Version: 1, Specs: map[string]specState{}}
	b, err := os.ReadFile(filepath.Join(dir, stateFileName))
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return st, err
	}
	var got state
	if err := json.Unmarshal(b, &got); err != nil {
		return st, fmt.Errorf("damaged state file %s: %w", stateFileName, err)
	}
	if got.Specs != nil {
		st.Specs = got.Specs
	}
	return st, nil
}

// save writes the state atomically: a temporary file, synced, then renamed.
func (s *state) save(dir string) error {
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(filepath.Join(dir, stateFileName), append(b, '\n'))
}

func writeFileAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-"+filepath.Base(path)+"-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}
