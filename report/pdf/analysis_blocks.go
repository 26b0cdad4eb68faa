package pdf

import (
	"sort"
	"strconv"
	"strings"

	"github.com/sievekyc/sieve/report"
)

// Blocks of the Portuguese analysis reports (resumido and completo).

// analysisHeader returns the page header of an analysis report.
func analysisHeader(d *report.Document, mode string) []*line {
	sandbox := ""
	if d.Sandbox {
		sandbox = "AMBIENTE SANDBOX — resultados simulados, sem valor de decisão"
	}
	return pageHeader("Sieve · Relatório "+mode, "Run "+truncate(d.RunID, headerIDWidth)+" · "+stamp(d.GeneratedAt), sandbox)
}

// analysisTitle adds the title block of an analysis report.
func analysisTitle(p *pager, d *report.Document, c caps) {
	meta := "Run " + truncate(d.RunID, c.id) + " · Tenant " + truncate(d.TenantID, c.id) +
		" · Template " + truncate(templateLabel(d), c.id)
	when := "Concluído em " + stamp(d.GeneratedAt)
	if d.Status != "" {
		when += " · Status: " + truncate(d.Status, c.id)
	}
	title(p, truncate(documentTitle(d), c.title), meta, when)
}

// caps bounds, in runes, the texts a report prints, so that no input can
// blow a report up: the resumido must fit in three pages, and no row of
// the completo should outgrow a page.
type caps struct {
	text  int // free text: details, reasons, values
	title int // titles and names
	id    int // identifiers, codes, versions, categories
	key   int // keys of key/value tables
	label int // the risk band label
	// lines, when positive, limits the lines of every text box; block
	// limits the lines of a finding (title, details and ID).
	lines, block int
}

// headerIDWidth bounds the run ID in the page header.
const headerIDWidth = 24

// templateLabel is the template's ID and version.
func templateLabel(d *report.Document) string {
	if d.Template.Version == "" {
		return d.Template.ID
	}
	return d.Template.ID + " v" + d.Template.Version
}

// decisionPanels adds the decision, operative decision and risk panels.
func decisionPanels(p *pager, d *report.Document, c caps) {
	dc, dbg := decisionColors(d.Decision)
	oc, obg := decisionColors(d.OperativeDecision)
	bc, bbg := bandColors(d.RiskBand)
	p.gap(2)
	panels(p, []panel{
		{label: "Decisão", value: d.Decision.Label(), color: dc, bg: dbg},
		{label: "Decisão operativa", value: d.OperativeDecision.Label(), color: oc, bg: obg},
		{label: "Risco", value: truncate(d.BandLabel(), c.label) + " · " + strconv.Itoa(d.RiskScore) + "/100", color: bc, bg: bbg},
	})
}

// holdReasons adds why the operative decision is hold. limit caps the
// number of reasons (0: no cap).
func holdReasons(p *pager, d *report.Document, limit int, c caps) {
	if d.OperativeDecision != report.DecisionHold {
		return
	}
	section(p, "Motivos da retenção (hold)")
	rs, more := d.HoldReasons, 0
	if limit > 0 {
		rs, more = capList(rs, limit)
	}
	bullets(p, truncated(rs, c.text))
	if more > 0 {
		note(p, "+"+strconv.Itoa(more)+" motivos no relatório completo.")
	}
}

// truncated truncates every string of ss to n runes.
func truncated(ss []string, n int) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = truncate(s, n)
	}
	return out
}

// subjectKind labels a subject kind in Portuguese.
func subjectKind(k report.SubjectKind) string {
	switch k {
	case report.SubjectPerson:
		return "pessoa física"
	case report.SubjectCompany:
		return "pessoa jurídica"
	}
	return string(k)
}

// documentLabel is the subject's masked document with its type.
func documentLabel(s *report.Subject, c caps) string {
	if s.DocumentNumber == "" {
		return ""
	}
	if s.DocumentType == "" {
		return truncate(s.MaskedDocument(), c.id)
	}
	return truncate(strings.ToUpper(s.DocumentType)+" "+s.MaskedDocument(), c.id)
}

// subjectBlock adds the subject's table. maxParams caps the parameters
// shown (negative: all).
func subjectBlock(p *pager, d *report.Document, maxParams int, c caps) {
	s := &d.Subject
	section(p, "Sujeito")
	p.add(newLine(
		cell{size: 3, box: body(bold("Nome"))},
		cell{size: 9, box: body(nameSpans(truncate(s.Name, c.title), truncate(s.Transliteration, c.title), true)...)},
	))
	kvs := []report.KV{{Key: "Tipo", Value: localePT.or(subjectKind(s.Kind))}}
	if doc := documentLabel(s, c); doc != "" {
		kvs = append(kvs, report.KV{Key: "Documento", Value: doc})
	}
	params := s.Params
	more := 0
	if maxParams >= 0 && len(params) > maxParams {
		params, more = params[:maxParams], len(params)-maxParams
	}
	for _, kv := range params {
		kvs = append(kvs, report.KV{Key: truncate(kv.Key, c.key), Value: truncate(kv.Value, c.text)})
	}
	kvTable(p, kvs, 3)
	if more > 0 {
		note(p, "+"+strconv.Itoa(more)+" parâmetros no relatório completo.")
	}
}

// sortedFindings returns the findings failed first, then warning, then
// passed, keeping their order within a status.
func sortedFindings(fs []report.Finding) []report.Finding {
	out := append([]report.Finding(nil), fs...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Status.Severity() < out[j].Status.Severity() })
	return out
}

// findingsTable adds a table of findings. width caps the details (0: no
// cap).
func findingsTable(p *pager, fs []report.Finding, c caps) {
	rows := make([][]*textBox, len(fs))
	for i, f := range fs {
		title := f.Title
		if title == "" {
			title = f.Category
		}
		what := []span{bold(truncate(title, c.title))}
		if f.Details != "" {
			what = append(what, plain("\n"+truncate(f.Details, c.text)))
		}
		box := body(what...)
		box.maxLines = c.block
		cat := []span{plain(truncate(f.Category, c.id))}
		if f.ID != "" {
			cat = append(cat, muted("\n"+truncate(f.ID, c.id)))
		}
		rows[i] = []*textBox{
			small(colored(f.Status.Label(), statusColor(f.Status))),
			small(cat...),
			box,
		}
	}
	table(p, []int{2, 3, 7}, []string{"Status", "Categoria", "Achado"}, rows)
}

// sortedRecommendations returns the recommendations most urgent first.
func sortedRecommendations(rs []report.Recommendation) []report.Recommendation {
	out := append([]report.Recommendation(nil), rs...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Priority < out[j].Priority })
	return out
}

// recommendationsTable adds a table of recommendations.
func recommendationsTable(p *pager, rs []report.Recommendation, c caps) {
	rows := make([][]*textBox, len(rs))
	for i, r := range rs {
		rows[i] = []*textBox{small(plain(strconv.Itoa(r.Priority))), body(plain(truncate(r.Text, c.text)))}
	}
	table(p, []int{2, 10}, []string{"Prioridade", "Recomendação"}, rows)
}

// listRef is one list screened, with the source that screened it.
type listRef struct {
	source string
	list   *report.ListSection
}

// screenedLists returns every list of every source, in order.
func screenedLists(d *report.Document) []listRef {
	var out []listRef
	for i := range d.Sources {
		s := &d.Sources[i]
		for j := range s.Lists {
			out = append(out, listRef{source: s.ID, list: &s.Lists[j]})
		}
	}
	return out
}

// listResult words a list's outcome in Portuguese.
func listResult(l *report.ListSection) span {
	switch {
	case l.MatchCount == 1:
		return colored("1 ocorrência", &colorRed)
	case l.MatchCount > 1:
		return colored(strconv.Itoa(l.MatchCount)+" ocorrências", &colorRed)
	}
	return colored("sem ocorrências", &colorGreen)
}

// listsTable adds the lists screened with their versions and outcome; when
// no source screened a list it shows the document's list versions. limit
// caps the rows.
func listsTable(p *pager, d *report.Document, limit int, c caps) {
	refs := screenedLists(d)
	n := len(refs)
	if n == 0 {
		n = len(d.ListVersions)
	}
	if n == 0 {
		note(p, "Nenhuma lista consultada nesta execução.")
		return
	}
	more := max(n-limit, 0)
	var rows [][]*textBox
	for i := range n - more {
		if len(refs) > 0 {
			r := refs[i]
			rows = append(rows, []*textBox{
				body(bold(truncate(r.list.Code, c.id))),
				small(plain(localePT.or(truncate(r.list.Version, c.id)))),
				small(plain(truncate(r.source, c.id))),
				small(listResult(r.list)),
			})
			continue
		}
		kv := d.ListVersions[i]
		rows = append(rows, []*textBox{
			body(bold(truncate(kv.Key, c.id))),
			small(plain(localePT.or(truncate(kv.Value, c.id)))),
			small(plain("")),
			small(muted("não consultada")),
		})
	}
	table(p, []int{3, 4, 2, 3}, []string{"Lista", "Versão", "Fonte", "Resultado"}, rows)
	if more > 0 {
		note(p, "+"+strconv.Itoa(more)+" listas no relatório completo.")
	}
}

// signOff adds the analyst sign-off block, all on one page.
func signOff(p *pager, d *report.Document, c caps) {
	s := &d.SignOff
	section(p, "Parecer do analista")
	var ls []*line
	if s.Required {
		ls = append(ls, paragraphLine(colored("Sign-off obrigatório: ", &colorAmber), plain("a decisão está em revisão e aguarda o parecer de um analista.")))
	}
	blank := "________________________________"
	analyst, decision, at := blank, blank, blank
	if s.Analyst != "" {
		analyst = truncate(s.Analyst, c.id)
	}
	if s.Decision != "" {
		decision = s.Decision.Label()
	}
	if !s.At.IsZero() {
		at = stamp(s.At)
	}
	kvs := []report.KV{
		{Key: "Analista", Value: analyst},
		{Key: "Decisão do analista", Value: decision},
		{Key: "Data", Value: at},
	}
	if s.Note != "" {
		kvs = append(kvs, report.KV{Key: "Observações", Value: truncate(s.Note, c.text)})
	}
	ls = append(ls, kvLines(kvs, 3)...)
	ls = append(ls,
		spacer(6),
		fixedLine(12, cell{size: 6, style: boxBottom}, cell{size: 6}),
		newLine(cell{size: 6, box: padded(small(muted("Assinatura do analista")), 1, 1, 1, 0)}, cell{size: 6}),
	)
	p.together(ls...)
}
