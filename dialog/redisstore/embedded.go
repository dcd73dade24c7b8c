package redisstore

import (
	"fmt"

	"github.com/alicebob/miniredis/v2"
)

// StartEmbedded starts an in-process Redis-compatible server (miniredis) on
// listen (a loopback address; "" picks a free port), for `hubbot serve` run
// without REDIS_URL. It holds everything in memory: nothing survives a
// restart, and the caller must say so loudly in its log. Keys expire by the
// wall clock, so retention holds. stop shuts the server down.
func StartEmbedded(listen string) (addr string, stop func(), err error) {
	m := miniredis.NewMiniRedis()
	if listen == "" {
		listen = "127.0.0.1:0"
	}
	if err := m.StartAddr(listen); err != nil {
		return "", nil, fmt.Errorf("redisstore: start embedded: %w", err)
	}
	m.ClockTTL(true)
	return m.Addr(), m.Close, nil
}
