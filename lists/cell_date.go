package lists

import (
	"strconv"
	"time"
)

// This file reads the dates of spreadsheet cells (OFSI's ConList, DFAT's
// consolidated list): text that ParseDate reads, or the serial day number
// that a date cell holds when its number format is not applied.

// cellPartialDate parses a date cell: the spellings ParseDate reads, and an
// Excel serial day number (a date cell stored as a number).
func cellPartialDate(s string, date1904 bool) (PartialDate, bool) {
	if d, err := ParseDate(s); err == nil {
		return d, true
	}
	if t, ok := excelSerial(s, date1904); ok {
		return PartialDate{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}, true
	}
	return PartialDate{}, false
}

// cellDate parses a full date cell into a UTC midnight time.
func cellDate(s string, date1904 bool) (time.Time, bool) {
	d, ok := cellPartialDate(s, date1904)
	if !ok || d.Year == 0 || d.Month == 0 || d.Day == 0 {
		return time.Time{}, false
	}
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC), true
}

// excelSerial reads an Excel serial day number ("41988", "41988.5"), as
// spreadsheets store dates, in the 1900 date system or, for a workbook that
// says so, the 1904 one. Only days 1 to 2958465 (9999-12-31 in the 1900
// system) are accepted; the fraction (time of day) is dropped.
func excelSerial(s string, date1904 bool) (time.Time, bool) {
	if s == "" || len(s) > 24 || !(s[0] >= '0' && s[0] <= '9') {
		return time.Time{}, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < 1 || v >= 2958466 {
		return time.Time{}, false
	}
	days := int(v)
	if date1904 {
		return time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, days), true
	}
	if days < 60 {
		// Excel counts a 29 February 1900 that never was; days before it
		// are one day later than the 1899-12-30 epoch suggests.
		days++
	}
	return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, days), true
}
