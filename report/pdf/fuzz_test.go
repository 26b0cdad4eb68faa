package pdf

import (
	"errors"
	"testing"
	"unicode/utf8"

	"github.com/sievekyc/sieve/report"
)

// FuzzRender renders documents whose texts are arbitrary: Render must
// return a PDF or report.ErrInvalidDocument (for invalid UTF-8), never
// panic or fail otherwise.
func FuzzRender(f *testing.F) {
	for _, s := range []string{nameLatin, nameCyrillic, nameGreek, nameArabic, nameHebrew, nameCJK, nameKorean,
		"देवनागरी", "😀 emoji", "a\x00b\tc\r\nd", "ب\u200Cت", "\u202Eevil", "(דוד) 42", "ﻻ", "\uFFFD", "Jos\xe9"} {
		f.Add(s, s+" details", uint8(0))
	}
	f.Fuzz(func(t *testing.T, name, text string, mode uint8) {
		d := fixture(report.Modes()[int(mode)%3], 1)
		d.Subject.Name = name
		d.Subject.Transliteration = text
		d.Findings[1].Details = text
		d.HoldReasons[0] = name
		d.Sources[0].Lists[0].Matches[0].Name = name
		d.Sources[0].Lists[0].Matches[0].Explanation = []string{text}
		b, err := Render(d)
		valid := utf8.ValidString(name) && utf8.ValidString(text) && name != ""
		switch {
		case valid && err != nil:
			t.Fatalf("Render(%q, %q): %v", name, text, err)
		case !valid && !errors.Is(err, report.ErrInvalidDocument):
			t.Fatalf("Render(%q, %q) = %v, want ErrInvalidDocument", name, text, err)
		case valid && pageCount(b) == 0:
			t.Fatalf("Render(%q, %q): no pages", name, text)
		}
	})
}
