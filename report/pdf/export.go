package pdf

import (
	"strconv"
	"strings"

	"github.com/sievekyc/sieve/report"
)

// export lays out the KYC screening export (seed 000): header, summary,
// entity information, results by list, and metadata, in English.
func export(d *report.Document) *pager {
	sandbox := ""
	if d.Sandbox {
		sandbox = "SANDBOX — simulated results, not valid for decisions"
	}
	p := newPager(0, pageHeader("Sieve · KYC Screening Report", "Job "+truncate(d.RunID, headerIDWidth)+" · "+stamp(d.GeneratedAt), sandbox)...)
	loc := localeEN

	// 1. Header.
	title(p, documentTitle(d), "Report generated "+stamp(d.GeneratedAt))
	p.add(newLine(
		cell{size: 3, box: body(bold("Job ID"))},
		cell{size: 9, box: body(plain(d.RunID))},
	))
	p.add(newLine(
		cell{size: 3, box: body(bold("Entity checked"))},
		cell{size: 9, box: body(nameSpans(d.Subject.Name, d.Subject.Transliteration, true)...)},
	))

	// 2. Summary.
	refs := screenedLists(d)
	matched, total, best := false, 0, -1.0
	for _, r := range refs {
		matched = matched || r.list.Matched
		total += r.list.MatchCount
		for _, m := range r.list.Matches {
			best = max(best, m.Score)
		}
	}
	section(p, "Summary")
	risk := loc.none
	if d.RiskBand != "" {
		risk = string(d.RiskBand)
		if d.Template.ID != "" || d.RiskScore > 0 {
			risk += " (score " + strconv.Itoa(d.RiskScore) + "/100)"
		}
	}
	bestScore := loc.none
	if best >= 0 {
		bestScore = loc.score(best)
	}
	mc, mbg := &colorGreen, &colorGreenBg
	if matched {
		mc, mbg = &colorRed, &colorRedBg
	}
	rc, rbg := bandColors(d.RiskBand)
	p.gap(1)
	panels(p, []panel{
		{label: "Lists checked", value: strconv.Itoa(len(refs)), color: &colorAccent, bg: &colorGreyBg},
		{label: "Match", value: loc.bool(matched) + " · " + strconv.Itoa(total), color: mc, bg: mbg},
		{label: "Overall risk level", value: risk, color: rc, bg: rbg},
	})
	kvs := []report.KV{{Key: "Highest confidence score", Value: bestScore}}
	if d.Decision != "" {
		kvs = append(kvs, report.KV{Key: "Decision", Value: string(d.Decision)})
	}
	if d.OperativeDecision != "" && d.OperativeDecision != d.Decision {
		kvs = append(kvs, report.KV{Key: "Operative decision", Value: string(d.OperativeDecision)})
	}
	kvTable(p, kvs, 4)

	// 3. Entity information.
	section(p, "Entity Information")
	s := &d.Subject
	p.add(newLine(
		cell{size: 4, box: body(bold("Full name"))},
		cell{size: 8, box: body(nameSpans(s.Name, s.Transliteration, false)...)},
	))
	info := []report.KV{}
	if s.Kind != "" {
		info = append(info, report.KV{Key: "Entity type", Value: string(s.Kind)})
	}
	info = append(info, report.KV{Key: "Document ID", Value: loc.or(documentLabel(s, completeCaps))})
	for _, kv := range s.Params {
		info = append(info, report.KV{Key: kv.Key, Value: truncate(kv.Value, completeText)})
	}
	kvTable(p, info, 4)

	// 4. Results by list.
	section(p, "Results by List")
	if len(refs) == 0 {
		note(p, "No list was checked.")
	} else {
		rows := make([][]*textBox, len(refs))
		for i, r := range refs {
			res := colored("No match", &colorGreen)
			if r.list.Matched {
				res = colored("Match", &colorRed)
			}
			top := loc.none
			if len(r.list.Matches) > 0 {
				top = loc.score(r.list.Matches[0].Score)
			}
			rows[i] = []*textBox{
				body(bold(r.list.Code)),
				small(plain(loc.or(r.list.Version))),
				small(res),
				rightAligned(small(plain(strconv.Itoa(r.list.MatchCount)))),
				rightAligned(small(plain(top))),
			}
		}
		table(p, []int{3, 4, 2, 1, 2}, []string{"List", "Version", "Status", "Matches", "Top score"}, rows)
		for _, r := range refs {
			if len(r.list.Matches) == 0 {
				continue
			}
			shown := ""
			if r.list.MatchCount > len(r.list.Matches) {
				shown = " (showing " + strconv.Itoa(len(r.list.Matches)) + ", query limit)"
			}
			count := strconv.Itoa(r.list.MatchCount) + " matches"
			if r.list.MatchCount == 1 {
				count = "1 match"
			}
			listHeading(p, bold(r.list.Code), muted(" · version "+loc.or(r.list.Version)+" · "), colored(count, &colorRed), muted(shown))
			matchesTable(p, r.list, loc)
		}
	}

	// 5. Metadata.
	section(p, "Metadata")
	meta := []report.KV{
		{Key: "Processing time", Value: loc.millis(d.DurationMS)},
		{Key: "Search type", Value: loc.or(d.Method.SearchType)},
	}
	if d.Method.Threshold > 0 {
		meta = append(meta, report.KV{Key: "Threshold", Value: loc.score(d.Method.Threshold)})
	}
	meta = append(meta,
		report.KV{Key: "Timestamp", Value: stamp(d.GeneratedAt)},
		report.KV{Key: "Tenant", Value: d.TenantID},
	)
	if d.Status != "" {
		meta = append(meta, report.KV{Key: "Status", Value: d.Status})
	}
	if d.Method.Fingerprint != "" {
		meta = append(meta, report.KV{Key: "Fingerprint", Value: d.Method.Fingerprint})
	}
	for _, kv := range d.ListVersions {
		meta = append(meta, report.KV{Key: "List version " + kv.Key, Value: kv.Value})
	}
	meta = append(meta, truncatedKVs(d.Metadata, completeText)...)
	kvTable(p, meta, 4)
	if len(d.Sources) > 0 {
		var ss []string
		for _, src := range d.Sources {
			ss = append(ss, src.ID+" ("+strings.Join(nonEmpty(src.Status, loc.millis(src.DurationMS)), ", ")+")")
		}
		note(p, "Sources: "+strings.Join(ss, "; "))
	}
	p.flush()
	return p
}
