package fetch_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"

	"github.com/sievekyc/sieve/lists"
	"github.com/sievekyc/sieve/lists/fetch"
)

// ExampleFetcher_Update keeps a data directory up to date from a publisher
// (here a local test server standing in for the UN): the first update
// downloads and parses the list, the second finds it unchanged.
func ExampleFetcher_Update() {
	body, err := os.ReadFile("../../testdata/lists/dir/un/consolidated.xml")
	if err != nil {
		fmt.Println(err)
		return
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Write(body)
	}))
	defer srv.Close()

	dir, err := os.MkdirTemp("", "sieve-data-")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)

	f, err := fetch.New(fetch.Options{
		Dir: dir,
		Sources: []fetch.Spec{{
			Name:   "un-sc",
			Source: lists.SourceUNSC,
			Files:  []fetch.FileSpec{{URL: srv.URL + "/consolidated.xml", Name: "consolidated.xml"}},
		}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for range 2 {
		rep, err := f.Update(context.Background())
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, r := range rep.Results {
			fmt.Println(r.Name, r.Status, r.Entities, r.Published.Format("2006-01-02"))
		}
	}
	// Output:
	// un-sc updated 2 2026-02-27
	// un-sc unchanged 2 2026-02-27
}
