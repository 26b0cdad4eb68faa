package lists

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseOFACRemarks(t *testing.T) {
	tests := []struct {
		name    string
		remarks string
		want    ofacRemarks
	}{
		{name: "empty", remarks: "", want: ofacRemarks{}},
		{
			name:    "full date, place, passport with country",
			remarks: "DOB 19 Jun 1951; POB Giza, Egypt; Passport 1084010 (Egypt); alt. Passport 19820215; Operational and Military Leader of JIHAD GROUP.",
			want: ofacRemarks{
				BirthDates:  []Birthdate{{Date: PartialDate{Year: 1951, Month: 6, Day: 19}}},
				BirthPlaces: []string{"Giza, Egypt"},
				Identifiers: []Identifier{
					{Type: IDPassport, Number: "1084010", Country: "EG", Label: "Passport"},
					{Type: IDPassport, Number: "19820215", Label: "Passport"},
				},
			},
		},
		{
			name:    "partial, circa and ranges stay what they are",
			remarks: "DOB 1962; alt. DOB Dec 1948; alt. DOB circa 1970; alt. DOB 1955 to 1958; alt. DOB 01 Jan 1961 to 31 Dec 1962; alt. DOB circa 1979-1982; alt. DOB circa 07 Jul 1966.",
			want: ofacRemarks{BirthDates: []Birthdate{
				{Date: PartialDate{Year: 1962}},
				{Date: PartialDate{Year: 1948, Month: 12}},
				{Date: PartialDate{Year: 1970}, Circa: true},
				{Date: PartialDate{Year: 1955}, To: PartialDate{Year: 1958}},
				{Date: PartialDate{Year: 1961, Month: 1, Day: 1}, To: PartialDate{Year: 1962, Month: 12, Day: 31}},
				{Date: PartialDate{Year: 1979}, To: PartialDate{Year: 1982}, Circa: true},
				{Date: PartialDate{Year: 1966, Month: 7, Day: 7}, Circa: true},
			}},
		},
		{
			name:    "passport note after the country",
			remarks: "Passport A123 (Iran) expires 2020",
			want: ofacRemarks{Identifiers: []Identifier{
				{Type: IDPassport, Number: "A123", Country: "IR", Label: "Passport", Note: "expires 2020"},
			}},
		},
		{
			name:    "note without a country",
			remarks: "Passport L 191609 issued 28 Feb 1996 expires 27 Feb 2001",
			want: ofacRemarks{Identifiers: []Identifier{
				{Type: IDPassport, Number: "L 191609", Label: "Passport", Note: "issued 28 Feb 1996 expires 27 Feb 2001"},
			}},
		},
		{
			name:    "nationality, citizen, gender",
			remarks: "nationality Korea, North; alt. nationality Russia; citizen Iran; Gender Female.",
			want: ofacRemarks{
				Nationalities: []string{"KP", "RU"},
				Citizenships:  []string{"IR"},
				Gender:        "female",
			},
		},
		{
			name:    "unknown countries and dates are problems, not facts",
			remarks: "nationality possibly Palestinian;arrested 23 Apr 2002; citizen Atlantis; DOB 31 Feb 1970; Gender Unknown",
			want:    ofacRemarks{Problems: []string{ofacProblemNationality, ofacProblemCitizen, ofacProblemDOB, ofacProblemGender}},
		},
		{
			name:    "vessel flag state is not a nationality",
			remarks: "Vessel Registration Identification IMO 9187629; MMSI 572469210; Nationality of Registration Korea, North; Other Vessel Call Sign 5IM713.",
			want: ofacRemarks{Identifiers: []Identifier{
				{Type: IDIMO, Number: "9187629", Label: "Vessel Registration Identification IMO"},
				{Type: IDMMSI, Number: "572469210", Label: "MMSI"},
				{Type: IDCallSign, Number: "5IM713", Label: "Other Vessel Call Sign"},
			}},
		},
		{
			name:    "longest label wins; group that is not a country stays in the number",
			remarks: "Vessel Registration Identification RS 150443 (Russia); Registration Number HRA 738077 (Stuttgart) (Germany); International Maritime Organization No. (5777731); Identification Number IMO 5342883",
			want: ofacRemarks{Identifiers: []Identifier{
				{Type: IDRegistration, Number: "RS 150443", Country: "RU", Label: "Vessel Registration Identification"},
				{Type: IDRegistration, Number: "HRA 738077 (Stuttgart)", Country: "DE", Label: "Registration Number"},
				{Type: IDIMO, Number: "5777731", Label: "International Maritime Organization No."},
				{Type: IDIMO, Number: "5342883", Label: "Identification Number IMO"},
			}},
		},
		{
			name:    "personal and tax numbers",
			remarks: "National ID No. 216040 (Yemen); Cedula No. 6068015 (Colombia); Tax ID No. 100036386 (Serbia); SSN 523-33-8386 (United States); Identification Number 2.194.575 (Paraguay); Registration ID 14063277",
			want: ofacRemarks{Identifiers: []Identifier{
				{Type: IDNationalID, Number: "216040", Country: "YE", Label: "National ID No."},
				{Type: IDNationalID, Number: "6068015", Country: "CO", Label: "Cedula No."},
				{Type: IDTaxID, Number: "100036386", Country: "RS", Label: "Tax ID No."},
				{Type: IDNationalID, Number: "523-33-8386", Country: "US", Label: "SSN"},
				{Type: IDNationalID, Number: "2.194.575", Country: "PY", Label: "Identification Number"},
				{Type: IDRegistration, Number: "14063277", Label: "Registration ID"},
			}},
		},
		{
			name:    "contact points and crypto are taken whole",
			remarks: "Digital Currency Address - XBT 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h; alt. Digital Currency Address - ETH 0x098B716B8Aaf21512996dC57EB0615e2383E2f96; SWIFT/BIC HAVIGB2L; Website http://www.example.com/a(b); Email Address dam.d.free@net.sy; Telephone (98)(21)(66153220); Alt. Fax: 9221227700019",
			want: ofacRemarks{Identifiers: []Identifier{
				{Type: IDCrypto, Number: "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h", Label: "Digital Currency Address - XBT"},
				{Type: IDCrypto, Number: "0x098B716B8Aaf21512996dC57EB0615e2383E2f96", Label: "Digital Currency Address - ETH"},
				{Type: IDSWIFT, Number: "HAVIGB2L", Label: "SWIFT/BIC"},
				{Type: IDWebsite, Number: "http://www.example.com/a(b)", Label: "Website"},
				{Type: IDEmail, Number: "dam.d.free@net.sy", Label: "Email Address"},
				{Type: IDPhone, Number: "(98)(21)(66153220)", Label: "Telephone"},
				{Type: IDPhone, Number: "9221227700019", Label: "Fax"},
			}},
		},
		{
			name:    "aircraft",
			remarks: "Aircraft Tail Number EP-MMH; Previous Aircraft Tail Number 2-WGLP; Aircraft Model IL76-TD; Aircraft Mode S Transponder Code 140AE7",
			want: ofacRemarks{Identifiers: []Identifier{
				{Type: IDAircraft, Number: "EP-MMH", Label: "Aircraft Tail Number"},
				{Type: IDAircraft, Number: "2-WGLP", Label: "Previous Aircraft Tail Number"},
				{Type: IDAircraft, Number: "140AE7", Label: "Aircraft Mode S Transponder Code"},
			}},
		},
		{
			name:    "quoted aliases, apostrophes inside",
			remarks: "a.k.a. 'BNC'; f.k.a. 'AL-QA'QA'; n.k.a. ''ABD AL-MUHSI'; a.k.a. 'CO., LTD.'.",
			want: ofacRemarks{Names: []ofacRemarkName{
				{Text: "BNC", Kind: NameAlias},
				{Text: "AL-QA'QA", Kind: NameFormerly},
				{Text: "'ABD AL-MUHSI", Kind: NameAlias},
				{Text: "CO., LTD.", Kind: NameAlias},
			}},
		},
		{
			name:    "free text stays out",
			remarks: "Linked To: HIZBALLAH; Organization Established Date 1969; Additional Sanctions Information - Subject to Secondary Sanctions; Passportless; Aircraft Manufacture Date 1992.",
			want:    ofacRemarks{},
		},
		{
			name:    "repeats are dropped",
			remarks: "DOB 1962; alt. DOB 1962; POB Iran; alt. POB Iran; Passport 1 (Iran); alt. Passport 1 (Iran)",
			want: ofacRemarks{
				BirthDates:  []Birthdate{{Date: PartialDate{Year: 1962}}},
				BirthPlaces: []string{"Iran"},
				Identifiers: []Identifier{{Type: IDPassport, Number: "1", Country: "IR", Label: "Passport"}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := parseOFACRemarks(tt.remarks)
			if !slices.Equal(got.BirthDates, tt.want.BirthDates) {
				t.Errorf("BirthDates = %v, want %v", got.BirthDates, tt.want.BirthDates)
			}
			if !slices.Equal(got.BirthPlaces, tt.want.BirthPlaces) {
				t.Errorf("BirthPlaces = %q, want %q", got.BirthPlaces, tt.want.BirthPlaces)
			}
			if !slices.Equal(got.Nationalities, tt.want.Nationalities) || !slices.Equal(got.Citizenships, tt.want.Citizenships) {
				t.Errorf("nationalities %v citizenships %v, want %v %v", got.Nationalities, got.Citizenships, tt.want.Nationalities, tt.want.Citizenships)
			}
			if got.Gender != tt.want.Gender {
				t.Errorf("Gender = %q, want %q", got.Gender, tt.want.Gender)
			}
			if !slices.Equal(got.Identifiers, tt.want.Identifiers) {
				t.Errorf("Identifiers:\n got %+v\nwant %+v", got.Identifiers, tt.want.Identifiers)
			}
			if !slices.Equal(got.Names, tt.want.Names) {
				t.Errorf("Names = %+v, want %+v", got.Names, tt.want.Names)
			}
			if !slices.Equal(got.Problems, tt.want.Problems) {
				t.Errorf("Problems = %q, want %q", got.Problems, tt.want.Problems)
			}
		})
	}
}

// Every identifier label must be reachable: a shorter label sharing a first
// word must not shadow a longer one.
func TestOFACIDLabelsReachable(t *testing.T) {
	for _, l := range idLabels {
		got, ok := matchOFACIDLabel(l.label + " X1")
		if !ok || got != l {
			t.Errorf("%q matched %+v, %v", l.label, got, ok)
		}
	}
}

func FuzzParseOFACRemarks(f *testing.F) {
	for _, p := range []string{"ofac-sdn-csv/clean/sdn.csv", "ofac-sdn-csv/clean/sdn_comments.csv", "ofac-cons-csv/cons_prim.csv"} {
		b, err := os.ReadFile(filepath.Join(ofacFixtureDir, p))
		if err != nil {
			f.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\r\n") {
			if i := strings.LastIndex(line, ",\""); i >= 0 {
				f.Add(strings.Trim(line[i+1:], "\""))
			}
		}
	}
	f.Add("DOB circa 1979-1982; Passport (Iran) (; Tax ID No. ((x)); a.k.a. '; f.k.a. ''")
	valid := map[string]bool{IDPassport: true, IDNationalID: true, IDTaxID: true, IDRegistration: true,
		IDIMO: true, IDMMSI: true, IDCallSign: true, IDCrypto: true, IDSWIFT: true, IDEmail: true,
		IDWebsite: true, IDPhone: true, IDAircraft: true, IDOther: true}
	f.Fuzz(func(t *testing.T, s string) {
		r := parseOFACRemarks(s)
		for _, b := range r.BirthDates {
			if b.Date.IsZero() || !b.Date.valid() || (!b.To.IsZero() && !b.To.valid()) {
				t.Fatalf("invalid birth date %+v", b)
			}
		}
		for _, c := range slices.Concat(r.Nationalities, r.Citizenships) {
			if len(c) != 2 {
				t.Fatalf("country %q", c)
			}
		}
		for _, id := range r.Identifiers {
			if id.Number == "" || !valid[id.Type] || (id.Country != "" && len(id.Country) != 2) {
				t.Fatalf("identifier %+v", id)
			}
			if utf8.ValidString(s) && (!utf8.ValidString(id.Number) || !utf8.ValidString(id.Label)) {
				t.Fatalf("identifier splits a rune: %+v", id)
			}
		}
		for _, n := range r.Names {
			if strings.TrimSpace(n.Text) == "" {
				t.Fatal("empty name")
			}
		}
		if r.Gender != "" && r.Gender != "male" && r.Gender != "female" {
			t.Fatalf("gender %q", r.Gender)
		}
	})
}
