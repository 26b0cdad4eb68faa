package lists

import (
	"errors"
	"testing"
)

// parseDateTests are the spellings ParseDate reads, and some it must not.
var parseDateTests = []struct {
	in   string
	want PartialDate
	ok   bool
}{
	// ISO, full and partial.
	{"1948-12-10", PartialDate{1948, 12, 10}, true},
	{"1948-12", PartialDate{1948, 12, 0}, true},
	{"1948", PartialDate{1948, 0, 0}, true},
	{" 1948-12-10 ", PartialDate{1948, 12, 10}, true},
	{"1948-12-10T00:00:00", PartialDate{1948, 12, 10}, true},
	{"2026-02-27T00:00:09.554Z", PartialDate{2026, 2, 27}, true},
	// xs:date with a time zone.
	{"2015-04-07-04:00", PartialDate{2015, 4, 7}, true},
	{"2015-04-07Z", PartialDate{2015, 4, 7}, true},
	{"2015-04-07+02:00", PartialDate{2015, 4, 7}, true},
	{"2015-04-07+14:00", PartialDate{2015, 4, 7}, true},
	{"2015-04-07+0200", PartialDate{}, false},
	{"2015-04-07X", PartialDate{}, false},
	{"2015-04Z", PartialDate{}, false},
	// Month names.
	{"10 Dec 1948", PartialDate{1948, 12, 10}, true},
	{"Dec 1948", PartialDate{1948, 12, 0}, true},
	{"10 December 1948", PartialDate{1948, 12, 10}, true},
	{"10 SEPT 1948", PartialDate{1948, 9, 10}, true},
	// Month abbreviations with a dot.
	{"Nov. 1973", PartialDate{1973, 11, 0}, true},
	{"10 Nov. 1973", PartialDate{1973, 11, 10}, true},
	{"10 Nov. 1973.", PartialDate{1973, 11, 10}, true},
	{"Sep. 1958", PartialDate{1958, 9, 0}, true},
	{"Nov.1973", PartialDate{1973, 11, 0}, true},
	{"Nov. 73", PartialDate{}, false},
	{"Nov.", PartialDate{}, false},
	{"Novemb. 1973", PartialDate{}, false},
	// Day first.
	{"10/12/1948", PartialDate{1948, 12, 10}, true},
	{"00/00/1994", PartialDate{1994, 0, 0}, true},
	{"12/1948", PartialDate{1948, 12, 0}, true},
	{"10.12.1948", PartialDate{1948, 12, 10}, true},
	{"10-12-1948", PartialDate{1948, 12, 10}, true},
	// Day and month without a year, as String writes it.
	{"--12-10", PartialDate{0, 12, 10}, true},
	{"--12-00", PartialDate{}, false},
	{"--1-10", PartialDate{}, false},
	{"10/12/0000", PartialDate{0, 12, 10}, true},
	{"00/12/0000", PartialDate{}, false}, // a month alone is no date
	// Impossible and other text.
	{"1948-13-01", PartialDate{}, false},
	{"1948-02-30", PartialDate{}, false},
	{"32/01/1948", PartialDate{}, false},
	{"05/00/1948", PartialDate{}, false}, // a day without a month
	{"999", PartialDate{}, false},
	{"0000", PartialDate{}, false},
	{"", PartialDate{}, false},
	{".", PartialDate{}, false},
	{"circa 1970", PartialDate{}, false},
	{"born in the early 1970s", PartialDate{}, false},
	{"24/06/1402 (Hijri Calendar)", PartialDate{}, false},
}

func TestParseDate(t *testing.T) {
	for _, tt := range parseDateTests {
		got, err := ParseDate(tt.in)
		if tt.ok != (err == nil) || got != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v, ok %v", tt.in, got, err, tt.want, tt.ok)
			continue
		}
		if err != nil && !errors.Is(err, ErrInvalidValue) {
			t.Errorf("ParseDate(%q) error %v does not wrap ErrInvalidValue", tt.in, err)
		}
	}
}

// TestPartialDateTextRoundTrip checks that UnmarshalText reads what
// MarshalText writes, the year-less date included.
func TestPartialDateTextRoundTrip(t *testing.T) {
	for _, d := range []PartialDate{{1948, 12, 10}, {1948, 12, 0}, {1948, 0, 0}, {0, 12, 10}, {}} {
		b, err := d.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var got PartialDate
		if err := got.UnmarshalText(b); err != nil || got != d {
			t.Errorf("%v: UnmarshalText(%q) = %v, %v", d, b, got, err)
		}
	}
}

// FuzzParseDate checks that no input panics, that failures wrap
// ErrInvalidValue, and that every date read is possible and round-trips
// through String.
func FuzzParseDate(f *testing.F) {
	for _, tt := range parseDateTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !errors.Is(err, ErrInvalidValue) || d != (PartialDate{}) {
				t.Fatalf("ParseDate(%q) = %v, %v", s, d, err)
			}
			return
		}
		if !d.valid() {
			t.Fatalf("ParseDate(%q) = %v, an impossible date", s, d)
		}
		again, err := ParseDate(d.String())
		if err != nil || again != d {
			t.Fatalf("ParseDate(%q) = %v, but ParseDate(%q) = %v, %v", s, d, d.String(), again, err)
		}
	})
}
