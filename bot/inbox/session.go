package inbox

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// DefaultSessionTTL is how long a login lasts: a working day.
const DefaultSessionTTL = 10 * time.Hour

// session is one login, kept in Redis under the hash of its id so that a
// copy of the database holds no usable session id.
type session struct {
	Email   string    `json:"email"`
	Gen     int64     `json:"gen"`  // the account's generation at login
	CSRF    string    `json:"csrf"` // the token every form of this session carries
	Created time.Time `json:"created"`
	Expires time.Time `json:"expires"`
}

// newToken returns 256 random bits, base64url.
func newToken() (string, error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("random token: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b[:]), nil
}

func (a *Accounts) sessKey(id string) string {
	sum := sha256.Sum256([]byte(id))
	return a.opts.Prefix + "staff:sess:" + hex.EncodeToString(sum[:])
}

// createSession starts a session for acct lasting ttl and returns its id.
func (a *Accounts) createSession(ctx context.Context, acct Account, ttl time.Duration) (string, session, error) {
	id, err := newToken()
	if err != nil {
		return "", session{}, fmt.Errorf("inbox: create session: %w", err)
	}
	csrf, err := newToken()
	if err != nil {
		return "", session{}, fmt.Errorf("inbox: create session: %w", err)
	}
	now := a.opts.Now()
	s := session{Email: acct.Email, Gen: acct.Generation, CSRF: csrf, Created: now, Expires: now.Add(ttl)}
	b, err := json.Marshal(s)
	if err != nil {
		return "", session{}, fmt.Errorf("inbox: create session: %w", err)
	}
	if err := a.rdb.Set(ctx, a.sessKey(id), b, ttl).Err(); err != nil {
		return "", session{}, fmt.Errorf("inbox: create session: %w", unavailable(err))
	}
	return id, s, nil
}

// errNoSession is returned for a session that is missing, expired, or whose
// account was disabled or reset since.
func errNoSession() error { return Errorf(EUNAUTHORIZED, "Please sign in.") }

// loadSession returns the session with id and its account, checking the
// account is still enabled and unchanged since the login.
func (a *Accounts) loadSession(ctx context.Context, id string) (session, Account, error) {
	if id == "" {
		return session{}, Account{}, errNoSession()
	}
	b, err := a.rdb.Get(ctx, a.sessKey(id)).Bytes()
	switch {
	case errors.Is(err, redis.Nil):
		return session{}, Account{}, errNoSession()
	case err != nil:
		return session{}, Account{}, fmt.Errorf("inbox: load session: %w", unavailable(err))
	}
	var s session
	if err := json.Unmarshal(b, &s); err != nil {
		return session{}, Account{}, fmt.Errorf("inbox: load session: %w", err)
	}
	if !a.opts.Now().Before(s.Expires) {
		return session{}, Account{}, errNoSession()
	}
	acct, err := a.load(ctx, a.rdb, s.Email)
	switch {
	case ErrorCode(err) == ENOTFOUND:
		return session{}, Account{}, errNoSession()
	case err != nil:
		return session{}, Account{}, fmt.Errorf("inbox: load session: %w", err)
	}
	if acct.Disabled || acct.Generation != s.Gen {
		return session{}, Account{}, errNoSession()
	}
	return s, acct, nil
}

// deleteSession ends a session.
func (a *Accounts) deleteSession(ctx context.Context, id string) error {
	if id == "" {
		return nil
	}
	if err := a.rdb.Del(ctx, a.sessKey(id)).Err(); err != nil {
		return fmt.Errorf("inbox: delete session: %w", unavailable(err))
	}
	return nil
}
