package lists

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestEntityAddNameFold checks that AddName finds the duplicates
// strings.EqualFold finds, whether the entity is small (scan) or large
// (index).
func TestEntityAddNameFold(t *testing.T) {
	tests := []struct {
		have, add string
		dup       bool
	}{
		{"Vladimir PUTIN", "vladimir putin", true},
		{"Vladimir PUTIN", "  Vladimir   Putin ", true},
		{"Kelvin", "\u212Aelvin", true}, // KELVIN SIGN folds to K
		{"Straße", "STRASSE", false},    // EqualFold is simple folding: ß is not ss
		{"ſam", "SAM", true},            // LATIN SMALL LETTER LONG S folds to S
		{"Путин", "ПУТИН", true},
		{"Ελλάδα", "ΕΛΛΆΔΑ", true},
		{"Σίσυφος", "ΣΊΣΥΦΟΣ", true}, // final sigma ς folds with Σ and σ
		{"BANK", "BANKS", false},
		{"A\xffB", "a\uFFFDb", true}, // a byte that is not UTF-8 reads as U+FFFD
	}
	for _, size := range []int{1, nameIndexMin + 5} {
		for _, tt := range tests {
			t.Run(fmt.Sprintf("%d/%s", size, tt.add), func(t *testing.T) {
				var e Entity
				for i := 1; i < size; i++ {
					e.AddName(fmt.Sprintf("filler %d", i), NameAlias)
				}
				if !e.AddName(tt.have, NamePrimary) {
					t.Fatalf("AddName(%q) on a fresh name = false", tt.have)
				}
				if got := e.AddName(tt.add, NameAlias); got == tt.dup {
					t.Errorf("AddName(%q) after %q = %v, want %v", tt.add, tt.have, got, !tt.dup)
				}
				if got, want := strings.EqualFold(CleanText(tt.have), CleanText(tt.add)), tt.dup; got != want {
					t.Errorf("the table disagrees with strings.EqualFold for %q, %q", tt.have, tt.add)
				}
			})
		}
	}
}

// TestEntityAddNameOutsideEdits checks that the index follows Names when
// other code copies the entity, replaces its names or cuts them.
func TestEntityAddNameOutsideEdits(t *testing.T) {
	var a Entity
	for i := 0; i < 2*nameIndexMin; i++ {
		a.AddName(fmt.Sprintf("name %d", i), NameAlias)
	}
	b := a // a copy shares Names and the index
	if !b.AddName("only in b", NameAlias) {
		t.Fatal("b: new name refused")
	}
	if !a.AddName("only in b", NameAlias) {
		t.Error("a: a name added to a copy is seen as a's")
	}
	if b.AddName("ONLY IN B", NameAlias) {
		t.Error("b: duplicate accepted")
	}

	a.Names = a.Names[:nameIndexMin+1] // cut: "name 40" is gone
	if !a.AddName("name 40", NameAlias) {
		t.Error("a: a name cut from Names is still seen")
	}
	a.Names = []Name{{Full: "fresh"}} // replaced
	for i := 0; i < nameIndexMin; i++ {
		a.AddName(fmt.Sprintf("other %d", i), NameAlias)
	}
	if !a.AddName("name 1", NameAlias) || a.AddName("Fresh", NameAlias) {
		t.Error("a: the index describes the old names")
	}
	if n := len(a.Names); n != nameIndexMin+2 {
		t.Errorf("%d names, want %d", n, nameIndexMin+2)
	}
}

// manyAliasesCSV is a CUSTOM CSV file with one entity of n aliases, every
// tenth of which repeats an earlier one in another case.
func manyAliasesCSV(n int) string {
	var b strings.Builder
	b.WriteString("id,type,name,aliases\nbig-1,organization,Example Holding,")
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(';')
		}
		if i%10 == 9 {
			fmt.Fprintf(&b, "EXAMPLE ALIAS %d", i-1)
		} else {
			fmt.Fprintf(&b, "Example alias %d", i)
		}
	}
	b.WriteByte('\n')
	return b.String()
}

// TestParseManyAliases is the regression test for AddName's quadratic
// cost: one entity with 20,000 aliases parses in well under a second (it
// took seconds when AddName scanned every name).
func TestParseManyAliases(t *testing.T) {
	const n = 20000
	in := manyAliasesCSV(n)
	start := time.Now()
	l, err := ParseCustomCSV(strings.NewReader(in))
	took := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(l.Entities[0].Names), 1+n-n/10; got != want {
		t.Errorf("%d names, want %d (the primary and the aliases without repeats)", got, want)
	}
	if took > time.Second {
		t.Errorf("20,000 aliases took %v, want well under a second", took)
	}
}

func BenchmarkEntityAddName20000(b *testing.B) {
	names := make([]string, 20000)
	for i := range names {
		names[i] = fmt.Sprintf("Example alias %d", i)
	}
	b.ReportAllocs()
	for b.Loop() {
		var e Entity
		for _, n := range names {
			e.AddName(n, NameAlias)
		}
	}
}
