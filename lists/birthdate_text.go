package lists

import "strings"

// birthdateCirca are the words that mark an approximate date of birth.
// Each must be followed by a space (or end the text) unless it ends in ".".
var birthdateCirca = []string{"circa", "approximately", "approx.", "approx", "about", "ca.", "c."}

// birthdateRangeSeps join the two ends of a range of dates of birth.
var birthdateRangeSeps = []string{" to ", " TO ", " To ", " - ", " – "}

// parseBirthdateText reads a date of birth written as free text, the way
// OFAC (sdnList XML idList and dateOfBirth, legacy CSV remarks) and the US
// CSL write them: "1962", "10 Dec 1948", "Dec 1948", "circa 1970",
// "approx. 1970", "1955 to 1958", "circa 1955 - 1958", "1955-1958",
// "01 Jan 1960 to 31 Dec 1961", and ISO dates. Each end is read with
// ParseDate; partial dates stay partial. It reports false when the text is
// not such a date.
func parseBirthdateText(s string) (Birthdate, bool) {
	var b Birthdate
	s = CleanText(s)
	for _, p := range birthdateCirca {
		if len(s) < len(p) || !strings.EqualFold(s[:len(p)], p) {
			continue
		}
		if rest := s[len(p):]; rest == "" || rest[0] == ' ' || strings.HasSuffix(p, ".") {
			b.Circa = true
			s = strings.TrimSpace(rest)
			break
		}
	}
	from, to := s, ""
	for _, sep := range birthdateRangeSeps {
		if i := strings.Index(s, sep); i > 0 {
			from, to = s[:i], s[i+len(sep):]
			break
		}
	}
	// "1955-1958": two four-digit years joined by a dash.
	if to == "" && len(s) == 9 && s[4] == '-' && allDigits(s[:4]) && allDigits(s[5:]) {
		from, to = s[:4], s[5:]
	}
	d, err := ParseDate(from)
	if err != nil {
		return Birthdate{}, false
	}
	b.Date = d
	if to != "" {
		t, err := ParseDate(to)
		if err != nil {
			return Birthdate{}, false
		}
		b.To = t
	}
	return b, true
}
