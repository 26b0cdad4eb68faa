package lists

import "testing"

func TestCleaned(t *testing.T) {
	for _, s := range []string{"", "clean text", " lead", "trail ", "two  spaces", "tab\there", "nbsp\u00a0x",
		"Ünïcödé ok", "line\nbreak", "del\x7f", "ctl\x01", "bad \xff utf8", " "} {
		if got, want := cleaned(s), CleanText(s); got != want {
			t.Errorf("cleaned(%q) = %q, CleanText gives %q", s, got, want)
		}
	}
}

func TestLowerASCII(t *testing.T) {
	tests := map[string]string{
		"":                  "",
		"already lower":     "already lower",
		"Previously LISTED": "previously listed",
		"ȺÉ Now":            "ȺÉ now",
		"\xffA":             "\xffa",
	}
	for in, want := range tests {
		got := lowerASCII(in)
		if got != want || len(got) != len(in) {
			t.Errorf("lowerASCII(%q) = %q, want %q", in, got, want)
		}
	}
}
