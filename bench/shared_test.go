package bench

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/sievekyc/sieve/engine"
	"github.com/sievekyc/sieve/lists"
)

// sharedDir is where CI lays the real lists: beside the checkout.
var sharedDir = filepath.Join("..", "..", "shared", "lists")

var (
	loadOnce   sync.Once
	loadedAll  []*lists.List
	loadErr    error
	engineOnce sync.Once
	sharedEng  *engine.Engine
)

// realLists loads every list under ../shared/lists once per test binary,
// or skips when the folder is absent.
func realLists(tb testing.TB) []*lists.List {
	tb.Helper()
	if _, err := os.Stat(sharedDir); err != nil {
		tb.Skipf("real lists not available at %s (%v): these tests need ../shared/lists beside the checkout", sharedDir, err)
	}
	loadOnce.Do(func() {
		var cat *lists.Catalog
		cat, loadErr = lists.LoadDir(context.Background(), sharedDir, lists.LoadOptions{})
		if loadErr == nil {
			loadedAll, loadErr = lists.MergeBySource(cat.Active())
		}
	})
	if loadErr != nil {
		tb.Fatal(loadErr)
	}
	return loadedAll
}

// realEngine is an engine with default options over all real lists.
func realEngine(tb testing.TB) *engine.Engine {
	tb.Helper()
	ls := realLists(tb)
	engineOnce.Do(func() {
		e, err := engine.New(engine.Options{})
		if err != nil {
			loadErr = err
			return
		}
		if err := e.Reload(context.Background(), ls...); err != nil {
			loadErr = err
			return
		}
		sharedEng = e
	})
	if sharedEng == nil {
		tb.Fatal(loadErr)
	}
	return sharedEng
}
