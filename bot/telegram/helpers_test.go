package telegram

import (
	"bytes"
	"context"
	"log/slog"
	"sync"
	"testing"

	"github.com/northbrook/hubbot/bot"
	"github.com/northbrook/hubbot/bot/telegram/tgfake"
)

const (
	testToken  = "123456:TEST-token"
	testSecret = "s3cret_Token-1"
	// privateChat and secretWords must never reach a log line.
	privateChat = "4242424242"
	secretWords = "my private words"
)

// recorder is a bot.Handler that records what it is given and answers
// with fn's error (nil when fn is nil).
type recorder struct {
	mu  sync.Mutex
	got []bot.Inbound
	fn  func(in bot.Inbound) error
}

func (r *recorder) Handle(_ context.Context, in bot.Inbound) error {
	r.mu.Lock()
	r.got = append(r.got, in)
	fn := r.fn
	r.mu.Unlock()
	if fn != nil {
		return fn(in)
	}
	return nil
}

func (r *recorder) calls() []bot.Inbound {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]bot.Inbound(nil), r.got...)
}

// counter is a Metrics that counts events.
type counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *counter) Count(event string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n == nil {
		c.n = map[string]int{}
	}
	c.n[event]++
}

func (c *counter) get(event string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n[event]
}

// syncBuffer is a log sink safe for concurrent writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// env is a fake Bot API with a Sender pointed at it and a log that the
// test checks for personal data.
type env struct {
	fake    *tgfake.Server
	api     *Sender
	log     *slog.Logger
	logs    *syncBuffer
	metrics *counter
}

func newEnv(t testing.TB) *env {
	t.Helper()
	fake := tgfake.New(t, testToken)
	logs := &syncBuffer{}
	log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	api, err := NewSender(SenderOptions{Token: testToken, ServerURL: fake.URL, HTTPClient: fake.Client(), Log: log})
	if err != nil {
		t.Fatalf("NewSender: %v", err)
	}
	return &env{fake: fake, api: api, log: log, logs: logs, metrics: &counter{}}
}

func (e *env) options() Options {
	return Options{Log: e.log, Metrics: e.metrics}
}

func (e *env) assertNoPersonalData(t *testing.T) {
	t.Helper()
	out := e.logs.String()
	for _, s := range []string{privateChat, secretWords, testToken} {
		if bytes.Contains([]byte(out), []byte(s)) {
			t.Errorf("log holds %q:\n%s", s, out)
		}
	}
}
