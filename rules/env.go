package rules

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The rule environment is a Go struct type built with reflect.StructOf for
// each template, so expr type-checks every rule against the template's own
// parameters and sources when the template loads: subject.agee or
// sanctions.best_scor is a compile error, not a silent nil at run time.
//
//	subject.<param>     the subject's parameters, typed from the schema
//	present.<param>     whether the subject gave the parameter (bool)
//	as_of               the evaluation's reference time (time.Time)
//	<source id>.<field> each source's result: status, ok, error,
//	                    duration_ms, and by kind matched, match_count,
//	                    best_score, lists_hit, hits / valid / data
//
// Two hidden names serve the string budget: __budget and __add.

var (
	typeString     = reflect.TypeFor[string]()
	typeBool       = reflect.TypeFor[bool]()
	typeInt        = reflect.TypeFor[int]()
	typeFloat      = reflect.TypeFor[float64]()
	typeTime       = reflect.TypeFor[time.Time]()
	typeStrings    = reflect.TypeFor[[]string]()
	typeHits       = reflect.TypeFor[[]Hit]()
	typeAnyMap     = reflect.TypeFor[map[string]any]()
	typeBudgetPtr  = reflect.TypeFor[*strBudget]()
	typeSourceMeta = []string{"status", "ok", "error", "duration_ms"}
)

// goType is the Go type rules see for a parameter type.
func (t ParamType) goType() reflect.Type {
	switch t {
	case ParamString:
		return typeString
	case ParamNumber:
		return typeFloat
	case ParamInteger:
		return typeInt
	case ParamBoolean:
		return typeBool
	case ParamDate:
		return typeTime
	case ParamStringList:
		return typeStrings
	}
	return nil
}

// sourceFields lists the result fields a source of a kind exposes, besides
// data, in their environment order.
func sourceFields(k SourceKind) []string {
	switch k {
	case SourceScreening:
		return []string{"status", "ok", "error", "duration_ms", "matched", "match_count", "best_score", "lists_hit", "hits"}
	case SourceDocument:
		return []string{"status", "ok", "error", "duration_ms", "valid"}
	case SourceCustom:
		return []string{"status", "ok", "error", "duration_ms", "matched", "match_count", "best_score", "lists_hit", "hits", "data"}
	}
	return nil
}

func resultFieldType(name string) reflect.Type {
	switch name {
	case "status", "error":
		return typeString
	case "ok", "matched", "valid":
		return typeBool
	case "duration_ms", "match_count":
		return typeInt
	case "best_score":
		return typeFloat
	case "lists_hit":
		return typeStrings
	case "hits":
		return typeHits
	}
	return nil
}

// envLayout is the shape of a template's rule environment.
type envLayout struct {
	typ        reflect.Type
	zero       any
	subjectIdx int
	presentIdx int
	asOfIdx    int
	budgetIdx  int
	sources    []envSource // aligned with Template.sources
	roots      map[string]bool
	params     []string // parameter names, in schema order
	paramSet   map[string]bool
	sourceIDs  []string // source IDs, in file order
	// typeNames maps the generated struct types' Go spelling to a readable
	// name, for error messages.
	typeNames map[string]string
}

// envSource is the shape of one source's result in the environment.
type envSource struct {
	id     string
	kind   SourceKind
	idx    int            // field of the root struct
	fields map[string]int // expr name -> field of the source struct
	// dataTyped marks a data struct of declared fields rather than a map.
	dataTyped  bool
	dataFields map[string]int
	dataDecl   []DataField
}

func structField(i int, name string, t reflect.Type) reflect.StructField {
	return reflect.StructField{Name: "F" + strconv.Itoa(i), Type: t, Tag: reflect.StructTag(`expr:"` + name + `"`)}
}

// newEnvLayout builds the environment type of a template's parameters and
// sources.
func newEnvLayout(params []Param, sources []Source) (*envLayout, error) {
	l := &envLayout{
		roots:     map[string]bool{envSubject: true, envPresent: true, envAsOf: true},
		paramSet:  map[string]bool{},
		typeNames: map[string]string{},
	}
	subj := make([]reflect.StructField, 0, len(params))
	pres := make([]reflect.StructField, 0, len(params))
	for i, p := range params {
		t := p.Type.goType()
		if t == nil {
			return nil, fmt.Errorf("%w: parameter %q has no type", ErrInvalidTemplate, p.Name)
		}
		subj = append(subj, structField(i, p.Name, t))
		l.params = append(l.params, p.Name)
		l.paramSet[p.Name] = true
		pres = append(pres, structField(i, p.Name, typeBool))
	}
	subjT, presT := reflect.StructOf(subj), reflect.StructOf(pres)
	l.typeNames[subjT.String()] = "subject"
	l.typeNames[presT.String()] = "present"
	root := []reflect.StructField{
		structField(0, envSubject, subjT),
		structField(1, envPresent, presT),
		structField(2, envAsOf, typeTime),
		structField(3, envBudget, typeBudgetPtr),
	}
	l.subjectIdx, l.presentIdx, l.asOfIdx, l.budgetIdx = 0, 1, 2, 3
	for _, s := range sources {
		es := envSource{id: s.ID, kind: s.Kind, idx: len(root), fields: map[string]int{}}
		var fs []reflect.StructField
		for _, name := range sourceFields(s.Kind) {
			t := resultFieldType(name)
			if name == "data" {
				t = typeAnyMap
				if s.Custom != nil && len(s.Custom.Fields) > 0 {
					es.dataTyped = true
					es.dataDecl = s.Custom.Fields
					es.dataFields = map[string]int{}
					df := make([]reflect.StructField, len(s.Custom.Fields))
					for j, f := range s.Custom.Fields {
						ft := f.Type.goType()
						if ft == nil {
							return nil, fmt.Errorf("%w: source %q data field %q has no type", ErrInvalidTemplate, s.ID, f.Name)
						}
						df[j] = structField(j, f.Name, ft)
						es.dataFields[f.Name] = j
					}
					t = reflect.StructOf(df)
					l.typeNames[t.String()] = s.ID + ".data"
				}
			}
			es.fields[name] = len(fs)
			fs = append(fs, structField(len(fs), name, t))
		}
		st := reflect.StructOf(fs)
		l.typeNames[st.String()] = "source " + s.ID
		root = append(root, structField(len(root), s.ID, st))
		l.sources = append(l.sources, es)
		l.roots[s.ID] = true
		l.sourceIDs = append(l.sourceIDs, s.ID)
	}
	l.typ = reflect.StructOf(root)
	l.typeNames[l.typ.String()] = "the rule environment"
	l.zero = reflect.New(l.typ).Elem().Interface()
	return l, nil
}

// constEnv is the environment a rule that reads nothing runs in when the
// template loads.
func (l *envLayout) constEnv(limits Limits) any {
	v := reflect.New(l.typ).Elem()
	v.Field(l.budgetIdx).Set(reflect.ValueOf(&strBudget{limit: limits.MaxStringBytes}))
	return v.Interface()
}

// build fills an environment value for one evaluation.
func (l *envLayout) build(st *evalState) any {
	v := reflect.New(l.typ).Elem()
	subj := v.Field(l.subjectIdx)
	pres := v.Field(l.presentIdx)
	for i, p := range st.t.params {
		if x, ok := st.subject[p.Name]; ok && x != nil {
			subj.Field(i).Set(reflect.ValueOf(x))
			pres.Field(i).SetBool(true)
		}
	}
	v.Field(l.asOfIdx).Set(reflect.ValueOf(st.asOf))
	v.Field(l.budgetIdx).Set(reflect.ValueOf(st.budget))
	for i, es := range l.sources {
		r := &st.results[i]
		sv := v.Field(es.idx)
		for name, fi := range es.fields {
			f := sv.Field(fi)
			switch name {
			case "status":
				f.SetString(r.Status.String())
			case "ok":
				f.SetBool(r.Status == StatusOK)
			case "error":
				f.SetString(r.Error)
			case "duration_ms":
				f.SetInt(r.DurationMS)
			case "matched":
				f.SetBool(r.Matched)
			case "match_count":
				f.SetInt(int64(r.MatchCount))
			case "best_score":
				f.SetFloat(r.BestScore)
			case "lists_hit":
				f.Set(reflect.ValueOf(r.ListsHit))
			case "hits":
				f.Set(reflect.ValueOf(r.Hits))
			case "valid":
				f.SetBool(r.Valid)
			case "data":
				if !es.dataTyped {
					f.Set(reflect.ValueOf(r.Data))
					continue
				}
				for j, df := range es.dataDecl {
					if x, ok := st.data[i][df.Name]; ok {
						f.Field(j).Set(reflect.ValueOf(x))
					}
				}
			}
		}
	}
	return v.Interface()
}

// readable replaces the generated struct types in an expr message with
// their names in the template.
func (l *envLayout) readable(msg string) string {
	if !strings.Contains(msg, "struct {") {
		return msg
	}
	// Longest first: the environment's type contains the others.
	names := make([]string, 0, len(l.typeNames))
	for k := range l.typeNames {
		names = append(names, k)
	}
	slices.SortFunc(names, func(a, b string) int { return len(b) - len(a) })
	for _, k := range names {
		msg = strings.ReplaceAll(msg, k, l.typeNames[k])
	}
	return msg
}
