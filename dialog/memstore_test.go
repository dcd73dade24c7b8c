package dialog_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/northbrook/hubbot/dialog"
)

func TestMemStore(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 3, 10, 10, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	clock := dialog.ClockFunc(func() time.Time { mu.Lock(); defer mu.Unlock(); return now })
	s := dialog.NewMemStore([]byte("k"), dialog.MemOptions{Clock: clock, Retention: 24 * time.Hour, TranscriptCap: 3})
	k := dialog.Key{Channel: dialog.ChannelSMS, Address: "+447700900001"}
	id := s.ID(k)

	t.Run("dedupe", func(t *testing.T) {
		first, _ := s.ClaimInbound(ctx, k, "m1")
		again, _ := s.ClaimInbound(ctx, k, "m1")
		empty, _ := s.ClaimInbound(ctx, k, "")
		if !first || again || !empty {
			t.Fatalf("claims %v %v %v", first, again, empty)
		}
	})
	t.Run("update by id of nothing", func(t *testing.T) {
		_, err := s.UpdateByID(ctx, "nope", func(c dialog.Conversation) (dialog.Conversation, dialog.Commit, error) {
			t.Fatal("fn called")
			return c, dialog.Commit{}, nil
		})
		if !errors.Is(err, dialog.ErrNotFound) {
			t.Fatal(err)
		}
	})
	t.Run("compare and set", func(t *testing.T) {
		var wg sync.WaitGroup
		for range 40 {
			wg.Go(func() {
				_, err := s.Update(ctx, k, func(c dialog.Conversation) (dialog.Conversation, dialog.Commit, error) {
					c.Messages++
					return c, dialog.Commit{Transcript: []dialog.Entry{{From: dialog.FromFamily, Text: "x"}}}, nil
				})
				if err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		c, err := s.Load(ctx, id)
		if err != nil || c.Messages != 40 || c.Version != 40 {
			t.Fatalf("after 40 updates: %+v %v", c, err)
		}
		tx, _ := s.Transcript(ctx, id)
		if len(tx) != 3 {
			t.Fatalf("transcript cap: %d", len(tx))
		}
	})
	t.Run("refuses a changed version", func(t *testing.T) {
		_, err := s.Update(ctx, k, func(c dialog.Conversation) (dialog.Conversation, dialog.Commit, error) {
			c.Version = 99
			return c, dialog.Commit{}, nil
		})
		if err == nil {
			t.Fatal("want an error")
		}
	})
	t.Run("outbox once per id", func(t *testing.T) {
		o := dialog.Outbound{ID: "fixed", Text: "hi"}
		for range 2 {
			if _, err := s.Update(ctx, k, func(c dialog.Conversation) (dialog.Conversation, dialog.Commit, error) {
				return c, dialog.Commit{Outbound: []dialog.Outbound{o}}, nil
			}); err != nil {
				t.Fatal(err)
			}
		}
		out := s.TakeOutbox()
		if len(out) != 1 || out[0].Address != k.Address || out[0].ConvID != id {
			t.Fatalf("outbox %+v", out)
		}
	})
	t.Run("queue order", func(t *testing.T) {
		put := func(addr string, urgent bool, since time.Time) {
			_, err := s.Update(ctx, dialog.Key{Channel: dialog.ChannelSMS, Address: addr}, func(c dialog.Conversation) (dialog.Conversation, dialog.Commit, error) {
				return c, dialog.Commit{Enqueue: &dialog.QueueItem{Urgent: urgent, Since: since}}, nil
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		put("a", false, now.Add(-3*time.Hour))
		put("b", true, now.Add(-1*time.Hour))
		put("c", false, now.Add(-5*time.Hour))
		q, _ := s.Queue(ctx)
		ids := []string{s.ID(dialog.Key{Channel: dialog.ChannelSMS, Address: "b"}), s.ID(dialog.Key{Channel: dialog.ChannelSMS, Address: "c"}), s.ID(dialog.Key{Channel: dialog.ChannelSMS, Address: "a"})}
		if len(q) != 3 || q[0].ConvID != ids[0] || q[1].ConvID != ids[1] || q[2].ConvID != ids[2] {
			t.Fatalf("queue %+v", q)
		}
		_, _ = s.Update(ctx, dialog.Key{Channel: dialog.ChannelSMS, Address: "b"}, func(c dialog.Conversation) (dialog.Conversation, dialog.Commit, error) {
			return c, dialog.Commit{Dequeue: true}, nil
		})
		if q, _ := s.Queue(ctx); len(q) != 2 {
			t.Fatalf("after dequeue %+v", q)
		}
	})
	t.Run("checkins claimed once", func(t *testing.T) {
		_, _ = s.Update(ctx, k, func(c dialog.Conversation) (dialog.Conversation, dialog.Commit, error) {
			return c, dialog.Commit{CheckinAt: now.Add(time.Hour)}, nil
		})
		if ids, _ := s.DueCheckins(ctx, now, 10); len(ids) != 0 {
			t.Fatalf("early %v", ids)
		}
		if ids, _ := s.DueCheckins(ctx, now.Add(time.Hour), 10); len(ids) != 1 || ids[0] != id {
			t.Fatalf("due %v", ids)
		}
		if ids, _ := s.DueCheckins(ctx, now.Add(time.Hour), 10); len(ids) != 0 {
			t.Fatalf("twice %v", ids)
		}
	})
	t.Run("forget", func(t *testing.T) {
		_, _ = s.Update(ctx, k, func(c dialog.Conversation) (dialog.Conversation, dialog.Commit, error) {
			return c, dialog.Commit{Enqueue: &dialog.QueueItem{}, CheckinAt: now.Add(time.Hour), Unmet: []dialog.UnmetNeed{{Reason: "no-fit"}}}, nil
		})
		if err := s.Forget(ctx, k); err != nil {
			t.Fatal(err)
		}
		if s.Holds(id) {
			t.Fatal("held after Forget")
		}
		if u, _ := s.Unmet(ctx); len(u) != 1 {
			t.Fatal("unmet records (no personal data) should stay")
		}
		if ok, _ := s.ClaimInbound(ctx, k, "m1"); !ok {
			t.Fatal("dedupe keys should be forgotten")
		}
	})
	t.Run("expiry", func(t *testing.T) {
		_, _ = s.Update(ctx, k, func(c dialog.Conversation) (dialog.Conversation, dialog.Commit, error) {
			return c, dialog.Commit{}, nil
		})
		mu.Lock()
		now = now.Add(25 * time.Hour)
		mu.Unlock()
		if _, err := s.Load(ctx, id); !errors.Is(err, dialog.ErrNotFound) {
			t.Fatalf("after retention: %v", err)
		}
		if q, _ := s.Queue(ctx); len(q) != 0 {
			t.Fatalf("expired conversations left on the queue: %+v", q)
		}
	})
}
