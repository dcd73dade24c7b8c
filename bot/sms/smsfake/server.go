package smsfake

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/northbrook/hubbot/bot/gsm7"
)

// The credentials the fake accepts; it signs status callbacks with AuthToken.
const (
	AccountSID = "AC00000000000000000000000000000001"
	AuthToken  = "fakeauthtoken0123456789abcdef0001"
)

// Reply scripts the fake's answer to one send. The zero Reply accepts the
// message (201 and the message JSON).
type Reply struct {
	Status     int             // HTTP status; 0 or 2xx accepts the message
	Code       int             // Twilio error code (a default for the status if 0)
	Message    string          // Twilio error message (a default if "")
	RetryAfter string          // Retry-After header, if any
	Body       string          // a raw answer instead of Twilio's JSON (a proxy's HTML page)
	Delay      time.Duration   // wait this long before answering
	Hold       <-chan struct{} // wait until closed (or the server closes) before answering
}

// Message is one request the fake was sent, with the status it answered.
type Message struct {
	SID                 string // the SID given when accepted
	AccountSID          string
	To, From, Body      string
	MessagingServiceSID string
	StatusCallback      string
	Encoding            gsm7.Encoding
	Segments            int
	Form                url.Values
	Answered            int // HTTP status answered (0 while held)
}

// Server is a fake Twilio Messages API on an httptest server.
type Server struct {
	srv     *httptest.Server
	closing chan struct{} // closed when the test ends: held answers go

	mu       sync.Mutex
	script   []Reply
	stopped  map[string]bool // numbers that opted out
	requests []Message
	next     int // for message SIDs
}

// New starts a fake Twilio API, closed when tb ends, accepting AccountSID
// and AuthToken.
func New(tb testing.TB) *Server {
	tb.Helper()
	s := &Server{closing: make(chan struct{}), stopped: map[string]bool{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	tb.Cleanup(s.srv.Close)
	tb.Cleanup(func() { close(s.closing) }) // runs first
	return s
}

// URL is the base URL to give the Sender (sms.WithBaseURL).
func (s *Server) URL() string { return s.srv.URL }

// Script queues answers for the next sends, one each, in order; once they
// are used up sends are accepted.
func (s *Server) Script(replies ...Reply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.script = append(s.script, replies...)
}

// OptOut makes every send to the number fail with error 21610, as Twilio
// does once a family has texted STOP.
func (s *Server) OptOut(number string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stopped[number] = true
}

// Requests returns every send the fake received, accepted or not.
func (s *Server) Requests() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.requests...)
}

// Messages returns the sends the fake accepted, in order.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Message
	for _, m := range s.requests {
		if m.Answered == http.StatusCreated {
			out = append(out, m)
		}
	}
	return out
}

// WaitMessages waits until the fake has accepted at least n messages and
// returns them, failing tb after timeout.
func (s *Server) WaitMessages(tb testing.TB, n int, timeout time.Duration) []Message {
	tb.Helper()
	deadline := time.Now().Add(timeout)
	for {
		if ms := s.Messages(); len(ms) >= n {
			return ms
		}
		if time.Now().After(deadline) {
			tb.Fatalf("smsfake: %d messages accepted within %v, want %d", len(s.Messages()), timeout, n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// Callback posts a status callback for m to its StatusCallback URL, signed
// with the fake's auth token, as Twilio does when a message's status
// changes; errorCode is "" or a Twilio code such as "21610".
func (s *Server) Callback(ctx context.Context, c *http.Client, m Message, status, errorCode string) (*http.Response, error) {
	if m.StatusCallback == "" {
		return nil, fmt.Errorf("smsfake: callback: message %s has no StatusCallback", m.SID)
	}
	form := url.Values{
		"AccountSid": {m.AccountSID}, "ApiVersion": {"2010-04-01"},
		"From": {m.From}, "To": {m.To},
		"MessageSid": {m.SID}, "SmsSid": {m.SID},
		"MessageStatus": {status}, "SmsStatus": {status},
	}
	if errorCode != "" {
		form.Set("ErrorCode", errorCode)
	}
	return Post(ctx, c, AuthToken, m.StatusCallback, form)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	path := "/2010-04-01/Accounts/" + AccountSID + "/Messages.json"
	if r.Method != http.MethodPost || !strings.HasPrefix(r.URL.Path, "/2010-04-01/Accounts/") ||
		!strings.HasSuffix(r.URL.Path, "/Messages.json") {
		writeError(w, http.StatusNotFound, 20404, "The requested resource "+r.URL.Path+" was not found")
		return
	}
	if user, pass, ok := r.BasicAuth(); !ok || user != AccountSID || pass != AuthToken {
		writeError(w, http.StatusUnauthorized, 20003, "Authenticate")
		return
	}
	if r.URL.Path != path {
		writeError(w, http.StatusNotFound, 20404, "The requested resource "+r.URL.Path+" was not found")
		return
	}
	if err := r.ParseForm(); err != nil {
		writeError(w, http.StatusBadRequest, 20001, "Could not parse the request")
		return
	}
	f := r.PostForm
	m := Message{
		AccountSID: AccountSID, To: f.Get("To"), From: f.Get("From"), Body: f.Get("Body"),
		MessagingServiceSID: f.Get("MessagingServiceSid"), StatusCallback: f.Get("StatusCallback"), Form: f,
	}
	m.Encoding, m.Segments = gsm7.Segments(m.Body)
	switch {
	case m.To == "":
		writeError(w, http.StatusBadRequest, 21604, "A 'To' phone number is required.")
		return
	case m.From == "" && m.MessagingServiceSID == "":
		writeError(w, http.StatusBadRequest, 21603, "A 'From' phone number is required.")
		return
	case m.Body == "" && f.Get("MediaUrl") == "" && f.Get("ContentSid") == "":
		writeError(w, http.StatusBadRequest, 21602, "Message body is required.")
		return
	case utf8.RuneCountInString(m.Body) > 1600:
		writeError(w, http.StatusBadRequest, 21617, "The concatenated message body exceeds the 1600 character limit.")
		return
	}

	rep, i := s.take(m)
	s.wait(r.Context(), rep)
	status := s.answer(w, rep, &m)
	s.mu.Lock()
	s.requests[i].SID, s.requests[i].Answered = m.SID, status
	s.mu.Unlock()
}

// take records the request and picks its scripted reply.
func (s *Server) take(m Message) (Reply, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var rep Reply
	switch {
	case s.stopped[m.To]:
		rep = Reply{Status: http.StatusBadRequest, Code: 21610, Message: "Attempt to send to unsubscribed recipient"}
	case len(s.script) > 0:
		rep, s.script = s.script[0], s.script[1:]
	}
	s.requests = append(s.requests, m)
	return rep, len(s.requests) - 1
}

func (s *Server) wait(ctx context.Context, rep Reply) {
	if rep.Hold != nil {
		select {
		case <-rep.Hold:
		case <-ctx.Done():
		case <-s.closing:
		}
	}
	if rep.Delay > 0 {
		t := time.NewTimer(rep.Delay)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
		case <-s.closing:
		}
	}
}

// answer writes the reply and returns the status written.
func (s *Server) answer(w http.ResponseWriter, rep Reply, m *Message) int {
	if rep.RetryAfter != "" {
		w.Header().Set("Retry-After", rep.RetryAfter)
	}
	status := rep.Status
	if status == 0 || status/100 == 2 {
		status = http.StatusCreated
	}
	if rep.Body != "" {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(status)
		_, _ = w.Write([]byte(rep.Body))
		return status
	}
	if status != http.StatusCreated {
		code, msg := rep.Code, rep.Message
		if code == 0 {
			code = 20000 + status // 20429, 20500...: Twilio's codes for HTTP errors
		}
		if msg == "" {
			msg = http.StatusText(status)
		}
		writeError(w, status, code, msg)
		return status
	}
	s.mu.Lock()
	s.next++
	m.SID = fmt.Sprintf("SM%032x", s.next)
	s.mu.Unlock()
	writeJSON(w, http.StatusCreated, messageJSON(*m))
	return status
}

// messageJSON is the Message resource as Twilio answers a create.
func messageJSON(m Message) map[string]any {
	now := time.Now().UTC().Format(time.RFC1123Z)
	uri := "/2010-04-01/Accounts/" + m.AccountSID + "/Messages/" + m.SID
	var from, svc any = m.From, nil
	if m.MessagingServiceSID != "" {
		svc = m.MessagingServiceSID
		if m.From == "" {
			from = nil
		}
	}
	return map[string]any{
		"account_sid": m.AccountSID, "api_version": "2010-04-01", "body": m.Body,
		"date_created": now, "date_sent": nil, "date_updated": now, "direction": "outbound-api",
		"error_code": nil, "error_message": nil, "from": from, "messaging_service_sid": svc,
		"num_media": "0", "num_segments": fmt.Sprint(m.Segments), "price": nil, "price_unit": "USD",
		"sid": m.SID, "status": "queued", "to": m.To, "uri": uri + ".json",
		"subresource_uris": map[string]string{"media": uri + "/Media.json", "feedback": uri + "/Feedback.json"},
	}
}

func writeError(w http.ResponseWriter, status, code int, msg string) {
	writeJSON(w, status, map[string]any{
		"code": code, "message": msg, "more_info": fmt.Sprintf("https://www.twilio.com/docs/errors/%d", code), "status": status,
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
