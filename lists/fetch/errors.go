package fetch

import (
	"errors"
	"fmt"

	"github.com/sievekyc/sieve/lists"
)

// Sentinel errors. Test them with errors.Is.
var (
	// ErrInvalidOptions means Options did not validate; the error lists
	// every problem.
	ErrInvalidOptions = errors.New("invalid fetch options")
	// ErrHTTPStatus means the server answered with a status other than 200
	// or 304. The error is a [*StatusError] with the code.
	ErrHTTPStatus = errors.New("unexpected HTTP status")
	// ErrTruncated means the body ended before the length the server
	// announced (Content-Length), or the connection broke mid-body.
	ErrTruncated = errors.New("download truncated")
	// ErrTooLarge means a file exceeded Options.MaxBytes. It is
	// [lists.ErrTooLarge], so either name matches.
	ErrTooLarge = lists.ErrTooLarge
	// ErrSourceMismatch means a downloaded file parsed as another list than
	// its spec names (for example a UN file at the URL of the EU spec), or
	// the files of a spec do not form one list.
	ErrSourceMismatch = errors.New("downloaded files are not the list the spec names")
)

// StatusError is an HTTP answer other than 200 or 304. It unwraps to
// [ErrHTTPStatus].
type StatusError struct {
	// URL is the requested URL, with secret query values (token) redacted.
	URL string
	// StatusCode and Status are the server's answer, e.g. 403 and
	// "403 Forbidden".
	StatusCode int
	Status     string
}

// Error renders the URL and the status.
func (e *StatusError) Error() string {
	return fmt.Sprintf("GET %s: %v: %s", e.URL, ErrHTTPStatus, e.Status)
}

// Unwrap returns ErrHTTPStatus.
func (e *StatusError) Unwrap() error { return ErrHTTPStatus }
