package pdf

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/core/entity"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// droidSansFallback is Droid Sans Fallback (Apache-2.0), the CJK font; see
// fonts/README.md for its origin.
//
//go:embed fonts/DroidSansFallback.ttf
var droidSansFallback []byte

// Font families registered with maroto. The sans family has a regular and a
// bold style; the CJK family has only a regular style.
const (
	familySans = "sieve-sans"
	familyCJK  = "sieve-cjk"
)

// bmpSize is the number of code points a face's width table covers: gofpdf
// maps only the Basic Multilingual Plane.
const bmpSize = 0x10000

// face is one embedded TrueType font with its per-rune advance widths.
type face struct {
	family string
	style  fontstyle.Type
	ttf    []byte

	once sync.Once
	err  error
	// widths holds, per BMP code point, 0 when the font has no glyph for
	// it, else the advance width in thousandths of an em plus one.
	widths []uint16
}

var (
	faceRegular = &face{family: familySans, style: fontstyle.Normal, ttf: dejavusans.TTF}
	faceBold    = &face{family: familySans, style: fontstyle.Bold, ttf: dejavusansbold.TTF}
	faceCJK     = &face{family: familyCJK, style: fontstyle.Normal, ttf: droidSansFallback}
)

// load parses the font once and builds its width table. It is safe for
// concurrent use.
func (f *face) load() error {
	f.once.Do(func() {
		fnt, err := sfnt.Parse(f.ttf)
		if err != nil {
			f.err = fmt.Errorf("%w: font %s %s: %w", ErrRender, f.family, f.style, err)
			return
		}
		upem := int(fnt.UnitsPerEm())
		ppem := fixed.I(upem)
		var buf sfnt.Buffer
		widths := make([]uint16, bmpSize)
		for r := rune(0x20); r < bmpSize; r++ {
			gi, err := fnt.GlyphIndex(&buf, r)
			if err != nil || gi == 0 {
				continue
			}
			adv, err := fnt.GlyphAdvance(&buf, gi, ppem, font.HintingNone)
			if err != nil {
				continue
			}
			// Thousandths of an em, rounded like gofpdf's width table.
			w := (adv.Round()*1000 + upem/2) / upem
			widths[r] = uint16(min(max(w, 0), 0xfffe) + 1)
		}
		f.widths = widths
	})
	return f.err
}

// covers reports whether the font has a glyph for r. load must have
// succeeded.
func (f *face) covers(r rune) bool {
	return r >= 0 && r < bmpSize && f.widths[r] != 0
}

// width returns the advance of r in millimetres at size points. load must
// have succeeded and r must be covered.
func (f *face) width(r rune, size float64) float64 {
	return float64(f.widths[r]-1) / 1000 * size * mmPerPoint
}

// mmPerPoint converts points to millimetres.
const mmPerPoint = 25.4 / 72

// loadFaces loads every face.
func loadFaces() error {
	for _, f := range []*face{faceRegular, faceBold, faceCJK} {
		if err := f.load(); err != nil {
			return err
		}
	}
	return nil
}

// faceFor returns the face that draws r: the sans face (bold when asked and
// available), else the CJK face, else nil when no embedded font has the
// glyph.
func faceFor(r rune, bold bool) *face {
	switch {
	case bold && faceBold.covers(r):
		return faceBold
	case faceRegular.covers(r):
		return faceRegular
	case faceCJK.covers(r):
		return faceCJK
	}
	return nil
}

// customFonts returns the fonts to register with maroto; the CJK font only
// when the document uses it, since parsing it costs tens of milliseconds.
//
// Each render gets its own copy of the font bytes: gofpdf writes into the
// font data it is given while it subsets it (table checksums), so renders
// sharing one slice would race (the race detector caught it in
// TestRenderDeterministic).
func customFonts(cjk bool) []*entity.CustomFont {
	fonts := []*entity.CustomFont{
		{Family: familySans, Style: fontstyle.Normal, Bytes: bytes.Clone(faceRegular.ttf)},
		{Family: familySans, Style: fontstyle.Bold, Bytes: bytes.Clone(faceBold.ttf)},
	}
	if cjk {
		fonts = append(fonts, &entity.CustomFont{Family: familyCJK, Style: fontstyle.Normal, Bytes: bytes.Clone(faceCJK.ttf)})
	}
	return fonts
}
