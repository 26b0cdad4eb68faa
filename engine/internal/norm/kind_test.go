package norm

import (
	"errors"
	"testing"
)

func TestKindText(t *testing.T) {
	for k := KindWord; k <= KindNumber; k++ {
		b, err := k.MarshalText()
		if err != nil {
			t.Fatalf("%d: %v", k, err)
		}
		if string(b) != k.String() {
			t.Errorf("MarshalText(%d) = %q, String = %q", k, b, k.String())
		}
		var back Kind
		if err := back.UnmarshalText(b); err != nil || back != k {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", b, back, err, k)
		}
	}
	if _, err := Kind(99).MarshalText(); !errors.Is(err, ErrUnknownKind) {
		t.Errorf("MarshalText(99) error = %v, want ErrUnknownKind", err)
	}
	var k Kind
	if err := k.UnmarshalText([]byte("noun")); !errors.Is(err, ErrUnknownKind) {
		t.Errorf("UnmarshalText(noun) error = %v, want ErrUnknownKind", err)
	}
	if got := Kind(99).String(); got != "Kind(99)" {
		t.Errorf("String(99) = %q", got)
	}
}
