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

// urgentOffset is taken off an urgent item's score so every urgent item
// sorts before every other: scores are Unix milliseconds (about 1.8e12 now),
// exact in a float64 up to 2^53.
const urgentOffset = 1e13

// maxDue bounds how many check-ins one DueCheckins call claims.
const maxDue = 1000

// queueScore orders the staff queue: urgent first, then longest waiting.
func queueScore(q dialog.QueueItem) float64 {
	score := float64(q.Since.UnixMilli())
	if q.Since.IsZero() {
		score = 0
	}
	if q.Urgent {
		score -= urgentOffset
	}
	return score
}

// pruneQueue removes, atomically, queue entries whose conversation has
// expired. KEYS: queue, queueinfo, then conversation keys; ARGV: their ids.
const pruneQueue = `
local n = 0
for i = 3, #KEYS do
  if redis.call('EXISTS', KEYS[i]) == 0 then
    redis.call('ZREM', KEYS[1], ARGV[i-2])
    redis.call('HDEL', KEYS[2], ARGV[i-2])
    n = n + 1
  end
end
return n`

// claimDue pops, atomically, the check-ins due by ARGV[1] (Unix seconds),
// at most ARGV[2] of them, oldest first. KEYS: checkins.
const claimDue = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
if #ids > 0 then
  redis.call('ZREM', KEYS[1], unpack(ids))
end
return ids`

// Queue lists conversations on the staff queue: urgent first, then longest
// waiting. Entries whose conversation has expired are dropped from the queue.
func (s *Store) Queue(ctx context.Context) ([]dialog.QueueItem, error) {
	var ids *redis.StringSliceCmd
	var info *redis.MapStringStringCmd
	if _, err := s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		ids = p.ZRange(ctx, s.queueKey(), 0, -1)
		info = p.HGetAll(ctx, s.queueInfoKey())
		return nil
	}); err != nil {
		return nil, unavailable("queue", err)
	}
	if len(ids.Val()) == 0 {
		return nil, nil
	}
	exists := make([]*redis.IntCmd, len(ids.Val()))
	if _, err := s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for i, id := range ids.Val() {
			exists[i] = p.Exists(ctx, s.convKey(id))
		}
		return nil
	}); err != nil {
		return nil, unavailable("queue", err)
	}
	items := make([]dialog.QueueItem, 0, len(ids.Val()))
	var gone []string
	for i, id := range ids.Val() {
		raw, ok := info.Val()[id]
		if exists[i].Val() == 0 || !ok {
			gone = append(gone, id)
			continue
		}
		var q dialog.QueueItem
		if err := json.Unmarshal([]byte(raw), &q); err != nil {
			return nil, fmt.Errorf("redisstore: queue: decode: %w", err)
		}
		items = append(items, q)
	}
	if len(gone) > 0 {
		keys := []string{s.queueKey(), s.queueInfoKey()}
		args := make([]any, len(gone))
		for i, id := range gone {
			keys = append(keys, s.convKey(id))
			args[i] = id
		}
		if err := s.rdb.Eval(ctx, pruneQueue, keys, args...).Err(); err != nil {
			return nil, unavailable("queue", err)
		}
	}
	return items, nil
}

// DueCheckins claims and returns the ids of up to max conversations (at most
// 1000 a call) whose check-in is due by now, oldest first. Claiming removes
// them from the timers, so two workers never get the same id; a caller that
// fails to send a claimed check-in loses it (at most once, never twice).
func (s *Store) DueCheckins(ctx context.Context, now time.Time, max int) ([]string, error) {
	if max <= 0 {
		return nil, nil
	}
	ids, err := s.rdb.Eval(ctx, claimDue, []string{s.checkinsKey()}, now.Unix(), min(max, maxDue)).StringSlice()
	if err != nil && !errors.Is(err, redis.Nil) {
		return nil, unavailable("due checkins", err)
	}
	return ids, nil
}
