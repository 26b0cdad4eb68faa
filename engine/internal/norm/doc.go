// Package norm turns person and company names in any script into the
// tokens and keys the screening engine's index and scorer compare.
//
// # Pipeline
//
// Fold reduces a name to lower-case Latin words separated by single spaces:
//
//  1. Only if the text has combining marks or Hangul jamo, it is brought to
//     NFC (golang.org/x/text/unicode/norm) so decomposed letters (и + ◌̆)
//     compose.
//  2. Every rune is lower-cased and given its compatibility decomposition
//     (NFKD): accents split off, ligatures, full-width forms, circled digits
//     and Arabic presentation forms become plain letters. Cyrillic, basic
//     Arabic, Han, kana and Hangul are left composed (й is not и).
//  3. The runes are walked in runs of one script. Latin letters lose their
//     marks; letters without a decomposition are spelled out (latin.tsv:
//     ß → ss, ø → o, ł → l, þ → th, ı → i, ə → a). Cyrillic (with the
//     language guessed from the letters of the whole name), Greek, Armenian
//     and Georgian are transliterated letter by letter with the contextual
//     rules of their BGN/PCGN, ELOT 743 or national systems. Arabic-script
//     and Hebrew words are first looked up in dictionaries of common name
//     words, because these scripts leave short vowels unwritten; the Arabic
//     article ال becomes the separate word "al", and عبد compounds are
//     written "abd…"/"abdul…". Anything else is transliterated letter by
//     letter.
//  4. Apostrophes vanish inside words ("Ma'ruf" → "maruf"); hyphens,
//     punctuation, symbols and invalid UTF-8 separate words; digits of any
//     script become ASCII. Scripts without a table (Han, kana, Hangul, Thai,
//     Devanagari…) are kept as written, so such names still match
//     identical listed names.
//
// Tokenize splits the folded name and classifies the words: leading
// titles and ranks are dropped (honorifics.tsv), company legal forms of one
// or more words are reduced to one token of their class (legal_forms.tsv:
// llc, jsc, inc, co, llp), particles are marked (particles.tsv), single
// letters are initials and digit runs numbers. Each word gets three keys:
// Canon, its group in the variant table (variants.tsv) or, marked Nick,
// the nickname table (nicknames.tsv); Skel, a consonant skeleton
// (Skeleton); and Phon, a phonetic key (Phonetic). "Müller" and "Mueller"
// meet on Skel and Phon, "Mohammed" and "Muhammad" on Canon and Skel,
// "Aleksandr" and "Alexander" on all three.
//
// Join writes the tokens back as one string: the exact-match key of a
// name.
//
// # Tables
//
// The romanization tables and word lists are embedded text files in data/,
// each with a comment header naming the standards or knowledge it was
// written from; they were written for this package, not copied. Letter
// tables: latin.tsv, cyrillic.tsv (Russian, Ukrainian, Belarusian,
// Serbian/Macedonian, Kazakh columns), greek.tsv, armenian.tsv,
// georgian.tsv, arabic.tsv (with Persian, Urdu and Pashto letters),
// hebrew.tsv. Word lists: names_arabic.tsv (about 380 Arabic-script name
// words), names_hebrew.tsv, variants.tsv (about 250 variant groups),
// nicknames.tsv, particles.tsv, honorifics.tsv, legal_forms.tsv. The
// tables are parsed once at package initialization (well under a
// millisecond) and checked by the tests.
//
// # Performance
//
// Tokenize runs on every query and on every listed name when an index is
// built. An already-folded ASCII name is folded without allocating; a
// typical three-word Latin name is tokenized with three allocations (the
// folded string, the token slice and one string holding all Skel and Phon
// keys) in well under 2 µs. See BenchmarkTokenize.
//
// # Concurrency
//
// All functions are safe for concurrent use: the tables are read-only after
// initialization. Output depends only on the input, never on the
// environment, so keys built at index time and at query time agree.
//
// # Errors
//
// Fold and Tokenize accept any string, including invalid UTF-8, and never
// fail. Kind.UnmarshalText and Kind.MarshalText report ErrUnknownKind.
//
// # Limitations
//
// Transliteration is by rule and dictionary, not by language model: an
// Arabic or Hebrew word missing from the dictionaries comes out as a
// consonant skeleton ("كتب" → "ktb"), which Skel still matches against
// vocalized spellings. The Cyrillic language guess needs a telltale letter;
// a Ukrainian name without one (Дмитро) is read as Russian, which the
// variant groups and keys absorb. Bulgarian is not told apart from Russian
// (щ → shch). Han, kana and Hangul are not romanized. Legal forms that are
// also name words (SA, AG, AS) are recognized only at the end of a name.
package norm
