package pdf

import (
	"strconv"
	"strings"

	"github.com/johnfercher/maroto/v2/pkg/props"

	"github.com/sievekyc/sieve/report"
)

// Caps of the completo report against pathological input, so that no one
// table row outgrows a page. Real runs stay far below them.
const (
	completeText  = 1500 // runes of any one text
	completeItems = 40   // items of any one list inside a row
)

// completeCaps bounds the texts of the completo and the export.
var completeCaps = caps{text: completeText, title: 500, id: 200, key: 200, label: 60}

// complete lays out the completo report: everything the run recorded.
func complete(d *report.Document) *pager {
	c := completeCaps
	p := newPager(c.lines, analysisHeader(d, "completo")...)
	analysisTitle(p, d, c)
	decisionPanels(p, d, c)
	holdReasons(p, d, 0, c)

	section(p, "Resumo da execução")
	env := "produção"
	if d.Sandbox {
		env = "sandbox (resultados simulados)"
	}
	tpl := d.Template.ID
	if d.Template.Version != "" {
		tpl += " v" + d.Template.Version
	}
	kvTable(p, []report.KV{
		{Key: "Run", Value: d.RunID},
		{Key: "Tenant", Value: d.TenantID},
		{Key: "Template", Value: tpl},
		{Key: "Status", Value: localePT.or(d.Status)},
		{Key: "Concluído em", Value: stamp(d.GeneratedAt)},
		{Key: "Duração", Value: localePT.millis(d.DurationMS)},
		{Key: "Ambiente", Value: env},
		{Key: "Pontuação de risco", Value: strconv.Itoa(d.RiskScore) + "/100 (" + d.BandLabel() + ")"},
	}, 3)

	subjectBlock(p, d, -1, c)

	if len(d.RiskFactors) > 0 {
		section(p, "Fatores de risco")
		bullets(p, truncated(d.RiskFactors, completeText))
	}

	section(p, "Achados")
	if len(d.Findings) == 0 {
		note(p, "Nenhum achado registrado.")
	} else {
		findingsTable(p, sortedFindings(d.Findings), c)
	}

	if len(d.Recommendations) > 0 {
		section(p, "Recomendações")
		recommendationsTable(p, sortedRecommendations(d.Recommendations), c)
	}

	section(p, "Regras disparadas")
	rulesTable(p, d.RulesFired)

	section(p, "Resultados das fontes")
	if len(d.Sources) == 0 {
		note(p, "Nenhuma fonte executada.")
	}
	for i := range d.Sources {
		sourceBlock(p, &d.Sources[i])
	}

	section(p, "Log de auditoria")
	auditTable(p, d.Audit)

	section(p, "Versões das listas")
	if len(d.ListVersions) == 0 {
		note(p, "Nenhuma versão de lista registrada.")
	} else {
		kvTable(p, d.ListVersions, 4)
	}

	if len(d.Metadata) > 0 {
		section(p, "Metadados")
		kvTable(p, truncatedKVs(d.Metadata, completeText), 4)
	}

	signOff(p, d, c)
	appendix(p, d)
	p.flush()
	return p
}

// truncatedKVs truncates the values of kvs to n runes.
func truncatedKVs(kvs []report.KV, n int) []report.KV {
	out := make([]report.KV, len(kvs))
	for i, kv := range kvs {
		out[i] = report.KV{Key: truncate(kv.Key, n), Value: truncate(kv.Value, n)}
	}
	return out
}

// rulesTable adds the rules fired with the values they read.
func rulesTable(p *pager, rs []report.RuleFired) {
	if len(rs) == 0 {
		note(p, "Nenhuma regra disparou.")
		return
	}
	rows := make([][]*textBox, len(rs))
	for i, r := range rs {
		id := []span{bold(r.ID)}
		if r.Factor != "" {
			id = append(id, muted("\nfator: "+r.Factor))
		}
		var reads []span
		items := r.Reads
		more := 0
		if len(items) > completeItems {
			items, more = items[:completeItems], len(items)-completeItems
		}
		for j, kv := range items {
			sep := ""
			if j > 0 {
				sep = "\n"
			}
			reads = append(reads, muted(sep+kv.Key+" = "), plain(truncate(kv.Value, 300)))
		}
		if more > 0 {
			reads = append(reads, muted("\n+"+strconv.Itoa(more)+" valores"))
		}
		if len(reads) == 0 {
			reads = []span{muted(localePT.none)}
		}
		rows[i] = []*textBox{
			small(id...),
			small(colored(r.Outcome, outcomeColor(r.Outcome))),
			rightAligned(small(plain(strconv.Itoa(r.Points)))),
			small(reads...),
		}
	}
	table(p, []int{3, 2, 1, 6}, []string{"Regra", "Resultado", "Pontos", "Valores lidos"}, rows)
}

// outcomeColor colours a rule outcome.
func outcomeColor(o string) *props.Color {
	switch o {
	case "reject":
		return &colorRed
	case "review":
		return &colorAmber
	case "approve":
		return &colorGreen
	}
	return &colorText
}

// sourceBlock adds one source's result: its header, error, details, and
// every list with every match.
func sourceBlock(p *pager, s *report.SourceSection) {
	head := []span{bold("Fonte " + truncate(s.ID, completeCaps.id))}
	meta := nonEmpty(truncate(s.Kind, completeCaps.id), "tier "+strconv.Itoa(s.Tier))
	head = append(head, muted(" · "+strings.Join(meta, " · ")+" · "))
	switch s.Status {
	case "ok", "":
		head = append(head, muted(localePT.or(s.Status)))
	default:
		// failed, timeout, skipped...: say it loudly.
		head = append(head, colored(truncate(s.Status, completeCaps.id), &colorRed))
	}
	head = append(head, muted(" · "+localePT.millis(s.DurationMS)))
	subsection(p, head...)
	if s.Error != "" {
		paragraph(p, colored("Erro: ", &colorRed), plain(truncate(s.Error, completeText)))
	}
	if len(s.Details) > 0 {
		kvTable(p, truncatedKVs(s.Details, completeText), 3)
	}
	if len(s.Lists) == 0 && s.Error == "" && len(s.Details) == 0 {
		note(p, "Sem resultados detalhados.")
	}
	for j := range s.Lists {
		listBlock(p, &s.Lists[j])
	}
}

// listBlock adds one list's outcome and its matches.
func listBlock(p *pager, l *report.ListSection) {
	shown := ""
	if l.MatchCount > len(l.Matches) {
		shown = " (exibidas " + strconv.Itoa(len(l.Matches)) + ", limite da consulta)"
	}
	listHeading(p, bold("Lista "+l.Code), muted(" · versão "+localePT.or(l.Version)+" · "), listResult(l), muted(shown))
	matchesTable(p, l, localePT)
}

// listHeading adds the heading line of a list, kept with what follows.
func listHeading(p *pager, spans ...span) {
	p.gap(1)
	p.keep(newLine(cell{size: gridSize, box: padded(body(spans...), 1, 1, 0.5, 2)}))
}

// matchesTable adds a table of a list's matches.
func matchesTable(p *pager, l *report.ListSection, loc locale) {
	if len(l.Matches) == 0 {
		p.flush()
		return
	}
	rows := make([][]*textBox, len(l.Matches))
	for k := range l.Matches {
		rows[k] = matchRow(k+1, &l.Matches[k], loc)
	}
	// The list's code in the header says which list a page continues.
	head := append([]string(nil), loc.matchHead...)
	head[1] += " · " + truncate(l.Code, headerIDWidth)
	table(p, []int{1, 4, 7}, head, rows)
}

// matchRow returns the cells of one match.
func matchRow(rank int, m *report.Match, loc locale) []*textBox {
	score := rightAligned(body(bold("#"+strconv.Itoa(rank)), plain("\n"), colored(loc.score(m.Score), scoreColor(m.Score))))

	ent := nameSpans(m.Name, m.Transliteration, true)
	if m.MatchedName != "" && m.MatchedName != m.Name {
		ent = append(ent, muted("\n"+loc.matchedName+": "))
		ent = append(ent, nameSpans(m.MatchedName, m.MatchedTransliteration, false)...)
	}
	if m.NameKind != "" {
		ent = append(ent, muted("\n"+loc.nameKind+": "+m.NameKind))
	}
	ent = append(ent, muted("\n"+strings.Join(nonEmpty(m.EntityID, m.Type), " · ")))

	var det []span
	field := func(label string, items []string) {
		if len(items) == 0 {
			return
		}
		items, more := capList(items, completeItems)
		v := strings.Join(truncated(items, 300), "; ")
		if more > 0 {
			v += "; +" + strconv.Itoa(more)
		}
		if len(det) > 0 {
			det = append(det, plain("\n"))
		}
		det = append(det, muted(label+": "), plain(v))
	}
	field(loc.programs, m.Programs)
	field(loc.birth, m.BirthDates)
	field(loc.nationalities, m.Nationalities)
	field(loc.identifiers, m.Identifiers)
	if len(m.Explanation) > 0 {
		if len(det) > 0 {
			det = append(det, plain("\n"))
		}
		det = append(det, bold(loc.explanation))
		items, more := capList(m.Explanation, completeItems)
		for _, e := range items {
			det = append(det, plain("\n• "+truncate(e, 300)))
		}
		if more > 0 {
			det = append(det, muted("\n+"+strconv.Itoa(more)))
		}
	}
	if len(det) == 0 {
		det = []span{muted(loc.none)}
	}
	return []*textBox{score, small(ent...), small(det...)}
}

// scoreColor colours a match score.
func scoreColor(s float64) *props.Color {
	switch {
	case s >= 0.9:
		return &colorRed
	case s >= 0.75:
		return &colorAmber
	}
	return &colorText
}

// auditTable adds the audit log.
func auditTable(p *pager, as []report.AuditEntry) {
	if len(as) == 0 {
		note(p, "Nenhuma entrada no log de auditoria.")
		return
	}
	rows := make([][]*textBox, len(as))
	for i, a := range as {
		rows[i] = []*textBox{
			small(plain(stampMillis(a.At))),
			small(plain(a.Kind)),
			small(plain(a.Ref)),
			rightAligned(small(plain(localePT.millis(a.DurationMS)))),
			small(plain(truncate(a.Detail, completeText))),
		}
	}
	table(p, []int{3, 1, 3, 1, 4}, []string{"Horário (UTC)", "Tipo", "Referência", "Duração", "Detalhe"}, rows)
}

// appendix adds the method and the glossary.
func appendix(p *pager, d *report.Document) {
	p.breakPage()
	section(p, "Apêndice A — Método")
	threshold := localePT.none
	if d.Method.Threshold > 0 {
		threshold = localePT.score(d.Method.Threshold)
	}
	kvTable(p, []report.KV{
		{Key: "Tipo de busca", Value: localePT.or(d.Method.SearchType)},
		{Key: "Limiar (threshold)", Value: threshold},
		{Key: "Fingerprint", Value: localePT.or(d.Method.Fingerprint)},
	}, 3)
	paragraph(p, plain("Cada ocorrência tem um score de confiança entre 0 e 1. 1,0 significa que o nome normalizado "+
		"consultado é igual a um nome listado e que nenhum atributo conflita. Uma data de nascimento ou um tipo de "+
		"entidade conflitante reduz o score; um identificador coincidente o eleva. Só aparecem ocorrências com score "+
		"igual ou superior ao limiar. O fingerprint identifica as opções e o algoritmo de pontuação que produziram "+
		"os scores, para que a decisão possa ser reproduzida."))

	section(p, "Apêndice B — Glossário")
	kvTable(p, glossary, 3)
}

// glossary explains the report's terms.
var glossary = []report.KV{
	{Key: "Decisão", Value: "Resultado das regras do template: reprovado se alguma regra de rejeição disparou, senão em revisão se alguma regra de revisão disparou, senão aprovado."},
	{Key: "Decisão operativa", Value: "Decisão a executar: retido (hold) quando uma fonte de tier 1 falhou ou excedeu o tempo limite; caso contrário, igual à decisão."},
	{Key: "Faixa de risco", Value: "Baixo, medio ou alto, pelos cortes do template aplicados à pontuação de risco (0 a 100), soma dos pontos das regras disparadas."},
	{Key: "Fonte", Value: "Uma verificação da execução: triagem em listas, validação de documento ou fonte própria do integrador."},
	{Key: "Tier", Value: "Criticidade de uma fonte; tier 1 é crítico e sua falha retém a decisão."},
	{Key: "Ocorrência", Value: "Entidade listada cujo nome e atributos se aproximam do sujeito com score igual ou superior ao limiar."},
	{Key: "Score", Value: "Confiança de uma ocorrência, entre 0 e 1, explicada fator a fator (nome, data de nascimento, nacionalidade, documento, tipo)."},
	{Key: "Tipo de nome", Value: "primary: nome principal; alias (aka): outro nome conhecido; weak alias: alias de baixa qualidade; fka: nome anterior."},
	{Key: "Versão da lista", Value: "Identificação da publicação da lista usada na triagem (data de publicação e resumo SHA-256)."},
	{Key: "Sign-off", Value: "Parecer de um analista sobre uma decisão em revisão, registrado com nome, decisão e data."},
}
