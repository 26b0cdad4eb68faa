package pdf

import "errors"

// ErrRender means the PDF library failed to produce a document (a font that
// would not load, an internal error of the layout library). Test it with
// errors.Is. Invalid documents are reported with report.ErrInvalidDocument
// instead.
var ErrRender = errors.New("report/pdf: render failed")
