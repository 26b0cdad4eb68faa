package store

import (
	"encoding/base64"
	"errors"
	"testing"
	"time"
)

func TestCursorRoundTrip(t *testing.T) {
	f := ListFilter{Status: StatusCompleted, TemplateID: "kyc-pf", CreatedAfter: testTime.Add(-time.Hour)}
	for _, last := range []Run{
		{ID: "run-1", CreatedAt: testTime},
		{ID: "é/ü", CreatedAt: time.Date(1900, 1, 2, 3, 4, 5, 6, time.UTC)},
		{ID: "x", CreatedAt: time.Unix(0, 1).UTC()},
	} {
		f.Cursor = EncodeCursor("acme", f, last)
		got, err := DecodeCursor("acme", f)
		if err != nil {
			t.Fatalf("DecodeCursor(%q) = %v", f.Cursor, err)
		}
		if got.ID != last.ID || !got.CreatedAt.Equal(last.CreatedAt) || got.CreatedAt.Location() != time.UTC {
			t.Errorf("DecodeCursor = %+v, want %s at %v", got, last.ID, last.CreatedAt)
		}
		// A different limit continues the same listing.
		f2 := f
		f2.Limit = 7
		if _, err := DecodeCursor("acme", f2); err != nil {
			t.Errorf("DecodeCursor with another limit = %v", err)
		}
	}
	if c, err := DecodeCursor("acme", ListFilter{}); err != nil || c != (Cursor{}) {
		t.Errorf("empty cursor = %+v, %v", c, err)
	}
}

func TestCursorRejectsTampering(t *testing.T) {
	f := ListFilter{TemplateID: "kyc-pf"}
	good := EncodeCursor("acme", f, Run{ID: "run-9", CreatedAt: testTime})
	raw, _ := base64.RawURLEncoding.DecodeString(good)
	flip := func(i int) string {
		b := append([]byte(nil), raw...)
		b[i] ^= 1
		return base64.RawURLEncoding.EncodeToString(b)
	}
	tests := []struct {
		name   string
		tenant string
		filter ListFilter
		cursor string
	}{
		{"garbage", "acme", f, "not a cursor!"},
		{"padded base64", "acme", f, good + "=="},
		{"standard base64 alphabet", "acme", f, base64.StdEncoding.EncodeToString(raw)},
		{"truncated", "acme", f, good[:len(good)-3]},
		{"too short", "acme", f, base64.RawURLEncoding.EncodeToString(raw[:10])},
		{"version edited", "acme", f, flip(0)},
		{"time edited", "acme", f, flip(4)},
		{"id edited", "acme", f, flip(10)},
		{"check edited", "acme", f, flip(len(raw) - 1)},
		{"other tenant", "globex", f, good},
		{"other filter", "acme", ListFilter{TemplateID: "kyc-pj"}, good},
		{"filter dropped", "acme", ListFilter{}, good},
		{"too long", "acme", f, string(make([]byte, maxCursorLen+1))},
		// Regression (found by FuzzDecodeCursor): the base64 decoder skips
		// line breaks, so one cursor had many spellings.
		{"line break inside", "acme", f, good[:1] + "\n" + good[1:]},
		{"carriage return at the end", "acme", f, good + "\r"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.filter.Cursor = tt.cursor
			if _, err := DecodeCursor(tt.tenant, tt.filter); !errors.Is(err, ErrInvalidCursor) {
				t.Errorf("DecodeCursor() error = %v, want ErrInvalidCursor", err)
			}
		})
	}
}

func TestCursorAfter(t *testing.T) {
	c := Cursor{CreatedAt: testTime, ID: "m"}
	tests := []struct {
		r    Run
		want bool
	}{
		{Run{ID: "z", CreatedAt: testTime.Add(-1)}, true},
		{Run{ID: "a", CreatedAt: testTime.Add(1)}, false},
		{Run{ID: "l", CreatedAt: testTime}, true},
		{Run{ID: "m", CreatedAt: testTime}, false},
		{Run{ID: "n", CreatedAt: testTime}, false},
	}
	for _, tt := range tests {
		if got := c.After(tt.r); got != tt.want {
			t.Errorf("After(%s at %v) = %v, want %v", tt.r.ID, tt.r.CreatedAt, got, tt.want)
		}
	}
	if !(Cursor{}).After(Run{ID: "a", CreatedAt: testTime}) {
		t.Error("the zero cursor is not before every run")
	}
}

// FuzzDecodeCursor feeds arbitrary cursors to DecodeCursor: it must never
// panic, and whatever it accepts must re-encode to the same cursor.
func FuzzDecodeCursor(f *testing.F) {
	filter := ListFilter{Status: StatusQueued}
	f.Add(EncodeCursor("acme", filter, Run{ID: "run-1", CreatedAt: testTime}))
	f.Add(EncodeCursor("acme", filter, Run{ID: "日本", CreatedAt: time.Unix(0, -5)}))
	f.Add("")
	f.Add("AQ")
	f.Fuzz(func(t *testing.T, s string) {
		filter.Cursor = s
		c, err := DecodeCursor("acme", filter)
		if err != nil {
			if !errors.Is(err, ErrInvalidCursor) {
				t.Fatalf("error %v does not wrap ErrInvalidCursor", err)
			}
			return
		}
		if s == "" {
			return
		}
		if again := EncodeCursor("acme", filter, Run{ID: c.ID, CreatedAt: c.CreatedAt}); again != s {
			t.Fatalf("re-encoded %q as %q", s, again)
		}
	})
}
