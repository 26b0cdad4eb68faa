package runner

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/sievekyc/sieve/engine"
	"github.com/sievekyc/sieve/lists"
	"github.com/sievekyc/sieve/rules"
	"github.com/sievekyc/sieve/store"
	"github.com/sievekyc/sieve/store/boltstore"
)

const templatePath = "../../testdata/templates/pf_onboarding.yaml"

// testEngine holds one listed person, so screenings can match.
func testEngine(t testing.TB) *engine.Engine {
	t.Helper()
	e, err := engine.New(engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ls []*lists.List
	for _, src := range []lists.Source{lists.SourceOFACSDN, lists.SourceOFACCons, lists.SourceUNSC, lists.SourceEUFSF, lists.SourceUKHMT} {
		l := &lists.List{Source: src, SHA256: strings.Repeat("ab", 32)}
		if src == lists.SourceOFACSDN {
			p := lists.Entity{ID: "ofac-sdn:91044", Source: src, Type: lists.TypePerson, Programs: []string{"RUSSIA-EO14024"},
				BirthDates:    []lists.Birthdate{{Date: lists.PartialDate{Year: 1961, Month: 7, Day: 2}}},
				Nationalities: []string{"RU"}, Citizenships: []string{"RU", "BY"},
				Identifiers: []lists.Identifier{{Type: lists.IDPassport, Number: "7104561", Country: "RU"}}}
			p.AddName("Ivan Sergeyevich VOLKOV", lists.NamePrimary)
			p.AddName("Иван Сергеевич Волков", lists.NameAlias)
			l.Entities = append(l.Entities, p)
		}
		ls = append(ls, l)
	}
	if err := e.Reload(context.Background(), ls...); err != nil {
		t.Fatal(err)
	}
	return e
}

// receita simulates the CPF bureau: regular unless the test says otherwise.
func receita(situacao string, delay time.Duration) CustomSource {
	return func(ctx context.Context, s rules.Subject) (rules.SourceResult, error) {
		select {
		case <-time.After(delay):
		case <-ctx.Done():
			return rules.SourceResult{}, ctx.Err()
		}
		return rules.SourceResult{Status: rules.StatusOK, Data: map[string]any{"situacao": situacao, "name_matches": true}}, nil
	}
}

type fixture struct {
	r  *Runner
	st *boltstore.Store
}

func newFixture(t *testing.T, opts Options) fixture {
	t.Helper()
	tpl, err := rules.LoadFile(templatePath)
	if err != nil {
		t.Fatal(err)
	}
	ts, err := NewTemplates(tpl)
	if err != nil {
		t.Fatal(err)
	}
	st, err := boltstore.Open(filepath.Join(t.TempDir(), "sieve.db"), boltstore.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	if opts.Custom == nil {
		opts.Custom = map[string]CustomSource{"receita_cpf": receita("regular", 0)}
	}
	r, err := New(testEngine(t), st, ts, opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = r.Close(context.Background())
		_ = st.Close()
	})
	return fixture{r, st}
}

func submitAndWait(t *testing.T, r *Runner, params map[string]any) (store.Run, *Analysis) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	sub, err := r.Submit(ctx, SubmitRequest{Tenant: "acme", TemplateID: "pf_onboarding", Params: params, ExternalID: "cust-1",
		Metadata: map[string]string{"channel": "app"}})
	if err != nil {
		t.Fatal(err)
	}
	if sub.Status != store.StatusQueued || sub.RunID == "" || sub.EstimatedSeconds != 3 || !sub.Live {
		t.Fatalf("submission %+v: want queued with an ID, 3 estimated seconds (slowest source), live", sub)
	}
	run, err := r.Wait(ctx, "acme", sub.RunID)
	if err != nil {
		t.Fatal(err)
	}
	a, err := r.Analysis(ctx, "acme", sub.RunID)
	if err != nil {
		t.Fatal(err)
	}
	return run, a
}

func TestRunOutcomes(t *testing.T) {
	tests := []struct {
		name      string
		params    map[string]any
		custom    CustomSource
		status    store.RunStatus
		decision  rules.Decision
		operative rules.OperativeDecision
	}{
		{"clean customer", map[string]any{"cpf": "529.982.247-25", "name": "Maria Aparecida da Silva"},
			nil, store.StatusCompleted, rules.DecisionApproved, rules.OperativeApproved},
		{"listed customer", map[string]any{"cpf": "111.444.777-35", "name": "Ivan Sergeyevich Volkov"},
			nil, store.StatusCompleted, rules.DecisionRejected, rules.OperativeRejected},
		{"probable match awaits sign-off", map[string]any{"cpf": "111.444.777-35", "name": "Ivan Volkov"},
			nil, store.StatusInReview, rules.DecisionReview, rules.OperativeReview},
		{"bureau down: tier 2, partial", map[string]any{"cpf": "529.982.247-25", "name": "Maria Aparecida da Silva"},
			func(ctx context.Context, s rules.Subject) (rules.SourceResult, error) {
				return rules.SourceResult{}, errors.New("bureau unavailable")
			}, store.StatusInReview, rules.DecisionReview, rules.OperativeReview},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := Options{}
			if tt.custom != nil {
				opts.Custom = map[string]CustomSource{"receita_cpf": tt.custom}
			}
			f := newFixture(t, opts)
			run, a := submitAndWait(t, f.r, tt.params)
			if run.Status != tt.status || a.Decision != tt.decision || a.OperativeDecision != tt.operative {
				t.Fatalf("run %s decision %s operative %s; want %s %s %s (analysis %+v)", run.Status, a.Decision,
					a.OperativeDecision, tt.status, tt.decision, tt.operative, a.Rules)
			}
			if run.Decision != tt.decision.String() || run.RiskBand == "" {
				t.Errorf("run record %+v does not carry the outcome", run)
			}
			if len(a.Audit) < len(a.Sources)+len(a.Rules)+1 || a.Audit[len(a.Audit)-1].Kind != "decision" {
				t.Errorf("audit log %+v: want every source, every rule, then the decision", a.Audit)
			}
			if a.Subject.Document != "********725" && a.Subject.Document != "********735" {
				t.Errorf("document not masked: %q", a.Subject.Document)
			}
			if len(a.ListVersions) == 0 {
				t.Errorf("analysis names no list versions")
			}
		})
	}
}

func TestSignOffCompletesReview(t *testing.T) {
	f := newFixture(t, Options{})
	run, _ := submitAndWait(t, f.r, map[string]any{"cpf": "111.444.777-35", "name": "Ivan Volkov"})
	if run.Status != store.StatusInReview {
		t.Fatalf("status %s, want em_analise", run.Status)
	}
	ctx := context.Background()
	if _, err := f.r.SignOff(ctx, "acme", run.ID, SignOffRequest{Decision: rules.DecisionApproved}); !errors.Is(err, ErrInvalidRequest) {
		t.Errorf("sign-off without analyst: %v", err)
	}
	done, err := f.r.SignOff(ctx, "acme", run.ID, SignOffRequest{Analyst: "ana@acme", Decision: rules.DecisionApproved, Note: "homonym"})
	if err != nil {
		t.Fatal(err)
	}
	if done.Status != store.StatusCompleted || done.OperativeDecision != "approved" || done.SignOff.Analyst != "ana@acme" {
		t.Errorf("after sign-off: %+v", done)
	}
	if _, err := f.r.SignOff(ctx, "acme", run.ID, SignOffRequest{Analyst: "x", Decision: rules.DecisionRejected}); !errors.Is(err, ErrNotInReview) {
		t.Errorf("second sign-off: %v, want ErrNotInReview", err)
	}
}

func TestSubmitValidatesBeforePersisting(t *testing.T) {
	f := newFixture(t, Options{})
	ctx := context.Background()
	big := map[string]string{}
	for i := range 11 {
		big[fmt.Sprint("k", i)] = "v"
	}
	tests := []struct {
		name string
		req  SubmitRequest
		want error
	}{
		{"unknown template", SubmitRequest{Tenant: "acme", TemplateID: "nope", Params: map[string]any{}}, ErrTemplateNotFound},
		{"missing document", SubmitRequest{Tenant: "acme", TemplateID: "pf_onboarding", Params: map[string]any{"name": "X"}}, rules.ErrMissingDocument},
		{"bad check digits", SubmitRequest{Tenant: "acme", TemplateID: "pf_onboarding", Params: map[string]any{"cpf": "529.982.247-26", "name": "X"}}, rules.ErrInvalidDocument},
		{"too much metadata", SubmitRequest{Tenant: "acme", TemplateID: "pf_onboarding", Params: map[string]any{"cpf": "529.982.247-25", "name": "X"}, Metadata: big}, ErrInvalidRequest},
		{"long metadata value", SubmitRequest{Tenant: "acme", TemplateID: "pf_onboarding", Params: map[string]any{"cpf": "529.982.247-25", "name": "X"}, Metadata: map[string]string{"k": strings.Repeat("x", 501)}}, ErrInvalidRequest},
		{"bad tenant", SubmitRequest{Tenant: "", TemplateID: "pf_onboarding", Params: map[string]any{"cpf": "529.982.247-25", "name": "X"}}, ErrInvalidRequest},
	}
	for _, tt := range tests {
		if _, err := f.r.Submit(ctx, tt.req); !errors.Is(err, tt.want) {
			t.Errorf("%s: err %v, want %v", tt.name, err, tt.want)
		}
	}
	page, _, err := f.r.List(ctx, "acme", store.ListFilter{})
	if err != nil || len(page) != 0 {
		t.Errorf("rejected submissions persisted runs: %d, %v", len(page), err)
	}
}

func TestIdempotentSubmissionsRace(t *testing.T) {
	f := newFixture(t, Options{})
	ctx := context.Background()
	req := SubmitRequest{Tenant: "acme", TemplateID: "pf_onboarding", IdempotencyKey: "key-1",
		Params: map[string]any{"cpf": "529.982.247-25", "name": "Maria Aparecida da Silva"}}
	var wg sync.WaitGroup
	ids := make([]string, 16)
	created := make([]bool, 16)
	for i := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sub, err := f.r.Submit(ctx, req)
			if err != nil {
				t.Error(err)
				return
			}
			ids[i], created[i] = sub.RunID, sub.Created
		}()
	}
	wg.Wait()
	n := 0
	for i := range ids {
		if ids[i] != ids[0] {
			t.Fatalf("idempotent submissions got different runs: %v", ids)
		}
		if created[i] {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d submissions created a run, want exactly 1", n)
	}
	other := req
	other.Params = map[string]any{"cpf": "529.982.247-25", "name": "Someone Else"}
	if _, err := f.r.Submit(ctx, other); !errors.Is(err, store.ErrConflict) {
		t.Errorf("same key, different body: %v, want ErrConflict", err)
	}
}

func TestCancelRunningRun(t *testing.T) {
	f := newFixture(t, Options{Custom: map[string]CustomSource{"receita_cpf": receita("regular", time.Minute)}})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	sub, err := f.r.Submit(ctx, SubmitRequest{Tenant: "acme", TemplateID: "pf_onboarding",
		Params: map[string]any{"cpf": "529.982.247-25", "name": "Maria"}})
	if err != nil {
		t.Fatal(err)
	}
	for {
		run, _ := f.r.Get(ctx, "acme", sub.RunID)
		if run.Status == store.StatusRunning {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	run, err := f.r.Cancel(ctx, "acme", sub.RunID)
	if err != nil || run.Status != store.StatusCancelled {
		t.Fatalf("cancel: %+v %v", run, err)
	}
	if _, err := f.r.Cancel(ctx, "acme", sub.RunID); !errors.Is(err, store.ErrConflict) {
		t.Errorf("cancelling a cancelled run: %v", err)
	}
}

func TestSandboxOutcomesByLastDigit(t *testing.T) {
	f := newFixture(t, Options{Sandbox: true})
	tests := []struct {
		cpf       string
		operative rules.OperativeDecision
	}{
		{"529.982.247-25", rules.OperativeApproved}, // ends in 5: no match
		{"111.444.777-35", rules.OperativeApproved},
		{"100.000.009-57", rules.OperativeReview},   // ends in 7: a probable match
		{"100.000.001-08", rules.OperativeRejected}, // ends in 8: an exact match
		{"123.456.789-09", rules.OperativeHold},     // ends in 9: the screening times out
	}
	for _, tt := range tests {
		run, a := submitAndWaitSandbox(t, f.r, tt.cpf)
		if a.OperativeDecision != tt.operative || run.Live {
			t.Errorf("sandbox %s: operative %s live %v, want %s and live=false", tt.cpf, a.OperativeDecision, run.Live, tt.operative)
		}
	}
}

func submitAndWaitSandbox(t *testing.T, r *Runner, cpf string) (store.Run, *Analysis) {
	t.Helper()
	ctx := context.Background()
	sub, err := r.Submit(ctx, SubmitRequest{Tenant: "acme", TemplateID: "pf_onboarding", Params: map[string]any{"cpf": cpf, "name": "Sandbox Person"}})
	if err != nil {
		t.Fatal(err)
	}
	run, err := r.Wait(ctx, "acme", sub.RunID)
	if err != nil {
		t.Fatal(err)
	}
	a, err := r.Analysis(ctx, "acme", sub.RunID)
	if err != nil {
		t.Fatal(err)
	}
	return run, a
}

// TestCrashRecovery proves a run accepted is a run kept: a child process
// accepts runs whose sources are slow and is killed with SIGKILL mid-way;
// a new runner over the same store file finishes every one of them.
func TestCrashRecovery(t *testing.T) {
	if os.Getenv("SIEVE_CRASH_CHILD") != "" {
		return // only the parent drives this test
	}
	dbPath := filepath.Join(t.TempDir(), "crash.db")
	cmd := exec.Command(os.Args[0], "-test.run", "^TestCrashChild$", "-test.v")
	cmd.Env = append(os.Environ(), "SIEVE_CRASH_CHILD="+dbPath)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	var ids []string
	for sc.Scan() {
		line := sc.Text()
		if id, ok := strings.CutPrefix(line, "ACCEPTED "); ok {
			ids = append(ids, id)
		}
		if line == "KILL ME" {
			break
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if len(ids) != 6 {
		t.Fatalf("child accepted %d runs, want 6", len(ids))
	}

	tpl, _ := rules.LoadFile(templatePath)
	ts, _ := NewTemplates(tpl)
	st, err := boltstore.Open(dbPath, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	pending, err := st.PendingRuns(context.Background())
	if err != nil || len(pending) == 0 {
		t.Fatalf("after the crash %d runs are pending (%v); the test needs some unfinished", len(pending), err)
	}
	r, err := New(testEngine(t), st, ts, Options{Custom: map[string]CustomSource{"receita_cpf": receita("regular", 0)}})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer r.Close(context.Background())
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	for _, id := range ids {
		run, err := r.Wait(ctx, "acme", id)
		if err != nil {
			t.Fatalf("run %s: %v", id, err)
		}
		if run.Status != store.StatusCompleted {
			t.Errorf("run %s ended %s, want completed", id, run.Status)
		}
	}
}

// TestCrashChild is the child of TestCrashRecovery: it accepts six runs
// whose bureau source takes a minute, says so, and waits to be killed.
func TestCrashChild(t *testing.T) {
	path := os.Getenv("SIEVE_CRASH_CHILD")
	if path == "" {
		t.Skip("run by TestCrashRecovery only")
	}
	tpl, _ := rules.LoadFile(templatePath)
	ts, _ := NewTemplates(tpl)
	st, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(testEngine(t), st, ts, Options{Workers: 2, Custom: map[string]CustomSource{"receita_cpf": receita("regular", time.Minute)}})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	for i := range 6 {
		sub, err := r.Submit(context.Background(), SubmitRequest{Tenant: "acme", TemplateID: "pf_onboarding",
			Params: map[string]any{"cpf": "529.982.247-25", "name": fmt.Sprintf("Maria %d", i)}})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Println("ACCEPTED " + sub.RunID)
	}
	time.Sleep(100 * time.Millisecond) // let two workers mark their runs running
	fmt.Println("KILL ME")
	time.Sleep(time.Minute)
}
