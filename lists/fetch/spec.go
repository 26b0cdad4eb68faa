package fetch

import (
	"net/url"

	"github.com/sievekyc/sieve/lists"
)

// Spec is one list to keep up to date: the files that make it up and the
// source they must parse as.
type Spec struct {
	// Name names the list in reports and is the sub-directory of the data
	// directory holding its files, e.g. "ofac-sdn". Letters, digits, '-',
	// '_' and '.' only, not starting with '.'.
	Name string `json:"name"`
	// Source is the list the files must parse as.
	Source lists.Source `json:"source"`
	// Files are fetched, parsed and swapped in together: the four CSVs of an
	// OFAC set, or a single file for the other lists.
	Files []FileSpec `json:"files"`
}

// FileSpec is one file of a Spec.
type FileSpec struct {
	// URL is where the publisher serves the file (http or https).
	URL string `json:"url"`
	// Name is the local file name inside the spec's directory, e.g.
	// "sdn.csv". [lists.LoadDir] reads OFAC's "cons_" prefix in it.
	Name string `json:"name"`
}

// The publishers' URLs used by [DefaultSpecs] and [EUFSFSpec].
const (
	OFACDownloads      = "https://www.treasury.gov/ofac/downloads/"
	OFACConsDownloads  = "https://www.treasury.gov/ofac/downloads/consolidated/"
	UNSCURL            = "https://scsanctions.un.org/resources/xml/en/consolidated.xml"
	EUFSFURL           = "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content"
	UKHMTConListCSVURL = "https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv"
	CASEMAURL          = "https://www.international.gc.ca/world-monde/assets/office_docs/international_relations-relations_internationales/sanctions/sema-lmes.xml"
	AUDFATURL          = "https://www.dfat.gov.au/sites/default/files/regulation8_consolidated.xlsx"
	USCSLURL           = "https://data.trade.gov/downloaded_files/consolidated.csv"
)

// DefaultSpecs returns the official publications Sieve can fetch without
// credentials, one Spec per list:
//
//   - "ofac-sdn": US Treasury OFAC SDN list, the legacy CSV set sdn.csv,
//     add.csv, alt.csv and sdn_comments.csv from [OFACDownloads];
//   - "ofac-cons": OFAC consolidated non-SDN list, cons_prim.csv,
//     cons_add.csv, cons_alt.csv and cons_comments.csv from
//     [OFACConsDownloads];
//   - "un-sc": UN Security Council consolidated list, [UNSCURL];
//   - "uk-hmt": UK OFSI consolidated list (ConList), CSV, [UKHMTConListCSVURL];
//   - "ca-sema": Canada's consolidated autonomous sanctions list, [CASEMAURL];
//   - "au-dfat": Australia DFAT consolidated list, xlsx, [AUDFATURL];
//   - "us-csl": US Consolidated Screening List (trade.gov), CSV, [USCSLURL].
//
// The EU's financial sanctions file needs a token the European Commission
// issues to each subscriber: build its Spec with [EUFSFSpec] and append it.
// The slice is new on each call; change it freely.
func DefaultSpecs() []Spec {
	return []Spec{
		{Name: "ofac-sdn", Source: lists.SourceOFACSDN, Files: []FileSpec{
			{URL: OFACDownloads + "sdn.csv", Name: "sdn.csv"},
			{URL: OFACDownloads + "add.csv", Name: "add.csv"},
			{URL: OFACDownloads + "alt.csv", Name: "alt.csv"},
			{URL: OFACDownloads + "sdn_comments.csv", Name: "sdn_comments.csv"},
		}},
		{Name: "ofac-cons", Source: lists.SourceOFACCons, Files: []FileSpec{
			{URL: OFACConsDownloads + "cons_prim.csv", Name: "cons_prim.csv"},
			{URL: OFACConsDownloads + "cons_add.csv", Name: "cons_add.csv"},
			{URL: OFACConsDownloads + "cons_alt.csv", Name: "cons_alt.csv"},
			{URL: OFACConsDownloads + "cons_comments.csv", Name: "cons_comments.csv"},
		}},
		{Name: "un-sc", Source: lists.SourceUNSC, Files: []FileSpec{{URL: UNSCURL, Name: "consolidated.xml"}}},
		{Name: "uk-hmt", Source: lists.SourceUKHMT, Files: []FileSpec{{URL: UKHMTConListCSVURL, Name: "ConList.csv"}}},
		{Name: "ca-sema", Source: lists.SourceCASEMA, Files: []FileSpec{{URL: CASEMAURL, Name: "sema-lmes.xml"}}},
		{Name: "au-dfat", Source: lists.SourceAUDFAT, Files: []FileSpec{{URL: AUDFATURL, Name: "regulation8_consolidated.xlsx"}}},
		{Name: "us-csl", Source: lists.SourceUSCSL, Files: []FileSpec{{URL: USCSLURL, Name: "consolidated.csv"}}},
	}
}

// EUFSFSpec returns the Spec of the EU consolidated financial sanctions list
// (FSF XML 1.1, "eu-fsf"). The Commission serves it only with a token
// issued to each registered subscriber, which the host supplies (from its
// own configuration: this package reads no environment). The token is kept
// out of errors and logs.
func EUFSFSpec(token string) Spec {
	u := EUFSFURL + "?token=" + url.QueryEscape(token)
	return Spec{Name: "eu-fsf", Source: lists.SourceEUFSF, Files: []FileSpec{{URL: u, Name: "xmlFullSanctionsList_1_1.xml"}}}
}

// redactURL hides the values of query parameters that carry credentials.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparsable URL)"
	}
	u.User = nil
	q := u.Query()
	changed := false
	for k := range q {
		switch normalizeKey(k) {
		case "token", "key", "apikey", "api_key", "access_token", "sig", "signature":
			q[k] = []string{"REDACTED"}
			changed = true
		}
	}
	if changed {
		u.RawQuery = q.Encode()
	}
	return u.String()
}

func normalizeKey(k string) string {
	b := []byte(k)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
