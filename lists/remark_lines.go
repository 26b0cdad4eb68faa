package lists

import "strings"

// remarkLines collects the remark lines of one entity, cleaned and without
// repeats (compared case-insensitively). The XML parsers use it; each joins
// the lines with its documented separator ("; " for OFAC and the EU, a
// newline for the UN, FCDO and Canada).
type remarkLines struct{ lines []string }

// add appends s, cleaned, unless it is empty or already present.
func (r *remarkLines) add(s string) {
	r.lines = appendFold(r.lines, CleanText(s))
}

// addFact appends "label: value", or "label value" when the label already
// ends in ":" or "-", or the value alone without a label. Nothing is added
// for an empty value.
func (r *remarkLines) addFact(label, value string) {
	label, value = CleanText(label), CleanText(value)
	switch {
	case value == "":
		return
	case label == "":
		r.add(value)
	case strings.HasSuffix(label, ":") || strings.HasSuffix(label, "-"):
		r.add(label + " " + value)
	default:
		r.add(label + ": " + value)
	}
}

// join returns the lines joined with sep.
func (r *remarkLines) join(sep string) string { return strings.Join(r.lines, sep) }
