package pdf

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/johnfercher/go-tree/node"
	"github.com/johnfercher/maroto/v2/pkg/consts/align"
	"github.com/johnfercher/maroto/v2/pkg/consts/breakline"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/core/entity"
	"github.com/johnfercher/maroto/v2/pkg/props"
	"golang.org/x/text/unicode/norm"
)

// span is a piece of text with one style.
type span struct {
	text  string
	bold  bool
	color *props.Color
}

// glyph is one code point ready to lay out: its face, its width at the
// box's size, and its colour.
type glyph struct {
	r     rune
	face  *face
	w     float64
	color *props.Color
	space bool
}

// segment is a run of glyphs of one face and colour on one line, at x
// millimetres from the line's start.
type segment struct {
	text  string
	face  *face
	color *props.Color
	x, w  float64
}

// lineSpacing is the distance between baselines, in font heights.
const lineSpacing = 1.22

// textBox is a maroto component that draws rich text: several spans with
// their own weight and colour, in any script the embedded fonts cover,
// wrapped to the column width. maroto's own text component takes one font
// per component, wraps only at spaces and reverses nothing; this one picks
// the font per code point (DejaVu Sans, else the CJK font), shapes Arabic,
// orders right-to-left runs for display, breaks words longer than a line,
// and honours line breaks in the text.
type textBox struct {
	paras [][]glyph
	size  float64
	align align.Type
	// maxLines, when positive, cuts the text after that many lines and
	// ends it with an ellipsis.
	maxLines int
	// Padding in millimetres.
	top, bottom, left, right float64

	// The layout for the last width asked for; fixed boxes (the parts of a
	// split row) keep theirs whatever the width.
	mu     sync.Mutex
	fixed  bool
	layW   float64
	layout [][]segment
	widths []float64
}

// newText returns a textBox for spans at size points.
func newText(size float64, spans ...span) *textBox {
	return &textBox{paras: prepare(spans, size), size: size, align: align.Left, top: 1, bottom: 1, left: 1, right: 1}
}

// usesCJK reports whether the box draws any glyph with the CJK face.
func (t *textBox) usesCJK() bool {
	if t.fixed {
		for _, l := range t.layout {
			for _, s := range l {
				if s.face == faceCJK {
					return true
				}
			}
		}
		return false
	}
	for _, p := range t.paras {
		for _, g := range p {
			if g.face == faceCJK {
				return true
			}
		}
	}
	return false
}

// plain returns the box's text, for GetStructure.
func (t *textBox) plain() string {
	var b strings.Builder
	if t.fixed {
		for i, l := range t.layout {
			if i > 0 {
				b.WriteByte('\n')
			}
			for _, s := range l {
				b.WriteString(s.text)
			}
		}
		return b.String()
	}
	for i, p := range t.paras {
		if i > 0 {
			b.WriteByte('\n')
		}
		for _, g := range p {
			b.WriteRune(g.r)
		}
	}
	return b.String()
}

// lineHeight is the height of one line in millimetres.
func (t *textBox) lineHeight() float64 { return t.size * mmPerPoint * lineSpacing }

// height returns the box's height at column width w.
func (t *textBox) height(w float64) float64 {
	lines, _ := t.lines(w)
	return t.top + float64(len(lines))*t.lineHeight() + t.bottom
}

// lines lays the text out at column width w and returns the segments of
// each line and each line's width.
func (t *textBox) lines(w float64) ([][]segment, []float64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.fixed || (t.layout != nil && t.layW == w) {
		return t.layout, t.widths
	}
	avail := max(w-t.left-t.right, 1)
	var logical [][]glyph
	for _, p := range t.paras {
		logical = append(logical, wrap(p, avail)...)
		if t.maxLines > 0 && len(logical) > t.maxLines {
			logical = logical[:t.maxLines]
			logical[t.maxLines-1] = ellipsize(logical[t.maxLines-1], avail, t.size)
			break
		}
	}
	out := make([][]segment, len(logical))
	widths := make([]float64, len(logical))
	for i, line := range logical {
		out[i], widths[i] = segments(visualLine(line))
	}
	t.layW, t.layout, t.widths = w, out, widths
	return out, widths
}

// ellipsize ends a line that was cut short with an ellipsis, dropping
// glyphs from its end until the ellipsis fits.
func ellipsize(line []glyph, avail, size float64) []glyph {
	const ell = '…'
	e := glyph{r: ell, face: faceRegular, w: faceRegular.width(ell, size)}
	if len(line) > 0 {
		e.color = line[len(line)-1].color
	}
	w := 0.0
	for _, g := range line {
		w += g.w
	}
	out := append([]glyph(nil), line...)
	for len(out) > 0 && (w+e.w > avail || out[len(out)-1].space) {
		w -= out[len(out)-1].w
		out = out[:len(out)-1]
	}
	return append(out, e)
}

// wrap breaks one paragraph into lines no wider than avail: at spaces, and
// inside a word only when the word alone is wider than a line. Spaces at
// line breaks are dropped. An empty paragraph is one empty line.
func wrap(p []glyph, avail float64) [][]glyph {
	var lines [][]glyph
	var cur []glyph
	curW := 0.0
	flush := func() {
		lines = append(lines, cur)
		cur, curW = nil, 0
	}
	i := 0
	for i < len(p) {
		// Spaces before the next word.
		var sp []glyph
		spW := 0.0
		for i < len(p) && p[i].space {
			sp = append(sp, p[i])
			spW += p[i].w
			i++
		}
		j := i
		wordW := 0.0
		for j < len(p) && !p[j].space {
			wordW += p[j].w
			j++
		}
		word := p[i:j]
		i = j
		if len(word) == 0 {
			break // trailing spaces
		}
		if len(cur) > 0 && curW+spW+wordW <= avail {
			cur = append(cur, sp...)
			cur = append(cur, word...)
			curW += spW + wordW
			continue
		}
		if len(cur) > 0 {
			flush()
		}
		// Break a word wider than a line.
		for _, g := range word {
			if len(cur) > 0 && curW+g.w > avail {
				flush()
			}
			cur = append(cur, g)
			curW += g.w
		}
	}
	if len(cur) > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// segments groups a visual line into runs of one face and colour.
func segments(line []glyph) ([]segment, float64) {
	var segs []segment
	var b strings.Builder
	x := 0.0
	for i := 0; i < len(line); {
		j := i
		w := 0.0
		b.Reset()
		for j < len(line) && line[j].face == line[i].face && line[j].color == line[i].color {
			b.WriteRune(line[j].r)
			w += line[j].w
			j++
		}
		segs = append(segs, segment{text: b.String(), face: line[i].face, color: line[i].color, x: x, w: w})
		x += w
		i = j
	}
	return segs, x
}

// GetStructure implements core.Component.
func (t *textBox) GetStructure() *node.Node[core.Structure] {
	return node.New(core.Structure{Type: "sieve-text", Value: t.plain()})
}

// SetConfig implements core.Component; the box needs nothing from it.
func (t *textBox) SetConfig(*entity.Config) {}

// GetHeight implements core.Component.
func (t *textBox) GetHeight(_ core.Provider, cell *entity.Cell) float64 {
	return t.height(cell.Width)
}

// widthSlack widens the cell handed to maroto for each segment, so that a
// rounding difference between its measure and ours never makes it wrap.
const widthSlack = 2

// Render implements core.Component.
func (t *textBox) Render(provider core.Provider, cell *entity.Cell) {
	lines, widths := t.lines(cell.Width)
	lh := t.lineHeight()
	avail := max(cell.Width-t.left-t.right, 1)
	// Centre the baseline in the extra line spacing.
	pad := (lh - t.size*mmPerPoint) / 2
	for i, segs := range lines {
		off := 0.0
		switch t.align {
		case align.Right:
			off = avail - widths[i]
		case align.Center:
			off = (avail - widths[i]) / 2
		}
		off = max(off, 0)
		for _, s := range segs {
			if strings.TrimSpace(s.text) == "" {
				continue
			}
			c := &entity.Cell{
				X:      cell.X + t.left + off + s.x,
				Y:      cell.Y + t.top + float64(i)*lh + pad,
				Width:  s.w + widthSlack,
				Height: lh,
			}
			color := s.color
			if color == nil {
				color = &colorText
			}
			provider.AddText(s.text, c, &props.Text{
				Family:            s.face.family,
				Style:             s.face.style,
				Size:              t.size,
				Align:             align.Left,
				BreakLineStrategy: breakline.EmptySpaceStrategy,
				Color:             color,
			})
		}
	}
}

// prepare turns spans into paragraphs of glyphs: it normalizes to NFC,
// turns line breaks into paragraph breaks and other white space into
// spaces, drops control and bidi formatting characters, shapes Arabic, and
// replaces every run of code points no embedded font can draw with the
// name of its script in brackets, so nothing ever prints as a box.
func prepare(spans []span, size float64) [][]glyph {
	paras := [][]glyph{nil}
	for _, s := range spans {
		text := norm.NFC.String(strings.ReplaceAll(s.text, "\r\n", "\n"))
		for i, line := range strings.Split(text, "\n") {
			if i > 0 {
				paras = append(paras, nil)
			}
			last := &paras[len(paras)-1]
			*last = appendGlyphs(*last, clean(line), s.bold, s.color, size)
		}
	}
	return paras
}

// clean maps white space to spaces, shapes Arabic, and drops control and
// invisible formatting characters (after shaping, so that a zero-width
// non-joiner still separates the letters it stands between).
func clean(s string) []rune {
	rs := make([]rune, 0, len(s))
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			rs = append(rs, ' ')
		case unicode.IsControl(r):
		default:
			rs = append(rs, r)
		}
	}
	rs = shapeArabic(rs)
	out := rs[:0]
	for _, r := range rs {
		if !unicode.Is(unicode.Cf, r) {
			out = append(out, r)
		}
	}
	return out
}

// appendGlyphs appends the glyphs of rs to gs.
func appendGlyphs(gs []glyph, rs []rune, bold bool, color *props.Color, size float64) []glyph {
	for i := 0; i < len(rs); {
		r := rs[i]
		if f := faceFor(r, bold); f != nil {
			gs = append(gs, glyph{r: r, face: f, w: f.width(r, size), color: color, space: r == ' '})
			i++
			continue
		}
		// A run of undrawable code points of one script.
		name := scriptName(r)
		j := i + 1
		for j < len(rs) && faceFor(rs[j], bold) == nil && scriptName(rs[j]) == name {
			j++
		}
		f := faceRegular
		if bold {
			f = faceBold
		}
		for _, p := range "[" + name + "]" {
			gs = append(gs, glyph{r: p, face: f, w: f.width(p, size), color: color})
		}
		i = j
	}
	return gs
}

var (
	scriptNamesOnce sync.Once
	scriptNames     []string
)

// scriptName names the Unicode script of r, or its code point when it has
// none.
func scriptName(r rune) string {
	scriptNamesOnce.Do(func() {
		for name := range unicode.Scripts {
			if name != "Common" && name != "Inherited" {
				scriptNames = append(scriptNames, name)
			}
		}
		sort.Strings(scriptNames)
	})
	for _, name := range scriptNames {
		if unicode.Is(unicode.Scripts[name], r) {
			return strings.ReplaceAll(name, "_", " ")
		}
	}
	return fmt.Sprintf("U+%04X", r)
}

// slice returns a box that draws the given lines, already laid out at
// column width w.
func (t *textBox) slice(w float64, lines [][]segment, widths []float64) *textBox {
	return &textBox{
		size: t.size, align: t.align,
		top: t.top, bottom: t.bottom, left: t.left, right: t.right,
		fixed: true, layW: w, layout: lines, widths: widths,
	}
}
