package rules

import (
	"fmt"
	"strings"
	"time"
)

// DocumentResult executes a document source of the template: it validates
// the source's parameter in subject against the source's document type. A
// document source needs no I/O, so the run orchestrator can call this
// instead of an executor of its own.
//
// The result is StatusOK with Valid set when the parameter is present,
// StatusSkipped when the subject does not give it (an optional parameter).
// An ID that names no document source is an ErrUnknownSource error.
func (t *Template) DocumentResult(sourceID string, subject map[string]any) (SourceResult, error) {
	start := time.Now()
	i, ok := t.sourceIndex[sourceID]
	if !ok || t.sources[i].Kind != SourceDocument || t.sources[i].Document == nil {
		return SourceResult{}, fmt.Errorf("rules: %w: %q is not a document source of %s", ErrUnknownSource, sourceID, t.id)
	}
	ds := t.sources[i].Document
	raw, present := subject[ds.Param]
	s, isString := raw.(string)
	if !present || raw == nil || (isString && strings.TrimSpace(s) == "") {
		return SourceResult{Status: StatusSkipped, Error: fmt.Sprintf("parameter %q not given", ds.Param)}, nil
	}
	r := SourceResult{Status: StatusOK}
	if v, known := t.documents[ds.Type]; known && isString {
		_, err := callValidator(ds.Type, v, s)
		r.Valid = err == nil
	}
	r.DurationMS = time.Since(start).Milliseconds()
	return r, nil
}
