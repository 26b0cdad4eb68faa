package rules

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
)

// decoder reads a goccy/go-yaml syntax tree by hand rather than through
// reflection, so that every problem is reported (not just the first), with
// the file position and YAML path of the node at fault, and so that
// anchors, aliases and merge keys can be refused before anything expands
// them.
type decoder struct {
	file  string
	src   string
	lines []int // byte offset of the start of each line
	errs  []*LoadError
}

func newDecoder(file string, src []byte) *decoder {
	d := &decoder{file: file, src: string(src), lines: []int{0}}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			d.lines = append(d.lines, i+1)
		}
	}
	return d
}

// fail records a problem at node n (nil for the whole file).
func (d *decoder) fail(n ast.Node, path string, err error) {
	line, col := d.pos(n)
	d.errs = append(d.errs, &LoadError{File: d.file, Line: line, Column: col, Path: path, Err: err})
}

// failf records a problem wrapping sentinel.
func (d *decoder) failf(n ast.Node, path string, sentinel error, format string, args ...any) {
	d.fail(n, path, fmt.Errorf("%w: %s", sentinel, fmt.Sprintf(format, args...)))
}

// err joins the recorded problems in file order.
func (d *decoder) err() error {
	if len(d.errs) == 0 {
		return nil
	}
	sort.SliceStable(d.errs, func(i, j int) bool {
		a, b := d.errs[i], d.errs[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	errs := make([]error, len(d.errs))
	for i, e := range d.errs {
		errs[i] = e
	}
	return errors.Join(errs...)
}

// pos returns the 1-based line and column where a node starts.
func (d *decoder) pos(n ast.Node) (int, int) {
	if n == nil {
		return 0, 0
	}
	var tk = n.GetToken()
	switch x := n.(type) {
	case *ast.MappingNode:
		if len(x.Values) > 0 && x.Values[0].Key != nil {
			tk = x.Values[0].Key.GetToken()
		}
	case *ast.MappingValueNode:
		if x.Key != nil {
			tk = x.Key.GetToken()
		}
	case *ast.LiteralNode:
		tk = x.Start
	}
	if tk == nil || tk.Position == nil {
		return 0, 0
	}
	return tk.Position.Line, tk.Position.Column
}

// lineText returns line (1-based) of the file without its newline.
func (d *decoder) lineText(line int) string {
	if line < 1 || line > len(d.lines) {
		return ""
	}
	start := d.lines[line-1]
	end := len(d.src)
	if line < len(d.lines) {
		end = d.lines[line] - 1
	}
	return strings.TrimRight(d.src[start:end], "\r")
}

// offsetOf converts a 1-based line and rune column to a byte offset; -1
// when out of range.
func (d *decoder) offsetOf(line, col int) int {
	if line < 1 || line > len(d.lines) || col < 1 {
		return -1
	}
	off := d.lines[line-1]
	for c := 1; c < col && off < len(d.src); c++ {
		if d.src[off] == '\n' {
			return -1
		}
		_, size := utf8.DecodeRuneInString(d.src[off:])
		off += size
	}
	return off
}

// lineCol converts a byte offset to a 1-based line and rune column.
func (d *decoder) lineCol(off int) (int, int) {
	i := sort.Search(len(d.lines), func(i int) bool { return d.lines[i] > off }) - 1
	if i < 0 {
		return 0, 0
	}
	return i + 1, utf8.RuneCountInString(d.src[d.lines[i]:off]) + 1
}

// snippet renders a file line with a caret under col.
func (d *decoder) snippet(line, col int) string {
	text := strings.ReplaceAll(d.lineText(line), "\t", " ")
	if text == "" || col < 1 {
		return ""
	}
	num := strconv.Itoa(line)
	pad := strings.Repeat(" ", len(num))
	caret := strings.Repeat(" ", min(col-1, utf8.RuneCountInString(text))) + "^"
	return fmt.Sprintf(" %s | %s\n %s | %s", num, text, pad, caret)
}

// resolve strips tags and comments from a node and refuses anchors and
// aliases. It returns nil for a null or absent node.
func (d *decoder) resolve(n ast.Node, path string) ast.Node {
	for range 8 {
		switch x := n.(type) {
		case nil:
			return nil
		case *ast.TagNode:
			if x.Start != nil && x.Start.Value == "!!str" && x.Value != nil && x.Value.GetToken() != nil {
				if _, isScalar := x.Value.(ast.ScalarNode); isScalar {
					return ast.String(x.Value.GetToken())
				}
			}
			n = x.Value
		case *ast.CommentGroupNode:
			return nil
		case *ast.AnchorNode, *ast.AliasNode:
			d.failf(n, path, ErrInvalidTemplate, "anchors and aliases are not supported in templates")
			return nil
		case *ast.NullNode:
			return nil
		default:
			return n
		}
	}
	return nil
}

// entry is a key of a mapping with its value.
type entry struct {
	key  string
	kn   ast.Node // the key node, for positions
	v    ast.Node // resolved value; nil for null
	raw  ast.Node // the value as written, before resolve
	path string
}

// fields is a mapping being read.
type fields struct {
	d     *decoder
	node  ast.Node
	path  string
	m     map[string]entry
	order []string
}

// childPath appends a key to a YAML path, quoting keys that are not
// identifiers the way goccy/go-yaml paths do.
func childPath(path, key string) string {
	if key != "" && strings.IndexFunc(key, func(r rune) bool {
		return !(r == '_' || r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) < 0 {
		return path + "." + key
	}
	return path + "['" + strings.ReplaceAll(key, "'", "''") + "']"
}

func indexPath(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// mapping reads a mapping node and reports keys not in allowed (when
// allowed is non-nil), duplicate keys and non-string keys. It returns nil
// when n is not a mapping (and reports that).
func (d *decoder) mapping(n ast.Node, path string, allowed []string) *fields {
	orig := n
	n = d.resolve(n, path)
	if n == nil {
		switch orig.(type) {
		case *ast.AnchorNode, *ast.AliasNode: // reported by resolve
		default:
			d.failf(orig, path, ErrInvalidTemplate, "want a mapping, got nothing")
		}
		return nil
	}
	mn, ok := n.(*ast.MappingNode)
	if mv, single := n.(*ast.MappingValueNode); single {
		mn, ok = &ast.MappingNode{BaseNode: mv.BaseNode, Start: mv.Start, Values: []*ast.MappingValueNode{mv}}, true
	}
	if !ok {
		d.failf(n, path, ErrInvalidTemplate, "want a mapping, got %s", nodeKind(n))
		return nil
	}
	f := &fields{d: d, node: mn, path: path, m: make(map[string]entry, len(mn.Values))}
	for _, mv := range mn.Values {
		if mv == nil || mv.Key == nil {
			continue
		}
		if mv.Key.IsMergeKey() {
			d.failf(mv.Key, path, ErrInvalidTemplate, "merge keys (<<) are not supported in templates")
			continue
		}
		kn := d.resolve(mv.Key, path)
		key, ok := scalarString(kn)
		if !ok {
			d.failf(mv.Key, path, ErrInvalidTemplate, "keys must be strings")
			continue
		}
		p := childPath(path, key)
		if _, dup := f.m[key]; dup {
			d.failf(mv.Key, p, ErrInvalidTemplate, "duplicate key %q", key)
			continue
		}
		if allowed != nil && !containsString(allowed, key) {
			msg := fmt.Sprintf("unknown key %q", key)
			if s := suggest(key, allowed); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			d.failf(mv.Key, p, ErrInvalidTemplate, "%s", msg)
			continue
		}
		f.m[key] = entry{key: key, kn: mv.Key, v: d.resolve(mv.Value, p), raw: mv.Value, path: p}
		f.order = append(f.order, key)
	}
	return f
}

// get returns a key's entry; ok is false when the key is absent or null.
func (f *fields) get(key string) (entry, bool) {
	if f == nil {
		return entry{}, false
	}
	e, ok := f.m[key]
	return e, ok && e.v != nil
}

// required returns a key's entry and reports it when absent or null.
func (f *fields) required(key string) (entry, bool) {
	if f == nil {
		return entry{}, false
	}
	e, ok := f.get(key)
	if !ok {
		switch e.raw.(type) {
		case *ast.AnchorNode, *ast.AliasNode: // refused by resolve already
		default:
			f.d.failf(f.node, childPath(f.path, key), ErrInvalidTemplate, "missing required key %q", key)
		}
	}
	return e, ok
}

// entries returns the entries in file order.
func (f *fields) entries() []entry {
	if f == nil {
		return nil
	}
	out := make([]entry, 0, len(f.order))
	for _, k := range f.order {
		out = append(out, f.m[k])
	}
	return out
}

// seq reads a sequence node into its items.
func (d *decoder) seq(e entry) []entry {
	if e.v == nil {
		return nil
	}
	sn, ok := e.v.(*ast.SequenceNode)
	if !ok {
		d.failf(e.v, e.path, ErrInvalidTemplate, "want a list, got %s", nodeKind(e.v))
		return nil
	}
	out := make([]entry, 0, len(sn.Values))
	for i, v := range sn.Values {
		p := indexPath(e.path, i)
		out = append(out, entry{kn: v, v: d.resolve(v, p), path: p})
	}
	return out
}

// str reads a string scalar (plain, quoted or block).
func (d *decoder) str(e entry) (string, bool) {
	s, ok := scalarString(e.v)
	if !ok {
		d.failf(e.v, e.path, ErrInvalidTemplate, "want a string, got %s", nodeKind(e.v))
	}
	return s, ok
}

// ident reads a string that must be a lower-case identifier.
func (d *decoder) ident(e entry) (string, bool) {
	s, ok := d.str(e)
	if !ok {
		return "", false
	}
	if !validIdent(s) || exprKeywords[s] {
		d.failf(e.v, e.path, ErrInvalidTemplate, "%q is not a valid identifier: want [a-z][a-z0-9_]*, at most %d bytes, not an expr keyword", s, maxIdentLen)
		return "", false
	}
	return s, true
}

// integer reads an integer scalar.
func (d *decoder) integer(e entry) (int, bool) {
	if in, ok := e.v.(*ast.IntegerNode); ok {
		if n, ok := toInt(in.Value); ok {
			return n, true
		}
	}
	d.failf(e.v, e.path, ErrInvalidTemplate, "want an integer, got %s", nodeKind(e.v))
	return 0, false
}

// number reads an integer or float scalar.
func (d *decoder) number(e entry) (float64, bool) {
	switch x := e.v.(type) {
	case *ast.IntegerNode:
		if f, ok := toFloat(x.Value); ok {
			return f, true
		}
	case *ast.FloatNode:
		if !math.IsNaN(x.Value) && !math.IsInf(x.Value, 0) {
			return x.Value, true
		}
	}
	d.failf(e.v, e.path, ErrInvalidTemplate, "want a number, got %s", nodeKind(e.v))
	return 0, false
}

// boolean reads a boolean scalar.
func (d *decoder) boolean(e entry) (bool, bool) {
	if b, ok := e.v.(*ast.BoolNode); ok {
		return b.Value, true
	}
	d.failf(e.v, e.path, ErrInvalidTemplate, "want true or false, got %s", nodeKind(e.v))
	return false, false
}

// duration reads a Go duration string ("10s", "1m30s").
func (d *decoder) duration(e entry) (time.Duration, bool) {
	s, ok := d.str(e)
	if !ok {
		return 0, false
	}
	v, err := time.ParseDuration(s)
	if err != nil || v <= 0 {
		d.failf(e.v, e.path, ErrInvalidTemplate, "%q is not a positive duration like \"10s\" or \"1m30s\"", s)
		return 0, false
	}
	return v, true
}

// strList reads a list of strings.
func (d *decoder) strList(e entry) ([]string, bool) {
	if _, isSeq := e.v.(*ast.SequenceNode); !isSeq {
		d.failf(e.v, e.path, ErrInvalidTemplate, "want a list of strings, got %s", nodeKind(e.v))
		return nil, false
	}
	items := d.seq(e)
	out := make([]string, 0, len(items))
	ok := true
	for _, it := range items {
		s, good := d.str(it)
		ok = ok && good
		out = append(out, s)
	}
	return out, ok
}

// enum reads a string and parses it with parse.
func enumEntry[T any](d *decoder, e entry, parse func(string) (T, error)) (T, bool) {
	var zero T
	s, ok := d.str(e)
	if !ok {
		return zero, false
	}
	v, err := parse(s)
	if err != nil {
		d.fail(e.v, e.path, fmt.Errorf("%w: %w", ErrInvalidTemplate, err))
		return zero, false
	}
	return v, true
}

// value converts a node to a plain Go value: string, int, float64, bool,
// nil, []any, map[string]any.
func (d *decoder) value(n ast.Node, path string, depth int) (any, bool) {
	if depth > 16 {
		d.failf(n, path, ErrInvalidTemplate, "value nested too deeply")
		return nil, false
	}
	n = d.resolve(n, path)
	switch x := n.(type) {
	case nil:
		return nil, true
	case *ast.StringNode, *ast.LiteralNode:
		s, _ := scalarString(x)
		return s, true
	case *ast.IntegerNode:
		if v, ok := toInt(x.Value); ok {
			return v, true
		}
		d.failf(n, path, ErrInvalidTemplate, "integer out of range")
		return nil, false
	case *ast.FloatNode:
		return x.Value, true
	case *ast.BoolNode:
		return x.Value, true
	case *ast.SequenceNode:
		out := make([]any, 0, len(x.Values))
		ok := true
		for i, v := range x.Values {
			item, good := d.value(v, indexPath(path, i), depth+1)
			ok = ok && good
			out = append(out, item)
		}
		return out, ok
	case *ast.MappingNode:
		f := d.mapping(x, path, nil)
		out := map[string]any{}
		ok := f != nil
		for _, e := range f.entries() {
			v, good := d.value(e.v, e.path, depth+1)
			ok = ok && good
			out[e.key] = v
		}
		return out, ok
	}
	d.failf(n, path, ErrInvalidTemplate, "unsupported value %s", nodeKind(n))
	return nil, false
}

// scalarString returns the text of a string or block scalar.
func scalarString(n ast.Node) (string, bool) {
	switch x := n.(type) {
	case *ast.StringNode:
		return x.Value, true
	case *ast.LiteralNode:
		if x.Value == nil {
			return "", true
		}
		return x.Value.Value, true
	}
	return "", false
}

// nodeKind names a node's kind for messages.
func nodeKind(n ast.Node) string {
	switch n.(type) {
	case nil:
		return "nothing"
	case *ast.StringNode, *ast.LiteralNode:
		return "a string"
	case *ast.IntegerNode:
		return "an integer"
	case *ast.FloatNode, *ast.InfinityNode, *ast.NanNode:
		return "a number"
	case *ast.BoolNode:
		return "a boolean"
	case *ast.SequenceNode:
		return "a list"
	case *ast.MappingNode:
		return "a mapping"
	}
	return "a " + strings.ToLower(n.Type().String())
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// suggest returns the candidate closest to s when it is a plausible typo
// (edit distance at most 2, and less than half the length).
func suggest(s string, candidates []string) string {
	best, bestD := "", 3
	for _, c := range candidates {
		if d := editDistance(s, c); d < bestD && d*2 < max(len(s), len(c)) {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between two short strings,
// bounded to keep it cheap on long input.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 64
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
