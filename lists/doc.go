// Package lists is Sieve's entity model and the parsers for every official
// sanction-list format it reads.
//
// Every entity, whatever its publisher, becomes one normalized [Entity]: a
// stable ID prefixed by source (for example "ofac-sdn:36"), its type, all of its
// names with their kind and script, partial dates of birth, countries as ISO
// 3166 alpha-2 codes, addresses, identifiers, programs and remarks. A parsed
// file becomes a [List], which also records the list's publication date, the
// SHA-256 of the bytes read, and what the parser tolerated in dirty input.
//
// There is one parse function per format. Each reads an [io.Reader] as a
// stream; none downloads, and none looks at file names. [Detect] recognizes a
// format from the first bytes of a file, and [LoadDir] uses it to load every
// list below a directory. Downloading is the job of the fetcher.
//
// # Errors
//
// Malformed input is reported as a [*ParseError] naming the source, the line
// or element and the field, which unwraps to one of the sentinels in
// errors.go ([ErrSyntax], [ErrMissingField], [ErrInvalidValue], ...), so a host
// can test it with [errors.Is] and [errors.As]. Parsers never panic; every
// parser has a fuzz target.
//
// # Concurrency
//
// Parse functions share no state and may run concurrently. A [List] and its
// entities are plain values: treat them as read-only once parsed.
package lists
