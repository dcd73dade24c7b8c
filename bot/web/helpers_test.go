package web

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/northbrook/hubbot/bot"
	"github.com/northbrook/hubbot/dialog"
	"github.com/northbrook/hubbot/dialog/redisstore/redistest"
)

var testSecret = []byte("test-hmac-key")

const (
	testSession = "0123456789abcdef0123456789abcdef"
	secretWords = "my private words"
)

// recorder is a bot.Handler that records what it is given and answers
// with err.
type recorder struct {
	mu  sync.Mutex
	got []bot.Inbound
	err error
}

func (r *recorder) Handle(_ context.Context, in bot.Inbound) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, in)
	return r.err
}

func (r *recorder) calls() []bot.Inbound {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]bot.Inbound(nil), r.got...)
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

// nopRedis is a client of nowhere, for tests that never reach Redis.
func nopRedis(t testing.TB) *redis.Client {
	rdb := redis.NewClient(&redis.Options{Addr: "127.0.0.1:1"})
	t.Cleanup(func() { _ = rdb.Close() })
	return rdb
}

// newChat returns a Chat on rdb (a client of nowhere when nil) with a
// log the test checks for personal data.
func newChat(t *testing.T, rdb redis.UniversalClient, h bot.Handler, mod func(*Options)) (*Chat, *syncBuffer) {
	t.Helper()
	if rdb == nil {
		rdb = nopRedis(t)
	}
	logs := &syncBuffer{}
	opts := Options{Handler: h, Redis: rdb, Secret: testSecret, PublicURL: "http://127.0.0.1:8080",
		Prefix: "t:", Log: slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))}
	if mod != nil {
		mod(&opts)
	}
	c, err := New(opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c, logs
}

func assertNoPersonalData(t *testing.T, logs *syncBuffer, extra ...string) {
	t.Helper()
	for _, s := range append([]string{testSession, secretWords}, extra...) {
		if strings.Contains(logs.String(), s) {
			t.Errorf("log holds %q:\n%s", s, logs.String())
		}
	}
}

func startRedis(t *testing.T) *redis.Client {
	t.Helper()
	return redistest.Start(t).Client(t)
}

func convOf(session string) string {
	return dialog.ConversationID(testSecret, dialog.Key{Channel: dialog.ChannelWeb, Address: session})
}

// sse is one server-sent event.
type sse struct {
	id, event, data string
}

// openStream connects to /chat/events as session, from lastID when not
// empty, and returns the events as they arrive.
func openStream(t *testing.T, base, session, lastID string) <-chan sse {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/chat/events", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.AddCookie(&http.Cookie{Name: CookieName, Value: session})
	if lastID != "" {
		req.Header.Set("Last-Event-ID", lastID)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatalf("events: %v", err)
	}
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		cancel()
		t.Fatalf("events: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	out := make(chan sse, 64)
	done := make(chan struct{})
	t.Cleanup(func() {
		cancel()
		resp.Body.Close()
		<-done
	})
	go func() {
		defer close(done)
		defer close(out)
		r := bufio.NewReader(resp.Body)
		var ev sse
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				if err != io.EOF && ctx.Err() == nil {
					t.Logf("stream read: %v", err)
				}
				return
			}
			line = strings.TrimSuffix(line, "\n")
			switch {
			case line == "":
				if ev.event != "" {
					out <- ev
				}
				ev = sse{}
			case strings.HasPrefix(line, "id: "):
				ev.id = line[4:]
			case strings.HasPrefix(line, "event: "):
				ev.event = line[7:]
			case strings.HasPrefix(line, "data: "):
				ev.data = line[6:]
			}
		}
	}()
	return out
}

func next(t *testing.T, events <-chan sse, within time.Duration) sse {
	t.Helper()
	select {
	case ev, ok := <-events:
		if !ok {
			t.Fatal("stream ended")
		}
		return ev
	case <-time.After(within):
		t.Fatalf("no event within %s", within)
	}
	return sse{}
}

func none(t *testing.T, events <-chan sse, within time.Duration) {
	t.Helper()
	select {
	case ev := <-events:
		t.Fatalf("unexpected event %+v", ev)
	case <-time.After(within):
	}
}
