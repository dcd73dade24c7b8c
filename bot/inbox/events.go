package inbox

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// How the event stream keeps itself alive and honest.
const (
	pingEvery    = 15 * time.Second // a comment line, so proxies keep the stream open
	recheckEvery = 30 * time.Second // the session is looked at again this often
)

// queueEvent is what the stream says about the queue: the conversations u
// sees, in order, each with what makes a row change.
type queueEvent struct {
	Items []queueEventItem `json:"items"`
}

type queueEventItem struct {
	ID       string `json:"id"`
	Urgent   bool   `json:"urgent"`
	Assigned string `json:"assigned,omitempty"`
}

// convEvent says a conversation changed (or that it is no longer there or
// no longer u's: Gone).
type convEvent struct {
	Version int64  `json:"v"`
	Updated string `json:"t"`
	Gone    bool   `json:"gone,omitempty"`
}

// events is a server-sent event stream for a live page. It polls the queue
// (which works the same across several hubbot instances) and sends a
// "queue" event whenever what u sees of it changes, the first at once; the
// page fetches the new tables and cues (sound and banner) any urgent
// conversation it had not seen. With ?conv=ID it also sends a "conv" event
// when that conversation changes. When the session ends it sends "logout"
// and stops.
func (h *handler) events(w http.ResponseWriter, r *http.Request, u *user) {
	ctx := r.Context()
	rc := http.NewResponseController(w)
	// a server's WriteTimeout would cut the stream: lift it for this one
	_ = rc.SetWriteDeadline(time.Time{})
	convID := r.URL.Query().Get("conv")
	if convID != "" {
		if _, err := h.loadFor(ctx, u, convID); err != nil {
			h.fail(w, r, u, err)
			return
		}
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	send := func(event string, v any) bool {
		b, err := json.Marshal(v)
		if err != nil {
			return false
		}
		if _, err := fmt.Fprintf(w, "event: %s\ndata: %s\n\n", event, b); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	// tell the browser how long to wait before reconnecting
	if _, err := fmt.Fprintf(w, "retry: %d\n\n", 3000); err != nil || rc.Flush() != nil {
		return
	}

	tick := time.NewTicker(h.poll)
	defer tick.Stop()
	var lastQueue, lastConv string
	lastPing, lastCheck := time.Now(), time.Now()
	for {
		if time.Since(lastCheck) >= recheckEvery {
			lastCheck = time.Now()
			if _, _, err := h.acc.loadSession(ctx, u.sid); ErrorCode(err) == EUNAUTHORIZED {
				send("logout", struct{}{})
				return
			}
		}
		if rows, err := h.visible(ctx, u); err == nil {
			ev := queueEvent{Items: make([]queueEventItem, 0, len(rows))}
			for _, row := range rows {
				ev.Items = append(ev.Items, queueEventItem{ID: row.ID, Urgent: row.Urgent, Assigned: row.AssignedID})
			}
			b, _ := json.Marshal(ev)
			if string(b) != lastQueue {
				lastQueue = string(b)
				if !send("queue", ev) {
					return
				}
			}
		} else if ctx.Err() == nil {
			h.log.WarnContext(ctx, "staff inbox: events: queue poll failed", "err", err)
		}
		if convID != "" {
			var ev convEvent
			c, err := h.loadFor(ctx, u, convID)
			switch ErrorCode(err) {
			case "":
				ev = convEvent{Version: c.Version, Updated: c.Updated.UTC().Format(time.RFC3339Nano)}
			case ENOTFOUND, EFORBIDDEN:
				ev = convEvent{Gone: true}
			default:
				ev = convEvent{Version: -1} // unknown this time; the next poll tells
			}
			if ev.Version >= 0 {
				b, _ := json.Marshal(ev)
				if lastConv != "" && string(b) != lastConv && !send("conv", ev) {
					return
				}
				lastConv = string(b)
			}
		}
		if time.Since(lastPing) >= pingEvery {
			lastPing = time.Now()
			if _, err := fmt.Fprint(w, ": ping\n\n"); err != nil || rc.Flush() != nil {
				return
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
