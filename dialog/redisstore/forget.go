package redisstore

import (
	"context"

	"github.com/redis/go-redis/v9"

	"github.com/northbrook/hubbot/dialog"
)

// scanCount is the COUNT hint of the SCAN that finds a family's dedupe keys.
const scanCount = 1000

// Forget erases every key of the family of k: the conversation, its
// transcript, its dedupe keys, and its entries on the staff queue and the
// check-in timers. Replies already in the outbox are left to be sent; unmet
// needs and outcomes hold no personal data and stay.
func (s *Store) Forget(ctx context.Context, k dialog.Key) error {
	id := s.ID(k)
	seen, err := s.scanSeen(ctx, s.rdb, id)
	if err != nil {
		return unavailable("forget", err)
	}
	keys := append(s.familyKeys(id), seen...)
	_, err = s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.Del(ctx, keys...)
		p.ZRem(ctx, s.queueKey(), id)
		p.HDel(ctx, s.queueInfoKey(), id)
		p.ZRem(ctx, s.checkinsKey(), id)
		return nil
	})
	if err != nil {
		return unavailable("forget", err)
	}
	return nil
}

type scanner interface {
	Scan(ctx context.Context, cursor uint64, match string, count int64) *redis.ScanCmd
}

// scanSeen lists the dedupe keys of conversation id. It walks the whole
// keyspace (SCAN MATCH), which is fine for a request as rare as FORGET.
func (s *Store) scanSeen(ctx context.Context, c scanner, id string) ([]string, error) {
	var keys []string
	iter := c.Scan(ctx, 0, s.seenPattern(id), scanCount).Iterator()
	for iter.Next(ctx) {
		keys = append(keys, iter.Val())
	}
	return keys, iter.Err()
}

// familyKeys lists the keys that belong to conversation id alone.
func (s *Store) familyKeys(id string) []string {
	keys := []string{s.convKey(id), s.txKey(id)}
	if s.opts.FamilyKeys != nil {
		keys = append(keys, s.opts.FamilyKeys(id)...)
	}
	return keys
}
