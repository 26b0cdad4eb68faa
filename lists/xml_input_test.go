package lists

import (
	"errors"
	"strings"
	"testing"
)

// xmlInputParsers are the XML parsers that read through xmlStream, each
// with a one-record document whose name is %s.
var xmlInputParsers = []struct {
	name  string
	parse func(string) (*List, error)
	doc   string
}{
	{"OFAC", func(s string) (*List, error) { return ParseOFACXML(strings.NewReader(s), SourceOFACSDN) },
		"<sdnList>\n<sdnEntry><uid>1</uid><lastName>%s</lastName><sdnType>Entity</sdnType></sdnEntry>\n</sdnList>"},
	{"EU", func(s string) (*List, error) { return ParseEUFSFXML(strings.NewReader(s)) },
		"<export>\n<sanctionEntity logicalId=\"1\"><subjectType code=\"enterprise\"/><nameAlias wholeName=\"%s\"/></sanctionEntity>\n</export>"},
	{"UN", func(s string) (*List, error) { return ParseUNXML(strings.NewReader(s)) },
		"<CONSOLIDATED_LIST><ENTITIES>\n<ENTITY><FIRST_NAME>%s</FIRST_NAME><REFERENCE_NUMBER>QDe.1</REFERENCE_NUMBER></ENTITY>\n</ENTITIES></CONSOLIDATED_LIST>"},
	{"FCDO", func(s string) (*List, error) { return ParseUKFCDOXML(strings.NewReader(s)) },
		"<Designations>\n<Designation><UniqueID>X1</UniqueID><Names><Name><Name6>%s</Name6><NameType>Primary Name</NameType></Name></Names></Designation>\n</Designations>"},
	{"CA", func(s string) (*List, error) { return ParseCASEMAXML(strings.NewReader(s)) },
		"<data-set>\n<record><Country>Russia</Country><Item>1</Item><EntityOrShip>%s</EntityOrShip></record>\n</data-set>"},
}

func xmlInputDoc(doc, name string) string { return strings.Replace(doc, "%s", name, 1) }

// TestXMLInputRepairs checks the repairs every XML parser shares: a C0
// control character is dropped and noted (OFAC and the EU rejected it as
// broken XML before they shared the input), a declared ISO-8859-1 is read
// as Windows-1252, and a declared US-ASCII file with UTF-8 text stays
// UTF-8.
func TestXMLInputRepairs(t *testing.T) {
	tests := []struct {
		name, prolog, in, want, note string
	}{
		{"control character", "", "ACME\x01 BANK", "ACME BANK", "control character dropped: once, first at line 2"},
		{"declared ISO-8859-1", `<?xml version="1.0" encoding="ISO-8859-1"?>` + "\n", "\x80 BANK N\xda\xd1EZ", "€ BANK NÚÑEZ", ""},
		{"declared US-ASCII", `<?xml version="1.0" encoding="US-ASCII"?>` + "\n", "MÜLLER BANK", "MÜLLER BANK", ""},
	}
	for _, p := range xmlInputParsers {
		for _, tt := range tests {
			t.Run(p.name+"/"+tt.name, func(t *testing.T) {
				in := tt.prolog + xmlInputDoc(p.doc, tt.in)
				l, err := p.parse(in)
				if err != nil {
					t.Fatal(err)
				}
				if got := l.Entities[0].PrimaryName(); got != tt.want {
					t.Errorf("name %q, want %q", got, tt.want)
				}
				if tt.prolog != "" {
					return // the prolog moves the line of the note
				}
				if !strings.Contains(strings.Join(l.Tolerated, "\n"), tt.note) {
					t.Errorf("Tolerated %q, want %q", l.Tolerated, tt.note)
				}
			})
		}
	}
}

// TestXMLInputErrors checks the errors every XML parser shares.
func TestXMLInputErrors(t *testing.T) {
	for _, p := range xmlInputParsers {
		t.Run(p.name, func(t *testing.T) {
			_, err := p.parse(`<?xml version="1.0" encoding="UTF-16"?>` + xmlInputDoc(p.doc, "X"))
			var pe *ParseError
			if !errors.Is(err, ErrInvalidValue) || !errors.Is(err, ErrSyntax) || !errors.As(err, &pe) ||
				pe.Line != 1 || pe.Element != "xml" || pe.Field != "encoding" {
				t.Errorf("unsupported encoding: err = %#v", err)
			}
			_, err = p.parse(xmlInputDoc(p.doc, "X") + "\ntrailing text")
			if !errors.Is(err, ErrSyntax) || !errors.As(err, &pe) || pe.Line != 4 {
				t.Errorf("text after the root element: err = %v, want ErrSyntax at line 4", err)
			}
			if _, err := p.parse(xmlInputDoc(p.doc, "X") + "\n<!-- end -->\n"); err != nil {
				t.Errorf("a comment after the root element: %v", err)
			}
			_, err = p.parse(xmlInputDoc(p.doc, "X")[:40])
			if !errors.Is(err, ErrSyntax) {
				t.Errorf("truncated: err = %v, want ErrSyntax", err)
			}
		})
	}
}
