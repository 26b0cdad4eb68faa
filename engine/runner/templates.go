package runner

import (
	"fmt"
	"slices"
	"sync"

	"github.com/sievekyc/sieve/rules"
)

// Templates holds the loaded templates by ID and version. Submissions use
// the newest published version of an ID; a run is always executed with the
// version it was submitted with, even after a newer one is added.
type Templates struct {
	mu   sync.RWMutex
	byID map[string][]*rules.Template // sorted by version
}

// NewTemplates returns a set holding ts.
func NewTemplates(ts ...*rules.Template) (*Templates, error) {
	s := &Templates{byID: map[string][]*rules.Template{}}
	for _, t := range ts {
		if err := s.Add(t); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Add adds a template; adding a second template with the same ID and
// version is an error.
func (s *Templates) Add(t *rules.Template) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	vs := s.byID[t.ID()]
	for _, v := range vs {
		if v.Version() == t.Version() {
			return fmt.Errorf("%w: template %s version %d added twice", ErrInvalidOptions, t.ID(), t.Version())
		}
	}
	vs = append(vs, t)
	slices.SortFunc(vs, func(a, b *rules.Template) int { return a.Version() - b.Version() })
	s.byID[t.ID()] = vs
	return nil
}

// Published returns the newest published version of id.
func (s *Templates) Published(id string) (*rules.Template, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	vs := s.byID[id]
	if len(vs) == 0 {
		return nil, fmt.Errorf("%w: %q", ErrTemplateNotFound, id)
	}
	for i := len(vs) - 1; i >= 0; i-- {
		if vs[i].Status() == rules.StatusPublished {
			return vs[i], nil
		}
	}
	return nil, fmt.Errorf("%w: %q has no published version", ErrTemplateNotPublished, id)
}

// Version returns the given version of id.
func (s *Templates) Version(id string, version int) (*rules.Template, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, t := range s.byID[id] {
		if t.Version() == version {
			return t, nil
		}
	}
	return nil, fmt.Errorf("%w: %q version %d", ErrTemplateNotFound, id, version)
}

// All returns every template, by ID then version.
func (s *Templates) All() []*rules.Template {
	s.mu.RLock()
	defer s.mu.RUnlock()
	ids := make([]string, 0, len(s.byID))
	for id := range s.byID {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var out []*rules.Template
	for _, id := range ids {
		out = append(out, s.byID[id]...)
	}
	return out
}
