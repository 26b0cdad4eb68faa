package rules

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/goccy/go-yaml/ast"

	"github.com/sievekyc/sieve/lists"
)

// The keys each mapping of a template may hold. template.schema.json
// declares the same keys; a test keeps the two in step.
var (
	keysTemplate       = []string{"id", "version", "status", "name", "description", "subject", "requires_signoff", "parameters", "sources", "rules", "risk_bands", "tests"}
	keysParameters     = []string{"document", "fields"}
	keysDocumentField  = []string{"param", "type"}
	keysParam          = []string{"type", "required", "description", "format", "enum", "max_length"}
	keysSource         = []string{"id", "kind", "description", "tier", "timeout", "expected_duration", "enabled", "screening", "document", "custom"}
	keysScreening      = []string{"lists", "threshold", "limit", "name", "names", "dob", "country", "entity_type"}
	keysDocumentSource = []string{"param", "type"}
	keysCustom         = []string{"name", "fields"}
	keysRule           = []string{"id", "description", "when", "outcome", "risk_points", "risk_factor", "finding", "recommendation"}
	keysFinding        = []string{"category", "status", "details", "sort_order"}
	keysRecommendation = []string{"content", "priority"}
	keysBands          = []string{"medium", "high"}
	keysTest           = []string{"name", "description", "as_of", "subject", "sources", "expect"}
	keysResult         = []string{"status", "error", "matched", "match_count", "best_score", "lists_hit", "hits", "valid", "data", "duration_ms"}
	keysHit            = []string{"entity_id", "list", "name", "query", "score", "type", "programs"}
	keysExpect         = []string{"decision", "operative_decision", "band", "score", "fired", "holds", "rule_errors"}
)

// Bounds of declared values.
const (
	maxTextLen         = 2000 // descriptions, details, recommendations
	maxScreeningLimit  = 1000
	maxRecommendPrio   = 100
	maxSortOrder       = 100000
	maxEnumValues      = 100
	maxCustomFields    = 64
	maxParams          = 64
	maxExpectListItems = 1000
)

// builder turns a template's syntax tree into a Template, recording every
// problem on its decoder.
type builder struct {
	d      *decoder
	loader *Loader
	limits Limits
	t      *Template
}

func (b *builder) template(root ast.Node) *Template {
	d := b.d
	t := &Template{
		file:        d.file,
		paramIndex:  map[string]int{},
		sourceIndex: map[string]int{},
		ruleIdx:     map[string]int{},
		limits:      b.limits,
		documents:   map[string]DocumentValidator{},
	}
	b.t = t
	f := d.mapping(root, "$", keysTemplate)
	if f == nil {
		return nil
	}
	if e, ok := f.required("id"); ok {
		t.id, _ = d.ident(e)
	}
	if e, ok := f.required("version"); ok {
		if v, ok := d.integer(e); ok {
			if v < 1 {
				d.failf(e.v, e.path, ErrInvalidTemplate, "version must be a positive integer")
			}
			t.version = v
		}
	}
	if e, ok := f.required("status"); ok {
		t.status, _ = enumEntry(d, e, ParseTemplateStatus)
	}
	if e, ok := f.get("name"); ok {
		t.name, _ = b.text(e)
	}
	if t.name == "" {
		t.name = t.id
	}
	if e, ok := f.get("description"); ok {
		t.description, _ = b.text(e)
	}
	kindOK := false
	if e, ok := f.required("subject"); ok {
		t.kind, kindOK = enumEntry(d, e, ParseSubjectKind)
	}
	if e, ok := f.get("requires_signoff"); ok {
		t.requiresSignoff, _ = d.boolean(e)
	}
	paramsOK := kindOK && b.parameters(f)
	sourcesOK := b.sources(f, paramsOK)
	if e, ok := f.required("risk_bands"); ok {
		b.bands(e)
	}
	if paramsOK && sourcesOK {
		env, err := newEnvLayout(t.params, t.sources)
		if err != nil {
			d.fail(root, "$", err)
			return nil
		}
		t.env = env
	}
	b.rules(f)
	if t.env != nil {
		b.tests(f)
	}
	return t
}

// text reads a bounded free-text string.
func (b *builder) text(e entry) (string, bool) {
	s, ok := b.d.str(e)
	if ok && len(s) > maxTextLen {
		b.d.failf(e.v, e.path, ErrInvalidTemplate, "text is %d bytes, at most %d", len(s), maxTextLen)
		return "", false
	}
	return strings.TrimSpace(s), ok
}

// parameters reads the parameter schema and the document field.
func (b *builder) parameters(root *fields) bool {
	d, t := b.d, b.t
	doc := t.kind.defaultDocument()
	ok := true
	f := &fields{d: d}
	if e, present := root.get("parameters"); present {
		if f = d.mapping(e.v, e.path, keysParameters); f == nil {
			return false
		}
	}
	if e, present := f.get("document"); present {
		if s, isStr := scalarString(e.v); isStr {
			doc = DocumentField{Param: s, Type: s}
			if !validIdent(s) {
				d.failf(e.v, e.path, ErrInvalidTemplate, "%q is not a valid parameter name", s)
				ok = false
			}
		} else if df := d.mapping(e.v, e.path, keysDocumentField); df != nil {
			if pe, has := df.required("param"); has {
				doc.Param, _ = d.ident(pe)
			}
			if te, has := df.required("type"); has {
				doc.Type, _ = d.str(te)
			}
		} else {
			ok = false
		}
		if v, known := b.documentType(doc.Type); known {
			t.documents[doc.Type] = v
		} else {
			d.failf(e.v, e.path, ErrInvalidDocument, "unknown document type %q (registered: %s)", doc.Type, strings.Join(b.loader.Documents.Names(), ", "))
			ok = false
		}
	} else {
		v, _ := b.documentType(doc.Type)
		t.documents[doc.Type] = v
	}
	t.document = doc

	var params []Param
	docDeclared := false
	if e, present := f.get("fields"); present {
		pf := d.mapping(e.v, e.path, nil)
		if pf == nil {
			return false
		}
		if len(pf.order) > maxParams {
			d.failf(e.v, e.path, ErrInvalidTemplate, "%d parameters, at most %d", len(pf.order), maxParams)
			return false
		}
		for _, pe := range pf.entries() {
			p, good := b.param(pe)
			ok = ok && good
			if !good {
				continue
			}
			if p.Name == doc.Param {
				docDeclared = true
				switch {
				case p.Type != ParamString:
					d.failf(pe.v, pe.path, ErrInvalidTemplate, "the document parameter %q must be a string", p.Name)
					ok = false
				case p.Format != "" && p.Format != doc.Type:
					d.failf(pe.v, pe.path, ErrInvalidTemplate, "the document parameter %q has format %q, but the document type is %q", p.Name, p.Format, doc.Type)
					ok = false
				case !p.Required && hasKey(pe, "required"):
					d.failf(pe.v, pe.path, ErrInvalidTemplate, "the document parameter %q is always required", p.Name)
					ok = false
				}
				p.Required, p.Format = true, doc.Type
			}
			params = append(params, p)
		}
	}
	if !docDeclared {
		params = append([]Param{{Name: doc.Param, Type: ParamString, Required: true, Format: doc.Type,
			Description: "document (" + doc.Type + ")"}}, params...)
	}
	for i, p := range params {
		t.paramIndex[p.Name] = i
	}
	t.params = params
	return ok
}

func hasKey(e entry, key string) bool {
	mn, ok := e.v.(*ast.MappingNode)
	if !ok {
		return false
	}
	for _, mv := range mn.Values {
		if s, ok := scalarString(mv.Key); ok && s == key {
			return true
		}
	}
	return false
}

// documentType looks a document type up in the loader's registry.
func (b *builder) documentType(name string) (DocumentValidator, bool) {
	return b.loader.Documents.Lookup(name)
}

// param reads one parameter of the schema.
func (b *builder) param(e entry) (Param, bool) {
	d := b.d
	p := Param{Name: e.key}
	if !validIdent(e.key) || exprKeywords[e.key] {
		d.failf(e.kn, e.path, ErrInvalidTemplate, "%q is not a valid parameter name: want [a-z][a-z0-9_]*, not an expr keyword", e.key)
		return p, false
	}
	if e.v == nil {
		d.failf(e.kn, e.path, ErrInvalidTemplate, "parameter %q needs at least a type", e.key)
		return p, false
	}
	f := d.mapping(e.v, e.path, keysParam)
	if f == nil {
		return p, false
	}
	ok := true
	if te, has := f.required("type"); has {
		p.Type, ok = enumEntry(d, te, ParseParamType)
	} else {
		ok = false
	}
	if re, has := f.get("required"); has {
		p.Required, _ = d.boolean(re)
	}
	if de, has := f.get("description"); has {
		p.Description, _ = b.text(de)
	}
	stringy := p.Type == ParamString || p.Type == ParamStringList
	if fe, has := f.get("format"); has {
		if s, good := d.str(fe); good {
			p.Format = s
			switch {
			case !stringy:
				d.failf(fe.v, fe.path, ErrInvalidTemplate, "a format applies to string parameters only")
				ok = false
			case s == FormatCountry:
			default:
				v, known := b.documentType(s)
				if !known {
					d.failf(fe.v, fe.path, ErrInvalidDocument, "unknown format %q: want %q or a document type (%s)", s, FormatCountry, strings.Join(b.loader.Documents.Names(), ", "))
					ok = false
				} else {
					b.t.documents[s] = v
				}
			}
		}
	}
	if ee, has := f.get("enum"); has {
		vals, good := d.strList(ee)
		switch {
		case !good:
			ok = false
		case !stringy:
			d.failf(ee.v, ee.path, ErrInvalidTemplate, "an enum applies to string parameters only")
			ok = false
		case len(vals) == 0 || len(vals) > maxEnumValues:
			d.failf(ee.v, ee.path, ErrInvalidTemplate, "an enum holds 1 to %d values", maxEnumValues)
			ok = false
		}
		p.Enum = vals
	}
	if me, has := f.get("max_length"); has {
		if n, good := d.integer(me); good {
			if !stringy || n < 1 || n > MaxParamLength {
				d.failf(me.v, me.path, ErrInvalidTemplate, "max_length applies to string parameters and runs from 1 to %d", MaxParamLength)
				ok = false
			}
			p.MaxLength = n
		}
	}
	return p, ok
}

// sources reads the source declarations. It reports false when the sources
// cannot make a rule environment.
func (b *builder) sources(root *fields, paramsOK bool) bool {
	d, t := b.d, b.t
	e, present := root.get("sources")
	if !present {
		return true
	}
	items := d.seq(e)
	if items == nil {
		_, isSeq := e.v.(*ast.SequenceNode)
		return isSeq
	}
	if len(items) > MaxSources {
		d.failf(e.v, e.path, ErrInvalidTemplate, "%d sources, at most %d", len(items), MaxSources)
		return false
	}
	ok := true
	for _, it := range items {
		s, good := b.source(it, paramsOK)
		if !good {
			ok = false
			continue
		}
		if _, dup := t.sourceIndex[s.ID]; dup {
			d.failf(it.v, childPath(it.path, "id"), ErrInvalidTemplate, "duplicate source id %q", s.ID)
			ok = false
			continue
		}
		t.sourceIndex[s.ID] = len(t.sources)
		t.sources = append(t.sources, s)
		line, _ := d.pos(it.v)
		t.sourceLine = append(t.sourceLine, line)
	}
	return ok
}

func (b *builder) source(e entry, paramsOK bool) (Source, bool) {
	d := b.d
	s := Source{Enabled: true}
	f := d.mapping(e.v, e.path, keysSource)
	if f == nil {
		return s, false
	}
	ok := true
	if ie, has := f.required("id"); has {
		id, good := d.ident(ie)
		if good && (reservedRoot(id) || strings.HasPrefix(id, "__")) {
			d.failf(ie.v, ie.path, ErrInvalidTemplate, "source id %q is a reserved name of the rule environment", id)
			good = false
		}
		s.ID, ok = id, good
	} else {
		ok = false
	}
	if ke, has := f.required("kind"); has {
		k, good := enumEntry(d, ke, ParseSourceKind)
		s.Kind, ok = k, ok && good
	} else {
		ok = false
	}
	if de, has := f.get("description"); has {
		s.Description, _ = b.text(de)
	}
	if te, has := f.required("tier"); has {
		if n, good := d.integer(te); good {
			if n < TierCritical || n > MaxTier {
				d.failf(te.v, te.path, ErrInvalidTemplate, "tier runs from %d (critical) to %d", TierCritical, MaxTier)
			}
			s.Tier = n
		}
	}
	if te, has := f.required("timeout"); has {
		if v, good := d.duration(te); good {
			if v > MaxSourceTimeout {
				d.failf(te.v, te.path, ErrInvalidTemplate, "timeout %v is longer than %v", v, MaxSourceTimeout)
			}
			s.Timeout = v
		}
	}
	s.ExpectedDuration = s.Timeout
	if xe, has := f.get("expected_duration"); has {
		if v, good := d.duration(xe); good {
			if s.Timeout > 0 && v > s.Timeout {
				d.failf(xe.v, xe.path, ErrInvalidTemplate, "expected_duration %v is longer than the timeout %v", v, s.Timeout)
			}
			s.ExpectedDuration = v
		}
	}
	if ee, has := f.get("enabled"); has {
		s.Enabled, _ = d.boolean(ee)
	}
	blocks := map[SourceKind]string{SourceScreening: "screening", SourceDocument: "document", SourceCustom: "custom"}
	for kind, key := range blocks {
		if be, has := f.get(key); has && kind != s.Kind && s.Kind != 0 {
			d.failf(be.kn, be.path, ErrInvalidTemplate, "a %v source has no %q block", s.Kind, key)
			ok = false
		}
	}
	if s.Kind == 0 || !paramsOK {
		return s, ok
	}
	be, has := f.required(blocks[s.Kind])
	if !has {
		return s, false
	}
	var good bool
	switch s.Kind {
	case SourceScreening:
		s.Screening, good = b.screening(be)
	case SourceDocument:
		s.Document, good = b.documentSource(be)
	case SourceCustom:
		s.Custom, good = b.custom(be)
	}
	return s, ok && good
}

// paramRef checks that a key names a parameter of one of the given types.
func (b *builder) paramRef(e entry, types ...ParamType) (string, bool) {
	name, ok := b.d.str(e)
	if !ok {
		return "", false
	}
	i, known := b.t.paramIndex[name]
	if !known {
		msg := fmt.Sprintf("unknown parameter %q", name)
		if s := suggest(name, b.paramNames()); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		b.d.failf(e.v, e.path, ErrInvalidTemplate, "%s", msg)
		return "", false
	}
	p := b.t.params[i]
	for _, t := range types {
		if p.Type == t {
			return name, true
		}
	}
	want := make([]string, len(types))
	for i, t := range types {
		want[i] = t.String()
	}
	b.d.failf(e.v, e.path, ErrInvalidTemplate, "parameter %q is a %v, want %s", name, p.Type, strings.Join(want, " or "))
	return "", false
}

func (b *builder) paramNames() []string {
	out := make([]string, len(b.t.params))
	for i, p := range b.t.params {
		out[i] = p.Name
	}
	return out
}

func (b *builder) screening(e entry) (*ScreeningSource, bool) {
	d := b.d
	f := d.mapping(e.v, e.path, keysScreening)
	if f == nil {
		return nil, false
	}
	s := &ScreeningSource{}
	ok := true
	if le, has := f.get("lists"); has {
		codes, good := d.strList(le)
		ok = ok && good
		seen := map[lists.Source]bool{}
		for i, c := range codes {
			src, err := lists.ParseSource(c)
			if err != nil {
				d.failf(le.v, indexPath(le.path, i), ErrInvalidTemplate, "unknown list %q", c)
				ok = false
				continue
			}
			if !seen[src] {
				seen[src] = true
				s.Lists = append(s.Lists, src)
			}
		}
	}
	if te, has := f.get("threshold"); has {
		if v, good := d.number(te); good {
			if v <= 0 || v > 1 {
				d.failf(te.v, te.path, ErrInvalidTemplate, "threshold runs over (0, 1]")
				ok = false
			}
			s.Threshold = v
		}
	}
	if le, has := f.get("limit"); has {
		if v, good := d.integer(le); good {
			if v < 1 || v > maxScreeningLimit {
				d.failf(le.v, le.path, ErrInvalidTemplate, "limit runs from 1 to %d", maxScreeningLimit)
				ok = false
			}
			s.Limit = v
		}
	}
	ne, hasName := f.get("name")
	nse, hasNames := f.get("names")
	switch {
	case hasName && hasNames:
		d.failf(nse.kn, nse.path, ErrInvalidTemplate, "set name or names, not both")
		ok = false
	case hasName:
		s.NameParam, _ = b.paramRef(ne, ParamString)
		ok = ok && s.NameParam != ""
	case hasNames:
		s.NamesParam, _ = b.paramRef(nse, ParamStringList)
		ok = ok && s.NamesParam != ""
	default:
		d.failf(f.node, childPath(f.path, "name"), ErrInvalidTemplate, "a screening needs name (a string parameter) or names (a string_list parameter)")
		ok = false
	}
	if de, has := f.get("dob"); has {
		s.DOBParam, _ = b.paramRef(de, ParamDate)
		ok = ok && s.DOBParam != ""
	}
	if ce, has := f.get("country"); has {
		s.CountryParam, _ = b.paramRef(ce, ParamString)
		ok = ok && s.CountryParam != ""
	}
	switch {
	case hasNames || b.t.kind == SubjectPerson:
		s.EntityType = lists.TypePerson
	default:
		s.EntityType = lists.TypeOrganization
	}
	if te, has := f.get("entity_type"); has {
		if str, good := d.str(te); good {
			et, err := lists.ParseEntityType(str)
			if err != nil {
				d.failf(te.v, te.path, ErrInvalidTemplate, "unknown entity type %q", str)
				ok = false
			}
			s.EntityType = et
		}
	}
	return s, ok
}

func (b *builder) documentSource(e entry) (*DocumentSource, bool) {
	d := b.d
	f := d.mapping(e.v, e.path, keysDocumentSource)
	if f == nil {
		return nil, false
	}
	s := &DocumentSource{}
	pe, has := f.required("param")
	if !has {
		return nil, false
	}
	s.Param, _ = b.paramRef(pe, ParamString)
	if s.Param == "" {
		return nil, false
	}
	if te, has := f.get("type"); has {
		s.Type, _ = d.str(te)
	} else {
		s.Type = b.t.params[b.t.paramIndex[s.Param]].Format
		if s.Type == "" || s.Type == FormatCountry {
			d.failf(f.node, childPath(f.path, "type"), ErrInvalidTemplate, "parameter %q has no document format: set type", s.Param)
			return nil, false
		}
	}
	v, known := b.documentType(s.Type)
	if !known {
		d.failf(f.node, childPath(f.path, "type"), ErrInvalidDocument, "unknown document type %q", s.Type)
		return nil, false
	}
	b.t.documents[s.Type] = v
	return s, true
}

func (b *builder) custom(e entry) (*CustomSource, bool) {
	d := b.d
	f := d.mapping(e.v, e.path, keysCustom)
	if f == nil {
		return nil, false
	}
	s := &CustomSource{}
	ok := true
	if ne, has := f.required("name"); has {
		s.Name, ok = d.ident(ne)
		if ok && b.loader.CustomSource != nil && !b.loader.CustomSource(s.Name) {
			d.failf(ne.v, ne.path, ErrUnknownSource, "no custom source %q is registered", s.Name)
			ok = false
		}
	} else {
		ok = false
	}
	if fe, has := f.get("fields"); has {
		ff := d.mapping(fe.v, fe.path, nil)
		if ff == nil {
			return nil, false
		}
		if len(ff.order) > maxCustomFields {
			d.failf(fe.v, fe.path, ErrInvalidTemplate, "%d fields, at most %d", len(ff.order), maxCustomFields)
			return nil, false
		}
		for _, x := range ff.entries() {
			if !validIdent(x.key) || exprKeywords[x.key] {
				d.failf(x.kn, x.path, ErrInvalidTemplate, "%q is not a valid field name", x.key)
				ok = false
				continue
			}
			if x.v == nil {
				d.failf(x.kn, x.path, ErrInvalidTemplate, "field %q needs a type", x.key)
				ok = false
				continue
			}
			typ, good := enumEntry(d, x, ParseParamType)
			if !good {
				ok = false
				continue
			}
			s.Fields = append(s.Fields, DataField{Name: x.key, Type: typ})
		}
	}
	return s, ok
}

// bands reads the risk-band cut-offs.
func (b *builder) bands(e entry) {
	d := b.d
	f := d.mapping(e.v, e.path, keysBands)
	if f == nil {
		return
	}
	me, hasM := f.required("medium")
	he, hasH := f.required("high")
	if !hasM || !hasH {
		return
	}
	m, okM := d.integer(me)
	h, okH := d.integer(he)
	if !okM || !okH {
		return
	}
	bands := Bands{Medium: m, High: h}
	if err := bands.Validate(); err != nil {
		d.fail(e.v, e.path, err)
		return
	}
	b.t.bands = bands
}

// rules reads and compiles the rules.
func (b *builder) rules(root *fields) {
	d, t := b.d, b.t
	e, has := root.required("rules")
	if !has {
		return
	}
	items := d.seq(e)
	if len(items) == 0 {
		if _, isSeq := e.v.(*ast.SequenceNode); isSeq {
			d.failf(e.v, e.path, ErrInvalidTemplate, "a template needs at least one rule")
		}
		return
	}
	if len(items) > b.limits.MaxRules {
		d.failf(e.v, e.path, ErrInvalidTemplate, "%d rules, at most %d", len(items), b.limits.MaxRules)
		return
	}
	slots := map[string]int{}
	var rc *ruleCompiler
	if t.env != nil {
		rc = newRuleCompiler(t.env, t.sourceIndex, b.limits)
	}
	for i, it := range items {
		r, whenNode, ok := b.rule(it, i)
		if !ok {
			continue
		}
		if _, dup := t.ruleIdx[r.ID]; dup {
			d.failf(it.v, childPath(it.path, "id"), ErrInvalidTemplate, "duplicate rule id %q", r.ID)
			continue
		}
		t.ruleIdx[r.ID] = len(t.rules)
		if rc == nil {
			t.rules = append(t.rules, r)
			continue
		}
		cr, xerr := rc.compile(r.When)
		if xerr != nil {
			line, col := d.exprPosition(whenNode, r.When, xerr.offset)
			d.errs = append(d.errs, &LoadError{File: d.file, Line: line, Column: col,
				Path: childPath(it.path, "when"), Rule: r.ID, Snippet: d.snippet(line, col), Err: xerr.err})
			continue
		}
		cr.findingID = FindingIDPrefix + r.ID
		cr.recommendationID = RecommendationIDPrefix + r.ID
		for j, rd := range cr.reads {
			if rd.kind == readAsOf {
				t.usesAsOf = true
			}
			slot, seen := slots[rd.path]
			if !seen {
				slot = len(slots)
				slots[rd.path] = slot
			}
			cr.reads[j].slot = slot
		}
		t.readSlots = len(slots)
		t.readCount += len(cr.reads)
		t.rules = append(t.rules, r)
		t.compiled = append(t.compiled, cr)
	}
}

func (b *builder) rule(e entry, i int) (Rule, ast.Node, bool) {
	d := b.d
	r := Rule{}
	f := d.mapping(e.v, e.path, keysRule)
	if f == nil {
		return r, nil, false
	}
	ok := true
	if ie, has := f.required("id"); has {
		r.ID, ok = d.ident(ie)
	} else {
		ok = false
	}
	if de, has := f.get("description"); has {
		r.Description, _ = b.text(de)
	}
	var whenNode ast.Node
	if we, has := f.required("when"); has {
		s, good := d.str(we)
		ok = ok && good
		r.When, whenNode = s, we.v
		r.Line, r.Column = d.pos(we.v)
		if lit, isLit := we.v.(*ast.LiteralNode); isLit && lit.Start != nil && lit.Start.Position != nil {
			r.Line, r.Column = lit.Start.Position.Line+1, 1
		}
	} else {
		ok = false
	}
	if oe, has := f.required("outcome"); has {
		o, good := enumEntry(d, oe, ParseOutcome)
		r.Outcome, ok = o, ok && good
	} else {
		ok = false
	}
	if pe, has := f.get("risk_points"); has {
		if n, good := d.integer(pe); good {
			if n < 0 || n > MaxRiskScore {
				d.failf(pe.v, pe.path, ErrInvalidTemplate, "risk_points run from 0 to %d", MaxRiskScore)
				ok = false
			}
			r.RiskPoints = n
		}
	}
	if fe, has := f.get("risk_factor"); has {
		r.RiskFactor, _ = b.text(fe)
	}
	r.Finding.SortOrder = i + 1
	if fe, has := f.required("finding"); has {
		ff := d.mapping(fe.v, fe.path, keysFinding)
		if ce, has := ff.required("category"); has {
			r.Finding.Category, _ = b.text(ce)
		}
		if se, has := ff.required("status"); has {
			r.Finding.Status, _ = enumEntry(d, se, ParseFindingStatus)
		}
		if de, has := ff.get("details"); has {
			r.Finding.Details, _ = b.text(de)
		}
		if r.Finding.Details == "" {
			r.Finding.Details = r.Description
		}
		if se, has := ff.get("sort_order"); has {
			if n, good := d.integer(se); good {
				if n < 0 || n > maxSortOrder {
					d.failf(se.v, se.path, ErrInvalidTemplate, "sort_order runs from 0 to %d", maxSortOrder)
				}
				r.Finding.SortOrder = n
			}
		}
	}
	if re, has := f.get("recommendation"); has {
		rf := d.mapping(re.v, re.path, keysRecommendation)
		rec := &RecommendationSpec{Priority: 1}
		if ce, has := rf.required("content"); has {
			rec.Content, _ = b.text(ce)
		}
		if pe, has := rf.get("priority"); has {
			if n, good := d.integer(pe); good {
				if n < 1 || n > maxRecommendPrio {
					d.failf(pe.v, pe.path, ErrInvalidTemplate, "priority runs from 1 (most urgent) to %d", maxRecommendPrio)
				}
				rec.Priority = n
			}
		}
		r.Recommendation = rec
	}
	return r, whenNode, ok
}

// dateValue parses a test case's as_of: a date or an RFC 3339 time.
func dateValue(s string) (time.Time, error) {
	if t, err := time.Parse(dateLayout, s); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, errors.New("want a date (YYYY-MM-DD) or an RFC 3339 time")
	}
	return t.UTC(), nil
}
