package lists

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseCASEMAXMLRealFile(t *testing.T) {
	f, err := os.Open(sharedList(t, "canada/sema-lmes.xml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	l, err := ParseCASEMAXML(f)
	if err != nil {
		t.Fatal(err)
	}
	types := map[EntityType]int{}
	ids := map[string]bool{}
	for _, e := range l.Entities {
		types[e.Type]++
		if ids[e.ID] {
			t.Errorf("duplicate ID %s", e.ID)
		}
		ids[e.ID] = true
		if strings.Contains(e.ID, "~") {
			t.Errorf("%s: the real file's Country/Schedule/Item keys should be unique", e.ID)
		}
		if len(e.Nationalities) != 0 {
			t.Errorf("%s: the regime country is no nationality: %v", e.ID, e.Nationalities)
		}
	}
	if len(l.Entities) != 4759 || types[TypePerson] != 3334 || types[TypeOrganization]+types[TypeVessel] != 1425 {
		t.Errorf("got %d entities %v, want 4759 = 3334 persons + 1425 entities and ships", len(l.Entities), types)
	}
	if types[TypeVessel] != 109 {
		t.Errorf("%d vessels, want the 109 records with an IMO number", types[TypeVessel])
	}
	if !l.Published.IsZero() || !strings.HasPrefix(l.SHA256, "1a7db0e83b5208e7") {
		t.Errorf("Published %v, SHA256 %s", l.Published, l.SHA256)
	}
	xml2Same(t, "tolerated", l.Tolerated, []string{
		"DateOfBirthOrShipBuildDate that is no date kept in remarks: 2 times, first at line 20951",
		"white space around Country trimmed: 123 times, first at line 40132",
		"white space around DateOfBirthOrShipBuildDate trimmed: 4 times, first at line 23065",
	})

	xml2Same(t, "person", xml2Entity(t, l, "ca-sema:russia-s1p1-504"), Entity{
		ID: "ca-sema:russia-s1p1-504", Source: SourceCASEMA, Type: TypePerson,
		Names: []Name{
			{Full: "Sergei Kuzhugetovich SHOIGU", Given: "Sergei Kuzhugetovich", Family: "SHOIGU", Kind: NamePrimary, Script: "Latn"},
			{Full: "Сергей Кужугетович Шойгу", Kind: NameAlias, Script: "Cyrl"},
			{Full: "Sergey Shoigu", Kind: NameAlias, Script: "Latn"},
			{Full: "Sergey Shoygu", Kind: NameAlias, Script: "Latn"},
		},
		BirthDates: []Birthdate{{Date: PartialDate{Year: 1955}}},
		Programs:   []string{"Russia"},
		ListedOn:   PartialDate{Year: 2022, Month: 2, Day: 28},
		Remarks:    "Schedule: 1, Part 1\nItem: 504",
	})
	xml2Same(t, "entity", xml2Entity(t, l, "ca-sema:russia-s1p2-95"), Entity{
		ID: "ca-sema:russia-s1p2-95", Source: SourceCASEMA, Type: TypeOrganization,
		Names: []Name{
			{Full: "Gazprom", Kind: NamePrimary, Script: "Latn"},
			{Full: "ПАО Газпром", Kind: NameAlias, Script: "Cyrl"},
			{Full: "Public Joint Stock Company Gazprom", Kind: NameAlias, Script: "Latn"},
		},
		Programs: []string{"Russia"},
		ListedOn: PartialDate{Year: 2022, Month: 2, Day: 24},
		Remarks:  "Schedule: 1, Part 2\nItem: 95",
	})
	xml2Same(t, "ship", xml2Entity(t, l, "ca-sema:russia-s1.1-10"), Entity{
		ID: "ca-sema:russia-s1.1-10", Source: SourceCASEMA, Type: TypeVessel,
		Names:       []Name{{Full: "Ksena", Kind: NamePrimary, Script: "Latn"}},
		Identifiers: []Identifier{{Type: IDIMO, Number: "9232888", Label: "IMO number"}},
		Programs:    []string{"Russia"},
		ListedOn:    PartialDate{Year: 2025, Month: 2, Day: 21},
		Remarks:     "Vessel type: Oil Tanker\nBuild date: 2003\nSchedule: 1.1\nItem: 10",
	})
}

func TestParseCASEMAXMLFixture(t *testing.T) {
	l, err := ParseCASEMAXML(bytes.NewReader(xml2Fixture(t, "ca-sema-xml", "valid.xml")))
	if err != nil {
		t.Fatal(err)
	}
	if !l.Published.IsZero() {
		t.Errorf("Published = %v, want zero: the file states no date", l.Published)
	}
	var ids []string
	for _, e := range l.Entities {
		ids = append(ids, e.ID)
	}
	xml2Same(t, "IDs", ids, []string{
		"ca-sema:belarus-s1p1-120", "ca-sema:russia-s1p1-115", "ca-sema:iran-s1p1-40", "ca-sema:venezuela-12",
		"ca-sema:sudan-p1-1", "ca-sema:syria-p2-44", "ca-sema:iran-s1p1-136", "ca-sema:russia-s1p2-240",
		"ca-sema:russia-s1p1.1-10", "ca-sema:jvcfor-s1-12",
	})
	if len(ids) != 10 {
		t.FailNow()
	}
	xml2Same(t, "tolerated", l.Tolerated, []string{
		"DateOfBirthOrShipBuildDate that is no date kept in remarks: once, first at line 40",
		"white space around Country trimmed: once, first at line 32",
		"white space around DateOfBirthOrShipBuildDate trimmed: once, first at line 13",
	})
	names := func(e Entity) []string {
		var out []string
		for _, n := range e.Names {
			out = append(out, n.Kind.String()+" "+n.Full)
		}
		return out
	}
	e := l.Entities
	xml2Same(t, "language labels", names(e[0]), []string{
		"primary Nikolai Aleksandrovich LUKASHENKO", "alias Mikalay Alyaksandravich Lukashenka",
		"alias Kolya Lukashenko", "alias Мікалай Аляксандравіч Лукашэнка", "alias Николай Александрович Лукашенко",
	})
	xml2Same(t, "one-word alias", names(e[1]), []string{
		"primary Sergey Alekseyevich SHCHERBAKOV", "weak_alias Sergei", "alias Serhii SHERBAKOV",
	})
	xml2Same(t, "range", e[2].BirthDates, []Birthdate{{Date: PartialDate{Year: 1963}, To: PartialDate{Year: 1964}}})
	xml2Same(t, "or", e[3].BirthDates, []Birthdate{
		{Date: PartialDate{Year: 1965, Month: 7, Day: 15}}, {Date: PartialDate{Year: 1969, Month: 9, Day: 28}},
	})
	xml2Same(t, "program", e[3].Programs, []string{"Venezuela"})
	xml2Same(t, "and", names(e[4]), []string{
		"primary Abdelrahim Hamdan Dagalo", "alias Abdel Rahim Hamdan Dagalo", "alias Abdul Rahim Dagalo",
		"alias Abdelrahim Hamdan Dagalo Mousa", "alias عبدالرحيم دقلو",
	})
	if e[4].BirthDates != nil || !strings.HasPrefix(e[4].Remarks, "Date of birth as listed: born in the early 1970s") {
		t.Errorf("free-text DOB: %v %q", e[4].BirthDates, e[4].Remarks)
	}
	xml2Same(t, "variant surname", e[5].Names, []Name{
		{Full: "Munir Adanov", Given: "Munir", Family: "Adanov", Kind: NamePrimary, Script: "Latn"},
		{Full: "Munir Adnuf", Kind: NameAlias, Script: "Latn"},
	})
	xml2Same(t, "title", e[5].Titles, []string{"Major General/major-général"})
	xml2Same(t, "bilingual entity", names(e[6])[:2], []string{
		"primary Islamic Revolutionary Guard Corps", "alias Corps des Gardiens de la Révolution islamique",
	})
	xml2Same(t, "also known as", names(e[7]), []string{
		"primary Kurganpribor JSC", "alias Scientific-Production Association “Kurganpribor”",
		"alias Акционерное общество «Курганприбор»", "alias КВЗ-Ремсервис, АО",
	})
	xml2Same(t, "ship", e[8], Entity{
		ID: "ca-sema:russia-s1p1.1-10", Source: SourceCASEMA, Type: TypeVessel,
		Names:       []Name{{Full: "Ksena", Kind: NamePrimary, Script: "Latn"}},
		Identifiers: []Identifier{{Type: IDIMO, Number: "9323003", Label: "IMO number"}},
		Programs:    []string{"Russia"},
		ListedOn:    PartialDate{Year: 2025, Month: 2, Day: 24},
		Remarks:     "Vessel type: Oil Tanker\nBuild date: 2007\nSchedule: 1, Part 1.1\nItem: 10",
	})
	xml2Same(t, "JVCFOR", e[9].Programs, []string{"Justice for Victims of Corrupt Foreign Officials Regulations (JVCFOR)"})
	xml2Same(t, "year-month", e[9].BirthDates, []Birthdate{{Date: PartialDate{Year: 1976, Month: 10}}})
}

// TestParseCASEMAXMLDuplicateKey: two records with the same Country,
// Schedule and Item still get distinct, file-ordered IDs.
func TestParseCASEMAXMLDuplicateKey(t *testing.T) {
	l, err := ParseCASEMAXML(bytes.NewReader(xml2Fixture(t, "ca-sema-xml", "duplicate_key.xml")))
	if err != nil {
		t.Fatal(err)
	}
	if got := []string{l.Entities[0].ID, l.Entities[1].ID}; got[0] != "ca-sema:belarus-s1p1-120" || got[1] != "ca-sema:belarus-s1p1-120~2" {
		t.Errorf("IDs %q", got)
	}
	if !strings.Contains(strings.Join(l.Tolerated, "\n"), "duplicate Country/Schedule/Item key numbered in file order: once, first at line 13") {
		t.Errorf("tolerated %q", l.Tolerated)
	}
}

func TestParseCASEMAXMLErrors(t *testing.T) {
	checkPositionedErrors(t, "ca-sema-xml", "CA-SEMA ca-sema-xml", func(r *bytes.Reader) (*List, error) { return ParseCASEMAXML(r) }, []positionedErrorCase{
		{"truncated.xml", ErrSyntax, 80, "", ""},
		{"missing_item.xml", ErrMissingField, 23, "record", "Item"},
		{"bad_listing_date.xml", ErrInvalidValue, 23, "record", "DateOfListing"},
		{"no_name.xml", ErrMissingField, 23, "record", "LastName"},
		{"empty.xml", ErrEmpty, 4, "", ""},
	})
}

func TestCAKeys(t *testing.T) {
	regimes := []struct{ country, program, key string }{
		{"Russia / Russie", "Russia", "russia"},
		{"Venezuela ", "Venezuela ", "venezuela"},
		{"Myanmar (Burma) / Myanmar (Birmanie)", "Myanmar (Burma)", "myanmar-burma"},
		{"South Sudan / Soudan du sud", "South Sudan", "south-sudan"},
		{"Justice for Victims of Corrupt Foreign Officials Regulations (JVCFOR) / Règlement (RJVDEC)",
			"Justice for Victims of Corrupt Foreign Officials Regulations (JVCFOR)", "jvcfor"},
	}
	for _, tt := range regimes {
		if p, k := caRegime(tt.country); p != tt.program || k != tt.key {
			t.Errorf("caRegime(%q) = %q, %q; want %q, %q", tt.country, p, k, tt.program, tt.key)
		}
	}
	schedules := []struct {
		in, key string
		ok      bool
	}{
		{"1, Part 1", "s1p1", true},
		{"1,Part 3", "s1p3", true},
		{"1, Part 2.1", "s1p2.1", true},
		{"Part 2", "p2", true},
		{"1.1", "s1.1", true},
		{"3", "s3", true},
		{"Annex B", "annex-b", false},
	}
	for _, tt := range schedules {
		if k, ok := caScheduleKey(tt.in); k != tt.key || ok != tt.ok {
			t.Errorf("caScheduleKey(%q) = %q, %v; want %q, %v", tt.in, k, ok, tt.key, tt.ok)
		}
	}
}

func TestCASplitAliases(t *testing.T) {
	tests := []struct {
		in     string
		person bool
		want   []string
	}{
		{"", true, nil},
		{"Пётр Михайлович Фрадков; Pyotr Mikhailovich Fradkov", true,
			[]string{"Пётр Михайлович Фрадков", "Pyotr Mikhailovich Fradkov"}},
		{"Елена Петровна Тимченко or Елена Ермакова", true, []string{"Елена Петровна Тимченко", "Елена Ермакова"}},
		{"Ольга Александровна КРАВЦОВА / Ольга Олександрiвна КРАВЦОВА", true,
			[]string{"Ольга Александровна КРАВЦОВА", "Ольга Олександрiвна КРАВЦОВА"}},
		{"Belarusian: Юры Іванавіч ВАСІЛЕВІЧ, Russian\u00a0: Юрий Иванович ВАСИЛЕВИЧ", true,
			[]string{"Юры Іванавіч ВАСІЛЕВІЧ", "Юрий Иванович ВАСИЛЕВИЧ"}},
		{"Abbas Morteza Nilforoushan\n عباس نیلفروشان", true, []string{"Abbas Morteza Nilforoushan", "عباس نیلفروشان"}},
		{"(Юрий Николаевич ГОВТВИН / Юрiй Миколайович ГОВТВIН", true,
			[]string{"Юрий Николаевич ГОВТВИН", "Юрiй Миколайович ГОВТВIН"}},
		{"ינון לוי  LEVY, Yinon AKA", true, []string{"ינון לוי LEVY", "Yinon"}},
		{"Министерство образования, науки и молодежи Республики Крым", false,
			[]string{"Министерство образования, науки и молодежи Республики Крым"}},
		{"Море Река Сервис, ООО", false, []string{"Море Река Сервис, ООО"}},
		{"Акционерное общество or АО \"Усть-Луга Ойл\"", false, []string{"Акционерное общество or АО \"Усть-Луга Ойл\""}},
		{"Акционерное общество\n«Радиотехнический институт имени\nакадемика А.Л. Минца»", false,
			[]string{"Акционерное общество «Радиотехнический институт имени академика А.Л. Минца»"}},
		{"Беларускi народны банк) (Russian: Открытое акционерное общество \"Белорусский народный банк\"/ ОАО \"БНБ-Банк\"", false,
			[]string{"Беларускi народны банк", "Открытое акционерное общество \"Белорусский народный банк\"", "ОАО \"БНБ-Банк\""}},
		{"IAMI, IAMCO, Iran Aircraft Mfg. In. Co., HESA Trade Center", false,
			[]string{"IAMI", "IAMCO", "Iran Aircraft Mfg. In. Co.", "HESA Trade Center"}},
		{"Zadna Company and Zadna International Investments", false, []string{"Zadna Company and Zadna International Investments"}},
		{"Manakhimova and Semendueva", true, []string{"Manakhimova", "Semendueva"}},
	}
	for _, tt := range tests {
		xml2Same(t, tt.in, caSplitAliases(tt.in, tt.person), tt.want)
	}
}

func TestCAParseDates(t *testing.T) {
	tests := []struct {
		in   string
		want []Birthdate
		ok   bool
	}{
		{"1965-04-29", []Birthdate{{Date: PartialDate{Year: 1965, Month: 4, Day: 29}}}, true},
		{"1972", []Birthdate{{Date: PartialDate{Year: 1972}}}, true},
		{"1966-06", []Birthdate{{Date: PartialDate{Year: 1966, Month: 6}}}, true},
		{"1963-1964", []Birthdate{{Date: PartialDate{Year: 1963}, To: PartialDate{Year: 1964}}}, true},
		{"1963 or 1964", []Birthdate{{Date: PartialDate{Year: 1963}}, {Date: PartialDate{Year: 1964}}}, true},
		{"1964-1963", nil, false},
		{"Sep-99", nil, false},
		{"born in the early 1970s", nil, false},
	}
	for _, tt := range tests {
		got, ok := caParseDates(tt.in)
		if ok != tt.ok {
			t.Errorf("caParseDates(%q) ok = %v", tt.in, ok)
		}
		xml2Same(t, tt.in, got, tt.want)
	}
}

func FuzzParseCASEMAXML(f *testing.F) {
	addFixtureSeeds(f, filepath.Join("..", "testdata", "lists", "ca-sema-xml", "*.xml"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := ParseCASEMAXML(bytes.NewReader(data))
		xml2CheckFuzzResult(t, data, l, err, SourceCASEMA)
	})
}

func ExampleParseCASEMAXML() {
	const file = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<data-set>
	<record>
		<Country>Russia / Russie</Country>
		<LastName>SHOIGU</LastName>
		<GivenName>Sergei Kuzhugetovich </GivenName>
		<Aliases>Сергей Кужугетович Шойгу; Sergey Shoigu, Sergey Shoygu</Aliases>
		<DateOfBirthOrShipBuildDate>1955</DateOfBirthOrShipBuildDate>
		<Schedule>1, Part 1</Schedule>
		<Item>504</Item>
		<DateOfListing>2022-02-28</DateOfListing>
	</record>
	<record>
		<Country>Russia / Russie</Country>
		<EntityOrShip>Ksena</EntityOrShip>
		<TitleOrShip>Oil Tanker</TitleOrShip>
		<ShipIMONumber>9232888</ShipIMONumber>
		<DateOfBirthOrShipBuildDate>2003</DateOfBirthOrShipBuildDate>
		<Schedule>1.1</Schedule>
		<Item>10</Item>
		<DateOfListing>2025-02-21</DateOfListing>
	</record>
</data-set>`
	l, err := ParseCASEMAXML(strings.NewReader(file))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range l.Entities {
		fmt.Println(e.ID, e.Type, e.Programs, e.PrimaryName(), len(e.Names), e.BirthDates, e.Identifiers)
	}
	// Output:
	// ca-sema:russia-s1p1-504 person [Russia] Sergei Kuzhugetovich SHOIGU 4 [1955] []
	// ca-sema:russia-s1.1-10 vessel [Russia] Ksena 1 [] [{imo 9232888  IMO number }]
}
