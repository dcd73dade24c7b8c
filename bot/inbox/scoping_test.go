package inbox_test

import (
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"testing"
)

// queueIDs lists the conversations a queue page shows, in order.
func queueIDs(body string) []string {
	var ids []string
	for _, m := range regexp.MustCompile(`data-conv="([^"]+)"`).FindAllStringSubmatch(body, -1) {
		ids = append(ids, m[1])
	}
	return ids
}

func TestRoleScoping(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		label     string
		email     string
		queue     []string // in order: each section, urgent first then longest waiting
		forbidden []string
	}{
		// Priya: early years is hers; risk, Marcus's and youth are not
		{"Practitioner", priya, []string{convEarly}, []string{convRisk, convMarcus, convYouth}},
		// Marcus: his own, and the risk one (safeguarding)
		{"Safeguarding", marcus, []string{convMarcus, convRisk}, []string{convEarly, convYouth}},
		// the lead sees everything: her own (none), waiting urgent first, then others
		{"Lead", rachel, []string{convRisk, convYouth, convEarly, convMarcus}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			c, token := e.signedIn(t, tt.email)
			q := c.get("/staff/")
			if got := queueIDs(q.body); !slices.Equal(got, tt.queue) {
				t.Errorf("queue %v, want %v", got, tt.queue)
			}
			if got := queueIDs(c.get("/staff/queue", "X-Hubbot-Fragment", "1").body); !slices.Equal(got, tt.queue) {
				t.Errorf("queue fragment %v, want %v", got, tt.queue)
			}
			for _, id := range tt.queue {
				if r := c.get("/staff/c/" + id); r.status != http.StatusOK {
					t.Errorf("open %s: %d, want 200", id, r.status)
				}
			}
			for _, id := range tt.forbidden {
				for _, path := range []string{"/staff/c/" + id, "/staff/c/" + id + "/live", "/staff/events?conv=" + id} {
					if r := c.get(path); r.status != http.StatusForbidden {
						t.Errorf("GET %s: %d, want 403", path, r.status)
					}
				}
				for _, action := range []string{"claim", "reply", "note", "close", "hand-back", "flag-risk"} {
					r := c.post("/staff/c/"+id+"/"+action, url.Values{"csrf": {token}, "text": {"x"}, "note": {"x"}, "outcome": {"referred"}, "category": {"neglect"}})
					if r.status != http.StatusForbidden {
						t.Errorf("POST %s on %s: %d, want 403", action, id, r.status)
					}
				}
			}
			wantAudit := http.StatusForbidden
			if tt.email == rachel {
				wantAudit = http.StatusOK
			}
			if r := c.get("/staff/audit"); r.status != wantAudit {
				t.Errorf("audit page: %d, want %d", r.status, wantAudit)
			}
		})
	}
	if s := e.fake.Sent(); len(s) != 0 {
		t.Errorf("forbidden replies went out: %+v", s)
	}
}

func TestReassignLeadsOnly(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		label, email, to string
		want             int
		owner            string
	}{
		{"Practitioner", priya, "prac-hannah-clarke", http.StatusForbidden, ""},
		{"LeadUnknown", rachel, "prac-nobody", http.StatusBadRequest, ""},
		{"Lead", rachel, "prac-hannah-clarke", http.StatusSeeOther, "prac-hannah-clarke"},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			c, token := e.signedIn(t, tt.email)
			r := c.post("/staff/c/"+convEarly+"/reassign", url.Values{"csrf": {token}, "to": {tt.to}})
			if r.status != tt.want {
				t.Fatalf("status %d, want %d", r.status, tt.want)
			}
			conv, _ := e.fake.Conversation(convEarly)
			if got := conv.Handoff.PractitionerID; got != tt.owner {
				t.Errorf("owner %q, want %q", got, tt.owner)
			}
		})
	}
	// once Hannah has it, Priya no longer sees it
	c, _ := e.signedIn(t, priya)
	if r := c.get("/staff/c/" + convEarly); r.status != http.StatusForbidden {
		t.Errorf("Priya opens Hannah's conversation: %d, want 403", r.status)
	}
}
