// Package redisstore keeps hubbot's conversations in Redis: it implements
// dialog.Store with one key per conversation named by an HMAC of channel and
// address, updated under optimistic concurrency (WATCH/MULTI/EXEC), with the
// transcript, outbox, staff queue, check-in timers and records written in the
// same transaction. Every key it writes expires after the retention.
//
// It needs a single Redis (or a primary with replicas): the commit of one
// update spans the conversation's keys and the global keys, so it does not run
// on Redis Cluster.
package redisstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/northbrook/hubbot/dialog"
)

// Defaults for Options' zero fields.
const (
	DefaultRetention     = 30 * 24 * time.Hour
	DefaultTranscriptCap = 200
	DefaultDedupeTTL     = 48 * time.Hour
	DefaultPrefix        = "hubbot:"
	DefaultMaxRetries    = 200
	DefaultRecordCap     = 10000
	DefaultOutboxCap     = 100000
)

// Options tune a Store; zero fields take the defaults above.
type Options struct {
	// Retention is how long every key lives after its last write (30 days).
	Retention time.Duration
	// TranscriptCap is how many transcript entries are kept, newest (200).
	TranscriptCap int
	// DedupeTTL is how long a claimed inbound message id is remembered (48h).
	DedupeTTL time.Duration
	// Prefix starts every key ("hubbot:"); tests use their own.
	Prefix string
	// MaxRetries bounds how often Update re-reads and re-applies after a
	// conflicting write before giving up (200).
	MaxRetries int
	// RecordCap bounds the unmet-need and outcome lists: the oldest records
	// beyond it are trimmed (10000).
	RecordCap int
	// OutboxCap bounds the outbox stream (approximately, MAXLEN ~); the
	// sender should delete entries it has sent, so this is only a backstop
	// against a stalled sender (100000).
	OutboxCap int
	// FamilyKeys lists keys other packages keep for a conversation (the web
	// chat's replies), erased with the rest on FORGET.
	FamilyKeys func(id string) []string
	// OnConflict hears each update re-applied after a concurrent change
	// (for a metric); nil hears nothing.
	OnConflict func()
}

func (o Options) withDefaults() Options {
	if o.Retention <= 0 {
		o.Retention = DefaultRetention
	}
	if o.TranscriptCap <= 0 {
		o.TranscriptCap = DefaultTranscriptCap
	}
	if o.DedupeTTL <= 0 {
		o.DedupeTTL = DefaultDedupeTTL
	}
	if o.Prefix == "" {
		o.Prefix = DefaultPrefix
	}
	if o.MaxRetries <= 0 {
		o.MaxRetries = DefaultMaxRetries
	}
	if o.RecordCap <= 0 {
		o.RecordCap = DefaultRecordCap
	}
	if o.OutboxCap <= 0 {
		o.OutboxCap = DefaultOutboxCap
	}
	return o
}

// Store is a dialog.Store held in Redis. It is safe for concurrent use, and
// several hubbot processes may share one Redis.
type Store struct {
	rdb    redis.UniversalClient
	secret []byte
	opts   Options
}

var _ dialog.Store = (*Store)(nil)

// New returns a Store on client. secret is the HMAC key that turns a
// family's channel and address into the conversation id used in every key.
func New(client redis.UniversalClient, secret []byte, opts Options) *Store {
	return &Store{rdb: client, secret: append([]byte(nil), secret...), opts: opts.withDefaults()}
}

// ID returns the conversation id of k under the store's secret.
func (s *Store) ID(k dialog.Key) string { return dialog.ConversationID(s.secret, k) }

// OutboxKey names the stream the outbox is written to, for the sender that
// drains it. Each entry has a field "m" (the dialog.Outbound as JSON) and a
// field "id" (its idempotency key). Entries carry the family's address: the
// sender should XDEL (or trim) what it has sent.
func (s *Store) OutboxKey() string { return s.opts.Prefix + outboxPart }

// ClaimInbound records a provider's message id for the conversation with SET
// NX and the dedupe TTL, and reports whether this was its first claim. An
// empty message id cannot be deduplicated and is always claimed.
func (s *Store) ClaimInbound(ctx context.Context, k dialog.Key, messageID string) (bool, error) {
	if messageID == "" {
		return true, nil
	}
	n, err := claimScript.Run(ctx, s.rdb, []string{s.seenKey(s.ID(k), messageID), s.forgotKey(k, messageID)},
		s.opts.DedupeTTL.Milliseconds()).Int()
	if err != nil {
		return false, unavailable("claim", err)
	}
	return n == 1, nil
}

// claimScript claims a message id unless it is already claimed, or it is
// the message that made its family FORGET.
var claimScript = redis.NewScript(`
if redis.call("EXISTS", KEYS[2]) == 1 then return 0 end
if redis.call("SET", KEYS[1], "1", "NX", "PX", ARGV[1]) then return 1 end
return 0`)

// forgotKey names a FORGET message by an HMAC of channel and message id:
// it names no family, so it can outlive the family's keys.
func (s *Store) forgotKey(k dialog.Key, messageID string) string {
	return s.opts.Prefix + "forgot:" + dialog.ConversationID(s.secret, dialog.Key{Channel: k.Channel, Address: "msg:" + messageID})
}

// MarkForgotten remembers, for the dedupe time, that messageID made the
// family FORGET, so a replayed webhook of it gets no second confirmation.
func (s *Store) MarkForgotten(ctx context.Context, k dialog.Key, messageID string) error {
	if err := s.rdb.Set(ctx, s.forgotKey(k, messageID), "1", s.opts.DedupeTTL).Err(); err != nil {
		return unavailable("mark forgotten", err)
	}
	return nil
}

var _ dialog.ForgetMarker = (*Store)(nil)

// ReleaseInbound forgets a claimed message id, so a provider's retry of a
// message that failed to commit is handled rather than dropped as a replay.
func (s *Store) ReleaseInbound(ctx context.Context, k dialog.Key, messageID string) error {
	if messageID == "" {
		return nil
	}
	if err := s.rdb.Del(ctx, s.seenKey(s.ID(k), messageID)).Err(); err != nil {
		return unavailable("release", err)
	}
	return nil
}

var _ dialog.InboundReleaser = (*Store)(nil)

// Load returns the conversation with id, or an error wrapping
// dialog.ErrNotFound.
func (s *Store) Load(ctx context.Context, id string) (dialog.Conversation, error) {
	raw, err := s.rdb.Get(ctx, s.convKey(id)).Bytes()
	if errors.Is(err, redis.Nil) {
		return dialog.Conversation{}, fmt.Errorf("redisstore: load: %w", dialog.ErrNotFound)
	}
	if err != nil {
		return dialog.Conversation{}, unavailable("load", err)
	}
	return decodeConversation("load", raw)
}

// Transcript returns the kept transcript of conversation id, oldest first,
// or an error wrapping dialog.ErrNotFound when neither the conversation nor a
// transcript is kept.
func (s *Store) Transcript(ctx context.Context, id string) ([]dialog.Entry, error) {
	var lines *redis.StringSliceCmd
	var exists *redis.IntCmd
	_, err := s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		lines = p.LRange(ctx, s.txKey(id), 0, -1)
		exists = p.Exists(ctx, s.convKey(id))
		return nil
	})
	if err != nil {
		return nil, unavailable("transcript", err)
	}
	if len(lines.Val()) == 0 && exists.Val() == 0 {
		return nil, fmt.Errorf("redisstore: transcript: %w", dialog.ErrNotFound)
	}
	return decodeAll[dialog.Entry]("transcript", lines.Val())
}

// Unmet returns the recorded unmet needs, oldest first.
func (s *Store) Unmet(ctx context.Context) ([]dialog.UnmetNeed, error) {
	lines, err := s.rdb.LRange(ctx, s.unmetKey(), 0, -1).Result()
	if err != nil {
		return nil, unavailable("unmet", err)
	}
	return decodeAll[dialog.UnmetNeed]("unmet", lines)
}

// Outcomes returns the recorded check-in outcomes, oldest first.
func (s *Store) Outcomes(ctx context.Context) ([]dialog.Outcome, error) {
	lines, err := s.rdb.LRange(ctx, s.outcomesKey(), 0, -1).Result()
	if err != nil {
		return nil, unavailable("outcomes", err)
	}
	return decodeAll[dialog.Outcome]("outcomes", lines)
}

// MemoryUsage returns the bytes Redis uses for conversation id's key (MEMORY
// USAGE, transcript excluded), or an error wrapping dialog.ErrNotFound.
func (s *Store) MemoryUsage(ctx context.Context, id string) (int64, error) {
	n, err := s.rdb.MemoryUsage(ctx, s.convKey(id)).Result()
	if errors.Is(err, redis.Nil) {
		return 0, fmt.Errorf("redisstore: memory usage: %w", dialog.ErrNotFound)
	}
	if err != nil {
		return 0, unavailable("memory usage", err)
	}
	return n, nil
}

// unavailable wraps a failure to talk to Redis so callers can match
// dialog.ErrUnavailable (and answer a retryable error) as well as the cause.
func unavailable(op string, err error) error {
	return fmt.Errorf("redisstore: %s: %w: %w", op, dialog.ErrUnavailable, err)
}

func decodeConversation(op string, raw []byte) (dialog.Conversation, error) {
	var c dialog.Conversation
	if err := json.Unmarshal(raw, &c); err != nil {
		return dialog.Conversation{}, fmt.Errorf("redisstore: %s: decode conversation: %w", op, err)
	}
	return c, nil
}

func decodeAll[T any](op string, lines []string) ([]T, error) {
	out := make([]T, 0, len(lines))
	for _, l := range lines {
		var v T
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			return nil, fmt.Errorf("redisstore: %s: decode: %w", op, err)
		}
		out = append(out, v)
	}
	return out, nil
}
