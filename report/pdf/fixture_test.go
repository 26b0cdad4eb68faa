package pdf

import (
	"fmt"
	"time"

	"github.com/sievekyc/sieve/report"
)

// Names in each script the reports must print.
const (
	nameLatin    = "José Müller-Ñúñez"
	nameCyrillic = "Владимир Путин"
	nameGreek    = "Αλέξανδρος Παπαδόπουλος"
	nameArabic   = "محمد عبد الله"
	translArabic = "Muhammad Abd Allah"
	nameHebrew   = "דוד כהן"
	translHebrew = "David Cohen"
	nameCJK      = "王秀英"
	translCJK    = "Wang Xiuying"
	nameKorean   = "김정은"
)

var fixtureTime = time.Date(2024, 11, 22, 10, 30, 0, 0, time.UTC)

// fixture returns a document exercising every section, with names in
// every script, and matches matches on the first list.
func fixture(mode report.Mode, matches int) report.Document {
	d := report.Document{
		Mode:        mode,
		TenantID:    "tenant-acme",
		RunID:       "run_01HZX3K9Q7",
		GeneratedAt: fixtureTime,
		Status:      "em_analise",
		DurationMS:  1843,
		Sandbox:     mode == report.ModeSummary,
		Subject: report.Subject{
			Kind:           report.SubjectPerson,
			Name:           nameLatin,
			DocumentType:   "cpf",
			DocumentNumber: "123.456.789-09",
			Params: []report.KV{
				{Key: "birth_date", Value: "1975-03-14"},
				{Key: "nationality", Value: "BR"},
				{Key: "passport", Value: "FX123456"},
			},
		},
		Template:          report.Template{ID: "pf-onboarding", Version: "3"},
		Decision:          report.DecisionReview,
		OperativeDecision: report.DecisionHold,
		HoldReasons:       []string{"Fonte tier 1 receita-cpf excedeu o tempo limite (5 s)."},
		RiskScore:         62,
		RiskBand:          report.BandMedium,
		RiskFactors:       []string{"Ocorrência em lista de sanções (OFAC-SDN, score 0,93)", "Documento não verificado"},
		Findings: []report.Finding{
			{ID: "af_1", Category: "documento", Status: report.FindingPassed, Title: "CPF válido", Details: "Dígitos verificadores corretos."},
			{ID: "af_2", Category: "sanções", Status: report.FindingFailed, Title: "Ocorrência em OFAC-SDN", Details: "O nome coincide com " + nameCyrillic + " (score 0,93)."},
			{ID: "af_3", Category: "receita", Status: report.FindingWarning, Title: "Fonte indisponível", Details: "A consulta à Receita Federal excedeu o tempo limite."},
		},
		Recommendations: []report.Recommendation{
			{ID: "ar_2", Priority: 2, Text: "Repetir a consulta à Receita Federal."},
			{ID: "ar_1", Priority: 1, Text: "Revisar manualmente a ocorrência em OFAC-SDN antes de aprovar."},
		},
		RulesFired: []report.RuleFired{
			{ID: "sanctions_hit", Outcome: "review", Points: 50, Factor: "sanções", Reads: []report.KV{
				{Key: "sources.sanctions.max_score", Value: "0.93"},
				{Key: "sources.sanctions.matched", Value: "true"},
			}},
			{ID: "doc_unverified", Outcome: "review", Points: 12, Reads: []report.KV{{Key: "sources.receita.status", Value: "timeout"}}},
		},
		Sources: []report.SourceSection{
			{ID: "sanctions", Kind: "screening", Tier: 1, Status: "ok", DurationMS: 12, Lists: []report.ListSection{
				{Code: "OFAC-SDN", Version: "2024-11-20 · sha256:9f2c…e1", Matched: matches > 0, MatchCount: matches},
				{Code: "UN-SC", Version: "2024-11-18 · sha256:1a7b…c3"},
				{Code: "EU-FSF", Version: "2024-11-21 · sha256:77d0…4a", Matched: true, MatchCount: 4, Matches: scriptMatches()},
			}},
			{ID: "receita", Kind: "document", Tier: 1, Status: "timeout", DurationMS: 5000, Error: "context deadline exceeded after 5s"},
			{ID: "cpf-check", Kind: "document", Tier: 2, Status: "ok", DurationMS: 1, Details: []report.KV{{Key: "valid", Value: "true"}}},
		},
		Audit: []report.AuditEntry{
			{At: fixtureTime.Add(-1843 * time.Millisecond), Kind: "source", Ref: "sanctions", DurationMS: 12, Detail: "5 listas, 5 ocorrências"},
			{At: fixtureTime.Add(-1830 * time.Millisecond), Kind: "source", Ref: "receita", DurationMS: 5000, Detail: "timeout"},
			{At: fixtureTime.Add(-3 * time.Millisecond), Kind: "rule", Ref: "sanctions_hit", DurationMS: 0, Detail: "fired: review, +50"},
		},
		ListVersions: []report.KV{
			{Key: "OFAC-SDN", Value: "2024-11-20 · sha256:9f2c…e1"},
			{Key: "UN-SC", Value: "2024-11-18 · sha256:1a7b…c3"},
			{Key: "EU-FSF", Value: "2024-11-21 · sha256:77d0…4a"},
		},
		Method: report.Method{SearchType: "nome fuzzy + atributos", Threshold: 0.8,
			Fingerprint: "sha256:3b8f0c1d9e2a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9012345678"},
		Metadata: []report.KV{{Key: "external_id", Value: "cliente-42"}, {Key: "canal", Value: "app"}},
		SignOff:  report.SignOff{Required: true},
	}
	ms := make([]report.Match, matches)
	for i := range ms {
		ms[i] = report.Match{
			EntityID:        fmt.Sprintf("ofac-sdn:%d", 36+i),
			Name:            nameCyrillic,
			Transliteration: "Vladimir Putin",
			MatchedName:     fmt.Sprintf("PUTIN, Vladimir Vladimirovich %d", i+1),
			NameKind:        "alias",
			Type:            "person",
			Score:           0.99 - float64(i%20)/100,
			Programs:        []string{"RUSSIA-EO14024", "UKRAINE-EO13660"},
			BirthDates:      []string{"1952-10-07"},
			Nationalities:   []string{"RU"},
			Identifiers:     []string{"passport 4509 123456 (RU)"},
			Explanation: []string{
				"nome: 0,95 — putin=putin (exato), vladimir=vladimir (exato)",
				"data de nascimento: −0,05 — 1952-10-07 ≠ 1975-03-14",
				"nacionalidade: 0,00 — RU ≠ BR",
			},
		}
	}
	d.Sources[0].Lists[0].Matches = ms
	return d
}

// scriptMatches returns one match per non-Latin script.
func scriptMatches() []report.Match {
	return []report.Match{
		{EntityID: "eu-fsf:101", Name: nameArabic, Transliteration: translArabic, MatchedName: nameArabic, MatchedTransliteration: translArabic, NameKind: "primary", Type: "person", Score: 0.91,
			Programs: []string{"SYR"}, Explanation: []string{"nome: 0,91 — transliteração árabe"}},
		{EntityID: "eu-fsf:102", Name: nameHebrew, Transliteration: translHebrew, NameKind: "primary", Type: "person", Score: 0.88},
		{EntityID: "eu-fsf:103", Name: nameCJK, Transliteration: translCJK, MatchedName: nameKorean, MatchedTransliteration: "Kim Jong Un", NameKind: "alias", Type: "person", Score: 0.86},
		{EntityID: "eu-fsf:104", Name: nameGreek, NameKind: "primary", Type: "person", Score: 0.84, Nationalities: []string{"GR"}},
	}
}
