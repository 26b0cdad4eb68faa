package lists

import "testing"

func TestExcelSerial(t *testing.T) {
	tests := []struct {
		in   string
		f    bool
		want string
		ok   bool
	}{
		{"41988", false, "2014-12-15", true},
		{"45607", false, "2024-11-11", true},
		{"18798.75", false, "1951-06-19", true},
		{"1", false, "1900-01-01", true},
		{"61", false, "1900-03-01", true},
		{"0", false, "", false},
		{"2958466", false, "", false},
		{"1e300", false, "", false},
		{"-5", false, "", false},
		{"abc", false, "", false},
		{"0", true, "", false},
		{"40526", true, "2014-12-15", true},
	}
	for _, tt := range tests {
		got, ok := excelSerial(tt.in, tt.f)
		if ok != tt.ok || (ok && got.Format("2006-01-02") != tt.want) {
			t.Errorf("excelSerial(%q, %v) = %v, %v; want %s, %v", tt.in, tt.f, got, ok, tt.want, tt.ok)
		}
	}
}

func TestCellDate(t *testing.T) {
	tests := []struct {
		in       string
		date1904 bool
		want     string // cellPartialDate
		full     bool   // cellDate accepts it
	}{
		{"14/04/2025", false, "2025-04-14", true},
		{"00/00/1994", false, "1994", false},
		{"04/2025", false, "2025-04", false},
		{"41988", false, "2014-12-15", true},
		{"40526", true, "2014-12-15", true},
		{"12 Apr. 2010", false, "2010-04-12", true},
		{"yesterday", false, "", false},
	}
	for _, tt := range tests {
		d, ok := cellPartialDate(tt.in, tt.date1904)
		if ok != (tt.want != "") || d.String() != tt.want {
			t.Errorf("cellPartialDate(%q, %v) = %v, %v; want %q", tt.in, tt.date1904, d, ok, tt.want)
		}
		ts, ok := cellDate(tt.in, tt.date1904)
		if ok != tt.full || (ok && ts.Format("2006-01-02") != tt.want) {
			t.Errorf("cellDate(%q, %v) = %v, %v; want %q, %v", tt.in, tt.date1904, ts, ok, tt.want, tt.full)
		}
	}
}
