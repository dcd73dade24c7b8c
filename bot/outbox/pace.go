package outbox

import (
	"context"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/northbrook/hubbot/dialog"
)

// pacer keeps sends within each channel's limits: a least gap per chat and
// a rate per sender.
type pacer struct {
	pace   map[dialog.Channel]Pace
	sender map[dialog.Channel]*rate.Limiter
	mu     sync.Mutex
	next   map[string]time.Time // conversation -> earliest next send
}

func newPacer(p map[dialog.Channel]Pace) *pacer {
	pc := &pacer{pace: p, sender: map[dialog.Channel]*rate.Limiter{}, next: map[string]time.Time{}}
	for ch, v := range p {
		if v.PerSecond > 0 {
			pc.sender[ch] = rate.NewLimiter(rate.Limit(v.PerSecond), max(1, int(v.PerSecond)))
		}
	}
	return pc
}

func (p *pacer) wait(ctx context.Context, ob dialog.Outbound) error {
	if gap := p.pace[ob.Channel].PerChat; gap > 0 {
		p.mu.Lock()
		now := time.Now()
		at := p.next[ob.ConvID]
		if at.Before(now) {
			at = now
		}
		p.next[ob.ConvID] = at.Add(gap)
		if len(p.next) > 10000 { // forget chats long quiet
			for k, v := range p.next {
				if v.Before(now) {
					delete(p.next, k)
				}
			}
		}
		p.mu.Unlock()
		if d := time.Until(at); d > 0 {
			if err := sleepCtx(ctx, d); err != nil {
				return err
			}
		}
	}
	if l := p.sender[ob.Channel]; l != nil {
		return l.Wait(ctx)
	}
	return ctx.Err()
}
