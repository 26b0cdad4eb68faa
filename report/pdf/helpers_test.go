package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"

	"golang.org/x/text/unicode/norm"
)

var pageObject = regexp.MustCompile(`/Type /Page[^s]`)

// pageCount counts the page objects of a PDF, without any PDF library.
func pageCount(pdf []byte) int { return len(pageObject.FindAll(pdf, -1)) }

// extractText runs pdftotext over pdf and returns its text, normalized to
// NFKC so that Arabic presentation forms read as the letters they shape.
// The test is skipped when pdftotext is not installed.
func extractText(t testing.TB, pdf []byte, args ...string) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not on PATH (Debian: apt-get install poppler-utils); text extraction not checked")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, append(append([]string{"-enc", "UTF-8"}, args...), in, "-")...)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("pdftotext: %v: %s", err, stderr.String())
	}
	return norm.NFKC.String(out.String())
}
