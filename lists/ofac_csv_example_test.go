package lists_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/sievekyc/sieve/lists"
)

func ExampleParseOFACSDNCSV() {
	// Four files as OFAC publishes them: no header, CRLF, "-0- " for null,
	// a final Ctrl-Z byte. Only Main is required.
	set := lists.OFACCSVSet{
		Main: strings.NewReader("" +
			"36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n" +
			"2676,\"AL ZAWAHIRI, Dr. Ayman\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ," +
			"\"DOB 19 Jun 1951; POB Giza, Egypt; Passport 1084010 (Egypt).\"\r\n\x1a"),
		Addresses: strings.NewReader("36,25,-0- ,\"Havana\",\"Cuba\",-0- \r\n\x1a"),
		Aliases:   strings.NewReader("36,12,\"aka\",\"AERO-CARIBBEAN\",-0- \r\n\x1a"),
	}
	l, err := lists.ParseOFACSDNCSV(set)
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range l.Entities {
		fmt.Println(e.ID, e.Type, e.PrimaryName())
		for _, n := range e.Names[1:] {
			fmt.Println("  ", n.Kind, n.Full)
		}
		for _, a := range e.Addresses {
			fmt.Println("   address", a.City, a.Country)
		}
		for _, b := range e.BirthDates {
			fmt.Println("   born", b, "in", strings.Join(e.BirthPlaces, "; "))
		}
		for _, id := range e.Identifiers {
			fmt.Println("  ", id.Type, id.Number, id.Country)
		}
	}
	// Output:
	// ofac-sdn:36 organization AEROCARIBBEAN AIRLINES
	//    alias AERO-CARIBBEAN
	//    address Havana CU
	// ofac-sdn:2676 person Dr. Ayman AL ZAWAHIRI
	//    born 1951-06-19 in Giza, Egypt
	//    passport 1084010 EG
}

func ExampleParseOFACConsCSV() {
	set := lists.OFACCSVSet{
		Main: strings.NewReader("9639,\"HANIYA, Ismail Abdul Salah\",\"individual\",\"NS-PLC\"," +
			"-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 1962; POB Shati.\"\r\n\x1a"),
		Aliases: strings.NewReader("9639,9150,\"aka\",\"HANIYA, Ismail\",-0- \r\n" +
			"77,9151,\"aka\",\"NOBODY\",-0- \r\n\x1a"),
	}
	l, err := lists.ParseOFACConsCSV(set)
	if err != nil {
		log.Fatal(err)
	}
	e := l.Entities[0]
	fmt.Println(e.ID, e.Names[0].Given, "/", e.Names[0].Family, e.BirthDates, e.Programs)
	fmt.Println(l.Tolerated)
	// Output:
	// ofac-cons:9639 Ismail Abdul Salah / HANIYA [1962] [NS-PLC]
	// [cons_alt.csv: row for an ent_num not in cons_prim.csv (ignored): once, first at cons_alt.csv line 2]
}
