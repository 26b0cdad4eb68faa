package lists

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// LoadOptions configures [LoadDir]. The zero value is ready to use.
type LoadOptions struct {
	// Workers bounds how many files are parsed at once; zero or less means
	// runtime.GOMAXPROCS(0).
	Workers int `json:"workers,omitempty"`
	// Progress, when set, is called once per parse unit (a file, or an OFAC
	// CSV set named by its main file) as it finishes, with the number done
	// and the total. Calls come one at a time from the goroutine running
	// LoadDir, never concurrently.
	Progress func(file string, done, total int) `json:"-"`
	// Strict makes the first file that fails to parse fail the whole load.
	// When false, failures are recorded in Catalog.Failed and the other
	// files still load.
	Strict bool `json:"strict,omitempty"`
}

// LoadedFile is one parsed list of a [Catalog].
type LoadedFile struct {
	// Path is slash-separated and relative to the loaded directory; for an
	// OFAC legacy CSV set it is the main file.
	Path string `json:"path"`
	// Related lists the relation files joined to an OFAC CSV main file, in
	// the order addresses, aliases, comments (only those present).
	Related []string `json:"related,omitempty"`
	Format  Format   `json:"format"`
	List    *List    `json:"-"`
}

// SkippedFile is a file LoadDir did not parse, and why.
type SkippedFile struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// FailedFile is a file LoadDir could not read or parse. Err is the
// [*ParseError] (its Source set to Path) or another error naming Path.
type FailedFile struct {
	Path   string `json:"path"`
	Format Format `json:"format,omitempty"`
	Err    error  `json:"-"`
}

// SupersededFile is a loaded file that [Catalog.Active] did not choose
// because another file gives the same source.
type SupersededFile struct {
	Path   string `json:"path"`
	Source Source `json:"source"`
	// By is the path of the file chosen instead.
	By string `json:"by"`
	// Reason says which rule decided: "older publication date", "no
	// publication date", "fewer relation files", "fewer entities" or
	// "same rank, later path".
	Reason string `json:"reason"`
}

// Catalog is what [LoadDir] found below a directory. Each slice is sorted
// by path.
type Catalog struct {
	// Dir is the directory that was loaded, as given to LoadDir.
	Dir     string        `json:"dir"`
	Files   []LoadedFile  `json:"files"`
	Skipped []SkippedFile `json:"skipped,omitempty"`
	Failed  []FailedFile  `json:"failed,omitempty"`
}

// FileSet names what one parse reads: a single list file, or an OFAC legacy
// CSV set (a main file and its optional relation files).
type FileSet struct {
	// Format is the format of Path, as [Detect] or [DetectFile] reported it
	// (for an OFAC CSV set, FormatOFACSDNCSV or FormatOFACConsCSV).
	Format Format
	// Source names the list of a FormatOFACXML file, SourceOFACSDN or
	// SourceOFACCons, since the file does not say; empty means
	// SourceOFACSDN. Other formats ignore it.
	Source Source
	// Path is the file, or the main file of an OFAC CSV set.
	Path string
	// Addresses, Aliases and Comments are the relation files of an OFAC CSV
	// set; empty when absent.
	Addresses, Aliases, Comments string
}

// ParseFileSet opens the files of set and parses them with the parser of
// set.Format. A [*ParseError] from the parser gets the path of the file it
// came from as its Source; other errors are wrapped with that path.
func ParseFileSet(set FileSet) (*List, error) {
	l, failed, err := parseFileSet(set)
	if err != nil {
		return nil, relabelError(err, failed)
	}
	return l, nil
}

// parseFileSet parses files and, on error, also returns the path of the file
// being read when it failed.
func parseFileSet(files FileSet) (*List, string, error) {
	switch files.Format {
	case FormatOFACSDNCSV, FormatOFACConsCSV:
		return parseOFACCSVFileSet(files)
	}
	f, err := os.Open(files.Path)
	if err != nil {
		return nil, files.Path, err
	}
	defer f.Close()
	var l *List
	switch files.Format {
	case FormatOFACXML:
		src := files.Source
		if src == "" {
			src = SourceOFACSDN
		}
		l, err = ParseOFACXML(f, src)
	case FormatUNXML:
		l, err = ParseUNXML(f)
	case FormatEUFSFXML:
		l, err = ParseEUFSFXML(f)
	case FormatUKHMTCSV:
		l, err = ParseUKHMTCSV(f)
	case FormatUKHMTXLSX:
		l, err = ParseUKHMTXLSX(f)
	case FormatUKFCDOXML:
		l, err = ParseUKFCDOXML(f)
	case FormatCASEMAXML:
		l, err = ParseCASEMAXML(f)
	case FormatAUDFATXLSX:
		l, err = ParseAUDFATXLSX(f)
	case FormatUSCSLCSV:
		l, err = ParseUSCSLCSV(f)
	case FormatFtMJSON:
		l, err = ParseFtMJSON(f)
	case FormatTargetsCSV:
		l, err = ParseTargetsCSV(f)
	case FormatCustomCSV:
		l, err = ParseCustomCSV(f)
	default:
		err = fmt.Errorf("%w: format %q", ErrUnknownFormat, string(files.Format))
	}
	if err == nil && l == nil {
		err = fmt.Errorf("%w: the %s parser returned no list", ErrEmpty, files.Format)
	}
	if err != nil {
		return nil, files.Path, err
	}
	return l, "", nil
}

// parseOFACCSVFileSet opens the files of an OFAC CSV set. Each reader notes
// when it was last read, so that an error can be put on the file the parser
// was reading: the parsers read the files one after the other.
func parseOFACCSVFileSet(files FileSet) (*List, string, error) {
	var clock atomic.Int64
	paths := []string{files.Path, files.Addresses, files.Aliases, files.Comments}
	readers := make([]*lastReadFile, len(paths))
	for i, p := range paths {
		if p == "" {
			continue
		}
		f, err := os.Open(p)
		if err != nil {
			closeAll(readers)
			return nil, p, err
		}
		readers[i] = &lastReadFile{f: f, clock: &clock}
	}
	defer closeAll(readers)
	set := OFACCSVSet{Main: readers[0].reader()}
	set.Addresses = readers[1].reader()
	set.Aliases = readers[2].reader()
	set.Comments = readers[3].reader()
	var l *List
	var err error
	if files.Format == FormatOFACConsCSV {
		l, err = ParseOFACConsCSV(set)
	} else {
		l, err = ParseOFACSDNCSV(set)
	}
	if err != nil {
		failed, last := files.Path, int64(0)
		for i, r := range readers {
			if r != nil && r.last > last {
				failed, last = paths[i], r.last
			}
		}
		return nil, failed, err
	}
	return l, "", nil
}

// lastReadFile is a file that records the tick of its latest Read.
type lastReadFile struct {
	f     *os.File
	clock *atomic.Int64
	last  int64
}

func (r *lastReadFile) Read(p []byte) (int, error) {
	r.last = r.clock.Add(1)
	return r.f.Read(p)
}

// reader returns r as an io.Reader, or a nil interface for a nil r (an
// absent relation file must reach the parser as nil, not as a typed nil).
func (r *lastReadFile) reader() io.Reader {
	if r == nil {
		return nil
	}
	return r
}

func closeAll(rs []*lastReadFile) {
	for _, r := range rs {
		if r != nil {
			r.f.Close()
		}
	}
}

// relabelError names the file an error came from: a *ParseError gets it as
// its Source, another error is wrapped with it.
func relabelError(err error, file string) error {
	if pe, ok := errors.AsType[*ParseError](err); ok {
		pe.Source = file
		return err
	}
	return fmt.Errorf("lists: %s: %w", file, err)
}

// LoadDir loads every list file below dir: it walks dir recursively,
// recognizes each file by its content ([DetectFile]), and parses the
// recognized ones, up to opts.Workers at a time.
//
// Files whose format is unknown or not parsed (notes, ODS, OFAC Enhanced
// and Advanced XML) are listed in Catalog.Skipped with the reason, and so
// are hidden files and directories (names starting with "." — the fetcher
// keeps its state and temporary files there — and Office lock files "~$").
//
// OFAC's legacy CSVs are sets: a main file (sdn.csv, cons_prim.csv) and its
// addresses, aliases and comments files, joined by ent_num. LoadDir joins a
// main file with the relation files of its own directory; a relation file
// with no main file in its directory is skipped with a note, since joining
// files from different snapshots would corrupt entities. When one directory
// holds both sets, OFAC's "cons_" file-name prefix tells which relation
// files belong to the non-SDN set.
//
// The SDN and non-SDN lists share their formats and their content does not
// reliably say which list a file is (see [Detect] and [DetectOFACSource]).
// So LoadDir, and only LoadDir, also reads the file name, the one label OFAC
// gives its files: a main CSV or sdnList XML whose name starts with "cons"
// (cons_prim.csv, consolidated.xml, CONS_*.XML) is the non-SDN list, as is
// one whose content carries the non-SDN signal; any other is the SDN list.
//
// A parse failure is recorded in Catalog.Failed, with the relative path in
// the [*ParseError]'s Source; with opts.Strict the first failure ends the
// load and is returned. LoadDir returns an error when dir cannot be walked or
// ctx is done.
func LoadDir(ctx context.Context, dir string, opts LoadOptions) (*Catalog, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("lists: load: %w", err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("lists: load %s: not a directory: %w", dir, fs.ErrInvalid)
	}
	cat := &Catalog{Dir: dir}
	found, err := scanDir(ctx, dir, cat, opts.Strict)
	if err != nil {
		return nil, err
	}
	jobs := planJobs(found, cat)
	if err := runJobs(ctx, dir, jobs, cat, opts); err != nil {
		return nil, err
	}
	slices.SortFunc(cat.Files, func(a, b LoadedFile) int { return strings.Compare(a.Path, b.Path) })
	slices.SortFunc(cat.Skipped, func(a, b SkippedFile) int { return strings.Compare(a.Path, b.Path) })
	slices.SortFunc(cat.Failed, func(a, b FailedFile) int { return strings.Compare(a.Path, b.Path) })
	return cat, nil
}

// foundFile is a recognized file: its path relative to the loaded directory
// (slash-separated), its format, and what its content says about OFAC.
type foundFile struct {
	rel    string
	format Format
	role   OFACCSVRole
	source Source // OFAC-CONS when the content carries the non-SDN signal
}

// scanDir walks dir and detects every regular file.
func scanDir(ctx context.Context, dir string, cat *Catalog, strict bool) ([]foundFile, error) {
	var found []foundFile
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		rel, relErr := filepath.Rel(dir, p)
		if relErr != nil {
			return relErr
		}
		rel = filepath.ToSlash(rel)
		if err != nil {
			if p == dir {
				return err
			}
			return recordFailure(cat, FailedFile{Path: rel, Err: fmt.Errorf("lists: %s: %w", rel, err)}, strict)
		}
		if p == dir {
			return nil
		}
		name := d.Name()
		if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") {
			cat.Skipped = append(cat.Skipped, SkippedFile{Path: rel, Reason: "hidden or temporary file"})
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			st, err := os.Stat(p) // follow a symbolic link to a file
			if err != nil || !st.Mode().IsRegular() {
				cat.Skipped = append(cat.Skipped, SkippedFile{Path: rel, Reason: "not a regular file"})
				return nil
			}
		}
		f, head, err := detectPath(p)
		if err != nil {
			if errors.Is(err, ErrUnknownFormat) {
				cat.Skipped = append(cat.Skipped, SkippedFile{Path: rel, Reason: err.Error()})
				return nil
			}
			return recordFailure(cat, FailedFile{Path: rel, Err: fmt.Errorf("lists: %s: %w", rel, err)}, strict)
		}
		ff := foundFile{rel: rel, format: f}
		switch f {
		case FormatOFACSDNCSV, FormatOFACConsCSV:
			ff.role, _ = DetectOFACCSVRole(head)
			if ff.role == OFACCSVMain && f == FormatOFACConsCSV {
				ff.source = SourceOFACCons
			}
		case FormatOFACXML:
			if src, ok := DetectOFACSource(head); ok {
				ff.source = src
			}
		}
		found = append(found, ff)
		return nil
	})
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, fmt.Errorf("lists: load %s: %w", dir, ctxErr)
		}
		var ff *failedFileError
		if errors.As(err, &ff) {
			return nil, ff.err
		}
		return nil, fmt.Errorf("lists: load %s: %w", dir, err)
	}
	return found, nil
}

// failedFileError carries a strict-mode failure out of the directory walk.
type failedFileError struct{ err error }

func (e *failedFileError) Error() string { return e.err.Error() }

func recordFailure(cat *Catalog, f FailedFile, strict bool) error {
	if strict {
		return &failedFileError{err: f.Err}
	}
	cat.Failed = append(cat.Failed, f)
	return nil
}

// detectPath is DetectFile that also returns the head it read.
func detectPath(p string) (Format, []byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", nil, err
	}
	head := make([]byte, DetectSize)
	n, err := io.ReadFull(f, head)
	f.Close()
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return "", nil, err
	}
	head = head[:n]
	format, err := Detect(head)
	if err != nil && len(head) >= 4 && string(head[:4]) == "PK\x03\x04" {
		format, err = DetectFile(p)
	}
	return format, head, err
}

// loadJob is one parse unit, with paths relative to the loaded directory.
type loadJob struct {
	set     FileSet // relative, slash-separated paths
	related []string
}

// isConsName reports OFAC's file-name label of the non-SDN list:
// cons_prim.csv, cons_add.csv..., consolidated.xml, CONS_ENHANCED.XML.
func isConsName(rel string) bool {
	return strings.HasPrefix(strings.ToLower(path.Base(rel)), "cons")
}

// planJobs turns the detected files into parse units, joining OFAC CSV sets
// directory by directory.
func planJobs(found []foundFile, cat *Catalog) []loadJob {
	var jobs []loadJob
	byDir := make(map[string][]foundFile)
	for _, f := range found {
		switch f.format {
		case FormatOFACSDNCSV, FormatOFACConsCSV:
			d := path.Dir(f.rel)
			byDir[d] = append(byDir[d], f)
		case FormatOFACXML:
			src := SourceOFACSDN
			if f.source == SourceOFACCons || isConsName(f.rel) {
				src = SourceOFACCons
			}
			jobs = append(jobs, loadJob{set: FileSet{Format: f.format, Source: src, Path: f.rel}})
		default:
			jobs = append(jobs, loadJob{set: FileSet{Format: f.format, Path: f.rel}})
		}
	}
	dirs := make([]string, 0, len(byDir))
	for d := range byDir {
		dirs = append(dirs, d)
	}
	slices.Sort(dirs)
	for _, d := range dirs {
		jobs = append(jobs, planOFACDir(byDir[d], cat)...)
	}
	slices.SortFunc(jobs, func(a, b loadJob) int { return strings.Compare(a.set.Path, b.set.Path) })
	return jobs
}

// planOFACDir joins the OFAC CSV files of one directory into sets. A main
// file is the non-SDN list when its name says "cons" or its content carries
// the non-SDN signal. A relation file named "cons_*" joins the non-SDN main
// file; another joins the SDN main file, or the only main file of the
// directory when there is no SDN one. A relation file that finds no main
// file, or whose role is already taken, is skipped.
func planOFACDir(files []foundFile, cat *Catalog) []loadJob {
	slices.SortFunc(files, func(a, b foundFile) int { return strings.Compare(a.rel, b.rel) })
	type set struct {
		job   loadJob
		roles [OFACCSVComments + 1]string
	}
	var mains []*set
	mainOf := map[Format][]*set{}
	for _, f := range files {
		if f.role != OFACCSVMain {
			continue
		}
		format := FormatOFACSDNCSV
		if f.source == SourceOFACCons || isConsName(f.rel) {
			format = FormatOFACConsCSV
		}
		s := &set{job: loadJob{set: FileSet{Format: format, Path: f.rel}}}
		mains = append(mains, s)
		mainOf[format] = append(mainOf[format], s)
	}
	for _, f := range files {
		if f.role == OFACCSVMain || f.role == 0 {
			continue
		}
		candidates := mainOf[FormatOFACSDNCSV]
		if isConsName(f.rel) {
			candidates = mainOf[FormatOFACConsCSV]
		} else if len(candidates) == 0 {
			candidates = mains
		}
		var reason string
		switch {
		case len(mains) == 0:
			reason = fmt.Sprintf("OFAC legacy CSV %s file with no main file (sdn.csv or cons_prim.csv) in its directory", f.role)
		case len(candidates) == 0:
			reason = fmt.Sprintf("OFAC legacy CSV %s file with no main file of its list in its directory", f.role)
		case len(candidates) > 1:
			reason = fmt.Sprintf("OFAC legacy CSV %s file: several main files in its directory, it joins none", f.role)
		case candidates[0].roles[f.role] != "":
			reason = fmt.Sprintf("a second OFAC %s file for %s (%s joins it)", f.role,
				candidates[0].job.set.Path, candidates[0].roles[f.role])
		}
		if reason != "" {
			cat.Skipped = append(cat.Skipped, SkippedFile{Path: f.rel, Reason: reason})
			continue
		}
		candidates[0].roles[f.role] = f.rel
	}
	jobs := make([]loadJob, 0, len(mains))
	for _, s := range mains {
		s.job.set.Addresses = s.roles[OFACCSVAddresses]
		s.job.set.Aliases = s.roles[OFACCSVAliases]
		s.job.set.Comments = s.roles[OFACCSVComments]
		for _, r := range s.roles[OFACCSVAddresses:] {
			if r != "" {
				s.job.related = append(s.job.related, r)
			}
		}
		jobs = append(jobs, s.job)
	}
	return jobs
}

// runJobs parses the jobs on a bounded pool of workers and gathers the
// results on the calling goroutine.
func runJobs(ctx context.Context, dir string, jobs []loadJob, cat *Catalog, opts LoadOptions) error {
	if len(jobs) == 0 {
		return ctx.Err()
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(jobs))
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type result struct {
		job  loadJob
		list *List
		err  error
	}
	todo := make(chan loadJob)
	results := make(chan result)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for job := range todo {
				abs := job.set
				for _, p := range []*string{&abs.Path, &abs.Addresses, &abs.Aliases, &abs.Comments} {
					if *p != "" {
						*p = filepath.Join(dir, filepath.FromSlash(*p))
					}
				}
				l, failed, err := parseFileSet(abs)
				if err != nil {
					rel, _ := filepath.Rel(dir, failed)
					err = relabelError(err, filepath.ToSlash(rel))
				}
				select {
				case results <- result{job: job, list: l, err: err}:
				case <-ctx.Done():
					return
				}
			}
		})
	}
	go func() {
		defer close(todo)
		for _, j := range jobs {
			select {
			case todo <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	var firstErr error
	done := 0
	for r := range results {
		if firstErr != nil {
			continue // drain after a strict failure
		}
		done++
		if r.err != nil {
			cat.Failed = append(cat.Failed, FailedFile{Path: r.job.set.Path, Format: r.job.set.Format, Err: r.err})
			if opts.Strict {
				firstErr = r.err
				cancel()
				continue
			}
		} else {
			cat.Files = append(cat.Files, LoadedFile{
				Path: r.job.set.Path, Related: r.job.related, Format: r.job.set.Format, List: r.list,
			})
		}
		if opts.Progress != nil {
			opts.Progress(r.job.set.Path, done, len(jobs))
		}
	}
	if firstErr != nil {
		return firstErr
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("lists: load %s: %w", dir, err)
	}
	return nil
}

// Active returns the lists to screen against, in the order of [Sources]
// (then by path): one list per publisher's source, since several files of
// one source are editions of the same list. When several files give the
// same source the choice is deterministic:
//
//  1. the newest publication date the file states (a stated date beats
//     none: OFAC's legacy CSVs state none);
//  2. then the most complete: the most files joined (an OFAC CSV set with
//     its relation files beats a bare main file);
//  3. then the most entities;
//  4. then the first path in sort order.
//
// The exceptions are OPENSANCTIONS and CUSTOM: their files are different
// datasets (a host's blocklists, OpenSanctions collections), not editions
// of one list, so every file of those sources is active, each as its own
// list. [Catalog.Superseded] lists the files not chosen and why.
func (c *Catalog) Active() []*List {
	files := c.ActiveFiles()
	out := make([]*List, len(files))
	for i := range files {
		out[i] = files[i].List
	}
	return out
}

// ActiveFiles is [Catalog.Active] with the file each list came from.
func (c *Catalog) ActiveFiles() []LoadedFile {
	best, _ := c.choose()
	return best
}

// Superseded lists the loaded files that [Catalog.Active] did not choose,
// sorted by path.
func (c *Catalog) Superseded() []SupersededFile {
	_, sup := c.choose()
	return sup
}

func (c *Catalog) choose() ([]LoadedFile, []SupersededFile) {
	bySource := make(map[Source][]LoadedFile)
	for _, f := range c.Files {
		if f.List == nil {
			continue
		}
		bySource[f.List.Source] = append(bySource[f.List.Source], f)
	}
	order := Sources()
	for s := range bySource {
		if !slices.Contains(order, s) {
			order = append(order, s)
		}
	}
	slices.Sort(order[len(Sources()):])
	var best []LoadedFile
	var sup []SupersededFile
	for _, s := range order {
		cands := bySource[s]
		if len(cands) == 0 {
			continue
		}
		if isCollection(s) {
			slices.SortFunc(cands, func(a, b LoadedFile) int { return strings.Compare(a.Path, b.Path) })
			best = append(best, cands...)
			continue
		}
		slices.SortFunc(cands, compareCandidates)
		best = append(best, cands[0])
		for _, f := range cands[1:] {
			sup = append(sup, SupersededFile{Path: f.Path, Source: s, By: cands[0].Path, Reason: supersedeReason(cands[0], f)})
		}
	}
	slices.SortFunc(sup, func(a, b SupersededFile) int { return strings.Compare(a.Path, b.Path) })
	return best, sup
}

// isCollection reports the sources whose files are separate datasets
// rather than editions of one list.
func isCollection(s Source) bool {
	return s == SourceOpenSanctions || s == SourceCustom
}

// compareCandidates orders files of one source best first (see Active).
func compareCandidates(a, b LoadedFile) int {
	if c := b.List.Published.Compare(a.List.Published); c != 0 {
		return c
	}
	if c := cmp.Compare(len(b.Related), len(a.Related)); c != 0 {
		return c
	}
	if c := cmp.Compare(len(b.List.Entities), len(a.List.Entities)); c != 0 {
		return c
	}
	return strings.Compare(a.Path, b.Path)
}

func supersedeReason(win, lose LoadedFile) string {
	switch {
	case !win.List.Published.Equal(lose.List.Published):
		if lose.List.Published.IsZero() {
			return "no publication date"
		}
		return "older publication date"
	case len(win.Related) != len(lose.Related):
		return "fewer relation files"
	case len(win.List.Entities) != len(lose.List.Entities):
		return "fewer entities"
	}
	return "same rank, later path"
}
