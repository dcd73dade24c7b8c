package telegram

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/northbrook/hubbot/bot"
	"github.com/northbrook/hubbot/bot/telegram/tgfake"
	"github.com/northbrook/hubbot/dialog"
)

// FuzzTelegramWebhook feeds the webhook arbitrary bodies with the right
// secret: it must never panic, must answer only 200, 400 or 413, and
// whatever it hands on must be a well-formed private-chat Inbound. The
// seeds in testdata/fuzz/FuzzTelegramWebhook run in every go test.
func FuzzTelegramWebhook(f *testing.F) {
	fake := tgfake.New(f, testToken)
	fake.SetHold(0)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	api, err := NewSender(SenderOptions{Token: testToken, ServerURL: fake.URL, HTTPClient: fake.Client(), Log: log})
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte(textUpdate(1, "hello")))
	f.Add([]byte(callbackUpdate(2, "cbq", "1")))
	f.Fuzz(func(t *testing.T, body []byte) {
		var got []bot.Inbound
		h := bot.HandlerFunc(func(_ context.Context, in bot.Inbound) error {
			got = append(got, in)
			return nil
		})
		wh, err := NewWebhook(h, api, WebhookOptions{Options: Options{Log: log}, Secret: testSecret, MaxBody: 64 << 10})
		if err != nil {
			t.Fatal(err)
		}
		req := httptest.NewRequest(http.MethodPost, "/telegram/webhook", bytes.NewReader(body))
		req.Header.Set(SecretHeader, testSecret)
		w := httptest.NewRecorder()
		wh.ServeHTTP(w, req)
		switch w.Code {
		case 200, 400, 413:
		default:
			t.Fatalf("status %d", w.Code)
		}
		if len(got) > 1 {
			t.Fatalf("one update handed on %d times", len(got))
		}
		for _, in := range got {
			if in.Channel != dialog.ChannelTelegram || !strings.HasPrefix(in.MessageID, "tg:") {
				t.Errorf("bad inbound %+v", in)
			}
			if _, err := strconv.ParseInt(in.Address, 10, 64); err != nil {
				t.Errorf("address %q is not a chat id", in.Address)
			}
			switch in.Kind {
			case bot.KindText, bot.KindMedia, bot.KindButton, bot.KindStopped:
			case bot.KindCommand:
				if in.Text != "start" && in.Text != "help" && in.Text != "forget" {
					t.Errorf("command %q", in.Text)
				}
			default:
				t.Errorf("kind %q", in.Kind)
			}
		}
	})
}
