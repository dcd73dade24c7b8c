package inbox_test

import (
	"encoding/csv"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/northbrook/hubbot/bot/inbox"
	"github.com/northbrook/hubbot/dialog"
)

func seedRecords(e *env) {
	e.fake.AddRecords([]dialog.UnmetNeed{
		{Date: "2026-03-01", Terms: []string{"send"}, AgeBand: "5-10", Ward: "Castleton", Reason: "no-fit"},
		{Date: "2026-03-02", Terms: []string{"send", "autism"}, AgeBand: "5-10", Ward: "Millbrook", Reason: "family-said"},
		{Date: "2026-04-10", Words: "=HYPERLINK(\"http://x\")", AgeBand: "adult", Reason: "no-fit"},
	}, []dialog.Outcome{
		{Date: "2026-03-05", Answer: "helped", Terms: []string{"early-years"}, Ward: "Castleton"},
		{Date: "2026-03-06", Answer: "not-yet", Terms: []string{"money"}},
		{Date: "2026-04-06", Answer: "helped", Terms: []string{"money"}},
	})
}

func TestReportsCSV(t *testing.T) {
	e := newEnv(t)
	seedRecords(e)
	c, _ := e.signedIn(t, priya)
	tests := []struct {
		label, path string
		want        [][]string
	}{
		{"Unmet", "/staff/reports/unmet.csv", [][]string{
			{"date", "reason", "terms", "words", "age_band", "ward"},
			{"2026-03-01", "no-fit", "send", "", "5-10", "Castleton"},
			{"2026-03-02", "family-said", "send;autism", "", "5-10", "Millbrook"},
			{"2026-04-10", "no-fit", "", "'=HYPERLINK(\"http://x\")", "adult", ""},
		}},
		{"UnmetMarch", "/staff/reports/unmet.csv?from=2026-03-01&to=2026-03-31", [][]string{
			{"date", "reason", "terms", "words", "age_band", "ward"},
			{"2026-03-01", "no-fit", "send", "", "5-10", "Castleton"},
			{"2026-03-02", "family-said", "send;autism", "", "5-10", "Millbrook"},
		}},
		{"Outcomes", "/staff/reports/outcomes.csv?from=2026-04-01", [][]string{
			{"date", "answer", "terms", "ward"},
			{"2026-04-06", "helped", "money", ""},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			r := c.get(tt.path)
			if r.status != http.StatusOK {
				t.Fatalf("status %d\n%s", r.status, r.body)
			}
			if ct := r.header.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
				t.Errorf("content type %q", ct)
			}
			if cd := r.header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment; filename=") {
				t.Errorf("content disposition %q", cd)
			}
			got, err := csv.NewReader(strings.NewReader(r.body)).ReadAll()
			if err != nil {
				t.Fatalf("csv: %v", err)
			}
			if !slices.EqualFunc(got, tt.want, slices.Equal) {
				t.Errorf("csv\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
	for _, bad := range []string{"/staff/reports/passwords.csv", "/staff/reports/unmet.csv?from=yesterday"} {
		if r := c.get(bad); r.status != http.StatusNotFound && r.status != http.StatusBadRequest {
			t.Errorf("%s: %d", bad, r.status)
		}
	}
	var downloads int
	for _, en := range e.auditActions(t) {
		if en.Action == inbox.ActionDownload {
			downloads++
		}
	}
	if downloads != 3 {
		t.Errorf("%d downloads audited, want 3", downloads)
	}
}

func TestReportsPage(t *testing.T) {
	e := newEnv(t)
	seedRecords(e)
	c, _ := e.signedIn(t, priya)
	r := c.get("/staff/reports")
	if r.status != http.StatusOK {
		t.Fatalf("status %d", r.status)
	}
	for _, want := range []string{
		"<svg", `role="img"`, "<title id=\"unmet-chart-t\">Unmet need by need</title>",
		"send: 2", // the chart's description, for screen readers
		"<td>send</td><td class=\"num\">2</td>",
		"Got the help they needed", "Outcomes by answer",
		"/staff/reports/unmet.csv?from=&amp;to=",
		`&#34;=HYPERLINK(&#34;http://x&#34;)&#34;`, // family words escaped
	} {
		if !strings.Contains(r.body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(r.body, "style=") {
		t.Error("inline style attribute: the CSP blocks it")
	}
}
