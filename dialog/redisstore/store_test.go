package redisstore_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/northbrook/hubbot/dialog"
	"github.com/northbrook/hubbot/dialog/redisstore"
)

func TestRoundTrip(t *testing.T) {
	f := newFixture(t, redisstore.Options{})
	ctx := ctxT(t)
	k := family(1)
	id := dialog.ConversationID(testSecret, k)
	entries := []dialog.Entry{
		{At: t0, From: dialog.FromFamily, Text: "my 2 yr old isnt talking yet, castleton"},
		{At: t0, From: dialog.FromBot, Text: "Here are 3 places that can help", ID: "out-1"},
	}
	unmet := []dialog.UnmetNeed{{Date: "2026-03-02", Words: "speech", AgeBand: "0-4", Ward: "Castleton", Reason: "no-fit"}}
	outcomes := []dialog.Outcome{{Date: "2026-03-02", Answer: "helped", Ward: "Castleton"}}

	got, err := f.store.Update(ctx, k, func(c dialog.Conversation) (dialog.Conversation, dialog.Commit, error) {
		if want := (dialog.Conversation{ID: id, Channel: k.Channel, Address: k.Address}); !reflect.DeepEqual(c, want) {
			t.Errorf("new conversation = %+v, want %+v", c, want)
		}
		c.State, c.Started, c.Updated, c.Messages = dialog.StateOffered, t0, t0, 1
		return c, dialog.Commit{
			Transcript: entries,
			Outbound:   []dialog.Outbound{{ID: "out-1", Text: entries[1].Text, Created: t0}},
			Unmet:      unmet,
			Outcomes:   outcomes,
		}, nil
	})
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	if got.Version != 1 || got.State != dialog.StateOffered {
		t.Errorf("Update returned version %d state %q, want 1 %q", got.Version, got.State, dialog.StateOffered)
	}

	loaded, err := f.store.Load(ctx, id)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if !reflect.DeepEqual(loaded, got) {
		t.Errorf("Load = %+v\nwant   %+v", loaded, got)
	}
	if tx, err := f.store.Transcript(ctx, id); err != nil || !reflect.DeepEqual(tx, entries) {
		t.Errorf("Transcript = %+v, %v; want %+v", tx, err, entries)
	}
	if u, err := f.store.Unmet(ctx); err != nil || !reflect.DeepEqual(u, unmet) {
		t.Errorf("Unmet = %+v, %v; want %+v", u, err, unmet)
	}
	if o, err := f.store.Outcomes(ctx); err != nil || !reflect.DeepEqual(o, outcomes) {
		t.Errorf("Outcomes = %+v, %v; want %+v", o, err, outcomes)
	}

	msgs, err := f.rdb.XRange(ctx, f.store.OutboxKey(), "-", "+").Result()
	if err != nil || len(msgs) != 1 {
		t.Fatalf("outbox = %v, %v; want 1 entry", msgs, err)
	}
	var out dialog.Outbound
	if err := json.Unmarshal([]byte(msgs[0].Values["m"].(string)), &out); err != nil {
		t.Fatalf("outbox entry: %v", err)
	}
	want := dialog.Outbound{ID: "out-1", ConvID: id, Channel: k.Channel, Address: k.Address, Text: entries[1].Text, Created: t0}
	if !reflect.DeepEqual(out, want) || msgs[0].Values["id"] != "out-1" {
		t.Errorf("outbox entry = %+v id %v, want %+v id out-1", out, msgs[0].Values["id"], want)
	}

	again, err := f.store.UpdateByID(ctx, id, say("2"))
	if err != nil || again.Version != 2 || again.Messages != 2 {
		t.Errorf("UpdateByID = version %d messages %d, %v; want 2 2 nil", again.Version, again.Messages, err)
	}

	for _, key := range f.keys(t) {
		if strings.Contains(key, k.Address) || strings.Contains(key, strings.TrimPrefix(k.Address, "+")) {
			t.Errorf("key %q carries the address", key)
		}
	}
}

func TestNotFound(t *testing.T) {
	f := newFixture(t, redisstore.Options{})
	ctx := ctxT(t)
	id := dialog.ConversationID(testSecret, family(9))
	called := false
	cases := []struct {
		label string
		call  func() error
	}{
		{"Load", func() error { _, err := f.store.Load(ctx, id); return err }},
		{"Transcript", func() error { _, err := f.store.Transcript(ctx, id); return err }},
		{"MemoryUsage", func() error { _, err := f.store.MemoryUsage(ctx, id); return err }},
		{"UpdateByID", func() error {
			_, err := f.store.UpdateByID(ctx, id, func(c dialog.Conversation) (dialog.Conversation, dialog.Commit, error) {
				called = true
				return c, dialog.Commit{}, nil
			})
			return err
		}},
	}
	for _, tc := range cases {
		t.Run(tc.label, func(t *testing.T) {
			if err := tc.call(); !errors.Is(err, dialog.ErrNotFound) {
				t.Errorf("err = %v, want ErrNotFound", err)
			}
		})
	}
	if called {
		t.Error("UpdateByID called fn for a missing conversation")
	}
	if keys := f.keys(t); len(keys) != 0 {
		t.Errorf("reads wrote keys: %v", keys)
	}
}

// TestConcurrentUpdates: 50 messages from one family at once all land.
func TestConcurrentUpdates(t *testing.T) {
	const n = 50
	f := newFixture(t, redisstore.Options{})
	ctx := ctxT(t)
	k := family(2)
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Go(func() {
			if _, err := f.store.Update(ctx, k, say(fmt.Sprintf("message %d", i))); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("Update: %v", err)
	}

	id := dialog.ConversationID(testSecret, k)
	c, err := f.store.Load(ctx, id)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if c.Messages != n || c.Version != n {
		t.Errorf("messages %d version %d, want %d %d (lost update)", c.Messages, c.Version, n, n)
	}
	tx, err := f.store.Transcript(ctx, id)
	if err != nil {
		t.Fatalf("Transcript: %v", err)
	}
	seen := map[string]bool{}
	for _, e := range tx {
		seen[e.Text] = true
	}
	if len(tx) != n || len(seen) != n {
		t.Errorf("transcript has %d entries, %d distinct; want %d", len(tx), len(seen), n)
	}
}

func TestClaimInbound(t *testing.T) {
	f := newFixture(t, redisstore.Options{})
	ctx := ctxT(t)
	steps := []struct {
		label string
		k     dialog.Key
		msgID string
		want  bool
	}{
		{"first", family(1), "SM001", true},
		{"replay", family(1), "SM001", false},
		{"replay again", family(1), "SM001", false},
		{"next message", family(1), "SM002", true},
		{"same id, other family", family(2), "SM001", true},
		{"same address, other channel", dialog.Key{Channel: dialog.ChannelTelegram, Address: family(1).Address}, "SM001", true},
		{"no id", family(1), "", true},
		{"no id again", family(1), "", true},
	}
	for _, s := range steps {
		got, err := f.store.ClaimInbound(ctx, s.k, s.msgID)
		if err != nil || got != s.want {
			t.Errorf("%s: ClaimInbound = %v, %v; want %v", s.label, got, err, s.want)
		}
	}
	for _, key := range f.keys(t) {
		ttl := f.rdb.TTL(ctx, key).Val()
		if ttl <= 47*time.Hour || ttl > 48*time.Hour {
			t.Errorf("dedupe key %s TTL %v, want about 48h", key, ttl)
		}
		if strings.Contains(key, "SM00") {
			t.Errorf("dedupe key %s carries the message id", key)
		}
	}
}

func TestTranscriptCapped(t *testing.T) {
	f := newFixture(t, redisstore.Options{TranscriptCap: 5})
	ctx := ctxT(t)
	k := family(3)
	for i := range 12 {
		if _, err := f.store.Update(ctx, k, say(fmt.Sprint(i))); err != nil {
			t.Fatalf("Update %d: %v", i, err)
		}
	}
	tx, err := f.store.Transcript(ctx, dialog.ConversationID(testSecret, k))
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, e := range tx {
		texts = append(texts, e.Text)
	}
	if want := []string{"7", "8", "9", "10", "11"}; !reflect.DeepEqual(texts, want) {
		t.Errorf("transcript = %v, want the newest %v", texts, want)
	}
}

func TestIdleConversationMemory(t *testing.T) {
	f := newFixture(t, redisstore.Options{})
	ctx := ctxT(t)
	c, err := f.store.Update(ctx, family(4), idle)
	if err != nil {
		t.Fatal(err)
	}
	n, err := f.store.MemoryUsage(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("idle conversation: %d bytes (MEMORY USAGE, transcript excluded; real redis-server: %v)", n, f.srv.Real())
	if n > 2048 {
		t.Errorf("idle conversation uses %d bytes, want <= 2048", n)
	}
}

func TestEmbedded(t *testing.T) {
	addr, stop, err := redisstore.StartEmbedded("")
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	ctx := ctxT(t)
	rdb := redistestClient(t, addr)
	s := redisstore.New(rdb, testSecret, redisstore.Options{})
	c, err := s.Update(ctx, family(5), say("hello"))
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	if got, err := s.Load(ctx, c.ID); err != nil || got.Messages != 1 {
		t.Errorf("Load = %+v, %v", got, err)
	}
	if ttl := rdb.TTL(ctx, "hubbot:conv:"+c.ID).Val(); ttl <= 0 {
		t.Errorf("conversation TTL %v, want > 0", ttl)
	}
}
