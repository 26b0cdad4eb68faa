package store_test

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/sievekyc/sieve/store"
)

func ExampleParseWireStatus() {
	// The bureau API's run listing calls queued runs "pending".
	s, err := store.ParseWireStatus("pending")
	fmt.Println(s, s.WireName(), err)
	_, err = store.ParseWireStatus("done")
	fmt.Println(errors.Is(err, store.ErrInvalidValue))
	// Output:
	// queued pending <nil>
	// true
}

func ExampleApplyUpdate() {
	created := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	stored := store.Run{ID: "run-1", Tenant: "acme", TemplateID: "kyc-pf", TemplateVersion: 1,
		Status: store.StatusRunning, CreatedAt: created, Revision: 2}

	done := stored
	done.Status = store.StatusCompleted
	done.Decision = "approved"
	next, err := store.ApplyUpdate(stored, done)
	fmt.Println(next.Status, next.Decision, next.Revision, err)

	// The same copy again is stale; a finished run never changes.
	_, err = store.ApplyUpdate(next, done)
	fmt.Println(errors.Is(err, store.ErrConflict))
	next.Status = store.StatusRunning
	_, err = store.ApplyUpdate(store.Run{ID: "run-1", Status: store.StatusCompleted, Revision: 3}, next)
	var te *store.TransitionError
	fmt.Println(errors.As(err, &te), te.From, "→", te.To)
	// Output:
	// completed approved 3 <nil>
	// true
	// true completed → running
}

func ExampleEncodeCursor() {
	f := store.ListFilter{Status: store.StatusCompleted, Limit: 20}
	last := store.Run{ID: "run-41", CreatedAt: time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)}
	f.Cursor = store.EncodeCursor("acme", f, last)

	c, err := store.DecodeCursor("acme", f)
	fmt.Println(c.ID, c.CreatedAt, err)
	// A cursor only continues the listing it came from.
	_, err = store.DecodeCursor("globex", f)
	fmt.Println(errors.Is(err, store.ErrInvalidCursor))
	// Output:
	// run-41 2025-03-01 12:00:00 +0000 UTC <nil>
	// true
}

func ExampleHashAPIKey() {
	// Store the hash of the secret handed to the client, never the secret.
	k := store.APIKey{ID: "key_8f3a", Tenant: "acme", Hash: store.HashAPIKey("sk_live_8f3a_s3cr3t"),
		Scopes: []string{store.ScopeRunsRead}}
	fmt.Println(k.Validate(), k.HasScope(store.ScopeRunsWrite))
	// Output:
	// <nil> false
}

func ExampleRun_LogValue() {
	run := store.Run{ID: "run-1", Tenant: "acme", TemplateID: "kyc-pf", TemplateVersion: 2,
		Status: store.StatusQueued, Params: map[string]any{"cpf": "52998224725", "nome": "Maria"}}
	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	}))
	// The subject's parameters are never logged.
	logger.Info("run accepted", "run", run)
	// Output:
	// level=INFO msg="run accepted" run.id=run-1 run.tenant=acme run.template=kyc-pf run.template_version=2 run.status=queued run.attempts=0
}
