package rules

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"sync"
)

// DocumentValidator checks one type of identifier number and returns its
// canonical form (the bare digits of a CPF, say). It must not panic, and its
// errors should wrap ErrInvalidDocument; the registry wraps them when they
// do not.
type DocumentValidator func(number string) (canonical string, err error)

// The document types every registry knows.
const (
	DocumentCPF  = "cpf"
	DocumentCNPJ = "cnpj"
)

// Documents is a registry of document types: cpf and cnpj, plus whatever a
// host registers (a passport format, a foreign tax number). Templates name
// their document types from it; a Loader copies the validators a template
// needs when it loads, so registering later never changes a loaded
// template. A Documents is safe for concurrent use.
type Documents struct {
	mu sync.RWMutex
	v  map[string]DocumentValidator
}

// NewDocuments returns a registry holding cpf and cnpj.
func NewDocuments() *Documents {
	return &Documents{v: map[string]DocumentValidator{
		DocumentCPF:  ValidateCPF,
		DocumentCNPJ: ValidateCNPJ,
	}}
}

// defaultDocuments is the registry used when none is given. It is never
// handed out, so nobody can register into it.
var defaultDocuments = NewDocuments()

// RegisterDocument adds a document type. The name must be a lower-case
// identifier ([a-z][a-z0-9_]*) not yet registered: cpf and cnpj cannot be
// replaced.
func (d *Documents) RegisterDocument(name string, v DocumentValidator) error {
	if d == nil {
		return fmt.Errorf("rules: register document %q: nil registry", name)
	}
	if !validIdent(name) {
		return fmt.Errorf("rules: register document %q: %w: name must match [a-z][a-z0-9_]*", name, ErrInvalidValue)
	}
	if v == nil {
		return fmt.Errorf("rules: register document %q: nil validator", name)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if _, dup := d.v[name]; dup {
		return fmt.Errorf("rules: register document %q: already registered", name)
	}
	if d.v == nil {
		d.v = map[string]DocumentValidator{}
	}
	d.v[name] = v
	return nil
}

// Lookup returns the validator of a document type. A nil *Documents is the
// default registry (cpf and cnpj).
func (d *Documents) Lookup(name string) (DocumentValidator, bool) {
	if d == nil {
		d = defaultDocuments
	}
	d.mu.RLock()
	defer d.mu.RUnlock()
	v, ok := d.v[name]
	return v, ok
}

// Names returns the registered document types, sorted.
func (d *Documents) Names() []string {
	if d == nil {
		d = defaultDocuments
	}
	d.mu.RLock()
	defer d.mu.RUnlock()
	return slices.Sorted(maps.Keys(d.v))
}

// Validate checks a number against a document type and returns its
// canonical form. Errors wrap ErrInvalidDocument, also for an unknown type.
func (d *Documents) Validate(docType, number string) (string, error) {
	v, ok := d.Lookup(docType)
	if !ok {
		return "", fmt.Errorf("%w: unknown document type %q", ErrInvalidDocument, docType)
	}
	return callValidator(docType, v, number)
}

// callValidator runs a (possibly host-written) validator, wrapping its
// error in ErrInvalidDocument and turning a panic into an error.
func callValidator(docType string, v DocumentValidator, number string) (canon string, err error) {
	defer func() {
		if r := recover(); r != nil {
			canon, err = "", fmt.Errorf("%w: %s validator panicked: %v", ErrInvalidDocument, docType, r)
		}
	}()
	canon, err = v(number)
	if err != nil && !errors.Is(err, ErrInvalidDocument) {
		err = fmt.Errorf("%w: %w", ErrInvalidDocument, err)
	}
	return canon, err
}
