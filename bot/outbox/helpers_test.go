package outbox

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/northbrook/hubbot/bot"
	"github.com/northbrook/hubbot/bot/sms"
	"github.com/northbrook/hubbot/bot/sms/smsfake"
	"github.com/northbrook/hubbot/dialog"
	"github.com/northbrook/hubbot/dialog/redisstore/redistest"
)

const (
	familyNum = "+447700900123"
	hubNum    = "+441632960000"
)

// rig is one test's Redis, fake Twilio and the observers of its workers.
type rig struct {
	t        *testing.T
	rdb      *redis.Client
	fake     *smsfake.Server
	prefix   string
	delivery *deliveryLog
	metrics  *metricsLog
}

func newRig(t *testing.T) *rig {
	t.Helper()
	return &rig{
		t:        t,
		rdb:      redistest.Start(t).Client(t),
		fake:     smsfake.New(t),
		prefix:   "t:" + strings.ReplaceAll(t.Name(), "/", ":") + ":",
		delivery: &deliveryLog{},
		metrics:  &metricsLog{},
	}
}

// opts are quick settings for tests: short reads, claims, leases, backoff.
func (g *rig) opts(consumer string) Options {
	return Options{
		Prefix:      g.prefix,
		Consumer:    consumer,
		Block:       50 * time.Millisecond,
		ClaimIdle:   200 * time.Millisecond,
		Lease:       600 * time.Millisecond,
		BaseBackoff: 10 * time.Millisecond,
		MaxBackoff:  50 * time.Millisecond,
	}
}

func (g *rig) stream() string { return g.prefix + "outbox" }

// smsSender is the real SMS sender pointed at the fake Twilio.
func (g *rig) smsSender() bot.Sender {
	return sms.NewSender(smsfake.AccountSID, smsfake.AuthToken, hubNum, "https://hub.example.org",
		sms.WithBaseURL(g.fake.URL()))
}

// worker builds a worker sending SMS with s.
func (g *rig) worker(s bot.Sender, o Options) *Worker {
	return New(g.rdb, map[dialog.Channel]bot.Sender{dialog.ChannelSMS: s}, g.delivery, g.metrics, nil, o)
}

// runner is a worker running in the background.
type runner struct {
	t      *testing.T
	cancel context.CancelFunc
	done   chan error
	once   sync.Once
}

// run starts w; it is stopped when the test ends.
func (g *rig) run(w *Worker) *runner {
	ctx, cancel := context.WithCancel(context.Background())
	r := &runner{t: g.t, cancel: cancel, done: make(chan error, 1)}
	go func() { r.done <- w.Run(ctx) }()
	g.t.Cleanup(r.stop)
	return r
}

// kill ends the worker's loop at once: it claims and reads nothing more.
// Sends under way are not waited for (a dead process's never finish).
func (r *runner) kill() { r.cancel() }

// stop cancels the worker and waits for Run to return.
func (r *runner) stop() {
	r.once.Do(func() {
		r.cancel()
		select {
		case err := <-r.done:
			if err != nil {
				r.t.Errorf("Run: %v", err)
			}
		case <-time.After(10 * time.Second):
			r.t.Errorf("Run did not return within 10s of cancel")
		}
	})
}

// reply is an SMS reply with its own id and text.
func reply(id string) dialog.Outbound {
	return dialog.Outbound{ID: id, ConvID: "conv-" + id, Channel: dialog.ChannelSMS, Address: familyNum,
		Text: "Reply " + id, Created: time.Now()}
}

// enqueue adds ob to the outbox as dialog/redisstore does: XADD with the
// Outbound JSON in "m" and its id in "id".
func (g *rig) enqueue(ob dialog.Outbound) {
	g.t.Helper()
	m, err := json.Marshal(ob)
	if err != nil {
		g.t.Fatal(err)
	}
	if err := g.rdb.Do(context.Background(), "xadd", g.stream(), "maxlen", "~", 100000, "*", "m", m, "id", ob.ID).Err(); err != nil {
		g.t.Fatalf("xadd: %v", err)
	}
}

// waitFor polls cond until it holds, failing the test after timeout.
func (g *rig) waitFor(what string, timeout time.Duration, cond func() bool) {
	g.t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			g.t.Fatalf("timed out after %v waiting for %s", timeout, what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// settled waits until the outbox stream is empty and nothing is pending.
func (g *rig) settled(timeout time.Duration) {
	g.t.Helper()
	ctx := context.Background()
	g.waitFor("the outbox to drain", timeout, func() bool {
		n, _ := g.rdb.XLen(ctx, g.stream()).Result()
		p, err := g.rdb.XPending(ctx, g.stream(), "senders").Result()
		return n == 0 && err == nil && p.Count == 0
	})
}

// sentByReply counts the messages the fake accepted for each reply id.
func (g *rig) sentByReply() map[string]int {
	out := map[string]int{}
	for _, m := range g.fake.Messages() {
		out[strings.TrimPrefix(m.Body, "Reply ")]++
	}
	return out
}

func (g *rig) deadLetters() []redis.XMessage {
	g.t.Helper()
	msgs, err := g.rdb.XRange(context.Background(), g.prefix+"outbox:dead", "-", "+").Result()
	if err != nil {
		g.t.Fatalf("xrange dead: %v", err)
	}
	return msgs
}

// deliveryLog is a bot.Delivery that keeps what it hears.
type deliveryLog struct {
	mu      sync.Mutex
	status  []string // "<id> <status>"
	stopped []string // ids
}

func (d *deliveryLog) Status(_ context.Context, ob dialog.Outbound, status string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.status = append(d.status, ob.ID+" "+status)
}

func (d *deliveryLog) Stopped(_ context.Context, ob dialog.Outbound) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.stopped = append(d.stopped, ob.ID)
}

func (d *deliveryLog) snapshot() (status, stopped []string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string(nil), d.status...), append([]string(nil), d.stopped...)
}

// metricsLog is a Metrics that counts.
type metricsLog struct {
	mu                    sync.Mutex
	sent, retried, deadLt int
}

func (m *metricsLog) Sent(dialog.Channel)         { m.mu.Lock(); m.sent++; m.mu.Unlock() }
func (m *metricsLog) Retried(dialog.Channel)      { m.mu.Lock(); m.retried++; m.mu.Unlock() }
func (m *metricsLog) DeadLettered(dialog.Channel) { m.mu.Lock(); m.deadLt++; m.mu.Unlock() }

func (m *metricsLog) counts() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return fmt.Sprintf("sent=%d retried=%d dead=%d", m.sent, m.retried, m.deadLt)
}

// senderFunc adapts a function to bot.Sender.
type senderFunc func(ctx context.Context, ob dialog.Outbound) (string, error)

func (f senderFunc) Send(ctx context.Context, ob dialog.Outbound) (string, error) { return f(ctx, ob) }
