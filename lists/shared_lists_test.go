package lists

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedList returns the path of a real list file under ../shared/lists
// (beside the checkout, as CI lays it out), or skips the test when the
// shared folder is absent.
func sharedList(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join("..", "..", "shared", "lists", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		t.Skipf("real list %s not available (%v): these tests need ../shared/lists beside the checkout", rel, err)
	}
	return p
}
