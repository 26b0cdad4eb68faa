// Package fetch downloads the official sanction-list files from their
// publishers and keeps a data directory up to date, so that
// [lists.LoadDir] can load it.
//
// A [Fetcher] is built from [Options] by [New]. Each [Spec] names one list
// (its [lists.Source]) and the files that make it up: one file for most
// lists, the four legacy CSVs for OFAC's. [Fetcher.Update] fetches every
// spec with conditional requests (If-None-Match / If-Modified-Since from
// the validators it kept), parses what it downloaded with the package lists
// parser its content calls for, and only then swaps the new files in. A
// download that fails, is cut short, is too large or does not parse leaves
// the previous files untouched.
//
// The data directory holds one sub-directory per spec (named Spec.Name)
// with the files under their FileSpec.Name, and a state file,
// ".sieve-fetch.json", with the HTTP validators and digests. Temporary
// downloads live in hidden ".fetch-*" directories beside the files they
// replace, so that the final rename stays on one file system;
// [lists.LoadDir] skips hidden names.
//
// This is an HTTP client only: the package starts no server. [DefaultSpecs]
// records the publishers' URLs as data, which a host can override.
//
// # Concurrency
//
// A Fetcher may be shared by goroutines; its Update calls run one at a
// time. Two Fetchers (or two processes) must not update the same data
// directory at once.
//
// # Errors
//
// Each failed spec carries its error in [Result].Err, and Update also
// returns them joined. They wrap the sentinels in errors.go ([ErrHTTPStatus]
// through a [*StatusError], [ErrTruncated], [ErrTooLarge],
// [ErrSourceMismatch]) or the parser's [*lists.ParseError], so a host tests
// them with errors.Is and errors.As. Options that do not validate wrap
// [ErrInvalidOptions].
package fetch
