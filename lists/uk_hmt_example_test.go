package lists_test

import (
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/sievekyc/sieve/lists"
)

func ExampleParseUKHMTCSV() {
	// ConList.csv: the Last Updated record, the header (36 columns in the
	// real file; columns are found by name, so a few suffice here), then
	// one record per name variant, grouped by Group ID.
	const conlist = "Last Updated,14/04/2025\r\n" +
		"Name 6,Name 1,Name 2,DOB,Nationality,Other Information,Group Type,Alias Type,Alias Quality,Regime,Listed On,Group ID\r\n" +
		"ZADACHIN,Andrei,Andreevich,22/08/1990,Russia,(UK Sanctions List Ref):RUS1831. (Gender):Male,Individual,Primary name,,Russia,21/04/2023,15890\r\n" +
		"SAMMA2,,,,,(UK Sanctions List Ref):DPR0101 (IMO number):8106496,Ship,AKA,,Democratic People's Republic of Korea,05/04/2018,13652\r\n" +
		"ZADACHIN,Andrey,,00/00/1990,Russia,(UK Sanctions List Ref):RUS1831. (Gender):Male,Individual,AKA,Low quality,Russia,21/04/2023,15890\r\n" +
		"SAM MA 2,,,,,(UK Sanctions List Ref):DPR0101 (IMO number):8106496,Ship,Primary name,,Democratic People's Republic of Korea,05/04/2018,13652\r\n"
	l, err := lists.ParseUKHMTCSV(strings.NewReader(conlist))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(l.Version()[:10], len(l.Entities), "entities")
	for _, e := range l.Entities {
		fmt.Println(e.ID, e.Type, e.Programs, "listed", e.ListedOn)
		for _, n := range e.Names {
			fmt.Println("  ", n.Kind, n.Full)
		}
		for _, b := range e.BirthDates {
			fmt.Println("   born", b, e.Nationalities, e.Gender)
		}
		for _, id := range e.Identifiers {
			fmt.Println("  ", id.Type, id.Label, id.Number)
		}
	}
	// Output:
	// 2025-04-14 2 entities
	// uk-hmt:15890 person [Russia] listed 2023-04-21
	//    primary Andrei Andreevich ZADACHIN
	//    weak_alias Andrey ZADACHIN
	//    born 1990-08-22 [RU] male
	//    born 1990 [RU] male
	//    other UK Sanctions List Ref RUS1831
	// uk-hmt:13652 vessel [Democratic People's Republic of Korea] listed 2018-04-05
	//    primary SAM MA 2
	//    alias SAMMA2
	//    other UK Sanctions List Ref DPR0101
	//    imo IMO number 8106496
}

func ExampleParseUKHMTXLSX() {
	f, err := os.Open("../testdata/lists/uk-hmt-xlsx/conlist.xlsx")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	l, err := lists.ParseUKHMTXLSX(f)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(l.Source, l.Format, l.Published.Format("2006-01-02"))
	for _, e := range l.Entities {
		fmt.Printf("%s %s %q, %d names\n", e.ID, e.Type, e.PrimaryName(), len(e.Names))
	}
	// Output:
	// UK-HMT uk-hmt-xlsx 2025-04-14
	// uk-hmt:15890 person "Andrei Andreevich ZADACHIN", 3 names
	// uk-hmt:16636 organization "\"ZAPCHAST TRADE\" LLP", 3 names
	// uk-hmt:7020 person "Abu Bakr AL-HAQ", 3 names
	// uk-hmt:13119 vessel "CHONG CHON GANG", 2 names
}
