package runner

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/sievekyc/sieve/engine"
	"github.com/sievekyc/sieve/lists"
	"github.com/sievekyc/sieve/rules"
)

// defaultSourceTimeout bounds a source whose template states no timeout.
const defaultSourceTimeout = 30 * time.Second

// executeSources runs every source of t concurrently, each under its own
// timeout, and returns their executions in template order.
func (r *Runner) executeSources(ctx context.Context, t *rules.Template, subject rules.Subject) []sourceExecution {
	srcs := t.Sources()
	out := make([]sourceExecution, len(srcs))
	var wg sync.WaitGroup
	for i, s := range srcs {
		out[i] = sourceExecution{ID: s.ID, Source: s, Started: r.opts.Now().UTC()}
		if !s.Enabled {
			out[i].Result = rules.SourceResult{Status: rules.StatusSkipped, Error: "source disabled"}
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i].sourceOutput = r.executeSource(ctx, t, s, subject)
		}()
	}
	wg.Wait()
	return out
}

// executeSource runs one source under its timeout. A source that does not
// answer in time is StatusTimeout; one that returns an error StatusFailed.
// Only a source that answered keeps what it produced besides its result.
func (r *Runner) executeSource(ctx context.Context, t *rules.Template, s rules.Source, subject rules.Subject) sourceOutput {
	start := time.Now()
	timeout := s.Timeout
	if timeout <= 0 {
		timeout = defaultSourceTimeout
	}
	sctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	type answer struct {
		out sourceOutput
		err error
	}
	done := make(chan answer, 1)
	go func() {
		var a answer
		switch {
		case r.opts.Sandbox && (s.Kind == rules.SourceScreening || r.opts.Custom[s.Custom.Name] == nil):
			a.out.Result = SandboxResult(t, s, subject)
			if s.Kind == rules.SourceScreening {
				a.out.Threshold = s.Screening.Threshold
				a.out.HitDetails = sandboxDetails(a.out.Result.Hits)
			}
		case s.Kind == rules.SourceDocument:
			a.out.Result, a.err = t.DocumentResult(s.ID, subject)
		case s.Kind == rules.SourceScreening:
			a.out, a.err = r.screen(sctx, s, subject)
		case s.Kind == rules.SourceCustom:
			f := r.opts.Custom[s.Custom.Name]
			if f == nil {
				a.err = fmt.Errorf("%w: %q", ErrUnknownCustomSource, s.Custom.Name)
				break
			}
			a.out.Result, a.err = f(sctx, subject)
		default:
			a.err = fmt.Errorf("source %s has no executor", s.ID)
		}
		done <- a
	}()
	var out sourceOutput
	select {
	case a := <-done:
		out = a.out
		if a.err != nil {
			out = sourceOutput{Result: rules.SourceResult{Status: rules.StatusFailed, Error: a.err.Error()}}
			if errors.Is(a.err, context.DeadlineExceeded) {
				out.Result.Status = rules.StatusTimeout
			}
		}
	case <-sctx.Done():
		out.Result = rules.SourceResult{Status: rules.StatusTimeout, Error: fmt.Sprintf("no answer within %s", timeout)}
		if ctx.Err() != nil {
			out.Result = rules.SourceResult{Status: rules.StatusSkipped, Error: "run cancelled"}
		}
	}
	if out.Result.Status == 0 {
		out.Result.Status = rules.StatusOK
	}
	if out.Result.DurationMS == 0 {
		out.Result.DurationMS = time.Since(start).Milliseconds()
	}
	return out
}

// screen runs a screening source: every name the subject gives, against
// the source's lists, merged into one result. Beside the result it keeps
// each hit's entity details and score explanation, the threshold and the
// engine fingerprint, so reports need not screen again.
func (r *Runner) screen(ctx context.Context, s rules.Source, subject rules.Subject) (sourceOutput, error) {
	sc := s.Screening
	names := screeningNames(sc, subject)
	if len(names) == 0 {
		return sourceOutput{Result: rules.SourceResult{Status: rules.StatusSkipped, Error: "no name to screen"}}, nil
	}
	q := engine.Query{Type: sc.EntityType, Lists: sc.Lists, Threshold: sc.Threshold, Limit: sc.Limit}
	if v, ok := subject[sc.DOBParam].(time.Time); ok && sc.DOBParam != "" {
		q.BirthDate = lists.PartialDate{Year: v.Year(), Month: int(v.Month()), Day: v.Day()}
	}
	if v, ok := subject[sc.CountryParam].(string); ok && sc.CountryParam != "" {
		q.Country = v
	}
	res := rules.SourceResult{Status: rules.StatusOK}
	var so sourceOutput
	versions := map[string]string{}
	hitLists := map[string]bool{}
	for _, name := range names {
		q.Name = name
		out, err := r.eng.Screen(ctx, q)
		if err != nil {
			return sourceOutput{}, err
		}
		so.Threshold, so.Fingerprint = out.Threshold, out.Fingerprint
		for _, l := range out.Lists {
			versions[string(l.Source)] = l.Version
			for _, m := range l.Matches {
				var programs []string
				if m.Entity != nil {
					programs = m.Entity.Programs
				}
				res.Hits = append(res.Hits, rules.Hit{EntityID: m.EntityID, List: string(l.Source), Name: m.Name,
					Query: name, Score: m.Score, Type: m.Type.String(), Programs: programs})
				so.HitDetails = append(so.HitDetails, NewHitDetail(name, m))
				hitLists[string(l.Source)] = true
				res.BestScore = max(res.BestScore, m.Score)
			}
		}
	}
	sort.SliceStable(res.Hits, func(i, j int) bool { return res.Hits[i].Score > res.Hits[j].Score })
	slices.SortStableFunc(so.HitDetails, compareHitDetails)
	res.MatchCount, res.Matched = len(res.Hits), len(res.Hits) > 0
	for l := range hitLists {
		res.ListsHit = append(res.ListsHit, l)
	}
	slices.Sort(res.ListsHit)
	var vs []ListVersion
	for code, v := range versions {
		vs = append(vs, ListVersion{Code: code, Version: v})
	}
	slices.SortFunc(vs, func(a, b ListVersion) int { return compareStrings(a.Code, b.Code) })
	so.Result, so.ListVersions = res, vs
	return so, nil
}

// screeningNames are the names a screening source screens: the name
// parameter and every entry of the names parameter.
func screeningNames(sc *rules.ScreeningSource, subject rules.Subject) []string {
	var names []string
	if v, ok := subject[sc.NameParam].(string); ok && sc.NameParam != "" && v != "" {
		names = append(names, v)
	}
	if sc.NamesParam != "" {
		switch vs := subject[sc.NamesParam].(type) {
		case []string:
			names = append(names, vs...)
		case []any:
			for _, v := range vs {
				if s, ok := v.(string); ok && s != "" {
					names = append(names, s)
				}
			}
		}
	}
	return names
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
