package inbox_test

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/northbrook/hubbot/dialog"
)

// sse reads server-sent events.
type sse struct {
	t  *testing.T
	sc *bufio.Scanner
}

// next returns the next event's name and data, skipping comments.
func (s *sse) next() (string, string) {
	s.t.Helper()
	var name, data string
	for s.sc.Scan() {
		line := s.sc.Text()
		switch {
		case line == "" && name != "":
			return name, data
		case strings.HasPrefix(line, "event: "):
			name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			data = strings.TrimPrefix(line, "data: ")
		}
	}
	s.t.Fatalf("event stream ended: %v", s.sc.Err())
	return "", ""
}

func (c *client) events(ctx context.Context, query string) *sse {
	c.t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/staff/events"+query, nil)
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Accept", "text/event-stream")
	hc := *c.hc
	hc.Timeout = 0
	res, err := hc.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	c.t.Cleanup(func() { res.Body.Close() })
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "text/event-stream" {
		c.t.Fatalf("events: %d %q", res.StatusCode, res.Header.Get("Content-Type"))
	}
	return &sse{t: c.t, sc: bufio.NewScanner(res.Body)}
}

type queueEvent struct {
	Items []struct {
		ID     string `json:"id"`
		Urgent bool   `json:"urgent"`
	} `json:"items"`
}

func TestEvents(t *testing.T) {
	e := newEnv(t, func(o *envOptions) { o.poll = 20 * time.Millisecond })
	c, _ := e.signedIn(t, marcus)
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	s := c.events(ctx, "?conv="+convMarcus)

	name, data := s.next()
	var q queueEvent
	if err := json.Unmarshal([]byte(data), &q); name != "queue" || err != nil || len(q.Items) != 2 || q.Items[0].ID != convRisk || q.Items[1].ID != convMarcus {
		t.Fatalf("first event %s %s (%v)", name, data, err)
	}

	// an urgent escalation for safeguarding arrives: the next queue event
	// has it, among the urgent ones, before the routine
	e.fake.Escalate(dialog.Conversation{ID: "c-new", Channel: dialog.ChannelSMS, Flags: []string{"risk:neglect"},
		Handoff: &dialog.Handoff{Reason: "risk", Urgent: true, At: time.Now()}})
	name, data = s.next()
	q = queueEvent{}
	if err := json.Unmarshal([]byte(data), &q); name != "queue" || err != nil || len(q.Items) != 3 || q.Items[1].ID != "c-new" || !q.Items[1].Urgent {
		t.Fatalf("after the escalation: %s %s (%v)", name, data, err)
	}
	if strings.Contains(data, "+44") {
		t.Error("event carries an address")
	}

	// the family writes: the conversation's event says it changed
	e.fake.FamilySays(convMarcus, "are you there")
	if name, data = s.next(); name != "conv" || !strings.Contains(data, `"v":`) {
		t.Fatalf("after a family message: %s %s", name, data)
	}
	// the lead takes it elsewhere: it is gone from Marcus's view
	if err := e.fake.Reassign(ctx, convMarcus, "prac-rachel-fenwick", "prac-rachel-fenwick"); err != nil {
		t.Fatal(err)
	}
	for {
		name, data = s.next()
		if name == "conv" {
			break
		}
	}
	if !strings.Contains(data, `"gone":true`) {
		t.Errorf("after reassignment: %s", data)
	}
	if strings.Contains(data, "are you there") {
		t.Error("event carries a message body")
	}
}
