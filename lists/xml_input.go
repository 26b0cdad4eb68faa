package lists

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// xmlStream reads one XML list file for a parser. Every XML parser of the
// package (OFAC, EU, UN, FCDO, CA) reads its input through it:
//
//   - it hashes every byte, so List.SHA256 covers the whole input;
//   - it skips a UTF-8 byte-order mark;
//   - it reads a file that declares ISO-8859-1 or Windows-1252 as
//     Windows-1252 (a superset of Latin-1), and a byte that is not part of
//     a UTF-8 sequence in a file that claims UTF-8 (or US-ASCII, or states
//     no encoding) as Windows-1252 too;
//   - it drops the C0 control characters XML 1.0 forbids;
//   - it turns every failure into a positioned *ParseError.
//
// The repairs are recorded in tol; line numbers are kept.
type xmlStream struct {
	src      string // ParseError.Source: "UN-SC un-xml"
	dig      *digestReader
	in       *xmlRepair
	dec      *xml.Decoder
	tol      *tolerances
	conv     xmlConventions
	encoding string // a declared encoding the stream cannot read; "" when readable
}

// xmlConventions are the parts of a parser's output that the two families
// of XML parsers published differently before they shared xmlStream: the
// phrases recorded in List.Tolerated when the input needed repair, and the
// position of the ErrEmpty error. Each parser keeps its own, so that no
// output changed.
type xmlConventions struct {
	bom     string // a UTF-8 byte-order mark was skipped
	notUTF8 string // a byte that is not UTF-8 was read as Windows-1252
	// emptyAtRoot positions ErrEmpty at the root element without a line;
	// otherwise it is positioned at the last line read.
	emptyAtRoot bool
}

// The two conventions in use.
var (
	// xmlOFACConventions are those of ParseOFACXML and ParseEUFSFXML.
	xmlOFACConventions = xmlConventions{
		bom:         "UTF-8 byte-order mark",
		notUTF8:     "bytes that are not UTF-8 read as windows-1252",
		emptyAtRoot: true,
	}
	// xmlUNConventions are those of ParseUNXML, ParseUKFCDOXML and
	// ParseCASEMAXML.
	xmlUNConventions = xmlConventions{
		bom:     "UTF-8 byte-order mark skipped",
		notUTF8: "byte that is not UTF-8 read as Latin-1",
	}
)

// xmlControlNote is recorded for each C0 control character dropped.
const xmlControlNote = "control character dropped"

// newXMLStream prepares r for encoding/xml. ParseError.Source is the
// source and format ("UN-SC un-xml").
func newXMLStream(r io.Reader, source Source, format Format, conv xmlConventions) *xmlStream {
	s := &xmlStream{src: string(source) + " " + string(format), dig: newDigestReader(r), tol: &tolerances{}, conv: conv}
	br := bufio.NewReaderSize(s.dig, 64<<10)
	if head, _ := br.Peek(len(utf8BOM)); bytes.Equal(head, utf8BOM) {
		_, _ = br.Discard(len(utf8BOM))
		s.tol.note(conv.bom, "line 1")
	}
	head, _ := br.Peek(1024)
	s.in = &xmlRepair{r: br, tol: s.tol, notUTF8: conv.notUTF8, line: 1}
	switch enc := xmlDeclaredEncoding(head); xmlEncodings[enc] {
	case "utf-8":
	case "windows-1252":
		s.in.singleByte = true
	default:
		s.encoding = enc
	}
	s.dec = xml.NewDecoder(s.in)
	s.dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		if _, ok := xmlEncodings[strings.ToLower(label)]; ok {
			return in, nil // the bytes are UTF-8 by the time the decoder sees them
		}
		return nil, fmt.Errorf("%w: unsupported XML encoding %q", ErrInvalidValue, label)
	}
	return s
}

// xmlEncodings maps the encoding labels list files use to the way
// xmlRepair reads the bytes; "" is an XML file without a declared encoding.
var xmlEncodings = map[string]string{
	"": "utf-8", "utf-8": "utf-8", "utf8": "utf-8", "us-ascii": "utf-8", "ascii": "utf-8",
	"iso-8859-1": "windows-1252", "iso8859-1": "windows-1252", "iso_8859-1": "windows-1252",
	"latin1": "windows-1252", "latin-1": "windows-1252", "l1": "windows-1252",
	"windows-1252": "windows-1252", "cp1252": "windows-1252", "x-cp1252": "windows-1252",
}

// xmlDeclaredEncoding returns the lower-cased encoding named in an XML
// declaration at the start of head, or "".
func xmlDeclaredEncoding(head []byte) string {
	head = bytes.TrimLeft(head, " \t\r\n")
	if !bytes.HasPrefix(head, []byte("<?xml")) {
		return ""
	}
	end := bytes.Index(head, []byte("?>"))
	if end < 0 {
		return ""
	}
	decl := head[:end]
	i := bytes.Index(decl, []byte("encoding"))
	if i < 0 {
		return ""
	}
	rest := bytes.TrimLeft(decl[i+len("encoding"):], " \t\r\n")
	if len(rest) == 0 || rest[0] != '=' {
		return ""
	}
	rest = bytes.TrimLeft(rest[1:], " \t\r\n")
	if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
		return ""
	}
	q := rest[0]
	j := bytes.IndexByte(rest[1:], q)
	if j < 0 {
		return ""
	}
	return strings.ToLower(strings.TrimSpace(string(rest[1 : 1+j])))
}

// line is the decoder's current line.
func (s *xmlStream) line() int {
	l, _ := s.dec.InputPos()
	return l
}

// fieldError positions an error wrapping a sentinel.
func (s *xmlStream) fieldError(line int, element, field string, err error) error {
	return &ParseError{Source: s.src, Line: line, Element: element, Field: field, Err: err}
}

// fail turns an error of the decoder into a *ParseError: a *ParseError is
// passed on, an error of the underlying reader keeps its cause, and
// everything else (broken or truncated XML, an unknown charset in a nested
// declaration) wraps ErrSyntax with the line.
func (s *xmlStream) fail(err error) error {
	var pe *ParseError
	if errors.As(err, &pe) {
		return err
	}
	if s.in.readErr != nil && errors.Is(err, s.in.readErr) {
		return &ParseError{Source: s.src, Line: s.line(), Err: err}
	}
	var se *xml.SyntaxError
	switch {
	case errors.As(err, &se):
		return &ParseError{Source: s.src, Line: se.Line, Err: fmt.Errorf("%w: %s", ErrSyntax, se.Msg)}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &ParseError{Source: s.src, Line: s.line(), Err: fmt.Errorf("%w: unexpected end of input", ErrSyntax)}
	}
	return &ParseError{Source: s.src, Line: s.line(), Err: fmt.Errorf("%w: %v", ErrSyntax, err)}
}

// walk reads the whole document. It checks the root element's name
// (calling onRoot, when not nil, with it), and hands each start element
// named in records, at any depth below the root, to its handler with the
// element's line; the handler must consume the element (DecodeElement or
// Skip). Text or a second element after the root is ErrSyntax; a root of
// another name is ErrUnknownFormat; no root at all is ErrEmpty. A declared
// encoding the stream cannot read is an error at line 1, element "xml",
// field "encoding", wrapping both ErrInvalidValue (the declared value) and
// ErrSyntax (the bytes cannot be read).
func (s *xmlStream) walk(root string, onRoot func(xml.StartElement) error,
	records map[string]func(xml.StartElement, int) error) error {
	if s.encoding != "" {
		return &ParseError{Source: s.src, Line: 1, Element: "xml", Field: "encoding",
			Err: fmt.Errorf("%w: %w: unsupported XML encoding %q", ErrInvalidValue, ErrSyntax, shortQuote(s.encoding))}
	}
	depth, roots := 0, 0
	for {
		tok, err := s.dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return s.fail(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
				if roots > 1 {
					return s.fieldError(s.line(), t.Name.Local, "", fmt.Errorf("%w: second root element", ErrSyntax))
				}
				if t.Name.Local != root {
					return s.fieldError(s.line(), t.Name.Local, "",
						fmt.Errorf("%w: root element is <%s>, want <%s>", ErrUnknownFormat, shortQuote(t.Name.Local), root))
				}
				if onRoot != nil {
					if err := onRoot(t); err != nil {
						return err
					}
				}
				depth++
				continue
			}
			if h, ok := records[t.Name.Local]; ok {
				if err := h(t, s.line()); err != nil {
					return err
				}
				continue
			}
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 0 && len(bytes.TrimSpace(t)) > 0 {
				return s.fieldError(s.line(), "", "", fmt.Errorf("%w: text outside the root element", ErrSyntax))
			}
		}
	}
	if roots == 0 {
		return s.empty(root, fmt.Errorf("%w: no <%s> element", ErrEmpty, root))
	}
	return nil
}

// empty positions err, which wraps ErrEmpty, by the stream's conventions.
func (s *xmlStream) empty(root string, err error) error {
	if s.conv.emptyAtRoot {
		return &ParseError{Source: s.src, Element: root, Err: err}
	}
	return &ParseError{Source: s.src, Line: s.line(), Err: err}
}

// finish drains the input, records the digest and the tolerances, and
// rejects a list without entities (ErrEmpty).
func (s *xmlStream) finish(l *List, root string) (*List, error) {
	if err := s.dig.drain(); err != nil {
		return nil, &ParseError{Source: s.src, Line: s.line(), Err: err}
	}
	if len(l.Entities) == 0 {
		return nil, s.empty(root, ErrEmpty)
	}
	l.SHA256 = s.dig.sum()
	l.Tolerated = s.tol.list()
	return l, nil
}

// xmlRepair hands the decoder valid UTF-8. In a file read as UTF-8 it
// converts each byte that is not part of a UTF-8 sequence as Windows-1252;
// in a file that declares a single-byte encoding it converts every byte
// from 0x80. It drops the C0 control characters XML 1.0 forbids. Both
// repairs are noted in tol with the line. It remembers the last error of
// the reader under it (readErr), so that an I/O failure is not reported as
// a syntax error.
type xmlRepair struct {
	r          io.Reader
	tol        *tolerances
	notUTF8    string // the tolerance phrase for a converted byte
	singleByte bool   // the file declares ISO-8859-1 or Windows-1252
	buf        []byte
	carry      []byte // an incomplete UTF-8 sequence from the last read
	out        []byte // converted bytes not yet returned
	obuf       []byte // out's backing array, reused
	line       int
	err        error // the reader's last error, io.EOF included
	readErr    error // the reader's last error other than io.EOF
}

func (x *xmlRepair) Read(p []byte) (int, error) {
	for len(x.out) == 0 {
		if x.err != nil {
			return 0, x.err
		}
		x.fill()
	}
	n := copy(p, x.out)
	x.out = x.out[n:]
	return n, nil
}

func (x *xmlRepair) fill() {
	if x.buf == nil {
		x.buf = make([]byte, 32<<10)
	}
	k := copy(x.buf, x.carry)
	n, err := x.r.Read(x.buf[k:])
	data := x.buf[:k+n]
	x.carry = x.carry[:0]
	if err != nil {
		x.err = err
		if err != io.EOF {
			x.readErr = err
		}
	}
	out := x.obuf[:0]
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == '\n':
				x.line++
			case c < 0x20 && c != '\t' && c != '\r':
				x.tol.note(xmlControlNote, fmt.Sprintf("line %d", x.line))
				continue
			}
			out = append(out, c)
			continue
		}
		if !x.singleByte {
			r, size := utf8.DecodeRune(data[i:])
			if r != utf8.RuneError || size > 1 {
				out = append(out, data[i:i+size]...)
				i += size
				continue
			}
			if x.err == nil && !utf8.FullRune(data[i:]) {
				x.carry = append(x.carry, data[i:]...)
				break // the rest of the sequence comes with the next read
			}
			x.tol.note(x.notUTF8, fmt.Sprintf("line %d", x.line))
		}
		out = utf8.AppendRune(out, charmap.Windows1252.DecodeByte(c))
		i++
	}
	x.obuf = out
	x.out = out
}
