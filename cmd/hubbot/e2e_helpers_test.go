package main

import (
	"bytes"
	"context"
	"flag"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/northbrook/hubbot/dialog"
	"github.com/northbrook/hubbot/dialog/redisstore/redistest"
)

var update = flag.Bool("update", false, "rewrite golden files")

// testApp is a whole hubbot on free loopback ports, against its own real
// redis-server, at a fixed time (a Tuesday morning, the hub open).
type testApp struct {
	*App
	URL   string // public base URL
	Admin string // admin base URL
	logs  *syncBuffer
	stop  func()
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

// tuesdayMorning is 10:00 on a working Tuesday in London.
func tuesdayMorning() time.Time {
	loc, _ := time.LoadLocation("Europe/London")
	return time.Date(2026, time.March, 10, 10, 0, 0, 0, loc)
}

// startApp runs hubbot with env on top of test defaults.
func startApp(t *testing.T, env map[string]string) *testApp {
	t.Helper()
	rs := redistest.Start(t)
	pub, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	admin, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	vars := map[string]string{
		"HUBBOT_REDIS_URL":  "redis://" + rs.Addr(),
		"HUBBOT_HMAC_KEY":   "test-hmac-key",
		"HUBBOT_PUBLIC_URL": "http://" + pub.Addr().String(),
		"HUBBOT_LOG_LEVEL":  "debug",
	}
	for k, v := range env {
		vars[k] = v
	}
	cfg, err := LoadConfig(func(k string) string { return vars[k] })
	if err != nil {
		t.Fatal(err)
	}
	logs := &syncBuffer{}
	log := slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	ctx, cancel := context.WithCancel(context.Background())
	a, err := NewApp(ctx, cfg, log)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	at := tuesdayMorning()
	a.Engine.Clock = dialog.ClockFunc(func() time.Time { return at })
	done := make(chan error, 1)
	go func() { done <- a.Serve(ctx, pub, admin) }()
	ta := &testApp{App: a, URL: "http://" + pub.Addr().String(), Admin: "http://" + admin.Addr().String(), logs: logs}
	ta.stop = func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve: %v", err)
			}
		case <-time.After(15 * time.Second):
			t.Error("hubbot did not shut down within 15 s")
		}
		a.Close()
	}
	t.Cleanup(ta.stop)
	return ta
}

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file (go test -update rewrites it)\n--- got:\n%s\n--- want:\n%s", name, got, want)
	}
}

// noPrivateData fails if the logs hold any of the given strings.
func noPrivateData(t *testing.T, logs string, private ...string) {
	t.Helper()
	for _, p := range private {
		if p != "" && strings.Contains(logs, p) {
			t.Errorf("logs hold private data %q", p)
		}
	}
}
