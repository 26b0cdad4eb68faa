package rules

import (
	"strings"

	"github.com/expr-lang/expr/ast"
)

// readKind classifies what a rule reads.
type readKind uint8

const (
	readParam       readKind = iota + 1 // subject.<param>
	readSubject                         // subject as a whole
	readPresent                         // present.<param> or present
	readAsOf                            // as_of
	readSourceMeta                      // <source>.status / ok / error / duration_ms
	readSourceField                     // <source>.<result field>, or the whole result
	readSourceData                      // <source>.data.<key>
)

// readRef is one value a rule reads: the longest static member path
// (identifier followed by dotted or quoted-string members) rooted at an
// environment name. Computed once at compile time; at evaluation its
// value is recorded on the RuleResult.
type readRef struct {
	path   string
	kind   readKind
	param  string // readParam, readPresent (empty for the whole struct)
	source int    // index of the source for the source kinds
	field  string // result field (readSourceMeta, readSourceField) or data key
	// slot numbers the distinct paths of a template, so one evaluation
	// computes each path's value once however many rules read it.
	slot int
}

// collectReads walks a parsed expression and returns its reads, in order of
// first appearance, without duplicates.
func collectReads(root ast.Node, env *envLayout, sourceIndex map[string]int) []readRef {
	c := &readCollector{env: env, sourceIndex: sourceIndex, seen: map[string]bool{}}
	c.visit(root)
	return c.out
}

type readCollector struct {
	env         *envLayout
	sourceIndex map[string]int
	seen        map[string]bool
	out         []readRef
}

// staticPath returns the identifier and member names of a pure member
// chain (subject.age, sanctions["hits"], bureau?.data.score).
func staticPath(n ast.Node) (string, []string, bool) {
	switch x := n.(type) {
	case *ast.IdentifierNode:
		return x.Value, nil, true
	case *ast.ChainNode:
		return staticPath(x.Node)
	case *ast.MemberNode:
		s, ok := x.Property.(*ast.StringNode)
		if !ok || x.Method {
			return "", nil, false
		}
		root, segs, ok := staticPath(x.Node)
		if !ok {
			return "", nil, false
		}
		return root, append(segs, s.Value), true
	}
	return "", nil, false
}

func (c *readCollector) visit(n ast.Node) {
	switch x := n.(type) {
	case nil:
	case *ast.IdentifierNode, *ast.MemberNode, *ast.ChainNode:
		if root, segs, ok := staticPath(n); ok {
			c.record(root, segs)
			return
		}
		switch x := n.(type) {
		case *ast.MemberNode:
			c.visit(x.Node)
			c.visit(x.Property)
		case *ast.ChainNode:
			c.visit(x.Node)
		}
	case *ast.UnaryNode:
		c.visit(x.Node)
	case *ast.BinaryNode:
		c.visit(x.Left)
		c.visit(x.Right)
	case *ast.SliceNode:
		c.visit(x.Node)
		c.visit(x.From)
		c.visit(x.To)
	case *ast.CallNode:
		if _, isIdent := x.Callee.(*ast.IdentifierNode); !isIdent {
			c.visit(x.Callee)
		}
		for _, a := range x.Arguments {
			c.visit(a)
		}
	case *ast.BuiltinNode:
		for _, a := range x.Arguments {
			c.visit(a)
		}
	case *ast.PredicateNode:
		c.visit(x.Node)
	case *ast.VariableDeclaratorNode:
		c.visit(x.Value)
		c.visit(x.Expr)
	case *ast.SequenceNode:
		for _, s := range x.Nodes {
			c.visit(s)
		}
	case *ast.ConditionalNode:
		c.visit(x.Cond)
		c.visit(x.Exp1)
		c.visit(x.Exp2)
	case *ast.ArrayNode:
		for _, s := range x.Nodes {
			c.visit(s)
		}
	case *ast.MapNode:
		for _, s := range x.Pairs {
			c.visit(s)
		}
	case *ast.PairNode:
		c.visit(x.Key)
		c.visit(x.Value)
	}
}

// record classifies a static path rooted at an environment name; other
// roots (let variables) are not reads.
func (c *readCollector) record(root string, segs []string) {
	if !c.env.roots[root] {
		return
	}
	r := readRef{}
	switch root {
	case envSubject:
		if len(segs) == 0 {
			r.kind = readSubject
		} else {
			r.kind, r.param, segs = readParam, segs[0], segs[:1]
		}
	case envPresent:
		r.kind = readPresent
		if len(segs) > 0 {
			r.param, segs = segs[0], segs[:1]
		}
	case envAsOf:
		r.kind, segs = readAsOf, nil
	default:
		r.source = c.sourceIndex[root]
		switch {
		case len(segs) == 0:
			r.kind = readSourceField
		case containsString(typeSourceMeta, segs[0]):
			r.kind, r.field, segs = readSourceMeta, segs[0], segs[:1]
		case segs[0] == "data" && len(segs) > 1:
			r.kind, r.field, segs = readSourceData, segs[1], segs[:2]
		default:
			r.kind, r.field, segs = readSourceField, segs[0], segs[:1]
		}
	}
	r.path = strings.Join(append([]string{root}, segs...), ".")
	if c.seen[r.path] {
		return
	}
	c.seen[r.path] = true
	c.out = append(c.out, r)
}
