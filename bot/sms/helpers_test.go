package sms

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/northbrook/hubbot/bot"
	"github.com/northbrook/hubbot/bot/sms/smsfake"
)

// Test configuration: the public URL Twilio calls and the account's token.
const (
	testPublic = "https://hub.example.org"
	testToken  = smsfake.AuthToken
	familyNum  = "+447700900123"
	hubNum     = "+441632960000"
)

// recorder is a bot.Handler that keeps what it is handed.
type recorder struct {
	mu  sync.Mutex
	got []bot.Inbound
	err error
}

func (r *recorder) Handle(_ context.Context, in bot.Inbound) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, in)
	return r.err
}

func (r *recorder) calls() []bot.Inbound {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]bot.Inbound(nil), r.got...)
}

// inboundForm is a Twilio inbound SMS form from the family.
func inboundForm(sid, body string) url.Values {
	return smsfake.InboundForm(smsfake.AccountSID, sid, familyNum, hubNum, body)
}

// signedPost is a webhook request to testPublic+path, signed as Twilio
// signs it, as it arrives behind the proxy (another host).
func signedPost(t testing.TB, path string, form url.Values) *http.Request {
	t.Helper()
	req, err := smsfake.NewRequest(context.Background(), testToken, testPublic+path, form)
	if err != nil {
		t.Fatal(err)
	}
	return asReceived(req)
}

// asReceived turns a client request into what a server behind a proxy sees.
func asReceived(req *http.Request) *http.Request {
	r := httptest.NewRequest(req.Method, "http://10.0.0.5:8080"+req.URL.RequestURI(), req.Body)
	r.Header = req.Header.Clone()
	return r
}

// serve runs one request through h.
func serve(h http.Handler, r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func isTwiML(w *httptest.ResponseRecorder) bool {
	return w.Code == http.StatusOK && strings.HasPrefix(w.Header().Get("Content-Type"), "text/xml") &&
		w.Body.String() == `<?xml version="1.0" encoding="UTF-8"?><Response></Response>`
}
