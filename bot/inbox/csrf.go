package inbox

import (
	"crypto/subtle"
	"net/http"
	"time"
)

// csrfField is the form field that carries the CSRF token.
const csrfField = "csrf"

// loginCookie carries the login form's CSRF token before there is a
// session (a double-submit cookie).
const loginCookie = "hubbot_staff_login"

// tokenEqual compares two tokens in constant time; an empty token never
// matches.
func tokenEqual(got, want string) bool {
	return got != "" && want != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

// checkCSRF reports whether the POSTed form carries the session's token.
func checkCSRF(r *http.Request, s session) bool {
	return tokenEqual(r.PostFormValue(csrfField), s.CSRF)
}

// loginToken returns the login form's token, setting a fresh cookie for it
// when the browser has none.
func (h *handler) loginToken(w http.ResponseWriter, r *http.Request) (string, error) {
	if c, err := r.Cookie(loginCookie); err == nil && len(c.Value) == 43 {
		return c.Value, nil
	}
	tok, err := newToken()
	if err != nil {
		return "", err
	}
	http.SetCookie(w, &http.Cookie{
		Name: loginCookie, Value: tok, Path: mount + "/login",
		MaxAge: int((time.Hour).Seconds()), HttpOnly: true, Secure: h.secure, SameSite: http.SameSiteStrictMode,
	})
	return tok, nil
}

// checkLoginCSRF reports whether a login POST carries its cookie's token.
func checkLoginCSRF(r *http.Request) bool {
	c, err := r.Cookie(loginCookie)
	if err != nil {
		return false
	}
	return tokenEqual(r.PostFormValue(csrfField), c.Value)
}
