package lists

import "testing"

func TestOFACPersonName(t *testing.T) {
	tests := []struct {
		raw  string
		want Name
	}{
		{"PUTIN, Vladimir Vladimirovich", Name{Full: "Vladimir Vladimirovich PUTIN", Given: "Vladimir Vladimirovich", Family: "PUTIN"}},
		{"AL ZAWAHIRI, Dr. Ayman", Name{Full: "Dr. Ayman AL ZAWAHIRI", Given: "Dr. Ayman", Family: "AL ZAWAHIRI"}},
		{"  KIM,   Jong  Un ", Name{Full: "Jong Un KIM", Given: "Jong Un", Family: "KIM"}},
		{"DELOS REYES, Feliciano Semborio, Jr.", Name{Full: "Feliciano Semborio DELOS REYES Jr.", Given: "Feliciano Semborio", Family: "DELOS REYES"}},
		{"MNANGAGWA, JR., Emmerson Dambudzo", Name{Full: "Emmerson Dambudzo MNANGAGWA JR.", Given: "Emmerson Dambudzo", Family: "MNANGAGWA"}},
		{"ABU HAFS", Name{Full: "ABU HAFS"}},
		{"SMITH,", Name{Full: "SMITH,"}},
		{", John", Name{Full: ", John"}},
		{"", Name{}},
	}
	for _, tt := range tests {
		if got := ofacPersonName(tt.raw); got != tt.want {
			t.Errorf("ofacPersonName(%q) = %+v, want %+v", tt.raw, got, tt.want)
		}
	}
}

func TestAddOFACName(t *testing.T) {
	person := &Entity{Type: TypePerson}
	if !addOFACName(person, "USS, Alexander Viktorovich", NamePrimary) {
		t.Fatal("first name not added")
	}
	if addOFACName(person, "USS, Alexander  Viktorovich", NameAlias) {
		t.Error("the same name again was added")
	}
	if !addOFACName(person, "Sasha", NameAlias) {
		t.Error("a name without a comma was not added")
	}
	want := []Name{
		{Full: "Alexander Viktorovich USS", Given: "Alexander Viktorovich", Family: "USS", Kind: NamePrimary, Script: "Latn"},
		{Full: "Sasha", Kind: NameAlias, Script: "Latn"},
	}
	if len(person.Names) != 2 || person.Names[0] != want[0] || person.Names[1] != want[1] {
		t.Errorf("names = %+v", person.Names)
	}
	org := &Entity{Type: TypeOrganization}
	addOFACName(org, "CECOEX, S.A.", NamePrimary)
	if org.Names[0] != (Name{Full: "CECOEX, S.A.", Kind: NamePrimary, Script: "Latn"}) {
		t.Errorf("an organization's name was changed: %+v", org.Names[0])
	}
}
