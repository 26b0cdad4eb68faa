package rules

// FindingStatus is the verdict a finding carries.
type FindingStatus uint8

// The finding statuses. The zero value is invalid.
const (
	FindingPassed FindingStatus = iota + 1
	FindingWarning
	FindingFailed
)

var findingStatusNames = []string{"", "passed", "warning", "failed"}

// ParseFindingStatus parses "passed", "warning" or "failed".
func ParseFindingStatus(s string) (FindingStatus, error) {
	v, err := enumParse("finding status", findingStatusNames, s)
	return FindingStatus(v), err
}

// String returns "passed", "warning" or "failed".
func (s FindingStatus) String() string {
	return enumString("FindingStatus", findingStatusNames, uint8(s))
}

// MarshalText implements encoding.TextMarshaler; it rejects invalid values.
func (s FindingStatus) MarshalText() ([]byte, error) {
	return enumMarshal("finding status", findingStatusNames, uint8(s))
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown
// names.
func (s *FindingStatus) UnmarshalText(b []byte) error {
	v, err := ParseFindingStatus(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// FindingSpec is the finding a rule declares, emitted when it fires.
type FindingSpec struct {
	Category  string        `json:"category"`
	Status    FindingStatus `json:"status"`
	Details   string        `json:"details"`
	SortOrder int           `json:"sort_order"`
}

// RecommendationSpec is the optional recommendation a rule declares.
// Priority 1 is the most urgent.
type RecommendationSpec struct {
	Content  string `json:"content"`
	Priority int    `json:"priority"`
}

// Finding is the finding of a fired rule. ID is "af_" followed by the rule
// ID, so the same rule yields the same finding ID in every evaluation.
type Finding struct {
	ID        string        `json:"id"`
	Rule      string        `json:"rule"`
	Category  string        `json:"category"`
	Status    FindingStatus `json:"status"`
	Details   string        `json:"details"`
	SortOrder int           `json:"sort_order"`
}

// Recommendation is the recommendation of a fired rule. ID is "ar_"
// followed by the rule ID; lower Priority is more urgent.
type Recommendation struct {
	ID        string `json:"id"`
	Rule      string `json:"rule"`
	Content   string `json:"content"`
	Priority  int    `json:"priority"`
	SortOrder int    `json:"sort_order"`
}

// FindingIDPrefix and RecommendationIDPrefix start the IDs of findings and
// recommendations.
const (
	FindingIDPrefix        = "af_"
	RecommendationIDPrefix = "ar_"
)
