package engine

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/sievekyc/sieve/lists"
)

// testLists builds two small lists in code, with the kinds of names real
// screening meets.
func testLists(t testing.TB) []*lists.List {
	t.Helper()
	person := func(id, name string, dob lists.PartialDate, nat string, aliases ...string) lists.Entity {
		e := lists.Entity{ID: lists.SourceOFACSDN.EntityID(id), Source: lists.SourceOFACSDN, Type: lists.TypePerson}
		e.AddName(name, lists.NamePrimary)
		for _, a := range aliases {
			e.AddName(a, lists.NameAlias)
		}
		if !dob.IsZero() {
			e.BirthDates = []lists.Birthdate{{Date: dob}}
		}
		if nat != "" {
			e.Nationalities = []string{nat}
		}
		return e
	}
	org := func(src lists.Source, id, name string, aliases ...string) lists.Entity {
		e := lists.Entity{ID: src.EntityID(id), Source: src, Type: lists.TypeOrganization}
		e.AddName(name, lists.NamePrimary)
		for _, a := range aliases {
			e.AddName(a, lists.NameAlias)
		}
		return e
	}
	putin := person("35096", "Vladimir Vladimirovich PUTIN", lists.PartialDate{Year: 1952, Month: 10, Day: 7}, "RU")
	putin.Identifiers = []lists.Identifier{{Type: lists.IDPassport, Number: "AB 123456", Country: "RU"}}
	sdn := &lists.List{Source: lists.SourceOFACSDN, SHA256: "aaaaaaaaaaaaaaaa", Entities: []lists.Entity{
		putin,
		person("9760", "Alyaksandr Ryhorovich LUKASHENKA", lists.PartialDate{Year: 1954, Month: 8, Day: 30}, "BY", "Aleksandr Grigoryevich LUKASHENKO"),
		person("100", "Mohammed Abdulrahman AL-MANSOURI", lists.PartialDate{Year: 1970}, "AE"),
		person("101", "Muhammad ALI", lists.PartialDate{}, "PK"),
		person("102", "Hans MÜLLER", lists.PartialDate{Year: 1961, Month: 3, Day: 2}, "DE"),
		person("103", "Ayman al-ZAWAHIRI", lists.PartialDate{Year: 1951, Month: 6, Day: 19}, "EG"),
		person("104", "Yuri Ivanovich KOVALCHUK", lists.PartialDate{Year: 1951, Month: 7, Day: 25}, "RU"),
		org(lists.SourceOFACSDN, "200", "BANK MELLI IRAN", "MELLI BANK PLC"),
		org(lists.SourceOFACSDN, "201", "ROMASHKA LIMITED LIABILITY COMPANY"),
		org(lists.SourceOFACSDN, "202", "GLOBAL TRADING LLC"),
	}}
	un := &lists.List{Source: lists.SourceUNSC, SHA256: "bbbbbbbbbbbbbbbb", Entities: []lists.Entity{
		org(lists.SourceUNSC, "QDe.004", "AL-QAIDA", "AL QAEDA", "THE BASE"),
		org(lists.SourceUNSC, "KPe.001", "KOREA MINING DEVELOPMENT TRADING CORPORATION", "KOMID"),
	}}
	return []*lists.List{sdn, un}
}

func newTestEngine(t testing.TB) *Engine {
	t.Helper()
	e, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Reload(context.Background(), testLists(t)...); err != nil {
		t.Fatal(err)
	}
	return e
}

// best returns the top match of a result and its score, or "" and 0.
func best(r Result) (string, float64) {
	id, score := "", 0.0
	for _, l := range r.Lists {
		for _, m := range l.Matches {
			if m.Score > score {
				id, score = m.EntityID, m.Score
			}
		}
	}
	return id, score
}

func TestScreenFindsVariants(t *testing.T) {
	e := newTestEngine(t)
	tests := []struct {
		tag, query, want string
	}{
		{"exact", "Vladimir Vladimirovich Putin", "ofac-sdn:35096"},
		{"case-punct", "PUTIN, vladimir vladimirovich.", "ofac-sdn:35096"},
		{"reorder", "Putin Vladimir", "ofac-sdn:35096"},
		{"missing-middle", "Vladimir Putin", "ofac-sdn:35096"},
		{"initials", "V. V. Putin", "ofac-sdn:35096"},
		{"typo1", "Vladimir Vladimirovich Puttin", "ofac-sdn:35096"},
		{"typo2", "Vladimr Vladimirovich Putn", "ofac-sdn:35096"},
		{"typo2-one-word", "Alyaksandr Luksahenkaa", "ofac-sdn:9760"},
		{"cyrillic", "Владимир Владимирович Путин", "ofac-sdn:35096"},
		{"cyrillic-short", "Путин Владимир", "ofac-sdn:35096"},
		{"translit", "Alexander Lukashenko", "ofac-sdn:9760"},
		{"translit-cyr", "Александр Лукашенко", "ofac-sdn:9760"},
		{"diacritics", "Hans Mueller", "ofac-sdn:102"},
		{"diacritics2", "Hans Muller", "ofac-sdn:102"},
		{"joined", "Mohammed Abdul Rahman Al Mansouri", "ofac-sdn:100"},
		{"variant", "Muhammad Abdulrahman Al-Mansouri", "ofac-sdn:100"},
		{"honorific", "Dr. Ayman al-Zawahiri", "ofac-sdn:103"},
		{"particle", "Ayman Zawahiri", "ofac-sdn:103"},
		{"yuri", "Yury Kovalchuk", "ofac-sdn:104"},
		{"legal-form", "Romashka LLC", "ofac-sdn:201"},
		{"legal-form-ru", "ООО Ромашка", "ofac-sdn:201"},
		{"alias", "Melli Bank", "ofac-sdn:200"},
		{"org-typo", "Bank Meli Iran", "ofac-sdn:200"},
		{"un", "Al Qaeda", "un-sc:QDe.004"},
	}
	for _, tt := range tests {
		t.Run(tt.tag, func(t *testing.T) {
			r, err := e.Screen(context.Background(), Query{Name: tt.query})
			if err != nil {
				t.Fatal(err)
			}
			id, score := best(r)
			if id != tt.want {
				t.Fatalf("Screen(%q) best = %s %.3f, want %s; result %+v", tt.query, id, score, tt.want, r.Lists)
			}
		})
	}
}

func TestScreenPrecision(t *testing.T) {
	e := newTestEngine(t)
	for _, q := range []string{"Mohammed", "Trading", "Global", "Bank", "Ali", "Smith", "John Smith", "Maria Garcia Lopez", "Vladimir Nabokov", "Deutsche Bank AG"} {
		r, err := e.Screen(context.Background(), Query{Name: q})
		if err != nil {
			t.Fatal(err)
		}
		if r.Matched {
			id, score := best(r)
			t.Errorf("Screen(%q) matched %s at %.3f; a lone common token or an unrelated name must not match", q, id, score)
		}
	}
}

func TestExactNameScoresOne(t *testing.T) {
	e := newTestEngine(t)
	for _, q := range []string{"Vladimir Vladimirovich PUTIN", "Bank Melli Iran", "Muhammad Ali", "KOMID"} {
		r, err := e.Screen(context.Background(), Query{Name: q})
		if err != nil {
			t.Fatal(err)
		}
		if _, score := best(r); score < 0.99 {
			t.Errorf("exact name %q scored %.3f, want ≥ 0.99", q, score)
		}
	}
}

func TestAttributesMoveScores(t *testing.T) {
	e := newTestEngine(t)
	base := Query{Name: "Vladimir Putin", Threshold: 0.3}
	score := func(q Query) (float64, []Factor) {
		t.Helper()
		r, err := e.Screen(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range r.Lists {
			for _, m := range l.Matches {
				if m.EntityID == "ofac-sdn:35096" {
					return m.Score, m.Factors
				}
			}
		}
		t.Fatalf("%+v: Putin not found", q)
		return 0, nil
	}
	plain, _ := score(base)
	withDOB := base
	withDOB.BirthDate = lists.PartialDate{Year: 1952, Month: 10, Day: 7}
	swapped := base
	swapped.BirthDate = lists.PartialDate{Year: 1952, Month: 7, Day: 10}
	conflict := base
	conflict.BirthDate = lists.PartialDate{Year: 1980}
	org := base
	org.Type = lists.TypeOrganization
	doc := base
	doc.Document = "ab123456"
	nat := base
	nat.Country = "Russia"
	tests := []struct {
		name   string
		q      Query
		higher bool
		kind   FactorKind
	}{
		{"dob exact raises", withDOB, true, FactorBirthDate},
		{"dob day/month swapped raises", swapped, true, FactorBirthDate},
		{"dob conflict lowers", conflict, false, FactorBirthDate},
		{"type conflict lowers", org, false, FactorType},
		{"identifier raises", doc, true, FactorIdentifier},
		{"country raises", nat, true, FactorCountry},
	}
	for _, tt := range tests {
		got, factors := score(tt.q)
		if tt.higher && got <= plain || !tt.higher && got >= plain {
			t.Errorf("%s: score %.3f vs %.3f without the attribute", tt.name, got, plain)
		}
		found := false
		for _, f := range factors {
			if f.Kind == tt.kind {
				found = true
				if (f.Effect > 0) != tt.higher || f.Evidence == "" {
					t.Errorf("%s: factor %+v", tt.name, f)
				}
			}
		}
		if !found {
			t.Errorf("%s: no %s factor in %+v", tt.name, tt.kind, factors)
		}
	}
}

func TestExplanationNamesTokens(t *testing.T) {
	e := newTestEngine(t)
	r, err := e.Screen(context.Background(), Query{Name: "Putin Vladimer"})
	if err != nil {
		t.Fatal(err)
	}
	m := r.Lists[0].Matches[0]
	if m.Factors[0].Kind != FactorName {
		t.Fatalf("first factor %+v, want the name factor", m.Factors[0])
	}
	hows := map[string]string{}
	for _, tm := range m.Factors[0].Tokens {
		hows[tm.Query+"→"+tm.Listed] = tm.How
	}
	if how := hows["vladimer→vladimir"]; hows["putin→putin"] != HowExact || how == "" || how == HowExact || how == HowMissing {
		t.Errorf("token explanation %+v", m.Factors[0].Tokens)
	}
}

func TestResultContract(t *testing.T) {
	e := newTestEngine(t)
	r, err := e.Screen(context.Background(), Query{Name: "Putin", Lists: []lists.Source{lists.SourceUNSC}})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Lists) != 1 || r.Lists[0].Source != lists.SourceUNSC || r.Lists[0].Version == "" {
		t.Fatalf("lists %+v, want only UN-SC with a version", r.Lists)
	}
	if r.Fingerprint == "" || r.Threshold != DefaultThreshold {
		t.Errorf("fingerprint %q threshold %v", r.Fingerprint, r.Threshold)
	}
	_, err = e.Screen(context.Background(), Query{Name: "x", Lists: []lists.Source{lists.SourceEUFSF}})
	if !errors.Is(err, ErrInvalidQuery) {
		t.Errorf("unloaded list: err %v, want ErrInvalidQuery", err)
	}
	_, err = e.Screen(context.Background(), Query{})
	if !errors.Is(err, ErrInvalidQuery) {
		t.Errorf("empty query: err %v, want ErrInvalidQuery", err)
	}
	empty, _ := New(Options{})
	if _, err := empty.Screen(context.Background(), Query{Name: "x"}); !errors.Is(err, ErrNoLists) {
		t.Errorf("no lists: err %v, want ErrNoLists", err)
	}
	if _, err := New(Options{Threshold: 2}); !errors.Is(err, ErrInvalidOptions) {
		t.Errorf("bad options: err %v", err)
	}
	ls := testLists(t)
	if err := e.Reload(context.Background(), ls[0], ls[0]); !errors.Is(err, ErrDuplicateSource) {
		t.Errorf("duplicate: err %v", err)
	}
}

func TestScreenIsDeterministic(t *testing.T) {
	e := newTestEngine(t)
	q := Query{Name: "Mohammed Ali", Threshold: 0.3}
	first, err := e.Screen(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	for range 20 {
		again, _ := e.Screen(context.Background(), q)
		if fmt.Sprint(stripForCompare(again)) != fmt.Sprint(stripForCompare(first)) {
			t.Fatalf("results differ between runs:\n%v\n%v", again, first)
		}
	}
}

func stripForCompare(r Result) Result {
	for i := range r.Lists {
		for j := range r.Lists[i].Matches {
			r.Lists[i].Matches[j].Entity = nil
		}
	}
	return r
}

// TestReloadWhileScreening screens from several goroutines while lists are
// swapped; run with -race.
func TestReloadWhileScreening(t *testing.T) {
	e := newTestEngine(t)
	ls := testLists(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				r, err := e.Screen(ctx, Query{Name: "Vladimir Putin"})
				if err != nil {
					t.Error(err)
					return
				}
				if id, _ := best(r); id != "ofac-sdn:35096" {
					t.Errorf("during reload best = %q", id)
					return
				}
			}
		}()
	}
	// A second version of the SDN list with one more entity.
	sdn2 := *ls[0]
	extra := lists.Entity{ID: "ofac-sdn:999", Source: lists.SourceOFACSDN, Type: lists.TypePerson}
	extra.AddName("Ivan Petrov", lists.NamePrimary)
	sdn2.Entities = append(append([]lists.Entity{}, ls[0].Entities...), extra)
	sdn2.SHA256 = "cccccccccccccccc"
	for i := range 20 {
		next := []*lists.List{ls[0], ls[1]}
		if i%2 == 1 {
			next[0] = &sdn2
		}
		if err := e.Reload(ctx, next...); err != nil {
			t.Error(err)
		}
	}
	close(stop)
	wg.Wait()
}

func TestCompare(t *testing.T) {
	e, _ := New(Options{})
	tests := []struct {
		a, b     string
		min, max float64
	}{
		{"Vladimir Putin", "PUTIN, Vladimir", 0.99, 1},
		{"Mohammed Ali", "Muhammad Ali", 0.9, 0.99},
		{"Vladimir Putin", "Barack Obama", 0, 0.2},
		{"Abdulrahman", "Abdul Rahman", 0.9, 1},
		{"A. R. Rahman", "Abdul Rahman AL-RAWI", 0.7, 0.83},             // initials cover words partly
		{"DilawarKhan Nadir KHAN", "KHAN, Dilawar Khan Nadir", 0.95, 1}, // the joining keeps its "khan"
		{"Woolworths Group Limited", "GRUPO W S.A.", 0, 0.8},            // a listed initial covers a word partly
		{"Z. LAKHVI", "Zaki-ur-Rehman LAKHVI", 0.8, 0.9},                // an initial stands for a compound given name
		{"ASHRAF Haji Muhammad", "Haji Muhammad ASHRAF", 0.99, 1},       // a title costs nothing where one side drops it
		{"HAJJI Muhammad Fawzi", "Muhammad Fawzi HAJJI", 0.99, 1},
		{"Andrey Katoapolov", "Andrey Kartapolov", 0.9, 0.95},     // two slips in a long word are two slips
		{"Frederic Chopin", "Frederic CHOI", 0, 0.6},              // two edits on four letters make another word
		{"Natalia Jose KHIREVICH", "Natalia KHIREVICH", 0.8, 0.9}, // an extra middle name costs less…
		{"Natalia KHIREVICH Jose", "Natalia KHIREVICH", 0.7, 0.8}, // …than an extra word at the end
		{"Swan Energy Compan iLmited", "Swan Energy Company Limited", 0.9, 0.995},
	}
	for _, tt := range tests {
		c := e.Compare(tt.a, tt.b)
		if c.Score < tt.min || c.Score > tt.max {
			t.Errorf("Compare(%q,%q) = %.3f, want in [%v,%v]; %+v", tt.a, tt.b, c.Score, tt.min, tt.max, c.Factors)
		}
	}
}

func TestScreenReadsMistypedCompanyNames(t *testing.T) {
	org := func(id, name string) lists.Entity {
		e := lists.Entity{ID: lists.SourceOFACSDN.EntityID(id), Source: lists.SourceOFACSDN, Type: lists.TypeOrganization}
		e.AddName(name, lists.NamePrimary)
		return e
	}
	l := &lists.List{Source: lists.SourceOFACSDN, SHA256: "cccccccccccccccc", Entities: []lists.Entity{
		org("1", "SWAN ENERGY COMPANY LIMITED"),
		org("2", "HSI TRADING FZE"),
		org("3", "GALE SHIPPING INC"),
		org("4", "FSE HOLDINGS"), // makes "fse" a listed word
		org("5", "AYAKS LIMITED LIABILITY COMPANY"),
		org("6", "TRANS MERITS CO. LTD."),
		org("7", "PJSC SOVCOMBANK"),
	}}
	e, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Reload(context.Background(), l); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query, want, how string
	}{
		{"Swan Energy Compan iLmited", "ofac-sdn:1", "\"co\"~\"co\" (typo"},
		{"LIMITE LIABILITY CyOMPANY AYAKS", "ofac-sdn:5", "\"llc\"~\"llc\" (typo"},
		{"HSI TRAING FsE", "ofac-sdn:2", "\"fse\"~\"llc\" (typo"},
		{"Gae Shipping Ini", "ofac-sdn:3", "\"inc\"~\"inc\" (typo"},
		{"RTANS MElITS CO. LTD.", "ofac-sdn:6", "\"rtans\"~\"trans\" (typo"},
		// Two typos in one long word: found through the trigram index.
		{"PJSC SOVOCMBAtK", "ofac-sdn:7", "\"sovocmbatk\"~\"sovcombank\" (typo"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			r, err := e.Screen(context.Background(), Query{Name: tt.query, Type: lists.TypeOrganization})
			if err != nil {
				t.Fatal(err)
			}
			id, score := best(r)
			if id != tt.want || score < DefaultThreshold {
				t.Fatalf("Screen(%q) best = %s %.3f, want %s at or above %.2f", tt.query, id, score, tt.want, DefaultThreshold)
			}
			ev := r.Lists[0].Matches[0].Factors[0].Evidence
			if !strings.Contains(ev, tt.how) {
				t.Errorf("evidence %q does not contain %q", ev, tt.how)
			}
		})
	}
	// A person's name keeps a short word that only looks like a legal form;
	// a listed company's form may still pair with it as a typo.
	r, err := e.Screen(context.Background(), Query{Name: "Gae Shipping Ini", Type: lists.TypePerson, Threshold: 0.01})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range r.Lists[0].Matches {
		if strings.Contains(m.Factors[0].Evidence, "\"inc\"~") {
			t.Errorf("person query read \"Ini\" as a legal form: %s", m.Factors[0].Evidence)
		}
	}
}

// TestCandidatesFavourCoveredNames checks the candidate ranking: many
// names sharing the query's common words must not crowd out, within
// MaxCandidates, the name the query covers best.
func TestCandidatesFavourCoveredNames(t *testing.T) {
	tests := []struct {
		crowd, target, query string
		decoys               []string
	}{
		// Adjacent common words are not counted twice.
		{"Ali Ahmed %s", "Ali KONY", "Ali Ahmed Kony", nil},
		// Long names holding both words rank below the short one.
		{"Khalil Ibrahim %s Mohamed %s", "Muhammad AL-IBRAHIM", "Mohamed AL-IBRAHIM", nil},
		// A word two typos from every listed word posts nothing, yet
		// neither hides the name nor keeps it from scoring.
		{"Kirill %s", "Kirill VASILYEV", "Kirill VASILpYV", nil},
		// A repeated word counts twice only for names that repeat it.
		{"Hassan %s", "Hassan el-Hajj HASSAN", "Hassan el-Hajj HASSAN", nil},
		// Phonetic look-alikes do not stand in for the word two typos
		// away.
		{"Sergey %s", "Sergey LEVCHENKO", "Sergey Lechencko", []string{"Dong LECHENG", "Mikhail LESHCHENKO"}},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			l := &lists.List{Source: lists.SourceOFACSDN, SHA256: "dddddddddddddddd"}
			add := func(id int, name string) {
				e := lists.Entity{ID: lists.SourceOFACSDN.EntityID(strconv.Itoa(id)), Source: lists.SourceOFACSDN, Type: lists.TypePerson}
				e.AddName(name, lists.NamePrimary)
				l.Entities = append(l.Entities, e)
			}
			for i := range 150 {
				add(i, strings.ReplaceAll(tt.crowd, "%s", syllables(i)))
			}
			for i := range 2000 {
				add(1000+i, "Other "+syllables(i+500))
			}
			for i, d := range tt.decoys {
				add(5000+i, d)
			}
			add(9999, tt.target)
			e, err := New(Options{MaxCandidates: 100})
			if err != nil {
				t.Fatal(err)
			}
			if err := e.Reload(context.Background(), l); err != nil {
				t.Fatal(err)
			}
			r, err := e.Screen(context.Background(), Query{Name: tt.query, Threshold: 0.5})
			if err != nil {
				t.Fatal(err)
			}
			if id, score := best(r); id != "ofac-sdn:9999" {
				t.Fatalf("best = %s %.3f, want ofac-sdn:9999 (%s)", id, score, tt.target)
			}
		})
	}
}

// syllables spells i as a made-up word ("bada", "bade"…), so test names
// get distinct, unrelated tokens.
func syllables(i int) string {
	const cons, vows = "bdgklmnprstvz", "aeiou"
	var b strings.Builder
	for range 3 {
		b.WriteByte(cons[i%len(cons)])
		i /= len(cons)
		b.WriteByte(vows[i%len(vows)])
		i /= len(vows)
	}
	return b.String()
}

func TestExplanationShowsInitialCompound(t *testing.T) {
	e, _ := New(Options{})
	c := e.Compare("N. Khreit", "Najm-eddin Khreit")
	want := []TokenMatch{
		{Query: "n", Listed: "najm eddin", How: HowInitial, Similarity: 0.8},
		{Query: "khreit", Listed: "khreit", How: HowExact, Similarity: 1},
	}
	if got := c.Factors[0].Tokens; !slices.Equal(got, want) {
		t.Errorf("tokens = %+v, want %+v", got, want)
	}
}

// TestMissingMiddleNameOfPerson checks that a person's middle word the
// query leaves out costs less than other missing words, when the rest is
// met surely.
func TestMissingMiddleNameOfPerson(t *testing.T) {
	ent := func(id string, typ lists.EntityType, name string) lists.Entity {
		e := lists.Entity{ID: lists.SourceOFACSDN.EntityID(id), Source: lists.SourceOFACSDN, Type: typ}
		e.AddName(name, lists.NamePrimary)
		return e
	}
	l := &lists.List{Source: lists.SourceOFACSDN, SHA256: "eeeeeeeeeeeeeeee", Entities: []lists.Entity{
		ent("1", lists.TypePerson, "USYNINA Ulyana Alexandrovna"),
		ent("2", lists.TypeOrganization, "USYNINA Ulyana Alexandrovna"),
		ent("3", lists.TypePerson, "Alexandrovna USYNINA Ulyana"),
	}}
	e, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Reload(context.Background(), l); err != nil {
		t.Fatal(err)
	}
	r, err := e.Screen(context.Background(), Query{Name: "USYNINA Alexandrovna", Threshold: 0.1})
	if err != nil {
		t.Fatal(err)
	}
	score := map[string]float64{}
	for _, m := range r.Lists[0].Matches {
		score[m.EntityID] = m.Factors[0].Effect
	}
	if !(score["ofac-sdn:1"] > score["ofac-sdn:2"]) {
		t.Errorf("missing middle name of a person scored %.3f, of an organization %.3f; want the person higher", score["ofac-sdn:1"], score["ofac-sdn:2"])
	}
	if !(score["ofac-sdn:1"] > score["ofac-sdn:3"]) {
		t.Errorf("missing middle name scored %.3f, missing last name %.3f; want the middle higher", score["ofac-sdn:1"], score["ofac-sdn:3"])
	}
}
