package lists_test

import (
	"fmt"
	"strings"

	"github.com/sievekyc/sieve/lists"
)

func ExampleParseEUFSFXML() {
	const fsf = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2026-08-05T16:47:04.449+02:00">
  <sanctionEntity designationDate="2011-02-26" unitedNationId="LYi.006" euReferenceNumber="EU.3886.3" logicalId="6106">
    <regulation programme="LBY" />
    <subjectType code="person" classificationCode="P" />
    <nameAlias firstName="" middleName="" lastName="" wholeName="ABÚ ZAJD UMAR DÚRDA" nameLanguage="CS" strong="true" logicalId="143588" />
    <nameAlias firstName="Abu" middleName="Zayd Umar" lastName="DORDA" wholeName="Abu Zayd Umar DORDA" strong="true" logicalId="8986" />
    <birthdate birthdate="1944-04-04" calendarType="GREGORIAN" place="Alrhaybat" countryIso2Code="00" />
    <identification identificationTypeCode="passport" identificationTypeDescription="National passport" number="FK117RK0" countryIso2Code="LY" />
  </sanctionEntity>
</export>`
	l, err := lists.ParseEUFSFXML(strings.NewReader(fsf))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(l.Published.Format("2006-01-02T15:04Z07:00"))
	e := l.Entities[0]
	fmt.Println(e.ID, e.Type, e.ListedOn, e.Programs, e.BirthDates[0], e.BirthPlaces)
	for _, n := range e.Names {
		fmt.Println(n.Kind, n.Full)
	}
	id := e.Identifiers[0]
	fmt.Println(id.Type, id.Number, id.Country)
	fmt.Println(e.Remarks)
	// Output:
	// 2026-08-05T14:47Z
	// eu-fsf:6106 person 2011-02-26 [LBY] 1944-04-04 [Alrhaybat]
	// primary Abu Zayd Umar DORDA
	// alias ABÚ ZAJD UMAR DÚRDA
	// passport FK117RK0 LY
	// EU reference number: EU.3886.3; UN reference: LYi.006
}
