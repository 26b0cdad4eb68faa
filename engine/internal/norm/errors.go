package norm

import "errors"

// ErrUnknownKind is returned when text or a number does not name a Kind.
var ErrUnknownKind = errors.New("norm: unknown token kind")
