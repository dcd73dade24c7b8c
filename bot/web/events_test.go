package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/northbrook/hubbot/bot"
	"github.com/northbrook/hubbot/dialog"
)

func webReply(id, session, text string, opts ...dialog.Option) dialog.Outbound {
	return dialog.Outbound{ID: id, ConvID: convOf(session), Channel: dialog.ChannelWeb, Address: session, Text: text, Options: opts}
}

// runChat serves chat and runs its wake-up subscription until the test ends.
func runChat(t *testing.T, chat *Chat) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(chat)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- chat.Run(ctx) }()
	t.Cleanup(func() {
		srv.Close()
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	return srv
}

// Replies stored before the page opened are replayed, new ones follow at
// once, and a reconnect with Last-Event-ID gets exactly what it missed,
// from whichever instance it reaches.
func TestEventsReplayAndFollow(t *testing.T) {
	rdb := startRedis(t)
	sender, err := NewSender(rdb, SenderOptions{Prefix: "t:"})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for i, text := range []string{"Hello! How old is your child?", "Thanks. Which area?"} {
		if _, err := sender.Send(ctx, webReply(fmt.Sprint("ob", i), testSession, text)); err != nil {
			t.Fatalf("Send: %v", err)
		}
	}
	// A long Poll shows that new replies come by wake-up, not by polling.
	long := func(o *Options) { o.Poll = time.Hour }
	chatA, logsA := newChat(t, rdb, &recorder{}, long)
	chatB, logsB := newChat(t, rdb, &recorder{}, long)
	srvA, srvB := runChat(t, chatA), runChat(t, chatB)

	events := openStream(t, srvA.URL, testSession, "")
	var ids []int64
	for _, want := range []string{"Hello! How old is your child?", "Thanks. Which area?"} {
		ev, r := nextReply(t, events)
		if ev.event != "reply" || r.Text != want {
			t.Errorf("event %+v, want text %q", ev, want)
		}
		ids = append(ids, idNum(t, ev))
	}
	if ids[0] >= ids[1] {
		t.Errorf("event ids %v do not grow", ids)
	}

	// Another family's reply does not reach this stream.
	if _, err := sender.Send(ctx, webReply("other", "ffffffffffffffffffffffffffffffff", "not yours")); err != nil {
		t.Fatal(err)
	}
	opts := []dialog.Option{{Label: "Stay and Play", Value: "1"}, {Label: "Talk to a person", Value: "person"}}
	waitSubscribed(t, rdb)
	id, err := sender.Send(ctx, webReply("ob2", testSession, "Here are two ideas.", opts...))
	if err != nil {
		t.Fatalf("Send: %v", err)
	}
	ev, r := nextReply(t, events)
	if "web:"+ev.id != id || idNum(t, ev) <= ids[1] || r.Text != "Here are two ideas." || len(r.Options) != 2 || r.Options[1] != opts[1] {
		t.Errorf("event %+v reply %+v, want id %s after %d", ev, r, id, ids[1])
	}

	// An outbox retry of the same reply is not shown twice.
	if again, err := sender.Send(ctx, webReply("ob2", testSession, "Here are two ideas.", opts...)); err != nil || again != id {
		t.Errorf("resend: %q, %v; want %s", again, err, id)
	}
	none(t, events, 200*time.Millisecond)

	// Reconnecting to the other instance after the second reply gets the third only.
	again := openStream(t, srvB.URL, testSession, fmt.Sprint(ids[1]))
	if ev := next(t, again, 5*time.Second); "web:"+ev.id != id {
		t.Errorf("after reconnect got %+v, want %s", ev, id)
	}
	none(t, again, 200*time.Millisecond)
	assertNoPersonalData(t, logsA)
	assertNoPersonalData(t, logsB)
}

// waitSubscribed waits until both instances' wake-up subscriptions are in
// place, so the test does not depend on the poll.
func waitSubscribed(t *testing.T, rdb *redis.Client) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for rdb.PubSubNumSub(context.Background(), wakeChannel("t:")).Val()[wakeChannel("t:")] < 2 {
		if time.Now().After(deadline) {
			t.Fatal("instances not subscribed to wake-ups")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// Without Run (or when a wake-up is lost) the stream still delivers, on
// its next poll.
func TestEventsPollWithoutRun(t *testing.T) {
	rdb := startRedis(t)
	sender, _ := NewSender(rdb, SenderOptions{Prefix: "t:"})
	chat, _ := newChat(t, rdb, &recorder{}, func(o *Options) { o.Poll = 50 * time.Millisecond })
	srv := httptest.NewServer(chat)
	t.Cleanup(srv.Close)
	events := openStream(t, srv.URL, testSession, "")
	if _, err := sender.Send(context.Background(), webReply("ob1", testSession, "hello")); err != nil {
		t.Fatal(err)
	}
	if _, r := nextReply(t, events); r.Text != "hello" {
		t.Errorf("got %+v", r)
	}
}

// Only the newest MaxReplies are kept; numbering carries on past the trim.
func TestEventsCapped(t *testing.T) {
	rdb := startRedis(t)
	sender, _ := NewSender(rdb, SenderOptions{Prefix: "t:", MaxReplies: 3, Retention: time.Hour})
	for i := 1; i <= 5; i++ {
		if _, err := sender.Send(context.Background(), webReply(fmt.Sprint("ob", i), testSession, fmt.Sprint("reply ", i))); err != nil {
			t.Fatal(err)
		}
	}
	chat, _ := newChat(t, rdb, &recorder{}, nil)
	srv := runChat(t, chat)
	events := openStream(t, srv.URL, testSession, "")
	for _, want := range []string{"reply 3", "reply 4", "reply 5"} {
		if _, r := nextReply(t, events); r.Text != want {
			t.Errorf("got %q, want %q", r.Text, want)
		}
	}
	ttl := rdb.PTTL(context.Background(), repliesKey("t:", convOf(testSession))).Val()
	if ttl <= 0 || ttl > time.Hour {
		t.Errorf("replies TTL %s, want within an hour", ttl)
	}
}

// A browser without a session gets one with its stream, and the stream
// opens with a retry hint and keeps alive while idle.
func TestEventsNewSessionAndHeartbeat(t *testing.T) {
	rdb := startRedis(t)
	chat, _ := newChat(t, rdb, &recorder{}, func(o *Options) { o.Heartbeat = 20 * time.Millisecond })
	srv := runChat(t, chat)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/chat/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if len(resp.Cookies()) != 1 || !validSession(resp.Cookies()[0].Value) {
		t.Errorf("cookies %+v, want a new session", resp.Cookies())
	}
	if resp.Header.Get("Cache-Control") != "no-store" || resp.Header.Get("Content-Security-Policy") == "" {
		t.Errorf("headers %v", resp.Header)
	}
	buf := make([]byte, 0, 256)
	chunk := make([]byte, 64)
	for !strings.Contains(string(buf), ": keep-alive") {
		n, err := resp.Body.Read(chunk)
		if err != nil {
			t.Fatalf("read: %v (got %q)", err, buf)
		}
		buf = append(buf, chunk[:n]...)
	}
	if !strings.HasPrefix(string(buf), "retry: 3000\n\n") {
		t.Errorf("stream starts %q", buf)
	}
}

func TestSenderErrors(t *testing.T) {
	rdb := startRedis(t)
	down := rdb.Options()
	tests := []struct {
		name      string
		ob        dialog.Outbound
		dead      bool
		wantRetry bool
	}{
		{name: "no conversation id", ob: dialog.Outbound{ID: "x", Text: "hi"}},
		{name: "no id", ob: dialog.Outbound{ConvID: "c", Text: "hi"}},
		{name: "redis down", ob: webReply("x", testSession, "hi"), dead: true, wantRetry: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := NewSender(rdb, SenderOptions{})
			if tt.dead {
				opts := *down
				opts.Addr = "127.0.0.1:1"
				dead := redis.NewClient(&opts)
				t.Cleanup(func() { _ = dead.Close() })
				s, _ = NewSender(dead, SenderOptions{})
			}
			_, err := s.Send(context.Background(), tt.ob)
			var re *bot.RetryError
			if err == nil || errors.As(err, &re) != tt.wantRetry {
				t.Errorf("err %v, want retry %v", err, tt.wantRetry)
			}
		})
	}
}

// After Forget the replies are gone from Redis, yet a page still open,
// or one reconnecting with an id from before, gets what comes next.
func TestForget(t *testing.T) {
	rdb := startRedis(t)
	sender, _ := NewSender(rdb, SenderOptions{Prefix: "t:"})
	ctx := context.Background()
	for i := range 3 {
		if _, err := sender.Send(ctx, webReply(fmt.Sprint("ob", i), testSession, fmt.Sprint("before ", i))); err != nil {
			t.Fatal(err)
		}
	}
	chat, _ := newChat(t, rdb, &recorder{}, nil)
	srv := runChat(t, chat)
	events := openStream(t, srv.URL, testSession, "")
	var last sse
	for range 3 {
		last, _ = nextReply(t, events)
	}
	if err := sender.Forget(ctx, convOf(testSession)); err != nil {
		t.Fatalf("Forget: %v", err)
	}
	if n := rdb.Exists(ctx, repliesKey("t:", convOf(testSession)), metaKey("t:", convOf(testSession))).Val(); n != 0 {
		t.Errorf("%d keys left after Forget", n)
	}
	if _, err := sender.Send(ctx, webReply("ob-after", testSession, "All forgotten.")); err != nil {
		t.Fatal(err)
	}
	if _, r := nextReply(t, events); r.Text != "All forgotten." {
		t.Errorf("open page got %q", r.Text)
	}
	if _, r := nextReply(t, openStream(t, srv.URL, testSession, last.id)); r.Text != "All forgotten." {
		t.Errorf("reconnecting page got %q", r.Text)
	}
	if _, r := nextReply(t, openStream(t, srv.URL, testSession, "")); r.Text != "All forgotten." {
		t.Errorf("new page got %q, want only the reply after Forget", r.Text)
	}
}

// nextReply waits for the next event and decodes its reply.
func nextReply(t *testing.T, events <-chan sse) (sse, reply) {
	t.Helper()
	ev := next(t, events, 5*time.Second)
	var r reply
	if err := json.Unmarshal([]byte(ev.data), &r); err != nil {
		t.Fatalf("event %+v: %v", ev, err)
	}
	return ev, r
}

func idNum(t *testing.T, ev sse) int64 {
	t.Helper()
	n, err := strconv.ParseInt(ev.id, 10, 64)
	if err != nil {
		t.Fatalf("event id %q: %v", ev.id, err)
	}
	return n
}
