// Package lists is Sieve's entity model and the parsers for every official
// sanction-list format it reads.
//
// Every entity, whatever its publisher, becomes one normalized [Entity]: a
// stable ID prefixed by source (for example "ofac-sdn:36"), its type, all of its
// names with their kind and script, partial dates of birth, countries as ISO
// 3166 alpha-2 codes, addresses, identifiers, programs and remarks. A parsed
// file becomes a [List], which also records the list's publication date, the
// SHA-256 of the bytes read, and what the parser tolerated in dirty input.
//
// # Formats
//
// There is one parse function per format. Each reads an [io.Reader] (OFAC's
// legacy CSVs: the four readers of an [OFACCSVSet]) as a stream; none
// downloads, and none looks at file names.
//
//	Function           Format               Files
//	ParseOFACSDNCSV    FormatOFACSDNCSV     OFAC SDN legacy CSV: sdn.csv, add.csv, alt.csv, sdn_comments.csv
//	ParseOFACConsCSV   FormatOFACConsCSV    OFAC non-SDN legacy CSV: cons_prim.csv, cons_add.csv, cons_alt.csv, cons_comments.csv
//	ParseOFACXML       FormatOFACXML        OFAC sdnList XML: SDN.XML, consolidated.xml
//	ParseUNXML         FormatUNXML          UN Security Council consolidated.xml
//	ParseEUFSFXML      FormatEUFSFXML       EU financial sanctions file, FSF XML 1.1
//	ParseUKHMTCSV      FormatUKHMTCSV       UK HM Treasury (OFSI) ConList.csv
//	ParseUKHMTXLSX     FormatUKHMTXLSX      UK HM Treasury (OFSI) ConList.xlsx
//	ParseUKFCDOXML     FormatUKFCDOXML      UK FCDO UK Sanctions List XML
//	ParseCASEMAXML     FormatCASEMAXML      Canada's consolidated autonomous list, sema-lmes.xml
//	ParseAUDFATXLSX    FormatAUDFATXLSX     Australia DFAT regulation8_consolidated.xlsx
//	ParseUSCSLCSV      FormatUSCSLCSV       US Consolidated Screening List (trade.gov) consolidated.csv
//	ParseFtMJSON       FormatFtMJSON        OpenSanctions FollowTheMoney entities.ftm.json
//	ParseTargetsCSV    FormatTargetsCSV     OpenSanctions targets.simple.csv
//	ParseCustomCSV     FormatCustomCSV      Sieve's CUSTOM CSV for a host's own lists
//
// [Detect] recognizes a format from the first bytes of a file ([DetectFile]
// from a path; [DetectOFACCSVRole] and [DetectOFACSource] tell the files of
// an OFAC set apart), [ParseFileSet] parses files on disk with the parser of
// their format, and [LoadDir] loads every list below a directory into a
// [Catalog]. [Merge] and [MergeBySource] combine lists of one source.
// Downloading is the job of the fetcher.
//
// The model's own values have parsers too: [ParseDate] reads the date
// spellings of the lists into a [PartialDate], [ParseEntityType] and
// [ParseSource] read type and source codes, [NormalizeCountry] maps country
// names to ISO 3166 alpha-2, and [DetectScript] names the script of a name.
//
// # Errors
//
// Malformed input is reported as a [*ParseError] naming the source, the line
// or element and the field, which unwraps to one of the sentinels in
// errors.go ([ErrSyntax], [ErrMissingField], [ErrInvalidValue], ...), so a host
// can test it with [errors.Is] and [errors.As]. Parsers never panic; every
// parser has a fuzz target.
//
// # Concurrency
//
// Parse functions share no state and may run concurrently. A [List] and its
// entities are plain values: treat them as read-only once parsed.
package lists
