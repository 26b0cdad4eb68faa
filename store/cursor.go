package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"time"
)

// Cursor is a position in a tenant's run listing: the creation time and ID
// of the last run of a page. Runs are listed newest first, ties broken by
// ID, highest first; the next page starts strictly after the cursor. A
// position does not move when runs are inserted, so paging is stable while
// runs are being created: new runs are newer than any cursor and never
// shift or repeat entries on later pages.
//
// On the wire a cursor is opaque (EncodeCursor). Implementations of
// RunStore use this type to encode and decode it.
type Cursor struct {
	// CreatedAt and ID are those of the last run listed; the zero Cursor
	// starts from the newest run.
	CreatedAt time.Time
	ID        string
}

// cursorVersion is the first byte of every encoded cursor.
const cursorVersion = 1

// maxCursorLen bounds an encoded cursor, in bytes.
const maxCursorLen = 512

// cursorCheckLen is the length of the check value closing a cursor.
const cursorCheckLen = 8

// EncodeCursor returns the opaque cursor that continues tenant's listing
// under filter f after run last: base64url of a version byte, the creation
// time in Unix nanoseconds, the ID, and a check value binding all of it to
// the tenant and the filter (Cursor and Limit aside). The check detects
// edited, truncated or misapplied cursors; it is not a secret, and a cursor
// grants nothing: listings are always scoped to the tenant asking.
func EncodeCursor(tenant string, f ListFilter, last Run) string {
	payload := make([]byte, 0, 1+8+len(last.ID)+cursorCheckLen)
	payload = append(payload, cursorVersion)
	payload = binary.BigEndian.AppendUint64(payload, uint64(last.CreatedAt.UnixNano()))
	payload = append(payload, last.ID...)
	payload = append(payload, cursorCheck(tenant, f, payload)...)
	return base64.RawURLEncoding.EncodeToString(payload)
}

// DecodeCursor decodes f.Cursor for tenant's listing under f. An empty
// f.Cursor decodes to the zero Cursor (start from the newest run). A cursor
// that is malformed, edited, or was issued for another tenant or another
// filter fails with ErrInvalidCursor.
func DecodeCursor(tenant string, f ListFilter) (Cursor, error) {
	if f.Cursor == "" {
		return Cursor{}, nil
	}
	invalid := func(reason string) (Cursor, error) {
		return Cursor{}, fmt.Errorf("store: %w: %s", ErrInvalidCursor, reason)
	}
	if len(f.Cursor) > maxCursorLen {
		return invalid("too long")
	}
	// The decoder skips CR and LF; a cursor has exactly one spelling.
	for i := 0; i < len(f.Cursor); i++ {
		if !isBase64URL(f.Cursor[i]) {
			return invalid("not base64url")
		}
	}
	raw, err := base64.RawURLEncoding.Strict().DecodeString(f.Cursor)
	if err != nil {
		return invalid("not base64url")
	}
	if len(raw) < 1+8+1+cursorCheckLen {
		return invalid("too short")
	}
	if raw[0] != cursorVersion {
		return invalid("unknown version")
	}
	payload, check := raw[:len(raw)-cursorCheckLen], raw[len(raw)-cursorCheckLen:]
	if !bytes.Equal(check, cursorCheck(tenant, f, payload)) {
		return invalid("not issued for this listing")
	}
	id := string(payload[9:])
	if !validKey(id, MaxIDLen) {
		return invalid("bad run ID")
	}
	nanos := int64(binary.BigEndian.Uint64(payload[1:9]))
	return Cursor{CreatedAt: time.Unix(0, nanos).UTC(), ID: id}, nil
}

// After reports whether r comes after the cursor in listing order (older,
// or as old with a lower ID), that is, whether r belongs on the page the
// cursor continues. The zero Cursor comes before every run.
func (c Cursor) After(r Run) bool {
	if c.ID == "" {
		return true
	}
	if !r.CreatedAt.Equal(c.CreatedAt) {
		return r.CreatedAt.Before(c.CreatedAt)
	}
	return r.ID < c.ID
}

// cursorCheck binds a cursor payload to its tenant and filter.
func cursorCheck(tenant string, f ListFilter, payload []byte) []byte {
	h := sha256.New()
	field := func(b []byte) {
		var n [4]byte
		binary.BigEndian.PutUint32(n[:], uint32(len(b)))
		h.Write(n[:])
		h.Write(b)
	}
	timeField := func(t time.Time) {
		if t.IsZero() {
			field(nil)
			return
		}
		field(binary.BigEndian.AppendUint64(nil, uint64(t.UnixNano())))
	}
	field([]byte("sieve run listing cursor"))
	field([]byte(tenant))
	field([]byte{byte(f.Status)})
	field([]byte(f.TemplateID))
	field([]byte(f.ExternalID))
	timeField(f.CreatedAfter)
	timeField(f.CreatedBefore)
	field(payload)
	return h.Sum(nil)[:cursorCheckLen]
}

// isBase64URL reports whether c is in the base64url alphabet.
func isBase64URL(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_'
}
