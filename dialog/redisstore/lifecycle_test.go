package redisstore_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/northbrook/hubbot/dialog"
	"github.com/northbrook/hubbot/dialog/redisstore"
	"github.com/northbrook/hubbot/dialog/redisstore/redistest"
)

// everything is a step that writes every kind of key.
func everything(c dialog.Conversation) (dialog.Conversation, dialog.Commit, error) {
	c.Messages++
	return c, dialog.Commit{
		Transcript: []dialog.Entry{{At: t0, From: dialog.FromFamily, Text: "hello"}},
		Outbound:   []dialog.Outbound{{Text: "hi", Created: t0}},
		Unmet:      []dialog.UnmetNeed{{Date: "2026-03-02", Reason: "no-fit"}},
		Outcomes:   []dialog.Outcome{{Date: "2026-03-02", Answer: "helped"}},
		Enqueue:    &dialog.QueueItem{Since: t0},
		CheckinAt:  t0.Add(14 * 24 * time.Hour),
	}, nil
}

func TestForget(t *testing.T) {
	cases := []struct {
		label  string
		forget func(f *fixture, k dialog.Key) error
		replay bool // the goodbye reply is still in the outbox
	}{
		{"Store.Forget", func(f *fixture, k dialog.Key) error { return f.store.Forget(ctxT(t), k) }, false},
		{"Commit.Forget", func(f *fixture, k dialog.Key) error {
			_, err := f.store.Update(ctxT(t), k, func(c dialog.Conversation) (dialog.Conversation, dialog.Commit, error) {
				return c, dialog.Commit{
					Transcript: []dialog.Entry{{At: t0, From: dialog.FromFamily, Text: "FORGET"}},
					Outbound:   []dialog.Outbound{{ID: "bye", Text: "Done: we have deleted what you told us.", Created: t0}},
					Forget:     true,
				}, nil
			})
			return err
		}, true},
	}
	for _, tc := range cases {
		t.Run(tc.label, func(t *testing.T) {
			f := newFixture(t, redisstore.Options{})
			ctx := ctxT(t)
			k, other := family(1), family(2)
			id := dialog.ConversationID(testSecret, k)
			for _, key := range []dialog.Key{k, other} {
				if _, err := f.store.Update(ctx, key, everything); err != nil {
					t.Fatal(err)
				}
				for i := range 5 {
					if _, err := f.store.ClaimInbound(ctx, key, fmt.Sprint("SM", i)); err != nil {
						t.Fatal(err)
					}
				}
			}

			if err := tc.forget(f, k); err != nil {
				t.Fatalf("forget: %v", err)
			}

			for _, key := range f.keys(t) {
				if strings.Contains(key, id) {
					t.Errorf("key %s survived FORGET", key)
				}
			}
			for _, zset := range []string{"queue", "checkins"} {
				if err := f.rdb.ZScore(ctx, f.prefix+zset, id).Err(); !errors.Is(err, redis.Nil) {
					t.Errorf("%s still holds the conversation (err %v)", zset, err)
				}
			}
			if f.rdb.HExists(ctx, f.prefix+"queueinfo", id).Val() {
				t.Error("queueinfo still holds the conversation")
			}
			if _, err := f.store.Load(ctx, id); !errors.Is(err, dialog.ErrNotFound) {
				t.Errorf("Load after FORGET: %v, want ErrNotFound", err)
			}
			if ok, _ := f.store.ClaimInbound(ctx, k, "SM1"); !ok {
				t.Error("dedupe key survived FORGET")
			}

			otherID := dialog.ConversationID(testSecret, other)
			if _, err := f.store.Load(ctx, otherID); err != nil {
				t.Errorf("other family lost: %v", err)
			}
			if q, _ := f.store.Queue(ctx); len(q) != 1 || q[0].ConvID != otherID {
				t.Errorf("queue = %+v, want only the other family", q)
			}

			msgs, err := f.rdb.XRange(ctx, f.store.OutboxKey(), "-", "+").Result()
			if err != nil {
				t.Fatal(err)
			}
			var bye *dialog.Outbound
			for _, m := range msgs {
				var o dialog.Outbound
				if err := json.Unmarshal([]byte(m.Values["m"].(string)), &o); err != nil {
					t.Fatal(err)
				}
				if o.ID == "bye" {
					bye = &o
				}
			}
			if tc.replay && (bye == nil || bye.Address != k.Address) {
				t.Errorf("the FORGET confirmation is not in the outbox with the address: %+v", bye)
			}
		})
	}
}

func TestEveryKeyHasTTL(t *testing.T) {
	f := newFixture(t, redisstore.Options{Retention: 7 * 24 * time.Hour})
	ctx := ctxT(t)
	for i := range 3 {
		if _, err := f.store.Update(ctx, family(i), everything); err != nil {
			t.Fatal(err)
		}
		if _, err := f.store.ClaimInbound(ctx, family(i), "SM1"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.store.Update(ctx, family(0), func(c dialog.Conversation) (dialog.Conversation, dialog.Commit, error) {
		return c, dialog.Commit{Dequeue: true}, nil
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.store.DueCheckins(ctx, t0.Add(30*24*time.Hour), 1); err != nil {
		t.Fatal(err)
	}

	keys := f.keys(t)
	kinds := map[string]bool{}
	for _, key := range keys {
		kind, _, _ := strings.Cut(strings.TrimPrefix(key, f.prefix), ":")
		kinds[kind] = true
		ttl, err := f.rdb.TTL(ctx, key).Result()
		if err != nil {
			t.Fatal(err)
		}
		if ttl <= 0 || ttl > 7*24*time.Hour {
			t.Errorf("key %s has TTL %v, want (0, 7 days]", key, ttl)
		}
	}
	for _, kind := range []string{"conv", "tx", "seen", "outbox", "queue", "queueinfo", "checkins", "unmet", "outcomes"} {
		if !kinds[kind] {
			t.Errorf("no %s key written; the test misses a kind (have %v)", kind, keys)
		}
	}
}

// TestRedisStopRestart: with Redis down the store fails with ErrUnavailable
// and does not panic; once Redis is back the state is intact.
func TestRedisStopRestart(t *testing.T) {
	f := newFixture(t, redisstore.Options{}, redistest.WithPersistence())
	ctx := ctxT(t)
	k := family(1)
	c, err := f.store.Update(ctx, k, idle)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.store.Update(ctx, k, say("before")); err != nil {
		t.Fatal(err)
	}

	f.srv.Stop(t)
	calls := []struct {
		label string
		call  func() error
	}{
		{"Update", func() error { _, err := f.store.Update(ctx, k, say("while down")); return err }},
		{"UpdateByID", func() error { _, err := f.store.UpdateByID(ctx, c.ID, say("while down")); return err }},
		{"ClaimInbound", func() error { _, err := f.store.ClaimInbound(ctx, k, "SM9"); return err }},
		{"Load", func() error { _, err := f.store.Load(ctx, c.ID); return err }},
		{"Transcript", func() error { _, err := f.store.Transcript(ctx, c.ID); return err }},
		{"Queue", func() error { _, err := f.store.Queue(ctx); return err }},
		{"DueCheckins", func() error { _, err := f.store.DueCheckins(ctx, t0, 10); return err }},
		{"Unmet", func() error { _, err := f.store.Unmet(ctx); return err }},
		{"Outcomes", func() error { _, err := f.store.Outcomes(ctx); return err }},
		{"Forget", func() error { return f.store.Forget(ctx, family(7)) }},
	}
	for _, tc := range calls {
		if err := tc.call(); !errors.Is(err, dialog.ErrUnavailable) {
			t.Errorf("%s with Redis down: %v, want ErrUnavailable", tc.label, err)
		}
	}

	f.srv.Restart(t)
	// The client's pool probes a failed server once a second before it dials again.
	var got dialog.Conversation
	deadline := time.Now().Add(10 * time.Second)
	for got, err = f.store.Load(ctx, c.ID); errors.Is(err, dialog.ErrUnavailable) && time.Now().Before(deadline); got, err = f.store.Load(ctx, c.ID) {
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("Load after restart: %v", err)
	}
	if got.Version != 2 || got.Handoff == nil || got.Handoff.PractitionerID != "prac-priya-shah" || len(got.Offered) != 3 {
		t.Errorf("state after restart = %+v, want version 2 with the handoff and offers", got)
	}
	next, err := f.store.Update(ctx, k, say("after"))
	if err != nil || next.Version != 3 {
		t.Fatalf("Update after restart = version %d, %v; want 3", next.Version, err)
	}
	tx, err := f.store.Transcript(ctx, c.ID)
	if err != nil || len(tx) != 2 || tx[0].Text != "before" || tx[1].Text != "after" {
		t.Errorf("transcript after restart = %+v, %v", tx, err)
	}
	if ok, err := f.store.ClaimInbound(ctx, k, "SM9"); err != nil || !ok {
		t.Errorf("ClaimInbound after restart = %v, %v", ok, err)
	}
}

func TestUpdateFuncRefused(t *testing.T) {
	fnErr := errors.New("step failed")
	cases := []struct {
		label string
		fn    dialog.UpdateFunc
		is    error
	}{
		{"fn error", func(c dialog.Conversation) (dialog.Conversation, dialog.Commit, error) {
			return c, dialog.Commit{Outbound: []dialog.Outbound{{Text: "x"}}}, fnErr
		}, fnErr},
		{"version changed", func(c dialog.Conversation) (dialog.Conversation, dialog.Commit, error) {
			c.Version = 7
			return c, dialog.Commit{}, nil
		}, nil},
		{"address changed", func(c dialog.Conversation) (dialog.Conversation, dialog.Commit, error) {
			c.Address = "+447700900999"
			return c, dialog.Commit{}, nil
		}, nil},
		{"zero conversation", func(dialog.Conversation) (dialog.Conversation, dialog.Commit, error) {
			return dialog.Conversation{}, dialog.Commit{}, nil
		}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.label, func(t *testing.T) {
			f := newFixture(t, redisstore.Options{})
			_, err := f.store.Update(ctxT(t), family(1), tc.fn)
			if err == nil || errors.Is(err, dialog.ErrUnavailable) || (tc.is != nil && !errors.Is(err, tc.is)) {
				t.Errorf("err = %v, want a refusal (wrapping %v)", err, tc.is)
			}
			if keys := f.keys(t); len(keys) != 0 {
				t.Errorf("a refused update wrote %v", keys)
			}
		})
	}
}

// TestUpdateGivesUp: an update that always loses its race stops after
// MaxRetries and says so with ErrUnavailable.
func TestUpdateGivesUp(t *testing.T) {
	f := newFixture(t, redisstore.Options{MaxRetries: 3})
	ctx := ctxT(t)
	k := family(1)
	c, err := f.store.Update(ctx, k, say("first"))
	if err != nil {
		t.Fatal(err)
	}
	calls := 0
	_, err = f.store.Update(ctx, k, func(c dialog.Conversation) (dialog.Conversation, dialog.Commit, error) {
		calls++
		// a rival write to the watched key, between our read and our commit
		f.rdb.Expire(ctx, f.prefix+"conv:"+c.ID, time.Hour)
		return c, dialog.Commit{}, nil
	})
	if !errors.Is(err, dialog.ErrUnavailable) || !errors.Is(err, redis.TxFailedErr) {
		t.Errorf("err = %v, want ErrUnavailable and TxFailedErr", err)
	}
	if calls != 4 {
		t.Errorf("fn called %d times, want 4 (1 + MaxRetries)", calls)
	}
	if got, _ := f.store.Load(ctx, c.ID); got.Version != 1 {
		t.Errorf("version = %d, want 1", got.Version)
	}
}
