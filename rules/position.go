package rules

import (
	"unicode"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
)

// exprPosition translates a rune offset inside a rule expression (the
// scalar's value) into the 1-based line and column of the template file.
//
// YAML changes a scalar's text on the way to its value: quotes and escapes
// go, line breaks of plain and folded scalars become spaces, block scalars
// lose their indentation. Rather than re-implement each style, the value's
// runes are aligned greedily with the raw text that starts at the scalar:
// each value rune is matched to the next identical raw rune, white space
// matching any white space. For every style the expression language
// produces this lands on the character the expression error points at.
// When alignment fails the scalar's own position is returned.
func (d *decoder) exprPosition(n ast.Node, value string, runeOffset int) (int, int) {
	line, col := d.pos(n)
	start := d.scalarStart(n)
	if start < 0 {
		return line, col
	}
	if runeOffset < 0 {
		runeOffset = 0
	}
	raw := start
	last := start
	i := 0
	for _, vr := range value {
		found := false
		for raw < len(d.src) {
			rr, size := utf8.DecodeRuneInString(d.src[raw:])
			if rr == vr || (unicode.IsSpace(vr) && unicode.IsSpace(rr)) {
				last = raw
				raw += size
				found = true
				break
			}
			raw += size
		}
		if !found {
			return line, col
		}
		if i == runeOffset {
			break
		}
		i++
	}
	if i < runeOffset { // the offset is past the value's end
		last = raw
	}
	return d.lineCol(last)
}

// scalarStart returns the byte offset where a scalar's raw text starts: the
// first character of a plain or quoted scalar, the line after a block
// scalar's header.
func (d *decoder) scalarStart(n ast.Node) int {
	switch x := n.(type) {
	case *ast.LiteralNode:
		if x.Start == nil || x.Start.Position == nil {
			return -1
		}
		l := x.Start.Position.Line
		if l >= len(d.lines) {
			return -1
		}
		return d.lines[l]
	case *ast.StringNode:
		tk := x.GetToken()
		if tk == nil || tk.Position == nil {
			return -1
		}
		return d.offsetOf(tk.Position.Line, tk.Position.Column)
	}
	return -1
}
