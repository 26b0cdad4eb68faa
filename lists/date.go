package lists

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// PartialDate is a calendar date whose month or day may be unknown
// (zero). A date of birth listed as "1962" is {Year: 1962}; it must never be
// widened into 1962-01-01.
type PartialDate struct {
	Year  int `json:"year,omitempty"`
	Month int `json:"month,omitempty"`
	Day   int `json:"day,omitempty"`
}

// IsZero reports whether no part of the date is known.
func (d PartialDate) IsZero() bool { return d.Year == 0 && d.Month == 0 && d.Day == 0 }

// String renders "1948-12-10", "1948-12" or "1948"; a zero date is "".
// A date with a day but no year renders "--12-10" (ISO 8601 style).
func (d PartialDate) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Year == 0:
		return fmt.Sprintf("--%02d-%02d", d.Month, d.Day)
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// MarshalText renders the date as String does.
func (d PartialDate) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText parses what MarshalText writes and everything ParseDate accepts.
func (d *PartialDate) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = PartialDate{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

var monthNames = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
	"october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

// ParseDate parses the date spellings found in official lists:
//
//	1948-12-10, 1948-12, 1948          ISO, full or partial
//	10 Dec 1948, Dec 1948, 10 December 1948
//	10 Dec. 1948, Nov. 1973            month abbreviations with a dot
//	10/12/1948, 00/00/1994, 12/1948    day first (UK, EU); zero parts are unknown
//	10.12.1948, 10-12-1948             day first with dots or dashes
//	1948-12-10T00:00:00                ISO timestamps (time ignored)
//	2015-04-07Z, 2015-04-07+02:00      xs:date with a time zone (zone ignored)
//	--12-10                            day and month without a year, as String writes it
//
// A trailing "." and surrounding white space are ignored. An impossible
// date (month 13, day 32) is an error wrapping ErrInvalidValue.
func ParseDate(s string) (PartialDate, error) {
	orig := s
	s = trimISOTime(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), ".")))
	var d PartialDate
	var err error
	switch {
	case s == "":
		return d, valueError(orig)
	case strings.HasPrefix(s, "--"):
		d, err = parseNoYear(s[2:])
	case strings.ContainsFunc(s, unicode.IsLetter):
		// A month name: "10 Dec 1948", "Nov. 1973".
		d, err = parseWords(strings.FieldsFunc(s, func(r rune) bool { return r == '.' || unicode.IsSpace(r) }))
	case strings.ContainsAny(s, "/."):
		d, err = parseDayFirst(strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '.' }))
	case strings.Contains(s, "-"):
		parts := strings.Split(s, "-")
		if len(parts[0]) == 4 {
			d, err = parseYearFirst(parts)
		} else {
			d, err = parseDayFirst(parts)
		}
	case strings.Contains(s, " "):
		d, err = parseWords(strings.Fields(s))
	default:
		d, err = parseYearFirst([]string{s})
	}
	if err != nil {
		return PartialDate{}, valueError(orig)
	}
	if !d.valid() {
		return PartialDate{}, valueError(orig)
	}
	return d, nil
}

// trimISOTime cuts the time of an ISO timestamp ("1948-12-10T00:00:00")
// and the time zone of an xs:date ("2015-04-07Z", "2015-04-07-04:00",
// "2015-04-07+02:00") off s.
func trimISOTime(s string) string {
	if i := strings.IndexByte(s, 'T'); i == 10 {
		return s[:10]
	}
	if len(s) <= 10 || !isISODate(s[:10]) {
		return s
	}
	switch z := s[10:]; {
	case z == "Z", z == "z",
		len(z) == 6 && (z[0] == '+' || z[0] == '-') && allDigits(z[1:3]) && z[3] == ':' && allDigits(z[4:]):
		return s[:10]
	}
	return s
}

// isISODate reports whether s looks like YYYY-MM-DD.
func isISODate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i != 4 && i != 7 && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}

// parseNoYear reads the "MM-DD" of "--MM-DD".
func parseNoYear(s string) (PartialDate, error) {
	m, d, ok := strings.Cut(s, "-")
	if !ok || len(m) != 2 || len(d) != 2 || !allDigits(m) || !allDigits(d) {
		return PartialDate{}, ErrInvalidValue
	}
	month, _ := strconv.Atoi(m)
	day, _ := strconv.Atoi(d)
	return PartialDate{Month: month, Day: day}, nil
}

// parseYear parses a four-digit year and nothing else.
func parseYear(v string) (PartialDate, error) {
	d, err := ParseDate(v)
	if err != nil {
		return PartialDate{}, err
	}
	if d.Month != 0 || d.Day != 0 || d.Year == 0 {
		return PartialDate{}, valueError(v)
	}
	return d, nil
}

func atoi(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 4 {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 0
}

func parseYearFirst(p []string) (PartialDate, error) {
	if len(p) > 3 {
		return PartialDate{}, ErrInvalidValue
	}
	var v [3]int
	for i, s := range p {
		n, ok := atoi(s)
		if !ok {
			return PartialDate{}, ErrInvalidValue
		}
		v[i] = n
	}
	if len(strings.TrimSpace(p[0])) != 4 {
		return PartialDate{}, ErrInvalidValue
	}
	return PartialDate{Year: v[0], Month: v[1], Day: v[2]}, nil
}

func parseDayFirst(p []string) (PartialDate, error) {
	var nums []int
	for _, s := range p {
		n, ok := atoi(s)
		if !ok {
			return PartialDate{}, ErrInvalidValue
		}
		nums = append(nums, n)
	}
	switch len(nums) {
	case 3:
		return PartialDate{Year: nums[2], Month: nums[1], Day: nums[0]}, nil
	case 2:
		return PartialDate{Year: nums[1], Month: nums[0]}, nil
	}
	return PartialDate{}, ErrInvalidValue
}

func parseWords(w []string) (PartialDate, error) {
	var d PartialDate
	switch len(w) {
	case 3:
		day, ok := atoi(w[0])
		if !ok {
			return d, ErrInvalidValue
		}
		d.Day = day
		w = w[1:]
		fallthrough
	case 2:
		m, ok := monthNames[strings.ToLower(strings.TrimSuffix(w[0], "."))]
		if !ok {
			return d, ErrInvalidValue
		}
		d.Month = m
		y, ok := atoi(w[1])
		if !ok || len(w[1]) != 4 {
			return d, ErrInvalidValue
		}
		d.Year = y
		return d, nil
	}
	return d, ErrInvalidValue
}

var daysIn = [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// valid reports whether the known parts are a possible date. Year 0 is
// allowed when both day and month are known (a birthday without a year); a
// day without a month is not, nor a month alone.
func (d PartialDate) valid() bool {
	if d.Year != 0 && (d.Year < 1000 || d.Year > 9999) {
		return false
	}
	if d.Year == 0 && (d.Month == 0 || d.Day == 0) {
		return false
	}
	if d.Month < 0 || d.Month > 12 || d.Day < 0 || d.Day > 31 {
		return false
	}
	if d.Day != 0 && d.Month == 0 {
		return false
	}
	if d.Day > 0 && d.Day > daysIn[d.Month] {
		return false
	}
	if d.IsZero() {
		return false
	}
	return true
}
