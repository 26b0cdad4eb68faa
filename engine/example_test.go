package engine_test

import (
	"context"
	"fmt"

	"github.com/sievekyc/sieve/engine"
	"github.com/sievekyc/sieve/lists"
)

func ExampleEngine_Screen() {
	e, err := engine.New(engine.Options{})
	if err != nil {
		panic(err)
	}
	sdn := &lists.List{Source: lists.SourceOFACSDN, SHA256: "d768d28ee9e3ac7b"}
	putin := lists.Entity{ID: "ofac-sdn:35096", Source: lists.SourceOFACSDN, Type: lists.TypePerson,
		BirthDates: []lists.Birthdate{{Date: lists.PartialDate{Year: 1952, Month: 10, Day: 7}}}}
	putin.AddName("Vladimir Vladimirovich PUTIN", lists.NamePrimary)
	sdn.Entities = append(sdn.Entities, putin)
	if err := e.Reload(context.Background(), sdn); err != nil {
		panic(err)
	}

	res, err := e.Screen(context.Background(), engine.Query{
		Name:      "Путин Владимир",
		BirthDate: lists.PartialDate{Year: 1952},
	})
	if err != nil {
		panic(err)
	}
	for _, l := range res.Lists {
		for _, m := range l.Matches {
			fmt.Printf("%s %s matched %q at %.2f\n", l.Source, m.EntityID, m.Name, m.Score)
		}
	}
	// Output:
	// OFAC-SDN ofac-sdn:35096 matched "Vladimir Vladimirovich PUTIN" at 0.96
}

func ExampleEngine_Compare() {
	e, _ := engine.New(engine.Options{})
	c := e.Compare("Mohamed Abdulrahman", "Muhammad Abdul Rahman")
	fmt.Printf("%.2f\n", c.Score)
	for _, t := range c.Factors[0].Tokens {
		fmt.Printf("%s ~ %s: %s\n", t.Query, t.Listed, t.How)
	}
	// Output:
	// 0.96
	// mohamed ~ muhammad: variant
	// abdulrahman ~ abdul rahman: joined
}
