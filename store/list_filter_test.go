package store

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestListFilterValidate(t *testing.T) {
	tests := []struct {
		name  string
		f     ListFilter
		valid bool
	}{
		{"zero", ListFilter{}, true},
		{"limit 1", ListFilter{Limit: 1}, true},
		{"limit max", ListFilter{Limit: MaxListLimit}, true},
		{"every field", ListFilter{Status: StatusInReview, TemplateID: "t", ExternalID: "e", CreatedAfter: testTime, CreatedBefore: testTime, Limit: 5}, true},
		{"limit negative", ListFilter{Limit: -1}, false},
		{"limit over max", ListFilter{Limit: MaxListLimit + 1}, false},
		{"invalid status", ListFilter{Status: 42}, false},
		{"after later than before", ListFilter{CreatedAfter: testTime, CreatedBefore: testTime.Add(-1)}, false},
		{"before out of range", ListFilter{CreatedBefore: time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)}, false},
		{"template too long", ListFilter{TemplateID: strings.Repeat("t", MaxIDLen+1)}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.f.Validate()
			if tt.valid != (err == nil) || (err != nil && !errors.Is(err, ErrInvalidFilter)) {
				t.Errorf("Validate() = %v, want valid=%v", err, tt.valid)
			}
		})
	}
}

func TestListFilterPageSize(t *testing.T) {
	for limit, want := range map[int]int{0: DefaultListLimit, 1: 1, 100: 100} {
		if got := (ListFilter{Limit: limit}).PageSize(); got != want {
			t.Errorf("PageSize() with Limit %d = %d, want %d", limit, got, want)
		}
	}
}

func TestListFilterMatch(t *testing.T) {
	r := Run{Status: StatusCompleted, TemplateID: "kyc-pf", ExternalID: "o-1", CreatedAt: testTime}
	tests := []struct {
		name string
		f    ListFilter
		want bool
	}{
		{"zero", ListFilter{}, true},
		{"status", ListFilter{Status: StatusCompleted}, true},
		{"other status", ListFilter{Status: StatusQueued}, false},
		{"template", ListFilter{TemplateID: "kyc-pf"}, true},
		{"other template", ListFilter{TemplateID: "kyc-pj"}, false},
		{"external id", ListFilter{ExternalID: "o-1"}, true},
		{"other external id", ListFilter{ExternalID: "o-2"}, false},
		{"after, inclusive", ListFilter{CreatedAfter: testTime}, true},
		{"after, later", ListFilter{CreatedAfter: testTime.Add(1)}, false},
		{"before, inclusive", ListFilter{CreatedBefore: testTime}, true},
		{"before, earlier", ListFilter{CreatedBefore: testTime.Add(-1)}, false},
		{"everything", ListFilter{Status: StatusCompleted, TemplateID: "kyc-pf", ExternalID: "o-1", CreatedAfter: testTime, CreatedBefore: testTime}, true},
	}
	for _, tt := range tests {
		if got := tt.f.Match(r); got != tt.want {
			t.Errorf("%s: Match() = %v, want %v", tt.name, got, tt.want)
		}
	}
}
