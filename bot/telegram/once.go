package telegram

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// Once remembers keys seen before, so that something (the refusal to a
// group) happens once per key.
type Once interface {
	// First reports whether key is seen for the first time, and marks it seen.
	First(ctx context.Context, key string) (bool, error)
}

// MemoryOnce is a Once for one process: a bounded set that forgets the
// oldest keys when full. Several instances each remember on their own.
type MemoryOnce struct {
	mu    sync.Mutex
	max   int
	seen  map[string]struct{}
	order []string
}

// NewMemoryOnce returns a MemoryOnce holding at most n keys (at least 1).
func NewMemoryOnce(n int) *MemoryOnce {
	return &MemoryOnce{max: max(n, 1), seen: map[string]struct{}{}}
}

// First reports whether key is new, and remembers it.
func (o *MemoryOnce) First(_ context.Context, key string) (bool, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if _, ok := o.seen[key]; ok {
		return false, nil
	}
	if len(o.order) >= o.max {
		delete(o.seen, o.order[0])
		o.order = o.order[1:]
	}
	o.seen[key] = struct{}{}
	o.order = append(o.order, key)
	return true, nil
}

// RedisOnce is a Once shared by every hubbot instance: SET NX on
// <prefix>tg:once:<sha256 of key>, kept for ttl.
type RedisOnce struct {
	rdb    redis.UniversalClient
	prefix string
	ttl    time.Duration
}

// NewRedisOnce returns a RedisOnce under key prefix (default "hubbot:")
// that remembers a key for ttl (default 30 days).
func NewRedisOnce(rdb redis.UniversalClient, prefix string, ttl time.Duration) *RedisOnce {
	if prefix == "" {
		prefix = "hubbot:"
	}
	if ttl <= 0 {
		ttl = 30 * 24 * time.Hour
	}
	return &RedisOnce{rdb: rdb, prefix: prefix, ttl: ttl}
}

// First reports whether key is new across all instances, and remembers it.
func (o *RedisOnce) First(ctx context.Context, key string) (bool, error) {
	sum := sha256.Sum256([]byte(key))
	ok, err := o.rdb.SetNX(ctx, o.prefix+"tg:once:"+hex.EncodeToString(sum[:16]), 1, o.ttl).Result()
	if err != nil {
		return false, fmt.Errorf("telegram once: %w", err)
	}
	return ok, nil
}
