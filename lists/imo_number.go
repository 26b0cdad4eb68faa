package lists

import "regexp"

// imoPrefix matches the "IMO" that publishers write before an IMO ship
// number ("IMO 9187629", "IMO:9187629", "imo9187629").
var imoPrefix = regexp.MustCompile(`(?i)^imo\s*:?\s*`)

// trimIMOPrefix cleans an IMO number and drops the "IMO" in front of it, so
// that "IMO 9187629" is "9187629". A value that is only "IMO" gives "".
func trimIMOPrefix(s string) string {
	return imoPrefix.ReplaceAllString(CleanText(s), "")
}
