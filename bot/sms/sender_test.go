package sms

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/northbrook/hubbot/bot"
	"github.com/northbrook/hubbot/bot/gsm7"
	"github.com/northbrook/hubbot/bot/sms/smsfake"
	"github.com/northbrook/hubbot/dialog"
)

const callbackBase = "https://hub.example.org"

func reply(text string) dialog.Outbound {
	return dialog.Outbound{ID: "out-1", ConvID: "conv-1", Channel: dialog.ChannelSMS, Address: familyNum, Text: text}
}

func newTestSender(fake *smsfake.Server, opts ...Option) *Sender {
	return NewSender(smsfake.AccountSID, smsfake.AuthToken, hubNum, callbackBase,
		append([]Option{WithBaseURL(fake.URL())}, opts...)...)
}

func TestSendDelivers(t *testing.T) {
	fake := smsfake.New(t)
	sid, err := newTestSender(fake).Send(context.Background(), reply("It’s on Tuesdays – bring the baby 👶…"))
	if err != nil {
		t.Fatal(err)
	}
	ms := fake.Messages()
	if len(ms) != 1 {
		t.Fatalf("fake got %d messages, want 1", len(ms))
	}
	m := ms[0]
	checks := []struct{ label, got, want string }{
		{"sid", sid, m.SID},
		{"to", m.To, familyNum},
		{"from", m.From, hubNum},
		{"body in GSM-7", m.Body, "It's on Tuesdays - bring the baby..."},
		{"encoding", string(m.Encoding), string(gsm7.GSM7)},
		{"status callback", m.StatusCallback, callbackBase + "/sms/status?reply=out-1&conv=conv-1"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: %q, want %q", c.label, c.got, c.want)
		}
	}
	if !strings.HasPrefix(sid, "SM") {
		t.Errorf("sid %q", sid)
	}
}

func TestSendRendering(t *testing.T) {
	long := strings.Repeat("Stay and Play is on Tuesdays at the hub. ", 20)
	tests := []struct {
		label    string
		ob       dialog.Outbound
		enc      gsm7.Encoding
		segments int
		suffix   string
	}{
		{"short", reply("Hello"), gsm7.GSM7, 1, "Hello"},
		{"long cut to two segments", reply(long), gsm7.GSM7, 2, gsm7.MoreHint},
		{"long kept when more asked", func() dialog.Outbound { o := reply(long); o.MoreOK = true; return o }(), gsm7.GSM7, 6, "hub."},
		{"arabic stays UCS-2", reply("مرحبا 😊"), gsm7.UCS2, 1, "مرحبا"},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			fake := smsfake.New(t)
			if _, err := newTestSender(fake).Send(context.Background(), tt.ob); err != nil {
				t.Fatal(err)
			}
			m := fake.Messages()[0]
			if m.Encoding != tt.enc || m.Segments != tt.segments || !strings.HasSuffix(m.Body, tt.suffix) {
				t.Errorf("sent %s in %d segments ending %q; want %s %d ending %q", m.Encoding, m.Segments, m.Body[max(0, len(m.Body)-30):], tt.enc, tt.segments, tt.suffix)
			}
		})
	}
}

func TestSendMessagingService(t *testing.T) {
	fake := smsfake.New(t)
	s := NewSender(smsfake.AccountSID, smsfake.AuthToken, "MG0123456789abcdef0123456789abcdef", "", WithBaseURL(fake.URL()))
	if _, err := s.Send(context.Background(), reply("hi")); err != nil {
		t.Fatal(err)
	}
	m := fake.Messages()[0]
	if m.MessagingServiceSID != "MG0123456789abcdef0123456789abcdef" || m.From != "" || m.StatusCallback != "" {
		t.Fatalf("sent %+v, want the messaging service, no From, no callback", m)
	}
}

// what a failed send should lead to
type outcome int

const (
	retry outcome = iota
	stopped
	permanent
)

func TestSendErrors(t *testing.T) {
	date := time.Now().Add(30 * time.Second).UTC().Format(http.TimeFormat)
	tests := []struct {
		label  string
		reply  smsfake.Reply
		optOut bool
		want   outcome
		after  time.Duration // for retry: the wait asked for (0: none)
		slack  time.Duration
	}{
		{"429 with Retry-After seconds", smsfake.Reply{Status: 429, RetryAfter: "7"}, false, retry, 7 * time.Second, 0},
		{"429 with Retry-After date", smsfake.Reply{Status: 429, RetryAfter: date}, false, retry, 30 * time.Second, 2 * time.Second},
		{"429 without Retry-After", smsfake.Reply{Status: 429}, false, retry, 0, 0},
		{"429 with absurd Retry-After capped", smsfake.Reply{Status: 429, RetryAfter: "99999999999"}, false, retry, time.Hour, 0},
		{"63018 channel rate limit", smsfake.Reply{Status: 400, Code: 63018, Message: "Rate limit exceeded for Channel"}, false, retry, 0, 0},
		{"500", smsfake.Reply{Status: 500}, false, retry, 0, 0},
		{"503 from a proxy, not JSON", smsfake.Reply{Status: 503, Body: "<html>Service Unavailable</html>"}, false, retry, 0, 0},
		{"21610 opted out", smsfake.Reply{Status: 400, Code: 21610, Message: "Attempt to send to unsubscribed recipient"}, false, stopped, 0, 0},
		{"number opted out at the fake", smsfake.Reply{}, true, stopped, 0, 0},
		{"400 invalid number", smsfake.Reply{Status: 400, Code: 21211, Message: "Invalid 'To' Phone Number"}, false, permanent, 0, 0},
		{"403 forbidden", smsfake.Reply{Status: 403, Code: 20003, Message: "Permission denied"}, false, permanent, 0, 0},
		{"404 not JSON", smsfake.Reply{Status: 404, Body: "nope"}, false, permanent, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			fake := smsfake.New(t)
			fake.Script(tt.reply)
			if tt.optOut {
				fake.OptOut(familyNum)
			}
			_, err := newTestSender(fake).Send(context.Background(), reply("hi"))
			checkOutcome(t, err, tt.want, tt.after, tt.slack)
			if n := len(fake.Messages()); n != 0 {
				t.Errorf("fake accepted %d messages", n)
			}
		})
	}
}

func checkOutcome(t *testing.T, err error, want outcome, after, slack time.Duration) {
	t.Helper()
	re, isRetry := errors.AsType[*bot.RetryError](err)
	switch {
	case err == nil:
		t.Fatal("no error")
	case want == retry && !isRetry:
		t.Fatalf("error %v, want a RetryError", err)
	case want == retry && (re.After < after-slack || re.After > after+slack):
		t.Fatalf("RetryError.After = %v, want %v (±%v)", re.After, after, slack)
	case want == stopped && (!errors.Is(err, bot.ErrStopped) || isRetry):
		t.Fatalf("error %v, want ErrStopped", err)
	case want == permanent && (isRetry || errors.Is(err, bot.ErrStopped)):
		t.Fatalf("error %v, want permanent", err)
	case !strings.HasPrefix(err.Error(), "sms: ") && !isRetry:
		t.Fatalf("error %q does not say where", err)
	}
}

func TestSendNoAnswer(t *testing.T) {
	t.Run("connection refused", func(t *testing.T) {
		srv := httptest.NewServer(http.NotFoundHandler())
		url := srv.URL
		srv.Close()
		s := NewSender(smsfake.AccountSID, smsfake.AuthToken, hubNum, "", WithBaseURL(url))
		_, err := s.Send(context.Background(), reply("hi"))
		checkOutcome(t, err, retry, 0, 0)
	})
	t.Run("timeout", func(t *testing.T) {
		fake := smsfake.New(t)
		fake.Script(smsfake.Reply{Delay: 5 * time.Second})
		s := newTestSender(fake, WithHTTPClient(&http.Client{Timeout: 100 * time.Millisecond}))
		start := time.Now()
		_, err := s.Send(context.Background(), reply("hi"))
		checkOutcome(t, err, retry, 0, 0)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("send took %v, want the 100ms timeout", d)
		}
	})
	t.Run("context cancelled", func(t *testing.T) {
		fake := smsfake.New(t)
		hold := make(chan struct{})
		defer close(hold)
		fake.Script(smsfake.Reply{Hold: hold})
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		defer cancel()
		_, err := newTestSender(fake).Send(ctx, reply("hi"))
		checkOutcome(t, err, retry, 0, 0)
	})
}

func TestSendRefusesUnsendable(t *testing.T) {
	fake := smsfake.New(t)
	tests := []struct {
		label string
		s     *Sender
		ob    dialog.Outbound
	}{
		{"no address", newTestSender(fake), func() dialog.Outbound { o := reply("hi"); o.Address = ""; return o }()},
		{"nothing left once rendered", newTestSender(fake), reply("👍🙏")},
		{"bad base URL", NewSender(smsfake.AccountSID, smsfake.AuthToken, hubNum, "", WithBaseURL("::nope")), reply("hi")},
		{"wrong credentials", NewSender(smsfake.AccountSID, "wrongtoken", hubNum, "", WithBaseURL(fake.URL())), reply("hi")},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			_, err := tt.s.Send(context.Background(), tt.ob)
			checkOutcome(t, err, permanent, 0, 0)
		})
	}
	if n := len(fake.Messages()); n != 0 {
		t.Errorf("fake accepted %d messages", n)
	}
}

// twilio-go decodes an error answer without closing its body; the Sender
// reads and closes it, so a failed send never holds a connection. With one
// connection per host, a held connection would stall the next send.
func TestSendReleasesConnectionsOnErrors(t *testing.T) {
	fake := smsfake.New(t)
	fake.Script(smsfake.Reply{Status: 500}, smsfake.Reply{Status: 429}, smsfake.Reply{Status: 400, Code: 21211})
	tr := &http.Transport{MaxConnsPerHost: 1}
	defer tr.CloseIdleConnections()
	s := newTestSender(fake, WithHTTPClient(&http.Client{Transport: tr, Timeout: 2 * time.Second}))
	for i, want := range []outcome{retry, retry, permanent} {
		_, err := s.Send(context.Background(), reply("hi"))
		checkOutcome(t, err, want, 0, 0)
		if strings.Contains(err.Error(), "no answer") {
			t.Fatalf("send %d: %v: the connection was not released", i, err)
		}
	}
	if _, err := s.Send(context.Background(), reply("hi")); err != nil {
		t.Fatalf("fourth send: %v", err)
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		label string
		in    string
		want  time.Duration
	}{
		{"absent", "", 0},
		{"seconds", "12", 12 * time.Second},
		{"padded", " 3 ", 3 * time.Second},
		{"negative", "-5", 0},
		{"date ahead", now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second},
		{"date past", now.Add(-time.Minute).Format(http.TimeFormat), 0},
		{"garbage", "soon", 0},
		{"huge", "999999999999999", time.Hour},
	}
	for _, tt := range tests {
		if got := retryAfter(tt.in, now); got != tt.want {
			t.Errorf("%s: retryAfter(%q) = %v, want %v", tt.label, tt.in, got, tt.want)
		}
	}
}
