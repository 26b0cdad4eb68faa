package pdf

import (
	"strings"
	"testing"
)

func TestMain(m *testing.M) {
	if err := loadFaces(); err != nil {
		panic(err)
	}
	m.Run()
}

// glyphText returns the code points of gs.
func glyphText(gs []glyph) string {
	var b strings.Builder
	for _, g := range gs {
		b.WriteRune(g.r)
	}
	return b.String()
}

func TestShapeArabic(t *testing.T) {
	tests := []struct{ name, in, want string }{
		// meem initial, hah medial, meem medial, dal final.
		{"muhammad", "محمد", "\uFEE3\uFEA4\uFEE4\uFEAA"},
		// alef isolated (joins only backwards), lam-lam-heh: initial, medial, final.
		{"allah", "الله", "\uFE8D\uFEDF\uFEE0\uFEEA"},
		// lam-alef ligature, isolated form.
		{"la", "لا", "\uFEFB"},
		// beh + lam-alef: beh initial, ligature final.
		{"bla", "بلا", "\uFE91\uFEFC"},
		// Harakat are transparent: beh still joins to teh.
		{"harakat", "بَت", "\uFE91\u064E\uFE96"},
		// A zero-width non-joiner stops joining.
		{"zwnj", "ب\u200Cت", "\uFE8F\u200C\uFE95"},
		// Spaces separate words.
		{"words", "عبد الله", "\uFECB\uFE92\uFEAA \uFE8D\uFEDF\uFEE0\uFEEA"},
		// Persian letters.
		{"persian", "پیک", "\uFB58\uFBFF\uFB8F"},
		{"latin untouched", "Ali 42", "Ali 42"},
	}
	for _, tt := range tests {
		if got := string(shapeArabic([]rune(tt.in))); got != tt.want {
			t.Errorf("%s: shapeArabic(%q) = %U, want %U", tt.name, tt.in, []rune(got), []rune(tt.want))
		}
	}
}

func TestVisualLine(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"latin", "José Müller", "José Müller"},
		{"hebrew words reversed", "דוד כהן", "ןהכ דוד"},
		{"hebrew with transliteration", "דוד כהן (David Cohen)", "ןהכ דוד (David Cohen)"},
		{"latin then hebrew", "Name: דוד כהן", "Name: ןהכ דוד"},
		{"digits keep order", "כהן42", "42ןהכ"},
		{"brackets mirror", "(כהן)", "(ןהכ)"},
		{"arabic shaped then reversed", "محمد", "\uFEAA\uFEE4\uFEA4\uFEE3"},
	}
	for _, tt := range tests {
		paras := prepare([]span{plain(tt.in)}, sizeBody)
		if got := glyphText(visualLine(paras[0])); got != tt.want {
			t.Errorf("%s: visualLine(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestPrepare(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // paragraphs
	}{
		{"nfc", "Mu\u0308ller", []string{"Müller"}},
		{"line breaks", "a\nb\r\nc", []string{"a", "b", "c"}},
		{"tabs and controls", "a\tb\x00c\u200Bd", []string{"a bcd"}},
		{"undrawable", "x देव y", []string{"x [Devanagari] y"}},
		{"emoji", "ok 😀", []string{"ok [U+1F600]"}},
		{"cjk", "王秀英", []string{"王秀英"}},
	}
	for _, tt := range tests {
		paras := prepare([]span{plain(tt.in)}, sizeBody)
		var got []string
		for _, p := range paras {
			got = append(got, glyphText(p))
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: prepare(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
	// Faces: CJK code points take the CJK font, the rest DejaVu.
	paras := prepare([]span{plain("A王"), bold("B")}, sizeBody)
	faces := []*face{faceRegular, faceCJK, faceBold}
	for i, g := range paras[0] {
		if g.face != faces[i] {
			t.Errorf("glyph %q has face %s %s, want %s %s", g.r, g.face.family, g.face.style, faces[i].family, faces[i].style)
		}
	}
}

func TestWrap(t *testing.T) {
	box := newText(sizeBody, plain("alpha beta gamma delta"))
	one := box.height(1000)
	if lines, _ := box.lines(1000); len(lines) != 1 {
		t.Fatalf("wide box: %d lines, want 1", len(lines))
	}
	w := faceRegular.width('a', sizeBody)
	lines, _ := box.lines(12*w + box.left + box.right)
	var got []string
	for _, l := range lines {
		var b strings.Builder
		for _, s := range l {
			b.WriteString(s.text)
		}
		got = append(got, b.String())
	}
	if strings.Join(got, "|") != "alpha beta|gamma delta" {
		t.Errorf("wrapped = %q", got)
	}
	if h := box.height(12*w + box.left + box.right); h <= one {
		t.Errorf("wrapped height %v not above one-line height %v", h, one)
	}
	// A word longer than a line breaks inside.
	long := newText(sizeBody, plain(strings.Repeat("x", 100)))
	lines, widths := long.lines(20*faceRegular.width('x', sizeBody) + long.left + long.right)
	if len(lines) != 5 {
		t.Errorf("100 x in lines of 20: %d lines", len(lines))
	}
	for i, lw := range widths {
		if lw > 20*faceRegular.width('x', sizeBody)+1e-9 {
			t.Errorf("line %d is %v wide", i, lw)
		}
	}
	// maxLines cuts and ends with an ellipsis.
	long.maxLines = 2
	long.layout = nil
	lines, _ = long.lines(20*faceRegular.width('x', sizeBody) + long.left + long.right)
	last := lines[len(lines)-1]
	if len(lines) != 2 || !strings.HasSuffix(last[len(last)-1].text, "…") {
		t.Errorf("maxLines 2: %d lines, last %+v", len(lines), last)
	}
}

func TestSplitTallRow(t *testing.T) {
	p := newPager(0, pageHeader("h", "r", "")...)
	tall := newLine(cell{size: 6, box: body(plain(strings.Repeat("word ", 6000)))}, cell{size: 6, box: body(plain("short"))})
	if tall.height < contentHeight {
		t.Fatalf("test row is only %v mm tall", tall.height)
	}
	p.add(tall)
	for i, l := range p.lines {
		if l.height > contentHeight-p.headerHeight() {
			t.Errorf("line %d is %v mm tall, taller than a page", i, l.height)
		}
	}
	if p.pages < 2 {
		t.Errorf("pages = %d", p.pages)
	}
}

func TestScriptName(t *testing.T) {
	tests := map[rune]string{'क': "Devanagari", 'ก': "Thai", 'ა': "Georgian", 0x1F600: "U+1F600"}
	for r, want := range tests {
		if got := scriptName(r); got != want {
			t.Errorf("scriptName(%q) = %q, want %q", r, got, want)
		}
	}
}
