package httpapi

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// TestOpenAPIMatchesRoutes checks that every route the mux serves is in
// openapi.json and every operation there is a route, with security exactly
// on the routes that need a key.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	var doc struct {
		OpenAPI string                               `json:"openapi"`
		Paths   map[string]map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(openAPIDocument, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.OpenAPI != "3.1.0" {
		t.Errorf("openapi %q", doc.OpenAPI)
	}
	f := newFixture(t, fixtureOptions{})
	h := f.h.(*handler)
	var fromMux, fromDoc []string
	scoped := map[string]bool{}
	for _, rt := range h.routes {
		fromMux = append(fromMux, rt.pattern)
		scoped[rt.pattern] = rt.scope != ""
	}
	for path, ops := range doc.Paths {
		for method, op := range ops {
			pattern := strings.ToUpper(method) + " " + path
			fromDoc = append(fromDoc, pattern)
			sec, _ := op["security"].([]any)
			if scoped[pattern] != (len(sec) > 0) {
				t.Errorf("%s: security %v, route needs a key: %t", pattern, sec, scoped[pattern])
			}
			if desc, _ := op["description"].(string); scoped[pattern] && !strings.Contains(desc, "scope") {
				t.Errorf("%s: the description does not name the scope", pattern)
			}
			if _, ok := op["responses"].(map[string]any); !ok {
				t.Errorf("%s: no responses", pattern)
			}
		}
	}
	slices.Sort(fromMux)
	slices.Sort(fromDoc)
	if !slices.Equal(fromMux, fromDoc) {
		t.Fatalf("routes and OpenAPI disagree:\nmux:     %v\nopenapi: %v", fromMux, fromDoc)
	}
	// Every route is registered on the mux under its pattern.
	for _, rt := range h.routes {
		method, path, _ := strings.Cut(rt.pattern, " ")
		path = strings.NewReplacer("{id}", "run_x", "{jobId}", "kyc_x", "{token}", "t").Replace(path)
		req := httpRequest(t, t.Context(), method, path, "")
		if _, pattern := h.mux.Handler(req); pattern != rt.pattern {
			t.Errorf("%s %s dispatches to %q, want %q", method, path, pattern, rt.pattern)
		}
	}
	r := f.do("GET", "/openapi.json", "", nil)
	if r.Status != 200 || !bytes.Equal(bytes.TrimSpace(r.Body), bytes.TrimSpace(openAPIDocument)) || !bytes.Equal(OpenAPI(), openAPIDocument) {
		t.Fatalf("GET /openapi.json: %d", r.Status)
	}
}

// TestOpenAPIErrorCodes checks the documented error codes are the ones
// problemFor can produce.
func TestOpenAPIErrorCodes(t *testing.T) {
	var doc struct {
		Components struct {
			Schemas map[string]struct {
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(openAPIDocument, &doc); err != nil {
		t.Fatal(err)
	}
	var bureau struct {
		Properties struct {
			Code struct {
				Enum []string `json:"enum"`
			} `json:"code"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(doc.Components.Schemas["BureauError"].Properties["error"], &bureau); err != nil {
		t.Fatal(err)
	}
	for _, code := range allProblemCodes() {
		if code == "invalid_query" || code == "invalid_signature" || code == "url_expired" {
			continue // KYC and file routes only
		}
		if !slices.Contains(bureau.Properties.Code.Enum, code) {
			t.Errorf("code %s is not documented for the bureau routes", code)
		}
	}
}
