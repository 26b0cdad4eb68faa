package httpapi

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// queryParams parses a request's query string and refuses parameters the
// route does not know (a typo such as "limt" would otherwise be silently
// ignored) and parameters given twice.
func queryParams(rawQuery string, known ...string) (url.Values, error) {
	q, err := url.ParseQuery(rawQuery)
	if err != nil {
		return nil, fmt.Errorf("%w: malformed query string", ErrInvalidParameter)
	}
	var unknown []string
	for k, vs := range q {
		if !slices.Contains(known, k) {
			unknown = append(unknown, k)
			continue
		}
		if len(vs) > 1 {
			return nil, fmt.Errorf("%w: %s given %d times", ErrInvalidParameter, k, len(vs))
		}
	}
	if len(unknown) > 0 {
		slices.Sort(unknown)
		return nil, fmt.Errorf("%w: unknown parameter %s (known: %s)", ErrInvalidParameter,
			strings.Join(unknown, ", "), strings.Join(known, ", "))
	}
	return q, nil
}
