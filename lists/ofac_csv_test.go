package lists

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// ofacFixtureDir holds the hand-written OFAC legacy CSV fixtures.
const ofacFixtureDir = "../testdata/lists"

// readOFACFiles reads the named files; an empty name is an absent file.
// It returns the set and the concatenated bytes in set order, for the digest.
func readOFACFiles(t testing.TB, paths [4]string) (OFACCSVSet, []byte) {
	t.Helper()
	var rs [4]io.Reader
	var all []byte
	for i, p := range paths {
		if p == "" {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, b...)
		rs[i] = bytes.NewReader(b)
	}
	return OFACCSVSet{Main: rs[0], Addresses: rs[1], Aliases: rs[2], Comments: rs[3]}, all
}

// sharedOFACSet reads four real files below ../shared/lists, skipping the
// test when they are absent. An empty name is an absent file.
func sharedOFACSet(t testing.TB, names [4]string) (OFACCSVSet, []byte) {
	t.Helper()
	var paths [4]string
	for i, n := range names {
		if n != "" {
			paths[i] = sharedList(t, n)
		}
	}
	return readOFACFiles(t, paths)
}

func fixtureOFACSet(t testing.TB, dir string, names [4]string) (OFACCSVSet, []byte) {
	t.Helper()
	var paths [4]string
	for i, n := range names {
		if n != "" {
			paths[i] = filepath.Join(ofacFixtureDir, dir, n)
		}
	}
	return readOFACFiles(t, paths)
}

var sdnFileNames = [4]string{"sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"}

func sha256Hex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func entityByID(t *testing.T, l *List, id string) *Entity {
	t.Helper()
	for i := range l.Entities {
		if l.Entities[i].ID == id {
			return &l.Entities[i]
		}
	}
	t.Fatalf("entity %s not found", id)
	return nil
}

// tolerated returns the List.Tolerated line of a kind, or "".
func tolerated(l *List, kind string) string {
	for _, s := range l.Tolerated {
		if strings.HasPrefix(s, kind+": ") {
			return s
		}
	}
	return ""
}

func countTypes(l *List) map[EntityType]int {
	m := map[EntityType]int{}
	for _, e := range l.Entities {
		m[e.Type]++
	}
	return m
}

// checkOFACInvariants checks what must hold for every parsed OFAC list.
func checkOFACInvariants(t *testing.T, l *List, src Source) {
	t.Helper()
	seen := map[string]bool{}
	for _, e := range l.Entities {
		if !strings.HasPrefix(e.ID, src.Prefix()+":") || seen[e.ID] {
			t.Fatalf("bad or repeated ID %q", e.ID)
		}
		seen[e.ID] = true
		if e.Source != src || len(e.Names) == 0 || e.Names[0].Kind != NamePrimary {
			t.Fatalf("%s: source %s, names %v", e.ID, e.Source, e.Names)
		}
		for _, c := range slices.Concat(e.Nationalities, e.Citizenships) {
			if len(c) != 2 {
				t.Errorf("%s: country %q is not alpha-2", e.ID, c)
			}
		}
		for _, id := range e.Identifiers {
			if id.Number == "" || id.Type == "" || (id.Country != "" && len(id.Country) != 2) {
				t.Errorf("%s: bad identifier %+v", e.ID, id)
			}
		}
	}
}

func TestParseOFACSDNCSVReal(t *testing.T) {
	set, all := sharedOFACSet(t, [4]string{"ofac/sdn.csv", "ofac/add.csv", "ofac/alt.csv", "ofac/sdn_comments.csv"})
	l, st, err := parseOFACCSV(set, ofacSDNLayout)
	if err != nil {
		t.Fatal(err)
	}
	checkOFACInvariants(t, l, SourceOFACSDN)
	if l.Source != SourceOFACSDN || l.Format != FormatOFACSDNCSV || !l.Published.IsZero() {
		t.Errorf("source %s, format %s, published %v", l.Source, l.Format, l.Published)
	}
	if got, want := l.SHA256, sha256Hex(all); got != want {
		t.Errorf("SHA256 = %s, want the digest of the four files in order, %s", got, want)
	}
	if got := len(l.Entities); got != 13821 {
		t.Errorf("entities = %d, want 13,821", got)
	}
	types := countTypes(l)
	for typ, want := range map[EntityType]int{TypePerson: 6646, TypeOrganization: 6033, TypeVessel: 764, TypeAircraft: 378} {
		if types[typ] != want {
			t.Errorf("%s = %d, want %d", typ, types[typ], want)
		}
	}
	// alt.csv: 17,091 rows, every one joined to an entity of sdn.csv. Five
	// repeat a name the entity already has (three are the primary name
	// verbatim, two the primary name once reordered), so 17,086 are new.
	if st.aliasRows != 17091 || st.aliasesJoined != 17091 || st.aliasNamesAdded != 17086 {
		t.Errorf("alias rows %d, joined %d, added %d; want 17,091, 17,091, 17,086",
			st.aliasRows, st.aliasesJoined, st.aliasNamesAdded)
	}
	if got := tolerated(l, "alt.csv: alt_name repeats a name the entity already has (ignored)"); !strings.Contains(got, ": 5 times,") {
		t.Errorf("repeated alias note = %q", got)
	}
	if got, want := l.NameCount(), 13821+17086+st.remarkNames; got != want {
		t.Errorf("names = %d, want primaries + new aliases + remark aliases = %d", got, want)
	}
	if st.addressRows != 18990 {
		t.Errorf("address rows = %d, want 18,990", st.addressRows)
	}
	// sdn_comments.csv: 21 rows: the 17 continuations of cut remarks, 3
	// orphans and one for remarks that are not cut.
	if st.commentRows != 21 || st.commentsJoined != 17 {
		t.Errorf("comment rows %d, joined %d; want 21, 17", st.commentRows, st.commentsJoined)
	}
	if got := tolerated(l, "sdn_comments.csv: row for an ent_num not in sdn.csv (ignored)"); !strings.Contains(got, "3 times") {
		t.Errorf("orphan comment note = %q", got)
	}
	if got := tolerated(l, "sdn_comments.csv: row for remarks shorter than 1000 characters, so not cut (ignored)"); !strings.Contains(got, "once") {
		t.Errorf("uncut comment note = %q", got)
	}

	t.Run("ent 36 AEROCARIBBEAN AIRLINES", func(t *testing.T) {
		e := entityByID(t, l, "ofac-sdn:36")
		want := Entity{ID: "ofac-sdn:36", Source: SourceOFACSDN, Type: TypeOrganization,
			Names: []Name{
				{Full: "AEROCARIBBEAN AIRLINES", Kind: NamePrimary, Script: "Latn"},
				{Full: "AERO-CARIBBEAN", Kind: NameAlias, Script: "Latn"},
			},
			Addresses: []Address{{City: "Havana", Country: "CU", Full: "Havana, Cuba"}},
			Programs:  []string{"CUBA"},
		}
		assertEntity(t, e, &want)
	})
	t.Run("individual 2676 AL ZAWAHIRI", func(t *testing.T) {
		e := entityByID(t, l, "ofac-sdn:2676")
		want := Entity{ID: "ofac-sdn:2676", Source: SourceOFACSDN, Type: TypePerson,
			Names: []Name{
				{Full: "Dr. Ayman AL ZAWAHIRI", Given: "Dr. Ayman", Family: "AL ZAWAHIRI", Kind: NamePrimary, Script: "Latn"},
				{Full: "Ayman AL-ZAWAHIRI", Given: "Ayman", Family: "AL-ZAWAHIRI", Kind: NameAlias, Script: "Latn"},
				{Full: "Ahmad Fuad SALIM", Given: "Ahmad Fuad", Family: "SALIM", Kind: NameAlias, Script: "Latn"},
				{Full: "Aiman Muhammad Rabi AL-ZAWAHIRI", Given: "Aiman Muhammad Rabi", Family: "AL-ZAWAHIRI", Kind: NameAlias, Script: "Latn"},
			},
			BirthDates:  []Birthdate{{Date: PartialDate{Year: 1951, Month: 6, Day: 19}}},
			BirthPlaces: []string{"Giza, Egypt"},
			Identifiers: []Identifier{
				{Type: IDPassport, Number: "1084010", Country: "EG", Label: "Passport"},
				{Type: IDPassport, Number: "19820215", Label: "Passport"},
			},
			Programs: []string{"SDGT"},
			Titles:   []string{"Operational and Military Leader of JIHAD GROUP"},
			Remarks:  "DOB 19 Jun 1951; POB Giza, Egypt; Passport 1084010 (Egypt); alt. Passport 19820215; Operational and Military Leader of JIHAD GROUP.",
		}
		assertEntity(t, e, &want)
	})
	t.Run("individual 22790 MADURO MOROS", func(t *testing.T) {
		e := entityByID(t, l, "ofac-sdn:22790")
		want := Entity{ID: "ofac-sdn:22790", Source: SourceOFACSDN, Type: TypePerson,
			Names:        []Name{{Full: "Nicolas MADURO MOROS", Given: "Nicolas", Family: "MADURO MOROS", Kind: NamePrimary, Script: "Latn"}},
			BirthDates:   []Birthdate{{Date: PartialDate{Year: 1962, Month: 11, Day: 23}}},
			BirthPlaces:  []string{"Caracas, Venezuela"},
			Citizenships: []string{"VE"},
			Gender:       "male",
			Addresses:    []Address{{City: "Caracas, Capital District", Country: "VE", Full: "Caracas, Capital District, Venezuela"}},
			Identifiers:  []Identifier{{Type: IDNationalID, Number: "5892464", Country: "VE", Label: "Cedula No."}},
			Programs:     []string{"VENEZUELA", "IRAN-CON-ARMS-EO"},
			Titles:       []string{"President of the Bolivarian Republic of Venezuela"},
			Remarks:      "DOB 23 Nov 1962; POB Caracas, Venezuela; citizen Venezuela; Gender Male; Cedula No. 5892464 (Venezuela); President of the Bolivarian Republic of Venezuela.",
		}
		assertEntity(t, e, &want)
	})
	t.Run("vessel 4243 EBANO with IMO", func(t *testing.T) {
		e := entityByID(t, l, "ofac-sdn:4243")
		if e.Type != TypeVessel || e.PrimaryName() != "EBANO" {
			t.Fatalf("got %s %q", e.Type, e.PrimaryName())
		}
		if !slices.Contains(e.Identifiers, Identifier{Type: IDIMO, Number: "7406784", Label: "Vessel Registration Identification IMO"}) {
			t.Errorf("identifiers = %+v", e.Identifiers)
		}
		if !strings.HasSuffix(e.Remarks, "Vessel Type General Cargo; Tonnage 2595; GRT 1865; Vessel Flag Panama.") {
			t.Errorf("remarks = %q", e.Remarks)
		}
		if n := e.Names[len(e.Names)-1]; n.Full != "SAND SWAN" || n.Kind != NameFormerly {
			t.Errorf("last name = %+v, want f.k.a. SAND SWAN from the remarks", n)
		}
	})
	t.Run("vessel 4238 MAR AZUL with call sign", func(t *testing.T) {
		e := entityByID(t, l, "ofac-sdn:4238")
		if !slices.Equal(e.Identifiers, []Identifier{{Type: IDCallSign, Number: "CL2192", Label: "Call Sign"}}) {
			t.Errorf("identifiers = %+v", e.Identifiers)
		}
		if e.Remarks != "Vessel Type Tug; GRT 212; Vessel Flag Cuba; Vessel Owner Samir de Navegacion S.A." {
			t.Errorf("remarks = %q", e.Remarks)
		}
	})
	t.Run("individual 25308 YAN with crypto addresses", func(t *testing.T) {
		e := entityByID(t, l, "ofac-sdn:25308")
		if e.Names[0].Full != "Xiaobing YAN" || len(e.Names) != 3 || e.Names[1].Full != "William ZHOU" || e.Names[2].Full != "Steven YAN" {
			t.Errorf("names = %+v", e.Names)
		}
		var crypto []string
		for _, id := range e.Identifiers {
			if id.Type == IDCrypto {
				if id.Label != "Digital Currency Address - XBT" {
					t.Errorf("label = %q", id.Label)
				}
				crypto = append(crypto, id.Number)
			}
		}
		if len(crypto) != 6 || crypto[0] != "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h" || crypto[5] != "1JREJdZupiFhE7ZzQPtASuMCvvpXC7wRsC" {
			t.Errorf("crypto addresses = %q", crypto)
		}
		if !slices.Contains(e.Identifiers, Identifier{Type: IDNationalID, Number: "421002197703250019", Country: "CN", Label: "Citizen's Card Number"}) {
			t.Errorf("identifiers = %+v", e.Identifiers)
		}
		if !slices.Equal(e.Citizenships, []string{"CN"}) || e.Gender != "male" {
			t.Errorf("citizenships %v, gender %q", e.Citizenships, e.Gender)
		}
	})
	t.Run("ent 39593 remarks cut at 1000 continued", func(t *testing.T) {
		e := entityByID(t, l, "ofac-sdn:39593")
		// sdn.csv cuts the remarks after "alt. Digital Currency Address - XBT ";
		// sdn_comments.csv carries on with the address.
		const joined = "alt. Digital Currency Address - XBT 194xmrZA53UBsZau2PnJLdmVVW9m5feeS; alt."
		if !strings.Contains(e.Remarks, joined) || len(e.Remarks) <= ofacRemarksCut {
			t.Errorf("remarks not joined: %d characters", len(e.Remarks))
		}
		if !strings.HasSuffix(e.Remarks, "alt. Digital Currency Address - BCH qz9f2vz3033sg5vc5mf7m7xshmj0jugy4ummf05jk8.") {
			t.Errorf("remarks end %q", e.Remarks[len(e.Remarks)-60:])
		}
		if !slices.Contains(e.Identifiers, Identifier{Type: IDCrypto, Number: "194xmrZA53UBsZau2PnJLdmVVW9m5feeS", Label: "Digital Currency Address - XBT"}) {
			t.Error("the address that straddles the cut is missing")
		}
	})
	t.Run("aircraft 15431 EP-GOM", func(t *testing.T) {
		e := entityByID(t, l, "ofac-sdn:15431")
		want := []Identifier{
			{Type: IDAircraft, Number: "8401", Label: "Aircraft Construction Number (also called L/N or S/N or F/N)"},
			{Type: IDAircraft, Number: "1023409321", Label: "Aircraft Manufacturer's Serial Number (MSN)"},
		}
		if e.Type != TypeAircraft || !slices.Equal(e.Identifiers, want) {
			t.Errorf("%s %+v", e.Type, e.Identifiers)
		}
	})
}

// assertEntity compares every field of an entity.
func assertEntity(t *testing.T, got, want *Entity) {
	t.Helper()
	if got.ID != want.ID || got.Source != want.Source || got.Type != want.Type {
		t.Errorf("ID/source/type = %s %s %s, want %s %s %s", got.ID, got.Source, got.Type, want.ID, want.Source, want.Type)
	}
	check := func(field string, ok bool, g, w any) {
		t.Helper()
		if !ok {
			t.Errorf("%s:\n got %+v\nwant %+v", field, g, w)
		}
	}
	check("Names", slices.Equal(got.Names, want.Names), got.Names, want.Names)
	check("BirthDates", slices.Equal(got.BirthDates, want.BirthDates), got.BirthDates, want.BirthDates)
	check("BirthPlaces", slices.Equal(got.BirthPlaces, want.BirthPlaces), got.BirthPlaces, want.BirthPlaces)
	check("Nationalities", slices.Equal(got.Nationalities, want.Nationalities), got.Nationalities, want.Nationalities)
	check("Citizenships", slices.Equal(got.Citizenships, want.Citizenships), got.Citizenships, want.Citizenships)
	check("Gender", got.Gender == want.Gender, got.Gender, want.Gender)
	check("Addresses", slices.Equal(got.Addresses, want.Addresses), got.Addresses, want.Addresses)
	check("Identifiers", slices.Equal(got.Identifiers, want.Identifiers), got.Identifiers, want.Identifiers)
	check("Programs", slices.Equal(got.Programs, want.Programs), got.Programs, want.Programs)
	check("Titles", slices.Equal(got.Titles, want.Titles), got.Titles, want.Titles)
	check("ListedOn", got.ListedOn == want.ListedOn, got.ListedOn, want.ListedOn)
	check("Remarks", got.Remarks == want.Remarks, got.Remarks, want.Remarks)
}

func TestParseOFACSDNCSVRealNewerMainOnly(t *testing.T) {
	set, all := sharedOFACSet(t, [4]string{"ofac/newer/sdn.csv"})
	l, err := ParseOFACSDNCSV(set)
	if err != nil {
		t.Fatal(err)
	}
	checkOFACInvariants(t, l, SourceOFACSDN)
	if got := len(l.Entities); got != 14965 {
		t.Errorf("entities = %d, want 14,965", got)
	}
	if !strings.HasPrefix(l.SHA256, "210ca6b4a8187a34") || l.SHA256 != sha256Hex(all) {
		t.Errorf("SHA256 = %s, want the main file's, 210ca6b4a8187a34…", l.SHA256)
	}
}

func TestParseOFACConsCSVReal(t *testing.T) {
	set, all := sharedOFACSet(t, [4]string{"ofac_consolidated/cons_prim.csv", "ofac_consolidated/cons_add.csv",
		"ofac_consolidated/cons_alt.csv", "ofac_consolidated/cons_comments.csv"})
	l, st, err := parseOFACCSV(set, ofacConsLayout)
	if err != nil {
		t.Fatal(err)
	}
	checkOFACInvariants(t, l, SourceOFACCons)
	if l.Source != SourceOFACCons || l.Format != FormatOFACConsCSV || l.SHA256 != sha256Hex(all) {
		t.Errorf("source %s, format %s, sha %s", l.Source, l.Format, l.SHA256)
	}
	types := countTypes(l)
	if len(l.Entities) != 442 || types[TypePerson] != 79 || types[TypeOrganization] != 363 {
		t.Errorf("entities = %d (%v), want 442 (79 individuals, 363 others)", len(l.Entities), types)
	}
	// 574 address rows and 1,073 alias rows, all for entities in cons_prim.csv;
	// all 10 comment rows continue remarks cut at 1,000 characters.
	if st.addressRows != 574 || st.aliasRows != 1073 || st.aliasesJoined != 1073 || st.commentRows != 10 || st.commentsJoined != 10 {
		t.Errorf("stats = %+v", st)
	}
	e := entityByID(t, l, "ofac-cons:9639")
	want := Entity{ID: "ofac-cons:9639", Source: SourceOFACCons, Type: TypePerson,
		Names: []Name{
			{Full: "Ismail Abdul Salah HANIYA", Given: "Ismail Abdul Salah", Family: "HANIYA", Kind: NamePrimary, Script: "Latn"},
			{Full: "Ismail HANIYA", Given: "Ismail", Family: "HANIYA", Kind: NameAlias, Script: "Latn"},
			{Full: "Ismaeel HANIYYA", Given: "Ismaeel", Family: "HANIYYA", Kind: NameAlias, Script: "Latn"},
		},
		BirthDates:  []Birthdate{{Date: PartialDate{Year: 1962}}},
		BirthPlaces: []string{"Shati"},
		Programs:    []string{"NS-PLC"},
		Remarks:     "DOB 1962; POB Shati.",
	}
	assertEntity(t, e, &want)
}

// The 2025 relation files have no matching sdn.csv: without a Main they
// are an error, and joined to another Main every row is read and the
// unmatched ones are tolerated.
func TestParseOFACSDNCSVRealUnmatchedRelations(t *testing.T) {
	rel, _ := sharedOFACSet(t, [4]string{"", "ofac/unmatched_2025-12-24/add.csv",
		"ofac/unmatched_2025-12-24/alt.csv", "ofac/unmatched_2025-12-24/sdn_comments.csv"})
	_, err := ParseOFACSDNCSV(rel)
	var pe *ParseError
	if !errors.Is(err, ErrMissingField) || !errors.As(err, &pe) || pe.Field != "Main" {
		t.Fatalf("err = %v, want a *ParseError wrapping ErrMissingField for Main", err)
	}

	rel, _ = sharedOFACSet(t, [4]string{"", "ofac/unmatched_2025-12-24/add.csv",
		"ofac/unmatched_2025-12-24/alt.csv", "ofac/unmatched_2025-12-24/sdn_comments.csv"})
	main, _ := fixtureOFACSet(t, "ofac-sdn-csv/clean", [4]string{"sdn.csv"})
	rel.Main = main.Main
	l, st, err := parseOFACCSV(rel, ofacSDNLayout)
	if err != nil {
		t.Fatal(err)
	}
	if st.addressRows != 24244 || st.aliasRows != 20107 || st.commentRows != 28 {
		t.Errorf("rows read: %+v, want 24,244 addresses, 20,107 aliases, 28 comments", st)
	}
	if len(l.Entities) != 6 || tolerated(l, "add.csv: row for an ent_num not in sdn.csv (ignored)") == "" {
		t.Errorf("entities %d, tolerated %q", len(l.Entities), l.Tolerated)
	}
}

func TestParseOFACSDNCSVFixtureClean(t *testing.T) {
	set, all := fixtureOFACSet(t, "ofac-sdn-csv/clean", sdnFileNames)
	l, st, err := parseOFACCSV(set, ofacSDNLayout)
	if err != nil {
		t.Fatal(err)
	}
	checkOFACInvariants(t, l, SourceOFACSDN)
	if l.Tolerated != nil {
		t.Errorf("a clean set tolerated %q", l.Tolerated)
	}
	if l.SHA256 != sha256Hex(all) {
		t.Error("SHA256 is not the digest of main, addresses, aliases and comments in order")
	}
	var ids []string
	for _, e := range l.Entities {
		ids = append(ids, e.ID)
	}
	if want := []string{"ofac-sdn:36", "ofac-sdn:2676", "ofac-sdn:90001", "ofac-sdn:15431", "ofac-sdn:90002", "ofac-sdn:90003"}; !slices.Equal(ids, want) {
		t.Errorf("IDs = %q, want file order %q", ids, want)
	}
	if st.commentsJoined != 1 || st.aliasNamesAdded != 6 {
		t.Errorf("stats = %+v", st)
	}

	vessel := entityByID(t, l, "ofac-sdn:90001")
	assertEntity(t, vessel, &Entity{ID: "ofac-sdn:90001", Source: SourceOFACSDN, Type: TypeVessel,
		Names: []Name{
			{Full: "EXAMPLE CARRIER", Kind: NamePrimary, Script: "Latn"},
			{Full: "ANA I", Kind: NameFormerly, Script: "Latn"},
			{Full: "SAND SWAN", Kind: NameFormerly, Script: "Latn"},
		},
		Identifiers: []Identifier{
			{Type: IDCallSign, Number: "HO2345", Label: "Call Sign"},
			{Type: IDIMO, Number: "9000017", Label: "Vessel Registration Identification IMO"},
			{Type: IDMMSI, Number: "352001234", Label: "MMSI"},
		},
		Programs: []string{"CUBA"},
		Remarks: "Vessel Registration Identification IMO 9000017; MMSI 352001234; f.k.a. 'ANA I'; f.k.a. 'SAND SWAN'. " +
			"Vessel Type General Cargo; Tonnage 2595; GRT 1865; Vessel Flag Panama.",
	})

	// Remarks cut inside "Digital Currency Addr|ess": the continuation is
	// appended without a space, so every statement after the cut is read.
	doe := entityByID(t, l, "ofac-sdn:90002")
	if !strings.Contains(doe.Remarks, "; alt. Digital Currency Address - XBT 1tiAgufXjPAcc921toi7ap9UxDuxE2HEKZ;") {
		t.Errorf("remarks not joined seamlessly: %q", doe.Remarks)
	}
	var crypto int
	for _, id := range doe.Identifiers {
		if id.Type == IDCrypto {
			crypto++
		}
	}
	if crypto != 18 || !slices.Contains(doe.Identifiers, Identifier{Type: IDNationalID, Number: "123-45-6789", Country: "US", Label: "SSN"}) {
		t.Errorf("identifiers after the cut: %d crypto, %+v", crypto, doe.Identifiers)
	}
	wantNames := []Name{
		{Full: "John Quincy DOE", Given: "John Quincy", Family: "DOE", Kind: NamePrimary, Script: "Latn"},
		{Full: "Johnny DOE", Given: "Johnny", Family: "DOE", Kind: NameAlias, Script: "Latn"},
		{Full: "John QUINCY", Given: "John", Family: "QUINCY", Kind: NameAlias, Script: "Latn"},
	}
	if !slices.Equal(doe.Names, wantNames) {
		t.Errorf("names = %+v (the remarks repeat alt.csv's alias, which must not be doubled)", doe.Names)
	}
	if !slices.Equal(doe.Citizenships, []string{"US"}) || !slices.Equal(doe.Nationalities, []string{"CA"}) {
		t.Errorf("citizenships %v nationalities %v", doe.Citizenships, doe.Nationalities)
	}

	org := entityByID(t, l, "ofac-sdn:90003")
	if !slices.Equal(org.Programs, []string{"IRAN", "SDGT", "IFSR"}) {
		t.Errorf("programs = %q", org.Programs)
	}
	if org.Names[0].Full != "EXAMPLE TRADING CO., LTD." || org.Names[0].Given != "" {
		t.Errorf("an organization's name must stay as written: %+v", org.Names[0])
	}
	wantIDs := []Identifier{
		{Type: IDWebsite, Number: "www.example-trading.ir", Label: "Website"},
		{Type: IDEmail, Number: "info@example-trading.ir", Label: "Email Address"},
		{Type: IDPhone, Number: "982188526300", Label: "Phone Number"},
		{Type: IDSWIFT, Number: "EXTRIRTH", Label: "SWIFT/BIC"},
		{Type: IDRegistration, Number: "26740", Country: "IR", Label: "Registration Number"},
		{Type: IDTaxID, Number: "10100834460", Country: "IR", Label: "Tax ID No."},
	}
	if !slices.Equal(org.Identifiers, wantIDs) {
		t.Errorf("identifiers:\n got %+v\nwant %+v", org.Identifiers, wantIDs)
	}
	wantAddr := []Address{
		{Street: "No. 10 Example Street", City: "Tehran 1234567", Country: "IR", Full: "No. 10 Example Street, Tehran 1234567, Iran"},
		{City: "Dubai", Country: "AE", Full: "Dubai, United Arab Emirates"},
	}
	if !slices.Equal(org.Addresses, wantAddr) {
		t.Errorf("addresses = %+v", org.Addresses)
	}
	if n := org.Names; len(n) != 3 || n[1].Full != "EXAMPLE TRADING HOLDING" || n[1].Kind != NameAlias || n[2].Full != "EXAMPLE TRADING" {
		t.Errorf("names = %+v (n.k.a. is an alias)", n)
	}
}

func TestParseOFACSDNCSVFixtureDirty(t *testing.T) {
	set, all := fixtureOFACSet(t, "ofac-sdn-csv/dirty", sdnFileNames)
	l, st, err := parseOFACCSV(set, ofacSDNLayout)
	if err != nil {
		t.Fatal(err)
	}
	if l.SHA256 != sha256Hex(all) {
		t.Error("SHA256 must cover the raw bytes, BOM and all")
	}
	if len(l.Entities) != 2 {
		t.Fatalf("entities = %d, want 2", len(l.Entities))
	}
	m := l.Entities[0]
	if m.ID != "ofac-sdn:10" || m.Type != TypePerson || m.Names[0].Full != "Hans MÜLLER" || m.Titles != nil {
		t.Errorf("entity 10 = %s %s %+v titles %q (Latin-1 Ü, mixed-case type, quoted -0- title)", m.ID, m.Type, m.Names, m.Titles)
	}
	if len(m.BirthDates) != 1 || m.BirthDates[0] != (Birthdate{Date: PartialDate{Year: 1970}, Circa: true}) {
		t.Errorf("birth dates = %v, want ~1970", m.BirthDates)
	}
	if len(m.Names) != 2 || m.Names[1].Full != "Hans MUELLER" || st.aliasNamesAdded != 2 {
		t.Errorf("names = %+v, added %d", m.Names, st.aliasNamesAdded)
	}
	a := l.Entities[1]
	if a.ID != "ofac-sdn:11" || a.Type != TypeOrganization || len(a.BirthDates) != 0 || len(a.Nationalities) != 0 {
		t.Errorf("entity 11 = %+v", a)
	}
	if len(a.Addresses) != 1 || a.Addresses[0].Country != "" || a.Addresses[0].Full != "Gaza, Region: Kafia Kingi" {
		t.Errorf("an unknown country must stay in Full: %+v", a.Addresses)
	}
	if len(a.Names) != 2 || a.Names[1] != (Name{Full: "ACME", Kind: NameAlias, Script: "Latn"}) {
		t.Errorf("alias of an unknown alt_type = %+v", a.Names)
	}
	for _, kind := range []string{
		"sdn.csv: UTF-8 byte order mark removed",
		"sdn.csv: no final Ctrl-Z (0x1A) byte",
		"sdn.csv: LF line ends instead of CRLF",
		"sdn.csv: blank row skipped",
		"sdn.csv: bytes that are not UTF-8 read as Windows-1252",
		"sdn.csv: SDN_Type spelled differently from OFAC's individual/vessel/aircraft/-0-",
		"sdn.csv: ent_num with spaces, a sign or leading zeros",
		"sdn.csv: " + ofacProblemDOB,
		"sdn.csv: " + ofacProblemNationality,
		"add.csv: row for an ent_num not in sdn.csv (ignored)",
		"add.csv: Country not a known country (kept in the address's Full)",
		"add.csv: no final Ctrl-Z (0x1A) byte",
		"alt.csv: row for an ent_num not in sdn.csv (ignored)",
		"alt.csv: alt_type not aka/fka/nka (read as aka)",
		"alt.csv: alt_name repeats a name the entity already has (ignored)",
		"sdn_comments.csv: row for an ent_num not in sdn.csv (ignored)",
		"sdn_comments.csv: row for remarks shorter than 1000 characters, so not cut (ignored)",
	} {
		if tolerated(l, kind) == "" {
			t.Errorf("not tolerated: %q", kind)
		}
	}
	if got := tolerated(l, "sdn.csv: LF line ends instead of CRLF"); !strings.HasSuffix(got, "first at sdn.csv line 1") {
		t.Errorf("LF note = %q", got)
	}
	if got := tolerated(l, "alt.csv: row for an ent_num not in sdn.csv (ignored)"); !strings.HasSuffix(got, "first at alt.csv line 3") {
		t.Errorf("orphan alias note = %q", got)
	}
	if strings.Contains(m.Remarks, "tail of nothing") {
		t.Error("a comment row for remarks that are not cut was appended")
	}
}

func TestParseOFACConsCSVFixture(t *testing.T) {
	set, _ := fixtureOFACSet(t, "ofac-cons-csv", [4]string{"cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv"})
	l, err := ParseOFACConsCSV(set)
	if err != nil {
		t.Fatal(err)
	}
	checkOFACInvariants(t, l, SourceOFACCons)
	if len(l.Entities) != 2 || l.Entities[0].ID != "ofac-cons:9639" || l.Entities[1].ID != "ofac-cons:17014" {
		t.Fatalf("entities = %+v", l.Entities)
	}
	bank := l.Entities[1]
	assertEntity(t, &bank, &Entity{ID: "ofac-cons:17014", Source: SourceOFACCons, Type: TypeOrganization,
		Names: []Name{
			{Full: "EXAMPLE BANK PJSC", Kind: NamePrimary, Script: "Latn"},
			{Full: "EXAMPLE BANK OJSC", Kind: NameFormerly, Script: "Latn"},
		},
		Addresses: []Address{{Street: "43 Example Street", City: "Moscow 123112", Country: "RU", Full: "43 Example Street, Moscow 123112, Russia"}},
		Identifiers: []Identifier{
			{Type: IDSWIFT, Number: "EXMPRUMM", Label: "SWIFT/BIC"},
			{Type: IDWebsite, Number: "www.example-bank.ru", Label: "Website"},
			{Type: IDTaxID, Number: "7702070139", Country: "RU", Label: "Tax ID No."},
			{Type: IDRegistration, Number: "1027739609391", Country: "RU", Label: "Registration Number"},
		},
		Programs: []string{"RUSSIA-EO14024"},
		Remarks:  "SWIFT/BIC EXMPRUMM; Website www.example-bank.ru; Tax ID No. 7702070139 (Russia); Registration Number 1027739609391 (Russia).",
	})
}

func TestParseOFACSDNCSVMalformed(t *testing.T) {
	dir := filepath.Join(ofacFixtureDir, "ofac-sdn-csv/malformed")
	aero, err := os.ReadFile(filepath.Join(ofacFixtureDir, "ofac-sdn-csv/clean/sdn.csv"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		main, alt string // fixture file names; main "" means the clean sdn.csv
		want      error
		source    string
		line      int
		field     string
	}{
		{"non-numeric ent_num", "bad_ent_num.csv", "", ErrInvalidValue, "OFAC-SDN sdn.csv", 2, "ent_num"},
		{"wrong column count", "wrong_columns.csv", "", ErrSyntax, "OFAC-SDN sdn.csv", 2, ""},
		{"bad quoting", "bad_quote.csv", "", ErrSyntax, "OFAC-SDN sdn.csv", 2, ""},
		{"unknown SDN_Type", "bad_type.csv", "", ErrInvalidValue, "OFAC-SDN sdn.csv", 2, "SDN_Type"},
		{"empty SDN_Name", "missing_name.csv", "", ErrMissingField, "OFAC-SDN sdn.csv", 2, "SDN_Name"},
		{"repeated ent_num", "duplicate_ent_num.csv", "", ErrInvalidValue, "OFAC-SDN sdn.csv", 2, "ent_num"},
		{"no rows, only Ctrl-Z", "empty.csv", "", ErrEmpty, "OFAC-SDN sdn.csv", 0, ""},
		{"bad ent_num in alt.csv", "", "alt_bad_ent_num.csv", ErrInvalidValue, "OFAC-SDN alt.csv", 2, "ent_num"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := OFACCSVSet{Main: bytes.NewReader(aero)}
			if tt.main != "" {
				b, err := os.ReadFile(filepath.Join(dir, tt.main))
				if err != nil {
					t.Fatal(err)
				}
				set.Main = bytes.NewReader(b)
			}
			if tt.alt != "" {
				b, err := os.ReadFile(filepath.Join(dir, tt.alt))
				if err != nil {
					t.Fatal(err)
				}
				set.Aliases = bytes.NewReader(b)
			}
			l, err := ParseOFACSDNCSV(set)
			if !errors.Is(err, tt.want) || l != nil {
				t.Fatalf("err = %v, list %v; want %v", err, l != nil, tt.want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err %T is not a *ParseError", err)
			}
			if pe.Source != tt.source || pe.Line != tt.line || pe.Field != tt.field {
				t.Errorf("position = %q line %d field %q, want %q line %d field %q",
					pe.Source, pe.Line, pe.Field, tt.source, tt.line, tt.field)
			}
		})
	}
	t.Run("nil Main", func(t *testing.T) {
		_, err := ParseOFACConsCSV(OFACCSVSet{Aliases: strings.NewReader("")})
		var pe *ParseError
		if !errors.Is(err, ErrMissingField) || !errors.As(err, &pe) || pe.Source != "OFAC-CONS cons_prim.csv" {
			t.Errorf("err = %v", err)
		}
	})
}

// errReader fails after its data, like a broken network stream.
type errReader struct {
	data []byte
	err  error
}

func (r *errReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

func TestParseOFACSDNCSVReadError(t *testing.T) {
	boom := errors.New("connection reset")
	_, err := ParseOFACSDNCSV(OFACCSVSet{
		Main:    strings.NewReader("36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"),
		Aliases: &errReader{data: []byte("36,12,\"aka\",\"AERO-CARIBBEAN\",-0- \r\n"), err: boom},
	})
	if !errors.Is(err, boom) {
		t.Errorf("err = %v, want the reader's error", err)
	}
}

// Many 0x1A bytes in a row must not make the reader stall (bufio gives up
// after repeated empty reads).
func TestOFACEOFFilterOnlyCtrlZ(t *testing.T) {
	main := "36,\"A\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n" + strings.Repeat("\x1a", 300000)
	l, err := ParseOFACSDNCSV(OFACCSVSet{Main: iotestOneByte(main)})
	if err != nil || len(l.Entities) != 1 {
		t.Fatalf("err = %v", err)
	}
	if l.Tolerated != nil {
		t.Errorf("tolerated %q", l.Tolerated)
	}
}

func TestOFACEOFFilter(t *testing.T) {
	tests := []struct {
		name, in, out string
		finalZ        bool // ends with 0x1A (and white space)
		zLine         int  // line of the first 0x1A
		dataAfterZ    bool
		lfLine        int
	}{
		{"official", "a\r\nb\r\n\x1a", "a\r\nb\r\n", true, 3, false, 0},
		{"no Ctrl-Z", "a\r\nb\r\n", "a\r\nb\r\n", false, 0, false, 0},
		{"bare LF on line 2", "a\r\nb\nc\r\n\x1a", "a\r\nb\nc\r\n", true, 4, false, 2},
		{"Ctrl-Z inside", "a\r\n\x1ab\r\n", "a\r\nb\r\n", false, 2, true, 0},
		{"Ctrl-Z then white space", "a\r\n\x1a\r\n ", "a\r\n\r\n ", true, 2, false, 0},
		{"only Ctrl-Z", "\x1a\x1a\x1a", "", true, 1, false, 0},
	}
	for _, tt := range tests {
		for _, split := range []bool{false, true} {
			var r io.Reader = strings.NewReader(tt.in)
			if split {
				r = iotestOneByte(tt.in)
			}
			f := &ofacEOFFilter{r: r}
			out, err := io.ReadAll(f)
			if err != nil || string(out) != tt.out {
				t.Errorf("%s (split %v): read %q, %v; want %q", tt.name, split, out, err, tt.out)
			}
			if (f.lastSolid == 0x1A) != tt.finalZ || f.zLine != tt.zLine || f.dataAfter != tt.dataAfterZ || f.lfLine != tt.lfLine {
				t.Errorf("%s (split %v): final Z %v, zLine %d, data after %v, LF line %d", tt.name, split,
					f.lastSolid == 0x1A, f.zLine, f.dataAfter, f.lfLine)
			}
		}
	}
}

// iotestOneByte returns a reader that reads one byte at a time.
func iotestOneByte(s string) io.Reader { return &oneByteReader{s: s} }

type oneByteReader struct{ s string }

func (r *oneByteReader) Read(p []byte) (int, error) {
	if len(r.s) == 0 {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	p[0] = r.s[0]
	r.s = r.s[1:]
	return 1, nil
}

func FuzzParseOFACSDNCSV(f *testing.F) {
	for _, dir := range []string{"ofac-sdn-csv/clean", "ofac-sdn-csv/dirty"} {
		main, err := os.ReadFile(filepath.Join(ofacFixtureDir, dir, "sdn.csv"))
		if err != nil {
			f.Fatal(err)
		}
		alt, err := os.ReadFile(filepath.Join(ofacFixtureDir, dir, "alt.csv"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(main, alt)
	}
	malformed, _ := filepath.Glob(filepath.Join(ofacFixtureDir, "ofac-sdn-csv/malformed/*.csv"))
	for _, p := range malformed {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, []byte(nil))
	}
	f.Fuzz(func(t *testing.T, main, alt []byte) {
		l, err := ParseOFACSDNCSV(OFACCSVSet{Main: bytes.NewReader(main), Aliases: bytes.NewReader(alt)})
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			if !errors.Is(err, ErrSyntax) && !errors.Is(err, ErrInvalidValue) &&
				!errors.Is(err, ErrMissingField) && !errors.Is(err, ErrEmpty) {
				t.Fatalf("error %v wraps no sentinel", err)
			}
			if l != nil {
				t.Fatal("a list with an error")
			}
			return
		}
		if len(l.Entities) == 0 {
			t.Fatal("no entities without ErrEmpty")
		}
		if l.SHA256 != sha256Hex(append(append([]byte(nil), main...), alt...)) {
			t.Fatal("SHA256 is not the digest of main then aliases")
		}
		checkOFACInvariants(t, l, SourceOFACSDN)
	})
}
