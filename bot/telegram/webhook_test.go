package telegram

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/northbrook/hubbot/bot"
	"github.com/northbrook/hubbot/bot/telegram/tgfake"
	"github.com/northbrook/hubbot/dialog"
)

func TestWebhook(t *testing.T) {
	errBoom := errors.New("dialog exploded")
	unavailable := fmt.Errorf("redis down: %w", dialog.ErrUnavailable)
	tg := func(kind bot.Kind, msgID, text string) *bot.Inbound {
		return &bot.Inbound{Channel: dialog.ChannelTelegram, Address: privateChat, MessageID: msgID, Text: text, Kind: kind}
	}
	tests := []struct {
		name       string
		method     string   // default POST
		secret     []string // header values; default {testSecret}
		body       string
		handlerErr error
		wantStatus int
		wantIn     *bot.Inbound // nil: the handler must not be called
		wantAnswer string       // callback query id answered, if any
		wantSent   []string     // chat ids of messages sent directly (refusals)
		wantEvent  string       // counted event, if checked
	}{
		{name: "missing secret", secret: []string{}, body: textUpdate(1, secretWords), wantStatus: 401, wantEvent: EventUnauthorized},
		{name: "wrong secret", secret: []string{"nope"}, body: textUpdate(1, secretWords), wantStatus: 401, wantEvent: EventUnauthorized},
		{name: "secret with a suffix", secret: []string{testSecret + "x"}, body: textUpdate(1, secretWords), wantStatus: 401},
		{name: "secret sent twice", secret: []string{testSecret, testSecret}, body: textUpdate(1, secretWords), wantStatus: 401},
		{name: "wrong secret with bad JSON is still 401", secret: []string{"nope"}, body: "{", wantStatus: 401},
		{name: "GET", method: http.MethodGet, body: "", wantStatus: 405},
		{name: "bad JSON", body: `{"update_id":`, wantStatus: 400, wantEvent: EventBadRequest},
		{name: "JSON without update_id", body: `{"message":{}}`, wantStatus: 400},
		{name: "JSON array", body: `[1,2]`, wantStatus: 400},
		{name: "body too large", body: `{"update_id":1,"pad":"` + strings.Repeat("x", DefaultMaxBody) + `"}`, wantStatus: 413},
		{name: "text", body: textUpdate(10, secretWords), wantStatus: 200,
			wantIn: tg(bot.KindText, "tg:10", secretWords), wantEvent: EventInbound},
		{name: "text with markdown characters", body: textUpdate(11, "a_b *c* [d]"), wantStatus: 200,
			wantIn: tg(bot.KindText, "tg:11", "a_b *c* [d]")},
		{name: "/start", body: textUpdate(12, "/start"), wantStatus: 200, wantIn: tg(bot.KindCommand, "tg:12", "start")},
		{name: "/start with a deep-link payload", body: textUpdate(13, "/start abc"), wantStatus: 200, wantIn: tg(bot.KindCommand, "tg:13", "start")},
		{name: "/help@bot", body: textUpdate(14, "/help@NorthbrookHubBot"), wantStatus: 200, wantIn: tg(bot.KindCommand, "tg:14", "help")},
		{name: "/FORGET", body: textUpdate(15, "/FORGET"), wantStatus: 200, wantIn: tg(bot.KindCommand, "tg:15", "forget")},
		{name: "unknown command is text", body: textUpdate(16, "/pizza"), wantStatus: 200, wantIn: tg(bot.KindText, "tg:16", "/pizza")},
		{name: "callback", body: callbackUpdate(17, "cbq-17", "2"), wantStatus: 200,
			wantIn:     &bot.Inbound{Channel: dialog.ChannelTelegram, Address: privateChat, MessageID: "tg:cb:cbq-17", Text: "2", Kind: bot.KindButton},
			wantAnswer: "cbq-17"},
		{name: "sticker", body: message(18, chatPriv, stickerFields), wantStatus: 200, wantIn: tg(bot.KindMedia, "tg:18", "")},
		{name: "photo keeps its caption", body: message(19, chatPriv, photoFields), wantStatus: 200,
			wantIn: tg(bot.KindMedia, "tg:19", "is this the right form?")},
		{name: "voice", body: message(20, chatPriv, voiceFields), wantStatus: 200, wantIn: tg(bot.KindMedia, "tg:20", "")},
		{name: "document", body: message(21, chatPriv, documentFields), wantStatus: 200, wantIn: tg(bot.KindMedia, "tg:21", "")},
		{name: "edited message ignored", body: editedUpdate(22, "fixed typo"), wantStatus: 200, wantEvent: EventEdit},
		{name: "blocked the bot is a stop", body: memberUpdate(23, chatPriv, "member", "kicked"), wantStatus: 200,
			wantIn: tg(bot.KindStopped, "tg:23", ""), wantEvent: EventBlocked},
		{name: "a stop is retried while the store is unavailable", body: memberUpdate(33, chatPriv, "member", "kicked"), handlerErr: unavailable,
			wantStatus: 503, wantIn: tg(bot.KindStopped, "tg:33", "")},
		{name: "unblocked the bot", body: memberUpdate(24, chatPriv, "kicked", "member"), wantStatus: 200, wantEvent: EventMember},
		{name: "group message refused", body: message(25, chatGroup, `"text":"/start"`), wantStatus: 200,
			wantSent: []string{"-1001234567"}, wantEvent: EventGroupRefused},
		{name: "added to a group refused", body: memberUpdate(26, chatGroup, "left", "member"), wantStatus: 200,
			wantSent: []string{"-1001234567"}},
		{name: "channel post ignored", body: `{"update_id":27,"channel_post":{"message_id":1,"date":1700000000,"chat":{"id":-100999,"type":"channel"},"text":"news"}}`,
			wantStatus: 200, wantEvent: EventIgnored},
		{name: "undecodable update acknowledged", body: memberUpdate(28, chatPriv, "member", "martian"), wantStatus: 200, wantEvent: EventUndecodable},
		{name: "store unavailable is 503", body: textUpdate(29, secretWords), handlerErr: unavailable, wantStatus: 503,
			wantIn: tg(bot.KindText, "tg:29", secretWords), wantEvent: EventUnavailable},
		{name: "store unavailable leaves the callback unanswered", body: callbackUpdate(30, "cbq-30", "1"), handlerErr: unavailable, wantStatus: 503,
			wantIn: &bot.Inbound{Channel: dialog.ChannelTelegram, Address: privateChat, MessageID: "tg:cb:cbq-30", Text: "1", Kind: bot.KindButton}},
		{name: "other handler error is 200", body: textUpdate(31, secretWords), handlerErr: errBoom, wantStatus: 200,
			wantIn: tg(bot.KindText, "tg:31", secretWords), wantEvent: EventHandlerError},
		{name: "other handler error still answers the callback", body: callbackUpdate(32, "cbq-32", "3"), handlerErr: errBoom, wantStatus: 200,
			wantIn:     &bot.Inbound{Channel: dialog.ChannelTelegram, Address: privateChat, MessageID: "tg:cb:cbq-32", Text: "3", Kind: bot.KindButton},
			wantAnswer: "cbq-32"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			rec := &recorder{fn: func(bot.Inbound) error { return tt.handlerErr }}
			wh, err := NewWebhook(rec, e.api, WebhookOptions{Options: e.options(), Secret: testSecret})
			if err != nil {
				t.Fatalf("NewWebhook: %v", err)
			}
			method := tt.method
			if method == "" {
				method = http.MethodPost
			}
			req := httptest.NewRequest(method, "/telegram/webhook", strings.NewReader(tt.body))
			req.Header.Set("Content-Type", "application/json")
			secrets := tt.secret
			if secrets == nil {
				secrets = []string{testSecret}
			}
			for _, s := range secrets {
				req.Header.Add(SecretHeader, s)
			}
			w := httptest.NewRecorder()
			wh.ServeHTTP(w, req)

			if w.Code != tt.wantStatus {
				t.Errorf("status %d, want %d (%s)", w.Code, tt.wantStatus, w.Body.String())
			}
			got := rec.calls()
			switch {
			case tt.wantIn == nil && len(got) > 0:
				t.Errorf("handler called with %+v, want not called", got)
			case tt.wantIn != nil && len(got) != 1:
				t.Errorf("handler called %d times, want once", len(got))
			case tt.wantIn != nil && got[0] != *tt.wantIn:
				t.Errorf("handler got %+v\nwant %+v", got[0], *tt.wantIn)
			}
			var answered []string
			for _, a := range e.fake.Answered() {
				answered = append(answered, a.CallbackQueryID)
			}
			if want := nonEmpty(tt.wantAnswer); !slices.Equal(answered, want) {
				t.Errorf("callbacks answered %v, want %v", answered, want)
			}
			var sent []string
			for _, m := range e.fake.Sent() {
				sent = append(sent, m.ChatID)
				if m.Text != DefaultGroupRefusal {
					t.Errorf("sent %q, want the group refusal", m.Text)
				}
			}
			if !slices.Equal(sent, tt.wantSent) {
				t.Errorf("messages sent to %v, want %v", sent, tt.wantSent)
			}
			if tt.wantEvent != "" && e.metrics.get(tt.wantEvent) != 1 {
				t.Errorf("event %q counted %d times, want 1 (%v)", tt.wantEvent, e.metrics.get(tt.wantEvent), e.metrics.n)
			}
			e.assertNoPersonalData(t)
		})
	}
}

// A group is refused once; later updates from it are ignored, and a
// redelivered private update stays a plain hand-on (dedupe is the Handler's).
func TestWebhookGroupRefusedOnce(t *testing.T) {
	e := newEnv(t)
	rec := &recorder{}
	wh, err := NewWebhook(rec, e.api, WebhookOptions{Options: e.options(), Secret: testSecret})
	if err != nil {
		t.Fatal(err)
	}
	for i, body := range []string{
		memberUpdate(1, chatGroup, "left", "member"),
		message(2, chatGroup, `"text":"hello bot"`),
		message(3, chatGroup, stickerFields),
		callbackUpdate(4, "cbq-x", "1"),
	} {
		req := httptest.NewRequest(http.MethodPost, "/telegram/webhook", strings.NewReader(body))
		req.Header.Set(SecretHeader, testSecret)
		w := httptest.NewRecorder()
		wh.ServeHTTP(w, req)
		if w.Code != 200 {
			t.Fatalf("update %d: status %d", i, w.Code)
		}
	}
	if sent := e.fake.Sent(); len(sent) != 1 {
		t.Errorf("%d refusals sent, want 1", len(sent))
	}
	if got := e.metrics.get(EventGroupIgnored); got != 2 {
		t.Errorf("group updates ignored %d, want 2", got)
	}
	if len(rec.calls()) != 1 { // only the private callback
		t.Errorf("handler called %d times, want 1", len(rec.calls()))
	}
}

// The refusal is best effort: a failing Bot API neither fails the update
// nor retries it.
func TestWebhookRefusalFailureIsAcknowledged(t *testing.T) {
	e := newEnv(t)
	e.fake.Fail("sendMessage", tgfake.ServerError())
	wh, err := NewWebhook(&recorder{}, e.api, WebhookOptions{Options: e.options(), Secret: testSecret})
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodPost, "/telegram/webhook", strings.NewReader(message(1, chatGroup, `"text":"hi"`)))
	req.Header.Set(SecretHeader, testSecret)
	w := httptest.NewRecorder()
	wh.ServeHTTP(w, req)
	if w.Code != 200 || e.metrics.get(EventRefusalError) != 1 {
		t.Errorf("status %d, refusal errors %d; want 200 and 1", w.Code, e.metrics.get(EventRefusalError))
	}
}

func TestWebhookEditsAsMedia(t *testing.T) {
	e := newEnv(t)
	rec := &recorder{}
	opts := e.options()
	opts.EditsAsMedia = true
	wh, err := NewWebhook(rec, e.api, WebhookOptions{Options: opts, Secret: testSecret})
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodPost, "/telegram/webhook", strings.NewReader(editedUpdate(5, "fixed typo")))
	req.Header.Set(SecretHeader, testSecret)
	wh.ServeHTTP(httptest.NewRecorder(), req)
	want := bot.Inbound{Channel: dialog.ChannelTelegram, Address: privateChat, MessageID: "tg:5", Kind: bot.KindMedia}
	if got := rec.calls(); len(got) != 1 || got[0] != want {
		t.Errorf("handler got %+v, want %+v", got, want)
	}
}

func TestNewWebhookNeedsSecretHandlerAndSender(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		name string
		h    bot.Handler
		api  *Sender
		opts WebhookOptions
	}{
		{name: "no secret", h: &recorder{}, api: e.api},
		{name: "no handler", api: e.api, opts: WebhookOptions{Secret: testSecret}},
		{name: "no sender", h: &recorder{}, opts: WebhookOptions{Secret: testSecret}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := NewWebhook(tt.h, tt.api, tt.opts); err == nil {
				t.Error("NewWebhook succeeded, want an error")
			}
		})
	}
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}
