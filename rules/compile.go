package rules

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/builtin"
	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/vm"
)

// allowedBuiltins are the expr built-in functions rules may call. Left out:
// now (a decision must not depend on the wall clock: use as_of), and
// everything that builds strings or collections whose size the memory
// budget does not see (repeat, join, replace, split, map, reduce, sort,
// concat, flatten, toJSON...).
var allowedBuiltins = []string{
	"all", "none", "any", "one", "filter", "find", "findIndex", "findLast", "findLastIndex",
	"count", "sum", "len", "abs", "ceil", "floor", "round", "int", "float", "max", "min",
	"mean", "median", "lower", "upper", "trim", "trimPrefix", "trimSuffix", "hasPrefix",
	"hasSuffix", "indexOf", "lastIndexOf", "first", "last", "get", "keys", "values",
	"date", "duration", "type",
}

// exprBuiltinNames holds the lower-case names of every expr built-in,
// allowed or not; no source may be called by one.
var exprBuiltinNames = func() map[string]bool {
	m := map[string]bool{}
	for _, f := range builtin.Builtins {
		m[strings.ToLower(f.Name)] = true
	}
	return m
}()

// compiledRule is a rule ready to evaluate.
type compiledRule struct {
	// findingID and recommendationID are the IDs the rule's finding and
	// recommendation carry: "af_" and "ar_" followed by the rule's ID.
	findingID        string
	recommendationID string
	program          *vm.Program
	reads            []readRef
	// constant is +1 or -1 when the optimized expression is the constant
	// true or false, 0 otherwise.
	constant int
	// conjuncts are the normalized top-level && operands, for lints.
	conjuncts []string
	// guarded are the parameters the rule tests with present.<param>.
	guarded map[string]bool
	// dataGuarded are the sources whose whole data map the rule reads (it
	// tests keys itself).
	dataGuarded map[int]bool
}

// ruleCompiler compiles a template's rules against its environment.
type ruleCompiler struct {
	env         *envLayout
	sourceIndex map[string]int
	limits      Limits
	opts        []expr.Option
}

func newRuleCompiler(env *envLayout, sourceIndex map[string]int, limits Limits) *ruleCompiler {
	opts := []expr.Option{
		expr.Env(env.zero),
		expr.AsBool(),
		expr.MaxNodes(uint(limits.MaxNodes)),
		expr.DisableAllBuiltins(),
		expr.Timezone("UTC"),
		addFunction,
		expr.Patch(concatPatch{}),
	}
	for _, name := range allowedBuiltins {
		opts = append(opts, expr.EnableBuiltin(name))
	}
	return &ruleCompiler{env: env, sourceIndex: sourceIndex, limits: limits, opts: opts}
}

// exprError is a compile problem at a rune offset of the expression.
type exprError struct {
	offset int
	err    error
}

// compile compiles one expression. On failure it returns the problem and
// the rune offset it points at.
func (c *ruleCompiler) compile(src string) (*compiledRule, *exprError) {
	if strings.TrimSpace(src) == "" {
		return nil, &exprError{0, fmt.Errorf("%w: empty expression", ErrCompile)}
	}
	if len(src) > c.limits.MaxExprBytes {
		return nil, &exprError{0, fmt.Errorf("%w: %w: expression is %d bytes, at most %d",
			ErrCompile, ErrBudgetExceeded, len(src), c.limits.MaxExprBytes)}
	}
	if off, depth := nestingDepth(src, c.limits.MaxNesting); off >= 0 {
		return nil, &exprError{off, fmt.Errorf("%w: %w: brackets nest deeper than %d",
			ErrCompile, ErrBudgetExceeded, depth)}
	}
	cfg := conf.CreateNew()
	cfg.MaxNodes = uint(c.limits.MaxNodes)
	tree, err := safeParse(src, cfg)
	if err != nil {
		return nil, c.exprFileError(err)
	}
	chk := &staticChecker{env: c.env, maxDepth: c.limits.MaxPredicateDepth, lets: map[string]bool{}}
	collectLets(tree.Node, chk.lets)
	chk.visit(tree.Node, false)
	if chk.err != nil {
		return nil, chk.err
	}
	program, err := safeCompile(src, c.opts)
	if err != nil {
		return nil, c.exprFileError(err)
	}
	cr := &compiledRule{
		program:     program,
		reads:       collectReads(tree.Node, c.env, c.sourceIndex),
		conjuncts:   conjuncts(tree.Node),
		guarded:     map[string]bool{},
		dataGuarded: map[int]bool{},
	}
	switch n := program.Node().(type) {
	case *ast.BoolNode:
		cr.constant = boolSign(n.Value)
	case *ast.ConstantNode:
		if b, ok := n.Value.(bool); ok {
			cr.constant = boolSign(b)
		}
	}
	if len(cr.reads) == 0 && cr.constant == 0 {
		// The condition reads nothing, so it is a constant: find out which
		// one now, under the same budgets as at run time. One that always
		// fails is a compile error rather than a rule error on every run.
		m := &vm.VM{MemoryBudget: uint(c.limits.MemoryBudget)}
		out, err := runProgram(m, cr, c.env.constEnv(c.limits))
		if err != nil {
			return nil, &exprError{0, fmt.Errorf("%w: the condition reads nothing and always fails: %w", ErrCompile, err)}
		}
		if b, ok := out.(bool); ok {
			cr.constant = boolSign(b)
		}
	}
	for _, r := range cr.reads {
		switch {
		case r.kind == readPresent && r.param != "":
			cr.guarded[r.param] = true
		case r.kind == readPresent:
			for _, name := range c.env.params {
				cr.guarded[name] = true
			}
		case r.kind == readSourceField && r.field == "data":
			cr.dataGuarded[r.source] = true
		}
	}
	return cr, nil
}

func boolSign(b bool) int {
	if b {
		return 1
	}
	return -1
}

// safeParse and safeCompile turn any panic inside expr into an error, so a
// hostile expression can never take its host down.
func safeParse(src string, cfg *conf.Config) (tree *parser.Tree, err error) {
	defer func() {
		if r := recover(); r != nil {
			tree, err = nil, fmt.Errorf("%w: parser panicked: %v", ErrCompile, r)
		}
	}()
	return parser.ParseWithConfig(src, cfg)
}

func safeCompile(src string, opts []expr.Option) (p *vm.Program, err error) {
	defer func() {
		if r := recover(); r != nil {
			p, err = nil, fmt.Errorf("%w: compiler panicked: %v", ErrCompile, r)
		}
	}()
	return expr.Compile(src, opts...)
}

// exprFileError converts an expr error into an exprError at its offset.
func (c *ruleCompiler) exprFileError(err error) *exprError {
	var fe *file.Error
	if errors.As(err, &fe) {
		msg := c.env.readable(fe.Message)
		if strings.Contains(msg, "exceeds maximum allowed nodes") {
			// expr reports its node budget with this message only.
			return &exprError{fe.From, fmt.Errorf("%w: %w: %s", ErrCompile, ErrBudgetExceeded, msg)}
		}
		return &exprError{fe.From, fmt.Errorf("%w: %s", ErrCompile, msg)}
	}
	if errors.Is(err, ErrCompile) {
		return &exprError{0, err}
	}
	return &exprError{0, fmt.Errorf("%w: %v", ErrCompile, err)}
}

// nestingDepth scans an expression for brackets nested deeper than limit,
// skipping string literals. It returns the rune offset of the bracket that
// went too deep, or -1.
func nestingDepth(src string, limit int) (int, int) {
	depth := 0
	var quote rune
	escaped := false
	i := 0
	for _, r := range src {
		switch {
		case quote != 0:
			switch {
			case escaped:
				escaped = false
			case r == '\\' && quote != '`':
				escaped = true
			case r == quote:
				quote = 0
			}
		case r == '"' || r == '\'' || r == '`':
			quote = r
		case r == '(' || r == '[' || r == '{':
			depth++
			if depth > limit {
				return i, limit
			}
		case r == ')' || r == ']' || r == '}':
			if depth > 0 {
				depth--
			}
		}
		i++
	}
	return -1, 0
}

// collectLets gathers the names every let declares.
func collectLets(n ast.Node, into map[string]bool) {
	ast.Find(n, func(n ast.Node) bool {
		if v, ok := n.(*ast.VariableDeclaratorNode); ok {
			into[v.Name] = true
		}
		return false
	})
}

// staticChecker enforces, before expr compiles a rule, what expr's own
// checks do not: the allowed functions, constant regular expressions,
// bounded closure nesting, no access to $env, names that exist.
type staticChecker struct {
	env      *envLayout
	lets     map[string]bool
	maxDepth int
	depth    int
	err      *exprError
}

func (c *staticChecker) fail(n ast.Node, err error) {
	if c.err == nil {
		c.err = &exprError{n.Location().From, err}
	}
}

func (c *staticChecker) visit(n ast.Node, memberRoot bool) {
	if n == nil || c.err != nil {
		return
	}
	switch x := n.(type) {
	case *ast.IdentifierNode:
		c.identifier(x, memberRoot)
	case *ast.MemberNode:
		if c.member(x) {
			return
		}
		c.visit(x.Node, true)
		if _, isName := x.Property.(*ast.StringNode); !isName {
			c.visit(x.Property, false)
		}
	case *ast.ChainNode:
		c.visit(x.Node, memberRoot)
	case *ast.UnaryNode:
		c.visit(x.Node, false)
	case *ast.BinaryNode:
		if x.Operator == "matches" {
			if _, ok := x.Right.(*ast.StringNode); !ok {
				c.fail(x.Right, fmt.Errorf("%w: the pattern of matches must be a string literal", ErrCompile))
				return
			}
		}
		c.visit(x.Left, false)
		c.visit(x.Right, false)
	case *ast.SliceNode:
		c.visit(x.Node, false)
		c.visit(x.From, false)
		c.visit(x.To, false)
	case *ast.CallNode:
		if id, ok := x.Callee.(*ast.IdentifierNode); ok {
			c.fail(id, fmt.Errorf("%w: function %q is not available in rules", ErrCompile, id.Value))
			return
		}
		c.visit(x.Callee, false)
		for _, a := range x.Arguments {
			c.visit(a, false)
		}
	case *ast.BuiltinNode:
		if !slices.Contains(allowedBuiltins, x.Name) {
			c.fail(x, fmt.Errorf("%w: function %q is not available in rules", ErrCompile, x.Name))
			return
		}
		for _, a := range x.Arguments {
			c.visit(a, false)
		}
	case *ast.PredicateNode:
		c.depth++
		if c.depth > c.maxDepth {
			c.fail(x, fmt.Errorf("%w: %w: closures nest deeper than %d", ErrCompile, ErrBudgetExceeded, c.maxDepth))
			return
		}
		c.visit(x.Node, false)
		c.depth--
	case *ast.VariableDeclaratorNode:
		if c.env.roots[x.Name] || strings.HasPrefix(x.Name, "__") {
			c.fail(x, fmt.Errorf("%w: let %s shadows a name of the rule environment", ErrCompile, x.Name))
			return
		}
		c.visit(x.Value, false)
		c.visit(x.Expr, false)
	case *ast.SequenceNode:
		for _, s := range x.Nodes {
			c.visit(s, false)
		}
	case *ast.ConditionalNode:
		c.visit(x.Cond, false)
		c.visit(x.Exp1, false)
		c.visit(x.Exp2, false)
	case *ast.ArrayNode:
		for _, s := range x.Nodes {
			c.visit(s, false)
		}
	case *ast.MapNode:
		for _, s := range x.Pairs {
			c.visit(s, false)
		}
	case *ast.PairNode:
		if _, isName := x.Key.(*ast.StringNode); !isName {
			c.visit(x.Key, false)
		}
		c.visit(x.Value, false)
	}
}

func (c *staticChecker) identifier(x *ast.IdentifierNode, memberRoot bool) {
	name := x.Value
	if c.lets[name] || (c.env.roots[name] && !strings.HasPrefix(name, "__")) {
		return
	}
	if name == "$env" {
		c.fail(x, fmt.Errorf("%w: $env is not available in rules", ErrCompile))
		return
	}
	candidates := slices.Sorted(maps.Keys(c.env.roots))
	msg := fmt.Sprintf("unknown name %q", name)
	if s := suggest(name, candidates); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	if memberRoot {
		c.fail(x, fmt.Errorf("%w: %w: %s; the sources are %s", ErrCompile, ErrUnknownSource, msg, strings.Join(c.env.sourceIDs, ", ")))
		return
	}
	c.fail(x, fmt.Errorf("%w: %s", ErrCompile, msg))
}

// conjuncts splits an expression at its top-level && (and) operators and
// prints each operand in expr's normal form.
func conjuncts(n ast.Node) []string {
	if b, ok := n.(*ast.BinaryNode); ok && (b.Operator == "&&" || b.Operator == "and") {
		return append(conjuncts(b.Left), conjuncts(b.Right)...)
	}
	return []string{n.String()}
}

// member checks a static member path against the environment's shape, so a
// misspelt parameter or result field gets a message in the template's own
// terms. It reports true when it found a problem.
func (c *staticChecker) member(x *ast.MemberNode) bool {
	root, segs, ok := staticPath(x)
	if !ok || len(segs) == 0 || !c.env.roots[root] || c.lets[root] {
		return false
	}
	// Find the member node of each segment, for positions.
	nodes := make([]ast.Node, len(segs))
	var n ast.Node = x
	for i := len(segs) - 1; i >= 0; i-- {
		for {
			if ch, isChain := n.(*ast.ChainNode); isChain {
				n = ch.Node
				continue
			}
			break
		}
		m := n.(*ast.MemberNode)
		nodes[i] = m.Property
		n = m.Node
	}
	bad := func(i int, what string, known []string) bool {
		msg := fmt.Sprintf("%s has no %q", what, segs[i])
		if s := suggest(segs[i], known); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		if len(known) > 0 {
			msg += "; it has " + strings.Join(known, ", ")
		}
		c.fail(nodes[i], fmt.Errorf("%w: %s", ErrCompile, msg))
		return true
	}
	switch root {
	case envSubject, envPresent:
		if !c.env.paramSet[segs[0]] {
			return bad(0, root, c.env.params)
		}
		return false
	case envAsOf:
		return false
	}
	i := slices.Index(c.env.sourceIDs, root)
	if i < 0 {
		return false
	}
	es := c.env.sources[i]
	fields := sourceFields(es.kind)
	if !slices.Contains(fields, segs[0]) {
		return bad(0, fmt.Sprintf("the %v source %s", es.kind, root), fields)
	}
	if segs[0] == "data" && es.dataTyped && len(segs) > 1 {
		if _, declared := es.dataFields[segs[1]]; !declared {
			names := make([]string, len(es.dataDecl))
			for j, f := range es.dataDecl {
				names[j] = f.Name
			}
			return bad(1, root+".data", names)
		}
	}
	return false
}
