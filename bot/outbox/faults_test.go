package outbox

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/northbrook/hubbot/bot"
	"github.com/northbrook/hubbot/bot/sms/smsfake"
	"github.com/northbrook/hubbot/dialog"
)

// The provider answers 429 (Retry-After: 1), then 500, then 200: exactly
// one message arrives, after the wait Twilio asked for.
func TestFault429Then500Then200(t *testing.T) {
	g := newRig(t)
	g.fake.Script(smsfake.Reply{Status: 429, RetryAfter: "1"}, smsfake.Reply{Status: 500})
	g.run(g.worker(g.smsSender(), g.opts("a")))
	start := time.Now()
	g.enqueue(reply("r1"))
	g.fake.WaitMessages(t, 1, 10*time.Second)
	took := time.Since(start)
	g.settled(5 * time.Second)
	time.Sleep(300 * time.Millisecond)

	if n := len(g.fake.Messages()); n != 1 {
		t.Fatalf("%d messages arrived, want exactly 1", n)
	}
	reqs := g.fake.Requests()
	if len(reqs) != 3 || reqs[0].Answered != 429 || reqs[1].Answered != 500 || reqs[2].Answered != 201 {
		t.Fatalf("requests %v, want 429, 500, 201", answered(reqs))
	}
	if took < time.Second {
		t.Errorf("delivered after %v: Retry-After: 1 not honoured", took)
	}
	if c := g.metrics.counts(); c != "sent=1 retried=2 dead=0" {
		t.Errorf("metrics %s", c)
	}
}

// A worker that dies while sending (its Send never returns, it renews
// nothing) leaves the reply pending under its lease; once the lease runs
// out another worker claims the reply and delivers it, once.
func TestWorkerKilledMidSend(t *testing.T) {
	g := newRig(t)
	entered := make(chan struct{})
	release := make(chan struct{})
	var calls atomic.Int32
	frozen := senderFunc(func(ctx context.Context, ob dialog.Outbound) (string, error) {
		if calls.Add(1) == 1 {
			close(entered)
		}
		<-release // dead: deaf to its context too
		return "", bot.Retry(0, errors.New("killed"))
	})
	a := g.run(g.worker(frozen, g.opts("a")))
	wake := sync.OnceFunc(func() { close(release) })
	t.Cleanup(wake) // before the worker is stopped, even if the test fails
	g.enqueue(reply("r1"))
	select {
	case <-entered:
	case <-time.After(5 * time.Second):
		t.Fatal("worker a never started sending")
	}
	a.kill()

	g.run(g.worker(g.smsSender(), g.opts("b")))
	g.fake.WaitMessages(t, 1, 10*time.Second)
	g.settled(5 * time.Second)
	time.Sleep(500 * time.Millisecond)

	if sent := g.sentByReply(); sent["r1"] != 1 || len(g.fake.Requests()) != 1 {
		t.Fatalf("sent %v in %d requests, want r1 once", sent, len(g.fake.Requests()))
	}
	// Let the dead worker's goroutine go, and shut it down.
	wake()
	a.stop()
	if n := calls.Load(); n != 1 {
		t.Errorf("the dead worker's sender was called %d times", n)
	}
	if sent := g.sentByReply(); sent["r1"] != 1 {
		t.Fatalf("sent %v after the dead worker woke, want r1 once", sent)
	}
	if len(g.deadLetters()) != 0 {
		t.Errorf("dead letters %d", len(g.deadLetters()))
	}
}

// A worker that crashed after reading a reply but before taking its lease
// leaves it pending in the group; a live worker claims it after ClaimIdle.
func TestCrashedConsumerPendingClaimed(t *testing.T) {
	g := newRig(t)
	ctx := context.Background()
	if err := g.rdb.XGroupCreateMkStream(ctx, g.stream(), "senders", "0").Err(); err != nil {
		t.Fatal(err)
	}
	g.enqueue(reply("orphan"))
	res, err := g.rdb.XReadGroup(ctx, &redis.XReadGroupArgs{Group: "senders", Consumer: "ghost",
		Streams: []string{g.stream(), ">"}, Count: 10}).Result()
	if err != nil || len(res) != 1 || len(res[0].Messages) != 1 {
		t.Fatalf("ghost read %v %v", res, err)
	}
	g.run(g.worker(g.smsSender(), g.opts("a")))
	g.fake.WaitMessages(t, 1, 5*time.Second)
	g.settled(5 * time.Second)
	if sent := g.sentByReply(); sent["orphan"] != 1 {
		t.Fatalf("sent %v, want orphan once", sent)
	}
}

// A worker whose send outlived its lease, while another worker took the
// reply over, must not send it again nor drop the other worker's lease.
func TestLeaseTakenOverNotSentAgain(t *testing.T) {
	g := newRig(t)
	ctx := context.Background()
	o := g.opts("a")
	o.Lease = 300 * time.Millisecond
	o.ClaimIdle = time.Hour // no claims: only this worker sees the reply
	lease := g.prefix + "outbox:lease:r1"
	var calls atomic.Int32
	slow := senderFunc(func(ctx context.Context, ob dialog.Outbound) (string, error) {
		if calls.Add(1) > 1 {
			return "SMsecond", nil
		}
		time.Sleep(o.Lease + 200*time.Millisecond) // deaf to ctx: a stalled send
		// Meanwhile the lease ran out and worker b took the reply.
		if err := g.rdb.Set(context.Background(), lease, "b", time.Minute).Err(); err != nil {
			t.Error(err)
		}
		return "", bot.Retry(0, errors.New("timed out"))
	})
	w := g.run(g.worker(slow, o))
	g.enqueue(reply("r1"))
	g.waitFor("the first send", 5*time.Second, func() bool { return calls.Load() >= 1 })
	time.Sleep(o.Lease + 600*time.Millisecond)
	w.stop()

	if n := calls.Load(); n != 1 {
		t.Errorf("sender called %d times, want 1: the reply was sent again under b's lease", n)
	}
	if owner, _ := g.rdb.Get(ctx, lease).Result(); owner != "b" {
		t.Errorf("lease holder %q, want b's lease left alone", owner)
	}
}

// A send that hangs past its lease, deaf to its context, is claimed back
// by its own worker when the lease runs out: the worker must not start a
// second send beside the hung one. Once the hung send gives up, the reply
// goes out once.
func TestHungSendNotStartedTwice(t *testing.T) {
	g := newRig(t)
	release := make(chan struct{})
	var calls, sent atomic.Int32
	hung := senderFunc(func(ctx context.Context, ob dialog.Outbound) (string, error) {
		if calls.Add(1) == 1 {
			<-release
			return "", bot.Retry(0, errors.New("gave up"))
		}
		sent.Add(1)
		return "SMok", nil
	})
	g.run(g.worker(hung, g.opts("a")))
	unhang := sync.OnceFunc(func() { close(release) })
	t.Cleanup(unhang) // before the worker is stopped, even if the test fails
	g.enqueue(reply("r1"))
	time.Sleep(3 * g.opts("a").Lease) // several claim rounds past the lease
	if n := calls.Load(); n != 1 {
		t.Fatalf("sender called %d times while the first send hung, want 1", n)
	}
	unhang()
	g.settled(10 * time.Second)
	if n := sent.Load(); n != 1 {
		t.Fatalf("reply sent %d times, want 1", n)
	}
}

func answered(ms []smsfake.Message) []int {
	out := make([]int, len(ms))
	for i, m := range ms {
		out[i] = m.Answered
	}
	return out
}
