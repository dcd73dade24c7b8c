package inbox

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// The actions the audit trail records.
const (
	ActionLogin       = "login"
	ActionLoginFailed = "login-failed"
	ActionLogout      = "logout"
	ActionView        = "view"
	ActionReply       = "reply"
	ActionNote        = "note"
	ActionClaim       = "claim"
	ActionReassign    = "reassign"
	ActionHandBack    = "hand-back"
	ActionClose       = "close"
	ActionFlagRisk    = "flag-risk"
	ActionReports     = "view-reports"
	ActionDownload    = "download"
	ActionViewAudit   = "view-audit"
)

// Defaults for AuditOptions' zero fields.
const (
	DefaultAuditRetention = 30 * 24 * time.Hour
	DefaultAuditCap       = 200000
)

// AuditEntry is one thing a member of staff did: who, what, when and on
// which conversation. It never holds a message, note or reply body.
type AuditEntry struct {
	At             time.Time `json:"at"`
	Actor          string    `json:"by"` // the staff account's email
	PractitionerID string    `json:"pid,omitempty"`
	Action         string    `json:"what"`
	ConvID         string    `json:"conv,omitempty"`
	// Detail is a structured value, never free text: an outcome, the
	// practitioner a conversation went to, a risk flag, a report's name.
	Detail string `json:"detail,omitempty"`
}

// AuditOptions tune an Audit; zero fields take the defaults.
type AuditOptions struct {
	// Prefix starts the Redis key ("hubbot:").
	Prefix string
	// Retention is how long an entry is kept: the same rule as the
	// families' conversations (30 days).
	Retention time.Duration
	// Cap bounds the number of entries kept, oldest dropped first (200000).
	Cap int
	// Now tells the time (time.Now).
	Now func() time.Time
}

// Audit is the staff audit trail, kept in Redis as a sorted set scored by
// time, <prefix>staff:audit, whose members are a sequence number (from the
// counter <prefix>staff:audit:seq, so entries of the same millisecond keep
// their order) and the JSON entry. Entries older than the retention are
// trimmed on every write, and both keys expire after the retention when
// nothing is written.
type Audit struct {
	rdb  redis.Cmdable
	opts AuditOptions
}

// NewAudit returns an Audit kept in rdb.
func NewAudit(rdb redis.Cmdable, opts AuditOptions) (*Audit, error) {
	if rdb == nil {
		return nil, errors.New("inbox: audit: no redis client")
	}
	if opts.Prefix == "" {
		opts.Prefix = DefaultPrefix
	}
	if opts.Retention <= 0 {
		opts.Retention = DefaultAuditRetention
	}
	if opts.Cap <= 0 {
		opts.Cap = DefaultAuditCap
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Audit{rdb: rdb, opts: opts}, nil
}

func (a *Audit) key() string { return a.opts.Prefix + "staff:audit" }

// Record appends an entry, stamping its time when At is zero.
func (a *Audit) Record(ctx context.Context, e AuditEntry) error {
	now := a.opts.Now()
	if e.At.IsZero() {
		e.At = now
	}
	e.At = e.At.UTC()
	b, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("inbox: audit record: %w", err)
	}
	key := a.key()
	seq, err := a.rdb.Incr(ctx, key+":seq").Result()
	if err != nil {
		return fmt.Errorf("inbox: audit record: %w", unavailable(err))
	}
	member := fmt.Sprintf("%020d:%s", seq, b)
	oldest := now.Add(-a.opts.Retention).UnixMilli()
	_, err = a.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.ZAdd(ctx, key, redis.Z{Score: float64(e.At.UnixMilli()), Member: member})
		p.ZRemRangeByScore(ctx, key, "-inf", "("+strconv.FormatInt(oldest, 10))
		p.ZRemRangeByRank(ctx, key, 0, int64(-a.opts.Cap-1))
		p.PExpire(ctx, key, a.opts.Retention)
		p.PExpire(ctx, key+":seq", a.opts.Retention)
		return nil
	})
	if err != nil {
		return fmt.Errorf("inbox: audit record: %w", unavailable(err))
	}
	return nil
}

// AuditFilter picks entries from the trail; empty fields match all.
type AuditFilter struct {
	ConvID string
	Actor  string
	Limit  int // at most this many, newest first (500)
}

// auditBatch is how many entries List reads from Redis at a time.
const auditBatch = 1000

// List returns entries within the retention that match f, newest first.
func (a *Audit) List(ctx context.Context, f AuditFilter) ([]AuditEntry, error) {
	if f.Limit <= 0 {
		f.Limit = 500
	}
	oldest := a.opts.Now().Add(-a.opts.Retention).UnixMilli()
	var out []AuditEntry
	for off := int64(0); len(out) < f.Limit; off += auditBatch {
		ms, err := a.rdb.ZRevRangeByScore(ctx, a.key(), &redis.ZRangeBy{
			Min: strconv.FormatInt(oldest, 10), Max: "+inf", Offset: off, Count: auditBatch,
		}).Result()
		if err != nil {
			return nil, fmt.Errorf("inbox: audit list: %w", unavailable(err))
		}
		for _, m := range ms {
			var e AuditEntry
			_, js, _ := strings.Cut(m, ":")
			if err := json.Unmarshal([]byte(js), &e); err != nil {
				return nil, fmt.Errorf("inbox: audit list: %w", err)
			}
			if (f.ConvID == "" || e.ConvID == f.ConvID) && (f.Actor == "" || e.Actor == f.Actor) {
				out = append(out, e)
				if len(out) == f.Limit {
					break
				}
			}
		}
		if len(ms) < auditBatch {
			break
		}
	}
	return out, nil
}
