package fetch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/sievekyc/sieve/lists"
)

// Fetcher keeps a data directory of official list files up to date. Build
// it with [New]. It is safe for concurrent use; Update calls are serialized.
type Fetcher struct {
	dir       string
	specs     []Spec
	client    *http.Client
	maxBytes  int64
	userAgent string
	now       func() time.Time
	log       *slog.Logger

	mu sync.Mutex // serializes Update
}

// New validates opts and returns a Fetcher. It does no I/O: the data
// directory is created by the first Update.
func New(opts Options) (*Fetcher, error) {
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	f := &Fetcher{
		dir:       opts.Dir,
		client:    opts.Client,
		maxBytes:  opts.MaxBytes,
		userAgent: opts.UserAgent,
		now:       opts.Now,
		log:       opts.Logger,
	}
	specs := opts.Sources
	if specs == nil {
		specs = DefaultSpecs()
	}
	f.specs = cloneSpecs(specs)
	if f.client == nil {
		f.client = &http.Client{Timeout: 10 * time.Minute}
	}
	if f.maxBytes == 0 {
		f.maxBytes = DefaultMaxBytes
	}
	if f.userAgent == "" {
		f.userAgent = DefaultUserAgent
	}
	if f.now == nil {
		f.now = time.Now
	}
	if f.log == nil {
		f.log = slog.New(slog.DiscardHandler)
	}
	return f, nil
}

func cloneSpecs(specs []Spec) []Spec {
	out := make([]Spec, len(specs))
	for i, s := range specs {
		out[i] = s
		out[i].Files = append([]FileSpec(nil), s.Files...)
	}
	return out
}

// Specs returns a copy of the specs the Fetcher updates.
func (f *Fetcher) Specs() []Spec { return cloneSpecs(f.specs) }

// Dir returns the data directory.
func (f *Fetcher) Dir() string { return f.dir }

// Update fetches every spec, one after the other, and returns one Result
// per spec.
//
// For each file it sends a conditional GET (If-None-Match and
// If-Modified-Since with the validators of the last fetch, provided the
// local file is still the one fetched then). When every file of a spec
// answers 304 Not Modified, or the same bytes again, the spec is
// StatusUnchanged. Otherwise the new files are streamed into a temporary
// directory beside the old ones, each limited to Options.MaxBytes
// ([ErrTooLarge]) and checked against the announced Content-Length
// ([ErrTruncated]); then the whole set (new files and unchanged ones) is
// recognized with [lists.DetectFile] and parsed with [lists.ParseFileSet],
// and must parse as the spec's Source ([ErrSourceMismatch]). Only then is
// each new file renamed over the old one, and the state file written last.
// Any failure leaves the previous files byte-identical and marks the spec
// StatusFailed; the other specs still update.
//
// The returned error joins the errors of the failed specs (nil when none
// failed): errors.Is finds any sentinel in it. The Report is complete
// either way.
func (f *Fetcher) Update(ctx context.Context) (Report, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	rep := Report{Started: f.now().UTC()}
	if err := os.MkdirAll(f.dir, 0o755); err != nil {
		err = fmt.Errorf("fetch: data directory: %w", err)
		for _, s := range f.specs {
			rep.Results = append(rep.Results, Result{Name: s.Name, Source: s.Source, Status: StatusFailed, Err: err, Files: specFiles(s)})
		}
		rep.Finished = f.now().UTC()
		return rep, rep.Err()
	}
	st, err := loadState(f.dir)
	if err != nil {
		f.log.Warn("fetch: ignoring the state file; every request will be unconditional", "err", err)
	}
	for _, s := range f.specs {
		res := f.updateSpec(ctx, s, st)
		if res.Status == StatusFailed {
			f.log.Warn("fetch: list update failed", "spec", s.Name, "err", res.Err)
		} else {
			f.log.Info("fetch: list", "spec", s.Name, "status", res.Status.String(),
				"entities", res.Entities, "sha256", res.SHA256, "downloaded", res.Downloaded)
		}
		rep.Results = append(rep.Results, res)
	}
	rep.Finished = f.now().UTC()
	return rep, rep.Err()
}

func specFiles(s Spec) []string {
	out := make([]string, len(s.Files))
	for i, fs := range s.Files {
		out[i] = s.Name + "/" + fs.Name
	}
	return out
}

// fetched is one file of a spec after its request.
type fetched struct {
	spec  FileSpec
	local string // the file in place
	tmp   string // the new download; "" when the local file stays
	state fileState
}

func (f *Fetcher) updateSpec(ctx context.Context, s Spec, st *state) Result {
	res := Result{Name: s.Name, Source: s.Source, Files: specFiles(s)}
	prev, hasPrev := st.Specs[s.Name]
	if hasPrev {
		res.SHA256, res.Entities, res.Published = prev.SHA256, prev.Entities, prev.Published
	}
	fail := func(err error) Result {
		res.Status = StatusFailed
		res.Err = fmt.Errorf("fetch %s: %w", s.Name, err)
		return res
	}
	specDir := filepath.Join(f.dir, s.Name)
	if err := os.MkdirAll(specDir, 0o755); err != nil {
		return fail(err)
	}
	removeStaleTemps(specDir)
	tmpDir, err := os.MkdirTemp(specDir, ".fetch-")
	if err != nil {
		return fail(err)
	}
	defer os.RemoveAll(tmpDir)

	files := make([]fetched, 0, len(s.Files))
	changed := false
	validatorsChanged := false
	for _, fs := range s.Files {
		local := filepath.Join(specDir, fs.Name)
		var cond *fileState
		if p, ok := prev.Files[fs.Name]; ok && p.URL == redactURL(fs.URL) && localIs(local, p) {
			cond = &p
		}
		dl, err := f.download(ctx, fs, cond, filepath.Join(tmpDir, fs.Name))
		res.Downloaded += dl.size
		if err != nil {
			return fail(err)
		}
		item := fetched{spec: fs, local: local}
		switch {
		case dl.notModified:
			item.state = *cond
		case cond != nil && dl.sha256 == cond.SHA256 && dl.size == cond.Size:
			// The server ignored the validators but sent the same bytes.
			item.state = *cond
			item.state.ETag, item.state.LastModified = dl.etag, dl.lastModified
			validatorsChanged = validatorsChanged || dl.etag != cond.ETag || dl.lastModified != cond.LastModified
		default:
			item.tmp = dl.path
			item.state = fileState{
				URL: redactURL(fs.URL), ETag: dl.etag, LastModified: dl.lastModified,
				SHA256: dl.sha256, Size: dl.size, FetchedAt: f.now().UTC(),
			}
			changed = true
		}
		files = append(files, item)
	}

	if !changed {
		res.Status = StatusUnchanged
		if validatorsChanged {
			ps := prev
			ps.Files = make(map[string]fileState, len(files))
			for _, it := range files {
				ps.Files[it.spec.Name] = it.state
			}
			st.Specs[s.Name] = ps
			if err := st.save(f.dir); err != nil {
				f.log.Warn("fetch: cannot save the state file", "err", err)
			}
		}
		return res
	}

	list, err := parseSpec(s, files)
	if err != nil {
		return fail(err)
	}

	// Everything validated: swap the new files in, then record the state.
	for _, it := range files {
		if it.tmp == "" {
			continue
		}
		if err := os.Rename(it.tmp, it.local); err != nil {
			return fail(fmt.Errorf("swapping in %s: %w", it.spec.Name, err))
		}
	}
	syncDir(specDir)
	ns := specState{
		Source: string(s.Source), SHA256: list.SHA256, Entities: len(list.Entities),
		Published: list.Published, UpdatedAt: f.now().UTC(), Files: make(map[string]fileState, len(files)),
	}
	for _, it := range files {
		ns.Files[it.spec.Name] = it.state
	}
	st.Specs[s.Name] = ns
	if err := st.save(f.dir); err != nil {
		// The new files are in place and valid; without the state the next
		// update only loses its conditional requests.
		f.log.Warn("fetch: cannot save the state file", "err", err)
	}
	res.Status = StatusUpdated
	res.SHA256, res.Entities, res.Published = list.SHA256, len(list.Entities), list.Published
	return res
}

// parseSpec recognizes and parses the files of a spec (the new downloads
// and the files kept), and checks that they are the spec's list.
func parseSpec(s Spec, files []fetched) (*lists.List, error) {
	paths := make(map[string]string, len(files)) // path parsed -> spec-relative name
	set := lists.FileSet{}
	ofac := s.Source == lists.SourceOFACSDN || s.Source == lists.SourceOFACCons
	for _, it := range files {
		p := it.local
		if it.tmp != "" {
			p = it.tmp
		}
		name := s.Name + "/" + it.spec.Name
		paths[p] = name
		format, err := lists.DetectFile(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		switch format {
		case lists.FormatOFACSDNCSV, lists.FormatOFACConsCSV:
			if !ofac {
				return nil, fmt.Errorf("%s: %w: an OFAC legacy CSV, not %s", name, ErrSourceMismatch, s.Source)
			}
			role, err := ofacRole(p)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			slot := map[lists.OFACCSVRole]*string{
				lists.OFACCSVMain: &set.Path, lists.OFACCSVAddresses: &set.Addresses,
				lists.OFACCSVAliases: &set.Aliases, lists.OFACCSVComments: &set.Comments,
			}[role]
			if *slot != "" {
				return nil, fmt.Errorf("%s: %w: a second OFAC %s file in the set", name, ErrSourceMismatch, role)
			}
			*slot = p
			// The SDN and non-SDN sets look alike: the spec says which.
			set.Format = lists.FormatOFACSDNCSV
			if s.Source == lists.SourceOFACCons {
				set.Format = lists.FormatOFACConsCSV
			}
		default:
			if len(files) > 1 {
				return nil, fmt.Errorf("%s: %w: %s in a set of %d files; only OFAC's CSV sets have several", name, ErrSourceMismatch, format, len(files))
			}
			if format == lists.FormatOFACXML {
				if !ofac {
					return nil, fmt.Errorf("%s: %w: OFAC sdnList XML, not %s", name, ErrSourceMismatch, s.Source)
				}
				set.Source = s.Source // the file does not say which OFAC list it is
			}
			set.Format, set.Path = format, p
		}
	}
	if set.Path == "" {
		return nil, fmt.Errorf("%s: %w: the OFAC CSV set has no main file", s.Name, ErrSourceMismatch)
	}
	list, err := lists.ParseFileSet(set)
	if err != nil {
		if pe, ok := errors.AsType[*lists.ParseError](err); ok {
			if name, ok := paths[pe.Source]; ok {
				pe.Source = name
			}
			return nil, err
		}
		return nil, fmt.Errorf("%s: %w", s.Name, err)
	}
	if list.Source != s.Source {
		return nil, fmt.Errorf("%w: the files parse as %s, not %s", ErrSourceMismatch, list.Source, s.Source)
	}
	return list, nil
}

func ofacRole(p string) (lists.OFACCSVRole, error) {
	fh, err := os.Open(p)
	if err != nil {
		return 0, err
	}
	defer fh.Close()
	head := make([]byte, lists.DetectSize)
	n, err := io.ReadFull(fh, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return 0, err
	}
	role, ok := lists.DetectOFACCSVRole(head[:n])
	if !ok {
		return 0, fmt.Errorf("%w: not an OFAC legacy CSV", lists.ErrUnknownFormat)
	}
	return role, nil
}

// removeStaleTemps deletes temporary directories a crashed update left.
func removeStaleTemps(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".fetch-") {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}

// syncDir makes the renames in dir durable where the platform allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// localIs reports whether the file at path is still the one recorded in
// want (same size and SHA-256), so that a conditional request is safe.
func localIs(path string, want fileState) bool {
	fh, err := os.Open(path)
	if err != nil {
		return false
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil || st.Size() != want.Size {
		return false
	}
	h := sha256.New()
	if _, err := io.Copy(h, fh); err != nil {
		return false
	}
	return hex.EncodeToString(h.Sum(nil)) == want.SHA256
}
