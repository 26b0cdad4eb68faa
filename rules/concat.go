package rules

import (
	"fmt"
	"reflect"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/vm/runtime"
)

// expr's memory budget counts ranges, arrays, maps and sorts, but not the
// bytes of strings: `let a = "xx"; let b = a + a; let c = b + b; ...` doubles
// a string per step and would exhaust a host's memory long before any node
// budget. Every `+` that may join strings is therefore rewritten at compile
// time into __add(__budget, left, right), which counts the bytes it builds
// against a per-run budget. Additions of numbers, times and durations are
// left alone.

// strBudget counts the bytes string concatenation built in one rule run.
type strBudget struct {
	used  int
	limit int
}

// addFunction is the expr function behind every rewritten `+`.
var addFunction = expr.Function(fnAdd, func(params ...any) (any, error) {
	if len(params) != 3 {
		return nil, fmt.Errorf("%w: %s takes 3 arguments", ErrRuleRuntime, fnAdd)
	}
	b, _ := params[0].(*strBudget)
	x, y := params[1], params[2]
	xs, xok := x.(string)
	ys, yok := y.(string)
	if xok && yok {
		if b != nil {
			b.used += len(xs) + len(ys)
			if b.used > b.limit {
				return nil, fmt.Errorf("%w: string concatenation built more than %d bytes", ErrBudgetExceeded, b.limit)
			}
		}
		return xs + ys, nil
	}
	return safeAdd(x, y)
},
	new(func(*strBudget, string, string) string),
	new(func(*strBudget, any, any) any),
)

// safeAdd is expr's own addition for the operand types that are not two
// strings, with its panic on mismatched types turned into an error.
func safeAdd(x, y any) (out any, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("%w: %v", ErrRuleRuntime, r)
		}
	}()
	return runtime.Add(x, y), nil
}

// concatPatch rewrites `a + b` into __add(__budget, a, b) wherever either
// side is a string or of unknown type.
type concatPatch struct{}

// Visit implements ast.Visitor.
func (concatPatch) Visit(node *ast.Node) {
	b, ok := (*node).(*ast.BinaryNode)
	if !ok || b.Operator != "+" {
		return
	}
	if !mayBeString(b.Left.Type()) && !mayBeString(b.Right.Type()) {
		return
	}
	call := &ast.CallNode{
		Callee:    &ast.IdentifierNode{Value: fnAdd},
		Arguments: []ast.Node{&ast.IdentifierNode{Value: envBudget}, b.Left, b.Right},
	}
	ast.Patch(node, call)
}

func mayBeString(t reflect.Type) bool {
	return t == nil || t.Kind() == reflect.String || t.Kind() == reflect.Interface
}
