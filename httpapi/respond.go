package httpapi

import (
	"encoding/json"
	"net/http"
)

// writeJSON writes v as the JSON body of a response with the given status.
// Encoding errors cannot be reported to a client that already has the
// status line; the wire types are plain structs that always encode.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"error":{"code":"internal_error","message":"Internal error"}}`)
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
}
