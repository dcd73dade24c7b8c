package web

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/northbrook/hubbot/bot"
	"github.com/northbrook/hubbot/dialog"
)

// FuzzWebSend feeds POST /chat/send arbitrary bodies: it must never
// panic, must answer only 202, 400 or 413, and whatever it hands on must
// be a well-formed web Inbound. The seeds in testdata/fuzz/FuzzWebSend
// run in every go test.
func FuzzWebSend(f *testing.F) {
	f.Add([]byte(`{"text":"hello","id":"m1"}`))
	f.Add([]byte(`{"text":"2","id":"m2","kind":"button"}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		rec := &recorder{}
		chat, err := New(Options{Handler: rec, Redis: nopRedis(t), Secret: testSecret})
		if err != nil {
			t.Fatal(err)
		}
		req := httptest.NewRequest(http.MethodPost, "/chat/send", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.AddCookie(&http.Cookie{Name: CookieName, Value: testSession})
		w := httptest.NewRecorder()
		chat.ServeHTTP(w, req)
		switch w.Code {
		case 202, 400, 413:
		default:
			t.Fatalf("status %d", w.Code)
		}
		got := rec.calls()
		if (w.Code == 202) != (len(got) == 1) || len(got) > 1 {
			t.Fatalf("status %d with %d handler calls", w.Code, len(got))
		}
		for _, in := range got {
			id, ok := strings.CutPrefix(in.MessageID, "web:"+testSession+":")
			if in.Channel != dialog.ChannelWeb || in.Address != testSession || !ok || !validClientID(id) {
				t.Errorf("bad inbound %+v", in)
			}
			if in.Kind != bot.KindText && in.Kind != bot.KindButton {
				t.Errorf("kind %q", in.Kind)
			}
			if in.Text == "" || in.Text != strings.TrimSpace(in.Text) || !utf8.ValidString(in.Text) || utf8.RuneCountInString(in.Text) > maxTextRunes {
				t.Errorf("text not checked: %q", in.Text)
			}
		}
	})
}
