package inbox

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/mail"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/redis/go-redis/v9"
	"golang.org/x/crypto/bcrypt"

	"github.com/northbrook/hubbot/content"
	"github.com/northbrook/hubbot/dialog"
)

// Role is what a staff account may do in the inbox.
type Role string

// The roles of a staff account.
const (
	// RolePractitioner sees the conversations assigned to them and the
	// unassigned ones that fit their skills.
	RolePractitioner Role = "practitioner"
	// RoleLead sees everything, reassigns and reads the audit trail.
	RoleLead Role = "lead"
)

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return r == RolePractitioner || r == RoleLead }

// Defaults for AccountsOptions' zero fields.
const (
	DefaultMaxFailures    = 5
	DefaultLockout        = 15 * time.Minute
	DefaultMinPasswordLen = 12
	DefaultPrefix         = "hubbot:"
)

// maxPasswordLen is bcrypt's limit: it ignores bytes beyond 72.
const maxPasswordLen = 72

// Account is one member of staff who can log in to the inbox, linked to a
// practitioner of the content directory.
type Account struct {
	Email          string
	Role           Role
	PractitionerID string
	Disabled       bool
	Created        time.Time
	// Generation changes on every reset and disable; sessions made before
	// it changed are no longer valid.
	Generation int64
}

// IsLead reports whether the account has the lead role.
func (a Account) IsLead() bool { return a.Role == RoleLead }

// AccountsOptions tune Accounts; zero fields take the defaults.
type AccountsOptions struct {
	// Prefix starts every Redis key ("hubbot:"); tests use their own.
	Prefix string
	// BcryptCost is the bcrypt work factor (bcrypt.DefaultCost); tests may
	// use bcrypt.MinCost.
	BcryptCost int
	// MaxFailures is how many failed logins lock an account (5).
	MaxFailures int
	// Lockout is how long a locked account stays locked (15 minutes).
	Lockout time.Duration
	// MinPasswordLen is the shortest password Add and Reset accept (12).
	MinPasswordLen int
	// Directory, when it lists practitioners, is checked by Add: an
	// account must link to a practitioner it holds.
	Directory content.Directory
	// Now tells the time (time.Now).
	Now func() time.Time
}

// Accounts keeps staff accounts, failed-login counters and sessions in
// Redis:
//
//	<prefix>staff:acct:<email>     the account (hash: email, hash, role, pid, disabled, created, gen)
//	<prefix>staff:fail:<sha256>    failed logins for an email (counter with the lockout TTL)
//	<prefix>staff:sess:<sha256>    a session, by the hash of its id (JSON, with its TTL)
//
// Accounts do not expire; sessions and counters do.
type Accounts struct {
	rdb       redis.UniversalClient
	opts      AccountsOptions
	dummyHash []byte // compared against for unknown emails, so timing tells nothing
	attempt   *redis.Script
}

// NewAccounts returns Accounts kept in rdb.
func NewAccounts(rdb redis.UniversalClient, opts AccountsOptions) (*Accounts, error) {
	if rdb == nil {
		return nil, errors.New("inbox: accounts: no redis client")
	}
	if opts.Prefix == "" {
		opts.Prefix = DefaultPrefix
	}
	if opts.BcryptCost == 0 {
		opts.BcryptCost = bcrypt.DefaultCost
	}
	if opts.MaxFailures <= 0 {
		opts.MaxFailures = DefaultMaxFailures
	}
	if opts.Lockout <= 0 {
		opts.Lockout = DefaultLockout
	}
	if opts.MinPasswordLen <= 0 {
		opts.MinPasswordLen = DefaultMinPasswordLen
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	dummy, err := bcrypt.GenerateFromPassword([]byte("not a real password, only for timing"), opts.BcryptCost)
	if err != nil {
		return nil, fmt.Errorf("inbox: accounts: %w", err)
	}
	return &Accounts{rdb: rdb, opts: opts, dummyHash: dummy, attempt: redis.NewScript(attemptLua)}, nil
}

func (a *Accounts) acctKey(email string) string { return a.opts.Prefix + "staff:acct:" + email }

func (a *Accounts) failKey(email string) string {
	sum := sha256.Sum256([]byte(email))
	return a.opts.Prefix + "staff:fail:" + hex.EncodeToString(sum[:16])
}

// normEmail trims and lower-cases an email and checks it is one address.
func normEmail(email string) (string, error) {
	e := strings.ToLower(strings.TrimSpace(email))
	addr, err := mail.ParseAddress(e)
	if err != nil || addr.Address != e || addr.Name != "" {
		return "", Errorf(EINVALID, "That is not an email address.")
	}
	return e, nil
}

func (a *Accounts) checkPassword(pw string) error {
	n := utf8.RuneCountInString(pw)
	switch {
	case n < a.opts.MinPasswordLen:
		return Errorf(EINVALID, "The password must be at least %d characters.", a.opts.MinPasswordLen)
	case len(pw) > maxPasswordLen:
		return Errorf(EINVALID, "The password must be at most %d bytes.", maxPasswordLen)
	}
	return nil
}

// Add creates an account with a bcrypt hash of the password. An active
// account with the same email is ECONFLICT; a disabled one is replaced,
// which is how an account is enabled again. Role must be "practitioner" or
// "lead", and practitionerID must be set (and known to the directory, when
// one was given).
func (a *Accounts) Add(ctx context.Context, email, password string, role Role, practitionerID string) error {
	email, err := normEmail(email)
	if err != nil {
		return fmt.Errorf("inbox: add account: %w", err)
	}
	if !role.Valid() {
		return fmt.Errorf("inbox: add account: %w", Errorf(EINVALID, "The role must be %q or %q.", RolePractitioner, RoleLead))
	}
	practitionerID = strings.TrimSpace(practitionerID)
	if practitionerID == "" {
		return fmt.Errorf("inbox: add account: %w", Errorf(EINVALID, "An account must link to a practitioner id."))
	}
	if len(a.opts.Directory.Practitioners) > 0 {
		if _, ok := findPractitioner(a.opts.Directory, practitionerID); !ok {
			return fmt.Errorf("inbox: add account: %w", Errorf(EINVALID, "No practitioner %q in the directory.", practitionerID))
		}
	}
	if err := a.checkPassword(password); err != nil {
		return fmt.Errorf("inbox: add account: %w", err)
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), a.opts.BcryptCost)
	if err != nil {
		return fmt.Errorf("inbox: add account: %w", err)
	}
	key := a.acctKey(email)
	err = a.watch(ctx, key, func(tx *redis.Tx) error {
		old, err := a.load(ctx, tx, email)
		gen := int64(0)
		switch {
		case err == nil && !old.Disabled:
			return Errorf(ECONFLICT, "An account for that email already exists.")
		case err == nil:
			gen = old.Generation + 1
		case ErrorCode(err) != ENOTFOUND:
			return err
		}
		_, err = tx.TxPipelined(ctx, func(p redis.Pipeliner) error {
			p.Del(ctx, key)
			p.HSet(ctx, key,
				"email", email, "hash", string(hash), "role", string(role), "pid", practitionerID,
				"disabled", "0", "created", a.opts.Now().UTC().Format(time.RFC3339), "gen", gen)
			p.Del(ctx, a.failKey(email))
			return nil
		})
		return err
	})
	if err != nil {
		return fmt.Errorf("inbox: add account: %w", err)
	}
	return nil
}

// Reset sets a new password, clears any lockout and ends the account's
// sessions. A disabled account stays disabled. An unknown email is ENOTFOUND.
func (a *Accounts) Reset(ctx context.Context, email, password string) error {
	email, err := normEmail(email)
	if err != nil {
		return fmt.Errorf("inbox: reset account: %w", err)
	}
	if err := a.checkPassword(password); err != nil {
		return fmt.Errorf("inbox: reset account: %w", err)
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), a.opts.BcryptCost)
	if err != nil {
		return fmt.Errorf("inbox: reset account: %w", err)
	}
	err = a.update(ctx, email, func(p redis.Pipeliner, key string) {
		p.HSet(ctx, key, "hash", string(hash))
		p.HIncrBy(ctx, key, "gen", 1)
		p.Del(ctx, a.failKey(email))
	})
	if err != nil {
		return fmt.Errorf("inbox: reset account: %w", err)
	}
	return nil
}

// Disable stops the account logging in and ends its sessions. An unknown
// email is ENOTFOUND.
func (a *Accounts) Disable(ctx context.Context, email string) error {
	email, err := normEmail(email)
	if err != nil {
		return fmt.Errorf("inbox: disable account: %w", err)
	}
	err = a.update(ctx, email, func(p redis.Pipeliner, key string) {
		p.HSet(ctx, key, "disabled", "1")
		p.HIncrBy(ctx, key, "gen", 1)
	})
	if err != nil {
		return fmt.Errorf("inbox: disable account: %w", err)
	}
	return nil
}

// update applies fn to an existing account under WATCH.
func (a *Accounts) update(ctx context.Context, email string, fn func(p redis.Pipeliner, key string)) error {
	key := a.acctKey(email)
	return a.watch(ctx, key, func(tx *redis.Tx) error {
		if _, err := a.load(ctx, tx, email); err != nil {
			return err
		}
		_, err := tx.TxPipelined(ctx, func(p redis.Pipeliner) error {
			fn(p, key)
			return nil
		})
		return err
	})
}

// watch runs fn in a WATCH transaction on key, retrying a few times when
// another write races it.
func (a *Accounts) watch(ctx context.Context, key string, fn func(tx *redis.Tx) error) error {
	var err error
	for range 5 {
		err = a.rdb.Watch(ctx, fn, key)
		if !errors.Is(err, redis.TxFailedErr) {
			return err
		}
	}
	return err
}

// Get returns the account for email, or ENOTFOUND.
func (a *Accounts) Get(ctx context.Context, email string) (Account, error) {
	email, err := normEmail(email)
	if err != nil {
		return Account{}, fmt.Errorf("inbox: get account: %w", err)
	}
	acct, err := a.load(ctx, a.rdb, email)
	if err != nil {
		return Account{}, fmt.Errorf("inbox: get account: %w", err)
	}
	return acct, nil
}

// load reads an account and its hash.
func (a *Accounts) load(ctx context.Context, c redis.Cmdable, email string) (Account, error) {
	acct, _, err := a.loadWithHash(ctx, c, email)
	return acct, err
}

func (a *Accounts) loadWithHash(ctx context.Context, c redis.Cmdable, email string) (Account, []byte, error) {
	m, err := c.HGetAll(ctx, a.acctKey(email)).Result()
	if err != nil {
		return Account{}, nil, unavailable(err)
	}
	if len(m) == 0 || m["email"] == "" {
		return Account{}, nil, Errorf(ENOTFOUND, "No account for that email.")
	}
	gen, _ := strconv.ParseInt(m["gen"], 10, 64)
	created, _ := time.Parse(time.RFC3339, m["created"])
	return Account{
		Email:          m["email"],
		Role:           Role(m["role"]),
		PractitionerID: m["pid"],
		Disabled:       m["disabled"] == "1",
		Created:        created,
		Generation:     gen,
	}, []byte(m["hash"]), nil
}

// attemptLua reserves one login attempt: it counts it and starts the
// window on the first, and restarts it when the count reaches the limit, so
// the lock lasts its full time after the last allowed failure. Attempts
// made while locked do not extend it.
const attemptLua = `
local n = redis.call('INCR', KEYS[1])
if n == 1 or n == tonumber(ARGV[2]) then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
return n`

// Authenticate checks an email and password. Every attempt counts towards
// the lockout until one succeeds; once MaxFailures attempts have failed
// within the lockout time, even the right password is refused (ELOCKED)
// until the lockout ends. A wrong email or password is EUNAUTHORIZED (the
// same for both); a disabled account, given the right password, is
// EFORBIDDEN.
func (a *Accounts) Authenticate(ctx context.Context, email, password string) (Account, error) {
	email, err := normEmail(email)
	if err != nil {
		// still spend the time a real check takes
		_ = bcrypt.CompareHashAndPassword(a.dummyHash, []byte(password))
		return Account{}, fmt.Errorf("inbox: authenticate: %w", Errorf(EUNAUTHORIZED, "Email or password is wrong."))
	}
	n, err := a.attempt.Run(ctx, a.rdb, []string{a.failKey(email)}, a.opts.Lockout.Milliseconds(), a.opts.MaxFailures).Int()
	if err != nil {
		return Account{}, fmt.Errorf("inbox: authenticate: %w", unavailable(err))
	}
	if n > a.opts.MaxFailures {
		return Account{}, fmt.Errorf("inbox: authenticate: %w", a.lockedError())
	}
	acct, hash, err := a.loadWithHash(ctx, a.rdb, email)
	switch {
	case ErrorCode(err) == ENOTFOUND:
		_ = bcrypt.CompareHashAndPassword(a.dummyHash, []byte(password))
		return Account{}, fmt.Errorf("inbox: authenticate: %w", a.failure(n))
	case err != nil:
		return Account{}, fmt.Errorf("inbox: authenticate: %w", err)
	}
	if bcrypt.CompareHashAndPassword(hash, []byte(password)) != nil {
		return Account{}, fmt.Errorf("inbox: authenticate: %w", a.failure(n))
	}
	if err := a.rdb.Del(ctx, a.failKey(email)).Err(); err != nil {
		return Account{}, fmt.Errorf("inbox: authenticate: %w", unavailable(err))
	}
	if acct.Disabled {
		return Account{}, fmt.Errorf("inbox: authenticate: %w", Errorf(EFORBIDDEN, "This account is disabled. Ask a lead to enable it."))
	}
	return acct, nil
}

// failure is the error for the nth failed attempt: the one that reaches
// the limit says the account is now locked.
func (a *Accounts) failure(n int) error {
	if n >= a.opts.MaxFailures {
		return a.lockedError()
	}
	return Errorf(EUNAUTHORIZED, "Email or password is wrong.")
}

func (a *Accounts) lockedError() error {
	return Errorf(ELOCKED, "Too many failed attempts. The account is locked for %d minutes.", int(a.opts.Lockout.Round(time.Minute)/time.Minute))
}

// unavailable marks a Redis failure, which the inbox answers with 503.
func unavailable(err error) error {
	return fmt.Errorf("%w: %w", dialog.ErrUnavailable, err)
}

// findPractitioner returns the directory's practitioner with id.
func findPractitioner(d content.Directory, id string) (content.Practitioner, bool) {
	for _, p := range d.Practitioners {
		if p.ID == id {
			return p, true
		}
	}
	return content.Practitioner{}, false
}
