package norm

import (
	"strings"
	"testing"
)

// compact writes tokens in a short form for table tests: a word is its
// Text, followed by "=Canon" when Canon differs or "~Canon" when Canon came
// from a nickname; other kinds add "/p" (particle), "/L" (legal form),
// "/i" (initial), "/n" (number) or "/t" (title).
func compact(toks []Token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		s := t.Text
		switch t.Kind {
		case KindParticle:
			s += "/p"
		case KindLegalForm:
			s += "/L"
		case KindInitial:
			s += "/i"
		case KindNumber:
			s += "/n"
		case KindTitle:
			s += "/t"
		}
		switch {
		case t.Nick:
			s += "~" + t.Canon
		case t.Canon != t.Text:
			s += "=" + t.Canon
		}
		parts[i] = s
	}
	return strings.Join(parts, " ")
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// Empty and degenerate input.
		{"empty", "", ""},
		{"punctuation only", "--- ... ,,,", ""},
		{"invalid utf-8 only", "\xff\xfe", ""},
		// Order, initials, case.
		{"plain", "Vladimir Putin", "vladimir putin"},
		{"reversed", "Putin Vladimir", "putin vladimir"},
		{"comma order", "PUTIN, Vladimir Vladimirovich", "putin vladimir vladimirovich"},
		{"initial", "V. Putin", "v/i putin"},
		{"two initials", "V.V. Putin", "v/i v/i putin"},
		{"umlaut", "Müller", "muller"},
		{"number", "Bank 7", "bank 7/n"},
		{"han", "习近平", "习近平"},
		// Scripts into variant groups.
		{"cyrillic", "Александр Лукашенко", "aleksandr=alexander lukashenko"},
		{"latin", "Alexander Lukashenko", "alexander lukashenko"},
		{"belarusian", "Аляксандр Лукашэнка", "alyaksandr=alexander lukashenka=lukashenko"},
		{"cyrillic abdullah", "Абдулла", "abdulla=abdullah"},
		{"arabic", "محمد علي", "muhammad ali"},
		{"latin mohammed", "Mohammed Ali", "mohammed=muhammad ali"},
		{"title at the end", "Muhammad Fawzi HAJJI", "muhammad fawzi hajji/t"},
		{"title inside", "ASHRAF Haji Muhammad", "ashraf haji/t muhammad"},
		{"title at the start dropped", "Haji Muhammad ASHRAF", "muhammad ashraf"},
		{"greek", "Αλέξανδρος", "alexandros=alexander"},
		{"hebrew", "בנימין נתניהו", "binyamin=benjamin netanyahu"},
		{"armenian", "Սերժ Սարգսյան", "serzh sargsyan"},
		{"georgian", "მიხეილ სააკაშვილი", "mikheil=mikhail saakashvili"},
		{"ukrainian", "Володимир Зеленський", "volodymyr=vladimir zelenskyy"},
		// Titles.
		{"doctor", "Dr. Ayman al-Zawahiri", "ayman al/p zawahiri"},
		{"sheikh", "Sheikh Mohammed", "mohammed=muhammad"},
		{"sheikh alone kept", "Sheikh", "sheikh"},
		{"sheikh as family name or title", "Ahmed Sheikh", "ahmed=ahmad sheikh/t"},
		{"stacked titles", "His Excellency Dr. Sheikh Ali Hassan", "ali hassan"},
		{"title not at the start is a title token", "Ali Dr Hassan", "ali dr/t hassan"},
		{"mr anywhere", "John Smith Mr", "john smith"},
		{"mr", "Mr. John Smith", "john smith"},
		{"haji", "Haji Mohammad Khan", "mohammad=muhammad khan"},
		{"al-haj", "Al-Haj Abdul Rahman", "abdul rahman"},
		{"mullah", "Mullah Omar", "omar=umar"},
		{"maulvi", "Maulvi Abdul Kabir", "abdul kabir"},
		{"rank dropped", "General Qassem Soleimani", "qassem=qasim soleimani"},
		{"abbreviated rank dropped", "Col. Muammar Gaddafi", "muammar gaddafi=qadhafi"},
		{"rank kept in company", "General Motors Company", "general motors co/L"},
		{"rank kept with one word left", "General Electric", "general electric"},
		{"rank kept with nickname", "Major Tom", "major tom~thomas"},
		// Particles.
		{"bin", "Osama bin Laden", "osama=usama bin/p laden"},
		{"abu and al", "Abu Bakr al-Baghdadi", "abu/p bakr al/p baghdadi"},
		{"el and ben inside", "Zine El Abidine Ben Ali", "zine el/p=al abidine ben/p=bin ali"},
		{"ben first is a name", "Ben Smith", "ben smith"},
		{"ag inside is a particle", "Iyad Ag Ghaly", "iyad ag/p ghaly"},
		{"van", "Vincent van Gogh", "vincent van/p gogh"},
		{"particle last is a word", "Nguyen Van Le", "nguyen van/p le"},
		{"inner particle first is a word", "Le Duc Tho", "le duc tho"},
		{"chinese du", "Du Wei", "du wei"},
		{"korean il", "Kim Il Sung", "kim il sung=song"},
		{"assimilated article", "Abd ar-Rahman", "abd=abdul ar/p=al rahman"},
		{"ould", "Mohamed Ould Abdel Aziz", "mohamed=muhammad ould/p abdel=abdul aziz"},
		// Compounds of abd.
		{"abdul spaced", "Abdul Rahman", "abdul rahman"},
		{"abdulrahman", "Abdulrahman", "abdulrahman"},
		{"abdelrahman", "Abdelrahman", "abdelrahman=abdulrahman"},
		{"abdurrahman", "Abdurrahman", "abdurrahman=abdulrahman"},
		{"abdelkader", "Abdelkader", "abdelkader=abdulqadir"},
		{"abdelaziz", "Abdelaziz Bouteflika", "abdelaziz=abdulaziz bouteflika"},
		// Nicknames.
		{"bill", "Bill Clinton", "bill~william clinton"},
		{"sasha", "Sasha Ivanov", "sasha~alexander ivanov"},
		{"mike", "Mike Pence", "mike~mikhail pence"},
		{"pat", "Pat Smith", "pat~patrick smith"},
		// Legal forms.
		{"ooo latin", "OOO Romashka", "llc/L romashka"},
		{"ooo cyrillic", "ООО «Ромашка»", "llc/L romashka"},
		{"llc", "Romashka LLC", "romashka llc/L"},
		{"limited", "Romashka Limited", "romashka llc/L"},
		{"dotted llc", "Romashka L.L.C.", "romashka llc/L"},
		{"ltd", "Romashka Ltd.", "romashka llc/L"},
		{"russian phrase latin", "Obshchestvo s ogranichennoy otvetstvennostyu Romashka", "llc/L romashka"},
		{"russian phrase cyrillic", "Общество с ограниченной ответственностью «Ромашка»", "llc/L romashka"},
		{"english phrase", "Romashka Limited Liability Company", "romashka llc/L"},
		{"jsc phrase", "Joint Stock Company Romashka", "jsc/L romashka"},
		{"pjsc phrase", "Public Joint Stock Company Rosneft", "jsc/L rosneft"},
		{"pao", "ПАО «Роснефть»", "jsc/L rosneft"},
		{"pjsc", "Rosneft PJSC", "rosneft jsc/L"},
		{"oao", "OAO Rosneft", "jsc/L rosneft"},
		{"zao cyrillic", "ЗАО Ромашка", "jsc/L romashka"},
		{"zao phrase", "Закрытое акционерное общество Ромашка", "jsc/L romashka"},
		{"tov", "ТОВ Ромашка", "llc/L romashka"},
		{"ukrainian phrase", "Товариство з обмеженою відповідальністю Ромашка", "llc/L romashka"},
		{"sa de cv", "Grupo Romashka S.A. de C.V.", "grupo romashka jsc/L"},
		{"s de rl de cv", "Banco X, S. de R.L. de C.V.", "banco x/i llc/L"},
		{"sa", "Petroleos S.A.", "petroleos jsc/L"},
		{"only a legal form", "S.A. de C.V.", "jsc/L"},
		{"sociedad anonima", "Sociedad Anonima Romashka", "jsc/L romashka"},
		{"sherkat-e", "Sherkat-e Naft", "co/L naft"},
		{"sherkate", "Sherkate Naft", "co/L naft"},
		{"company", "Naftiran Intertrade Company", "naftiran intertrade co/L"},
		{"inc", "Acme Inc.", "acme inc/L"},
		{"incorporated", "Acme Incorporated", "acme inc/L"},
		{"corp", "Acme Corp", "acme inc/L"},
		{"co ltd", "Acme Co., Ltd.", "acme co/L llc/L"},
		{"gmbh co kg", "Siemens GmbH & Co. KG", "siemens llc/L co/L llp/L"},
		{"ag at end", "Siemens AG", "siemens jsc/L"},
		{"ag alone is a word", "AG", "ag"},
		{"llp", "Acme LLP", "acme llp/L"},
		{"pt first", "PT Bank Mandiri", "llc/L bank mandiri"},
		{"number and form", "2000 Ltd", "2000/n llc/L"},
		{"limited alone", "Limited", "llc/L"},
		{"legal forms chain", "Romashka Co Ltd AS", "romashka co/L llc/L jsc/L"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := compact(Tokenize(tt.in)); got != tt.want {
				t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// field selects the key a sharing test compares.
type field func(Token) string

func canonOf(t Token) string { return t.Canon }
func skelOf(t Token) string  { return t.Skel }
func phonOf(t Token) string  { return t.Phon }

// TestSharedKeys checks that spellings of one name meet on the key the
// index is expected to find them by.
func TestSharedKeys(t *testing.T) {
	tests := []struct {
		key   string
		f     field
		names []string
	}{
		{"Canon", canonOf, []string{"Mohammed", "Muhammad", "Mohamed", "Mohammad", "Muhammed", "Mehmet", "Mohamad", "Magomed", "Md", "Mohd", "محمد", "Мухаммед"}},
		{"Canon", canonOf, []string{"Aleksandr", "Alexander", "Alexandr", "Aleksander", "Oleksandr", "Александр", "Олександр", "Αλέξανδρος", "Аляксандр"}},
		{"Canon", canonOf, []string{"Александр Лукашенко", "Alexander Lukashenko", "Aleksandr Lukashenka"}},
		{"Canon", canonOf, []string{"Yuri", "Yury", "Iurii", "Yuriy", "Jurij", "Юрий"}},
		{"Canon", canonOf, []string{"Sergey", "Sergei", "Serhiy", "Сергей", "Сергій"}},
		{"Canon", canonOf, []string{"Dmitry", "Dmitri", "Dmitriy", "Dmytro", "Дмитрий", "Дмитро"}},
		{"Canon", canonOf, []string{"Vladimir", "Volodymyr", "Wladimir", "Владимир", "Володимир"}},
		{"Canon", canonOf, []string{"Yevgeny", "Evgeny", "Evgeniy", "Yevhen", "Евгений"}},
		{"Canon", canonOf, []string{"Mikhail", "Mykhailo", "Michael", "Михаил", "მიხეილ"}},
		{"Canon", canonOf, []string{"Pyotr", "Petr", "Peter", "Пётр", "Петро"}},
		{"Canon", canonOf, []string{"Tatyana", "Tatiana", "Татьяна", "Тетяна"}},
		{"Canon", canonOf, []string{"Yelena", "Elena", "Olena", "Елена", "Олена"}},
		{"Canon", canonOf, []string{"Hussein", "Husayn", "Hussain", "Hossein", "Husein", "حسين"}},
		{"Canon", canonOf, []string{"Osama", "Usama", "أسامة"}},
		{"Canon", canonOf, []string{"Yusuf", "Yousef", "Youssef", "Yousuf", "يوسف"}},
		{"Canon", canonOf, []string{"Abdullah", "Abdallah", "Abdulla", "Абдулла", "عبدالله", "عبد الله"}},
		{"Canon", canonOf, []string{"Abdul", "Abdel", "Abdal", "Abd"}},
		{"Canon", canonOf, []string{"Omar", "Umar", "عمر"}},
		{"Canon", canonOf, []string{"Ahmed", "Ahmad", "Ahmet", "أحمد"}},
		{"Canon", canonOf, []string{"Qadir", "Kadir", "Gadir", "Qader"}},
		{"Canon", canonOf, []string{"Rahman", "Rehman"}},
		{"Canon", canonOf, []string{"Gholam", "Golam", "Ghulam"}},
		{"Canon", canonOf, []string{"Gaddafi", "Qadhafi", "Kadhafi", "Qaddafi", "القذافي"[len("ال"):]}},
		{"Canon", canonOf, []string{"Abdelaziz", "Abdulaziz", "عبدالعزيز"}},
		{"Canon", canonOf, []string{"Zhang", "Chang", "Cheung"}},
		{"Canon", canonOf, []string{"Lee", "Li", "Rhee", "Yi"}},
		{"Canon", canonOf, []string{"Kim", "Gim"}},
		{"Canon", canonOf, []string{"Park", "Pak", "Bak"}},
		{"Canon", canonOf, []string{"Choi", "Choe"}},
		{"Canon", canonOf, []string{"Sasha", "Aleksandr"}},
		{"Canon", canonOf, []string{"Misha", "Mikhail"}},
		{"Canon", canonOf, []string{"Bill", "William"}},
		{"Canon", canonOf, []string{"al", "el", "ad", "ash"}[:1]},
		{"Skel", skelOf, []string{"Müller", "Mueller", "Muller"}},
		{"Skel", skelOf, []string{"Ivanov", "Ivanoff", "Ivanow", "Иванов"}},
		{"Skel", skelOf, []string{"Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskii", "Zelenskyi", "Зеленский"}},
		{"Skel", skelOf, []string{"Gorbachev", "Gorbatschow", "Горбачёв"}},
		{"Skel", skelOf, []string{"Tchaikovsky", "Chaikovskiy", "Чайковский"}},
		{"Skel", skelOf, []string{"Mohammed", "Muhammad", "Mohamed", "Muhammed", "Mohamad"}},
		{"Skel", skelOf, []string{"Abdullah", "Abdulla", "Abdalla"}},
		{"Skel", skelOf, []string{"Aleksandr", "Alexander", "Oleksandr"}},
		{"Skel", skelOf, []string{"Yevgeniy", "Evgeny", "Yevgeny"}},
		{"Phon", phonOf, []string{"Aleksandr", "Alexander", "Alexandr", "Oleksandr"}},
		{"Phon", phonOf, []string{"Yuri", "Yury", "Iurii", "Yuriy"}},
		{"Phon", phonOf, []string{"Sergey", "Sergei", "Serguei"}},
		{"Phon", phonOf, []string{"Tchaikovsky", "Chaikovskiy", "Czajkowski", "Tschaikowski", "Чайковский"}},
		{"Phon", phonOf, []string{"Mohammed", "Mehmet", "Muhammad"}},
		{"Phon", phonOf, []string{"Yevgeny", "Evgeny"}},
		{"Phon", phonOf, []string{"Elena", "Yelena", "Olena"}},
		{"Phon", phonOf, []string{"Qadir", "Kadir", "Gadir"}},
		{"Phon", phonOf, []string{"Müller", "Mueller", "Muller"}},
		{"Phon", phonOf, []string{"Ivanov", "Ivanoff", "Ivanow"}},
		{"Phon", phonOf, []string{"Gorbachev", "Gorbatschow"}},
	}
	for _, tt := range tests {
		t.Run(tt.key+" "+tt.names[0], func(t *testing.T) {
			want := Tokenize(tt.names[0])
			if len(want) == 0 {
				t.Fatalf("Tokenize(%q) is empty", tt.names[0])
			}
			for _, n := range tt.names[1:] {
				got := Tokenize(n)
				if len(got) != len(want) {
					t.Errorf("Tokenize(%q) = %q, want as many tokens as %q (%q)", n, compact(got), tt.names[0], compact(want))
					continue
				}
				for i := range got {
					if tt.f(got[i]) != tt.f(want[i]) {
						t.Errorf("%s of %q token %d = %q, want %q as for %q", tt.key, n, i, tt.f(got[i]), tt.f(want[i]), tt.names[0])
					}
				}
			}
		})
	}
}

// TestLegalFormsShareClass checks that one company written four ways has
// the same legal-form class.
func TestLegalFormsShareClass(t *testing.T) {
	for _, group := range [][]string{
		{"OOO Ромашка", "ООО Ромашка", "Romashka LLC", "Romashka Limited", "Romashka Ltd", "Romashka GmbH", "ТОВ Ромашка"},
		{"ЗАО Ромашка", "Romashka JSC", "Romashka CJSC", "Romashka S.A.", "Romashka AG", "Romashka PLC", "Romashka S.A. de C.V."},
		{"Sherkat-e Romashka", "Romashka Company", "Romashka Co.", "Cia. Romashka"},
	} {
		class := ""
		for _, name := range group {
			var legal []string
			for _, tk := range Tokenize(name) {
				if tk.Kind == KindLegalForm {
					legal = append(legal, tk.Text)
					if tk.Canon != tk.Text || tk.Skel != tk.Text || tk.Phon != tk.Text {
						t.Errorf("%q: legal token keys differ: %+v", name, tk)
					}
				}
			}
			if len(legal) != 1 {
				t.Errorf("%q: legal forms %q, want exactly one", name, legal)
				continue
			}
			if class == "" {
				class = legal[0]
			}
			if legal[0] != class {
				t.Errorf("%q: class %q, want %q as for %q", name, legal[0], class, group[0])
			}
		}
	}
}

func TestTokenKeysNeverEmpty(t *testing.T) {
	for _, s := range fuzzSeeds {
		for i, tk := range Tokenize(s) {
			for _, v := range []string{tk.Text, tk.Canon, tk.Skel, tk.Phon} {
				if v == "" || strings.Contains(v, " ") {
					t.Errorf("Tokenize(%q)[%d] = %+v: empty key or key with a space", s, i, tk)
				}
			}
		}
	}
}

func TestJoin(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Putin", "putin"},
		{"Dr. Vladimir V. PUTIN", "vladimir v putin"},
		{"ООО «Ромашка»", "llc romashka"},
		{"Romashka Limited", "romashka llc"},
	}
	for _, tt := range tests {
		if got := Join(Tokenize(tt.in)); got != tt.want {
			t.Errorf("Join(Tokenize(%q)) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := Join(nil); got != "" {
		t.Errorf("Join(nil) = %q", got)
	}
}

// TestTokenizeAllocations holds the hot path to its allocation budget: the
// folded string, the token slice and one string for all Skel and Phon
// keys.
func TestTokenizeAllocations(t *testing.T) {
	tests := []struct {
		in  string
		max float64
	}{
		{"Vladimir Vladimirovich Putin", 3},
		{"vladimir vladimirovich putin", 2},
		{"Rosneft Oil Company PJSC", 3},
		{"Владимир Владимирович Путин", 5},
		{"محمد بن سلمان آل سعود", 5},
	}
	for _, tt := range tests {
		allocs := testing.AllocsPerRun(200, func() { Tokenize(tt.in) })
		if allocs > tt.max {
			t.Errorf("Tokenize(%q): %v allocations, budget %v", tt.in, allocs, tt.max)
		}
	}
}
