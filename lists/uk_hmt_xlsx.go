package lists

import "io"

// ParseUKHMTXLSX reads OFSI's Consolidated List of Financial Sanctions
// Targets as published in ConList.xlsx: sheet "Data" (or, when there is no
// such sheet, the first one). Row 1 is "Last Updated | dd/mm/yyyy", giving
// List.Published; row 2 is the header; every later row is one name variant
// of a target. Columns are found by header name, whatever their order, case
// or surrounding spaces.
//
// Rows are grouped by Group ID, adjacent or not, into one [Entity] each,
// with ID "uk-hmt:<Group ID>", in the order the Group IDs first appear:
//
//   - Group Type Individual, Entity or Ship gives the entity type;
//   - Name 1..Name 5 (forenames) and Name 6 (surname, or the whole name of
//     an entity or ship) give the name, in that order; Alias Type "Primary
//     name" makes it the primary name, "Primary name variation" and "AKA"
//     an alias (a weak alias when Alias Quality is "Low quality"), "FKA" a
//     former name; a group without a primary row gets its first name
//     promoted; Name Non-Latin Script is kept as an alias in its script;
//   - Title and Position (both may be packed "(1) … (2) …") become Titles;
//   - DOB dd/mm/yyyy, with 00 for unknown parts, mm/yyyy or yyyy, becomes a
//     partial birth date; Town and Country of Birth become birth places;
//   - Nationality (possibly packed) becomes ISO 3166 alpha-2 codes;
//   - Passport and National Identification Number/Details (packed in
//     parallel) become identifiers, with the issuing country when the
//     details start with one;
//   - Address 1..6, Post/Zip Code and Country become an address (Address 6
//     read as the town);
//   - Other Information is kept in Remarks, and its "(UK Sanctions List
//     Ref):", "(UN Ref):" and "(IMO number):" values become identifiers and
//     "(Gender):" the gender;
//   - Regime becomes Programs, and the earliest Listed On becomes ListedOn.
//
// Values that repeat across a group's rows are kept once. The workbook is a
// zip container, so the whole input is read into memory before the sheet's
// rows are streamed with excelize's row iterator; inputs over 256 MiB, or
// that unpack to over 256 MiB, are refused with [ErrTooLarge]. Input that is
// not an xlsx workbook wraps [ErrSyntax]; other errors are as for
// [ParseUKHMTCSV], with the spreadsheet row as Line and the cell (such as
// "AJ7") as Element.
func ParseUKHMTXLSX(r io.Reader) (*List, error) {
	p := newUKHMTReader(FormatUKHMTXLSX, true)
	digest, err := readWorkbook(r, p.source, "Data", &p.date1904, p.row)
	if err != nil {
		return nil, err
	}
	return p.finish(FormatUKHMTXLSX, digest)
}
