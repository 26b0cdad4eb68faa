// Package pdf renders a report.Document as a PDF with maroto.
//
// [Render] lays out the three modes of package report: resumido (at most
// three pages, whatever the run holds: every list it shows is capped and
// every text truncated), completo (everything the run recorded: every
// source, every match with its entity details and score explanation, the
// rules fired with the values they read, the audit log, list versions and
// an appendix with the method and a glossary) and export (the KYC screening
// export: header, summary, entity information, results by list,
// metadata). The analysis reports are in Portuguese, the export in English.
//
// # Layout
//
// Text is drawn by a component of this package rather than maroto's own:
// it picks the font per code point, wraps at spaces (and inside words
// longer than a line), and measures text with the fonts' own advance
// widths, so the height of every row is known before maroto runs. The
// renderer therefore knows where each page breaks: a table that spans pages
// repeats its header row at the top of each, and a section title always
// stays on the page of the line after it.
//
// # Fonts and scripts
//
// The PDF embeds subsets of DejaVu Sans and DejaVu Sans Bold (module
// github.com/go-fonts/dejavu, DejaVu/Bitstream Vera licence: Latin with
// diacritics, Greek, Cyrillic, Armenian, Georgian, Hebrew, Arabic) and, only
// when the document holds CJK text, Droid Sans Fallback (Apache-2.0,
// vendored in fonts/ with its licence: Han, kana, Hangul). gofpdf does no
// shaping and no bidirectional layout, so Arabic is shaped here into its
// presentation forms and right-to-left text is put into visual order (a
// word-level simplification of the Unicode bidi algorithm, exact for names).
// Names carry their Latin transliteration beside them when the Document
// gives one. A code point no embedded font covers (Devanagari, Thai, emoji
// and other scripts beyond the Basic Multilingual Plane) prints as the name
// of its script in brackets, "[Devanagari]", never as a box.
//
// # Determinism
//
// The same Document renders byte-identical PDFs: the creation and
// modification dates are the Document's GeneratedAt (gofpdf stamps the
// modification date with the clock, so Render overwrites it in place, at
// equal length), gofpdf's catalogue sorting is switched on so that its
// object numbering does not follow map iteration, the PDF carries no random
// ID, and nothing in the layout depends on the clock or on map order.
//
// # Concurrency
//
// Render is safe for concurrent use; each call builds its own document.
//
// # Errors
//
// An invalid Document yields the errors of report.Document.Validate
// (report.ErrInvalidDocument); a failure of the PDF library yields
// [ErrRender].
package pdf
