package rules

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sievekyc/sieve/lists"
)

// loadErrors flattens a Load error into its *LoadError values.
func loadErrors(t *testing.T, err error) []*LoadError {
	t.Helper()
	var out []*LoadError
	for _, e := range flatten(err) {
		var le *LoadError
		if !errors.As(e, &le) {
			t.Fatalf("error %v is not a *LoadError", e)
		}
		out = append(out, le)
	}
	return out
}

func TestLoadTestdataTemplates(t *testing.T) {
	tests := []struct {
		file     string
		id       string
		kind     SubjectKind
		document DocumentField
		sources  int
		rules    int
		cases    int
	}{
		{"pf_onboarding.yaml", "pf_onboarding", SubjectPerson, DocumentField{"cpf", "cpf"}, 2, 10, 9},
		{"pj_kyb.yaml", "pj_kyb", SubjectCompany, DocumentField{"cnpj", "cnpj"}, 3, 11, 7},
		{"edd_person.yaml", "edd_person", SubjectPerson, DocumentField{"cpf", "cpf"}, 5, 11, 7},
	}
	for _, tt := range tests {
		tpl := loadTestdata(t, tt.file)
		if tpl.ID() != tt.id || tpl.Kind() != tt.kind || tpl.Document() != tt.document ||
			len(tpl.Sources()) != tt.sources || len(tpl.Rules()) != tt.rules || len(tpl.Tests()) != tt.cases {
			t.Errorf("%s: id %q kind %v document %+v, %d sources, %d rules, %d cases", tt.file, tpl.ID(),
				tpl.Kind(), tpl.Document(), len(tpl.Sources()), len(tpl.Rules()), len(tpl.Tests()))
		}
		if tpl.Status() != StatusPublished || !tpl.RequiresSignoff() || tpl.Version() < 1 {
			t.Errorf("%s: status %v, signoff %v, version %d", tt.file, tpl.Status(), tpl.RequiresSignoff(), tpl.Version())
		}
		p, ok := tpl.Param(tt.document.Param)
		if !ok || !p.Required || p.Format != tt.document.Type {
			t.Errorf("%s: document parameter %+v", tt.file, p)
		}
	}
}

func TestLoadDeclarations(t *testing.T) {
	tpl := loadTestdata(t, "pj_kyb.yaml")
	s, ok := tpl.Source("partners_screening")
	if !ok {
		t.Fatal("no partners_screening")
	}
	want := Source{ID: "partners_screening", Kind: SourceScreening, Tier: 1, Timeout: 20 * time.Second,
		ExpectedDuration: 4 * time.Second, Enabled: true}
	if s.ID != want.ID || s.Kind != want.Kind || s.Tier != want.Tier || s.Timeout != want.Timeout ||
		s.ExpectedDuration != want.ExpectedDuration || !s.Enabled || !s.Critical() {
		t.Errorf("partners_screening = %+v", s)
	}
	sc := s.Screening
	if sc == nil || sc.NamesParam != "partners" || sc.NameParam != "" || sc.Threshold != 0.85 || sc.Limit != 5 ||
		sc.EntityType != lists.TypePerson || len(sc.Lists) != 5 || sc.Lists[0] != lists.SourceOFACSDN {
		t.Errorf("partners screening = %+v", sc)
	}
	c, _ := tpl.Source("company_screening")
	if c.Screening.EntityType != lists.TypeOrganization || c.Screening.CountryParam != "country" {
		t.Errorf("company screening = %+v", c.Screening)
	}
	r, _ := tpl.Source("receita_cnpj")
	if r.Custom == nil || r.Custom.Name != "receita_cnpj" || len(r.Custom.Fields) != 3 ||
		r.Custom.Fields[1] != (DataField{Name: "opened_on", Type: ParamDate}) {
		t.Errorf("receita_cnpj = %+v", r.Custom)
	}
	if got := tpl.EstimatedDuration(); got != 4*time.Second {
		t.Errorf("EstimatedDuration() = %v, want 4s", got)
	}
	// Accessors return copies: changing them does not change the template.
	s.Screening.Lists[0] = lists.SourceCustom
	rules := tpl.Rules()
	rules[0].When = "true"
	if again, _ := tpl.Source("partners_screening"); again.Screening.Lists[0] != lists.SourceOFACSDN {
		t.Error("Source() shares its lists with the template")
	}
	if tpl.Rules()[0].When == "true" {
		t.Error("Rules() shares its slice with the template")
	}
	rule := tpl.Rules()[0]
	if rule.ID != "company_sanctioned" || rule.Outcome != OutcomeReject || rule.RiskPoints != 100 ||
		rule.Finding.Status != FindingFailed || rule.Recommendation == nil || rule.Recommendation.Priority != 1 ||
		rule.Line != 78 || rule.Column != 11 {
		t.Errorf("first rule = %+v", rule)
	}
}

// wantLoadError is one problem a broken template must report.
type wantLoadError struct {
	line     int
	path     string
	rule     string
	sentinel error
	also     error // a second sentinel, when one applies
}

func TestLoadBrokenTestdata(t *testing.T) {
	tests := []struct {
		file string
		want []wantLoadError
	}{
		{"syntax_error.yaml", []wantLoadError{
			{line: 16, path: "$", sentinel: ErrInvalidTemplate},
		}},
		{"unknown_source.yaml", []wantLoadError{
			{line: 20, path: "$.rules[0].when", rule: "sanctions_match", sentinel: ErrCompile, also: ErrUnknownSource},
			{line: 30, path: "$.tests[0].sources.pep_lists", sentinel: ErrUnknownSource},
		}},
		{"typo_expression.yaml", []wantLoadError{
			{line: 20, path: "$.rules[0].when", rule: "exact", sentinel: ErrCompile},
			{line: 27, path: "$.rules[1].when", rule: "probable", sentinel: ErrCompile},
			{line: 32, path: "$.rules[2].when", rule: "old", sentinel: ErrCompile},
			{line: 38, path: "$.rules[3].outcome", sentinel: ErrInvalidTemplate},
			{line: 39, path: "$.rules[3].finding.detail", sentinel: ErrInvalidTemplate},
		}},
		{"hostile_expression.yaml", []wantLoadError{
			{line: 19, path: "$.rules[0].when", rule: "giant_string", sentinel: ErrCompile},
			{line: 23, path: "$.rules[1].when", rule: "deep_nesting", sentinel: ErrCompile, also: ErrBudgetExceeded},
			{line: 27, path: "$.rules[2].when", rule: "nested_loops", sentinel: ErrCompile, also: ErrBudgetExceeded},
			{line: 31, path: "$.rules[3].when", rule: "dynamic_regex", sentinel: ErrCompile},
			{line: 35, path: "$.rules[4].when", rule: "wall_clock", sentinel: ErrCompile},
		}},
		{"alias_bomb.yaml", []wantLoadError{
			{line: 7, path: "$.a", sentinel: ErrInvalidTemplate},
			{line: 8, path: "$.b", sentinel: ErrInvalidTemplate},
			{line: 9, path: "$.c", sentinel: ErrInvalidTemplate},
			{line: 10, path: "$.d", sentinel: ErrInvalidTemplate},
			{line: 11, path: "$.e", sentinel: ErrInvalidTemplate},
			{line: 12, path: "$.rules", sentinel: ErrInvalidTemplate},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(testdataDir, "broken", tt.file)
			tpl, err := LoadFile(path)
			if err == nil || tpl != nil {
				t.Fatalf("LoadFile(%s) = %v, %v; want an error", tt.file, tpl, err)
			}
			got := loadErrors(t, err)
			if len(got) != len(tt.want) {
				t.Fatalf("%d problems, want %d:\n%v", len(got), len(tt.want), err)
			}
			for i, w := range tt.want {
				g := got[i]
				if g.File != path || g.Line != w.line || g.Path != w.path || g.Rule != w.rule || g.Column < 1 {
					t.Errorf("problem %d: %s:%d:%d %s rule %q; want line %d %s rule %q", i, g.File, g.Line, g.Column,
						g.Path, g.Rule, w.line, w.path, w.rule)
				}
				if !errors.Is(g, w.sentinel) || (w.also != nil && !errors.Is(g, w.also)) {
					t.Errorf("problem %d: %v does not wrap %v and %v", i, g, w.sentinel, w.also)
				}
				if w.rule != "" && !strings.Contains(g.Snippet, "^") {
					t.Errorf("problem %d: compile error without a caret snippet: %q", i, g.Snippet)
				}
			}
		})
	}
}

// TestCompileErrorPosition checks that an error's column lands on the
// offending token whatever the YAML style of the expression.
func TestCompileErrorPosition(t *testing.T) {
	tests := []struct {
		name      string
		when      string // YAML text after "when:", may span lines
		line, col int    // relative to the when line (line 0) and absolute column
	}{
		{"plain", " sanctions.matched && sanctions.best_scor > 1", 0, 42},
		{"double quoted", ` "sanctions.matched && sanctions.best_scor > 1"`, 0, 43},
		{"single quoted", ` 'subject.name == ''x'' && sanctions.best_scor > 1'`, 0, 47},
		{"escaped quotes", ` "subject.name == \"x\" && sanctions.best_scor > 1"`, 0, 47},
		{"literal block", " |\n      sanctions.matched &&\n        sanctions.best_scor > 1\n", 2, 19},
		{"folded block", " >\n      sanctions.matched &&\n      sanctions.best_scor > 1\n", 2, 17},
		{"plain multi-line", " sanctions.matched &&\n      sanctions.best_scor > 1", 1, 17},
		{"unknown name", " sanctions.matched && sanctons.matched", 0, 32},
		{"unicode before", " subject.name == \"Müller\" && sanctions.best_scor > 1", 0, 49},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := miniHead + "  - id: r\n    when:" + tt.when + "\n    outcome: review\n    finding: {category: x, status: warning}\n"
			_, err := Load("pos.yaml", []byte(src))
			errs := loadErrors(t, err)
			if len(errs) != 1 {
				t.Fatalf("%d errors: %v", len(errs), err)
			}
			whenLine := strings.Count(miniHead, "\n") + 2
			if errs[0].Line != whenLine+tt.line || errs[0].Column != tt.col {
				t.Errorf("at %d:%d, want %d:%d\n%v", errs[0].Line, errs[0].Column, whenLine+tt.line, tt.col, err)
			}
		})
	}
}

// TestLoadProblems covers the validation of each part of a template with
// small inline documents.
func TestLoadProblems(t *testing.T) {
	rule := miniRule("r", "sanctions.matched", "reject", 100)
	tests := []struct {
		name     string
		src      string
		path     string // YAML path of the (first) problem
		sentinel error
	}{
		{"empty", "", "$", ErrInvalidTemplate},
		{"comment only", "# nothing\n", "$", ErrInvalidTemplate},
		{"null document", "~\n", "$", ErrInvalidTemplate},
		{"not a mapping", "- a\n- b\n", "$", ErrInvalidTemplate},
		{"two documents", miniHead + rule + "---\nid: other\n", "$", ErrInvalidTemplate},
		{"missing id", strings.Replace(miniHead, "id: mini\n", "", 1) + rule, "$.id", ErrInvalidTemplate},
		{"bad id", strings.Replace(miniHead, "id: mini", "id: Mini-Template", 1) + rule, "$.id", ErrInvalidTemplate},
		{"version zero", strings.Replace(miniHead, "version: 1", "version: 0", 1) + rule, "$.version", ErrInvalidTemplate},
		{"version string", strings.Replace(miniHead, "version: 1", "version: v1", 1) + rule, "$.version", ErrInvalidTemplate},
		{"bad status", strings.Replace(miniHead, "status: draft", "status: live", 1) + rule, "$.status", ErrInvalidTemplate},
		{"bad subject", strings.Replace(miniHead, "subject: person", "subject: trust", 1) + rule, "$.subject", ErrInvalidTemplate},
		{"unknown top key", miniHead + rule + "extra: 1\n", "$.extra", ErrInvalidTemplate},
		{"duplicate key", miniHead + rule + "version: 2\n", "$", ErrInvalidTemplate},
		{"no rules", miniHead + "  []\n", "$.rules", ErrInvalidTemplate},
		{"bands reversed", strings.Replace(miniHead, "{medium: 30, high: 70}", "{medium: 70, high: 30}", 1) + rule, "$.risk_bands", ErrInvalidTemplate},
		{"bands missing", strings.Replace(miniHead, "risk_bands: {medium: 30, high: 70}\n", "", 1) + rule, "$.risk_bands", ErrInvalidTemplate},
		{"param bad type", strings.Replace(miniHead, "age: {type: integer}", "age: {type: int}", 1) + rule, "$.parameters.fields.age.type", ErrInvalidTemplate},
		{"param keyword name", strings.Replace(miniHead, "age: {type: integer}", "in: {type: integer}", 1) + rule, "$.parameters.fields.in", ErrInvalidTemplate},
		{"param no type", strings.Replace(miniHead, "age: {type: integer}", "age:", 1) + rule, "$.parameters.fields.age", ErrInvalidTemplate},
		{"format on number", strings.Replace(miniHead, "age: {type: integer}", "age: {type: integer, format: cpf}", 1) + rule, "$.parameters.fields.age.format", ErrInvalidTemplate},
		{"unknown format", strings.Replace(miniHead, "age: {type: integer}", "tax: {type: string, format: nif}", 1) + rule, "$.parameters.fields.tax.format", ErrInvalidDocument},
		{"unknown document type", strings.Replace(miniHead, "parameters:\n", "parameters:\n  document: passport\n", 1) + rule, "$.parameters.document", ErrInvalidDocument},
		{"document not string", strings.Replace(miniHead, "age: {type: integer}", "cpf: {type: integer}", 1) + rule, "$.parameters.fields.cpf", ErrInvalidTemplate},
		{"document optional", strings.Replace(miniHead, "age: {type: integer}", "cpf: {type: string, required: false}", 1) + rule, "$.parameters.fields.cpf", ErrInvalidTemplate},
		{"source reserved id", strings.Replace(miniHead, "id: bureau", "id: subject", 1) + rule, "$.sources[1].id", ErrInvalidTemplate},
		{"source builtin id", strings.Replace(miniHead, "id: bureau", "id: count", 1) + rule, "$.sources[1].id", ErrInvalidTemplate},
		{"duplicate source", strings.Replace(miniHead, "id: bureau", "id: sanctions", 1) + rule, "$.sources[1].id", ErrInvalidTemplate},
		{"bad tier", strings.Replace(miniHead, "tier: 2", "tier: 4", 1) + rule, "$.sources[1].tier", ErrInvalidTemplate},
		{"bad timeout", strings.Replace(miniHead, "timeout: 5s", "timeout: soon", 1) + rule, "$.sources[1].timeout", ErrInvalidTemplate},
		{"huge timeout", strings.Replace(miniHead, "timeout: 5s", "timeout: 1h", 1) + rule, "$.sources[1].timeout", ErrInvalidTemplate},
		{"expected above timeout", strings.Replace(miniHead, "timeout: 5s", "timeout: 5s\n    expected_duration: 6s", 1) + rule, "$.sources[1].expected_duration", ErrInvalidTemplate},
		{"wrong block", strings.Replace(miniHead, "custom: {name: bureau}", "custom: {name: bureau}\n    screening: {name: name}", 1) + rule, "$.sources[1].screening", ErrInvalidTemplate},
		{"missing block", strings.Replace(miniHead, "    custom: {name: bureau}\n", "", 1) + rule, "$.sources[1].custom", ErrInvalidTemplate},
		{"unknown list", strings.Replace(miniHead, "screening: {name: name}", "screening: {name: name, lists: [OFAC-SDN, INTERPOL]}", 1) + rule, "$.sources[0].screening.lists[1]", ErrInvalidTemplate},
		{"name param unknown", strings.Replace(miniHead, "screening: {name: name}", "screening: {name: full_name}", 1) + rule, "$.sources[0].screening.name", ErrInvalidTemplate},
		{"name param wrong type", strings.Replace(miniHead, "screening: {name: name}", "screening: {name: age}", 1) + rule, "$.sources[0].screening.name", ErrInvalidTemplate},
		{"names param wrong type", strings.Replace(miniHead, "screening: {name: name}", "screening: {names: name}", 1) + rule, "$.sources[0].screening.names", ErrInvalidTemplate},
		{"name and names", strings.Replace(miniHead, "screening: {name: name}", "screening: {name: name, names: nicknames}", 1) + rule, "$.sources[0].screening.names", ErrInvalidTemplate},
		{"no name", strings.Replace(miniHead, "screening: {name: name}", "screening: {threshold: 0.9}", 1) + rule, "$.sources[0].screening.name", ErrInvalidTemplate},
		{"threshold above one", strings.Replace(miniHead, "screening: {name: name}", "screening: {name: name, threshold: 85}", 1) + rule, "$.sources[0].screening.threshold", ErrInvalidTemplate},
		{"dob not date", strings.Replace(miniHead, "screening: {name: name}", "screening: {name: name, dob: age}", 1) + rule, "$.sources[0].screening.dob", ErrInvalidTemplate},
		{"custom field type", strings.Replace(miniHead, "custom: {name: bureau}", "custom: {name: bureau, fields: {score: float}}", 1) + rule, "$.sources[1].custom.fields.score", ErrInvalidTemplate},
		{"duplicate rule", miniHead + rule + rule, "$.rules[1].id", ErrInvalidTemplate},
		{"rule missing when", miniHead + "  - id: r\n    outcome: reject\n    finding: {category: x, status: failed}\n", "$.rules[0].when", ErrInvalidTemplate},
		{"rule missing finding", miniHead + "  - id: r\n    when: 'true'\n    outcome: reject\n", "$.rules[0].finding", ErrInvalidTemplate},
		{"points above cap", miniHead + miniRule("r", "sanctions.matched", "reject", 101), "$.rules[0].risk_points", ErrInvalidTemplate},
		{"finding status", miniHead + strings.Replace(rule, "status: warning", "status: ok", 1), "$.rules[0].finding.status", ErrInvalidTemplate},
		{"empty when", miniHead + miniRule("r", " ", "reject", 1), "$.rules[0].when", ErrCompile},
		{"not a bool", miniHead + miniRule("r", "sanctions.match_count", "reject", 1), "$.rules[0].when", ErrCompile},
		{"unknown param", miniHead + miniRule("r", "subject.agee > 18", "reject", 1), "$.rules[0].when", ErrCompile},
		{"field of other kind", miniHead + miniRule("r", "sanctions.valid", "reject", 1), "$.rules[0].when", ErrCompile},
		{"env access", miniHead + miniRule("r", "$env.sanctions.matched", "reject", 1), "$.rules[0].when", ErrCompile},
		{"let shadows", miniHead + miniRule("r", "let sanctions = 1; sanctions > 0", "reject", 1), "$.rules[0].when", ErrCompile},
		{"hidden name", miniHead + miniRule("r", "__budget != nil", "reject", 1), "$.rules[0].when", ErrCompile},
		{"bad regex", miniHead + miniRule("r", `subject.name matches "(["`, "reject", 1), "$.rules[0].when", ErrCompile},
		{"map builtin", miniHead + miniRule("r", "len(map(sanctions.hits, .name)) > 0", "reject", 1), "$.rules[0].when", ErrCompile},
		{"anchor", strings.Replace(miniHead, "version: 1", "version: &v 1", 1) + rule, "$.version", ErrInvalidTemplate},
		{"merge key", strings.Replace(miniHead, "risk_bands: {medium: 30, high: 70}", "risk_bands:\n  <<: {medium: 30}\n  high: 70", 1) + rule, "$.risk_bands", ErrInvalidTemplate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tpl, err := Load("t.yaml", []byte(tt.src))
			if err == nil {
				t.Fatalf("loaded %v, want an error at %s", tpl.ID(), tt.path)
			}
			errs := loadErrors(t, err)
			for _, e := range errs {
				if e.Path == tt.path && errors.Is(e, tt.sentinel) {
					return
				}
			}
			t.Errorf("no %v at %s among:\n%v", tt.sentinel, tt.path, err)
		})
	}
}

func TestLoadReportsEveryProblem(t *testing.T) {
	src := strings.Replace(miniHead, "status: draft", "status: live", 1) +
		miniRule("a", "sanctions.matchd", "reject", 100) +
		miniRule("b", "subject.nam == 'x'", "review", 10) +
		miniRule("c", "sanctions.matched", "refuse", 10)
	_, err := Load("many.yaml", []byte(src))
	errs := loadErrors(t, err)
	if len(errs) != 4 {
		t.Fatalf("%d problems, want 4:\n%v", len(errs), err)
	}
	for i := 1; i < len(errs); i++ {
		if errs[i].Line < errs[i-1].Line {
			t.Errorf("problems not in file order: %d after %d", errs[i].Line, errs[i-1].Line)
		}
	}
}

func TestLoadLimits(t *testing.T) {
	big := miniHead + miniRule("r", "sanctions.matched", "reject", 1) + "# " + strings.Repeat("x", 300<<10) + "\n"
	if _, err := Load("big.yaml", []byte(big)); !errors.Is(err, ErrInvalidTemplate) {
		t.Errorf("a 300 KiB template: got %v, want ErrInvalidTemplate", err)
	}
	l := &Loader{Limits: Limits{MaxFileBytes: 1 << 20}}
	if _, err := l.Load("big.yaml", []byte(big)); err != nil {
		t.Errorf("a 300 KiB template under a 1 MiB limit: %v", err)
	}
	deep := "id: x\nrules: " + strings.Repeat("[", 50000) + strings.Repeat("]", 50000) + "\n"
	start := time.Now()
	_, err := Load("deep.yaml", []byte(deep))
	if !errors.Is(err, ErrBudgetExceeded) || time.Since(start) > time.Second {
		t.Errorf("deep flow nesting: got %v after %v, want ErrBudgetExceeded fast", err, time.Since(start))
	}
	long := miniHead + miniRule("r", "sanctions.matched"+strings.Repeat(" && sanctions.matched", 300), "reject", 1)
	_, err = Load("long.yaml", []byte(long))
	if !errors.Is(err, ErrBudgetExceeded) {
		t.Errorf("a 6 KiB expression: got %v, want ErrBudgetExceeded", err)
	}
	if _, err := (&Loader{Limits: Limits{MaxRules: -1}}).Load("x", nil); !errors.Is(err, ErrInvalidValue) {
		t.Errorf("negative limit: got %v, want ErrInvalidValue", err)
	}
	tpl := mustLoad(t, miniHead+miniRule("r", "sanctions.matched", "reject", 1))
	if tpl.Limits() != DefaultLimits() {
		t.Errorf("Limits() = %+v, want the defaults", tpl.Limits())
	}
}

// TestLoadAdversarialYAML feeds shapes the YAML parser handles in
// super-linear time, each as large as the limits allow: Load must refuse
// them or finish quickly.
func TestLoadAdversarialYAML(t *testing.T) {
	limits := DefaultLimits()
	fill := func(unit string) string {
		n := min(limits.MaxFileBytes/len(unit), (limits.MaxLines-1)/max(1, strings.Count(unit, "\n")))
		return strings.Repeat(unit, n)
	}
	tests := []struct {
		name    string
		src     string
		refused bool
	}{
		{"compact dashes", strings.Repeat("- ", 60000), true},
		{"flow nesting", strings.Repeat("[", 60000), true},
		{"many documents", fill("---\na: b\n"), true},
		{"many document ends", fill("a: b\n...\n"), true},
		{"many directives", fill("%YAML 1.2\n"), true},
		{"too many lines", strings.Repeat("\n", limits.MaxLines+1), true},
		{"dash lines", fill("-\n"), false},
		{"sequence of scalars", fill("- x\n"), false},
		{"sequence of mappings", fill("- a: 1\n  b: 2\n"), false},
		{"empty values", fill("a:\n"), false},
		{"many keys", fill("k: v\n"), false},
		{"anchors", fill("- &a x\n"), false},
		{"flow mapping", "{" + strings.Repeat("a: b, ", limits.MaxFileBytes/7) + "}", false},
		{"one long plain scalar", "a: " + strings.Repeat("word ", limits.MaxFileBytes/6), false},
		{"nested compact at the limit", fill(strings.Repeat("- ", limits.MaxNesting) + "x\n"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, err := Load("adversarial.yaml", []byte(tt.src))
			elapsed := time.Since(start)
			if err == nil {
				t.Fatal("loaded")
			}
			if tt.refused && !errors.Is(err, ErrBudgetExceeded) {
				t.Errorf("got %v, want ErrBudgetExceeded", err)
			}
			if elapsed > 1500*time.Millisecond {
				t.Errorf("took %v", elapsed)
			}
		})
	}
}

func TestLoaderDocumentsAndCustomSources(t *testing.T) {
	docs := NewDocuments()
	if err := docs.RegisterDocument("ruc", func(s string) (string, error) {
		if len(s) != 11 {
			return "", ErrInvalidDocument
		}
		return s, nil
	}); err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(miniHead, "parameters:\n", "parameters:\n  document: {param: ruc, type: ruc}\n", 1) +
		miniRule("r", "sanctions.matched", "reject", 1)
	if _, err := Load("ruc.yaml", []byte(src)); !errors.Is(err, ErrInvalidDocument) {
		t.Errorf("default registry: got %v, want ErrInvalidDocument", err)
	}
	l := &Loader{Documents: docs, CustomSource: func(name string) bool { return name == "bureau" }}
	tpl, err := l.Load("ruc.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tpl.NormalizeSubject(map[string]any{"ruc": "123", "name": "x"}); !errors.Is(err, ErrInvalidDocument) {
		t.Errorf("invalid ruc: got %v", err)
	}
	if s, err := tpl.NormalizeSubject(map[string]any{"ruc": "20100047218", "name": "x"}); err != nil || s["ruc"] != "20100047218" {
		t.Errorf("valid ruc: %v, %v", s, err)
	}
	l.CustomSource = func(string) bool { return false }
	if _, err := l.Load("ruc.yaml", []byte(src)); !errors.Is(err, ErrUnknownSource) {
		t.Errorf("unregistered custom source: got %v, want ErrUnknownSource", err)
	}
}

func TestLoadFileErrors(t *testing.T) {
	if _, err := LoadFile(filepath.Join(t.TempDir(), "absent.yaml")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("absent file: got %v", err)
	}
}
