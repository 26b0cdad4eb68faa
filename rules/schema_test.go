package rules

import (
	"encoding/json"
	"slices"
	"testing"
)

// TestSchemaMatchesLoader keeps template.schema.json and the loader's key
// tables in step: every object the loader reads must allow exactly the
// same keys in the schema.
func TestSchemaMatchesLoader(t *testing.T) {
	var schema map[string]any
	if err := json.Unmarshal(TemplateSchema(), &schema); err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	defs := schema["$defs"].(map[string]any)
	def := func(path ...string) map[string]any {
		var node any = schema
		for _, p := range path {
			node = node.(map[string]any)[p]
		}
		return node.(map[string]any)
	}
	keys := func(obj map[string]any) []string {
		var out []string
		for k := range obj["properties"].(map[string]any) {
			out = append(out, k)
		}
		slices.Sort(out)
		return out
	}
	source := def("$defs", "source")
	tests := []struct {
		name   string
		obj    map[string]any
		loader []string
	}{
		{"template", schema, keysTemplate},
		{"parameters", defs["parameters"].(map[string]any), keysParameters},
		{"param", defs["param"].(map[string]any), keysParam},
		{"source", source, keysSource},
		{"screening", def("$defs", "source", "properties", "screening"), keysScreening},
		{"document source", def("$defs", "source", "properties", "document"), keysDocumentSource},
		{"custom", def("$defs", "source", "properties", "custom"), keysCustom},
		{"rule", defs["rule"].(map[string]any), keysRule},
		{"finding", def("$defs", "rule", "properties", "finding"), keysFinding},
		{"recommendation", def("$defs", "rule", "properties", "recommendation"), keysRecommendation},
		{"risk bands", defs["risk_bands"].(map[string]any), keysBands},
		{"test", defs["test"].(map[string]any), keysTest},
		{"result", defs["result"].(map[string]any), keysResult},
		{"hit", defs["hit"].(map[string]any), keysHit},
		{"expect", defs["expect"].(map[string]any), keysExpect},
	}
	for _, tt := range tests {
		if tt.loader == nil {
			continue
		}
		want := slices.Sorted(slices.Values(tt.loader))
		if got := keys(tt.obj); !slices.Equal(got, want) {
			t.Errorf("%s: schema keys %v, loader keys %v", tt.name, got, want)
		}
		if tt.obj["additionalProperties"] != false {
			t.Errorf("%s: the schema allows additional properties", tt.name)
		}
	}
	var one map[string]any
	for _, alt := range def("$defs", "parameters", "properties", "document")["oneOf"].([]any) {
		if m, ok := alt.(map[string]any); ok && m["type"] == "object" {
			one = m
		}
	}
	if got := keys(one); !slices.Equal(got, slices.Sorted(slices.Values(keysDocumentField))) {
		t.Errorf("document field: schema keys %v, loader keys %v", got, keysDocumentField)
	}
	// Enumerations agree too.
	enum := func(obj map[string]any) []string {
		var out []string
		for _, v := range obj["enum"].([]any) {
			out = append(out, v.(string))
		}
		return out
	}
	checks := []struct {
		name  string
		obj   map[string]any
		names []string
	}{
		{"status", def("properties", "status"), templateStatusNames[1:]},
		{"subject", def("properties", "subject"), subjectKindNames[1:]},
		{"param type", defs["param_type"].(map[string]any), paramTypeNames[1:]},
		{"source kind", def("$defs", "source", "properties", "kind"), sourceKindNames[1:]},
		{"outcome", def("$defs", "rule", "properties", "outcome"), outcomeNames[1:]},
		{"finding status", def("$defs", "rule", "properties", "finding", "properties", "status"), findingStatusNames[1:]},
		{"result status", def("$defs", "result", "properties", "status"), sourceStatusNames[1:]},
		{"decision", def("$defs", "expect", "properties", "decision"), decisionNames[1:]},
		{"operative", def("$defs", "expect", "properties", "operative_decision"), operativeNames[1:]},
	}
	for _, c := range checks {
		if got := enum(c.obj); !slices.Equal(got, c.names) {
			t.Errorf("%s: schema enum %v, Go names %v", c.name, got, c.names)
		}
	}
}
