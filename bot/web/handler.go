// Package web is hubbot's own web chat, for the hub's website and for
// demos: a small accessible page (GET /chat) with its script and styles
// embedded (no CDN, no third-party assets, no build step), a JSON POST in
// (/chat/send) and server-sent events out (/chat/events). A visitor is
// an anonymous session cookie; replies reach the page through Sender,
// which stores them in Redis, so any hubbot instance can serve the stream
// and a reconnecting browser misses nothing.
//
// Session ids and message text are never logged.
package web

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/redis/go-redis/v9"

	"github.com/northbrook/hubbot/bot"
	"github.com/northbrook/hubbot/dialog"
)

//go:embed assets
var assets embed.FS

// Limits on what a browser may send.
const (
	maxSendBody  = 16 << 10 // bytes of one POST /chat/send
	maxTextRunes = 2000     // characters of one message
	maxClientID  = 64
)

// Options configure a Chat. Handler, Redis and Secret are required.
type Options struct {
	Handler bot.Handler           // takes each message (dedupe, dialog step, replies into the outbox)
	Redis   redis.UniversalClient // where Sender stores replies
	// Secret is the HMAC key of conversation ids: the same key the dialog
	// uses, so that a session's stream finds the replies the dialog made.
	Secret []byte
	// PublicURL is the URL families reach hubbot at; https makes the
	// session cookie Secure.
	PublicURL string
	Prefix    string       // Redis key prefix, the same as the Sender's; default "hubbot:"
	Log       *slog.Logger // default slog.Default()
	// Heartbeat is the gap between keep-alive comments on an idle
	// stream; default 20s.
	Heartbeat time.Duration
	// Poll is how often a stream re-reads its replies even without a
	// wake-up (a safety net for lost pub/sub messages); default 5s.
	Poll time.Duration
	// HandlerTimeout bounds one Handler call, which runs to its end even
	// if the browser goes away; default 25s.
	HandlerTimeout time.Duration
}

// Chat serves the web chat under /chat. Mount it with
// mux.Handle("/chat", chat) and mux.Handle("/chat/", chat), and run Run
// alongside the server so replies arrive at once.
type Chat struct {
	opts   Options
	rdb    redis.UniversalClient
	log    *slog.Logger
	secure bool
	hub    *hub
	static http.Handler
	page   []byte
}

// New returns a Chat.
func New(opts Options) (*Chat, error) {
	switch {
	case opts.Handler == nil:
		return nil, errors.New("web chat: a Handler is required")
	case opts.Redis == nil:
		return nil, errors.New("web chat: a Redis client is required")
	case len(opts.Secret) == 0:
		return nil, errors.New("web chat: the conversation id secret is required")
	}
	var secure bool
	if opts.PublicURL != "" {
		u, err := url.Parse(opts.PublicURL)
		if err != nil {
			return nil, errors.New("web chat: the public URL does not parse")
		}
		secure = u.Scheme == "https"
	}
	if opts.Prefix == "" {
		opts.Prefix = "hubbot:"
	}
	if opts.Log == nil {
		opts.Log = slog.Default()
	}
	if opts.Heartbeat <= 0 {
		opts.Heartbeat = 20 * time.Second
	}
	if opts.Poll <= 0 {
		opts.Poll = 5 * time.Second
	}
	if opts.HandlerTimeout <= 0 {
		opts.HandlerTimeout = 25 * time.Second
	}
	page, err := assets.ReadFile("assets/chat.html")
	if err != nil {
		return nil, errors.New("web chat: page missing from the build")
	}
	static, err := fs.Sub(assets, "assets/static")
	if err != nil {
		return nil, errors.New("web chat: assets missing from the build")
	}
	return &Chat{
		opts: opts, rdb: opts.Redis, log: opts.Log, secure: secure, hub: newHub(), page: page,
		static: http.StripPrefix("/chat/static/", http.FileServerFS(static)),
	}, nil
}

// ServeHTTP routes /chat (the page), /chat/static/ (its script and
// styles), /chat/send and /chat/events, each with strict security headers.
func (c *Chat) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	securityHeaders(w.Header())
	switch p := r.URL.Path; {
	case p == "/chat":
		c.servePage(w, r)
	case p == "/chat/":
		http.Redirect(w, r, "/chat", http.StatusMovedPermanently)
	case p == "/chat/send":
		c.send(w, r)
	case p == "/chat/events":
		c.events(w, r)
	case strings.HasPrefix(p, "/chat/static/") && !strings.HasSuffix(p, "/"):
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=300")
		c.static.ServeHTTP(w, r)
	default:
		http.NotFound(w, r)
	}
}

// securityHeaders forbids inline script and style, framing by other
// sites, MIME sniffing and referrers.
func securityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "+
		"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "SAMEORIGIN")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
}

func (c *Chat) servePage(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if _, err := c.session(w, r); err != nil {
		c.log.Error("web chat: cannot start a session", "err", err)
		http.Error(w, "cannot start a session", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if r.Method == http.MethodHead {
		return
	}
	_, _ = w.Write(c.page)
}

// sendRequest is the body of POST /chat/send. ID is the browser's own id
// for the message, the same on every retry of it, for dedupe. Kind is
// "text" (default) or "button" (a tapped option; Text is its value).
type sendRequest struct {
	Text string `json:"text"`
	ID   string `json:"id"`
	Kind string `json:"kind,omitempty"`
}

// send takes one message (POST /chat/send) and answers 202 once the
// Handler committed it: 400 bad JSON or fields, 403 cross-site, 413 too
// large, 415 not JSON, 503 store unavailable (retry with the same id),
// 500 anything else.
func (c *Chat) send(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if r.Header.Get("Sec-Fetch-Site") == "cross-site" {
		http.Error(w, "cross-site request refused", http.StatusForbidden)
		return
	}
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct != "application/json" {
		http.Error(w, "send JSON", http.StatusUnsupportedMediaType)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxSendBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "message too large", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "cannot read request", http.StatusBadRequest)
		return
	}
	var req sendRequest
	if err := json.Unmarshal(body, &req); err != nil {
		http.Error(w, "bad JSON", http.StatusBadRequest)
		return
	}
	in, problem := toInbound(req)
	if problem != "" {
		http.Error(w, problem, http.StatusBadRequest)
		return
	}
	sess, err := c.session(w, r)
	if err != nil {
		c.log.Error("web chat: cannot start a session", "err", err)
		http.Error(w, "cannot start a session", http.StatusInternalServerError)
		return
	}
	in.Address = sess
	in.MessageID = "web:" + sess + ":" + req.ID
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), c.opts.HandlerTimeout)
	defer cancel()
	if err := c.opts.Handler.Handle(ctx, in); err != nil {
		if errors.Is(err, dialog.ErrUnavailable) {
			c.log.Warn("web chat: store unavailable; the browser will retry", "err", err)
			w.Header().Set("Retry-After", "2")
			http.Error(w, "temporarily unavailable", http.StatusServiceUnavailable)
			return
		}
		c.log.Error("web chat: handler failed", "kind", string(in.Kind), "err", err)
		http.Error(w, "message not taken", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

// toInbound checks a send request and makes the Inbound, without its
// session; problem says what is wrong, for a 400.
func toInbound(req sendRequest) (in bot.Inbound, problem string) {
	in = bot.Inbound{Channel: dialog.ChannelWeb, Text: strings.TrimSpace(req.Text), Kind: bot.KindText}
	switch req.Kind {
	case "", "text":
	case "button":
		in.Kind = bot.KindButton
	default:
		return in, "kind must be text or button"
	}
	switch {
	case in.Text == "":
		return in, "text is empty"
	case !utf8.ValidString(in.Text):
		return in, "text is not UTF-8"
	case utf8.RuneCountInString(in.Text) > maxTextRunes:
		return in, "text is too long"
	case !validClientID(req.ID):
		return in, "id must be 1-64 letters, digits, - or _"
	}
	return in, ""
}

func validClientID(id string) bool {
	if id == "" || len(id) > maxClientID {
		return false
	}
	for _, c := range []byte(id) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}
