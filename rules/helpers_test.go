package rules

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// testdataDir holds the shared template fixtures (repo-root testdata).
const testdataDir = "../testdata/templates"

func loadTestdata(t testing.TB, name string) *Template {
	t.Helper()
	tpl, err := LoadFile(filepath.Join(testdataDir, name))
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	return tpl
}

// miniTemplate is a small valid person template with a screening source
// (sanctions, tier 1), a custom source (bureau, tier 2, untyped data) and
// the given rules block appended.
const miniHead = `id: mini
version: 1
status: draft
subject: person
parameters:
  fields:
    name: {type: string, required: true}
    age: {type: integer}
    birth_date: {type: date}
    nicknames: {type: string_list}
sources:
  - id: sanctions
    kind: screening
    tier: 1
    timeout: 10s
    screening: {name: name}
  - id: bureau
    kind: custom
    tier: 2
    timeout: 5s
    custom: {name: bureau}
risk_bands: {medium: 30, high: 70}
rules:
`

// miniRule renders one rule of the mini template.
func miniRule(id, when, outcome string, points int) string {
	return "  - id: " + id + "\n    when: " + quoteYAML(when) + "\n    outcome: " + outcome +
		"\n    risk_points: " + strconv.Itoa(points) + "\n    finding: {category: test, status: warning}\n"
}

func quoteYAML(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

func mustLoad(t testing.TB, src string) *Template {
	t.Helper()
	tpl, err := Load("test.yaml", []byte(src))
	if err != nil {
		t.Fatalf("load: %v\n%s", err, src)
	}
	return tpl
}

// okResults are clean results for the mini template.
func okResults() map[string]SourceResult {
	return map[string]SourceResult{
		"sanctions": {Status: StatusOK},
		"bureau":    {Status: StatusOK, Data: map[string]any{}},
	}
}

func mustRead(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(testdataDir, name))
	if err != nil {
		tb.Fatal(err)
	}
	return data
}
