package lists

import "strings"

// parseGender maps a publisher's gender ("Male", "FEMALE", "M", "f") to
// Entity.Gender's "male" or "female"; anything else is "".
func parseGender(v string) string {
	switch strings.ToLower(CleanText(v)) {
	case "male", "m":
		return "male"
	case "female", "f":
		return "female"
	}
	return ""
}
