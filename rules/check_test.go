package rules

import (
	"bytes"
	"strings"
	"testing"
)

func TestCheckTestdataIsClean(t *testing.T) {
	for _, f := range []string{"pf_onboarding.yaml", "pj_kyb.yaml", "edd_person.yaml"} {
		if lints := Check(loadTestdata(t, f)); len(lints) > 0 {
			var buf bytes.Buffer
			_ = FormatLints(&buf, lints)
			t.Errorf("%s:\n%s", f, buf.String())
		}
	}
}

func TestCheckFindsMistakes(t *testing.T) {
	head := strings.Replace(miniHead, "custom: {name: bureau}", "custom: {name: bureau}\n  - id: pep\n    kind: screening\n    tier: 1\n    timeout: 5s\n    enabled: false\n    screening: {name: name}\n  - id: media\n    kind: custom\n    tier: 3\n    timeout: 5s\n    custom: {name: media}", 1)
	src := head +
		miniRule("exact", "sanctions.best_score >= 0.95", "reject", 100) +
		miniRule("exact_again", "sanctions.best_score >= 0.95", "review", 50) +
		miniRule("exact_and_old", "sanctions.best_score >= 0.95 && subject.age > 80", "review", 10) +
		miniRule("never", "1 > 2", "review", 10) +
		miniRule("always", "true || sanctions.ok", "approve", 0) +
		miniRule("pep_hit", "pep.matched", "review", 30) +
		miniRule("bureau_flag", "bureau.status == 'failed'", "review", 5) +
		"tests:\n  - name: clean\n    subject: {cpf: '52998224725', name: A, age: 30}\n    sources: {sanctions: ok, bureau: ok, media: ok}\n    expect: {decision: approved, fired: [always]}\n"
	tpl := mustLoad(t, src)
	got := map[string]bool{}
	for _, l := range Check(tpl) {
		got[string(l.Code)+" "+l.Rule+l.Source] = true
		if l.File != "test.yaml" || l.Message == "" {
			t.Errorf("lint %+v", l)
		}
	}
	for _, want := range []string{
		"unused-source media",
		"disabled-source pep_hit",
		"constant-rule never",
		"constant-rule always",
		"duplicate-condition exact_again",
		"shadowed-rule exact_again",
		"shadowed-rule exact_and_old",
		"untested-decision ",
		"untested-rule exact",
		"untested-rule bureau_flag",
	} {
		if !got[want] {
			t.Errorf("no lint %q among %v", want, got)
		}
	}
	for _, unwanted := range []string{"unused-source sanctions", "unused-source bureau", "untested-rule always", "shadowed-rule pep_hit"} {
		if got[unwanted] {
			t.Errorf("unexpected lint %q", unwanted)
		}
	}
	noTests := mustLoad(t, miniHead+miniRule("r", "sanctions.matched && bureau.ok", "reject", 1))
	lints := Check(noTests)
	if len(lints) != 1 || lints[0].Code != LintNoTests {
		t.Errorf("template without tests: %+v", lints)
	}
	var buf bytes.Buffer
	if err := FormatLints(&buf, lints); err != nil || buf.String() != "test.yaml: no-tests: the template has no test cases\n" {
		t.Errorf("FormatLints: %q, %v", buf.String(), err)
	}
}
