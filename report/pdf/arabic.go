package pdf

// gofpdf draws one glyph per code point and knows nothing of Arabic
// joining, so Arabic text is shaped here: each letter is replaced by its
// contextual presentation form (isolated, final, initial or medial, from
// the Arabic Presentation Forms blocks, which DejaVu Sans covers) and
// lam-alef pairs by their ligature. Reordering for display is bidi.go's job.

// arabicForms holds a letter's isolated, final, initial and medial forms.
// A letter without an initial form joins only to the letter before it.
type arabicForms [4]rune

const (
	formIsolated = iota
	formFinal
	formInitial
	formMedial
)

var arabicLetters = map[rune]arabicForms{
	0x0621: {0xFE80, 0, 0, 0},
	0x0622: {0xFE81, 0xFE82, 0, 0},
	0x0623: {0xFE83, 0xFE84, 0, 0},
	0x0624: {0xFE85, 0xFE86, 0, 0},
	0x0625: {0xFE87, 0xFE88, 0, 0},
	0x0626: {0xFE89, 0xFE8A, 0xFE8B, 0xFE8C},
	0x0627: {0xFE8D, 0xFE8E, 0, 0},
	0x0628: {0xFE8F, 0xFE90, 0xFE91, 0xFE92},
	0x0629: {0xFE93, 0xFE94, 0, 0},
	0x062A: {0xFE95, 0xFE96, 0xFE97, 0xFE98},
	0x062B: {0xFE99, 0xFE9A, 0xFE9B, 0xFE9C},
	0x062C: {0xFE9D, 0xFE9E, 0xFE9F, 0xFEA0},
	0x062D: {0xFEA1, 0xFEA2, 0xFEA3, 0xFEA4},
	0x062E: {0xFEA5, 0xFEA6, 0xFEA7, 0xFEA8},
	0x062F: {0xFEA9, 0xFEAA, 0, 0},
	0x0630: {0xFEAB, 0xFEAC, 0, 0},
	0x0631: {0xFEAD, 0xFEAE, 0, 0},
	0x0632: {0xFEAF, 0xFEB0, 0, 0},
	0x0633: {0xFEB1, 0xFEB2, 0xFEB3, 0xFEB4},
	0x0634: {0xFEB5, 0xFEB6, 0xFEB7, 0xFEB8},
	0x0635: {0xFEB9, 0xFEBA, 0xFEBB, 0xFEBC},
	0x0636: {0xFEBD, 0xFEBE, 0xFEBF, 0xFEC0},
	0x0637: {0xFEC1, 0xFEC2, 0xFEC3, 0xFEC4},
	0x0638: {0xFEC5, 0xFEC6, 0xFEC7, 0xFEC8},
	0x0639: {0xFEC9, 0xFECA, 0xFECB, 0xFECC},
	0x063A: {0xFECD, 0xFECE, 0xFECF, 0xFED0},
	0x0640: {0x0640, 0x0640, 0x0640, 0x0640}, // tatweel joins on both sides
	0x0641: {0xFED1, 0xFED2, 0xFED3, 0xFED4},
	0x0642: {0xFED5, 0xFED6, 0xFED7, 0xFED8},
	0x0643: {0xFED9, 0xFEDA, 0xFEDB, 0xFEDC},
	0x0644: {0xFEDD, 0xFEDE, 0xFEDF, 0xFEE0},
	0x0645: {0xFEE1, 0xFEE2, 0xFEE3, 0xFEE4},
	0x0646: {0xFEE5, 0xFEE6, 0xFEE7, 0xFEE8},
	0x0647: {0xFEE9, 0xFEEA, 0xFEEB, 0xFEEC},
	0x0648: {0xFEED, 0xFEEE, 0, 0},
	0x0649: {0xFEEF, 0xFEF0, 0, 0},
	0x064A: {0xFEF1, 0xFEF2, 0xFEF3, 0xFEF4},
	0x067E: {0xFB56, 0xFB57, 0xFB58, 0xFB59}, // peh
	0x0686: {0xFB7A, 0xFB7B, 0xFB7C, 0xFB7D}, // tcheh
	0x0698: {0xFB8A, 0xFB8B, 0, 0},           // jeh
	0x06A9: {0xFB8E, 0xFB8F, 0xFB90, 0xFB91}, // keheh
	0x06AF: {0xFB92, 0xFB93, 0xFB94, 0xFB95}, // gaf
	0x06CC: {0xFBFC, 0xFBFD, 0xFBFE, 0xFBFF}, // farsi yeh
}

// lamAlef maps an alef that follows lam to the ligature's isolated and
// final forms.
var lamAlef = map[rune][2]rune{
	0x0622: {0xFEF5, 0xFEF6},
	0x0623: {0xFEF7, 0xFEF8},
	0x0625: {0xFEF9, 0xFEFA},
	0x0627: {0xFEFB, 0xFEFC},
}

const arabicLam = 0x0644

// arabicTransparent reports whether r is a mark that joining looks through
// (harakat, superscript alef).
func arabicTransparent(r rune) bool {
	return (r >= 0x064B && r <= 0x065F) || r == 0x0670
}

// joinsForward reports whether r connects to the letter after it.
func joinsForward(r rune) bool {
	f, ok := arabicLetters[r]
	return ok && f[formInitial] != 0
}

// joinsBackward reports whether r connects to the letter before it.
func joinsBackward(r rune) bool {
	f, ok := arabicLetters[r]
	return ok && f[formFinal] != 0
}

// shapeArabic replaces the Arabic letters of rs, in logical order, by their
// contextual presentation forms. Other runes pass through.
func shapeArabic(rs []rune) []rune {
	out := make([]rune, 0, len(rs))
	// neighbour returns the nearest non-transparent rune from i in
	// direction step, or 0.
	neighbour := func(i, step int) rune {
		for j := i + step; j >= 0 && j < len(rs); j += step {
			if !arabicTransparent(rs[j]) {
				return rs[j]
			}
		}
		return 0
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		forms, ok := arabicLetters[r]
		if !ok {
			out = append(out, r)
			continue
		}
		joinPrev := joinsForward(neighbour(i, -1)) && forms[formFinal] != 0
		if r == arabicLam && i+1 < len(rs) {
			if lig, ok := lamAlef[rs[i+1]]; ok {
				if joinPrev {
					out = append(out, lig[1])
				} else {
					out = append(out, lig[0])
				}
				i++
				continue
			}
		}
		next := neighbour(i, +1)
		joinNext := forms[formInitial] != 0 && joinsBackward(next)
		switch {
		case joinPrev && joinNext:
			out = append(out, forms[formMedial])
		case joinPrev:
			out = append(out, forms[formFinal])
		case joinNext:
			out = append(out, forms[formInitial])
		default:
			out = append(out, forms[formIsolated])
		}
	}
	return out
}
