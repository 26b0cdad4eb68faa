package lists

import (
	"strings"
	"time"
)

// timestampLayouts are the times with a clock that lists state: RFC 3339,
// and the same without a zone (read as UTC), each with optional fractions
// of a second.
var timestampLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999"}

// parseTimestamp reads a publication or update time as lists state it:
// "2026-02-27T00:00:09.554Z", "2026-08-05T16:47:04.449+02:00",
// "2026-04-29T12:40:02" (UTC), or a full date that ParseDate reads
// ("2026-01-08", "10/09/2026"), which is midnight UTC. The result is in
// UTC. A value that is none of these, or a partial date, is an error
// wrapping ErrInvalidValue.
func parseTimestamp(v string) (time.Time, error) {
	v = strings.TrimSpace(v)
	for _, layout := range timestampLayouts {
		if t, err := time.Parse(layout, v); err == nil {
			return t.UTC(), nil
		}
	}
	d, err := ParseDate(v)
	if err != nil {
		return time.Time{}, err
	}
	if d.Year == 0 || d.Month == 0 || d.Day == 0 {
		return time.Time{}, valueError(v)
	}
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC), nil
}
