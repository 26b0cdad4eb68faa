package pdf

import (
	"github.com/sievekyc/sieve/report"

	"github.com/johnfercher/maroto/v2/pkg/props"
)

// Building blocks shared by the modes.

// title adds the report title and its subtitle lines.
func title(p *pager, text string, sub ...string) {
	p.add(newLine(cell{size: gridSize, box: padded(newText(sizeTitle, colored(text, &colorAccent)), 1, 1, 1, 0)}))
	for _, s := range sub {
		p.add(newLine(cell{size: gridSize, box: padded(small(muted(s)), 0, 1, 0.5, 0)}))
	}
	p.add(rule())
}

// section opens a section: its title stays with the first line after it.
func section(p *pager, text string) {
	p.gap(4)
	p.keep(newLine(cell{size: gridSize, box: padded(newText(sizeSection, colored(text, &colorAccent)), 1, 1, 1, 0)}))
}

// subsection opens a smaller heading inside a section.
func subsection(p *pager, spans ...span) {
	p.gap(1.5)
	p.keep(newLine(cell{size: gridSize, box: padded(newText(sizeBody+0.5, spans...), 1, 1, 0.5, 0)}))
}

// note adds a line of small muted text.
func note(p *pager, s string) {
	p.add(newLine(cell{size: gridSize, box: padded(small(muted(s)), 0.5, 1, 0.5, 0)}))
}

// paragraph adds a line of body text.
func paragraph(p *pager, spans ...span) { p.add(paragraphLine(spans...)) }

// paragraphLine returns a line of body text.
func paragraphLine(spans ...span) *line {
	return newLine(cell{size: gridSize, box: padded(body(spans...), 0.5, 1, 0.5, 0)})
}

// bullets adds one body line per item, each with a bullet.
func bullets(p *pager, items []string) {
	for _, it := range items {
		p.add(newLine(
			cell{size: 1, box: rightAligned(body(muted("•")))},
			cell{size: 11, box: body(plain(it))},
		))
	}
}

// kvTable adds a two-column table of key/value pairs. labelSize is the
// width of the key column in grid units.
func kvTable(p *pager, kvs []report.KV, labelSize int) {
	p.add(kvLines(kvs, labelSize)...)
}

// kvLines returns the lines of a key/value table.
func kvLines(kvs []report.KV, labelSize int) []*line {
	ls := make([]*line, len(kvs))
	for i, kv := range kvs {
		ls[i] = newLine(
			cell{size: labelSize, box: body(bold(kv.Key)), style: zebra(i)},
			cell{size: gridSize - labelSize, box: body(plain(kv.Value)), style: zebra(i)},
		)
	}
	return ls
}

// table adds a table: a header row repeated on every page the table spans,
// and one line per row. Cells are boxes; sizes are grid units.
func table(p *pager, sizes []int, head []string, rows [][]*textBox) {
	hc := make([]cell, len(head))
	for i, h := range head {
		hc[i] = cell{size: sizes[i], box: small(bold(h)), style: headStyle}
	}
	p.table(newLine(hc...))
	for i, r := range rows {
		cs := make([]cell, len(r))
		for j, b := range r {
			cs[j] = cell{size: sizes[j], box: b, style: zebra(i)}
		}
		p.add(newLine(cs...))
	}
	p.endTable()
	p.flush()
}

// panel is one labelled value of the decision panel.
type panel struct {
	label string
	value string
	color *props.Color
	bg    *props.Color
}

// panels adds a row of labelled values on tinted backgrounds.
func panels(p *pager, ps []panel) {
	size := gridSize / len(ps)
	labels := make([]cell, len(ps))
	values := make([]cell, len(ps))
	for i, pn := range ps {
		labels[i] = cell{size: size, box: padded(small(muted(pn.label)), 2, 2, 0, 2.5), style: fill(pn.bg)}
		values[i] = cell{size: size, box: padded(newText(sizeBig, colored(pn.value, pn.color)), 0, 2, 2, 2.5), style: fill(pn.bg)}
	}
	p.together(newLine(labels...), newLine(values...))
}

// decisionColors returns the text and background colours of a decision.
func decisionColors(d report.Decision) (*props.Color, *props.Color) {
	switch d {
	case report.DecisionApproved:
		return &colorGreen, &colorGreenBg
	case report.DecisionReview:
		return &colorAmber, &colorAmberBg
	case report.DecisionRejected, report.DecisionHold:
		return &colorRed, &colorRedBg
	}
	return &colorText, &colorGreyBg
}

// bandColors returns the text and background colours of a risk band.
func bandColors(b report.Band) (*props.Color, *props.Color) {
	switch b {
	case report.BandLow:
		return &colorGreen, &colorGreenBg
	case report.BandMedium:
		return &colorAmber, &colorAmberBg
	case report.BandHigh:
		return &colorRed, &colorRedBg
	}
	return &colorText, &colorGreyBg
}

// statusColor returns the colour of a finding status.
func statusColor(s report.FindingStatus) *props.Color {
	switch s {
	case report.FindingFailed:
		return &colorRed
	case report.FindingWarning:
		return &colorAmber
	case report.FindingPassed:
		return &colorGreen
	}
	return &colorText
}

// nameSpans renders a name with its transliteration beside it, when there
// is one that differs from the name.
func nameSpans(name, translit string, b bool) []span {
	first := plain(name)
	if b {
		first = bold(name)
	}
	if translit == "" || translit == name {
		return []span{first}
	}
	if name == "" {
		return []span{{text: translit, bold: b}}
	}
	return []span{first, muted(" (" + translit + ")")}
}

// pageHeader returns the lines repeated at the top of every page.
func pageHeader(left, right, sandbox string) []*line {
	ls := []*line{newLine(
		cell{size: 6, box: padded(small(colored(left, &colorAccent)), 0, 1, 1, 0)},
		cell{size: 6, box: rightAligned(padded(small(muted(right)), 0, 0, 1, 1))},
	)}
	if sandbox != "" {
		ls = append(ls, newLine(cell{size: gridSize, box: padded(small(colored(sandbox, &colorAmber)), 1, 1, 1, 2), style: fill(&colorAmberBg)}))
	}
	ls = append(ls, rule(), spacer(2))
	return ls
}
