package telegram

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/northbrook/hubbot/bot"
)

// PollerOptions configure a Poller; zero values take the defaults.
type PollerOptions struct {
	Options
	// Timeout is how long one getUpdates waits for updates (long polling);
	// default 25s.
	Timeout time.Duration
	// Limit is the most updates one getUpdates returns (1-100); default 100.
	Limit int
	// MinBackoff and MaxBackoff bound the wait after a failed getUpdates
	// or an unavailable store, doubling in between; default 200ms and 30s.
	MinBackoff, MaxBackoff time.Duration
	// HTTPClient makes the getUpdates calls; default a client without a
	// timeout of its own (each call is bounded by Timeout plus 10s).
	HTTPClient *http.Client
}

// Poller receives updates by long polling (getUpdates), for local runs
// and where no public URL exists. It is a small loop of hubbot's own over
// the webhook's decode path, not the library's poller, which confirms an
// update before it is handled: here the offset moves past an update only
// after the Handler committed it, and an update whose store is
// unavailable is retried, after a backoff, before anything behind it.
type Poller struct {
	proc   *processor
	api    *Sender
	opts   PollerOptions
	offset atomic.Int64 // the next update_id wanted: last committed + 1
	sleep  func(ctx context.Context, d time.Duration) error
}

// NewPoller returns a Poller that hands updates to h and uses api (its
// token and server URL) for getUpdates, callback answers and refusals.
func NewPoller(h bot.Handler, api *Sender, opts PollerOptions) (*Poller, error) {
	proc, err := newProcessor(h, api, opts.Options)
	if err != nil {
		return nil, err
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 25 * time.Second
	}
	if opts.Limit <= 0 || opts.Limit > 100 {
		opts.Limit = 100
	}
	if opts.MinBackoff <= 0 {
		opts.MinBackoff = 200 * time.Millisecond
	}
	if opts.MaxBackoff < opts.MinBackoff {
		opts.MaxBackoff = max(30*time.Second, opts.MinBackoff)
	}
	if opts.HTTPClient == nil {
		opts.HTTPClient = &http.Client{}
	}
	return &Poller{proc: proc, api: api, opts: opts, sleep: sleepCtx}, nil
}

// Offset is the update_id the next getUpdates asks from: one past the last
// update committed.
func (p *Poller) Offset() int64 { return p.offset.Load() }

// Run polls until ctx ends, then returns nil. Updates are handed on one at
// a time, in order.
func (p *Poller) Run(ctx context.Context) error {
	wait := time.Duration(0)
	for ctx.Err() == nil {
		raws, err := p.getUpdates(ctx)
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			wait = p.backoff(wait)
			p.proc.opts.Log.Warn("telegram poller: getUpdates failed", "err", err, "wait", wait)
			if p.sleep(ctx, wait) != nil {
				break
			}
			continue
		}
		wait = 0
		for _, raw := range raws {
			if err := p.handle(ctx, raw); err != nil {
				return nil // ctx ended while an update waited for its store
			}
		}
	}
	return nil
}

// handle commits one update, retrying it while its store is unavailable,
// and then moves the offset past it. It returns an error only when ctx ends.
func (p *Poller) handle(ctx context.Context, raw json.RawMessage) error {
	u, id, err := decodeUpdate(raw)
	if err != nil {
		p.proc.count(EventUndecodable)
		p.proc.opts.Log.Warn("telegram poller: update not readable; skipped", "update_id", id, "err", err)
		p.advance(id)
		return nil
	}
	wait := time.Duration(0)
	for {
		if err := p.proc.process(ctx, u); err == nil {
			break
		}
		wait = p.backoff(wait)
		if err := p.sleep(ctx, wait); err != nil {
			return fmt.Errorf("telegram poller: %w", err)
		}
	}
	p.advance(u.ID)
	return nil
}

// advance moves the offset past update id, never backwards.
func (p *Poller) advance(id int64) {
	if id >= p.offset.Load() {
		p.offset.Store(id + 1)
	}
}

func (p *Poller) backoff(last time.Duration) time.Duration {
	if last <= 0 {
		return p.opts.MinBackoff
	}
	return min(last*2, p.opts.MaxBackoff)
}

// getUpdates asks for the updates from the offset on. Asking with an
// offset confirms, to Telegram, every update before it.
func (p *Poller) getUpdates(ctx context.Context) ([]json.RawMessage, error) {
	body, err := json.Marshal(map[string]any{
		"offset":          p.offset.Load(),
		"limit":           p.opts.Limit,
		"timeout":         int(p.opts.Timeout / time.Second),
		"allowed_updates": AllowedUpdates(),
	})
	if err != nil {
		return nil, fmt.Errorf("telegram getUpdates: %w", err)
	}
	rctx, cancel := context.WithTimeout(ctx, p.opts.Timeout+10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodPost, p.api.url+"/bot"+p.api.token+"/getUpdates", bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("telegram getUpdates: %w", redact(err, p.api.token))
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := p.opts.HTTPClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("telegram getUpdates: %w", redact(err, p.api.token))
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return nil, fmt.Errorf("telegram getUpdates: read: %w", err)
	}
	var r struct {
		OK          bool              `json:"ok"`
		Result      []json.RawMessage `json:"result"`
		ErrorCode   int               `json:"error_code"`
		Description string            `json:"description"`
	}
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("telegram getUpdates: unreadable response (HTTP %d)", resp.StatusCode)
	}
	if !r.OK {
		if r.ErrorCode == http.StatusConflict {
			return nil, fmt.Errorf("telegram getUpdates: 409 (is a webhook set? long polling needs it deleted): %s", r.Description)
		}
		return nil, fmt.Errorf("telegram getUpdates: %d: %s", r.ErrorCode, r.Description)
	}
	return r.Result, nil
}

// redact removes the bot token from a transport error, which quotes the URL.
func redact(err error, token string) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		ue.URL = strings.ReplaceAll(ue.URL, token, "***")
	}
	return err
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
