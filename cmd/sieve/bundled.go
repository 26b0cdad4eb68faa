package main

import (
	"bytes"
	"embed"
	"fmt"

	"github.com/sievekyc/sieve/lists"
)

// samples are the bundled sample lists (see samples/README.md).
//
//go:embed samples/sdn.csv samples/add.csv samples/alt.csv
var samples embed.FS

// bundledLists parses the bundled sample lists.
func bundledLists() ([]*lists.List, error) {
	read := func(name string) *bytes.Reader {
		b, err := samples.ReadFile("samples/" + name)
		if err != nil {
			return bytes.NewReader(nil)
		}
		return bytes.NewReader(b)
	}
	l, err := lists.ParseOFACSDNCSV(lists.OFACCSVSet{Main: read("sdn.csv"), Addresses: read("add.csv"), Aliases: read("alt.csv")})
	if err != nil {
		return nil, fmt.Errorf("bundled samples: %w", err)
	}
	return []*lists.List{l}, nil
}
