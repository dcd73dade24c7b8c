package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"strings"
	"testing"
	"time"
)

// TestWebChatConversation holds a conversation through the web chat: JSON
// in, server-sent events out, one anonymous session cookie; the safety
// reply comes at once whatever the state.
func TestWebChatConversation(t *testing.T) {
	a := startApp(t, nil)
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 20 * time.Second}
	send := func(id, text string) {
		t.Helper()
		body, _ := json.Marshal(map[string]string{"id": id, "text": text})
		resp, err := c.Post(a.URL+"/chat/send", "application/json", strings.NewReader(string(body)))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusAccepted {
			t.Fatalf("send %q: %d", text, resp.StatusCode)
		}
	}
	page, err := c.Get(a.URL + "/chat")
	if err != nil {
		t.Fatal(err)
	}
	page.Body.Close()
	if page.StatusCode != http.StatusOK || page.Header.Get("Content-Security-Policy") == "" {
		t.Fatalf("chat page: %d, CSP %q", page.StatusCode, page.Header.Get("Content-Security-Policy"))
	}

	send("m1", "any stay and play groups in fernhill for my 2 year old")
	send("m2", "my boyfriend hits me and im scared to go home")

	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, a.URL+"/chat/events", nil)
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Fatalf("events content type %q", ct)
	}
	var replies []string
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() && !strings.Contains(strings.Join(replies, "\n"), "999") {
		line := sc.Text()
		if !strings.HasPrefix(line, "data: ") {
			continue
		}
		var r struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &r); err != nil {
			t.Fatalf("bad event %q: %v", line, err)
		}
		replies = append(replies, r.Text)
	}
	all := strings.Join(replies, "\n---\n")
	if !strings.Contains(all, "Fernhill") {
		t.Errorf("no Fernhill service offered:\n%s", all)
	}
	if !strings.Contains(all, "999") || !strings.Contains(all, "0808 2000 247") {
		t.Errorf("no safety reply with the emergency and domestic abuse numbers:\n%s", all)
	}
	q, err := a.Store.Queue(context.Background())
	if err != nil || len(q) != 1 || !q[0].Urgent {
		t.Errorf("want one urgent item on the staff queue, got %v %+v", err, q)
	}
	golden(t, "e2e_web.golden", fmt.Sprintln(all))
	noPrivateData(t, a.logs.String(), "boyfriend", "fernhill")
}
