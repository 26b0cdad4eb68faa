package rules

import (
	"errors"
	"fmt"
)

// Limits bound what a template may ask of its host. The zero value of each
// field means its default; Loader records the effective limits on every
// template it loads (Template.Limits), so they travel with the decisions
// they bounded.
type Limits struct {
	// MaxFileBytes bounds a template file. Default 128 KiB.
	MaxFileBytes int `json:"max_file_bytes"`
	// MaxLines bounds the lines of a template file. Default 5000.
	MaxLines int `json:"max_lines"`
	// MaxRules bounds the rules of a template. Default 200.
	MaxRules int `json:"max_rules"`
	// MaxTests bounds the test cases of a template. Default 200.
	MaxTests int `json:"max_tests"`
	// MaxExprBytes bounds a rule expression's text. Default 4096.
	MaxExprBytes int `json:"max_expr_bytes"`
	// MaxNesting bounds the nesting of brackets in a rule expression and of
	// compact collections on one YAML line; flow collections ([ and {) may
	// nest twice as deep. Default 32.
	MaxNesting int `json:"max_nesting"`
	// MaxNodes bounds a rule expression's syntax tree. Default 400.
	MaxNodes int `json:"max_nodes"`
	// MaxPredicateDepth bounds how deeply closures nest (any(hits,
	// all(.programs, ...)) is depth 2). Default 2.
	MaxPredicateDepth int `json:"max_predicate_depth"`
	// MemoryBudget is the expr virtual machine's memory budget for one rule
	// run: every range element, array or map item and sorted element costs
	// one unit. Default 50000.
	MemoryBudget int `json:"memory_budget"`
	// MaxStringBytes bounds the bytes one rule run may build by string
	// concatenation. Default 65536.
	MaxStringBytes int `json:"max_string_bytes"`
}

// DefaultLimits returns the limits a zero Limits stands for.
func DefaultLimits() Limits {
	return Limits{
		MaxFileBytes:      128 << 10,
		MaxLines:          5000,
		MaxRules:          200,
		MaxTests:          200,
		MaxExprBytes:      4096,
		MaxNesting:        32,
		MaxNodes:          400,
		MaxPredicateDepth: 2,
		MemoryBudget:      50_000,
		MaxStringBytes:    64 << 10,
	}
}

// Validate reports every negative field at once.
func (l Limits) Validate() error {
	var errs []error
	check := func(name string, v int) {
		if v < 0 {
			errs = append(errs, fmt.Errorf("rules: %w: limit %s is negative (%d)", ErrInvalidValue, name, v))
		}
	}
	check("max_file_bytes", l.MaxFileBytes)
	check("max_lines", l.MaxLines)
	check("max_rules", l.MaxRules)
	check("max_tests", l.MaxTests)
	check("max_expr_bytes", l.MaxExprBytes)
	check("max_nesting", l.MaxNesting)
	check("max_nodes", l.MaxNodes)
	check("max_predicate_depth", l.MaxPredicateDepth)
	check("memory_budget", l.MemoryBudget)
	check("max_string_bytes", l.MaxStringBytes)
	return errors.Join(errs...)
}

// withDefaults replaces zero fields with their defaults.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	set := func(v *int, def int) {
		if *v == 0 {
			*v = def
		}
	}
	set(&l.MaxFileBytes, d.MaxFileBytes)
	set(&l.MaxLines, d.MaxLines)
	set(&l.MaxRules, d.MaxRules)
	set(&l.MaxTests, d.MaxTests)
	set(&l.MaxExprBytes, d.MaxExprBytes)
	set(&l.MaxNesting, d.MaxNesting)
	set(&l.MaxNodes, d.MaxNodes)
	set(&l.MaxPredicateDepth, d.MaxPredicateDepth)
	set(&l.MemoryBudget, d.MemoryBudget)
	set(&l.MaxStringBytes, d.MaxStringBytes)
	return l
}
