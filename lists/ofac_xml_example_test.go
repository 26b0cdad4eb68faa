package lists_test

import (
	"fmt"
	"strings"

	"github.com/sievekyc/sieve/lists"
)

func ExampleParseOFACXML() {
	const sdnXML = `<?xml version="1.0" standalone="yes"?>
<sdnList xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML">
  <publshInformation>
    <Publish_Date>01/08/2026</Publish_Date>
    <Record_Count>1</Record_Count>
  </publshInformation>
  <sdnEntry>
    <uid>9639</uid>
    <firstName>Ismail Abdul Salah</firstName>
    <lastName>HANIYA</lastName>
    <sdnType>Individual</sdnType>
    <programList><program>NS-PLC</program></programList>
    <akaList>
      <aka><uid>9151</uid><type>a.k.a.</type><category>strong</category>
        <lastName>HANIYYA</lastName><firstName>Ismaeel</firstName></aka>
    </akaList>
    <dateOfBirthList>
      <dateOfBirthItem><uid>4696</uid><dateOfBirth>1962</dateOfBirth><mainEntry>true</mainEntry></dateOfBirthItem>
    </dateOfBirthList>
  </sdnEntry>
</sdnList>`
	// consolidated.xml is the non-SDN list; SDN.XML would be SourceOFACSDN.
	l, err := lists.ParseOFACXML(strings.NewReader(sdnXML), lists.SourceOFACCons)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(l.Published.Format("2006-01-02"), len(l.Entities))
	e := l.Entities[0]
	fmt.Println(e.ID, e.Type, e.BirthDates[0], e.Programs)
	for _, n := range e.Names {
		fmt.Printf("%s: %s (given %q, family %q)\n", n.Kind, n.Full, n.Given, n.Family)
	}
	// Output:
	// 2026-01-08 1
	// ofac-cons:9639 person 1962 [NS-PLC]
	// primary: Ismail Abdul Salah HANIYA (given "Ismail Abdul Salah", family "HANIYA")
	// alias: Ismaeel HANIYYA (given "Ismaeel", family "HANIYYA")
}
