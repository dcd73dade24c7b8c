package inbox

import (
	"cmp"
	"context"
	"encoding/csv"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/northbrook/hubbot/dialog"
)

// count is one line of a report table.
type count struct {
	Label string
	N     int
}

// countTable is a report table: its caption, the heading of its label
// column, and its lines.
type countTable struct {
	Caption, Heading string
	Rows             []count
}

// tally counts labels, most first (then alphabetically).
func tally(labels []string) []count {
	m := map[string]int{}
	for _, l := range labels {
		m[l]++
	}
	out := make([]count, 0, len(m))
	for l, n := range m {
		out = append(out, count{l, n})
	}
	slices.SortFunc(out, func(a, b count) int {
		if c := cmp.Compare(b.N, a.N); c != 0 {
			return c
		}
		return strings.Compare(a.Label, b.Label)
	})
	return out
}

// Chart geometry, in SVG user units.
const (
	chartWidth  = 640
	chartLabelW = 210 // labels end here, right-aligned
	chartBarX   = 220
	chartBarMax = 360
	chartRow    = 28
	chartBarH   = 20
	chartBars   = 12 // the most a chart shows; the table has the rest
	chartLabelN = 30 // longer labels are cut
)

// chart is a horizontal bar chart drawn by the template as SVG.
type chart struct {
	ID, Title, Desc string
	Width, Height   int
	Bars            []bar
}

// bar is one bar of a chart, laid out.
type bar struct {
	Label         string
	N             int
	Y, W, TextY   int
	CountX, BarH  int
	LabelX, BarX0 int
}

// chartOf lays out the first counts as bars scaled to the largest.
func chartOf(id, title string, cs []count) chart {
	cs = cs[:min(len(cs), chartBars)]
	c := chart{ID: id, Title: title, Width: chartWidth, Height: max(1, len(cs))*chartRow + 8}
	top := 1
	for _, x := range cs {
		top = max(top, x.N)
	}
	parts := make([]string, 0, len(cs))
	for i, x := range cs {
		w := x.N * chartBarMax / top
		if x.N > 0 {
			w = max(w, 2)
		}
		label := x.Label
		if utf8.RuneCountInString(label) > chartLabelN {
			label = string([]rune(label)[:chartLabelN-1]) + "…"
		}
		y := 4 + i*chartRow
		c.Bars = append(c.Bars, bar{
			Label: label, N: x.N, Y: y, W: w, TextY: y + chartBarH - 5, BarH: chartBarH,
			CountX: chartBarX + w + 6, LabelX: chartLabelW, BarX0: chartBarX,
		})
		parts = append(parts, fmt.Sprintf("%s: %d", x.Label, x.N))
	}
	c.Desc = strings.Join(parts, "; ")
	if c.Desc == "" {
		c.Desc = "No records."
	}
	return c
}

// reportsData is the reports page's.
type reportsData struct {
	From, To       string
	Unmet          int
	UnmetChart     chart
	UnmetByNeed    []count
	UnmetByWard    []count
	UnmetByAge     []count
	UnmetByReason  []count
	Outcomes       int
	OutcomesChart  chart
	OutcomesByNeed []count
	OutcomesByWard []count
}

// period reads the from and to dates (YYYY-MM-DD, both optional).
func period(r *http.Request) (from, to string, err error) {
	q := r.URL.Query()
	from, to = strings.TrimSpace(q.Get("from")), strings.TrimSpace(q.Get("to"))
	for _, d := range []string{from, to} {
		if d == "" {
			continue
		}
		if _, perr := time.Parse(time.DateOnly, d); perr != nil {
			return "", "", Errorf(EINVALID, "Dates are written like 2026-03-31.")
		}
	}
	return from, to, nil
}

// inPeriod reports whether a record's date falls within from and to.
func inPeriod(date, from, to string) bool {
	return (from == "" || date >= from) && (to == "" || date <= to)
}

// records loads the unmet needs and outcomes within the period.
func (h *handler) records(ctx context.Context, from, to string) ([]dialog.UnmetNeed, []dialog.Outcome, error) {
	un, err := h.conv.Unmet(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("inbox: reports: unmet: %w", err)
	}
	oc, err := h.conv.Outcomes(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("inbox: reports: outcomes: %w", err)
	}
	un = slices.DeleteFunc(slices.Clone(un), func(u dialog.UnmetNeed) bool { return !inPeriod(u.Date, from, to) })
	oc = slices.DeleteFunc(slices.Clone(oc), func(o dialog.Outcome) bool { return !inPeriod(o.Date, from, to) })
	return un, oc, nil
}

// needLabels are what a record was about: its terms, else its words.
func needLabels(terms []string, words string) []string {
	switch {
	case len(terms) > 0:
		return terms
	case strings.TrimSpace(words) != "":
		return []string{`"` + strings.TrimSpace(words) + `"`}
	}
	return []string{"not said"}
}

// orNotSaid labels an empty value.
func orNotSaid(s string) string {
	if s == "" {
		return "not said"
	}
	return s
}

// answerLabel says a check-in answer in words.
func answerLabel(a string) string {
	switch a {
	case "helped":
		return "Got the help they needed"
	case "not-yet":
		return "Not yet"
	case "talk":
		return "Asked to talk to someone"
	case "no-answer":
		return "No answer"
	}
	return orNotSaid(a)
}

// reasonLabel says why a need was unmet.
func reasonLabel(r string) string {
	switch r {
	case "no-fit":
		return "No service fitted"
	case "family-said":
		return "Family said the offer did not fit"
	}
	return orNotSaid(r)
}

// reportsPage shows unmet need and outcomes as tables and bar charts.
func (h *handler) reportsPage(w http.ResponseWriter, r *http.Request, u *user) {
	from, to, err := period(r)
	if err != nil {
		h.fail(w, r, u, err)
		return
	}
	un, oc, err := h.records(r.Context(), from, to)
	if err != nil {
		h.fail(w, r, u, err)
		return
	}
	d := reportsData{From: from, To: to, Unmet: len(un), Outcomes: len(oc)}
	var need, ward, age, reason []string
	for _, x := range un {
		need = append(need, needLabels(x.Terms, x.Words)...)
		ward = append(ward, orNotSaid(x.Ward))
		age = append(age, orNotSaid(x.AgeBand))
		reason = append(reason, reasonLabel(x.Reason))
	}
	d.UnmetByNeed, d.UnmetByWard, d.UnmetByAge, d.UnmetByReason = tally(need), tally(ward), tally(age), tally(reason)
	d.UnmetChart = chartOf("unmet-chart", "Unmet need by need", d.UnmetByNeed)
	var answer, oneed, oward []string
	for _, x := range oc {
		answer = append(answer, answerLabel(x.Answer))
		oneed = append(oneed, needLabels(x.Terms, "")...)
		oward = append(oward, orNotSaid(x.Ward))
	}
	byAnswer := tally(answer)
	d.OutcomesChart = chartOf("outcomes-chart", "Outcomes by answer", byAnswer)
	d.OutcomesByNeed, d.OutcomesByWard = tally(oneed), tally(oward)
	_ = h.record(r.Context(), u, ActionReports, "", "")
	h.render(w, r, http.StatusOK, "reports", "", pageData{Title: "Reports", User: u, Data: d})
}

// csvCell neutralises a cell a spreadsheet would run as a formula.
func csvCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// reportCSV downloads the unmet needs (unmet.csv) or the outcomes
// (outcomes.csv) within the period, one record a line.
func (h *handler) reportCSV(w http.ResponseWriter, r *http.Request, u *user) {
	name := r.PathValue("name")
	if name != "unmet.csv" && name != "outcomes.csv" {
		h.fail(w, r, u, Errorf(ENOTFOUND, "There is no such report."))
		return
	}
	from, to, err := period(r)
	if err != nil {
		h.fail(w, r, u, err)
		return
	}
	un, oc, err := h.records(r.Context(), from, to)
	if err != nil {
		h.fail(w, r, u, err)
		return
	}
	var rows [][]string
	if name == "unmet.csv" {
		rows = append(rows, []string{"date", "reason", "terms", "words", "age_band", "ward"})
		for _, x := range un {
			rows = append(rows, []string{x.Date, x.Reason, strings.Join(x.Terms, ";"), x.Words, x.AgeBand, x.Ward})
		}
	} else {
		rows = append(rows, []string{"date", "answer", "terms", "ward"})
		for _, x := range oc {
			rows = append(rows, []string{x.Date, x.Answer, strings.Join(x.Terms, ";"), x.Ward})
		}
	}
	var b strings.Builder
	cw := csv.NewWriter(&b)
	for _, row := range rows {
		for i := range row {
			row[i] = csvCell(row[i])
		}
		if err := cw.Write(row); err != nil {
			h.fail(w, r, u, fmt.Errorf("inbox: report csv: %w", err))
			return
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		h.fail(w, r, u, fmt.Errorf("inbox: report csv: %w", err))
		return
	}
	_ = h.record(r.Context(), u, ActionDownload, "", name)
	file := strings.TrimSuffix(name, ".csv") + "-" + h.now().In(h.loc).Format(time.DateOnly) + ".csv"
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+file+`"`)
	_, _ = w.Write([]byte(b.String()))
}
