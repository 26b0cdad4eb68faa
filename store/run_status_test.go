package store

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestRunStatusText(t *testing.T) {
	tests := []struct {
		status   RunStatus
		name     string
		wire     string
		active   bool
		terminal bool
	}{
		{StatusQueued, "queued", "pending", true, false},
		{StatusRunning, "running", "running", true, false},
		{StatusInReview, "em_analise", "em_analise", false, false},
		{StatusCompleted, "completed", "completed", false, true},
		{StatusFailed, "failed", "failed", false, true},
		{StatusPartial, "partial", "partial", false, true},
		{StatusCancelled, "cancelado", "cancelado", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.status.String(); got != tt.name {
				t.Errorf("String() = %q, want %q", got, tt.name)
			}
			if got := tt.status.WireName(); got != tt.wire {
				t.Errorf("WireName() = %q, want %q", got, tt.wire)
			}
			if got := tt.status.Active(); got != tt.active {
				t.Errorf("Active() = %v, want %v", got, tt.active)
			}
			if got := tt.status.Terminal(); got != tt.terminal {
				t.Errorf("Terminal() = %v, want %v", got, tt.terminal)
			}
			b, err := json.Marshal(tt.status)
			if err != nil {
				t.Fatalf("Marshal: %v", err)
			}
			if want := `"` + tt.name + `"`; string(b) != want {
				t.Errorf("Marshal = %s, want %s", b, want)
			}
			var back RunStatus
			if err := json.Unmarshal(b, &back); err != nil || back != tt.status {
				t.Errorf("Unmarshal(%s) = %v, %v; want %v", b, back, err, tt.status)
			}
			if got, err := ParseWireStatus(tt.wire); err != nil || got != tt.status {
				t.Errorf("ParseWireStatus(%q) = %v, %v; want %v", tt.wire, got, err, tt.status)
			}
			if got, err := ParseWireStatus(tt.name); err != nil || got != tt.status {
				t.Errorf("ParseWireStatus(%q) = %v, %v; want %v", tt.name, got, err, tt.status)
			}
		})
	}
}

func TestRunStatusRejectsUnknown(t *testing.T) {
	for _, s := range []string{"", "pending", "Queued", "done", "em análise", "cancelled"} {
		if _, err := ParseRunStatus(s); !errors.Is(err, ErrInvalidValue) {
			t.Errorf("ParseRunStatus(%q) error = %v, want ErrInvalidValue", s, err)
		}
		var st RunStatus
		if err := st.UnmarshalText([]byte(s)); !errors.Is(err, ErrInvalidValue) {
			t.Errorf("UnmarshalText(%q) error = %v, want ErrInvalidValue", s, err)
		}
	}
	for _, s := range []RunStatus{0, 8, 255} {
		if _, err := s.MarshalText(); !errors.Is(err, ErrInvalidValue) {
			t.Errorf("RunStatus(%d).MarshalText() error = %v, want ErrInvalidValue", s, err)
		}
		if s.Active() || s.Terminal() {
			t.Errorf("RunStatus(%d) is active or terminal", s)
		}
	}
	if got := RunStatus(0).String(); got != "RunStatus(0)" {
		t.Errorf("RunStatus(0).String() = %q", got)
	}
	if _, err := json.Marshal(struct{ S RunStatus }{}); err == nil {
		t.Error("marshalling a zero status succeeded")
	}
}

func TestRunStatusTransitions(t *testing.T) {
	all := []RunStatus{StatusQueued, StatusRunning, StatusInReview, StatusCompleted, StatusFailed, StatusPartial, StatusCancelled}
	allowed := map[RunStatus][]RunStatus{
		StatusQueued:   {StatusQueued, StatusRunning, StatusFailed, StatusCancelled},
		StatusRunning:  all,
		StatusInReview: {StatusInReview, StatusCompleted, StatusCancelled},
	}
	for _, from := range all {
		for _, to := range append(all, 0, 99) {
			want := false
			for _, ok := range allowed[from] {
				want = want || ok == to
			}
			if got := from.CanTransitionTo(to); got != want {
				t.Errorf("%v.CanTransitionTo(%v) = %v, want %v", from, to, got, want)
			}
		}
		if from.Terminal() && len(allowed[from]) != 0 {
			t.Errorf("terminal %v has transitions", from)
		}
	}
}
