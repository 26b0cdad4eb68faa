package rules

import (
	"bytes"
	_ "embed"
)

//go:embed template.schema.json
var templateSchema []byte

// TemplateSchema returns the JSON Schema (draft 2020-12) of template files,
// for editors and external validators. Load enforces it and more; a test
// keeps the two in step.
func TemplateSchema() []byte { return bytes.Clone(templateSchema) }
