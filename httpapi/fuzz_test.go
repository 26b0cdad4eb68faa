package httpapi

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzRequestBodies sends arbitrary bodies to the routes that decode one:
// whatever arrives, the answer is a JSON body with a 2xx or 4xx status,
// never a 5xx or a panic.
func FuzzRequestBodies(f *testing.F) {
	for _, seed := range []string{
		`{"template_id":"pf_onboarding","parametros":{"cpf":"529.982.247-25","name":"Maria Aparecida da Silva"}}`,
		`{"template_id":"pf_onboarding","parametros":{"cpf":"529.982.247-26","name":"x","birth_date":"2999-01-01"}}`,
		`{"template_id":"pf_onboarding","parametros":{"cpf":12,"name":["a"],"pep_declared":"yes","nationality":"Narnia"}}`,
		`{"template_id":7,"parametros":[],"metadata":{"a":1}}`,
		`{"name":"Ivan Volkov","type":"individual","dob":"1971-03","country":"RU","lists":["OFAC-SDN"],"threshold":0.7}`,
		`{"name":"","dob":"31/02/1990","threshold":-1,"lists":[""]}`,
		`{"name":"\u0418\u0432\u0430\u043d \u0412\u043e\u043b\u043a\u043e\u0432"}`,
		`[]`, `null`, `{`, `{"name":"a"} {"name":"b"}`, "\xff\xfe",
	} {
		f.Add(seed, false)
		f.Add(seed, true)
	}
	fx := newFixture(f, fixtureOptions{})
	f.Fuzz(func(t *testing.T, body string, kyc bool) {
		target := "/api/v1/bureau/runs"
		if kyc {
			target = "/kyc"
		}
		req := httptest.NewRequest("POST", target, strings.NewReader(body))
		req.Header.Set("X-API-Key", keyAll)
		rec := serve(fx.h, req)
		if rec.Code >= 500 {
			t.Fatalf("%s %q: %d %s", target, body, rec.Code, rec.Body)
		}
		if !json.Valid(rec.Body.Bytes()) {
			t.Fatalf("%s %q: body is not JSON: %q", target, body, rec.Body)
		}
	})
}
