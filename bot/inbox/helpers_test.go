package inbox_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"golang.org/x/crypto/bcrypt"

	"github.com/northbrook/hubbot/bot/inbox"
	"github.com/northbrook/hubbot/bot/inbox/inboxtest"
	"github.com/northbrook/hubbot/content"
	"github.com/northbrook/hubbot/dialog"
	"github.com/northbrook/hubbot/dialog/redisstore/redistest"
	"github.com/northbrook/hubbot/dialog/triage"
)

// The staff of the tests, from the sample directory.
const (
	password = "correct horse battery"

	priya  = "priya@hub.example"  // practitioner: parenting, early years, money, housing
	marcus = "marcus@hub.example" // practitioner: safeguarding, domestic abuse
	rachel = "rachel@hub.example" // lead
)

// env is one inbox under test: a real Redis, the fake conversations and
// an httptest server.
type env struct {
	srv   *httptest.Server
	fake  *inboxtest.Fake
	acc   *inbox.Accounts
	audit *inbox.Audit
	rdb   *redis.Client
	dir   content.Directory
}

// envOptions change what newEnv builds.
type envOptions struct {
	lockout time.Duration
	poll    time.Duration
}

func newEnv(t *testing.T, opts ...func(*envOptions)) *env {
	t.Helper()
	var o envOptions
	for _, f := range opts {
		f(&o)
	}
	rdb := redistest.Start(t).Client(t)
	dir, err := content.SampleDirectory()
	if err != nil {
		t.Fatalf("sample directory: %v", err)
	}
	acc, err := inbox.NewAccounts(rdb, inbox.AccountsOptions{BcryptCost: bcrypt.MinCost, Directory: dir, Lockout: o.lockout})
	if err != nil {
		t.Fatalf("accounts: %v", err)
	}
	audit, err := inbox.NewAudit(rdb, inbox.AuditOptions{Retention: time.Hour})
	if err != nil {
		t.Fatalf("audit: %v", err)
	}
	ctx := context.Background()
	for _, a := range []struct {
		email string
		role  inbox.Role
		pid   string
	}{
		{priya, inbox.RolePractitioner, "prac-priya-sharma"},
		{marcus, inbox.RolePractitioner, "prac-marcus-reid"},
		{rachel, inbox.RoleLead, "prac-rachel-fenwick"},
	} {
		if err := acc.Add(ctx, a.email, password, a.role, a.pid); err != nil {
			t.Fatalf("add %s: %v", a.email, err)
		}
	}
	fake := inboxtest.New(nil)
	seed(fake)
	h := inbox.New(inbox.Options{
		Conversations: fake, Accounts: acc, Audit: audit, Directory: dir,
		PollInterval: o.poll,
		ServiceName: func(id string) string {
			if id == "svc-chatter" {
				return "Chatter Matters"
			}
			return ""
		},
	})
	mux := http.NewServeMux()
	mux.Handle("/staff/", h)
	mux.Handle("/staff", h)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return &env{srv: srv, fake: fake, acc: acc, audit: audit, rdb: rdb, dir: dir}
}

// The conversations every test starts with.
const (
	convEarly  = "c-early"  // unassigned early-years, SMS, with "<script>" from the family
	convRisk   = "c-risk"   // urgent, domestic abuse, unassigned
	convMarcus = "c-marcus" // assigned to Marcus
	convYouth  = "c-youth"  // unassigned youth work, nobody's skills here but Tomasz's
)

// scriptMessage is a family message that must be shown escaped.
const scriptMessage = `<script>alert("x")</script> my 2 yr old isnt talking yet`

func seed(f *inboxtest.Fake) {
	now := time.Now()
	f.Escalate(dialog.Conversation{
		ID: convEarly, Channel: dialog.ChannelSMS, Address: "+447700900001",
		Triage:  triage.Triage{For: triage.WhoChild, Age: 2, AgeKnown: true, Terms: []string{"early-years"}, Words: "talking", Ward: "Castleton"},
		Offered: []string{"svc-chatter"},
		Handoff: &dialog.Handoff{Reason: "asked", At: now.Add(-40 * time.Minute), Summary: "for: child, age 2; need: early-years"},
	},
		dialog.Entry{At: now.Add(-45 * time.Minute), From: dialog.FromFamily, Text: scriptMessage},
		dialog.Entry{At: now.Add(-44 * time.Minute), From: dialog.FromBot, Text: "Here are some services."},
	)
	f.Escalate(dialog.Conversation{
		ID: convRisk, Channel: dialog.ChannelTelegram, Address: "12345",
		Triage:  triage.Triage{For: triage.WhoParent, Ward: "Millbrook"},
		Flags:   []string{"risk:domestic-abuse"},
		Handoff: &dialog.Handoff{Reason: "risk", Urgent: true, At: now.Add(-5 * time.Minute)},
	}, dialog.Entry{At: now.Add(-5 * time.Minute), From: dialog.FromFamily, Text: "he shouts and i am scared"})
	f.Escalate(dialog.Conversation{
		ID: convMarcus, Channel: dialog.ChannelSMS, Address: "+447700900003",
		Triage:  triage.Triage{Terms: []string{"domestic-abuse"}},
		Handoff: &dialog.Handoff{Reason: "asked", PractitionerID: "prac-marcus-reid", At: now.Add(-2 * time.Hour)},
	}, dialog.Entry{At: now.Add(-2 * time.Hour), From: dialog.FromFamily, Text: "can someone call me"})
	f.Escalate(dialog.Conversation{
		ID: convYouth, Channel: dialog.ChannelTelegram, Address: "999",
		Triage:  triage.Triage{For: triage.WhoYoungPerson, Terms: []string{"youth"}},
		Handoff: &dialog.Handoff{Reason: "no-fit", At: now.Add(-3 * time.Hour)},
	})
}

// client is a browser without JavaScript: it keeps cookies and does not
// follow redirects, so a test sees them.
type client struct {
	t    *testing.T
	base string
	hc   *http.Client
}

func (e *env) client(t *testing.T) *client {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &client{t: t, base: e.srv.URL, hc: &http.Client{
		Jar: jar, Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

// response is a read response.
type response struct {
	status int
	header http.Header
	body   string
}

func (c *client) do(req *http.Request) response {
	c.t.Helper()
	res, err := c.hc.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		c.t.Fatalf("%s %s: read: %v", req.Method, req.URL, err)
	}
	return response{status: res.StatusCode, header: res.Header, body: string(b)}
}

func (c *client) get(path string, headers ...string) response {
	c.t.Helper()
	req, err := http.NewRequest(http.MethodGet, c.base+path, nil)
	if err != nil {
		c.t.Fatal(err)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	return c.do(req)
}

func (c *client) post(path string, form url.Values) response {
	c.t.Helper()
	req, err := http.NewRequest(http.MethodPost, c.base+path, strings.NewReader(form.Encode()))
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}

// csrfOf returns the CSRF token of the first form in a page.
func csrfOf(t *testing.T, body string) string {
	t.Helper()
	m := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no csrf token in page:\n%s", body)
	}
	return m[1]
}

// login signs in and returns the response to the login POST.
func (c *client) login(email, pw string) response {
	c.t.Helper()
	page := c.get("/staff/login")
	if page.status != http.StatusOK {
		c.t.Fatalf("login page: status %d", page.status)
	}
	return c.post("/staff/login", url.Values{"csrf": {csrfOf(c.t, page.body)}, "email": {email}, "password": {pw}})
}

// signedIn returns a client signed in as email, and a CSRF token of its session.
func (e *env) signedIn(t *testing.T, email string) (*client, string) {
	t.Helper()
	c := e.client(t)
	if r := c.login(email, password); r.status != http.StatusSeeOther || r.header.Get("Location") != "/staff/" {
		t.Fatalf("login %s: status %d, location %q", email, r.status, r.header.Get("Location"))
	}
	q := c.get("/staff/")
	if q.status != http.StatusOK {
		t.Fatalf("queue after login: %d", q.status)
	}
	return c, csrfOf(t, q.body)
}

// auditActions lists the audit trail's entries as "actor action conv detail".
func (e *env) auditActions(t *testing.T) []inbox.AuditEntry {
	t.Helper()
	es, err := e.audit.List(context.Background(), inbox.AuditFilter{Limit: 1000})
	if err != nil {
		t.Fatalf("audit list: %v", err)
	}
	return es
}

func newRecorder() *httptest.ResponseRecorder { return httptest.NewRecorder() }

func mustRequest(t *testing.T, method, path string) *http.Request {
	t.Helper()
	return httptest.NewRequest(method, path, nil)
}

// errSecret is an internal error whose text must never reach a browser.
func errSecret() error { return errors.New("redis: dial tcp 10.0.0.7:6379: secret-detail") }

func convTriage(terms ...string) triage.Triage { return triage.Triage{Terms: terms} }
