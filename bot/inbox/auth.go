package inbox

import (
	"net/http"
	"net/mail"
	"strings"
)

// loginData is the login page's.
type loginData struct {
	Email string
	Next  string
	Token string
}

// safeNext returns next when it is a path inside the inbox, and the queue
// otherwise, so the login page cannot redirect anywhere else.
func safeNext(next string) string {
	if strings.HasPrefix(next, mount+"/") && !strings.HasPrefix(next, "//") &&
		!strings.ContainsAny(next, "\\\r\n") && !strings.HasPrefix(next, mount+"/login") {
		return next
	}
	return mount + "/"
}

// loginPage shows the login form (or goes to the queue when signed in).
func (h *handler) loginPage(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil {
		if _, _, err := h.acc.loadSession(r.Context(), c.Value); err == nil {
			http.Redirect(w, r, safeNext(r.URL.Query().Get("next")), http.StatusSeeOther)
			return
		}
	}
	tok, err := h.loginToken(w, r)
	if err != nil {
		h.fail(w, r, nil, err)
		return
	}
	flash := ""
	if r.URL.Query().Get("done") == "signed-out" {
		flash = "You have signed out."
	}
	h.render(w, r, http.StatusOK, "login", "", pageData{
		Title: "Sign in", Flash: flash,
		Data: loginData{Next: safeNext(r.URL.Query().Get("next")), Token: tok},
	})
}

// loginSubmit checks the email and password and starts a session.
func (h *handler) loginSubmit(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, nil, Errorf(EINVALID, "The form could not be read."))
		return
	}
	if !checkLoginCSRF(r) {
		h.fail(w, r, nil, Errorf(EFORBIDDEN, "The form has expired. Reload the page and try again."))
		return
	}
	email := strings.TrimSpace(r.PostFormValue("email"))
	next := safeNext(r.PostFormValue("next"))
	acct, err := h.acc.Authenticate(r.Context(), email, r.PostFormValue("password"))
	if err != nil {
		code := ErrorCode(err)
		if code == EINTERNAL || code == EUNAVAILABLE {
			h.fail(w, r, nil, err)
			return
		}
		// the attempted email is audited only when it looks like one, so a
		// password typed into the wrong box is never kept
		actor := "(not an email)"
		if a, perr := mail.ParseAddress(email); perr == nil && a.Name == "" {
			actor = strings.ToLower(a.Address)
		}
		if aerr := h.audit.Record(r.Context(), AuditEntry{Actor: actor, Action: ActionLoginFailed, Detail: code}); aerr != nil {
			h.log.ErrorContext(r.Context(), "staff inbox: audit write failed", "action", ActionLoginFailed, "err", aerr)
		}
		tok, terr := h.loginToken(w, r)
		if terr != nil {
			h.fail(w, r, nil, terr)
			return
		}
		h.render(w, r, statusOf(code), "login", "", pageData{
			Title: "Sign in", Error: ErrorMessage(err),
			Data: loginData{Email: email, Next: next, Token: tok},
		})
		return
	}
	sid, s, err := h.acc.createSession(r.Context(), acct, h.ttl)
	if err != nil {
		h.fail(w, r, nil, err)
		return
	}
	u := &user{sid: sid, sess: s, acct: acct}
	if err := h.record(r.Context(), u, ActionLogin, "", ""); err != nil {
		_ = h.acc.deleteSession(r.Context(), sid)
		h.fail(w, r, nil, err)
		return
	}
	http.SetCookie(w, &http.Cookie{
		Name: sessionCookie, Value: sid, Path: mount, MaxAge: int(h.ttl.Seconds()),
		HttpOnly: true, Secure: h.secure, SameSite: http.SameSiteStrictMode,
	})
	http.SetCookie(w, &http.Cookie{Name: loginCookie, Path: mount + "/login", MaxAge: -1, HttpOnly: true, Secure: h.secure, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// logout ends the session.
func (h *handler) logout(w http.ResponseWriter, r *http.Request, u *user) {
	if err := h.acc.deleteSession(r.Context(), u.sid); err != nil {
		h.fail(w, r, u, err)
		return
	}
	_ = h.record(r.Context(), u, ActionLogout, "", "")
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Path: mount, MaxAge: -1, HttpOnly: true, Secure: h.secure, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, mount+"/login?done=signed-out", http.StatusSeeOther)
}
