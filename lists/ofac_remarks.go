package lists

import (
	"sort"
	"strings"
	"sync"
)

// ofacRemarks is what the semi-structured Remarks column of an OFAC legacy
// CSV states about an entity, read by parseOFACRemarks. The Remarks text
// itself is kept whole in Entity.Remarks; these are the facts lifted out of it.
type ofacRemarks struct {
	BirthDates    []Birthdate
	BirthPlaces   []string
	Nationalities []string // ISO 3166 alpha-2
	Citizenships  []string // ISO 3166 alpha-2
	Gender        string   // "male", "female" or ""
	Identifiers   []Identifier
	// Names are the a.k.a./f.k.a./n.k.a. names quoted in the remarks, as
	// written (still "LAST, First" for people).
	Names []ofacRemarkName
	// Problems are the kinds of statement that were recognised but could not
	// be used ("DOB not understood"); the parser records them as tolerated.
	Problems []string
}

// ofacRemarkName is one alias quoted in Remarks ("a.k.a. 'BNC'").
type ofacRemarkName struct {
	Text string
	Kind NameKind
}

// The kinds of problem parseOFACRemarks reports.
const (
	ofacProblemDOB         = "Remarks DOB not understood (kept in remarks)"
	ofacProblemNationality = "Remarks nationality not a known country (kept in remarks)"
	ofacProblemCitizen     = "Remarks citizen not a known country (kept in remarks)"
	ofacProblemGender      = "Remarks Gender neither Male nor Female (kept in remarks)"
)

// parseOFACRemarks reads an OFAC Remarks text: statements separated by
// "; ", the last one ending with ".", each optionally prefixed "alt.". It
// understands
//
//	DOB 10 Dec 1948 | DOB Dec 1948 | DOB 1962 | DOB circa 1970
//	DOB 1955 to 1958 | DOB 01 Jan 1961 to 31 Dec 1962 | DOB circa 1979-1982
//	POB Giza, Egypt
//	nationality Russia | citizen Korea, North
//	Gender Male | Gender Female
//	a.k.a. 'NAME' | f.k.a. 'NAME' | n.k.a. 'NAME'
//	Digital Currency Address - XBT 12QtD5...
//	<identifier label> NUMBER [(Country)] [issued ... expires ...]
//
// where the identifier labels are the document labels of idLabels
// (Passport, National ID No., Cedula No., Tax ID No., Registration Number,
// Vessel Registration Identification IMO, MMSI, SWIFT/BIC, Website, Email
// Address, Phone Number, Aircraft Tail Number, ...), the table that OFAC's
// XML and the US CSL are read with too. Anything else (Linked To:,
// Additional Sanctions Information, Organization Established Date, ...)
// stays in the remarks text only. It never fails: what it cannot read it skips, listing
// recognised-but-unusable statements in Problems.
func parseOFACRemarks(text string) ofacRemarks {
	var r ofacRemarks
	text = strings.TrimSuffix(cleaned(text), ".")
	if text == "" {
		return r
	}
	for _, seg := range strings.Split(text, "; ") {
		r.statement(strings.TrimSpace(seg))
	}
	return r
}

// statement reads one "; "-separated statement of the remarks.
func (r *ofacRemarks) statement(s string) {
	if ofacHasWord(s, "alt.") {
		s = strings.TrimSpace(s[len("alt."):])
	}
	if s == "" {
		return
	}
	switch {
	case ofacHasWord(s, "DOB"):
		v := ofacWordValue(s, "DOB")
		b, ok := parseBirthdateText(v)
		if !ok {
			r.Problems = append(r.Problems, ofacProblemDOB)
			return
		}
		for _, have := range r.BirthDates {
			if have == b {
				return
			}
		}
		r.BirthDates = append(r.BirthDates, b)
	case ofacHasWord(s, "POB"):
		if v := ofacWordValue(s, "POB"); v != "" {
			r.BirthPlaces = appendDistinct(r.BirthPlaces, v)
		}
	case ofacHasPrefix(s, "Nationality of Registration"):
		// A vessel's flag state, not a nationality: it stays in the remarks.
	case ofacHasWord(s, "nationality"):
		if code, ok := NormalizeCountry(ofacWordValue(s, "nationality")); ok {
			r.Nationalities = appendDistinct(r.Nationalities, code)
		} else {
			r.Problems = append(r.Problems, ofacProblemNationality)
		}
	case ofacHasWord(s, "citizen"):
		if code, ok := NormalizeCountry(ofacWordValue(s, "citizen")); ok {
			r.Citizenships = appendDistinct(r.Citizenships, code)
		} else {
			r.Problems = append(r.Problems, ofacProblemCitizen)
		}
	case ofacHasWord(s, "Gender"):
		if g := parseGender(ofacWordValue(s, "Gender")); g != "" {
			r.Gender = g
		} else {
			r.Problems = append(r.Problems, ofacProblemGender)
		}
	case ofacHasWord(s, "a.k.a."):
		r.name(ofacWordValue(s, "a.k.a."), NameAlias)
	case ofacHasWord(s, "n.k.a."):
		r.name(ofacWordValue(s, "n.k.a."), NameAlias)
	case ofacHasWord(s, "f.k.a."):
		r.name(ofacWordValue(s, "f.k.a."), NameFormerly)
	case ofacHasPrefix(s, ofacCryptoLabel):
		// "Digital Currency Address - XBT 12QtD5...": the currency is part of the label.
		cur, addr, _ := strings.Cut(strings.TrimSpace(s[len(ofacCryptoLabel):]), " ")
		addr = strings.TrimSpace(addr)
		if cur != "" && addr != "" {
			r.addID(Identifier{Type: IDCrypto, Number: addr, Label: ofacCryptoLabel + cur})
		}
	default:
		r.identifier(s)
	}
}

const ofacCryptoLabel = "Digital Currency Address - "

// name records a quoted alias: the text between the first and the last
// apostrophe, so "'AL-QA'QA'" is AL-QA'QA.
func (r *ofacRemarks) name(v string, kind NameKind) {
	if strings.HasPrefix(v, "'") {
		v = v[1:]
		if i := strings.LastIndexByte(v, '\''); i >= 0 {
			v = v[:i]
		}
	}
	if v = strings.TrimSpace(v); v != "" {
		r.Names = append(r.Names, ofacRemarkName{Text: v, Kind: kind})
	}
}

// identifier reads "<label> NUMBER [(Country)] [note]" for a document
// label of idLabels.
func (r *ofacRemarks) identifier(s string) {
	l, ok := matchOFACIDLabel(s)
	if !ok || l.kind != idDocument {
		return
	}
	v := strings.TrimLeft(s[len(l.label):], " :")
	var country, note string
	if !l.plain {
		v, country, note = splitOFACIDValue(v)
	}
	if v == "" {
		return
	}
	id := l.identifier(s[:len(l.label)], v)
	id.Country, id.Note = country, note
	r.addID(id)
}

func (r *ofacRemarks) addID(id Identifier) {
	r.Identifiers = appendIdentifier(r.Identifiers, id)
}

// splitOFACIDValue splits "A123 (Iran) expires 2020" into the number
// "A123", the country "IR" and the note "expires 2020". The country is the
// first parenthesised group that names a country ("HRA 738077 (Stuttgart)
// (Germany)" keeps "(Stuttgart)" in the number). Without a country, a note
// starts at "issued" or "expire...". A value that is one parenthesised
// group, "(5777731)", loses its parentheses. A group that is not a country
// ("(Stuttgart)", "(Medellin)") stays in the number.
func splitOFACIDValue(v string) (number, country, note string) {
	v = strings.TrimSpace(v)
	lastGroupEnd := -1
	for i := 0; i < len(v); i++ {
		if v[i] != '(' {
			continue
		}
		j := strings.IndexByte(v[i:], ')')
		if j < 0 {
			break
		}
		j += i
		if i > 0 {
			if code, ok := NormalizeCountry(v[i+1 : j]); ok {
				return strings.TrimSpace(v[:i]), code, strings.TrimSpace(v[j+1:])
			}
		}
		lastGroupEnd = j
		i = j
	}
	if len(v) > 2 && v[0] == '(' && lastGroupEnd == len(v)-1 && strings.IndexByte(v[1:], '(') < 0 {
		return strings.TrimSpace(v[1 : len(v)-1]), "", ""
	}
	cut := len(v)
	for _, kw := range []string{" issued", " expire", ", issued", ", expire"} {
		if i := strings.Index(v, kw); i >= 0 && i < cut {
			cut = i
		}
	}
	number = strings.TrimRight(strings.TrimSpace(v[:cut]), ",")
	note = strings.TrimLeft(strings.TrimSpace(v[cut:]), ", ")
	return number, "", note
}

// ofacIDLabelsByWord groups idLabels by lower-cased first word, longest
// label first, for matchOFACIDLabel.
var ofacIDLabelsByWord = sync.OnceValue(func() map[string][]idLabel {
	idx := make(map[string][]idLabel)
	for _, l := range idLabels {
		k := strings.ToLower(ofacFirstWord(l.label))
		idx[k] = append(idx[k], l)
	}
	for _, ls := range idx {
		sort.SliceStable(ls, func(i, j int) bool { return len(ls[i].label) > len(ls[j].label) })
	}
	return idx
})

// matchOFACIDLabel finds the longest label of idLabels that starts s as
// whole words, case-insensitively: "Vessel Registration Identification IMO
// 9187629" starts with "Vessel Registration Identification IMO", not with
// the shorter "Vessel Registration Identification".
func matchOFACIDLabel(s string) (idLabel, bool) {
	for _, l := range ofacIDLabelsByWord()[strings.ToLower(ofacFirstWord(s))] {
		if ofacHasWord(s, l.label) {
			return l, true
		}
	}
	return idLabel{}, false
}

func ofacFirstWord(s string) string {
	if i := strings.IndexAny(s, " :"); i >= 0 {
		return s[:i]
	}
	return s
}

// ofacHasWord reports whether s starts with w, case-insensitively, followed
// by the end of s, a space or a colon.
func ofacHasWord(s, w string) bool {
	if !ofacHasPrefix(s, w) {
		return false
	}
	return len(s) == len(w) || s[len(w)] == ' ' || s[len(w)] == ':'
}

func ofacHasPrefix(s, p string) bool {
	return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p)
}

// ofacWordValue returns what follows the leading word w of s, without the
// separating spaces and colon.
func ofacWordValue(s, w string) string {
	return strings.TrimSpace(strings.TrimLeft(s[len(w):], " :"))
}
