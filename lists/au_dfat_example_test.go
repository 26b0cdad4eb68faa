package lists_test

import (
	"fmt"
	"log"
	"os"

	"github.com/sievekyc/sieve/lists"
)

func ExampleParseAUDFATXLSX() {
	f, err := os.Open("../testdata/lists/au-dfat-xlsx/consolidated.xlsx")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	l, err := lists.ParseAUDFATXLSX(f)
	if err != nil {
		log.Fatal(err)
	}
	// The file states no date: Published is its newest Control Date.
	fmt.Println(l.Source, l.Format, l.Published.Format("2006-01-02"))
	for _, e := range l.Entities[:2] {
		fmt.Println(e.ID, e.Type, e.Citizenships, e.Programs)
		for _, n := range e.Names {
			fmt.Println("  ", n.Kind, n.Script, n.Full)
		}
		for _, b := range e.BirthDates {
			fmt.Println("   born", b)
		}
	}
	// Output:
	// AU-DFAT au-dfat-xlsx 2024-11-11
	// au-dfat:2 person [AF] [1988 (Taliban)]
	//    primary Latn MOHAMMAD HASSAN AKHUND
	//    alias Arab محمد حسن أخوند
	//    born ~1955..1958
	//    born ~1945..1950
	// au-dfat:3 person [AF] [1988 (Taliban)]
	//    primary Latn Abdul Jalil Haqqani Wali Mohammad
	//    alias Latn Abdul Jalil Akhund
	//    alias Arab عبد الجليل أخوند
	//    formerly Latn Abdul Jalil Haqqani
	//    born 1963
	//    born 1964..1965
}
