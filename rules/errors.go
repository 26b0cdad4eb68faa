package rules

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Every error this package returns wraps one of them; test
// with errors.Is, and use errors.As to reach the positioned *LoadError,
// *ParamError or *RuleError around it.
var (
	// ErrInvalidTemplate means a template file is not a valid template: bad
	// YAML, a missing or unknown key, a value of the wrong type or out of
	// range, a duplicate ID, a file too large.
	ErrInvalidTemplate = errors.New("invalid template")
	// ErrCompile means a rule expression does not compile: a syntax error,
	// an unknown name, a type error, a forbidden construct.
	ErrCompile = errors.New("rule does not compile")
	// ErrUnknownSource means a rule, a test case or a result set names a
	// source the template does not declare.
	ErrUnknownSource = errors.New("unknown source")
	// ErrBudgetExceeded means an expression went over one of its budgets:
	// nodes, nesting, length at compile time; memory or string bytes at run
	// time. A hostile template fails with it instead of hanging its host.
	ErrBudgetExceeded = errors.New("rule budget exceeded")
	// ErrMissingValue means a rule read a value the evaluation does not have
	// (an optional parameter the subject left out, a key absent from a
	// custom source's data) without testing for it first, or a result set
	// lacks an enabled source. A missing value is never a silent false.
	ErrMissingValue = errors.New("missing value")
	// ErrRuleRuntime means a rule failed while running for another reason
	// (a division by zero, an out-of-range index).
	ErrRuleRuntime = errors.New("rule failed at run time")
	// ErrInvalidResult means a source result is malformed (an unknown
	// status, a negative count).
	ErrInvalidResult = errors.New("invalid source result")
	// ErrInvalidValue means a text form names no known value of an
	// enumeration (a decision "maybe", a band "severe").
	ErrInvalidValue = errors.New("invalid value")
)

// Sentinel errors about a subject's parameters, wrapped by *ParamError. A
// host maps them to its wire codes (invalid_parametros, missing_document,
// invalid_document).
var (
	// ErrMissingParam means a required parameter is absent or empty.
	ErrMissingParam = errors.New("missing required parameter")
	// ErrUnknownParam means the subject carries a parameter the template's
	// schema does not declare.
	ErrUnknownParam = errors.New("unknown parameter")
	// ErrInvalidParam means a parameter has the wrong type or fails its
	// format or enumeration.
	ErrInvalidParam = errors.New("invalid parameter")
	// ErrMissingDocument means the template's document parameter (cpf, cnpj
	// or another identifier) is absent or empty.
	ErrMissingDocument = errors.New("missing document")
	// ErrInvalidDocument means a document number fails its length or check
	// digits, or names a document type nobody registered.
	ErrInvalidDocument = errors.New("invalid document")
)

// LoadError is one positioned problem in a template file. Load joins one
// LoadError per problem with errors.Join, so a rule author sees every
// problem at once.
type LoadError struct {
	// File names the template (the path given to LoadFile, the name given
	// to Load).
	File string
	// Line and Column are 1-based positions in the file; zero when unknown.
	Line   int
	Column int
	// Path is the YAML path of the offending node, for example
	// "$.rules[3].when".
	Path string
	// Rule is the ID of the rule whose expression failed, for compile
	// errors.
	Rule string
	// Snippet shows the offending line of the file with a caret under the
	// column, for compile errors.
	Snippet string
	// Err wraps the sentinel (ErrInvalidTemplate, ErrCompile, ...).
	Err error
}

// Error renders "file:line:col: path: message", followed by the snippet
// when there is one.
func (e *LoadError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	if e.Path != "" {
		fmt.Fprintf(&b, ": %s", e.Path)
	}
	if e.Rule != "" {
		fmt.Fprintf(&b, ": rule %q", e.Rule)
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	if e.Snippet != "" {
		b.WriteString("\n")
		b.WriteString(e.Snippet)
	}
	return b.String()
}

// Unwrap returns the wrapped error.
func (e *LoadError) Unwrap() error { return e.Err }

// ParamError is a problem with one parameter of a subject.
type ParamError struct {
	// Param is the parameter's name as the schema declares it (or as the
	// subject spelled it, for unknown parameters).
	Param string
	// Err wraps ErrMissingParam, ErrUnknownParam, ErrInvalidParam,
	// ErrMissingDocument or ErrInvalidDocument.
	Err error
}

// Error renders `parameter "name": cause`.
func (e *ParamError) Error() string { return fmt.Sprintf("parameter %q: %v", e.Param, e.Err) }

// Unwrap returns the wrapped error.
func (e *ParamError) Unwrap() error { return e.Err }

// RuleError is a rule that could not be evaluated for a subject. It is
// recorded on the rule's RuleResult, never returned by Evaluate.
type RuleError struct {
	// Rule is the rule's ID.
	Rule string
	// Err wraps ErrMissingValue, ErrBudgetExceeded or ErrRuleRuntime.
	Err error
}

// Error renders `rule "id": cause`.
func (e *RuleError) Error() string { return fmt.Sprintf("rule %q: %v", e.Rule, e.Err) }

// Unwrap returns the wrapped error.
func (e *RuleError) Unwrap() error { return e.Err }
