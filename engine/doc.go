// Package engine screens names against sanction lists: it normalizes names,
// indexes every listed name in memory, finds candidates for a query despite
// typos, reordering, dropped or joined tokens and transliteration, scores
// them, and explains every score.
//
// # Design
//
// The hot path is a purpose-built in-memory index, not bleve. Every listed
// name is tokenized by the internal norm package (case, diacritics,
// transliteration of Cyrillic, Greek, Arabic, Hebrew, Armenian and Georgian,
// honorifics, company legal forms mapped to classes, name-variant groups and
// phonetic keys); a query is tokenized the same way, and also reads
// misspelt or run-together legal forms ("Compan iLmited",
// "InternationalCompany"). The index holds the vocabulary of distinct
// tokens with a posting list of names per token, lookup tables from variant
// group, phonetic key and consonant skeleton to tokens, a symmetric-deletion
// index over the vocabulary for one-edit typo lookup, a trigram index for
// the words a query misspells twice, the concatenations of adjacent tokens
// (so "Abdul Rahman" meets "Abdulrahman"), and an identifier table. A query
// expands each of its tokens to the vocabulary tokens it resembles (cached
// per index), accumulates rarity-weighted evidence per listed name, ranks
// the names by that evidence lowered by the share of each name it leaves
// uncovered, and scores only the best few dozen distinct names with the
// full scorer (a party listed alike on several lists is scored once).
// bleve's fuzzy and n-gram queries cost milliseconds per query at a million
// names; this index answers in about a hundred microseconds over all
// official lists, which is what re-screening a whole customer base needs.
//
// # Scores
//
// A score is in [0,1]. 1.0 means the normalized query name equals a listed
// name and no attribute conflicts. The name score combines how much of the
// query is covered by the listed name and how much of the listed name is
// covered by the query, each weighted by token rarity so that a lone common
// token ("Mohammed", "Trading") cannot produce a strong match. Attributes
// then adjust it: a conflicting date of birth or entity type lowers it, an
// agreeing date of birth or country raises it slightly, an agreeing
// identifier raises it strongly. Every adjustment is a [Factor] in the
// match's explanation, and every name factor says which query token met
// which listed token and how.
//
// # Concurrency
//
// An [Engine] is safe for concurrent use. [Engine.Reload] builds a new
// immutable index beside the old one and swaps it in atomically; screens in
// flight finish on the index they started with.
//
// # Errors
//
// Invalid queries and options are reported with errors wrapping
// [ErrInvalidQuery] and [ErrInvalidOptions]; screening before any list is
// loaded wraps [ErrNoLists]; a cancelled context is returned as is.
package engine
