package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/sievekyc/sieve/engine"
	"github.com/sievekyc/sieve/engine/runner"
	"github.com/sievekyc/sieve/httpapi"
	"github.com/sievekyc/sieve/lists"
	"github.com/sievekyc/sieve/rules"
	"github.com/sievekyc/sieve/store"
	"github.com/sievekyc/sieve/store/boltstore"
)

// apiKey is the secret the examples authenticate with.
const apiKey = "sk_example_secret"

// newServer wires what a host wires: an engine with lists, a store, the
// templates, a started runner in sandbox mode, a tenant with a key, and the
// handler on an httptest server. The returned function tears it down.
func newServer() (*httptest.Server, func()) {
	ctx := context.Background()
	eng, err := engine.New(engine.Options{})
	if err != nil {
		log.Fatal(err)
	}
	sdn := &lists.List{Source: lists.SourceOFACSDN, SHA256: strings.Repeat("0", 64)}
	p := lists.Entity{ID: "ofac-sdn:36", Source: lists.SourceOFACSDN, Type: lists.TypePerson}
	p.AddName("Ivan Sergeyevich VOLKOV", lists.NamePrimary)
	sdn.Entities = append(sdn.Entities, p)
	if err := eng.Reload(ctx, sdn); err != nil {
		log.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "httpapi-example-")
	if err != nil {
		log.Fatal(err)
	}
	st, err := boltstore.Open(filepath.Join(dir, "sieve.db"), boltstore.Options{NoSync: true})
	if err != nil {
		log.Fatal(err)
	}
	tpl, err := rules.LoadFile("../testdata/templates/pf_onboarding.yaml")
	if err != nil {
		log.Fatal(err)
	}
	ts, err := runner.NewTemplates(tpl)
	if err != nil {
		log.Fatal(err)
	}
	r, err := runner.New(eng, st, ts, runner.Options{Sandbox: true})
	if err != nil {
		log.Fatal(err)
	}
	if err := r.Start(ctx); err != nil {
		log.Fatal(err)
	}
	if _, err := st.PutTenant(ctx, store.Tenant{ID: "acme", Name: "Acme"}); err != nil {
		log.Fatal(err)
	}
	if _, err := st.PutAPIKey(ctx, store.APIKey{ID: "key_1", Tenant: "acme", Hash: store.HashAPIKey(apiKey),
		Scopes: []string{store.ScopeRunsWrite, store.ScopeRunsRead, store.ScopeKYCWrite, store.ScopeKYCExport}}); err != nil {
		log.Fatal(err)
	}
	h, err := httpapi.NewHandler(eng, r, st, httpapi.Options{SigningKey: bytes.Repeat([]byte("k"), 32)})
	if err != nil {
		log.Fatal(err)
	}
	srv := httptest.NewServer(h)
	return srv, func() {
		srv.Close()
		_ = r.Close(ctx)
		_ = st.Close()
		_ = os.RemoveAll(dir)
	}
}

// call sends a request with the example key and decodes a JSON answer
// into out (when not nil).
func call(srv *httptest.Server, method, path string, body any, out any) *http.Response {
	var rd *bytes.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	} else {
		rd = bytes.NewReader(nil)
	}
	req, err := http.NewRequest(method, srv.URL+path, rd)
	if err != nil {
		log.Fatal(err)
	}
	req.Header.Set("X-API-Key", apiKey)
	req.Header.Set("Content-Type", "application/json")
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	if out != nil {
		if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
			log.Fatal(err)
		}
	}
	return resp
}

// submit creates a run and waits for it through long polling.
func submit(srv *httptest.Server, name string) string {
	var sub struct {
		RunID string `json:"run_id"`
	}
	call(srv, "POST", "/api/v1/bureau/runs", map[string]any{"template_id": "pf_onboarding",
		"parametros": map[string]any{"cpf": "529.982.247-25", "name": name}}, &sub)
	call(srv, "GET", "/api/v1/bureau/runs/"+sub.RunID+"/analysis?waitForReport=true&timeoutSeconds=30", nil, nil)
	return sub.RunID
}

func ExampleNewHandler_submitRun() {
	srv, stop := newServer()
	defer stop()
	var sub struct {
		RunID            string `json:"run_id"`
		Status           string `json:"status"`
		EstimatedSeconds int    `json:"estimated_seconds"`
		Live             bool   `json:"live"`
	}
	resp := call(srv, "POST", "/api/v1/bureau/runs", map[string]any{
		"template_id": "pf_onboarding",
		"parametros":  map[string]any{"cpf": "529.982.247-25", "name": "Maria Aparecida da Silva"},
		"external_id": "customer-981",
		"metadata":    map[string]string{"channel": "mobile"},
	}, &sub)
	fmt.Println(resp.StatusCode, sub.Status, sub.EstimatedSeconds, sub.Live, strings.HasPrefix(sub.RunID, "run_"))

	var bad struct {
		Error struct {
			Code          string `json:"code"`
			InvalidParams []struct {
				Param string `json:"param"`
			} `json:"invalid_params"`
		} `json:"error"`
	}
	resp = call(srv, "POST", "/api/v1/bureau/runs", map[string]any{"template_id": "pf_onboarding",
		"parametros": map[string]any{"cpf": "111.111.111-11", "name": "Maria"}}, &bad)
	fmt.Println(resp.StatusCode, bad.Error.Code, bad.Error.InvalidParams[0].Param)
	// Output:
	// 202 queued 3 false true
	// 400 invalid_document cpf
}

func ExampleNewHandler_getRun() {
	srv, stop := newServer()
	defer stop()
	id := submit(srv, "Maria Aparecida da Silva")
	var run struct {
		Status            string `json:"status"`
		Decision          string `json:"decision"`
		OperativeDecision string `json:"operative_decision"`
		RiskBand          string `json:"risk_band"`
		Environment       string `json:"environment"`
	}
	resp := call(srv, "GET", "/api/v1/bureau/runs/"+id, nil, &run)
	// In sandbox mode the CPF bureau (a custom source) answers its zero
	// values, so name_matches is false and the run awaits an analyst.
	fmt.Println(resp.StatusCode, run.Status, run.Decision, run.OperativeDecision, run.RiskBand, run.Environment)

	// Output:
	// 200 em_analise review review medio sandbox
}

func ExampleNewHandler_listRuns() {
	srv, stop := newServer()
	defer stop()
	for _, name := range []string{"Ana Souza", "Bruno Lima", "Carla Dias"} {
		submit(srv, name)
	}
	var page struct {
		Runs []struct {
			Status string `json:"status"`
		} `json:"runs"`
		HasMore    bool   `json:"has_more"`
		NextCursor string `json:"next_cursor"`
	}
	call(srv, "GET", "/api/v1/bureau/runs?limit=2&status=em_analise", nil, &page)
	fmt.Println(len(page.Runs), page.HasMore)
	call(srv, "GET", "/api/v1/bureau/runs?limit=2&status=em_analise&cursor="+url.QueryEscape(page.NextCursor), nil, &page)
	fmt.Println(len(page.Runs), page.HasMore)
	// Output:
	// 2 true
	// 1 false
}

func ExampleNewHandler_analysis() {
	srv, stop := newServer()
	defer stop()
	var sub struct {
		RunID string `json:"run_id"`
	}
	call(srv, "POST", "/api/v1/bureau/runs", map[string]any{"template_id": "pf_onboarding",
		"parametros": map[string]any{"cpf": "529.982.247-25", "name": "Maria Aparecida da Silva"}}, &sub)
	var a struct {
		Meta struct {
			Status string `json:"status"`
		} `json:"meta"`
		Analysis struct {
			Decision string `json:"decision"`
			Risk     struct {
				Score int    `json:"score"`
				Label string `json:"level_label"`
			} `json:"risk_assessment"`
			Subject struct {
				Document string `json:"document"`
			} `json:"subject_profile"`
		} `json:"analysis"`
	}
	// Long polling: the request returns as soon as the run settles.
	resp := call(srv, "GET", "/api/v1/bureau/runs/"+sub.RunID+"/analysis?waitForReport=true&timeoutSeconds=30", nil, &a)
	fmt.Println(resp.StatusCode, a.Meta.Status, a.Analysis.Decision, a.Analysis.Risk.Score, a.Analysis.Risk.Label, a.Analysis.Subject.Document)
	// Output:
	// 200 em_analise review 30 medio ********725
}

func ExampleNewHandler_report() {
	srv, stop := newServer()
	defer stop()
	id := submit(srv, "Maria Aparecida da Silva")
	var rep struct {
		Mode string `json:"mode"`
		URL  string `json:"url"`
	}
	resp := call(srv, "POST", "/api/v1/bureau/runs/"+id+"/report?mode=resumido", nil, &rep)
	fmt.Println(resp.StatusCode, rep.Mode)
	resp = call(srv, "POST", "/api/v1/bureau/runs/"+id+"/report?mode=resumido", nil, nil)
	fmt.Println(resp.StatusCode)
	resp = call(srv, "GET", "/api/v1/bureau/runs/"+id+"/report?mode=resumido", nil, nil)
	fmt.Println(resp.StatusCode, strings.HasPrefix(resp.Header.Get("Location"), srv.URL+"/files/"))
	pdf, err := http.Get(resp.Header.Get("Location")) // the signed URL needs no key
	if err != nil {
		log.Fatal(err)
	}
	defer pdf.Body.Close()
	fmt.Println(pdf.StatusCode, pdf.Header.Get("Content-Type"))
	// Output:
	// 201 resumido
	// 200
	// 302 true
	// 200 application/pdf
}

func ExampleNewHandler_kyc() {
	srv, stop := newServer()
	defer stop()
	var res struct {
		JobID      string `json:"job_id"`
		Matched    bool   `json:"matched"`
		MatchCount int    `json:"match_count"`
		Lists      []struct {
			Source  string `json:"source"`
			Matches []struct {
				EntityID string  `json:"entity_id"`
				Score    float64 `json:"score"`
			} `json:"matches"`
		} `json:"lists"`
	}
	resp := call(srv, "POST", "/kyc", map[string]any{"name": "Ivan Volkov", "type": "person", "lists": []string{"OFAC-SDN"}}, &res)
	m := res.Lists[0].Matches[0]
	fmt.Println(resp.StatusCode, res.Matched, res.MatchCount, res.Lists[0].Source, m.EntityID)

	var exp struct {
		RequestID    string `json:"request_id"`
		Bucket       string `json:"bucket"`
		Key          string `json:"key"`
		PresignedURL string `json:"presigned_url"`
	}
	resp = call(srv, "GET", "/exports/"+res.JobID, nil, &exp)
	fmt.Println(resp.StatusCode, exp.RequestID == res.JobID, exp.Bucket, exp.Key == "exports/tenants/acme/"+res.JobID+".pdf")
	pdf, err := http.Get(exp.PresignedURL)
	if err != nil {
		log.Fatal(err)
	}
	defer pdf.Body.Close()
	fmt.Println(pdf.StatusCode, pdf.Header.Get("Content-Type"))

	var notFound struct {
		Error string `json:"error"`
	}
	resp = call(srv, "GET", "/exports/kyc_unknown", nil, &notFound)
	fmt.Println(resp.StatusCode, notFound.Error)
	// Output:
	// 200 true 1 OFAC-SDN ofac-sdn:36
	// 200 true sieve-exports true
	// 200 application/pdf
	// 404 Record not found
}

func ExampleNewHandler_probes() {
	srv, stop := newServer()
	defer stop()
	for _, path := range []string{"/healthz", "/readyz", "/openapi.json"} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			log.Fatal(err)
		}
		resp.Body.Close()
		fmt.Println(path, resp.StatusCode)
	}
	unauth, err := http.Get(srv.URL + "/api/v1/bureau/runs")
	if err != nil {
		log.Fatal(err)
	}
	unauth.Body.Close()
	fmt.Println("no key", unauth.StatusCode)
	// Output:
	// /healthz 200
	// /readyz 200
	// /openapi.json 200
	// no key 401
}
