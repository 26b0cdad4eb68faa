package lists

// Format names a file format this package parses.
type Format string

// The formats. A file set (OFAC legacy CSVs) is named by its main file.
const (
	FormatOFACSDNCSV  Format = "ofac-sdn-csv"       // sdn.csv + add.csv + alt.csv + sdn_comments.csv
	FormatOFACConsCSV Format = "ofac-cons-csv"      // cons_prim.csv + cons_add.csv + cons_alt.csv + cons_comments.csv
	FormatOFACXML     Format = "ofac-xml"           // sdnList XML: SDN.XML, consolidated.xml
	FormatUNXML       Format = "un-xml"             // UN SC consolidated.xml
	FormatEUFSFXML    Format = "eu-fsf-xml"         // EU FSF XML 1.1
	FormatUKHMTCSV    Format = "uk-hmt-csv"         // OFSI ConList.csv
	FormatUKHMTXLSX   Format = "uk-hmt-xlsx"        // OFSI ConList.xlsx
	FormatUKFCDOXML   Format = "uk-fcdo-xml"        // FCDO UK Sanctions List XML
	FormatCASEMAXML   Format = "ca-sema-xml"        // Canada sema-lmes.xml
	FormatAUDFATXLSX  Format = "au-dfat-xlsx"       // DFAT regulation8_consolidated.xlsx
	FormatUSCSLCSV    Format = "us-csl-csv"         // trade.gov consolidated.csv
	FormatFtMJSON     Format = "ftm-json"           // OpenSanctions entities.ftm.json
	FormatTargetsCSV  Format = "targets-simple-csv" // OpenSanctions targets.simple.csv
	FormatCustomCSV   Format = "custom-csv"         // Sieve's documented CSV for host lists
)
