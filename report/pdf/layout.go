package pdf

import (
	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/consts/border"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"
)

// Page geometry, in millimetres (A4 portrait).
const (
	pageWidth    = 210.0
	pageHeight   = 297.0
	marginLeft   = 15.0
	marginRight  = 15.0
	marginTop    = 12.0
	marginBottom = 18.0
	contentWidth = pageWidth - marginLeft - marginRight
	// contentHeight is the height maroto fills with rows on each page.
	contentHeight = pageHeight - marginTop - marginBottom
	gridSize      = 12
)

// colWidth is the width of a column of size grid units, computed as maroto
// computes it (row.Render), so that a box laid out here is laid out at the
// very width maroto later hands it.
func colWidth(size int) float64 {
	var width float64 = contentWidth
	percent := float64(size) / float64(gridSize)
	return width * percent
}

// cell is one column of a line.
type cell struct {
	size  int
	box   *textBox
	style *props.Cell
}

// line is one row of the document, with its height computed by our own
// text metrics, so that pagination can be simulated before maroto runs.
type line struct {
	cells  []cell
	height float64
}

// newLine returns a line of cells; its height is that of its tallest cell.
func newLine(cells ...cell) *line {
	l := &line{cells: cells}
	for _, c := range cells {
		if c.box == nil {
			continue
		}
		w := colWidth(c.size)
		l.height = max(l.height, c.box.height(w))
	}
	return l
}

// fixedLine returns a line of cells h millimetres high.
func fixedLine(h float64, cells ...cell) *line {
	return &line{cells: cells, height: h}
}

// spacer returns an empty line h millimetres high.
func spacer(h float64) *line {
	return &line{cells: []cell{{size: gridSize}}, height: h}
}

// rule returns a thin horizontal rule with space around it.
func rule() *line {
	return &line{cells: []cell{{size: gridSize, style: &props.Cell{BorderType: border.Bottom, BorderColor: &colorRule, BorderThickness: 0.2}}}, height: 1.5}
}

// usesCJK reports whether any cell of the line draws CJK text.
func (l *line) usesCJK() bool {
	for _, c := range l.cells {
		if c.box != nil && c.box.usesCJK() {
			return true
		}
	}
	return false
}

// row builds the maroto row of the line. Every call returns a new row, so
// a repeated table header is a distinct row on each page.
func (l *line) row() core.Row {
	r := row.New(l.height)
	for _, c := range l.cells {
		k := col.New(c.size)
		if c.box != nil {
			k.Add(c.box)
		}
		if c.style != nil {
			k.WithStyle(c.style)
		}
		r.Add(k)
	}
	return r
}

// pager lays lines out on pages exactly as maroto will: a line that does
// not fit in what is left of the page moves to the next page, below the
// page header. Knowing where pages break, it repeats a table's header row
// on every page the table spans and keeps section titles with the line
// that follows them.
type pager struct {
	header []*line
	lines  []*line
	cur    float64
	pages  int

	// pending is a title held until the next line, so both go on one page.
	pending []*line
	// maxLines, when positive, is the line limit of every text box that
	// has none of its own.
	maxLines int

	// tableHead is the header of the open table, repeated after a break;
	// nextHead becomes tableHead once the table's first row is placed.
	tableHead, nextHead *line
}

// newPager returns a pager whose pages start with the header lines. A
// positive maxLines limits the lines of every text box without a limit of
// its own.
func newPager(maxLines int, header ...*line) *pager {
	p := &pager{header: header, pages: 1, maxLines: maxLines}
	for _, h := range header {
		p.clamp(h)
		p.cur += h.height
	}
	return p
}

// clamp applies the pager's line limit to the boxes of l and recomputes
// its height.
func (p *pager) clamp(l *line) {
	if p.maxLines <= 0 {
		return
	}
	changed := false
	for _, c := range l.cells {
		if c.box != nil && c.box.maxLines == 0 && !c.box.fixed {
			c.box.maxLines = p.maxLines
			c.box.layout = nil
			changed = true
		}
	}
	if changed {
		l.height = newLine(l.cells...).height
	}
}

// fits reports whether h more millimetres fit on the current page.
func (p *pager) fits(h float64) bool { return h+p.cur <= contentHeight }

// atTop reports whether nothing but the page header is on the page.
func (p *pager) atTop() bool { return p.cur == p.headerHeight() }

// place appends one line, breaking the page first when it does not fit.
func (p *pager) place(l *line) {
	if p.fits(l.height) {
		p.cur += l.height
		p.lines = append(p.lines, l)
		return
	}
	if p.tableHead != nil && l != p.tableHead {
		// Fill the page first: maroto must break before the repeated
		// header, which alone might still fit where the line does not.
		if rest := contentHeight - p.cur - 1e-6; rest > 0.01 {
			p.cur += rest
			p.lines = append(p.lines, spacer(rest))
		}
		p.newPage()
		p.cur += p.tableHead.height
		p.lines = append(p.lines, p.tableHead)
		p.cur += l.height
		p.lines = append(p.lines, l)
		return
	}
	p.newPage()
	p.cur += l.height
	p.lines = append(p.lines, l)
}

// newPage starts a page: maroto puts the page header on it.
func (p *pager) newPage() {
	p.pages++
	p.cur = 0
	for _, h := range p.header {
		p.cur += h.height
	}
}

// breakPage fills the rest of the page, so that the next line starts a new
// one.
func (p *pager) breakPage() {
	if p.atTop() {
		return
	}
	if rest := contentHeight - p.cur - 1e-6; rest > 0.01 {
		p.place(spacer(rest))
	}
}

// add appends lines, first placing any pending title on the same page as
// the first of them. A line taller than a page is split into several.
func (p *pager) add(ls ...*line) {
	for _, l := range ls {
		p.clamp(l)
		if limit := p.rowLimit(); l.height > limit {
			for _, part := range l.split(limit) {
				p.addOne(part)
			}
			continue
		}
		p.addOne(l)
	}
}

// rowLimit is the height a line may have and still fit on a page below
// the page header, a table header and a title.
func (p *pager) rowLimit() float64 {
	limit := contentHeight - p.headerHeight() - titleAllowance
	if h := p.tableHead; h != nil {
		limit -= h.height
	} else if h := p.nextHead; h != nil {
		limit -= h.height
	}
	return limit
}

// titleAllowance is the room left for a title above a split line.
const titleAllowance = 15

// addOne appends one line no taller than a page.
func (p *pager) addOne(l *line) {
	{
		if len(p.pending) > 0 {
			h := l.height
			for _, t := range p.pending {
				h += t.height
			}
			if !p.fits(h) {
				p.breakPage()
			}
			pend := p.pending
			p.pending = nil
			for _, t := range pend {
				p.place(t)
			}
		}
		p.place(l)
		if p.nextHead != nil {
			p.tableHead, p.nextHead = p.nextHead, nil
		}
	}
}

// together adds lines on one page: when they (with any pending title) do
// not fit in what is left of this page but would fit on a fresh one, the
// page breaks first.
func (p *pager) together(ls ...*line) {
	for _, l := range ls {
		p.clamp(l)
	}
	h := 0.0
	for _, l := range p.pending {
		h += l.height
	}
	for _, l := range ls {
		h += l.height
	}
	if !p.fits(h) && h <= contentHeight-p.headerHeight() {
		p.breakPage()
	}
	p.add(ls...)
}

// headerHeight is the height of the page header.
func (p *pager) headerHeight() float64 {
	top := 0.0
	for _, h := range p.header {
		top += h.height
	}
	return top
}

// keep holds lines (a title, a table header) until the next add.
func (p *pager) keep(ls ...*line) {
	for _, l := range ls {
		p.clamp(l)
	}
	p.pending = append(p.pending, ls...)
}

// gap adds vertical space, unless the page has just begun.
func (p *pager) gap(h float64) {
	if p.atTop() || len(p.pending) > 0 {
		return
	}
	if p.fits(h) {
		p.place(spacer(h))
	}
}

// table opens a table: its header goes with the first row and is repeated
// at the top of every further page the table spans.
func (p *pager) table(head *line) {
	p.keep(head)
	p.nextHead = head
}

// endTable closes the open table.
func (p *pager) endTable() { p.tableHead, p.nextHead = nil, nil }

// flush drops a title that no line followed.
func (p *pager) flush() {
	if len(p.pending) > 0 {
		pend := p.pending
		p.pending = nil
		for _, t := range pend {
			p.place(t)
		}
	}
}

// usesCJK reports whether any line of the document draws CJK text.
func (p *pager) usesCJK() bool {
	for _, ls := range [][]*line{p.header, p.lines} {
		for _, l := range ls {
			if l.usesCJK() {
				return true
			}
		}
	}
	return false
}

// split cuts the line into lines no taller than maxH, each carrying the
// next lines of text of every cell.
func (l *line) split(maxH float64) []*line {
	type part struct {
		box    *textBox
		segs   [][]segment
		widths []float64
		per    int
	}
	parts := make([]part, len(l.cells))
	n := 0
	for i, c := range l.cells {
		if c.box == nil {
			continue
		}
		w := colWidth(c.size)
		segs, widths := c.box.lines(w)
		per := max(1, int((maxH-c.box.top-c.box.bottom)/c.box.lineHeight()))
		parts[i] = part{box: c.box, segs: segs, widths: widths, per: per}
		n = max(n, (len(segs)+per-1)/per)
	}
	out := make([]*line, 0, n)
	for k := range n {
		cells := make([]cell, len(l.cells))
		for i, c := range l.cells {
			cells[i] = cell{size: c.size, style: c.style}
			pt := parts[i]
			if pt.box == nil {
				continue
			}
			from := min(k*pt.per, len(pt.segs))
			to := min(from+pt.per, len(pt.segs))
			cells[i].box = pt.box.slice(colWidth(c.size), pt.segs[from:to], pt.widths[from:to])
		}
		out = append(out, newLine(cells...))
	}
	return out
}
