package fetch

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sievekyc/sieve/lists"
)

// fixtures are small files in the real formats, laid out as a data
// directory (repo-root testdata).
const fixtures = "../../testdata/lists/dir"

// sharedFile returns the path of a real list file in the shared folder
// beside the checkout, or skips the test when it is absent.
func sharedFile(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join("..", "..", "..", "shared", "lists", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		t.Skipf("real list %s not available (%v)", rel, err)
	}
	return p
}

func readFile(t testing.TB, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Serving modes of a test resource.
const (
	serveOK       = ""
	serveTruncate = "truncate" // announce the full length, send half, close
	serveChunked  = "chunked"  // no Content-Length
	serveStatus   = "status"   // answer 500
	serveIgnore   = "ignore"   // ignore the validators, always 200
)

type resource struct {
	body         []byte
	etag         string
	lastModified string
	mode         string
}

type request struct {
	path, ifNoneMatch, ifModifiedSince, userAgent string
}

// listServer is a publisher: it serves files with ETag and Last-Modified,
// answers 304 to matching conditional requests, and records every request.
type listServer struct {
	*httptest.Server
	mu       sync.Mutex
	res      map[string]*resource
	reqs     []request
	versions int
}

func newListServer(t *testing.T) *listServer {
	s := &listServer{res: map[string]*resource{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// set publishes body at path, with a new ETag and Last-Modified.
func (s *listServer) set(path string, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.versions++
	sum := sha256.Sum256(body)
	s.res[path] = &resource{
		body:         body,
		etag:         `"` + hex.EncodeToString(sum[:8]) + `"`,
		lastModified: time.Date(2026, 1, 1, 0, 0, s.versions, 0, time.UTC).Format(http.TimeFormat),
	}
}

func (s *listServer) setMode(path, mode string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.res[path].mode = mode
}

func (s *listServer) requests() []request {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := slices.Clone(s.reqs)
	s.reqs = nil
	return out
}

func (s *listServer) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.reqs = append(s.reqs, request{r.URL.Path, r.Header.Get("If-None-Match"), r.Header.Get("If-Modified-Since"), r.Header.Get("User-Agent")})
	res := s.res[r.URL.Path]
	var cp resource
	if res != nil {
		cp = *res
	}
	s.mu.Unlock()
	if res == nil {
		http.NotFound(w, r)
		return
	}
	if cp.mode == serveStatus {
		http.Error(w, "maintenance", http.StatusInternalServerError)
		return
	}
	w.Header().Set("ETag", cp.etag)
	w.Header().Set("Last-Modified", cp.lastModified)
	if cp.mode != serveIgnore {
		if inm := r.Header.Get("If-None-Match"); inm != "" && inm == cp.etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	switch cp.mode {
	case serveTruncate:
		w.Header().Set("Content-Length", strconv.Itoa(len(cp.body)))
		w.Write(cp.body[:len(cp.body)/2])
	case serveChunked:
		for b := cp.body; len(b) > 0; {
			n := min(len(b), 64)
			w.Write(b[:n])
			w.(http.Flusher).Flush()
			b = b[n:]
		}
	default:
		w.Header().Set("Content-Length", strconv.Itoa(len(cp.body)))
		w.Write(cp.body)
	}
}

func newFetcher(t *testing.T, dir string, specs []Spec, mod ...func(*Options)) *Fetcher {
	t.Helper()
	opts := Options{Dir: dir, Sources: specs, Now: func() time.Time { return time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC) }}
	for _, m := range mod {
		m(&opts)
	}
	f, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestUpdateRealFiles serves the real shared files: the first update
// downloads and parses them, the second sends conditional requests and
// gets 304 for all, and lists.LoadDir then loads the data directory.
func TestUpdateRealFiles(t *testing.T) {
	srv := newListServer(t)
	files := map[string]string{
		"/ofac/sdn.csv":               "ofac/sdn.csv",
		"/ofac/add.csv":               "ofac/add.csv",
		"/ofac/alt.csv":               "ofac/alt.csv",
		"/ofac/sdn_comments.csv":      "ofac/sdn_comments.csv",
		"/cons/cons_prim.csv":         "ofac_consolidated/cons_prim.csv",
		"/cons/cons_add.csv":          "ofac_consolidated/cons_add.csv",
		"/cons/cons_alt.csv":          "ofac_consolidated/cons_alt.csv",
		"/cons/cons_comments.csv":     "ofac_consolidated/cons_comments.csv",
		"/un/consolidated.xml":        "un/consolidated.xml",
		"/au/regulation8.xlsx":        "australia/regulation8_consolidated.xlsx",
		"/ofac/cons/consolidated.xml": "ofac_consolidated/consolidated.xml",
	}
	for path, rel := range files {
		srv.set(path, readFile(t, sharedFile(t, rel)))
	}
	specs := []Spec{
		{Name: "ofac-sdn", Source: lists.SourceOFACSDN, Files: []FileSpec{
			{URL: srv.URL + "/ofac/sdn.csv", Name: "sdn.csv"}, {URL: srv.URL + "/ofac/add.csv", Name: "add.csv"},
			{URL: srv.URL + "/ofac/alt.csv", Name: "alt.csv"}, {URL: srv.URL + "/ofac/sdn_comments.csv", Name: "sdn_comments.csv"},
		}},
		{Name: "ofac-cons", Source: lists.SourceOFACCons, Files: []FileSpec{
			{URL: srv.URL + "/cons/cons_prim.csv", Name: "cons_prim.csv"}, {URL: srv.URL + "/cons/cons_add.csv", Name: "cons_add.csv"},
			{URL: srv.URL + "/cons/cons_alt.csv", Name: "cons_alt.csv"}, {URL: srv.URL + "/cons/cons_comments.csv", Name: "cons_comments.csv"},
		}},
		{Name: "ofac-cons-xml", Source: lists.SourceOFACCons, Files: []FileSpec{{URL: srv.URL + "/ofac/cons/consolidated.xml", Name: "consolidated.xml"}}},
		{Name: "un-sc", Source: lists.SourceUNSC, Files: []FileSpec{{URL: srv.URL + "/un/consolidated.xml", Name: "consolidated.xml"}}},
		{Name: "au-dfat", Source: lists.SourceAUDFAT, Files: []FileSpec{{URL: srv.URL + "/au/regulation8.xlsx", Name: "regulation8_consolidated.xlsx"}}},
	}
	dir := t.TempDir()
	f := newFetcher(t, dir, specs)

	rep, err := f.Update(context.Background())
	if err != nil {
		t.Fatalf("first Update: %v", err)
	}
	want := map[string]int{"ofac-sdn": 13821, "ofac-cons": 442, "ofac-cons-xml": 442, "un-sc": 1003, "au-dfat": -1}
	for _, r := range rep.Results {
		if r.Status != StatusUpdated || r.Err != nil {
			t.Errorf("%s: %v %v, want updated", r.Name, r.Status, r.Err)
		}
		if n := want[r.Name]; (n >= 0 && r.Entities != n) || r.Entities == 0 {
			t.Errorf("%s: %d entities, want %d", r.Name, r.Entities, n)
		}
		if len(r.SHA256) != 64 || r.Downloaded == 0 {
			t.Errorf("%s: SHA256 %q, downloaded %d", r.Name, r.SHA256, r.Downloaded)
		}
	}
	if got := rep.Results[3].Published; !got.Equal(time.Date(2026, 2, 27, 0, 0, 9, 554e6, time.UTC)) {
		t.Errorf("un-sc Published = %v", got)
	}
	for path, rel := range files {
		local := filepath.Join(dir, localName(specs, srv.URL+path))
		if !bytes.Equal(readFile(t, local), readFile(t, sharedFile(t, rel))) {
			t.Errorf("%s differs from the served %s", local, rel)
		}
	}
	first := srv.requests()
	for _, r := range first {
		if r.ifNoneMatch != "" || r.ifModifiedSince != "" || r.userAgent != DefaultUserAgent {
			t.Errorf("first request %+v: want unconditional, with the default User-Agent", r)
		}
	}

	rep, err = f.Update(context.Background())
	if err != nil {
		t.Fatalf("second Update: %v", err)
	}
	for _, r := range rep.Results {
		if r.Status != StatusUnchanged || r.Downloaded != 0 || r.Entities == 0 || r.SHA256 == "" {
			t.Errorf("%s: %v, %d bytes, %d entities, sha %q; want unchanged with the kept list's facts",
				r.Name, r.Status, r.Downloaded, r.Entities, r.SHA256)
		}
	}
	second := srv.requests()
	if len(second) != len(files) {
		t.Errorf("second update made %d requests, want %d", len(second), len(files))
	}
	for _, r := range second {
		srv.mu.Lock()
		res := srv.res[r.path]
		srv.mu.Unlock()
		if r.ifNoneMatch != res.etag || r.ifModifiedSince != res.lastModified {
			t.Errorf("%s: conditional headers %q / %q, want %q / %q", r.path, r.ifNoneMatch, r.ifModifiedSince, res.etag, res.lastModified)
		}
	}

	cat, err := lists.LoadDir(context.Background(), dir, lists.LoadOptions{Strict: true})
	if err != nil {
		t.Fatalf("LoadDir on the data directory: %v", err)
	}
	if len(cat.Files) != len(specs) {
		t.Errorf("LoadDir found %d lists, want %d", len(cat.Files), len(specs))
	}
	for _, fl := range cat.Files {
		if fl.Path == "ofac-cons/cons_prim.csv" && (fl.List.Source != lists.SourceOFACCons || len(fl.Related) != 3) {
			t.Errorf("LoadDir read %s as %s with %v", fl.Path, fl.List.Source, fl.Related)
		}
	}
}

// localName maps a URL back to the spec-dir/file-name it is stored under.
func localName(specs []Spec, url string) string {
	for _, s := range specs {
		for _, f := range s.Files {
			if f.URL == url {
				return filepath.Join(s.Name, f.Name)
			}
		}
	}
	return ""
}

// snapshot reads every file below dir (the fetch state included).
func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// fixtureSpecs are an OFAC SDN set and the UN list served by srv from the
// fixture directory.
func fixtureSpecs(t *testing.T, srv *listServer) []Spec {
	for _, name := range []string{"sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"} {
		srv.set("/ofac/"+name, readFile(t, filepath.Join(fixtures, "ofac", name)))
	}
	srv.set("/un.xml", readFile(t, filepath.Join(fixtures, "un", "consolidated.xml")))
	return []Spec{
		{Name: "ofac-sdn", Source: lists.SourceOFACSDN, Files: []FileSpec{
			{URL: srv.URL + "/ofac/sdn.csv", Name: "sdn.csv"}, {URL: srv.URL + "/ofac/add.csv", Name: "add.csv"},
			{URL: srv.URL + "/ofac/alt.csv", Name: "alt.csv"}, {URL: srv.URL + "/ofac/sdn_comments.csv", Name: "sdn_comments.csv"},
		}},
		{Name: "un-sc", Source: lists.SourceUNSC, Files: []FileSpec{{URL: srv.URL + "/un.xml", Name: "consolidated.xml"}}},
	}
}

// TestUpdateFailureKeepsPrevious publishes a new version of each list and
// breaks its delivery: every failure leaves the previous files and the
// state byte-identical, is reported with its sentinel, and does not stop
// the other spec.
func TestUpdateFailureKeepsPrevious(t *testing.T) {
	unV2 := bytes.Replace(readFile(t, filepath.Join(fixtures, "un", "consolidated.xml")), []byte("2026-02-27T00:00:09.554Z"), []byte("2026-03-01T00:00:00Z"), 1)
	sdnV2 := readFile(t, filepath.Join(fixtures, "ofac", "sdn.csv"))
	sdnV2 = sdnV2[bytes.Index(sdnV2, []byte("\r\n"))+2:] // entry 36 delisted
	tests := []struct {
		name   string
		broken string // the spec that fails
		break_ func(t *testing.T, srv *listServer)
		check  func(t *testing.T, err error)
	}{
		{"http status", "un-sc", func(t *testing.T, srv *listServer) {
			srv.set("/un.xml", unV2)
			srv.setMode("/un.xml", serveStatus)
		}, func(t *testing.T, err error) {
			var se *StatusError
			if !errors.Is(err, ErrHTTPStatus) || !errors.As(err, &se) || se.StatusCode != http.StatusInternalServerError {
				t.Errorf("err = %v, want a *StatusError 500 wrapping ErrHTTPStatus", err)
			}
		}},
		{"truncated body", "un-sc", func(t *testing.T, srv *listServer) {
			srv.set("/un.xml", unV2)
			srv.setMode("/un.xml", serveTruncate)
		}, func(t *testing.T, err error) {
			if !errors.Is(err, ErrTruncated) {
				t.Errorf("err = %v, want ErrTruncated", err)
			}
		}},
		{"html page with 200", "un-sc", func(t *testing.T, srv *listServer) {
			srv.set("/un.xml", []byte("<!DOCTYPE html>\n<html><body>Service unavailable</body></html>\n"))
		}, func(t *testing.T, err error) {
			if !errors.Is(err, lists.ErrUnknownFormat) {
				t.Errorf("err = %v, want lists.ErrUnknownFormat", err)
			}
		}},
		{"corrupt xml with a full length", "un-sc", func(t *testing.T, srv *listServer) {
			srv.set("/un.xml", unV2[:len(unV2)*2/3])
		}, func(t *testing.T, err error) {
			var pe *lists.ParseError
			if !errors.Is(err, lists.ErrSyntax) || !errors.As(err, &pe) || pe.Source != "un-sc/consolidated.xml" {
				t.Errorf("err = %v, want a lists.ParseError on un-sc/consolidated.xml wrapping ErrSyntax", err)
			}
		}},
		{"another list at the URL", "un-sc", func(t *testing.T, srv *listServer) {
			srv.set("/un.xml", readFile(t, filepath.Join(fixtures, "custom", "blocklist.csv")))
		}, func(t *testing.T, err error) {
			if !errors.Is(err, ErrSourceMismatch) {
				t.Errorf("err = %v, want ErrSourceMismatch", err)
			}
		}},
		{"one file of the OFAC set truncated", "ofac-sdn", func(t *testing.T, srv *listServer) {
			srv.set("/ofac/sdn.csv", sdnV2)
			srv.set("/ofac/alt.csv", append(readFile(t, filepath.Join(fixtures, "ofac", "alt.csv")), "\r\n"...))
			srv.setMode("/ofac/alt.csv", serveTruncate)
		}, func(t *testing.T, err error) {
			if !errors.Is(err, ErrTruncated) {
				t.Errorf("err = %v, want ErrTruncated", err)
			}
		}},
		{"one file of the OFAC set corrupt", "ofac-sdn", func(t *testing.T, srv *listServer) {
			srv.set("/ofac/sdn.csv", sdnV2)
			srv.set("/ofac/add.csv", []byte("173,129,-0- ,\"London\",\"United Kingdom\",-0- \r\nx1,130,-0- ,\"Paris\",\"France\",-0- \r\n"))
		}, func(t *testing.T, err error) {
			var pe *lists.ParseError
			if !errors.As(err, &pe) || pe.Source != "ofac-sdn/add.csv" || pe.Line != 2 || !errors.Is(err, lists.ErrInvalidValue) {
				t.Errorf("err = %v, want a lists.ParseError on ofac-sdn/add.csv line 2 wrapping ErrInvalidValue", err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newListServer(t)
			specs := fixtureSpecs(t, srv)
			dir := t.TempDir()
			f := newFetcher(t, dir, specs)
			if _, err := f.Update(context.Background()); err != nil {
				t.Fatalf("first Update: %v", err)
			}
			before := snapshot(t, dir)

			tt.break_(t, srv)
			rep, err := f.Update(context.Background())
			for _, r := range rep.Results {
				switch {
				case r.Name == tt.broken:
					if r.Status != StatusFailed {
						t.Errorf("%s: %v, want failed", r.Name, r.Status)
					}
					tt.check(t, r.Err)
					if r.Entities == 0 || r.SHA256 == "" {
						t.Errorf("%s: the failed result should describe the kept list, got %d entities", r.Name, r.Entities)
					}
				case r.Status != StatusUnchanged:
					t.Errorf("%s: %v %v, want unchanged", r.Name, r.Status, r.Err)
				}
			}
			tt.check(t, err) // the joined error carries the same sentinel
			after := snapshot(t, dir)
			if len(after) != len(before) {
				t.Errorf("files after the failure: %d, before: %d (temporary files left?)", len(after), len(before))
			}
			for name, b := range before {
				if !bytes.Equal(after[name], b) {
					t.Errorf("%s changed after a failed update", name)
				}
			}

			// Once the publisher is fixed, the new version goes in.
			for path := range srv.res {
				srv.setMode(path, serveOK)
			}
			if tt.broken == "un-sc" {
				srv.set("/un.xml", unV2)
			} else {
				srv.set("/ofac/add.csv", readFile(t, filepath.Join(fixtures, "ofac", "add.csv")))
			}
			rep, err = f.Update(context.Background())
			if err != nil {
				t.Fatalf("Update after the fix: %v", err)
			}
			for _, r := range rep.Results {
				if r.Name == tt.broken && r.Status != StatusUpdated {
					t.Errorf("%s after the fix: %v, want updated", r.Name, r.Status)
				}
			}
		})
	}
}

// TestUpdateSizeLimit rejects a file larger than MaxBytes, announced or
// not, and keeps nothing of it.
func TestUpdateSizeLimit(t *testing.T) {
	for _, mode := range []string{serveOK, serveChunked} {
		t.Run("mode="+mode, func(t *testing.T) {
			srv := newListServer(t)
			specs := fixtureSpecs(t, srv)[1:]
			srv.setMode("/un.xml", mode)
			dir := t.TempDir()
			f := newFetcher(t, dir, specs, func(o *Options) { o.MaxBytes = 1000 })
			rep, err := f.Update(context.Background())
			if !errors.Is(err, ErrTooLarge) || !errors.Is(err, lists.ErrTooLarge) {
				t.Errorf("Update = %v, want ErrTooLarge", err)
			}
			if rep.Results[0].Status != StatusFailed {
				t.Errorf("status %v, want failed", rep.Results[0].Status)
			}
			if files := snapshot(t, dir); len(files) != 0 {
				t.Errorf("files left: %v", files)
			}
		})
	}
}

// TestUpdateSameBytesOrTampered: a server that ignores the validators but
// sends the same bytes leaves the spec unchanged; a local file edited by
// hand makes the next request unconditional and is restored.
func TestUpdateSameBytesOrTampered(t *testing.T) {
	srv := newListServer(t)
	specs := fixtureSpecs(t, srv)[1:]
	dir := t.TempDir()
	f := newFetcher(t, dir, specs)
	if _, err := f.Update(context.Background()); err != nil {
		t.Fatal(err)
	}
	srv.requests()

	srv.setMode("/un.xml", serveIgnore)
	rep, err := f.Update(context.Background())
	if err != nil || rep.Results[0].Status != StatusUnchanged {
		t.Errorf("same bytes: %v %v, want unchanged", rep.Results[0].Status, err)
	}
	srv.setMode("/un.xml", serveOK)
	srv.requests()

	local := filepath.Join(dir, "un-sc", "consolidated.xml")
	orig := readFile(t, local)
	if err := os.WriteFile(local, []byte("edited"), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err = f.Update(context.Background())
	if err != nil || rep.Results[0].Status != StatusUpdated {
		t.Errorf("tampered: %v %v, want updated", rep.Results[0].Status, err)
	}
	if reqs := srv.requests(); len(reqs) != 1 || reqs[0].ifNoneMatch != "" {
		t.Errorf("requests %+v, want one unconditional request", reqs)
	}
	if !bytes.Equal(readFile(t, local), orig) {
		t.Error("the edited file was not restored")
	}
}

// TestUpdateRedactsToken keeps the EU subscriber token out of errors.
func TestUpdateRedactsToken(t *testing.T) {
	srv := newListServer(t)
	spec := EUFSFSpec("s3cr3t-token")
	spec.Files[0].URL = strings.Replace(spec.Files[0].URL, EUFSFURL, srv.URL+"/eu", 1)
	f := newFetcher(t, t.TempDir(), []Spec{spec})
	_, err := f.Update(context.Background())
	var se *StatusError
	if !errors.As(err, &se) || se.StatusCode != http.StatusNotFound {
		t.Fatalf("Update = %v, want a 404 StatusError", err)
	}
	if strings.Contains(err.Error(), "s3cr3t") || !strings.Contains(se.URL, "REDACTED") {
		t.Errorf("error %q leaks the token", err)
	}

	srv.Close() // a transport error carries the URL too
	_, err = f.Update(context.Background())
	if err == nil || strings.Contains(err.Error(), "s3cr3t") {
		t.Errorf("transport error %v: want an error without the token", err)
	}
}

// TestUpdateContextCancelled fails every spec with the context's error and
// touches nothing.
func TestUpdateContextCancelled(t *testing.T) {
	srv := newListServer(t)
	specs := fixtureSpecs(t, srv)
	dir := t.TempDir()
	f := newFetcher(t, dir, specs)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	rep, err := f.Update(ctx)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Update = %v, want context.Canceled", err)
	}
	for _, r := range rep.Results {
		if r.Status != StatusFailed {
			t.Errorf("%s: %v, want failed", r.Name, r.Status)
		}
	}
	for name := range snapshot(t, dir) {
		t.Errorf("file %s written by a cancelled update", name)
	}
}

// TestDamagedStateFile starts afresh from a state file that does not parse.
func TestDamagedStateFile(t *testing.T) {
	srv := newListServer(t)
	specs := fixtureSpecs(t, srv)[1:]
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, stateFileName), []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	f := newFetcher(t, dir, specs)
	rep, err := f.Update(context.Background())
	if err != nil || rep.Results[0].Status != StatusUpdated {
		t.Fatalf("Update = %v %v, want updated", rep.Results[0].Status, err)
	}
	if _, err := loadState(dir); err != nil {
		t.Errorf("state after the update: %v", err)
	}
}

func TestOptionsValidate(t *testing.T) {
	good := FileSpec{URL: "https://example.org/a.xml", Name: "a.xml"}
	tests := []struct {
		name string
		opts Options
		errs int // number of problems; 0 means valid
	}{
		{"defaults", Options{Dir: "d"}, 0},
		{"defaults with EU", Options{Dir: "d", Sources: append(DefaultSpecs(), EUFSFSpec("t"))}, 0},
		{"no dir", Options{}, 1},
		{"negative size", Options{Dir: "d", MaxBytes: -1}, 1},
		{"empty sources", Options{Dir: "d", Sources: []Spec{}}, 1},
		{"everything wrong at once", Options{MaxBytes: -1, Sources: []Spec{
			{Name: "../x", Source: lists.SourceUNSC, Files: []FileSpec{good}},
			{Name: "un", Source: "NOPE", Files: []FileSpec{good}},
			{Name: "un", Source: lists.SourceUNSC, Files: []FileSpec{good}},
			{Name: "eu", Source: lists.SourceEUFSF},
			{Name: "uk", Source: lists.SourceUKHMT, Files: []FileSpec{good, {URL: good.URL, Name: "b.xml"}}},
			{Name: "ofac", Source: lists.SourceOFACSDN, Files: []FileSpec{good, good, {URL: "ftp://x/y", Name: ".hidden"}}},
		}}, 10},
		{"too many files", Options{Dir: "d", Sources: []Spec{{Name: "ofac", Source: lists.SourceOFACSDN, Files: []FileSpec{
			{URL: good.URL, Name: "1"}, {URL: good.URL, Name: "2"}, {URL: good.URL, Name: "3"}, {URL: good.URL, Name: "4"}, {URL: good.URL, Name: "5"},
		}}}}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.opts.Validate()
			if tt.errs == 0 {
				if err != nil {
					t.Fatalf("Validate() = %v", err)
				}
				if _, err := New(tt.opts); err != nil {
					t.Fatalf("New() = %v", err)
				}
				return
			}
			if !errors.Is(err, ErrInvalidOptions) {
				t.Fatalf("Validate() = %v, want ErrInvalidOptions", err)
			}
			var joined interface{ Unwrap() []error }
			if !errors.As(err, &joined) || len(joined.Unwrap()) != tt.errs {
				t.Errorf("Validate() reported %v, want %d problems", err, tt.errs)
			}
			if _, err := New(tt.opts); !errors.Is(err, ErrInvalidOptions) {
				t.Errorf("New() = %v, want ErrInvalidOptions", err)
			}
		})
	}
}

// TestDefaultSpecs keeps the publishers' URLs well-formed and the local
// names the ones lists.LoadDir reads.
func TestDefaultSpecs(t *testing.T) {
	specs := DefaultSpecs()
	names := map[string]lists.Source{}
	for _, s := range specs {
		names[s.Name] = s.Source
		for _, f := range s.Files {
			if !strings.HasPrefix(f.URL, "https://") {
				t.Errorf("%s: %s is not https", s.Name, f.URL)
			}
		}
	}
	want := map[string]lists.Source{
		"ofac-sdn": lists.SourceOFACSDN, "ofac-cons": lists.SourceOFACCons, "un-sc": lists.SourceUNSC,
		"uk-hmt": lists.SourceUKHMT, "ca-sema": lists.SourceCASEMA, "au-dfat": lists.SourceAUDFAT, "us-csl": lists.SourceUSCSL,
	}
	if fmt.Sprint(names) != fmt.Sprint(want) {
		t.Errorf("DefaultSpecs names %v, want %v", names, want)
	}
	for _, f := range specs[1].Files {
		if !strings.HasPrefix(f.Name, "cons_") {
			t.Errorf("OFAC non-SDN file %s lacks the cons_ prefix LoadDir relies on", f.Name)
		}
	}
	specs[0].Files[0].URL = "changed"
	if DefaultSpecs()[0].Files[0].URL == "changed" {
		t.Error("DefaultSpecs shares its slices between calls")
	}
	if u := EUFSFSpec("a b&c").Files[0].URL; u != EUFSFURL+"?token=a+b%26c" {
		t.Errorf("EUFSFSpec URL = %s", u)
	}
}

func TestStatusText(t *testing.T) {
	for _, s := range []Status{StatusUnchanged, StatusUpdated, StatusFailed} {
		b, err := s.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back Status
		if err := back.UnmarshalText(b); err != nil || back != s || s.String() != string(b) {
			t.Errorf("%v: round trip %q -> %v, %v", s, b, back, err)
		}
	}
	var s Status
	if err := s.UnmarshalText([]byte("done")); err == nil {
		t.Error("UnmarshalText accepted an unknown status")
	}
	if _, err := Status(9).MarshalText(); err == nil {
		t.Error("MarshalText accepted an unknown status")
	}
}
