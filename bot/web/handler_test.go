package web

import (
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/northbrook/hubbot/bot"
	"github.com/northbrook/hubbot/dialog"
)

func TestSend(t *testing.T) {
	unavailable := fmt.Errorf("redis: %w", dialog.ErrUnavailable)
	tests := []struct {
		name        string
		method      string // default POST
		contentType string // default application/json
		cookie      string // session cookie sent, if any
		header      map[string]string
		body        string
		handlerErr  error
		wantStatus  int
		wantKind    bot.Kind // "" : the handler must not be called
		wantText    string
		wantCookie  bool // a new session cookie is set
	}{
		{name: "text starts a session", body: `{"text":"` + secretWords + `","id":"m1"}`,
			wantStatus: 202, wantKind: bot.KindText, wantText: secretWords, wantCookie: true},
		{name: "text in a session", cookie: testSession, body: `{"text":"  hello  ","id":"m1"}`,
			wantStatus: 202, wantKind: bot.KindText, wantText: "hello"},
		{name: "button", cookie: testSession, body: `{"text":"2","id":"m-2","kind":"button"}`,
			wantStatus: 202, wantKind: bot.KindButton, wantText: "2"},
		{name: "forged cookie gets a fresh session", cookie: "../../etc/passwd", body: `{"text":"hi","id":"m1"}`,
			wantStatus: 202, wantKind: bot.KindText, wantText: "hi", wantCookie: true},
		{name: "upper-case cookie is not ours", cookie: strings.ToUpper(testSession), body: `{"text":"hi","id":"m1"}`,
			wantStatus: 202, wantKind: bot.KindText, wantText: "hi", wantCookie: true},
		{name: "bad JSON", cookie: testSession, body: `{"text":`, wantStatus: 400},
		{name: "empty text", cookie: testSession, body: `{"text":"   ","id":"m1"}`, wantStatus: 400},
		{name: "no id", cookie: testSession, body: `{"text":"hi"}`, wantStatus: 400},
		{name: "id with a colon", cookie: testSession, body: `{"text":"hi","id":"a:b"}`, wantStatus: 400},
		{name: "id too long", cookie: testSession, body: `{"text":"hi","id":"` + strings.Repeat("a", 65) + `"}`, wantStatus: 400},
		{name: "unknown kind", cookie: testSession, body: `{"text":"hi","id":"m1","kind":"command"}`, wantStatus: 400},
		{name: "text too long", cookie: testSession, body: `{"text":"` + strings.Repeat("a", maxTextRunes+1) + `","id":"m1"}`, wantStatus: 400},
		{name: "body too large", cookie: testSession, body: `{"text":"` + strings.Repeat("a", maxSendBody) + `","id":"m1"}`, wantStatus: 413},
		{name: "form post refused", cookie: testSession, contentType: "application/x-www-form-urlencoded", body: `text=hi&id=m1`, wantStatus: 415},
		{name: "cross-site refused", cookie: testSession, header: map[string]string{"Sec-Fetch-Site": "cross-site"},
			body: `{"text":"hi","id":"m1"}`, wantStatus: 403},
		{name: "GET", method: http.MethodGet, cookie: testSession, wantStatus: 405},
		{name: "store unavailable", cookie: testSession, body: `{"text":"hi","id":"m1"}`, handlerErr: unavailable,
			wantStatus: 503, wantKind: bot.KindText, wantText: "hi"},
		{name: "handler fails", cookie: testSession, body: `{"text":"hi","id":"m1"}`, handlerErr: errors.New("boom"),
			wantStatus: 500, wantKind: bot.KindText, wantText: "hi"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{err: tt.handlerErr}
			chat, logs := newChat(t, nil, rec, nil)
			method := tt.method
			if method == "" {
				method = http.MethodPost
			}
			req := httptest.NewRequest(method, "/chat/send", strings.NewReader(tt.body))
			ct := tt.contentType
			if ct == "" {
				ct = "application/json"
			}
			req.Header.Set("Content-Type", ct)
			for k, v := range tt.header {
				req.Header.Set(k, v)
			}
			if tt.cookie != "" {
				req.AddCookie(&http.Cookie{Name: CookieName, Value: tt.cookie})
			}
			w := httptest.NewRecorder()
			chat.ServeHTTP(w, req)
			if w.Code != tt.wantStatus {
				t.Errorf("status %d, want %d (%s)", w.Code, tt.wantStatus, w.Body.String())
			}

			var set *http.Cookie
			for _, c := range w.Result().Cookies() {
				if c.Name == CookieName {
					set = c
				}
			}
			if (set != nil) != tt.wantCookie {
				t.Fatalf("cookie set %v, want %v", set != nil, tt.wantCookie)
			}
			session := tt.cookie
			if set != nil {
				session = set.Value
				if !validSession(set.Value) || !set.HttpOnly || set.SameSite != http.SameSiteLaxMode || set.Secure || set.Path != "/chat" {
					t.Errorf("cookie %+v: want a 128-bit hex id, HttpOnly, SameSite=Lax, not Secure over http, Path /chat", set)
				}
			}

			got := rec.calls()
			if tt.wantKind == "" {
				if len(got) != 0 {
					t.Errorf("handler called with %+v", got)
				}
				return
			}
			want := bot.Inbound{Channel: dialog.ChannelWeb, Address: session, MessageID: "web:" + session + ":" + idOf(tt.body),
				Text: tt.wantText, Kind: tt.wantKind}
			if len(got) != 1 || got[0] != want {
				t.Errorf("handler got %+v\nwant %+v", got, want)
			}
			assertNoPersonalData(t, logs, session)
		})
	}
}

func idOf(body string) string {
	m := regexp.MustCompile(`"id":"([^"]*)"`).FindStringSubmatch(body)
	if m == nil {
		return ""
	}
	return m[1]
}

func TestCookieSecureBehindHTTPS(t *testing.T) {
	chat, _ := newChat(t, nil, &recorder{}, func(o *Options) { o.PublicURL = "https://hub.example.org" })
	w := httptest.NewRecorder()
	chat.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/chat", nil))
	cookies := w.Result().Cookies()
	if len(cookies) != 1 || !cookies[0].Secure || !cookies[0].HttpOnly || cookies[0].SameSite != http.SameSiteLaxMode {
		t.Errorf("cookies %+v: want one Secure, HttpOnly, SameSite=Lax session cookie", cookies)
	}
}

func TestSecurityHeaders(t *testing.T) {
	chat, _ := newChat(t, nil, &recorder{}, nil)
	tests := []struct {
		name, method, path string
		wantStatus         int
		wantType           string
	}{
		{name: "page", method: http.MethodGet, path: "/chat", wantStatus: 200, wantType: "text/html; charset=utf-8"},
		{name: "script", method: http.MethodGet, path: "/chat/static/chat.js", wantStatus: 200, wantType: "text/javascript; charset=utf-8"},
		{name: "styles", method: http.MethodGet, path: "/chat/static/chat.css", wantStatus: 200, wantType: "text/css; charset=utf-8"},
		{name: "missing asset", method: http.MethodGet, path: "/chat/static/nope.js", wantStatus: 404},
		{name: "no directory listing", method: http.MethodGet, path: "/chat/static/", wantStatus: 404},
		{name: "send", method: http.MethodPost, path: "/chat/send", wantStatus: 415},
		{name: "unknown path", method: http.MethodGet, path: "/chat/admin", wantStatus: 404},
		{name: "trailing slash", method: http.MethodGet, path: "/chat/", wantStatus: 301},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := httptest.NewRecorder()
			chat.ServeHTTP(w, httptest.NewRequest(tt.method, tt.path, nil))
			if w.Code != tt.wantStatus {
				t.Errorf("status %d, want %d", w.Code, tt.wantStatus)
			}
			if tt.wantType != "" && w.Header().Get("Content-Type") != tt.wantType {
				t.Errorf("Content-Type %q, want %q", w.Header().Get("Content-Type"), tt.wantType)
			}
			h := w.Header()
			csp := h.Get("Content-Security-Policy")
			for _, want := range []string{"default-src 'self'", "script-src 'self'", "frame-ancestors 'self'", "object-src 'none'"} {
				if !strings.Contains(csp, want) {
					t.Errorf("CSP %q lacks %q", csp, want)
				}
			}
			if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
				t.Errorf("CSP %q allows inline or eval", csp)
			}
			if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("X-Frame-Options") != "SAMEORIGIN" || h.Get("Referrer-Policy") != "no-referrer" {
				t.Errorf("headers %v", h)
			}
		})
	}
}

// The page and its assets load nothing from elsewhere and are usable by
// keyboard and screen reader.
func TestAssets(t *testing.T) {
	err := fs.WalkDir(assets, "assets", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := assets.ReadFile(path)
		if err != nil {
			return err
		}
		lower := strings.ToLower(string(b))
		for _, bad := range []string{"http", "//cdn", "@import", "eval(", "innerhtml"} {
			if strings.Contains(lower, bad) {
				t.Errorf("%s contains %q", path, bad)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	page, _ := assets.ReadFile("assets/chat.html")
	html := string(page)
	for _, want := range []string{
		`<html lang="en-GB">`,
		`name="viewport"`,
		`<label for="message"`,
		`<textarea id="message"`,
		`aria-live="polite"`,
		`role="log"`,
		`role="status"`,
		`<button type="submit"`,
		`<script src="/chat/static/chat.js" defer></script>`,
		`<link rel="stylesheet" href="/chat/static/chat.css">`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if regexp.MustCompile(`<script>|<style|\sstyle=|\son[a-z]+=`).MatchString(html) {
		t.Error("page has inline script, style or event handlers, which the CSP forbids")
	}
	css, _ := assets.ReadFile("assets/static/chat.css")
	if !strings.Contains(string(css), ":focus-visible") {
		t.Error("styles have no visible focus")
	}
}

func TestNewNeedsHandlerRedisSecret(t *testing.T) {
	rdb := startRedis(t)
	tests := []struct {
		name string
		opts Options
	}{
		{name: "no handler", opts: Options{Redis: rdb, Secret: testSecret}},
		{name: "no redis", opts: Options{Handler: &recorder{}, Secret: testSecret}},
		{name: "no secret", opts: Options{Handler: &recorder{}, Redis: rdb}},
		{name: "bad public URL", opts: Options{Handler: &recorder{}, Redis: rdb, Secret: testSecret, PublicURL: "://x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := New(tt.opts); err == nil {
				t.Error("New succeeded, want an error")
			}
		})
	}
}
