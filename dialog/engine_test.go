package dialog_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/northbrook/hubbot/dialog"
)

// newEngine is an engine on a MemStore at a fixed time, logging to buf.
func newEngine(t *testing.T, now time.Time) (*dialog.Engine, *dialog.MemStore, *bytes.Buffer) {
	t.Helper()
	h := newHarness(t)
	clock := dialog.ClockFunc(func() time.Time { return now })
	store := dialog.NewMemStore([]byte("test-secret"), dialog.MemOptions{Clock: clock})
	var buf bytes.Buffer
	e := &dialog.Engine{Store: store, Machine: h.m, Clock: clock, Log: slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))}
	return e, store, &buf
}

const phone = "+447700900123"

// TestEngineDedupe: a replayed message id gets one reply.
func TestEngineDedupe(t *testing.T) {
	now := newHarness(t).tuesdayMorning()
	e, store, _ := newEngine(t, now)
	ctx := context.Background()
	in := dialog.Inbound{Channel: dialog.ChannelSMS, Address: phone, MessageID: "SM1", Text: offeredText}
	for range 3 {
		if err := e.Handle(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	if got := store.Outbox(); len(got) != 2 {
		t.Fatalf("want the welcome and one offer, got %d replies", len(got))
	}
	id := store.ID(dialog.Key{Channel: dialog.ChannelSMS, Address: phone})
	tx, err := store.Transcript(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if n := countFrom(tx, dialog.FromFamily); n != 1 {
		t.Fatalf("family lines %d, want 1", n)
	}
}

// TestEngineConcurrent: 50 messages at once on one conversation are all
// handled, none lost.
func TestEngineConcurrent(t *testing.T) {
	now := newHarness(t).tuesdayMorning()
	e, store, _ := newEngine(t, now)
	ctx := context.Background()
	if err := e.Handle(ctx, dialog.Inbound{Channel: dialog.ChannelSMS, Address: phone, MessageID: "SM0", Text: offeredText}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Claim(ctx, store.ID(dialog.Key{Channel: dialog.ChannelSMS, Address: phone}), "prac-priya-sharma"); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Go(func() {
			err := e.Handle(ctx, dialog.Inbound{Channel: dialog.ChannelSMS, Address: phone, MessageID: fmt.Sprintf("SM-%d", i), Text: fmt.Sprintf("message %d", i)})
			if err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	id := store.ID(dialog.Key{Channel: dialog.ChannelSMS, Address: phone})
	tx, err := store.Transcript(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if n := countFrom(tx, dialog.FromFamily); n != 51 {
		t.Fatalf("family lines %d, want 51", n)
	}
	c, err := store.Load(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if c.Messages != 51 || c.Version != 52 {
		t.Fatalf("messages %d version %d", c.Messages, c.Version)
	}
}

// TestEngineForget: after FORGET the store holds nothing of the family but
// the confirmation on its way out.
func TestEngineForget(t *testing.T) {
	now := newHarness(t).tuesdayMorning()
	e, store, _ := newEngine(t, now)
	ctx := context.Background()
	k := dialog.Key{Channel: dialog.ChannelSMS, Address: phone}
	for i, text := range []string{offeredText, "person", "forget me"} {
		if err := e.Handle(ctx, dialog.Inbound{Channel: k.Channel, Address: k.Address, MessageID: fmt.Sprint(i), Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	if store.Holds(store.ID(k)) {
		t.Fatal("the store still holds the family after FORGET")
	}
	out := store.Outbox()
	if last := out[len(out)-1]; !strings.Contains(last.Text, "deleted") {
		t.Fatalf("last reply %q", last.Text)
	}
	if q, _ := store.Queue(ctx); len(q) != 0 {
		t.Fatalf("queue after FORGET: %+v", q)
	}
	// The provider replays the FORGET webhook: no second confirmation, and
	// nothing of the family comes back.
	sent := len(store.Outbox())
	if err := e.Handle(ctx, dialog.Inbound{Channel: k.Channel, Address: k.Address, MessageID: "2", Text: "forget me"}); err != nil {
		t.Fatal(err)
	}
	if n := len(store.Outbox()); n != sent {
		t.Fatalf("replayed FORGET sent %d more replies", n-sent)
	}
	if store.Holds(store.ID(k)) {
		t.Fatal("a replayed FORGET brought the family back")
	}
}

// TestEngineCheckins: due check-ins go once; staff actions work by id; logs
// carry no address or text.
func TestEngineCheckins(t *testing.T) {
	h := newHarness(t)
	start := h.tuesdayMorning()
	now := start
	clock := dialog.ClockFunc(func() time.Time { return now })
	store := dialog.NewMemStore([]byte("s"), dialog.MemOptions{Clock: clock})
	var buf bytes.Buffer
	e := &dialog.Engine{Store: store, Machine: h.m, Clock: clock, Log: slog.New(slog.NewTextHandler(&buf, nil))}
	ctx := context.Background()
	stopped := "+447700900999"
	for i, a := range []string{phone, stopped} {
		if err := e.Handle(ctx, dialog.Inbound{Channel: dialog.ChannelSMS, Address: a, MessageID: fmt.Sprint("a", i), Text: offeredText}); err != nil {
			t.Fatal(err)
		}
	}
	if err := e.Handle(ctx, dialog.Inbound{Channel: dialog.ChannelSMS, Address: stopped, MessageID: "stop", Text: "STOP"}); err != nil {
		t.Fatal(err)
	}
	store.TakeOutbox()
	if n, err := e.Checkins(ctx); err != nil || n != 0 {
		t.Fatalf("early: %d %v", n, err)
	}
	now = start.Add(15 * 24 * time.Hour)
	n, err := e.Checkins(ctx)
	if err != nil || n != 2 {
		t.Fatalf("checkins: %d %v", n, err)
	}
	out := store.TakeOutbox()
	if len(out) != 1 || out[0].Address != phone || !strings.Contains(out[0].Text, "Did you get the help") {
		t.Fatalf("check-ins sent: %+v", out)
	}
	if n, _ := e.Checkins(ctx); n != 0 {
		t.Fatal("a check-in went twice")
	}
	if err := e.Handle(ctx, dialog.Inbound{Channel: dialog.ChannelSMS, Address: phone, MessageID: "ans", Text: "2"}); err != nil {
		t.Fatal(err)
	}
	if o, _ := store.Outcomes(ctx); len(o) != 1 || o[0].Answer != "not-yet" {
		t.Fatalf("outcomes %+v", o)
	}

	// Staff, by id.
	id := store.ID(dialog.Key{Channel: dialog.ChannelSMS, Address: phone})
	if _, err := e.Reply(ctx, id, "prac-priya-sharma", "Hi, it's Priya"); err != nil {
		t.Fatal(err)
	}
	if _, err := e.AddNote(ctx, id, "prac-priya-sharma", "rang back"); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Flag(ctx, id, "prac-priya-sharma", "risk:neglect"); err != nil {
		t.Fatal(err)
	}
	q, _ := store.Queue(ctx)
	if len(q) != 1 || !q[0].Urgent || q[0].PractitionerID != "prac-priya-sharma" {
		t.Fatalf("queue %+v", q)
	}
	if _, err := e.Close(ctx, id, "prac-priya-sharma", "helped"); err != nil {
		t.Fatal(err)
	}
	if q, _ := store.Queue(ctx); len(q) != 0 {
		t.Fatalf("queue after close %+v", q)
	}
	if _, err := e.HandBack(ctx, "no-such-id", "prac-priya-sharma"); err == nil {
		t.Fatal("staff action on an unknown conversation")
	}
	sid := store.ID(dialog.Key{Channel: dialog.ChannelSMS, Address: stopped})
	if _, err := e.Reply(ctx, sid, "prac-priya-sharma", "hello"); err == nil {
		t.Fatal("reply to a stopped family")
	}

	logs := buf.String()
	for _, secret := range []string{phone, stopped, "toddler", "Hi, it's Priya", "rang back"} {
		if strings.Contains(logs, secret) {
			t.Errorf("logs contain %q", secret)
		}
	}
	if !strings.Contains(logs, "conv="+id) {
		t.Errorf("logs lack the conversation id:\n%s", logs)
	}
}

// TestEngineReleasesFailedClaim: a message that fails to commit is not
// taken for a replay when the provider retries.
func TestEngineReleasesFailedClaim(t *testing.T) {
	h := newHarness(t)
	now := h.tuesdayMorning()
	store := dialog.NewMemStore([]byte("s"), dialog.MemOptions{Clock: dialog.ClockFunc(func() time.Time { return now })})
	failing := &dialog.Engine{Store: store, Machine: h.m, Clock: dialog.ClockFunc(func() time.Time { return now })}
	in := dialog.Inbound{Channel: dialog.ChannelSMS, Address: phone, MessageID: "SM9", Text: "hi", Kind: "bogus"}
	if err := failing.Handle(context.Background(), in); err == nil {
		t.Fatal("want an error for an unknown event kind")
	}
	in.Kind = ""
	if err := failing.Handle(context.Background(), in); err != nil {
		t.Fatal(err)
	}
	if len(store.Outbox()) == 0 {
		t.Fatal("the retried message was dropped as a replay")
	}
}

func countFrom(tx []dialog.Entry, d dialog.Direction) int {
	n := 0
	for _, e := range tx {
		if e.From == d {
			n++
		}
	}
	return n
}
