package web

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
)

// CookieName is the web chat's anonymous session cookie.
const CookieName = "hubbot_chat"

// sessionLen is the length of a session id: 128 random bits in hex.
const sessionLen = 32

// newSession returns a fresh random session id.
func newSession() (string, error) {
	var b [sessionLen / 2]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("web session: %w", err)
	}
	return hex.EncodeToString(b[:]), nil
}

// validSession reports whether s looks like an id newSession made, so a
// forged cookie cannot carry arbitrary text into keys and logs.
func validSession(s string) bool {
	if len(s) != sessionLen {
		return false
	}
	for _, c := range []byte(s) {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// session returns the request's session id, starting a new session (and
// setting its cookie on w) when there is none or it is malformed. The
// cookie is HttpOnly, SameSite=Lax, Secure when the public URL is https,
// scoped to /chat, and lasts as long as the browser session: on a shared
// device, closing the browser ends the conversation's visibility.
func (c *Chat) session(w http.ResponseWriter, r *http.Request) (string, error) {
	if ck, err := r.Cookie(CookieName); err == nil && validSession(ck.Value) {
		return ck.Value, nil
	}
	id, err := newSession()
	if err != nil {
		return "", err
	}
	http.SetCookie(w, &http.Cookie{
		Name:     CookieName,
		Value:    id,
		Path:     "/chat",
		HttpOnly: true,
		Secure:   c.secure,
		SameSite: http.SameSiteLaxMode,
	})
	return id, nil
}
