package pdf

import (
	"strconv"

	"github.com/sievekyc/sieve/report"
)

// Caps of the resumido report, which must fit in three pages whatever the
// run holds: everything it shows is bounded in count and length.
const (
	summaryFindings        = 10
	summaryRecommendations = 3
	summaryHoldReasons     = 5
	summaryRiskFactors     = 5
	summaryParams          = 4
	summaryLists           = 10
)

// summaryCaps bounds the texts of the resumido.
var summaryCaps = caps{text: 160, title: 100, id: 40, key: 30, label: 20, lines: 2, block: 4}

// summary lays out the resumido report: decision, operative decision and
// its reasons, risk band and score, subject, key findings (failed and
// warning first), the most urgent recommendations, the lists screened with
// their versions, and the analyst sign-off block.
func summary(d *report.Document) *pager {
	c := summaryCaps
	p := newPager(c.lines, analysisHeader(d, "resumido")...)
	analysisTitle(p, d, c)
	decisionPanels(p, d, c)
	holdReasons(p, d, summaryHoldReasons, c)
	subjectBlock(p, d, summaryParams, c)

	if len(d.RiskFactors) > 0 {
		section(p, "Fatores de risco")
		fs, more := capList(d.RiskFactors, summaryRiskFactors)
		bullets(p, truncated(fs, c.text))
		if more > 0 {
			note(p, "+"+strconv.Itoa(more)+" fatores no relatório completo.")
		}
	}

	section(p, "Principais achados")
	if len(d.Findings) == 0 {
		note(p, "Nenhum achado registrado.")
	} else {
		fs := sortedFindings(d.Findings)
		more := 0
		if len(fs) > summaryFindings {
			fs, more = fs[:summaryFindings], len(fs)-summaryFindings
		}
		findingsTable(p, fs, c)
		if more > 0 {
			note(p, "+"+strconv.Itoa(more)+" achados no relatório completo.")
		}
	}

	if len(d.Recommendations) > 0 {
		section(p, "Recomendações prioritárias")
		rs := sortedRecommendations(d.Recommendations)
		more := 0
		if len(rs) > summaryRecommendations {
			rs, more = rs[:summaryRecommendations], len(rs)-summaryRecommendations
		}
		recommendationsTable(p, rs, c)
		if more > 0 {
			note(p, "+"+strconv.Itoa(more)+" recomendações no relatório completo.")
		}
	}

	section(p, "Listas consultadas")
	listsTable(p, d, summaryLists, c)

	signOff(p, d, c)
	p.flush()
	return p
}
