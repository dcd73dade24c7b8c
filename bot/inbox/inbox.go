// Package inbox is the staff inbox hubbot serves under /staff: named
// practitioners log in, see the families the bot handed over (urgent ones
// first, live), read the whole story, reply through the family's own
// channel, keep internal notes, claim, reassign, hand back and close
// conversations, and read the unmet-need and outcome reports. Leads see
// everything and read the audit trail.
//
// Accounts, sessions and the audit trail are kept in Redis (Accounts,
// Audit). The conversations themselves come through the Conversations
// interface, which the dialog engine satisfies through a small adapter.
// Pages are html/template with embedded, vendored plain JavaScript and CSS:
// no CDN, no build step, and a strict Content-Security-Policy.
package inbox

import (
	"bytes"
	"context"
	"embed"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/northbrook/hubbot/content"
	"github.com/northbrook/hubbot/dialog"
)

// mount is where the inbox is served: hand New's handler "/staff/" (and
// "/staff") of the server's mux, without stripping the prefix.
const mount = "/staff"

// The outcomes a practitioner closes a conversation with.
const (
	OutcomeSignposted   = "signposted"
	OutcomeReferred     = "referred"
	OutcomeSafeguarding = "safeguarding-referral"
	OutcomeNoContact    = "no-contact"
)

// Conversations is what the inbox needs of the dialog: the staff queue,
// conversations and transcripts to read, the staff actions, and the
// records for the reports. The engine satisfies it through an adapter.
//
// Errors: an error wrapping dialog.ErrNotFound is shown as 404 and one
// wrapping dialog.ErrUnavailable as 503; return an *Error (Errorf) for a
// refusal the practitioner should read, such as Errorf(ECONFLICT, "The
// family has stopped messages."); anything else is logged and shown as
// "Internal error.".
type Conversations interface {
	// Queue lists the conversations waiting for or held by a
	// practitioner: urgent first, then longest waiting.
	Queue(ctx context.Context) ([]dialog.QueueItem, error)
	// Load returns a conversation by id.
	Load(ctx context.Context, id string) (dialog.Conversation, error)
	// Transcript returns the kept transcript, oldest first, internal
	// notes included.
	Transcript(ctx context.Context, id string) ([]dialog.Entry, error)
	// Reply sends text to the family through their own channel (taking
	// the conversation for practitionerID if it was not theirs).
	Reply(ctx context.Context, id, practitionerID, text string) error
	// Note adds an internal note, never sent to the family.
	Note(ctx context.Context, id, practitionerID, text string) error
	// Claim gives the conversation to practitionerID; the bot goes quiet.
	Claim(ctx context.Context, id, practitionerID string) error
	// Reassign gives the conversation to toID, at the request of byID (a lead).
	Reassign(ctx context.Context, id, byID, toID string) error
	// HandBack returns the family to the bot and takes them off the queue.
	HandBack(ctx context.Context, id, practitionerID string) error
	// Close ends the conversation with an outcome (one of the Outcome
	// constants) and takes it off the queue.
	Close(ctx context.Context, id, practitionerID, outcome string) error
	// FlagRisk adds a risk flag such as "risk:neglect" ("risk:" and one of
	// the safeguarding categories), which makes the conversation urgent.
	FlagRisk(ctx context.Context, id, practitionerID, flag string) error
	// Unmet returns the recorded unmet needs.
	Unmet(ctx context.Context) ([]dialog.UnmetNeed, error)
	// Outcomes returns the recorded check-in outcomes.
	Outcomes(ctx context.Context) ([]dialog.Outcome, error)
}

// DefaultPollInterval is how often a live page's event stream looks at the
// queue.
const DefaultPollInterval = time.Second

// Options configure the inbox. Conversations, Accounts and Audit are
// required: without them every request is refused.
type Options struct {
	Conversations Conversations
	Accounts      *Accounts
	// Directory names the practitioners and their skills.
	Directory content.Directory
	Audit     *Audit
	// PublicURL is where the inbox is reached; an https URL makes the
	// session cookie Secure and adds Strict-Transport-Security.
	PublicURL string
	Log       *slog.Logger
	// Now tells the time (time.Now).
	Now func() time.Time
	// SessionTTL is how long a login lasts (DefaultSessionTTL).
	SessionTTL time.Duration
	// PollInterval is how often live pages look for changes (1s).
	PollInterval time.Duration
	// ServiceName, when set, names an offered service id in summaries.
	ServiceName func(id string) string
}

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

// sessionCookie names the session cookie.
const sessionCookie = "hubbot_staff"

// maxForm bounds a POSTed form.
const maxForm = 64 << 10

// handler is the inbox.
type handler struct {
	conv    Conversations
	acc     *Accounts
	audit   *Audit
	dir     content.Directory
	log     *slog.Logger
	now     func() time.Time
	loc     *time.Location
	secure  bool
	ttl     time.Duration
	poll    time.Duration
	svcName func(string) string
	pages   map[string]*template.Template
	mux     *http.ServeMux
}

// New returns the inbox's handler, to be mounted at "/staff/" and
// "/staff" without stripping the prefix. Every response carries the
// security headers. A handler missing Conversations, Accounts or Audit
// refuses every request with 503 rather than serve without them.
func New(o Options) http.Handler {
	h := &handler{
		conv: o.Conversations, acc: o.Accounts, audit: o.Audit, dir: o.Directory,
		log: o.Log, now: o.Now, ttl: o.SessionTTL, poll: o.PollInterval, svcName: o.ServiceName,
	}
	if h.log == nil {
		h.log = slog.New(slog.DiscardHandler)
	}
	if h.now == nil {
		h.now = time.Now
	}
	if h.ttl <= 0 {
		h.ttl = DefaultSessionTTL
	}
	if h.poll <= 0 {
		h.poll = DefaultPollInterval
	}
	if u, err := url.Parse(o.PublicURL); err == nil && u.Scheme == "https" {
		h.secure = true
	}
	h.loc = london()
	pages, err := parsePages(h.loc)
	if err != nil || h.conv == nil || h.acc == nil || h.audit == nil {
		h.log.Error("staff inbox not configured: refusing every request",
			"conversations", h.conv != nil, "accounts", h.acc != nil, "audit", h.audit != nil, "err", err)
		return securityHeaders(h.secure, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "The staff inbox is not configured.", http.StatusServiceUnavailable)
		}))
	}
	h.pages = pages
	h.routes()
	return securityHeaders(h.secure, h.mux)
}

// routes registers every page and action.
func (h *handler) routes() {
	m := http.NewServeMux()
	static, _ := fs.Sub(staticFiles, "static")
	m.Handle("GET "+mount+"/static/", http.StripPrefix(mount+"/static/", cacheStatic(http.FileServerFS(static))))
	m.HandleFunc("GET "+mount, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, mount+"/", http.StatusSeeOther)
	})
	m.HandleFunc("GET "+mount+"/login", h.loginPage)
	m.HandleFunc("POST "+mount+"/login", h.loginSubmit)
	m.HandleFunc("POST "+mount+"/logout", h.authed(h.logout))
	m.HandleFunc("GET "+mount+"/{$}", h.authed(h.queuePage))
	m.HandleFunc("GET "+mount+"/queue", h.authed(h.queueFragment))
	m.HandleFunc("GET "+mount+"/events", h.authed(h.events))
	m.HandleFunc("GET "+mount+"/c/{id}", h.authed(h.conversationPage))
	m.HandleFunc("GET "+mount+"/c/{id}/live", h.authed(h.conversationFragment))
	m.HandleFunc("POST "+mount+"/c/{id}/{action}", h.authed(h.conversationAction))
	m.HandleFunc("GET "+mount+"/reports", h.authed(h.reportsPage))
	m.HandleFunc("GET "+mount+"/reports/{name}", h.authed(h.reportCSV))
	m.HandleFunc("GET "+mount+"/audit", h.authed(h.auditPage))
	m.HandleFunc(mount+"/", h.authed(func(w http.ResponseWriter, r *http.Request, u *user) {
		h.fail(w, r, u, Errorf(ENOTFOUND, "There is no such page."))
	}))
	h.mux = m
}

// cacheStatic lets browsers keep the vendored assets for an hour.
func cacheStatic(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "private, max-age=3600")
		next.ServeHTTP(w, r)
	})
}

// user is the signed-in member of staff making a request.
type user struct {
	sid  string
	sess session
	acct Account
	prac content.Practitioner // zero when the directory does not hold them
}

// Lead reports whether the user is a lead.
func (u *user) Lead() bool { return u != nil && u.acct.IsLead() }

// Role is the user's role, for the page header.
func (u *user) Role() Role { return u.acct.Role }

// Name is how the user is shown.
func (u *user) Name() string {
	if u.prac.Name != "" {
		return u.prac.Name
	}
	return u.acct.Email
}

// isBackground reports whether a request comes from the pages' scripts
// (fragments, the event stream), which get a status rather than a redirect.
func isBackground(r *http.Request) bool {
	return r.Header.Get("X-Hubbot-Fragment") != "" || strings.Contains(r.Header.Get("Accept"), "text/event-stream")
}

// authed wraps a page: it needs a valid session (otherwise a redirect to
// the login page, or 401 for a script), and a POST must carry the
// session's CSRF token (otherwise 403).
func (h *handler) authed(fn func(w http.ResponseWriter, r *http.Request, u *user)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var sid string
		if c, err := r.Cookie(sessionCookie); err == nil {
			sid = c.Value
		}
		s, acct, err := h.acc.loadSession(r.Context(), sid)
		if err != nil {
			if ErrorCode(err) != EUNAUTHORIZED {
				h.fail(w, r, nil, err)
				return
			}
			if isBackground(r) {
				http.Error(w, "Please sign in.", http.StatusUnauthorized)
				return
			}
			next := ""
			if r.Method == http.MethodGet {
				next = "?next=" + url.QueryEscape(r.URL.RequestURI())
			}
			http.Redirect(w, r, mount+"/login"+next, http.StatusSeeOther)
			return
		}
		u := &user{sid: sid, sess: s, acct: acct}
		u.prac, _ = findPractitioner(h.dir, acct.PractitionerID)
		if r.Method == http.MethodPost {
			r.Body = http.MaxBytesReader(w, r.Body, maxForm)
			if err := r.ParseForm(); err != nil {
				h.fail(w, r, u, Errorf(EINVALID, "The form could not be read."))
				return
			}
			if !checkCSRF(r, s) {
				h.fail(w, r, u, Errorf(EFORBIDDEN, "The form has expired. Go back, reload the page and try again."))
				return
			}
		}
		fn(w, r, u)
	}
}

// pageData is what every page template gets.
type pageData struct {
	Title string
	User  *user
	CSRF  string
	Flash string
	Error string
	Data  any
}

// parsePages parses each page with the layout and shared parts.
func parsePages(loc *time.Location) (map[string]*template.Template, error) {
	names := []string{"login", "queue", "conversation", "reports", "audit", "error"}
	pages := make(map[string]*template.Template, len(names))
	for _, n := range names {
		t, err := template.New(n).Funcs(funcs(loc)).ParseFS(templateFiles,
			"templates/layout.html", "templates/parts.html", "templates/"+n+".html")
		if err != nil {
			return nil, err
		}
		pages[n] = t
	}
	return pages, nil
}

// funcs returns the template helpers; times show in loc.
func funcs(loc *time.Location) template.FuncMap {
	return template.FuncMap{
		"clock": func(t time.Time) string { return t.In(loc).Format("Mon 2 Jan 15:04") },
		"iso":   func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
		"join":  strings.Join,
		"counts": func(caption, heading string, rows []count) countTable {
			return countTable{Caption: caption, Heading: heading, Rows: rows}
		},
	}
}

// london returns the hub's time zone; the UTC fallback keeps the inbox
// working where the zone database is missing.
func london() *time.Location {
	if l, err := time.LoadLocation("Europe/London"); err == nil {
		return l
	}
	return time.UTC
}

// render executes a page (or one of its named parts, for fragments) into
// a buffer first, so a failure never sends half a page.
func (h *handler) render(w http.ResponseWriter, r *http.Request, status int, page, part string, d pageData) {
	t := h.pages[page]
	if d.User != nil {
		d.CSRF = d.User.sess.CSRF
	}
	if part == "" {
		part = "layout"
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, part, d); err != nil {
		h.log.ErrorContext(r.Context(), "staff inbox: render", "page", page, "part", part, "err", err)
		http.Error(w, "Internal error.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// fail answers an error wtf-style: its code picks the status, and the page
// shows its message, or "Internal error." for anything unexpected, which
// alone is logged.
func (h *handler) fail(w http.ResponseWriter, r *http.Request, u *user, err error) {
	code := ErrorCode(err)
	status := statusOf(code)
	if code == EINTERNAL || code == EUNAVAILABLE {
		h.log.ErrorContext(r.Context(), "staff inbox: request failed",
			"method", r.Method, "route", routeOf(r), "conv", r.PathValue("id"), "err", err)
	}
	msg := ErrorMessage(err)
	if isBackground(r) {
		http.Error(w, msg, status)
		return
	}
	h.render(w, r, status, "error", "", pageData{Title: http.StatusText(status), User: u, Error: msg})
}

// routeOf names the request's route without ids, for logs.
func routeOf(r *http.Request) string {
	if r.Pattern != "" {
		return r.Pattern
	}
	return r.Method
}

// record writes an audit entry for u, logging (never showing) a failure.
func (h *handler) record(ctx context.Context, u *user, action, convID, detail string) error {
	e := AuditEntry{Actor: u.acct.Email, PractitionerID: u.acct.PractitionerID, Action: action, ConvID: convID, Detail: detail}
	if err := h.audit.Record(ctx, e); err != nil {
		h.log.ErrorContext(ctx, "staff inbox: audit write failed", "action", action, "conv", convID, "err", err)
		return err
	}
	return nil
}
