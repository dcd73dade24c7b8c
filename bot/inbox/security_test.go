package inbox_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/northbrook/hubbot/bot/inbox"
)

func TestNoSession(t *testing.T) {
	e := newEnv(t)
	c := e.client(t)
	tests := []struct {
		label, method, path string
		fragment            bool
		want                int
		location            string
	}{
		{"Queue", "GET", "/staff/", false, http.StatusSeeOther, "/staff/login?next=%2Fstaff%2F"},
		{"Bare", "GET", "/staff", false, http.StatusSeeOther, "/staff/"},
		{"Conversation", "GET", "/staff/c/" + convEarly, false, http.StatusSeeOther, "/staff/login?next=%2Fstaff%2Fc%2Fc-early"},
		{"Reports", "GET", "/staff/reports", false, http.StatusSeeOther, "/staff/login?next=%2Fstaff%2Freports"},
		{"CSV", "GET", "/staff/reports/unmet.csv", false, http.StatusSeeOther, "/staff/login?next=%2Fstaff%2Freports%2Funmet.csv"},
		{"Audit", "GET", "/staff/audit", false, http.StatusSeeOther, "/staff/login?next=%2Fstaff%2Faudit"},
		{"Unknown", "GET", "/staff/nope", false, http.StatusSeeOther, "/staff/login?next=%2Fstaff%2Fnope"},
		{"Reply", "POST", "/staff/c/" + convEarly + "/reply", false, http.StatusSeeOther, "/staff/login"},
		{"Fragment", "GET", "/staff/queue", true, http.StatusUnauthorized, ""},
		{"Events", "GET", "/staff/events", true, http.StatusUnauthorized, ""},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			var r response
			switch {
			case tt.method == "POST":
				r = c.post(tt.path, url.Values{"text": {"hello"}})
			case tt.fragment:
				r = c.get(tt.path, "X-Hubbot-Fragment", "1")
			default:
				r = c.get(tt.path)
			}
			if r.status != tt.want || r.header.Get("Location") != tt.location {
				t.Errorf("status %d location %q, want %d %q", r.status, r.header.Get("Location"), tt.want, tt.location)
			}
		})
	}
	if len(e.fake.Sent()) != 0 {
		t.Errorf("a reply went out without a session: %+v", e.fake.Sent())
	}
}

func TestSecurityHeaders(t *testing.T) {
	e := newEnv(t)
	anon := e.client(t)
	c, _ := e.signedIn(t, priya)
	tests := []struct {
		label string
		cl    *client
		path  string
		want  int
	}{
		{"Login", anon, "/staff/login", http.StatusOK},
		{"Redirect", anon, "/staff/", http.StatusSeeOther},
		{"Static", anon, "/staff/static/app.js", http.StatusOK},
		{"Queue", c, "/staff/", http.StatusOK},
		{"Forbidden", c, "/staff/c/" + convMarcus, http.StatusForbidden},
		{"NotFound", c, "/staff/nope", http.StatusNotFound},
		{"NoConversation", c, "/staff/c/missing", http.StatusNotFound},
	}
	want := map[string]string{
		"Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
		"X-Frame-Options":         "DENY",
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "no-referrer",
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			r := tt.cl.get(tt.path)
			if r.status != tt.want {
				t.Errorf("status %d, want %d", r.status, tt.want)
			}
			for k, v := range want {
				if got := r.header.Get(k); !strings.HasPrefix(got, v) {
					t.Errorf("%s: %q, want it to start %q", k, got, v)
				}
			}
		})
	}
}

func TestSessionCookie(t *testing.T) {
	e := newEnv(t)
	c := e.client(t)
	r := c.login(priya, password)
	var sess *http.Cookie
	for _, ck := range (&http.Response{Header: r.header}).Cookies() {
		if ck.Name == "hubbot_staff" {
			sess = ck
		}
	}
	if sess == nil {
		t.Fatalf("no session cookie: %v", r.header)
	}
	if !sess.HttpOnly || sess.SameSite != http.SameSiteStrictMode || sess.Secure || sess.Path != "/staff" {
		t.Errorf("cookie %+v: want HttpOnly, SameSite=Strict, not Secure over http, Path=/staff", sess)
	}
	if len(sess.Value) != 43 {
		t.Errorf("session id %d characters, want 43 (256 bits base64url)", len(sess.Value))
	}
	// the session id itself is not a Redis key
	keys, err := e.rdb.Keys(context.Background(), "*"+sess.Value+"*").Result()
	if err != nil || len(keys) != 0 {
		t.Errorf("keys naming the session id: %v %v", keys, err)
	}
}

func TestSecureCookieOverHTTPS(t *testing.T) {
	e := newEnv(t)
	h := inbox.New(inbox.Options{Conversations: e.fake, Accounts: e.acc, Audit: e.audit, Directory: e.dir, PublicURL: "https://hub.example"})
	rec := newRecorder()
	h.ServeHTTP(rec, mustRequest(t, "GET", "/staff/login"))
	found := false
	for _, ck := range rec.Result().Cookies() {
		found = true
		if !ck.Secure {
			t.Errorf("cookie %s not Secure with an https public URL", ck.Name)
		}
	}
	if !found {
		t.Error("no login cookie set")
	}
	if rec.Header().Get("Strict-Transport-Security") == "" {
		t.Error("no Strict-Transport-Security over https")
	}
}

func TestCSRF(t *testing.T) {
	e := newEnv(t)
	c, token := e.signedIn(t, priya)
	other, otherToken := e.signedIn(t, rachel)
	_ = other
	// A token one character off (never the token itself, whatever its first character).
	wrong := "x" + token[1:]
	if token[0] == 'x' {
		wrong = "y" + token[1:]
	}
	tests := []struct {
		label, path string
		form        url.Values
	}{
		{"ReplyNoToken", "/staff/c/" + convEarly + "/reply", url.Values{"text": {"hi"}}},
		{"ReplyWrongToken", "/staff/c/" + convEarly + "/reply", url.Values{"text": {"hi"}, "csrf": {wrong}}},
		{"ReplyOtherSessionsToken", "/staff/c/" + convEarly + "/reply", url.Values{"text": {"hi"}, "csrf": {otherToken}}},
		{"NoteNoToken", "/staff/c/" + convEarly + "/note", url.Values{"note": {"n"}}},
		{"ClaimEmptyToken", "/staff/c/" + convEarly + "/claim", url.Values{"csrf": {""}}},
		{"CloseNoToken", "/staff/c/" + convEarly + "/close", url.Values{"outcome": {"referred"}}},
		{"LogoutNoToken", "/staff/logout", nil},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			if r := c.post(tt.path, tt.form); r.status != http.StatusForbidden {
				t.Errorf("status %d, want 403", r.status)
			}
		})
	}
	t.Run("LoginNoToken", func(t *testing.T) {
		anon := e.client(t)
		anon.get("/staff/login")
		r := anon.post("/staff/login", url.Values{"email": {priya}, "password": {password}})
		if r.status != http.StatusForbidden {
			t.Errorf("status %d, want 403", r.status)
		}
	})
	if s := e.fake.Sent(); len(s) != 0 {
		t.Errorf("replies sent without a valid token: %+v", s)
	}
	if ent := e.fake.Entries(convEarly); len(ent) != 2 {
		t.Errorf("transcript changed without a valid token: %+v", ent)
	}
	// the session still works with its own token
	if r := c.get("/staff/"); r.status != http.StatusOK {
		t.Errorf("queue after refused posts: %d", r.status)
	}
}

func TestFamilyMessageEscaped(t *testing.T) {
	e := newEnv(t)
	c, _ := e.signedIn(t, priya)
	for _, path := range []string{"/staff/c/" + convEarly, "/staff/c/" + convEarly + "/live"} {
		r := c.get(path, "X-Hubbot-Fragment", "1")
		if r.status != http.StatusOK {
			t.Fatalf("%s: %d", path, r.status)
		}
		if strings.Contains(r.body, "<script>alert") {
			t.Errorf("%s: family's <script> rendered raw", path)
		}
		if !strings.Contains(r.body, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; my 2 yr old") {
			t.Errorf("%s: escaped message not found:\n%s", path, r.body)
		}
	}
}

func TestLockout(t *testing.T) {
	e := newEnv(t, func(o *envOptions) { o.lockout = 2 * time.Second })
	c := e.client(t)
	for i := 1; i <= 5; i++ {
		r := c.login(priya, "wrong password "+string(rune('a'+i)))
		want := http.StatusUnauthorized
		if i == 5 {
			want = http.StatusTooManyRequests
		}
		if r.status != want {
			t.Fatalf("attempt %d: status %d, want %d", i, r.status, want)
		}
	}
	r := c.login(priya, password)
	if r.status != http.StatusTooManyRequests || !strings.Contains(r.body, "locked") {
		t.Fatalf("right password on the 6th attempt: status %d, want 429 locked", r.status)
	}
	if _, err := e.acc.Authenticate(context.Background(), priya, password); inbox.ErrorCode(err) != inbox.ELOCKED {
		t.Fatalf("Authenticate while locked: %v", err)
	}
	// other accounts are not locked
	if _, err := e.acc.Authenticate(context.Background(), marcus, password); err != nil {
		t.Fatalf("another account: %v", err)
	}
	time.Sleep(2100 * time.Millisecond)
	if r := c.login(priya, password); r.status != http.StatusSeeOther {
		t.Fatalf("after the lockout: status %d, want 303", r.status)
	}
	entries := e.auditActions(t)
	failed := 0
	for _, en := range entries {
		if en.Action == inbox.ActionLoginFailed && en.Actor == priya {
			failed++
		}
	}
	if failed != 6 {
		t.Errorf("%d failed logins audited, want 6", failed)
	}
}

func TestAccountLifecycle(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	tests := []struct {
		label   string
		change  func() error
		login   string // password to try after the change
		want    int
		session bool // whether the old session still works
	}{
		{"Disable", func() error { return e.acc.Disable(ctx, priya) }, password, http.StatusForbidden, false},
		{"Reset", func() error { return e.acc.Reset(ctx, priya, "a brand new password") }, password, http.StatusUnauthorized, false},
		{"ResetNewPassword", func() error { return e.acc.Reset(ctx, priya, "another new password") }, "another new password", http.StatusSeeOther, false},
		{"ReAdd", func() error {
			if err := e.acc.Disable(ctx, priya); err != nil {
				return err
			}
			return e.acc.Add(ctx, priya, password, inbox.RolePractitioner, "prac-priya-sharma")
		}, password, http.StatusSeeOther, false},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			old, _ := e.signedIn(t, priya)
			if err := tt.change(); err != nil {
				t.Fatalf("change: %v", err)
			}
			if r := old.get("/staff/"); (r.status == http.StatusOK) != tt.session {
				t.Errorf("old session: status %d", r.status)
			}
			if r := e.client(t).login(priya, tt.login); r.status != tt.want {
				t.Errorf("login: status %d, want %d", r.status, tt.want)
			}
			// put priya back as she was
			_ = e.acc.Disable(ctx, priya)
			if err := e.acc.Add(ctx, priya, password, inbox.RolePractitioner, "prac-priya-sharma"); err != nil {
				t.Fatalf("restore: %v", err)
			}
		})
	}
}

func TestAccountsValidation(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	tests := []struct {
		label, email, pw string
		role             inbox.Role
		pid, code        string
	}{
		{"OK", "new@hub.example", password, inbox.RolePractitioner, "prac-hannah-clarke", ""},
		{"Duplicate", priya, password, inbox.RolePractitioner, "prac-priya-sharma", inbox.ECONFLICT},
		{"BadEmail", "not an email", password, inbox.RolePractitioner, "prac-hannah-clarke", inbox.EINVALID},
		{"ShortPassword", "a@hub.example", "short", inbox.RolePractitioner, "prac-hannah-clarke", inbox.EINVALID},
		{"BadRole", "b@hub.example", password, "admin", "prac-hannah-clarke", inbox.EINVALID},
		{"NoPractitioner", "c@hub.example", password, inbox.RoleLead, "", inbox.EINVALID},
		{"UnknownPractitioner", "d@hub.example", password, inbox.RoleLead, "prac-nobody", inbox.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			err := e.acc.Add(ctx, tt.email, tt.pw, tt.role, tt.pid)
			if got := inbox.ErrorCode(err); got != tt.code {
				t.Errorf("code %q (%v), want %q", got, err, tt.code)
			}
		})
	}
	if err := e.acc.Reset(ctx, "nobody@hub.example", password); inbox.ErrorCode(err) != inbox.ENOTFOUND {
		t.Errorf("reset unknown: %v", err)
	}
	if err := e.acc.Disable(ctx, "nobody@hub.example"); inbox.ErrorCode(err) != inbox.ENOTFOUND {
		t.Errorf("disable unknown: %v", err)
	}
	// the hash is bcrypt, and the password is nowhere in Redis
	h, err := e.rdb.HGet(ctx, "hubbot:staff:acct:"+priya, "hash").Result()
	if err != nil || !strings.HasPrefix(h, "$2a$") {
		t.Errorf("stored hash %q, %v", h, err)
	}
}

func TestUnconfiguredRefuses(t *testing.T) {
	rec := newRecorder()
	inbox.New(inbox.Options{}).ServeHTTP(rec, mustRequest(t, "GET", "/staff/"))
	if rec.Code != http.StatusServiceUnavailable {
		t.Errorf("status %d, want 503", rec.Code)
	}
	if rec.Header().Get("Content-Security-Policy") == "" {
		t.Error("no security headers on the refusal")
	}
}

func TestLoginRedirectStaysInside(t *testing.T) {
	e := newEnv(t)
	tests := []struct{ label, next, want string }{
		{"Inside", "/staff/c/" + convEarly, "/staff/c/" + convEarly},
		{"Absolute", "https://evil.example/staff/", "/staff/"},
		{"SchemeRelative", "//evil.example/staff/", "/staff/"},
		{"Outside", "/admin", "/staff/"},
		{"Backslash", "/staff/\\evil.example", "/staff/"},
		{"Empty", "", "/staff/"},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			c := e.client(t)
			page := c.get("/staff/login?next=" + url.QueryEscape(tt.next))
			r := c.post("/staff/login", url.Values{"csrf": {csrfOf(t, page.body)}, "email": {priya}, "password": {password}, "next": {tt.next}})
			if r.status != http.StatusSeeOther || r.header.Get("Location") != tt.want {
				t.Errorf("status %d location %q, want 303 %q", r.status, r.header.Get("Location"), tt.want)
			}
		})
	}
}
