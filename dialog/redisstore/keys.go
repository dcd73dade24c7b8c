package redisstore

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Key shapes. Every per-family key carries the conversation id (an HMAC of
// channel and address), never the address itself:
//
//	<prefix>conv:<id>              the Conversation, JSON (string)
//	<prefix>tx:<id>                the transcript, one JSON Entry per item (list)
//	<prefix>seen:<id>:<hash>       an inbound message id already claimed (string)
//
// and the global keys, which hold conversation ids but no address:
//
//	<prefix>outbox                 replies to send (stream: fields "m" JSON, "id")
//	<prefix>queue                  the staff queue (zset: conv id by queue score)
//	<prefix>queueinfo              the queue items (hash: conv id -> QueueItem JSON)
//	<prefix>checkins               outcome check-ins (zset: conv id by due unix time)
//	<prefix>unmet, <prefix>outcomes  records without personal data (lists of JSON)
const (
	convPart      = "conv:"
	txPart        = "tx:"
	seenPart      = "seen:"
	outboxPart    = "outbox"
	queuePart     = "queue"
	queueInfoPart = "queueinfo"
	checkinsPart  = "checkins"
	unmetPart     = "unmet"
	outcomesPart  = "outcomes"
)

// seenHashLen is how many hex digits of the message id's SHA-256 name a
// dedupe key: 64 bits, plenty within one conversation's 48 hours.
const seenHashLen = 16

func (s *Store) convKey(id string) string { return s.opts.Prefix + convPart + id }
func (s *Store) txKey(id string) string   { return s.opts.Prefix + txPart + id }

func (s *Store) seenKey(id, messageID string) string {
	sum := sha256.Sum256([]byte(messageID))
	return s.opts.Prefix + seenPart + id + ":" + hex.EncodeToString(sum[:])[:seenHashLen]
}

// seenPattern is the SCAN pattern matching every dedupe key of a conversation.
func (s *Store) seenPattern(id string) string {
	return escapeGlob(s.opts.Prefix+seenPart+id+":") + "*"
}

func (s *Store) queueKey() string     { return s.opts.Prefix + queuePart }
func (s *Store) queueInfoKey() string { return s.opts.Prefix + queueInfoPart }
func (s *Store) checkinsKey() string  { return s.opts.Prefix + checkinsPart }
func (s *Store) unmetKey() string     { return s.opts.Prefix + unmetPart }
func (s *Store) outcomesKey() string  { return s.opts.Prefix + outcomesPart }

// globalKeys are the keys shared by all conversations; each write refreshes
// their expiry, so they live as long as the store is in use.
func (s *Store) globalKeys() []string {
	return []string{s.OutboxKey(), s.queueKey(), s.queueInfoKey(), s.checkinsKey(), s.unmetKey(), s.outcomesKey()}
}

// escapeGlob quotes the characters SCAN MATCH treats specially, so a prefix
// is matched literally.
func escapeGlob(s string) string {
	if !strings.ContainsAny(s, `*?[]\^`) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '*', '?', '[', ']', '\\', '^':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
