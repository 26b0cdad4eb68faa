package httpapi

import (
	_ "embed"
	"net/http"
)

// openAPIDocument is the OpenAPI 3.1 description of every route, kept in
// the repository beside the handlers (openapi.json); a test checks that it
// and the routes agree.
//
//go:embed openapi.json
var openAPIDocument []byte

// OpenAPI returns the OpenAPI 3.1 document describing the adapters.
func OpenAPI() []byte { return append([]byte(nil), openAPIDocument...) }

// openAPI serves the OpenAPI document.
func (h *handler) openAPI(w http.ResponseWriter, r *http.Request, _ principal) error {
	hd := w.Header()
	hd.Set("Content-Type", "application/json; charset=utf-8")
	hd.Set("Cache-Control", "public, max-age=300")
	_, _ = w.Write(openAPIDocument)
	return nil
}
