package telegram

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/northbrook/hubbot/bot"
	"github.com/northbrook/hubbot/bot/telegram/tgfake"
	"github.com/northbrook/hubbot/dialog"
)

func outbound(text string, opts ...dialog.Option) dialog.Outbound {
	return dialog.Outbound{ID: "ob-1", ConvID: "c1", Channel: dialog.ChannelTelegram, Address: privateChat, Text: text, Options: opts}
}

func TestSenderDelivers(t *testing.T) {
	opt := func(label, value string) dialog.Option { return dialog.Option{Label: label, Value: value} }
	btn := func(label, value string) models.InlineKeyboardButton {
		return models.InlineKeyboardButton{Text: label, CallbackData: value}
	}
	long := strings.Repeat("é", 5000)
	tests := []struct {
		name     string
		ob       dialog.Outbound
		wantText string
		wantKB   [][]models.InlineKeyboardButton
	}{
		{name: "plain text, nothing escaped", ob: outbound("Stay & Play_club *Tue* [10am] <free> \\ ok"),
			wantText: "Stay & Play_club *Tue* [10am] <free> \\ ok"},
		{name: "one option", ob: outbound("Pick", opt("Yes", "y")),
			wantText: "Pick", wantKB: [][]models.InlineKeyboardButton{{btn("Yes", "y")}}},
		{name: "rows of three", ob: outbound("Which one?",
			opt("1. Stay and Play", "1"), opt("2. Baby clinic", "2"), opt("3. Dads group", "3"),
			opt("Talk to a person", "person"), opt("Start again", "restart")),
			wantText: "Which one?",
			wantKB: [][]models.InlineKeyboardButton{
				{btn("1. Stay and Play", "1"), btn("2. Baby clinic", "2"), btn("3. Dads group", "3")},
				{btn("Talk to a person", "person"), btn("Start again", "restart")},
			}},
		{name: "options Telegram cannot carry are left out", ob: outbound("Pick",
			opt("Good", "1"), opt("", "2"), opt("Too long", strings.Repeat("v", 65))),
			wantText: "Pick", wantKB: [][]models.InlineKeyboardButton{{btn("Good", "1")}}},
		{name: "over-long text is shortened", ob: outbound(long),
			wantText: strings.Repeat("é", maxTextRunes-1) + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			id, err := e.api.Send(context.Background(), tt.ob)
			if err != nil {
				t.Fatalf("Send: %v", err)
			}
			sent := e.fake.Sent()
			if len(sent) != 1 {
				t.Fatalf("%d messages sent, want 1", len(sent))
			}
			m := sent[0]
			if id != "1" || m.ChatID != privateChat || m.Text != tt.wantText || m.ParseMode != "" {
				t.Errorf("sent id %q chat %q parse mode %q text %q\nwant id 1 chat %s no parse mode text %q",
					id, m.ChatID, m.ParseMode, m.Text, privateChat, tt.wantText)
			}
			if !equalKeyboards(m.Keyboard, tt.wantKB) {
				t.Errorf("keyboard %+v\nwant %+v", m.Keyboard, tt.wantKB)
			}
		})
	}
}

func TestSenderErrors(t *testing.T) {
	tests := []struct {
		name      string
		failure   *tgfake.Failure
		address   string
		closed    bool // the server is gone
		wantRetry bool
		wantAfter time.Duration
		wantStop  bool
	}{
		{name: "429 with retry_after", failure: ptr(tgfake.TooManyRequests(7)), wantRetry: true, wantAfter: 7 * time.Second},
		{name: "500", failure: ptr(tgfake.ServerError()), wantRetry: true},
		{name: "502 HTML from a proxy", failure: ptr(tgfake.BadGateway()), wantRetry: true},
		{name: "503 JSON", failure: &tgfake.Failure{Status: 503, Description: "Service Unavailable"}, wantRetry: true},
		{name: "server gone", closed: true, wantRetry: true},
		{name: "403 blocked", failure: ptr(tgfake.Blocked()), wantStop: true},
		{name: "403 deactivated", failure: ptr(tgfake.Deactivated()), wantStop: true},
		{name: "403 cannot initiate is permanent", failure: &tgfake.Failure{Status: 403, Description: "Forbidden: bot can't initiate conversation with a user"}},
		{name: "400 chat not found is permanent", failure: ptr(tgfake.BadRequest("Bad Request: chat not found"))},
		{name: "401 bad token is permanent", failure: &tgfake.Failure{Status: http.StatusUnauthorized, Description: "Unauthorized"}},
		{name: "address not a chat id", address: "not-a-number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			if tt.failure != nil {
				e.fake.Fail("sendMessage", *tt.failure)
			}
			api := e.api
			if tt.closed {
				var err error
				api, err = NewSender(SenderOptions{Token: testToken, ServerURL: "http://127.0.0.1:1", Log: e.log,
					HTTPClient: &http.Client{Timeout: time.Second}})
				if err != nil {
					t.Fatal(err)
				}
			}
			ob := outbound(secretWords)
			if tt.address != "" {
				ob.Address = tt.address
			}
			_, err := api.Send(context.Background(), ob)
			if err == nil {
				t.Fatal("Send succeeded, want an error")
			}
			t.Logf("error: %v", err)
			var re *bot.RetryError
			if gotRetry := errors.As(err, &re); gotRetry != tt.wantRetry {
				t.Errorf("retry %v, want %v (%v)", gotRetry, tt.wantRetry, err)
			} else if gotRetry && re.After != tt.wantAfter {
				t.Errorf("retry after %s, want %s", re.After, tt.wantAfter)
			}
			if gotStop := errors.Is(err, bot.ErrStopped); gotStop != tt.wantStop {
				t.Errorf("stopped %v, want %v (%v)", gotStop, tt.wantStop, err)
			}
			for _, s := range []string{privateChat, secretWords, testToken} {
				if strings.Contains(err.Error(), s) {
					t.Errorf("error %q holds %q", err, s)
				}
			}
			e.assertNoPersonalData(t)
		})
	}
}

// The fault sequence: 429, then 500, then 200 gives exactly one
// message, with the outbox's retries driven by the errors Send returns.
func TestSenderRetriesToOneMessage(t *testing.T) {
	e := newEnv(t)
	e.fake.Fail("sendMessage", tgfake.TooManyRequests(1), tgfake.ServerError())
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if _, err = e.api.Send(context.Background(), outbound("hello")); err == nil {
			break
		}
		var re *bot.RetryError
		if !errors.As(err, &re) {
			t.Fatalf("attempt %d: permanent error %v", attempt, err)
		}
	}
	if err != nil {
		t.Fatalf("still failing: %v", err)
	}
	if n := len(e.fake.Sent()); n != 1 {
		t.Errorf("%d messages arrived, want 1", n)
	}
}

func TestSenderWebhookSetup(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	if err := e.api.SetWebhook(ctx, "https://hub.example/telegram/webhook", testSecret); err != nil {
		t.Fatalf("SetWebhook: %v", err)
	}
	if url, secret := e.fake.Webhook(); url != "https://hub.example/telegram/webhook" || secret != testSecret {
		t.Errorf("webhook %q secret %q", url, secret)
	}
	if err := e.api.DeleteWebhook(ctx); err != nil {
		t.Fatalf("DeleteWebhook: %v", err)
	}
	if url, _ := e.fake.Webhook(); url != "" {
		t.Errorf("webhook still %q", url)
	}
}

func TestNewSenderNeedsToken(t *testing.T) {
	if _, err := NewSender(SenderOptions{Token: " "}); err == nil {
		t.Error("NewSender without a token succeeded")
	}
}

func ptr[T any](v T) *T { return &v }

func equalKeyboards(a, b [][]models.InlineKeyboardButton) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if len(a[i]) != len(b[i]) {
			return false
		}
		for j := range a[i] {
			if a[i][j].Text != b[i][j].Text || a[i][j].CallbackData != b[i][j].CallbackData {
				return false
			}
		}
	}
	return true
}
