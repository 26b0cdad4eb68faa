package pdf

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// locale holds what differs between the Portuguese reports (resumido,
// completo) and the English KYC export.
type locale struct {
	decimalComma bool
	pagePattern  string
	none         string
	yes, no      string
	// Labels of a match.
	matchHead                                   []string
	matchedName, nameKind                       string
	programs, birth, nationalities, identifiers string
	explanation                                 string
}

var (
	localePT = locale{
		decimalComma: true, pagePattern: "Página {current} de {total}", none: "—", yes: "sim", no: "não",
		matchHead:   []string{"# / score", "Entidade", "Detalhes e explicação do score"},
		matchedName: "nome correspondente", nameKind: "tipo de nome",
		programs: "Programas", birth: "Nascimento", nationalities: "Nacionalidades", identifiers: "Identificadores",
		explanation: "Explicação",
	}
	localeEN = locale{
		pagePattern: "Page {current} of {total}", none: "—", yes: "Yes", no: "No",
		matchHead:   []string{"# / score", "Entity", "Details and score explanation"},
		matchedName: "matched name", nameKind: "name kind",
		programs: "Programs", birth: "Birth dates", nationalities: "Nationalities", identifiers: "Identifiers",
		explanation: "Explanation",
	}
)

// score formats a score in [0,1] with two decimals.
func (l locale) score(f float64) string {
	s := strconv.FormatFloat(f, 'f', 2, 64)
	if l.decimalComma {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// bool formats a yes/no value.
func (l locale) bool(b bool) string {
	if b {
		return l.yes
	}
	return l.no
}

// or returns s, or the locale's mark for "none" when s is empty.
func (l locale) or(s string) string {
	if strings.TrimSpace(s) == "" {
		return l.none
	}
	return s
}

// stamp formats a time in UTC to the second.
func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04:05") + " UTC"
}

// stampMillis formats a time in UTC to the millisecond, for the audit log.
func stampMillis(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04:05.000")
}

// millis formats a duration in milliseconds: "12 ms", "1.84 s".
func (l locale) millis(ms int64) string {
	if ms < 1000 {
		return strconv.FormatInt(ms, 10) + " ms"
	}
	s := strconv.FormatFloat(float64(ms)/1000, 'f', 2, 64)
	if l.decimalComma {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s + " s"
}

// truncate cuts s to at most n runes, ending it with an ellipsis when cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	rs := []rune(s)
	return strings.TrimSpace(string(rs[:n-1])) + "…"
}

// capList returns at most n items of ss and how many were left out.
func capList(ss []string, n int) ([]string, int) {
	if len(ss) <= n {
		return ss, 0
	}
	return ss[:n], len(ss) - n
}

// nonEmpty returns the non-blank strings of ss.
func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}
