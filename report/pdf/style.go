package pdf

import (
	"github.com/johnfercher/maroto/v2/pkg/consts/align"
	"github.com/johnfercher/maroto/v2/pkg/consts/border"
	"github.com/johnfercher/maroto/v2/pkg/props"
)

// Colours.
var (
	colorText    = props.Color{Red: 33, Green: 37, Blue: 41}
	colorMuted   = props.Color{Red: 100, Green: 106, Blue: 115}
	colorAccent  = props.Color{Red: 22, Green: 58, Blue: 104}
	colorRule    = props.Color{Red: 190, Green: 196, Blue: 204}
	colorHeadBg  = props.Color{Red: 226, Green: 232, Blue: 240}
	colorZebra   = props.Color{Red: 246, Green: 248, Blue: 250}
	colorRed     = props.Color{Red: 176, Green: 32, Blue: 32}
	colorAmber   = props.Color{Red: 168, Green: 98, Blue: 0}
	colorGreen   = props.Color{Red: 22, Green: 110, Blue: 58}
	colorRedBg   = props.Color{Red: 252, Green: 232, Blue: 232}
	colorAmberBg = props.Color{Red: 253, Green: 243, Blue: 224}
	colorGreenBg = props.Color{Red: 230, Green: 244, Blue: 235}
	colorGreyBg  = props.Color{Red: 238, Green: 240, Blue: 243}
)

// Font sizes, in points.
const (
	sizeTitle   = 15.0
	sizeSection = 11.0
	sizeBody    = 8.5
	sizeSmall   = 7.5
	sizeBig     = 12.0
)

// Text helpers.

func plain(s string) span                   { return span{text: s} }
func bold(s string) span                    { return span{text: s, bold: true} }
func muted(s string) span                   { return span{text: s, color: &colorMuted} }
func colored(s string, c *props.Color) span { return span{text: s, bold: true, color: c} }

// body returns a body-sized box.
func body(spans ...span) *textBox { return newText(sizeBody, spans...) }

// small returns a small box.
func small(spans ...span) *textBox { return newText(sizeSmall, spans...) }

// rightAligned aligns a box to the right and returns it.
func rightAligned(t *textBox) *textBox {
	t.align = align.Right
	return t
}

// padded sets a box's padding and returns it.
func padded(t *textBox, top, right, bottom, left float64) *textBox {
	t.top, t.right, t.bottom, t.left = top, right, bottom, left
	return t
}

// fill returns a cell style with a background colour.
func fill(c *props.Color) *props.Cell { return &props.Cell{BackgroundColor: c} }

// headStyle is the style of a table header cell.
var headStyle = &props.Cell{BackgroundColor: &colorHeadBg}

// zebra returns the background of the i-th table row.
func zebra(i int) *props.Cell {
	if i%2 == 1 {
		return fill(&colorZebra)
	}
	return nil
}

// boxBottom draws a signature line under a cell.
var boxBottom = &props.Cell{BorderType: border.Bottom, BorderColor: &colorText, BorderThickness: 0.3}
