package rules

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// Loader loads templates. The zero value loads with the default document
// registry (cpf, cnpj), accepts any custom source name and applies
// DefaultLimits. A Loader is safe for concurrent use if its fields are not
// changed meanwhile.
type Loader struct {
	// Documents is the registry of document types templates may name; nil
	// means cpf and cnpj only. The validators a template names are copied
	// into it when it loads.
	Documents *Documents
	// CustomSource, when set, reports whether a custom source name is
	// registered with the host; templates naming another fail to load.
	CustomSource func(name string) bool
	// Limits bound the templates; zero fields mean their defaults.
	Limits Limits
}

// Load loads a template from YAML with the zero Loader. name labels errors
// (a file name).
func Load(name string, data []byte) (*Template, error) {
	return (&Loader{}).Load(name, data)
}

// LoadFile loads a template file with the zero Loader.
func LoadFile(path string) (*Template, error) {
	return (&Loader{}).LoadFile(path)
}

// LoadFile reads and loads a template file.
func (l *Loader) LoadFile(path string) (*Template, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("rules: %w", err)
	}
	defer f.Close()
	limit := l.Limits.withDefaults().MaxFileBytes
	data, err := io.ReadAll(io.LimitReader(f, int64(limit)+1))
	if err != nil {
		return nil, fmt.Errorf("rules: read %s: %w", path, err)
	}
	return l.Load(path, data)
}

// Load parses, validates and compiles a template. It reports every problem
// it finds at once: the error is an errors.Join of *LoadError values, each
// positioned (file, line, column, YAML path) and wrapping a sentinel
// (ErrInvalidTemplate, ErrCompile, ErrUnknownSource, ErrBudgetExceeded,
// ErrInvalidDocument...). On error the template is nil.
func (l *Loader) Load(name string, data []byte) (*Template, error) {
	if err := l.Limits.Validate(); err != nil {
		return nil, err
	}
	limits := l.Limits.withDefaults()
	d := newDecoder(name, data)
	if len(data) > limits.MaxFileBytes {
		d.failf(nil, "$", ErrInvalidTemplate, "file is larger than %d bytes", limits.MaxFileBytes)
		return nil, d.err()
	}
	if le := yamlGuard(name, data, limits); le != nil {
		return nil, le
	}
	file, err := safeParseYAML(data)
	if err != nil {
		le := &LoadError{File: name, Path: "$", Err: fmt.Errorf("%w: %s", ErrInvalidTemplate, yamlMessage(err))}
		var ye yaml.Error
		if errors.As(err, &ye) && ye.GetToken() != nil && ye.GetToken().Position != nil {
			le.Line, le.Column = ye.GetToken().Position.Line, ye.GetToken().Position.Column
			le.Snippet = d.snippet(le.Line, le.Column)
		}
		return nil, le
	}
	var bodies []ast.Node
	for _, doc := range file.Docs {
		if doc != nil && doc.Body != nil {
			if _, comment := doc.Body.(*ast.CommentGroupNode); !comment {
				bodies = append(bodies, doc.Body)
			}
		}
	}
	switch {
	case len(bodies) == 0:
		d.failf(nil, "$", ErrInvalidTemplate, "empty template")
		return nil, d.err()
	case len(bodies) > 1:
		d.failf(bodies[1], "$", ErrInvalidTemplate, "a template file holds one YAML document, this one holds %d", len(bodies))
		return nil, d.err()
	}
	body := bodies[0]
	b := &builder{d: d, loader: l, limits: limits}
	t := b.template(body)
	if err := d.err(); err != nil {
		return nil, err
	}
	return t, nil
}

// safeParseYAML runs the YAML parser with any panic turned into an error.
func safeParseYAML(data []byte) (f *ast.File, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("YAML parser panicked: %v", r)
		}
	}()
	return parser.ParseBytes(data, 0)
}

// yamlMessage returns a YAML error's message without goccy's source
// excerpt (LoadError carries its own snippet).
func yamlMessage(err error) string {
	var ye yaml.Error
	if errors.As(err, &ye) {
		return ye.GetMessage()
	}
	return err.Error()
}

// yamlGuard refuses, before the YAML parser sees them, the shapes that
// goccy/go-yaml parses in super-linear time: deep flow nesting ([[[[...),
// deep compact nesting on one line (- - - - ...), many documents or
// directives, and very many lines. Within these bounds any input parses in
// well under a second. It ignores quoting, so brackets inside strings count
// toward flow nesting too: only a file with dozens of unclosed brackets in
// its strings could trip over it.
func yamlGuard(name string, data []byte, limits Limits) *LoadError {
	fail := func(line, col int, format string, args ...any) *LoadError {
		return &LoadError{File: name, Line: line, Column: col, Path: "$",
			Err: fmt.Errorf("%w: %w: %s", ErrInvalidTemplate, ErrBudgetExceeded, fmt.Sprintf(format, args...))}
	}
	maxFlow := 2 * limits.MaxNesting
	depth, line, markers := 0, 1, 0
	for start := 0; start < len(data); line++ {
		end := bytes.IndexByte(data[start:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += start
		}
		text := data[start:end]
		start = end + 1
		if line > limits.MaxLines {
			return fail(line, 1, "more than %d lines", limits.MaxLines)
		}
		if bytes.HasPrefix(text, []byte("---")) || bytes.HasPrefix(text, []byte("...")) || bytes.HasPrefix(text, []byte("%")) {
			if markers++; markers > 2 {
				return fail(line, 1, "a template file holds a single YAML document")
			}
		}
		// Compact nesting: "- - - x" or "? - ? x" at the start of a line.
		compact, i := 0, 0
		for {
			for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
				i++
			}
			if i < len(text) && (text[i] == '-' || text[i] == '?') && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\t') {
				if compact++; compact > limits.MaxNesting {
					return fail(line, i+1, "block collections nest deeper than %d on one line", limits.MaxNesting)
				}
				i++
				continue
			}
			break
		}
		for col, c := range text {
			switch c {
			case '[', '{':
				if depth++; depth > maxFlow {
					return fail(line, col+1, "flow collections nest deeper than %d", maxFlow)
				}
			case ']', '}':
				if depth > 0 {
					depth--
				}
			}
		}
	}
	return nil
}
