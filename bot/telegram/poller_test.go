package telegram

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/northbrook/hubbot/bot"
	"github.com/northbrook/hubbot/bot/telegram/tgfake"
	"github.com/northbrook/hubbot/dialog"
)

// runPoller starts p and returns a stop function that waits for Run to end.
func runPoller(t *testing.T, p *Poller) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("Run: %v", err)
				}
			case <-time.After(5 * time.Second):
				t.Error("Run did not return after cancel")
			}
		})
	}
	t.Cleanup(stop)
	return stop
}

func newPoller(t *testing.T, e *env, h bot.Handler) *Poller {
	t.Helper()
	p, err := NewPoller(h, e.api, PollerOptions{Options: e.options(), Timeout: time.Second,
		MinBackoff: 5 * time.Millisecond, MaxBackoff: 20 * time.Millisecond, HTTPClient: e.fake.Client()})
	if err != nil {
		t.Fatalf("NewPoller: %v", err)
	}
	return p
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

func TestPollerHandsOnInOrder(t *testing.T) {
	e := newEnv(t)
	e.fake.AddUpdate(t, textUpdate(100, "first"))
	e.fake.AddUpdate(t, callbackUpdate(101, "cbq-101", "2"))
	e.fake.AddUpdate(t, message(102, chatPriv, stickerFields))
	e.fake.AddUpdate(t, editedUpdate(103, "ignored"))
	rec := &recorder{}
	p := newPoller(t, e, rec)
	stop := runPoller(t, p)
	waitFor(t, "all updates confirmed", func() bool { return e.fake.Pending() == 0 })
	e.fake.AddUpdate(t, textUpdate(104, "later"))
	waitFor(t, "the later update confirmed", func() bool { return len(rec.calls()) == 4 && e.fake.Pending() == 0 })
	stop()

	var got []string
	for _, in := range rec.calls() {
		got = append(got, fmt.Sprintf("%s %s %s", in.MessageID, in.Kind, in.Text))
	}
	want := []string{"tg:100 text first", "tg:cb:cbq-101 button 2", "tg:102 media ", "tg:104 text later"}
	if !slices.Equal(got, want) {
		t.Errorf("handed on %q\nwant %q", got, want)
	}
	if a := e.fake.Answered(); len(a) != 1 || a[0].CallbackQueryID != "cbq-101" {
		t.Errorf("answered %+v, want cbq-101", a)
	}
	offsets := e.fake.Offsets()
	if offsets[0] != 0 || !slices.IsSorted(offsets) || !slices.Contains(offsets, 104) || !slices.Contains(offsets, 105) {
		t.Errorf("offsets %v: want 0 first, rising, through 104 and 105", offsets)
	}
	if p.Offset() != 105 {
		t.Errorf("Offset %d, want 105", p.Offset())
	}
}

// While an update is being committed, Telegram has not been told it is
// done: no getUpdates moves the offset past it.
func TestPollerConfirmsOnlyAfterCommit(t *testing.T) {
	e := newEnv(t)
	e.fake.AddUpdate(t, textUpdate(7, "one"))
	e.fake.AddUpdate(t, textUpdate(8, "two"))
	inside, release := make(chan struct{}), make(chan struct{})
	rec := &recorder{fn: func(in bot.Inbound) error {
		if in.MessageID == "tg:7" {
			close(inside)
			<-release
		}
		return nil
	}}
	runPoller(t, newPoller(t, e, rec))
	<-inside
	time.Sleep(50 * time.Millisecond) // give a wrong poller time to poll again
	if offsets := e.fake.Offsets(); slices.Max(offsets) > 0 || e.fake.Pending() != 2 {
		t.Errorf("while committing update 7: offsets %v, %d pending; want only offset 0 and 2 pending", offsets, e.fake.Pending())
	}
	close(release)
	waitFor(t, "both confirmed", func() bool { return e.fake.Pending() == 0 })
	if got := rec.calls(); len(got) != 2 {
		t.Errorf("handler called %d times, want 2", len(got))
	}
}

// An unavailable store holds the queue: the same update is tried again
// after a backoff, nothing behind it is handed on, and it is confirmed
// only once committed.
func TestPollerRetriesUnavailableUpdate(t *testing.T) {
	e := newEnv(t)
	e.fake.AddUpdate(t, textUpdate(20, "a"))
	e.fake.AddUpdate(t, textUpdate(21, "b"))
	e.fake.AddUpdate(t, textUpdate(22, "c"))
	var mu sync.Mutex
	fails := 3
	var maxOffsetWhenCommitted int64 = -1
	rec := &recorder{fn: func(in bot.Inbound) error {
		mu.Lock()
		defer mu.Unlock()
		if in.MessageID == "tg:21" {
			if fails > 0 {
				fails--
				return fmt.Errorf("redis: %w", dialog.ErrUnavailable)
			}
			maxOffsetWhenCommitted = slices.Max(e.fake.Offsets())
		}
		return nil
	}}
	runPoller(t, newPoller(t, e, rec))
	waitFor(t, "all confirmed", func() bool { return e.fake.Pending() == 0 })

	var got []string
	for _, in := range rec.calls() {
		got = append(got, in.MessageID)
	}
	want := []string{"tg:20", "tg:21", "tg:21", "tg:21", "tg:21", "tg:22"}
	if !slices.Equal(got, want) {
		t.Errorf("handed on %v, want %v", got, want)
	}
	mu.Lock()
	defer mu.Unlock()
	if maxOffsetWhenCommitted > 21 {
		t.Errorf("offset reached %d before update 21 was committed", maxOffsetWhenCommitted)
	}
	if e.metrics.get(EventUnavailable) != 3 {
		t.Errorf("unavailable counted %d, want 3", e.metrics.get(EventUnavailable))
	}
}

func TestPollerSurvivesFailures(t *testing.T) {
	tests := []struct {
		name     string
		failures []tgfake.Failure
		update   string
		wantIn   int
	}{
		{name: "getUpdates 500 then 502", failures: []tgfake.Failure{tgfake.ServerError(), tgfake.BadGateway()},
			update: textUpdate(1, "hi"), wantIn: 1},
		{name: "409 webhook set", failures: []tgfake.Failure{{Status: 409, Description: "Conflict: can't use getUpdates method while webhook is active"}},
			update: textUpdate(1, "hi"), wantIn: 1},
		{name: "undecodable update skipped", update: memberUpdate(1, chatPriv, "member", "martian"), wantIn: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			e.fake.Fail("getUpdates", tt.failures...)
			e.fake.AddUpdate(t, tt.update)
			rec := &recorder{}
			p := newPoller(t, e, rec)
			runPoller(t, p)
			waitFor(t, "update confirmed", func() bool { return e.fake.Pending() == 0 })
			if got := len(rec.calls()); got != tt.wantIn {
				t.Errorf("handler called %d times, want %d", got, tt.wantIn)
			}
			if p.Offset() != 2 {
				t.Errorf("Offset %d, want 2", p.Offset())
			}
			e.assertNoPersonalData(t)
		})
	}
}
