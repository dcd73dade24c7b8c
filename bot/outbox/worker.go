// Package outbox sends the replies the dialog committed to the Redis outbox
// stream: each exactly once, paced per chat and per sender, retried when a
// provider is busy or failing, and dead-lettered when it never recovers.
// Workers on several hubbot instances share one consumer group.
package outbox

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/northbrook/hubbot/bot"
	"github.com/northbrook/hubbot/dialog"
)

// Options tunes a Worker; zero values take the defaults.
type Options struct {
	Stream   string // the outbox stream (redisstore.Store.OutboxKey)
	Prefix   string // key prefix for sent markers, leases and dead letters (default "hubbot:")
	Group    string // consumer group (default "senders")
	Consumer string // this worker's name (default host-pid-random)

	Block       time.Duration // how long one read waits for new replies (default 1s)
	ClaimIdle   time.Duration // a pending reply idle this long was left by a dead worker (default 30s)
	Lease       time.Duration // how long a worker holds a reply while sending (default 2m); one send may take half of it, at most 15s
	MaxAttempts int           // sends tried before a reply is dead-lettered (default 8)
	BaseBackoff time.Duration // first retry wait (default 500ms), doubling with jitter
	MaxBackoff  time.Duration // longest retry wait (default 1m)
	SentTTL     time.Duration // how long "already sent" is remembered (default 72h)
	Concurrency int           // replies sent at once by this worker (default 8)

	// Pace limits sends per channel: per chat and per sender (the bot or the number).
	Pace map[dialog.Channel]Pace
}

// Pace is a channel's rate limits.
type Pace struct {
	PerChat   time.Duration // least gap between two replies to one chat (Telegram: 1s)
	PerSecond float64       // replies a second across all chats of the sender (Telegram: 30)
}

// Metrics hears what the worker does; nil-safe.
type Metrics interface {
	Sent(ch dialog.Channel)
	Retried(ch dialog.Channel)
	DeadLettered(ch dialog.Channel)
}

// Worker sends replies from the outbox.
type Worker struct {
	rdb      redis.UniversalClient
	senders  map[dialog.Channel]bot.Sender
	delivery bot.Delivery
	metrics  Metrics
	log      *slog.Logger
	opts     Options
	pacer    *pacer
	convs    convLocks
	sleep    func(ctx context.Context, d time.Duration) error
	renew    *redis.Script // extends a lease only while this worker holds it
	release  *redis.Script // drops a lease only while this worker holds it
}

// Lease scripts: KEYS[1] the lease, ARGV[1] this worker's name, ARGV[2]
// the new lifetime in milliseconds. A worker that stalled past its lease
// must neither extend nor drop the lease another worker has taken since.
const (
	renewLeaseLua   = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) end return 0`
	releaseLeaseLua = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) end return 0`
)

// New returns a Worker that sends each channel's replies with its Sender.
func New(rdb redis.UniversalClient, senders map[dialog.Channel]bot.Sender, delivery bot.Delivery, metrics Metrics, log *slog.Logger, opts Options) *Worker {
	if opts.Prefix == "" {
		opts.Prefix = "hubbot:"
	}
	if opts.Stream == "" {
		opts.Stream = opts.Prefix + "outbox"
	}
	if opts.Group == "" {
		opts.Group = "senders"
	}
	if opts.Consumer == "" {
		host, _ := os.Hostname()
		opts.Consumer = fmt.Sprintf("%s-%d-%04x", host, os.Getpid(), rand.IntN(1<<16))
	}
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&opts.Block, time.Second)
	def(&opts.ClaimIdle, 30*time.Second)
	def(&opts.Lease, 2*time.Minute)
	def(&opts.BaseBackoff, 500*time.Millisecond)
	def(&opts.MaxBackoff, time.Minute)
	def(&opts.SentTTL, 72*time.Hour)
	if opts.MaxAttempts <= 0 {
		opts.MaxAttempts = 8
	}
	if opts.Concurrency <= 0 {
		opts.Concurrency = 8
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Worker{rdb: rdb, senders: senders, delivery: delivery, metrics: metrics, log: log, opts: opts,
		pacer: newPacer(opts.Pace), sleep: sleepCtx,
		renew: redis.NewScript(renewLeaseLua), release: redis.NewScript(releaseLeaseLua)}
}

// DeadKey is the stream where replies that could not be sent are kept for a person to see.
func (w *Worker) DeadKey() string { return w.opts.Prefix + "outbox:dead" }

func (w *Worker) sentKey(id string) string  { return w.opts.Prefix + "outbox:sent:" + id }
func (w *Worker) leaseKey(id string) string { return w.opts.Prefix + "outbox:lease:" + id }

// Run sends replies until ctx ends. In-flight sends finish first (bounded
// by their own timeouts), so a shutdown loses nothing: an unfinished reply
// stays pending and another worker claims it.
func (w *Worker) Run(ctx context.Context) error {
	if err := w.ensureGroup(ctx); err != nil {
		return err
	}
	sem := make(chan struct{}, w.opts.Concurrency)
	var inflight sync.Map // entry ids being handled
	var wg sync.WaitGroup
	defer wg.Wait()
	nextClaim := time.Time{}
	for ctx.Err() == nil {
		var msgs []redis.XMessage
		if time.Now().After(nextClaim) {
			claimed, _, err := w.rdb.XAutoClaim(ctx, &redis.XAutoClaimArgs{
				Stream: w.opts.Stream, Group: w.opts.Group, Consumer: w.opts.Consumer,
				MinIdle: w.opts.ClaimIdle, Start: "0-0", Count: 64,
			}).Result()
			if err != nil && !isNoGroup(err) && ctx.Err() == nil {
				w.log.Warn("outbox: claim failed", "err", err)
			}
			msgs = append(msgs, claimed...)
			nextClaim = time.Now().Add(w.opts.ClaimIdle / 4)
		}
		if len(msgs) == 0 {
			res, err := w.rdb.XReadGroup(ctx, &redis.XReadGroupArgs{
				Group: w.opts.Group, Consumer: w.opts.Consumer,
				Streams: []string{w.opts.Stream, ">"}, Count: 64, Block: w.opts.Block,
			}).Result()
			switch {
			case errors.Is(err, redis.Nil):
				continue
			case isNoGroup(err):
				if err := w.ensureGroup(ctx); err != nil {
					w.log.Warn("outbox: group", "err", err)
				}
				continue
			case err != nil:
				if ctx.Err() != nil {
					return nil
				}
				w.log.Warn("outbox: read failed", "err", err)
				_ = w.sleep(ctx, time.Second)
				continue
			}
			for _, s := range res {
				msgs = append(msgs, s.Messages...)
			}
		}
		// One conversation's replies go in the order they were committed:
		// each conversation's entries are sent one after another, under a
		// lock that a later batch for it waits on.
		for _, g := range byConversation(msgs) {
			var todo []redis.XMessage
			for _, m := range g.msgs {
				// A send that hangs past its lease is claimed back by this
				// worker too: never start a second one beside it.
				if _, busy := inflight.LoadOrStore(m.ID, true); !busy {
					todo = append(todo, m)
				}
			}
			if len(todo) == 0 {
				continue
			}
			sem <- struct{}{}
			wg.Add(1)
			go func(conv string, todo []redis.XMessage) {
				defer func() { <-sem; wg.Done() }()
				unlock := w.convs.lock(conv)
				defer unlock()
				for _, m := range todo {
					w.handle(context.WithoutCancel(ctx), ctx, m)
					inflight.Delete(m.ID)
				}
			}(g.conv, todo)
		}
	}
	return nil
}

func (w *Worker) ensureGroup(ctx context.Context) error {
	err := w.rdb.XGroupCreateMkStream(ctx, w.opts.Stream, w.opts.Group, "0").Err()
	if err != nil && !strings.Contains(err.Error(), "BUSYGROUP") {
		return fmt.Errorf("outbox: create group: %w", err)
	}
	return nil
}

func isNoGroup(err error) bool { return err != nil && strings.Contains(err.Error(), "NOGROUP") }

// handle sends one stream entry. work is not cancelled by shutdown, so a
// send under way completes; stop says whether to begin new waits.
func (w *Worker) handle(work, stop context.Context, m redis.XMessage) {
	raw, _ := m.Values["m"].(string)
	var ob dialog.Outbound
	if err := json.Unmarshal([]byte(raw), &ob); err != nil || ob.ID == "" {
		w.log.Error("outbox: unreadable entry dropped", "entry", m.ID, "err", err)
		w.ack(work, m.ID)
		return
	}
	log := w.log.With("conv", ob.ConvID, "reply", ob.ID, "channel", ob.Channel)
	// Already sent (by us before a crash, or by another instance): just ack.
	if w.wasSent(work, ob.ID) {
		w.ack(work, m.ID)
		return
	}
	ok, err := w.rdb.SetNX(work, w.leaseKey(ob.ID), w.opts.Consumer, w.opts.Lease).Result()
	if err != nil || !ok {
		return // someone else holds it; it stays pending until sent or claimed
	}
	defer w.release.Run(work, w.rdb, []string{w.leaseKey(ob.ID)}, w.opts.Consumer)
	// Look again under the lease: another worker may have sent the reply
	// and let its lease go between the look above and the SETNX.
	if w.wasSent(work, ob.ID) {
		w.ack(work, m.ID)
		return
	}
	sender, found := w.senders[ob.Channel]
	if !found {
		log.Error("outbox: no sender for channel")
		w.deadLetter(work, m.ID, ob, "no sender for channel")
		return
	}
	started := time.Now()
	for attempt := 1; ; attempt++ {
		if err := w.pacer.wait(stop, ob); err != nil {
			return // shutting down before sending: stays pending
		}
		// Pacing and retries take time, and a stalled worker may have lost
		// its lease to another: send only while holding it, and for no
		// longer than it lasts.
		if !w.holdLease(work, ob.ID, w.opts.Lease) {
			log.Warn("outbox: lease lost before sending; the reply is left to its holder")
			return
		}
		sctx, cancel := context.WithTimeout(work, w.sendTimeout())
		providerID, err := sender.Send(sctx, ob)
		cancel()
		if err == nil {
			w.markSent(work, log, ob.ID, providerID)
			w.ack(work, m.ID)
			if w.metrics != nil {
				w.metrics.Sent(ob.Channel)
			}
			if w.delivery != nil {
				w.delivery.Status(work, ob, "sent")
			}
			return
		}
		if errors.Is(err, bot.ErrStopped) {
			log.Info("outbox: family has stopped this channel; reply not sent")
			w.ack(work, m.ID)
			if w.delivery != nil {
				w.delivery.Stopped(work, ob)
			}
			return
		}
		var re *bot.RetryError
		if !errors.As(err, &re) {
			log.Warn("outbox: permanent send failure", "err", err)
			w.deadLetter(work, m.ID, ob, err.Error())
			return
		}
		// A provider that says when to come back (429 with Retry-After) is
		// waited for without using up attempts, for up to throttleLimit:
		// a long rate-limit storm delays replies but does not drop them.
		if re.After > 0 && time.Since(started) < throttleLimit {
			attempt--
		}
		if attempt >= w.opts.MaxAttempts {
			log.Warn("outbox: gave up after retries", "attempts", attempt, "err", err)
			w.deadLetter(work, m.ID, ob, err.Error())
			return
		}
		if w.metrics != nil {
			w.metrics.Retried(ob.Channel)
		}
		wait := re.After
		if wait <= 0 {
			wait = backoff(w.opts.BaseBackoff, w.opts.MaxBackoff, attempt)
		}
		log.Info("outbox: send will be retried", "attempt", attempt, "wait", wait)
		w.holdLease(work, ob.ID, w.opts.Lease+wait)
		if err := w.sleep(stop, wait); err != nil {
			return // shutting down: stays pending for another worker
		}
	}
}

// wasSent reports whether the reply's sent marker is set.
func (w *Worker) wasSent(ctx context.Context, id string) bool {
	n, err := w.rdb.Exists(ctx, w.sentKey(id)).Result()
	return err == nil && n > 0
}

// holdLease extends this worker's lease on a reply to d from now, and
// reports false if the lease is no longer this worker's.
func (w *Worker) holdLease(ctx context.Context, id string, d time.Duration) bool {
	n, err := w.renew.Run(ctx, w.rdb, []string{w.leaseKey(id)}, w.opts.Consumer, max(d.Milliseconds(), 1)).Int()
	return err == nil && n == 1
}

// sendTimeout bounds one send: 15 seconds, or half the lease if that is
// shorter, so a send ends while the lease renewed for it still holds.
func (w *Worker) sendTimeout() time.Duration { return min(15*time.Second, w.opts.Lease/2) }

// markSent records that a reply went out. The provider has it now, so the
// record must not be lost to a Redis outage: it is retried until Redis
// answers (for well under ClaimIdle), or a reclaimed entry would be sent
// a second time.
func (w *Worker) markSent(ctx context.Context, log *slog.Logger, id, providerID string) {
	deadline := time.Now().Add(w.opts.ClaimIdle / 2)
	wait := 50 * time.Millisecond
	for {
		err := w.rdb.Set(ctx, w.sentKey(id), providerID, w.opts.SentTTL).Err()
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			log.Error("outbox: sent but could not record it; it may be sent again", "err", err)
			return
		}
		_ = w.sleep(ctx, wait)
		wait = min(2*wait, time.Second)
	}
}

func (w *Worker) ack(ctx context.Context, entry string) {
	w.rdb.XAck(ctx, w.opts.Stream, w.opts.Group, entry)
	w.rdb.XDel(ctx, w.opts.Stream, entry)
}

func (w *Worker) deadLetter(ctx context.Context, entry string, ob dialog.Outbound, reason string) {
	b, _ := json.Marshal(ob)
	w.rdb.XAdd(ctx, &redis.XAddArgs{Stream: w.DeadKey(), MaxLen: 10000, Approx: true,
		Values: map[string]any{"m": string(b), "id": ob.ID, "reason": reason}})
	w.ack(ctx, entry)
	if w.metrics != nil {
		w.metrics.DeadLettered(ob.Channel)
	}
	if w.delivery != nil {
		w.delivery.Status(ctx, ob, "failed")
	}
}

// throttleLimit is how long a reply waits out a provider's rate limiting
// before its attempts count again.
const throttleLimit = 15 * time.Minute

// backoff is an exponential wait with full jitter.
func backoff(base, max time.Duration, attempt int) time.Duration {
	d := base << min(attempt-1, 20)
	if d > max || d <= 0 {
		d = max
	}
	return d/2 + rand.N(d/2+1)
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// group is one conversation's entries of a batch, in stream order.
type group struct {
	conv string
	msgs []redis.XMessage
}

// byConversation groups a batch by conversation, keeping stream order
// within each group and the order groups first appear.
func byConversation(msgs []redis.XMessage) []group {
	var out []group
	at := map[string]int{}
	for _, m := range msgs {
		var head struct {
			Conv string `json:"conv"`
		}
		raw, _ := m.Values["m"].(string)
		_ = json.Unmarshal([]byte(raw), &head)
		i, ok := at[head.Conv]
		if !ok {
			i = len(out)
			at[head.Conv] = i
			out = append(out, group{conv: head.Conv})
		}
		out[i].msgs = append(out[i].msgs, m)
	}
	return out
}

// convLocks holds a lock per conversation with sends under way.
type convLocks struct {
	mu    sync.Mutex
	locks map[string]*convLock
}

type convLock struct {
	mu   sync.Mutex
	refs int
}

// lock takes conv's lock and returns its release.
func (c *convLocks) lock(conv string) func() {
	c.mu.Lock()
	if c.locks == nil {
		c.locks = map[string]*convLock{}
	}
	l := c.locks[conv]
	if l == nil {
		l = &convLock{}
		c.locks[conv] = l
	}
	l.refs++
	c.mu.Unlock()
	l.mu.Lock()
	return func() {
		l.mu.Unlock()
		c.mu.Lock()
		if l.refs--; l.refs == 0 {
			delete(c.locks, conv)
		}
		c.mu.Unlock()
	}
}
