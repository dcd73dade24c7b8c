package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/northbrook/hubbot/dialog"
)

// hub fans the wake-ups of one Redis subscription out to the streams open
// on this instance, by conversation id.
type hub struct {
	mu   sync.Mutex
	subs map[string]map[chan struct{}]struct{}
}

func newHub() *hub { return &hub{subs: map[string]map[chan struct{}]struct{}{}} }

// listen returns a channel that is signalled when conv may have new
// replies, and a function to stop listening.
func (h *hub) listen(conv string) (<-chan struct{}, func()) {
	ch := make(chan struct{}, 1)
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.subs[conv] == nil {
		h.subs[conv] = map[chan struct{}]struct{}{}
	}
	h.subs[conv][ch] = struct{}{}
	return ch, func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		delete(h.subs[conv], ch)
		if len(h.subs[conv]) == 0 {
			delete(h.subs, conv)
		}
	}
}

// wake signals the listeners of conv; a listener already signalled stays so.
func (h *hub) wake(conv string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs[conv] {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}

// wakeAll signals every listener: after a lost subscription, anything may
// have been missed.
func (h *hub) wakeAll() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, set := range h.subs {
		for ch := range set {
			select {
			case ch <- struct{}{}:
			default:
			}
		}
	}
}

// Run keeps this instance subscribed to the reply wake-ups until ctx ends,
// then returns nil. Without it streams still deliver, but only every Poll.
// After the subscription is (re)established every open stream re-reads its
// replies, so a wake-up lost while Redis was away costs nothing.
func (c *Chat) Run(ctx context.Context) error {
	ps := c.rdb.Subscribe(ctx, wakeChannel(c.opts.Prefix))
	// A blocked Receive does not watch ctx: closing the subscription ends it.
	stopped := make(chan struct{})
	defer close(stopped)
	go func() {
		select {
		case <-ctx.Done():
		case <-stopped:
		}
		_ = ps.Close()
	}()
	for {
		msg, err := ps.Receive(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			c.log.Warn("web chat: reply wake-ups interrupted", "err", err)
			c.hub.wakeAll()
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(time.Second):
			}
			continue
		}
		switch m := msg.(type) {
		case *redis.Subscription:
			c.hub.wakeAll()
		case *redis.Message:
			c.hub.wake(m.Payload)
		}
	}
}

// events streams the session's replies as server-sent events (GET
// /chat/events): first those after Last-Event-ID (all of them on a new
// page), then each new one as it is stored. Each event is
// "id: <seq>", "event: reply", "data: {"text":...,"options":[...]}".
func (c *Chat) events(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", http.MethodGet)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	sess, err := c.session(w, r)
	if err != nil {
		c.log.Error("web chat: cannot start a session", "err", err)
		http.Error(w, "cannot start a session", http.StatusInternalServerError)
		return
	}
	last, err := strconv.ParseInt(r.Header.Get("Last-Event-ID"), 10, 64)
	if err != nil || last < 0 {
		last = 0
	}
	conv := dialog.ConversationID(c.opts.Secret, dialog.Key{Channel: dialog.ChannelWeb, Address: sess})
	wake, stop := c.hub.listen(conv)
	defer stop()

	rc := http.NewResponseController(w)
	_ = rc.SetWriteDeadline(time.Time{}) // a stream outlives the server's write timeout
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	// Tell the browser how soon to reconnect, and open the stream at once.
	if _, err := fmt.Fprintf(w, "retry: 3000\n\n"); err != nil {
		return
	}
	if err := rc.Flush(); err != nil {
		return
	}

	poll := time.NewTicker(c.opts.Poll)
	defer poll.Stop()
	beat := time.NewTicker(c.opts.Heartbeat)
	defer beat.Stop()
	for {
		evs, err := readReplies(r.Context(), c.rdb, c.opts.Prefix, conv, last)
		if err != nil {
			if r.Context().Err() != nil {
				return
			}
			c.log.Warn("web chat: cannot read replies; the browser will reconnect", "err", err)
			return
		}
		for _, ev := range evs {
			if _, err := fmt.Fprintf(w, "id: %d\nevent: reply\ndata: %s\n\n", ev.seq, ev.data); err != nil {
				return
			}
			last = ev.seq
		}
		if len(evs) > 0 {
			if err := rc.Flush(); err != nil {
				return
			}
		}
		select {
		case <-r.Context().Done():
			return
		case <-wake:
		case <-poll.C:
		case <-beat.C:
			if _, err := fmt.Fprintf(w, ": keep-alive\n\n"); err != nil {
				return
			}
			if err := rc.Flush(); err != nil {
				return
			}
		}
	}
}
