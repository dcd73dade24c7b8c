package redistest_test

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"runtime"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/northbrook/hubbot/dialog/redisstore/redistest"
)

func needReal(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("redis-server"); err != nil {
		t.Skip("redis-server not on PATH")
	}
}

// waitGet reads key, waiting out the client's reconnect after a restart.
func waitGet(t *testing.T, c *redis.Client, key string) (string, error) {
	t.Helper()
	ctx := context.Background()
	deadline := time.Now().Add(10 * time.Second)
	for {
		v, err := c.Get(ctx, key).Result()
		if err == nil || errors.Is(err, redis.Nil) || time.Now().After(deadline) {
			return v, err
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestStopRestart(t *testing.T) {
	needReal(t)
	cases := []struct {
		label string
		opts  []redistest.Option
		kept  bool
	}{
		{"persistence keeps data", []redistest.Option{redistest.WithPersistence()}, true},
		{"default loses data", nil, false},
	}
	for _, tc := range cases {
		t.Run(tc.label, func(t *testing.T) {
			s := redistest.Start(t, tc.opts...)
			if !s.Real() {
				t.Fatal("Real() = false with redis-server on PATH")
			}
			c := s.Client(t)
			ctx := context.Background()
			if err := c.Set(ctx, "k", "v", 0).Err(); err != nil {
				t.Fatal(err)
			}
			s.Stop(t)
			if err := c.Ping(ctx).Err(); err == nil {
				t.Error("PING answered after Stop")
			}
			s.Restart(t)
			v, err := waitGet(t, c, "k")
			switch {
			case tc.kept && (err != nil || v != "v"):
				t.Errorf("after restart k = %q, %v; want v", v, err)
			case !tc.kept && !errors.Is(err, redis.Nil):
				t.Errorf("after restart k = %q, %v; want nothing", v, err)
			}
			s.Restart(t) // restarting a running server stops it first
			if _, err := waitGet(t, c, "k"); err != nil && !errors.Is(err, redis.Nil) {
				t.Errorf("after second restart: %v", err)
			}
		})
	}
}

func TestServersAreSeparate(t *testing.T) {
	needReal(t)
	a, b := redistest.Start(t), redistest.Start(t)
	if a.Addr() == b.Addr() || a.Addr() == "127.0.0.1:6379" {
		t.Fatalf("addresses %s and %s", a.Addr(), b.Addr())
	}
	ctx := context.Background()
	a.Client(t).Set(ctx, "k", "a", 0)
	if err := b.Client(t).Get(ctx, "k").Err(); !errors.Is(err, redis.Nil) {
		t.Errorf("second server sees the first's key: %v", err)
	}
}

func TestFallback(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	t.Setenv("CI", "")
	s := redistest.Start(t)
	if s.Real() {
		t.Fatal("Real() = true without redis-server")
	}
	if err := s.Client(t).Ping(context.Background()).Err(); err != nil {
		t.Errorf("PING the fallback: %v", err)
	}
	for label, call := range map[string]func(testing.TB){"Stop": s.Stop, "Restart": s.Restart} {
		t.Run(label, func(t *testing.T) {
			call(t)
			t.Errorf("%s did not skip on the fallback", label)
		})
	}
}

// fatalTB catches Fatalf, which must end the goroutine that calls it.
type fatalTB struct {
	testing.TB
	fatal string
}

func (f *fatalTB) Helper() {}

func (f *fatalTB) Fatalf(format string, args ...any) {
	f.fatal = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func TestCIRequiresReal(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	t.Setenv("CI", "true")
	f := &fatalTB{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		redistest.Start(f)
	}()
	<-done
	if want := "redis-server not installed: CI requires the real server"; f.fatal != want {
		t.Errorf("Fatalf(%q), want %q", f.fatal, want)
	}
}
