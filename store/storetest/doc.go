// Package storetest is the conformance suite of store.Store: any
// implementation must pass it, the way log/slog handlers pass slogtest.
//
// An implementation's tests call Run with a function that opens a fresh,
// empty store driven by the clock it is given:
//
//	func TestConformance(t *testing.T) {
//		storetest.Run(t, func(t *testing.T, now func() time.Time) store.Store {
//			s, err := mystore.Open(t.TempDir(), mystore.Options{Now: now})
//			if err != nil {
//				t.Fatal(err)
//			}
//			return s
//		})
//	}
//
// The suite covers creation and validation, revisions and the status
// lifecycle, idempotency (same request, different request, expiry),
// tenant isolation, listing order, every filter, limits and cursors (stable
// while runs are inserted, rejected when edited or misapplied), pending
// runs, the immutability of analyses, reports and exports, retention
// purges, API keys by hash, closed stores, cancelled contexts, and
// concurrent idempotent creation and updates (run it with -race).
package storetest
