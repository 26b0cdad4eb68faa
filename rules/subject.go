package rules

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/sievekyc/sieve/lists"
)

// Subject is a subject's parameters after NormalizeSubject: only declared
// parameters, each of its schema type (string, float64, int, bool,
// time.Time, []string), documents in canonical form. It holds personal data,
// so it logs as a hash.
type Subject map[string]any

// LogValue implements slog.LogValuer: a subject logs as "sha256:" and the
// first 16 hex digits of the hash of its canonical JSON, never a name or a
// document number.
func (s Subject) LogValue() slog.Value {
	b, err := json.Marshal(map[string]any(s))
	if err != nil {
		return slog.StringValue("sha256:unhashable")
	}
	sum := sha256.Sum256(b)
	return slog.StringValue("sha256:" + hex.EncodeToString(sum[:8]))
}

// NormalizeSubject checks raw parameters (as decoded from JSON or YAML)
// against the template's schema and returns them typed. It reports every
// problem at once: errors.Join of *ParamError, each wrapping
// ErrMissingDocument, ErrInvalidDocument, ErrMissingParam, ErrUnknownParam
// or ErrInvalidParam. Nil values count as absent; strings are trimmed and an
// empty string counts as absent.
func (t *Template) NormalizeSubject(raw map[string]any) (Subject, error) {
	if t == nil {
		return nil, fmt.Errorf("rules: %w: nil template", ErrInvalidTemplate)
	}
	out := make(Subject, len(t.params))
	var errs []error
	for _, name := range slices.Sorted(maps.Keys(raw)) {
		if _, ok := t.paramIndex[name]; !ok {
			errs = append(errs, &ParamError{Param: name, Err: ErrUnknownParam})
		}
	}
	for _, p := range t.params {
		v, err := t.normalizeParam(p, raw[p.Name])
		isDoc := p.Name == t.document.Param
		switch {
		case err != nil:
			if isDoc && !errors.Is(err, ErrInvalidDocument) {
				err = fmt.Errorf("%w: %w", ErrInvalidDocument, err)
			}
			errs = append(errs, &ParamError{Param: p.Name, Err: err})
		case v == nil && isDoc:
			errs = append(errs, &ParamError{Param: p.Name, Err: ErrMissingDocument})
		case v == nil && p.Required:
			errs = append(errs, &ParamError{Param: p.Name, Err: ErrMissingParam})
		case v != nil:
			out[p.Name] = v
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

// normalizeParam converts one raw value; nil means absent.
func (t *Template) normalizeParam(p Param, raw any) (any, error) {
	if raw == nil {
		return nil, nil
	}
	switch p.Type {
	case ParamString:
		s, ok := raw.(string)
		if !ok {
			return nil, typeError(p, raw)
		}
		return t.normalizeString(p, s)
	case ParamStringList:
		items, ok := stringItems(raw)
		if !ok {
			return nil, typeError(p, raw)
		}
		if len(items) > MaxListItems {
			return nil, fmt.Errorf("%w: %d items, at most %d", ErrInvalidParam, len(items), MaxListItems)
		}
		out := make([]string, 0, len(items))
		for i, s := range items {
			v, err := t.normalizeString(p, s)
			if err != nil {
				return nil, fmt.Errorf("item %d: %w", i, err)
			}
			if v == nil {
				return nil, fmt.Errorf("%w: item %d is empty", ErrInvalidParam, i)
			}
			out = append(out, v.(string))
		}
		if len(out) == 0 {
			return nil, nil
		}
		return out, nil
	case ParamNumber:
		f, ok := toFloat(raw)
		if !ok || math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, typeError(p, raw)
		}
		return f, nil
	case ParamInteger:
		n, ok := toInt(raw)
		if !ok {
			return nil, typeError(p, raw)
		}
		return n, nil
	case ParamBoolean:
		b, ok := raw.(bool)
		if !ok {
			return nil, typeError(p, raw)
		}
		return b, nil
	case ParamDate:
		switch v := raw.(type) {
		case time.Time:
			y, m, d := v.Date()
			return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
		case string:
			v = strings.TrimSpace(v)
			if v == "" {
				return nil, nil
			}
			d, err := time.Parse(dateLayout, v)
			if err != nil {
				return nil, fmt.Errorf("%w: %q is not a date (YYYY-MM-DD)", ErrInvalidParam, v)
			}
			return d, nil
		}
		return nil, typeError(p, raw)
	}
	return nil, fmt.Errorf("%w: unsupported type %v", ErrInvalidParam, p.Type)
}

// normalizeString trims, bounds and formats a string; nil means empty.
func (t *Template) normalizeString(p Param, s string) (any, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	limit := p.MaxLength
	if limit <= 0 || limit > MaxParamLength {
		limit = MaxParamLength
	}
	if len(s) > limit {
		return nil, fmt.Errorf("%w: %d bytes, at most %d", ErrInvalidParam, len(s), limit)
	}
	switch {
	case p.Format == FormatCountry:
		code, ok := lists.NormalizeCountry(s)
		if !ok {
			return nil, fmt.Errorf("%w: %q is not a known country", ErrInvalidParam, s)
		}
		s = code
	case p.Format != "":
		v, ok := t.documents[p.Format]
		if !ok {
			return nil, fmt.Errorf("%w: unknown document type %q", ErrInvalidDocument, p.Format)
		}
		canon, err := callValidator(p.Format, v, s)
		if err != nil {
			return nil, err
		}
		s = canon
	}
	if len(p.Enum) > 0 && !slices.Contains(p.Enum, s) {
		return nil, fmt.Errorf("%w: %q is not one of %s", ErrInvalidParam, s, strings.Join(p.Enum, ", "))
	}
	return s, nil
}

func typeError(p Param, raw any) error {
	return fmt.Errorf("%w: want %v, got %s", ErrInvalidParam, p.Type, describeValue(raw))
}

// describeValue names a raw value's type without echoing it: subjects are
// personal data.
func describeValue(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case float32, float64, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, json.Number:
		return "a number"
	case []any, []string:
		return "a list"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

func stringItems(raw any) ([]string, bool) {
	switch v := raw.(type) {
	case []string:
		return v, true
	case []any:
		out := make([]string, len(v))
		for i, x := range v {
			s, ok := x.(string)
			if !ok {
				return nil, false
			}
			out[i] = s
		}
		return out, true
	}
	return nil, false
}

func toFloat(raw any) (float64, bool) {
	switch v := raw.(type) {
	case float64:
		return v, true
	case float32:
		return float64(v), true
	case json.Number:
		f, err := v.Float64()
		return f, err == nil
	}
	if n, ok := toInt(raw); ok {
		return float64(n), true
	}
	return 0, false
}

// maxSafeInt bounds integers so every value converts to float64 and back.
const maxSafeInt = 1 << 53

func toInt(raw any) (int, bool) {
	var n int64
	switch v := raw.(type) {
	case int:
		n = int64(v)
	case int8:
		n = int64(v)
	case int16:
		n = int64(v)
	case int32:
		n = int64(v)
	case int64:
		n = v
	case uint8:
		n = int64(v)
	case uint16:
		n = int64(v)
	case uint32:
		n = int64(v)
	case uint:
		if uint64(v) > maxSafeInt {
			return 0, false
		}
		n = int64(v)
	case uint64:
		if v > maxSafeInt {
			return 0, false
		}
		n = int64(v)
	case float64:
		if v != math.Trunc(v) || math.Abs(v) > maxSafeInt {
			return 0, false
		}
		n = int64(v)
	case json.Number:
		i, err := v.Int64()
		if err != nil {
			return 0, false
		}
		n = i
	default:
		return 0, false
	}
	if n > maxSafeInt || n < -maxSafeInt {
		return 0, false
	}
	return int(n), true
}
