package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/northbrook/hubbot/bot"
	"github.com/northbrook/hubbot/dialog"
)

// Key shapes, all under the configured prefix and keyed by the
// conversation id (an HMAC), never the session id:
//
//	<prefix>web:<conv>        the replies (list of "<seq> <JSON reply>", the newest MaxReplies)
//	<prefix>web:<conv>:meta   field "seq": the last seq; "id:<outbound id>": that reply's seq
//	<prefix>web:wake          pub/sub channel; a message is a conversation id with a new reply
//
// seq is the SSE event id, so a reconnecting browser (Last-Event-ID) is
// sent exactly what it missed. It only ever grows for a conversation, even
// when old replies are trimmed and even after Forget deleted both keys:
// each new seq is the larger of the last one plus 1 and Redis's clock in
// milliseconds, so a browser still holding an id from before a forget
// gets every reply after it.
func repliesKey(prefix, conv string) string { return prefix + "web:" + conv }
func metaKey(prefix, conv string) string    { return prefix + "web:" + conv + ":meta" }
func wakeChannel(prefix string) string      { return prefix + "web:wake" }

// reply is one stored reply, as the browser receives it.
type reply struct {
	Text    string          `json:"text"`
	Options []dialog.Option `json:"options,omitempty"`
}

// storeReply appends a reply once per outbound id and wakes the listeners.
// KEYS: replies, meta. ARGV: outbound id, reply JSON, max replies,
// retention in ms, wake channel, conversation id. Returns the seq.
const storeReply = `
local seen = redis.call('HGET', KEYS[2], 'id:' .. ARGV[1])
if seen then return tonumber(seen) end
local last = tonumber(redis.call('HGET', KEYS[2], 'seq') or '0')
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local seq = string.format('%d', math.max(last + 1, now))
redis.call('HSET', KEYS[2], 'seq', seq, 'id:' .. ARGV[1], seq)
redis.call('RPUSH', KEYS[1], seq .. ' ' .. ARGV[2])
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[3]), -1)
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
redis.call('PUBLISH', ARGV[5], ARGV[6])
return seq
`

// SenderOptions configure a Sender; zero values take the defaults.
type SenderOptions struct {
	Prefix     string        // key prefix, the same as the Chat's; default "hubbot:"
	Retention  time.Duration // how long replies are kept after the last one; default 720h
	MaxReplies int           // replies kept per conversation; default 200
}

// Sender delivers web chat replies (it implements bot.Sender for
// dialog.ChannelWeb): each reply is stored in the conversation's Redis
// list and a wake-up is published, so the SSE stream on whichever hubbot
// instance holds the browser's connection sends it. A reply sent twice
// (an outbox retry) is stored once.
type Sender struct {
	rdb    redis.UniversalClient
	opts   SenderOptions
	script *redis.Script
}

// NewSender returns a Sender storing replies in rdb.
func NewSender(rdb redis.UniversalClient, opts SenderOptions) (*Sender, error) {
	if rdb == nil {
		return nil, errors.New("web sender: a Redis client is required")
	}
	if opts.Prefix == "" {
		opts.Prefix = "hubbot:"
	}
	if opts.Retention <= 0 {
		opts.Retention = 720 * time.Hour
	}
	if opts.MaxReplies <= 0 {
		opts.MaxReplies = 200
	}
	return &Sender{rdb: rdb, opts: opts, script: redis.NewScript(storeReply)}, nil
}

// Send stores one reply and returns "web:<seq>". A Redis failure is a
// *bot.RetryError; a reply without a conversation id or outbound id is
// permanent.
func (s *Sender) Send(ctx context.Context, ob dialog.Outbound) (string, error) {
	if ob.ConvID == "" || ob.ID == "" {
		return "", errors.New("web send: reply has no conversation id or id")
	}
	body, err := json.Marshal(reply{Text: ob.Text, Options: ob.Options})
	if err != nil {
		return "", fmt.Errorf("web send: %w", err)
	}
	seq, err := s.script.Run(ctx, s.rdb,
		[]string{repliesKey(s.opts.Prefix, ob.ConvID), metaKey(s.opts.Prefix, ob.ConvID)},
		ob.ID, body, s.opts.MaxReplies, s.opts.Retention.Milliseconds(), wakeChannel(s.opts.Prefix), ob.ConvID,
	).Int64()
	if err != nil {
		return "", bot.Retry(0, fmt.Errorf("web send: store reply: %w", err))
	}
	return "web:" + strconv.FormatInt(seq, 10), nil
}

// Forget deletes a conversation's stored replies, for a family who asked
// hubbot to forget them: the dialog store's own Forget does not know
// these keys. Replies sent afterwards still reach an open page.
func (s *Sender) Forget(ctx context.Context, convID string) error {
	if err := s.rdb.Del(ctx, repliesKey(s.opts.Prefix, convID), metaKey(s.opts.Prefix, convID)).Err(); err != nil {
		return fmt.Errorf("web forget: %w", err)
	}
	return nil
}

// Keys lists a conversation's keys of the web chat, so the dialog store's
// FORGET can erase them in the same step as the rest of the family's keys.
func (s *Sender) Keys(convID string) []string {
	return []string{repliesKey(s.opts.Prefix, convID), metaKey(s.opts.Prefix, convID)}
}

// event is one stored reply with its sequence number.
type event struct {
	seq  int64
	data string // the reply JSON, sent as is
}

// readReplies returns the stored replies of conv numbered after seq, oldest first.
func readReplies(ctx context.Context, rdb redis.UniversalClient, prefix, conv string, after int64) ([]event, error) {
	items, err := rdb.LRange(ctx, repliesKey(prefix, conv), 0, -1).Result()
	if err != nil {
		return nil, fmt.Errorf("web replies: %w", err)
	}
	var out []event
	for _, it := range items {
		num, data, ok := strings.Cut(it, " ")
		seq, err := strconv.ParseInt(num, 10, 64)
		if !ok || err != nil {
			continue // not written by Sender
		}
		if seq > after {
			out = append(out, event{seq: seq, data: data})
		}
	}
	return out, nil
}
