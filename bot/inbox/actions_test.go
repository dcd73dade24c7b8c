package inbox_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/northbrook/hubbot/bot/inbox"
	"github.com/northbrook/hubbot/dialog"
)

func TestActionsAudited(t *testing.T) {
	e := newEnv(t)
	c, token := e.signedIn(t, priya)
	const (
		reply = "Hello, this is Priya from the Family Hub. Can I call you tomorrow?"
		note  = "Mum sounded tired; check in on sleep support."
	)
	steps := []struct {
		label    string
		method   string
		path     string
		form     url.Values
		location string
		audit    inbox.AuditEntry
	}{
		{"View", "GET", "/staff/c/" + convEarly, nil, "",
			inbox.AuditEntry{Action: inbox.ActionView, ConvID: convEarly}},
		{"Claim", "POST", "/staff/c/" + convEarly + "/claim", url.Values{}, "/staff/c/c-early?done=claim",
			inbox.AuditEntry{Action: inbox.ActionClaim, ConvID: convEarly}},
		{"Reply", "POST", "/staff/c/" + convEarly + "/reply", url.Values{"text": {reply}}, "/staff/c/c-early?done=reply",
			inbox.AuditEntry{Action: inbox.ActionReply, ConvID: convEarly}},
		{"Note", "POST", "/staff/c/" + convEarly + "/note", url.Values{"note": {note}}, "/staff/c/c-early?done=note",
			inbox.AuditEntry{Action: inbox.ActionNote, ConvID: convEarly}},
		{"FlagRisk", "POST", "/staff/c/" + convEarly + "/flag-risk", url.Values{"category": {"neglect"}}, "/staff/c/c-early?done=flag-risk",
			inbox.AuditEntry{Action: inbox.ActionFlagRisk, ConvID: convEarly, Detail: "risk:neglect"}},
		{"Close", "POST", "/staff/c/" + convEarly + "/close", url.Values{"outcome": {inbox.OutcomeReferred}}, "/staff/?done=close",
			inbox.AuditEntry{Action: inbox.ActionClose, ConvID: convEarly, Detail: "referred"}},
	}
	for _, st := range steps {
		t.Run(st.label, func(t *testing.T) {
			var r response
			if st.method == "GET" {
				r = c.get(st.path)
			} else {
				st.form.Set("csrf", token)
				r = c.post(st.path, st.form)
			}
			wantStatus := http.StatusOK
			if st.location != "" {
				wantStatus = http.StatusSeeOther
			}
			if r.status != wantStatus || r.header.Get("Location") != st.location {
				t.Fatalf("status %d location %q, want %d %q\n%s", r.status, r.header.Get("Location"), wantStatus, st.location, r.body)
			}
			es := e.auditActions(t)
			if len(es) == 0 {
				t.Fatal("no audit entries")
			}
			got := es[0]
			if got.Action != st.audit.Action || got.ConvID != st.audit.ConvID || got.Detail != st.audit.Detail ||
				got.Actor != priya || got.PractitionerID != "prac-priya-sharma" || got.At.IsZero() {
				t.Errorf("latest audit entry %+v, want %+v by %s", got, st.audit, priya)
			}
		})
	}
	// the reply went through the family's channel; the note did not
	sent := e.fake.Sent()
	if len(sent) != 1 || sent[0].Text != reply || sent[0].Channel != dialog.ChannelSMS || sent[0].PractitionerID != "prac-priya-sharma" {
		t.Errorf("sent %+v, want the one reply by SMS", sent)
	}
	conv, _ := e.fake.Conversation(convEarly)
	if conv.State != dialog.StateClosed || !slices.Contains(conv.Flags, "outcome:referred") || e.fake.Queued(convEarly) {
		t.Errorf("after close: state %q flags %v queued %v", conv.State, conv.Flags, e.fake.Queued(convEarly))
	}
	var hasNote bool
	for _, en := range e.fake.Entries(convEarly) {
		hasNote = hasNote || (en.From == dialog.Note && en.Text == note && en.Author == "prac-priya-sharma")
	}
	if !hasNote {
		t.Error("note not in the transcript")
	}
	// no message body anywhere in the audit trail
	raw, err := e.rdb.ZRange(t.Context(), "hubbot:staff:audit", 0, -1).Result()
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(raw, "\n")
	for _, body := range []string{reply, note, "talking", "script", "+4477"} {
		if strings.Contains(all, body) {
			t.Errorf("audit trail holds %q", body)
		}
	}
	// the audit key expires with the retention
	if ttl := e.rdb.TTL(t.Context(), "hubbot:staff:audit").Val(); ttl <= 0 {
		t.Errorf("audit key TTL %v, want the retention", ttl)
	}
	for _, m := range raw {
		var en inbox.AuditEntry
		_, js, _ := strings.Cut(m, ":")
		if err := json.Unmarshal([]byte(js), &en); err != nil {
			t.Errorf("audit entry %q: %v", m, err)
		}
	}
}

func TestActionRefusals(t *testing.T) {
	e := newEnv(t)
	c, token := e.signedIn(t, priya)
	long := strings.Repeat("a", 1601)
	tests := []struct {
		label, action string
		form          url.Values
		want          int
		message       string
		keep          string // what the page keeps of what was typed
	}{
		{"EmptyReply", "reply", url.Values{"text": {"   "}}, http.StatusBadRequest, "Write the reply first.", ""},
		{"LongReply", "reply", url.Values{"text": {long}}, http.StatusBadRequest, "at most 1600 characters", long},
		{"EmptyNote", "note", url.Values{"note": {""}}, http.StatusBadRequest, "Write the note first.", ""},
		{"NoOutcome", "close", url.Values{}, http.StatusBadRequest, "Choose the outcome", ""},
		{"BadOutcome", "close", url.Values{"outcome": {"vanished"}}, http.StatusBadRequest, "Choose the outcome", ""},
		{"BadRisk", "flag-risk", url.Values{"category": {"<b>"}}, http.StatusBadRequest, "Choose what the risk is.", ""},
		{"UnknownAction", "explode", url.Values{}, http.StatusNotFound, "There is no such action.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			tt.form.Set("csrf", token)
			r := c.post("/staff/c/"+convEarly+"/"+tt.action, tt.form)
			if r.status != tt.want || !strings.Contains(r.body, tt.message) {
				t.Fatalf("status %d, want %d with %q\n%s", r.status, tt.want, tt.message, r.body)
			}
			if tt.keep != "" && !strings.Contains(r.body, tt.keep) {
				t.Error("what was typed is lost")
			}
		})
	}
	// a refusal from the conversations (the family opted out) is shown beside the form
	e.fake.Escalate(dialog.Conversation{ID: "c-stopped", Channel: dialog.ChannelSMS, OptedOut: true,
		Triage: convTriage("parenting")})
	r := c.post("/staff/c/c-stopped/reply", url.Values{"csrf": {token}, "text": {"hello"}})
	if r.status != http.StatusConflict || !strings.Contains(r.body, "stopped messages") || !strings.Contains(r.body, ">hello</textarea>") {
		t.Errorf("opted out: status %d\n%s", r.status, r.body)
	}
	if len(e.fake.Sent()) != 0 {
		t.Errorf("sent %+v", e.fake.Sent())
	}
}

func TestInternalErrorsHidden(t *testing.T) {
	e := newEnv(t)
	c, _ := e.signedIn(t, rachel)
	tests := []struct {
		label string
		err   error
		want  int
		text  string
	}{
		{"Unexpected", errSecret(), http.StatusInternalServerError, "Internal error."},
		{"Unavailable", dialog.ErrUnavailable, http.StatusServiceUnavailable, "cannot reach its store"},
		{"Coded", inbox.Errorf(inbox.ECONFLICT, "Someone else just took it."), http.StatusConflict, "Someone else just took it."},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			e.fake.FailWith(tt.err)
			defer e.fake.FailWith(nil)
			for _, path := range []string{"/staff/", "/staff/c/" + convEarly, "/staff/reports"} {
				r := c.get(path)
				if r.status != tt.want || !strings.Contains(r.body, tt.text) || strings.Contains(r.body, "secret-detail") {
					t.Errorf("%s: status %d, want %d with %q\n%s", path, r.status, tt.want, tt.text, r.body)
				}
			}
		})
	}
}
