package rules

// maxIdentLen bounds the length of every ID and name a template declares.
const maxIdentLen = 64

// validIdent reports whether s is a lower-case identifier:
// [a-z][a-z0-9_]*, at most maxIdentLen bytes.
func validIdent(s string) bool {
	if s == "" || len(s) > maxIdentLen || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '_' {
			return false
		}
	}
	return true
}

// exprKeywords are words expr reads as operators or literals; no name a rule
// can reach may be one of them ("matches", "in" and "contains" are
// operators, so a field is called "hits", not "matches").
var exprKeywords = map[string]bool{
	"in": true, "matches": true, "contains": true, "startswith": true, "endswith": true,
	"not": true, "and": true, "or": true, "let": true, "if": true, "else": true,
	"true": true, "false": true, "nil": true,
}

// Top-level names of the rule environment besides the sources.
const (
	envSubject = "subject" // the subject's parameters
	envPresent = "present" // present.<param>: whether the subject gave it
	envAsOf    = "as_of"   // the evaluation's reference time
	envBudget  = "__budget"
	fnAdd      = "__add"
)

// reservedRoot reports whether a source ID would clash with a name of the
// rule environment: a keyword, a built-in function, or subject, present,
// as_of.
func reservedRoot(s string) bool {
	if exprKeywords[s] || s == envSubject || s == envPresent || s == envAsOf {
		return true
	}
	return exprBuiltinNames[s]
}
