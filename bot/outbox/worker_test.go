package outbox

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/northbrook/hubbot/bot/sms/smsfake"
	"github.com/northbrook/hubbot/dialog"
)

func TestReplySentOnce(t *testing.T) {
	g := newRig(t)
	g.run(g.worker(g.smsSender(), g.opts("a")))
	g.enqueue(reply("r1"))
	g.fake.WaitMessages(t, 1, 5*time.Second)
	g.settled(5 * time.Second)
	time.Sleep(300 * time.Millisecond) // past a claim round: nothing more goes out

	ms := g.fake.Messages()
	if len(ms) != 1 || ms[0].Body != "Reply r1" || ms[0].To != familyNum {
		t.Fatalf("fake got %+v, want one message", ms)
	}
	if len(g.fake.Requests()) != 1 {
		t.Errorf("fake got %d requests, want 1", len(g.fake.Requests()))
	}
	if got, _ := g.rdb.Get(context.Background(), g.prefix+"outbox:sent:r1").Result(); got != ms[0].SID {
		t.Errorf("sent marker %q, want the message SID %q", got, ms[0].SID)
	}
	if status, _ := g.delivery.snapshot(); !slices.Equal(status, []string{"r1 sent"}) {
		t.Errorf("delivery heard %v", status)
	}
	if c := g.metrics.counts(); c != "sent=1 retried=0 dead=0" {
		t.Errorf("metrics %s", c)
	}
}

// One idempotency key is never sent twice, even when the outbox holds it
// twice (a dialog commit retried after a lost answer).
func TestSameReplyIDSentOnce(t *testing.T) {
	g := newRig(t)
	g.enqueue(reply("dup"))
	g.enqueue(reply("dup"))
	g.run(g.worker(g.smsSender(), g.opts("a")))
	g.settled(5 * time.Second)
	if n := g.sentByReply()["dup"]; n != 1 {
		t.Fatalf("reply sent %d times, want 1", n)
	}
}

func TestTwoWorkersShareTheOutbox(t *testing.T) {
	g := newRig(t)
	const n = 50
	var senders [2]int
	for i, name := range []string{"a", "b"} {
		s := g.smsSender()
		counted := senderFunc(func(ctx context.Context, ob dialog.Outbound) (string, error) {
			id, err := s.Send(ctx, ob)
			if err == nil {
				g.metrics.mu.Lock()
				senders[i]++
				g.metrics.mu.Unlock()
			}
			return id, err
		})
		g.run(g.worker(counted, g.opts(name)))
	}
	time.Sleep(100 * time.Millisecond) // both waiting on the stream: replies go to each in turn
	for i := range n {
		g.enqueue(reply(fmt.Sprintf("r%02d", i)))
	}
	g.fake.WaitMessages(t, n, 10*time.Second)
	g.settled(5 * time.Second)
	time.Sleep(300 * time.Millisecond)

	sent := g.sentByReply()
	for i := range n {
		id := fmt.Sprintf("r%02d", i)
		if sent[id] != 1 {
			t.Errorf("%s sent %d times, want 1", id, sent[id])
		}
	}
	if len(g.fake.Messages()) != n {
		t.Errorf("fake accepted %d messages, want %d", len(g.fake.Messages()), n)
	}
	g.metrics.mu.Lock()
	t.Logf("worker a sent %d, worker b sent %d", senders[0], senders[1])
	g.metrics.mu.Unlock()
}

func TestPermanentFailureDeadLetters(t *testing.T) {
	g := newRig(t)
	g.fake.Script(smsfake.Reply{Status: 400, Code: 21211, Message: "Invalid 'To' Phone Number"})
	g.run(g.worker(g.smsSender(), g.opts("a")))
	g.enqueue(reply("bad"))
	g.waitFor("a dead letter", 5*time.Second, func() bool { return len(g.deadLetters()) == 1 })
	g.settled(5 * time.Second)
	g.waitFor("the failed status", 5*time.Second, func() bool { st, _ := g.delivery.snapshot(); return len(st) > 0 })

	dead := g.deadLetters()[0]
	var ob dialog.Outbound
	if err := json.Unmarshal([]byte(dead.Values["m"].(string)), &ob); err != nil || ob.ID != "bad" || dead.Values["id"] != "bad" {
		t.Errorf("dead letter %v (%v)", dead.Values, err)
	}
	if reason, _ := dead.Values["reason"].(string); reason == "" {
		t.Error("dead letter has no reason")
	}
	if n := len(g.fake.Requests()); n != 1 {
		t.Errorf("fake got %d requests, want 1 (no retry of a permanent failure)", n)
	}
	if status, _ := g.delivery.snapshot(); !slices.Equal(status, []string{"bad failed"}) {
		t.Errorf("delivery heard %v", status)
	}
	if c := g.metrics.counts(); c != "sent=0 retried=0 dead=1" {
		t.Errorf("metrics %s", c)
	}
}

func TestRetriesRunOutToDeadLetter(t *testing.T) {
	g := newRig(t)
	for range 10 {
		g.fake.Script(smsfake.Reply{Status: 500})
	}
	o := g.opts("a")
	o.MaxAttempts = 3
	g.run(g.worker(g.smsSender(), o))
	g.enqueue(reply("flaky"))
	g.waitFor("a dead letter", 5*time.Second, func() bool { return len(g.deadLetters()) == 1 })
	if n := len(g.fake.Requests()); n != 3 {
		t.Errorf("fake got %d requests, want MaxAttempts=3", n)
	}
	g.waitFor("metrics sent=0 retried=2 dead=1", 5*time.Second, func() bool {
		return g.metrics.counts() == "sent=0 retried=2 dead=1"
	})
}

func TestStoppedFamilyTold(t *testing.T) {
	g := newRig(t)
	g.fake.OptOut(familyNum)
	g.run(g.worker(g.smsSender(), g.opts("a")))
	g.enqueue(reply("optout"))
	g.waitFor("Stopped", 5*time.Second, func() bool { _, s := g.delivery.snapshot(); return len(s) > 0 })
	g.settled(5 * time.Second)
	time.Sleep(300 * time.Millisecond)

	status, stopped := g.delivery.snapshot()
	if !slices.Equal(stopped, []string{"optout"}) || len(status) != 0 {
		t.Errorf("delivery heard status %v stopped %v, want Stopped(optout) only", status, stopped)
	}
	if len(g.deadLetters()) != 0 || len(g.fake.Requests()) != 1 {
		t.Errorf("dead letters %d, requests %d; want 0 and 1", len(g.deadLetters()), len(g.fake.Requests()))
	}
}

func TestUnreadableEntryDropped(t *testing.T) {
	g := newRig(t)
	ctx := context.Background()
	for _, v := range []map[string]any{{"m": "{not json", "id": "x"}, {"id": "y"}, {"m": `{"text":"no id"}`}} {
		if err := g.rdb.XAdd(ctx, &redis.XAddArgs{Stream: g.stream(), Values: v}).Err(); err != nil {
			t.Fatal(err)
		}
	}
	g.enqueue(reply("good"))
	g.run(g.worker(g.smsSender(), g.opts("a")))
	g.fake.WaitMessages(t, 1, 5*time.Second)
	g.settled(5 * time.Second)
	if sent := g.sentByReply(); len(sent) != 1 || sent["good"] != 1 {
		t.Fatalf("sent %v, want only the good reply", sent)
	}
}

func TestNoSenderForChannelDeadLetters(t *testing.T) {
	g := newRig(t)
	g.run(g.worker(g.smsSender(), g.opts("a")))
	ob := reply("tg")
	ob.Channel = dialog.ChannelTelegram
	g.enqueue(ob)
	g.waitFor("a dead letter", 5*time.Second, func() bool { return len(g.deadLetters()) == 1 })
	if n := len(g.fake.Requests()); n != 0 {
		t.Errorf("fake got %d requests", n)
	}
}
