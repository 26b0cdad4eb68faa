// Command gendevset builds Sieve's accuracy dev set from the real lists:
// for entities drawn with a fixed seed it writes query variants of every
// kind the engine must survive (typos, reordering, initials, dropped or
// extra tokens, joined and split tokens, transliteration into Cyrillic,
// Arabic-script originals, spelling variants, honorifics, legal forms,
// nicknames), then appends the hand-written negatives. Its tables are its
// own, independent of the engine's, so the set measures the engine rather
// than echoing it.
//
//	go run ./bench/internal/gendevset -lists ../shared/lists -o testdata/eval/dev.jsonl
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"unicode"

	"github.com/sievekyc/sieve/bench"
	"github.com/sievekyc/sieve/lists"
)

func main() {
	dir := flag.String("lists", "../shared/lists", "directory of the real lists")
	out := flag.String("o", "testdata/eval/dev.jsonl", "output file")
	negatives := flag.String("negatives", "testdata/eval/negatives.txt", "hand-written negatives: one `name|type` per line")
	per := flag.Int("per", 60, "queries per tag")
	seed := flag.Uint64("seed", 7, "random seed: another seed draws another set, to check that tuning on the dev set did not overfit it")
	flag.Parse()
	if err := run(*dir, *out, *negatives, *per, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gendevset:", err)
		os.Exit(1)
	}
}

type entityRef struct {
	e    *lists.Entity
	name string // primary Latin name in natural order
}

func run(dir, out, negatives string, per int, seed uint64) error {
	cat, err := lists.LoadDir(context.Background(), dir, lists.LoadOptions{Strict: false})
	if err != nil {
		return err
	}
	var persons, orgs []entityRef
	var ofacPersons []entityRef
	byName := map[string][]string{} // folded name -> entity IDs (OFAC-SDN only)
	listed := map[string]bool{}     // every folded listed name, any list
	var unArabic []entityRef
	for _, l := range cat.Active() {
		for i := range l.Entities {
			e := &l.Entities[i]
			for _, n := range e.Names {
				listed[fold(n.Full)] = true
			}
			name := latinPrimary(e)
			if name == "" {
				continue
			}
			ref := entityRef{e, name}
			switch e.Type {
			case lists.TypePerson:
				if len(strings.Fields(name)) >= 2 {
					persons = append(persons, ref)
					if l.Source == lists.SourceOFACSDN {
						ofacPersons = append(ofacPersons, ref)
					}
				}
			case lists.TypeOrganization:
				if len(strings.Fields(name)) >= 2 {
					orgs = append(orgs, ref)
				}
			}
			if l.Source == lists.SourceOFACSDN {
				for _, n := range e.Names {
					k := fold(n.Full)
					byName[k] = append(byName[k], e.ID)
				}
			}
			if l.Source == lists.SourceUNSC && e.Type == lists.TypePerson {
				for _, n := range e.Names {
					if n.Script == "Arab" {
						unArabic = append(unArabic, entityRef{e, n.Full})
						break
					}
				}
			}
		}
	}
	r := rand.New(rand.NewPCG(seed, 11))
	var qs []bench.EvalQuery
	add := func(tag string, ref entityRef, query string, restrict ...string) {
		if strings.TrimSpace(query) == "" || query == ref.name && tag != "exact" {
			return
		}
		qs = append(qs, bench.EvalQuery{ID: fmt.Sprintf("%s-%03d", tag, countTag(qs, tag)+1), Name: query,
			Type: ref.e.Type.String(), Expect: []string{ref.e.ID}, Tags: []string{tag}, Lists: restrict})
	}
	sample := func(pool []entityRef, n int, ok func(entityRef) bool) []entityRef {
		idx := r.Perm(len(pool))
		var outRefs []entityRef
		for _, i := range idx {
			if len(outRefs) == n {
				break
			}
			if ok == nil || ok(pool[i]) {
				outRefs = append(outRefs, pool[i])
			}
		}
		return outRefs
	}
	all := append(append([]entityRef{}, persons...), orgs...)
	letters := func(min int) func(entityRef) bool {
		return func(x entityRef) bool { return letterCount(x.name) >= min }
	}
	tokens := func(min int) func(entityRef) bool {
		return func(x entityRef) bool { return len(strings.Fields(x.name)) >= min }
	}
	for _, x := range sample(all, per, nil) {
		add("exact", x, x.name)
	}
	for _, x := range sample(all, per, nil) {
		add("case_punct", x, casePunct(r, x.name))
	}
	for _, x := range sample(persons, per, nil) {
		f := strings.Fields(x.name)
		add("reorder", x, strings.Join(append([]string{f[len(f)-1]}, f[:len(f)-1]...), " "))
	}
	for _, x := range sample(persons, per, tokens(3)) {
		f := strings.Fields(x.name)
		i := 1 + r.IntN(len(f)-2)
		add("missing_middle", x, strings.Join(slices.Delete(slices.Clone(f), i, i+1), " "))
	}
	for _, x := range sample(persons, per, func(x entityRef) bool { return len(strings.Fields(x.name)) == 2 }) {
		f := strings.Fields(x.name)
		mid := []string{"Ahmed", "Maria", "John", "Ivanovich", "Ali", "Jose"}[r.IntN(6)]
		add("extra_middle", x, f[0]+" "+mid+" "+f[1])
	}
	for _, x := range sample(persons, per, nil) {
		f := strings.Fields(x.name)
		f[0] = f[0][:1] + "."
		add("initials", x, strings.Join(f, " "))
	}
	for _, x := range sample(all, per, letters(8)) {
		add("typo1", x, bench.Typo(r, x.name, 1))
	}
	for _, x := range sample(all, per, letters(12)) {
		add("typo2", x, bench.Typo(r, x.name, 2))
	}
	for _, x := range sample(all, per, tokens(3)) {
		f := strings.Fields(x.name)
		for i := 0; i+1 < len(f); i++ {
			if letterCount(f[i]) >= 3 && letterCount(f[i+1]) >= 3 {
				joined := slices.Clone(f[:i])
				joined = append(joined, f[i]+f[i+1])
				add("joined", x, strings.Join(append(joined, f[i+2:]...), " "))
				break
			}
		}
	}
	for _, x := range sample(persons, per, hasSplittable) {
		add("split", x, split(x.name))
	}
	for _, x := range sample(persons, per, hasVariant) {
		add("variant", x, swapVariant(x.name))
	}
	for _, x := range sample(ofacPersons, per, func(x entityRef) bool {
		return slices.ContainsFunc(x.e.Nationalities, func(c string) bool { return c == "RU" || c == "BY" || c == "UA" }) ||
			slices.ContainsFunc(x.e.Programs, func(p string) bool {
				return strings.HasPrefix(p, "RUSSIA") || strings.HasPrefix(p, "UKRAINE") || p == "BELARUS"
			})
	}) {
		add("cyrillic", x, toCyrillic(x.name), string(lists.SourceOFACSDN))
	}
	for _, x := range unArabic {
		latin := latinPrimary(x.e)
		ids := byName[fold(latin)]
		if len(ids) == 0 || countTag(qs, "arabic") >= per {
			continue
		}
		qs = append(qs, bench.EvalQuery{ID: fmt.Sprintf("arabic-%03d", countTag(qs, "arabic")+1), Name: x.name, Type: "person",
			Expect: ids, Tags: []string{"arabic"}, Lists: []string{string(lists.SourceOFACSDN)}})
	}
	for _, x := range sample(persons, per, nil) {
		h := []string{"Mr.", "Dr.", "Sheikh", "General", "Mrs", "Haji"}[r.IntN(6)]
		add("honorific", x, h+" "+x.name)
	}
	for _, x := range sample(orgs, per, hasLegalForm) {
		add("legal_form", x, swapLegalForm(x.name))
	}
	for _, x := range sample(persons, per, hasNickname) {
		add("nickname", x, toNickname(x.name))
	}
	n, err := readNegatives(negatives, listed, &qs)
	if err != nil {
		return err
	}
	fh, err := os.Create(out)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(fh)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, q := range qs {
		if err := enc.Encode(q); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gendevset: %d queries (%d negatives) -> %s\n", len(qs), n, out)
	return fh.Close()
}

func countTag(qs []bench.EvalQuery, tag string) int {
	n := 0
	for _, q := range qs {
		if slices.Contains(q.Tags, tag) {
			n++
		}
	}
	return n
}

// latinPrimary is the entity's primary name when it is in Latin script.
func latinPrimary(e *lists.Entity) string {
	for _, n := range e.Names {
		if n.Kind == lists.NamePrimary && n.Script == "Latn" {
			return n.Full
		}
	}
	return ""
}

func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		} else {
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

func casePunct(r *rand.Rand, s string) string {
	f := strings.Fields(s)
	switch r.IntN(3) {
	case 0:
		return strings.ToLower(s) + "."
	case 1:
		if len(f) >= 2 {
			return strings.ToUpper(f[len(f)-1]) + ", " + strings.Join(f[:len(f)-1], " ")
		}
	}
	return strings.ReplaceAll(strings.ToUpper(s), " ", "-")
}

var splitPrefixes = []string{"abdul", "abdel", "abdal", "abu", "abd", "al"}

func hasSplittable(x entityRef) bool { return split(x.name) != x.name }

// split writes a prefixed token as two ("Abdulrahman" → "Abdul Rahman").
func split(s string) string {
	f := strings.Fields(s)
	for i, t := range f {
		lt := strings.ToLower(t)
		for _, p := range splitPrefixes {
			if strings.HasPrefix(lt, p) && len(lt) >= len(p)+4 && !strings.ContainsAny(lt, "-'") {
				f[i] = t[:len(p)] + " " + t[len(p):]
				return strings.Join(f, " ")
			}
		}
	}
	return s
}

var variantGroups = [][]string{
	{"mohammed", "muhammad", "mohamed", "mohammad", "muhammed"},
	{"ahmed", "ahmad"}, {"hussein", "husain", "hussain", "husayn"}, {"osama", "usama"},
	{"yusuf", "youssef", "yousef"}, {"omar", "umar"}, {"abdullah", "abdallah"},
	{"aleksandr", "alexander", "alexandr"}, {"yuri", "yury", "yuriy"}, {"sergey", "sergei", "sergiy"},
	{"dmitry", "dmitri", "dmitriy"}, {"andrey", "andrei"}, {"aleksey", "alexei", "alexey"},
	{"yevgeny", "evgeny", "evgeniy"}, {"nikolay", "nikolai"}, {"mikhail", "mikhael"},
	{"mahmoud", "mahmud"}, {"hossein", "hosein"}, {"gholam", "golam"}, {"abdulrahman", "abdelrahman"},
}

func variantOf(t string) string {
	lt := strings.ToLower(t)
	for _, g := range variantGroups {
		if i := slices.Index(g, lt); i >= 0 {
			return matchCase(t, g[(i+1)%len(g)])
		}
	}
	return ""
}

func matchCase(model, s string) string {
	if strings.ToUpper(model) == model {
		return strings.ToUpper(s)
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func hasVariant(x entityRef) bool { return swapVariant(x.name) != x.name }

func swapVariant(s string) string {
	f := strings.Fields(s)
	for i, t := range f {
		if v := variantOf(t); v != "" {
			f[i] = v
			return strings.Join(f, " ")
		}
	}
	return s
}

var legalForms = [][2]string{
	{"LIMITED LIABILITY COMPANY", "LLC"}, {"LLC", "Limited Liability Company"}, {"LIMITED", "LTD"},
	{"LTD.", "Limited"}, {"LTD", "Limited"}, {"JOINT STOCK COMPANY", "JSC"}, {"JSC", "Joint Stock Company"},
	{"OOO", "LLC"}, {"OAO", "OJSC"}, {"ZAO", "CJSC"}, {"CO., LTD.", "Company Limited"}, {"GMBH", "G.m.b.H."},
	{"S.A.", "SA"}, {"COMPANY", "Co."}, {"CORPORATION", "Corp."},
}

func hasLegalForm(x entityRef) bool { return swapLegalForm(x.name) != x.name }

func swapLegalForm(s string) string {
	us := strings.ToUpper(s)
	for _, lf := range legalForms {
		if strings.HasSuffix(us, " "+lf[0]) {
			return s[:len(s)-len(lf[0])] + lf[1]
		}
		if strings.HasPrefix(us, lf[0]+" ") {
			return lf[1] + s[len(lf[0]):]
		}
	}
	return s
}

var nicknames = map[string]string{
	"william": "Bill", "robert": "Bob", "richard": "Rick", "james": "Jim", "alexander": "Alex",
	"michael": "Mike", "joseph": "Joe", "thomas": "Tom", "charles": "Charlie", "edward": "Ed",
	"anthony": "Tony", "daniel": "Dan", "david": "Dave", "nicholas": "Nick", "vladimir": "Volodya",
	"aleksandr": "Sasha", "dmitry": "Dima", "mikhail": "Misha", "samuel": "Sam", "benjamin": "Ben",
}

func hasNickname(x entityRef) bool { return toNickname(x.name) != x.name }

func toNickname(s string) string {
	f := strings.Fields(s)
	if n, ok := nicknames[strings.ToLower(f[0])]; ok {
		f[0] = n
		return strings.Join(f, " ")
	}
	return s
}

// toCyrillic writes a romanized Russian name back in Cyrillic, longest
// Latin cluster first, the way a Russian speaker would type it.
func toCyrillic(s string) string {
	clusters := []struct{ lat, cyr string }{
		{"shch", "щ"}, {"kh", "х"}, {"zh", "ж"}, {"ch", "ч"}, {"sh", "ш"}, {"ts", "ц"},
		{"ya", "я"}, {"yu", "ю"}, {"ye", "е"}, {"yo", "ё"}, {"iy", "ий"}, {"yy", "ый"},
		{"a", "а"}, {"b", "б"}, {"v", "в"}, {"g", "г"}, {"d", "д"}, {"e", "е"}, {"z", "з"},
		{"i", "и"}, {"y", "й"}, {"k", "к"}, {"l", "л"}, {"m", "м"}, {"n", "н"}, {"o", "о"},
		{"p", "п"}, {"r", "р"}, {"s", "с"}, {"t", "т"}, {"u", "у"}, {"f", "ф"}, {"h", "х"},
		{"c", "к"}, {"w", "в"}, {"x", "кс"}, {"q", "к"}, {"j", "дж"},
	}
	var out []string
	for _, word := range strings.Fields(strings.ToLower(s)) {
		var b strings.Builder
		for i := 0; i < len(word); {
			matched := false
			for _, c := range clusters {
				if strings.HasPrefix(word[i:], c.lat) {
					b.WriteString(c.cyr)
					i += len(c.lat)
					matched = true
					break
				}
			}
			if !matched {
				b.WriteByte(word[i])
				i++
			}
		}
		w := []rune(b.String())
		if len(w) > 0 {
			w[0] = unicode.ToUpper(w[0])
		}
		out = append(out, string(w))
	}
	return strings.Join(out, " ")
}

// readNegatives appends one negative query per `name|type` line.
func readNegatives(path string, listed map[string]bool, qs *[]bench.EvalQuery) (int, error) {
	fh, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	n := 0
	for line := 1; sc.Scan(); line++ {
		t := strings.TrimSpace(sc.Text())
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		name, typ, ok := strings.Cut(t, "|")
		if !ok {
			return n, fmt.Errorf("%s:%d: want name|type", path, line)
		}
		if listed[fold(name)] {
			fmt.Fprintf(os.Stderr, "gendevset: dropping negative %q: it is a listed name\n", name)
			continue
		}
		n++
		tag := "negative_person"
		if strings.TrimSpace(typ) != "person" {
			tag = "negative_org"
		}
		*qs = append(*qs, bench.EvalQuery{ID: fmt.Sprintf("neg-%03d", n), Name: strings.TrimSpace(name),
			Type: strings.TrimSpace(typ), Expect: []string{}, Tags: []string{tag}})
	}
	return n, sc.Err()
}
