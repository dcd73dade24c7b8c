// Package tgfake is a fake Telegram Bot API for tests: an httptest server
// that speaks the real API's request shapes (multipart form, URL-encoded
// form or JSON, as go-telegram/bot and hubbot's poller send them) and
// response shapes ({"ok":true,"result":...} or {"ok":false,"error_code",
// "description","parameters":{"retry_after"}}). It records the messages
// sent and the callback queries answered, serves queued updates to
// getUpdates with Telegram's offset rules, and fails calls on demand
// (429 with retry_after, 500, 403 "bot was blocked by the user", ...).
package tgfake

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"
)

// Message is one sendMessage the fake accepted.
type Message struct {
	ID        int
	ChatID    string
	Text      string
	ParseMode string
	// Keyboard is the inline keyboard sent with the message, nil if none.
	Keyboard [][]models.InlineKeyboardButton
}

// Answer is one answerCallbackQuery the fake accepted.
type Answer struct {
	CallbackQueryID string
	Text            string
}

// Failure is how the fake fails one call. Body, when set, is sent as is
// (an HTML error page from a proxy, say) instead of the API's JSON.
type Failure struct {
	Status      int
	Description string
	RetryAfter  int // seconds, sent as parameters.retry_after
	Body        string
}

// TooManyRequests is Telegram's flood-control answer.
func TooManyRequests(retryAfter int) Failure {
	return Failure{Status: http.StatusTooManyRequests, RetryAfter: retryAfter,
		Description: "Too Many Requests: retry after " + strconv.Itoa(retryAfter)}
}

// ServerError is a 500 from the Bot API.
func ServerError() Failure {
	return Failure{Status: http.StatusInternalServerError, Description: "Internal Server Error"}
}

// BadGateway is a 502 HTML page from a proxy in front of the Bot API.
func BadGateway() Failure {
	return Failure{Status: http.StatusBadGateway, Body: "<html><body>502 Bad Gateway</body></html>"}
}

// Blocked is the 403 Telegram answers once the user blocked the bot.
func Blocked() Failure {
	return Failure{Status: http.StatusForbidden, Description: "Forbidden: bot was blocked by the user"}
}

// Deactivated is the 403 for a user who deleted their account.
func Deactivated() Failure {
	return Failure{Status: http.StatusForbidden, Description: "Forbidden: user is deactivated"}
}

// BadRequest is a 400 with the given description, e.g. "Bad Request: chat not found".
func BadRequest(description string) Failure {
	return Failure{Status: http.StatusBadRequest, Description: description}
}

// Server is a running fake Bot API. Its methods are safe to call from
// several goroutines.
type Server struct {
	// URL is the server's base URL, for bot.WithServerURL.
	URL string
	// Token is the only bot token the server accepts; others get 401.
	Token string

	srv *httptest.Server

	mu        sync.Mutex
	updates   []queued
	more      chan struct{} // closed and replaced when an update is added
	hold      time.Duration
	offsets   []int64
	sent      []Message
	answered  []Answer
	failures  map[string][]Failure
	calls     map[string]int
	nextMsgID int
	webhook   string
	secret    string
}

type queued struct {
	id  int64
	raw json.RawMessage
}

// New starts a fake for tb, accepting token, and closes it when tb ends.
func New(tb testing.TB, token string) *Server {
	tb.Helper()
	s := &Server{
		Token:    token,
		more:     make(chan struct{}),
		hold:     200 * time.Millisecond,
		failures: map[string][]Failure{},
		calls:    map[string]int{},
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.srv.URL
	tb.Cleanup(s.srv.Close)
	return s
}

// Client is an HTTP client for the fake.
func (s *Server) Client() *http.Client { return s.srv.Client() }

// SetHold sets how long an empty getUpdates waits for an update (at most
// the timeout the caller asked for); default 200ms.
func (s *Server) SetHold(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hold = d
}

// Fail makes the next calls of method ("sendMessage", "getUpdates", ...)
// fail, one Failure per call, in order.
func (s *Server) Fail(method string, fs ...Failure) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failures[method] = append(s.failures[method], fs...)
}

// AddUpdate queues one update, given as the JSON Telegram would send; it
// must carry an update_id.
func (s *Server) AddUpdate(tb testing.TB, raw string) {
	tb.Helper()
	var head struct {
		ID int64 `json:"update_id"`
	}
	if err := json.Unmarshal([]byte(raw), &head); err != nil {
		tb.Fatalf("tgfake: update is not JSON with an update_id: %v", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.updates = append(s.updates, queued{id: head.ID, raw: json.RawMessage(raw)})
	close(s.more)
	s.more = make(chan struct{})
}

// Pending is how many queued updates are not yet confirmed (a getUpdates
// with a higher offset confirms them).
func (s *Server) Pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.updates)
}

// Offsets lists the offset of every getUpdates call, in order.
func (s *Server) Offsets() []int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]int64(nil), s.offsets...)
}

// Sent lists the messages accepted, in order.
func (s *Server) Sent() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.sent...)
}

// Answered lists the callback queries answered, in order.
func (s *Server) Answered() []Answer {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Answer(nil), s.answered...)
}

// Calls is how many times method was called, failed calls included.
func (s *Server) Calls(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[method]
}

// Webhook returns the URL and secret token of the last setWebhook ("" after deleteWebhook).
func (s *Server) Webhook() (url, secret string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.webhook, s.secret
}

// WaitSent waits up to d for at least n messages and returns them all;
// the test fails if they do not arrive.
func (s *Server) WaitSent(tb testing.TB, n int, d time.Duration) []Message {
	tb.Helper()
	deadline := time.Now().Add(d)
	for {
		if got := s.Sent(); len(got) >= n {
			return got
		}
		if time.Now().After(deadline) {
			tb.Fatalf("tgfake: %d messages sent after %s, want %d", len(s.Sent()), d, n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	rest, ok := strings.CutPrefix(r.URL.Path, "/bot")
	token, method, ok2 := strings.Cut(rest, "/")
	if !ok || !ok2 || method == "" {
		writeError(w, Failure{Status: http.StatusNotFound, Description: "Not Found"})
		return
	}
	if token != s.Token {
		writeError(w, Failure{Status: http.StatusUnauthorized, Description: "Unauthorized"})
		return
	}
	s.mu.Lock()
	s.calls[method]++
	var fail *Failure
	if fs := s.failures[method]; len(fs) > 0 {
		fail, s.failures[method] = &fs[0], fs[1:]
	}
	s.mu.Unlock()
	if fail != nil {
		writeError(w, *fail)
		return
	}
	p, err := params(r)
	if err != nil {
		writeError(w, BadRequest("Bad Request: "+err.Error()))
		return
	}
	switch method {
	case "getMe":
		writeResult(w, models.User{ID: 1, IsBot: true, FirstName: "Hub", Username: "fake_hub_bot"})
	case "sendMessage":
		s.sendMessage(w, p)
	case "answerCallbackQuery":
		if p["callback_query_id"] == "" {
			writeError(w, BadRequest("Bad Request: query id is empty"))
			return
		}
		s.mu.Lock()
		s.answered = append(s.answered, Answer{CallbackQueryID: p["callback_query_id"], Text: p["text"]})
		s.mu.Unlock()
		writeResult(w, true)
	case "getUpdates":
		s.getUpdates(w, r, p)
	case "setWebhook":
		s.mu.Lock()
		s.webhook, s.secret = p["url"], p["secret_token"]
		s.mu.Unlock()
		writeResult(w, true)
	case "deleteWebhook":
		s.mu.Lock()
		s.webhook, s.secret = "", ""
		s.mu.Unlock()
		writeResult(w, true)
	default:
		writeError(w, Failure{Status: http.StatusNotFound, Description: "Not Found: method not found"})
	}
}

func (s *Server) sendMessage(w http.ResponseWriter, p map[string]string) {
	chatID, err := strconv.ParseInt(p["chat_id"], 10, 64)
	if err != nil {
		writeError(w, BadRequest("Bad Request: chat not found"))
		return
	}
	if strings.TrimSpace(p["text"]) == "" {
		writeError(w, BadRequest("Bad Request: message text is empty"))
		return
	}
	m := Message{ChatID: p["chat_id"], Text: p["text"], ParseMode: p["parse_mode"]}
	if rm := p["reply_markup"]; rm != "" {
		var kb models.InlineKeyboardMarkup
		if err := json.Unmarshal([]byte(rm), &kb); err != nil {
			writeError(w, BadRequest("Bad Request: can't parse reply keyboard markup JSON object"))
			return
		}
		for _, row := range kb.InlineKeyboard {
			for _, b := range row {
				if len(b.CallbackData) > 64 {
					writeError(w, BadRequest("Bad Request: BUTTON_DATA_INVALID"))
					return
				}
			}
		}
		m.Keyboard = kb.InlineKeyboard
	}
	s.mu.Lock()
	s.nextMsgID++
	m.ID = s.nextMsgID
	s.sent = append(s.sent, m)
	s.mu.Unlock()
	writeResult(w, models.Message{ID: m.ID, Date: int(time.Now().Unix()),
		Chat: models.Chat{ID: chatID, Type: models.ChatTypePrivate}, Text: m.Text})
}

// getUpdates confirms every update below offset, then returns those from
// offset on, holding an empty answer for a while as long polling does.
func (s *Server) getUpdates(w http.ResponseWriter, r *http.Request, p map[string]string) {
	offset, _ := strconv.ParseInt(p["offset"], 10, 64)
	timeout, _ := strconv.Atoi(p["timeout"])
	limit, _ := strconv.Atoi(p["limit"])
	if limit <= 0 || limit > 100 {
		limit = 100
	}
	s.mu.Lock()
	s.offsets = append(s.offsets, offset)
	hold := min(time.Duration(timeout)*time.Second, s.hold)
	s.mu.Unlock()
	deadline := time.NewTimer(hold)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		if offset > 0 {
			kept := s.updates[:0]
			for _, u := range s.updates {
				if u.id >= offset {
					kept = append(kept, u)
				}
			}
			s.updates = kept
		}
		var out []json.RawMessage
		for _, u := range s.updates {
			if len(out) < limit {
				out = append(out, u.raw)
			}
		}
		more := s.more
		s.mu.Unlock()
		if len(out) > 0 {
			writeResult(w, out)
			return
		}
		select {
		case <-more:
		case <-deadline.C:
			writeResult(w, []json.RawMessage{})
			return
		case <-r.Context().Done():
			return
		}
	}
}

// params reads a call's parameters from the query and from a multipart
// form, a URL-encoded form or a JSON object, as the Bot API accepts them.
// JSON values that are not strings are kept as their JSON text.
func params(r *http.Request) (map[string]string, error) {
	out := map[string]string{}
	for k, v := range r.URL.Query() {
		out[k] = v[0]
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case "multipart/form-data":
		if err := r.ParseMultipartForm(1 << 20); err != nil {
			return nil, fmt.Errorf("multipart: %w", err)
		}
		for k, v := range r.MultipartForm.Value {
			out[k] = v[0]
		}
	case "application/json":
		var m map[string]json.RawMessage
		if err := json.NewDecoder(r.Body).Decode(&m); err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("json: %w", err)
		}
		for k, v := range m {
			var str string
			if json.Unmarshal(v, &str) == nil {
				out[k] = str
			} else {
				out[k] = string(v)
			}
		}
	case "application/x-www-form-urlencoded":
		if err := r.ParseForm(); err != nil {
			return nil, fmt.Errorf("form: %w", err)
		}
		for k, v := range r.PostForm {
			out[k] = v[0]
		}
	}
	return out, nil
}

func writeResult(w http.ResponseWriter, result any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{"ok": true, "result": result})
}

func writeError(w http.ResponseWriter, f Failure) {
	if f.Body != "" {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(f.Status)
		_, _ = w.Write([]byte(f.Body))
		return
	}
	body := map[string]any{"ok": false, "error_code": f.Status, "description": f.Description}
	if f.RetryAfter > 0 {
		body["parameters"] = map[string]any{"retry_after": f.RetryAfter}
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(f.Status)
	_ = json.NewEncoder(w).Encode(body)
}
