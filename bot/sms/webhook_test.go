package sms

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/northbrook/hubbot/bot"
	"github.com/northbrook/hubbot/bot/sms/smsfake"
	"github.com/northbrook/hubbot/dialog"
)

func TestWebhook(t *testing.T) {
	unavailable := fmt.Errorf("redisstore: update: %w", dialog.ErrUnavailable)
	tests := []struct {
		label      string
		req        func(t *testing.T) *http.Request
		handlerErr error
		status     int
		twiml      bool         // answered with empty TwiML
		want       *bot.Inbound // what the handler gets; nil: not called
	}{
		{
			label: "text message",
			req: func(t *testing.T) *http.Request {
				return signedPost(t, InboundPath, inboundForm("SM1", "Where is stay and play?"))
			},
			status: 200, twiml: true,
			want: &bot.Inbound{Channel: dialog.ChannelSMS, Address: familyNum, MessageID: "SM1", Text: "Where is stay and play?", Kind: bot.KindText},
		},
		{
			label:  "text trimmed",
			req:    func(t *testing.T) *http.Request { return signedPost(t, InboundPath, inboundForm("SM2", "  help \n")) },
			status: 200, twiml: true,
			want: &bot.Inbound{Channel: dialog.ChannelSMS, Address: familyNum, MessageID: "SM2", Text: "help", Kind: bot.KindText},
		},
		{
			label: "media only",
			req: func(t *testing.T) *http.Request {
				f := inboundForm("MM3", "")
				f.Set("NumMedia", "1")
				f.Set("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/AC/Messages/MM3/Media/ME1")
				f.Set("MediaContentType0", "image/jpeg")
				return signedPost(t, InboundPath, f)
			},
			status: 200, twiml: true,
			want: &bot.Inbound{Channel: dialog.ChannelSMS, Address: familyNum, MessageID: "MM3", Text: "", Kind: bot.KindMedia},
		},
		{
			label: "media with a caption is text",
			req: func(t *testing.T) *http.Request {
				f := inboundForm("MM4", "this letter")
				f.Set("NumMedia", "1")
				return signedPost(t, InboundPath, f)
			},
			status: 200, twiml: true,
			want: &bot.Inbound{Channel: dialog.ChannelSMS, Address: familyNum, MessageID: "MM4", Text: "this letter", Kind: bot.KindText},
		},
		{
			label:  "empty body",
			req:    func(t *testing.T) *http.Request { return signedPost(t, InboundPath, inboundForm("SM5", "")) },
			status: 200, twiml: true,
			want: &bot.Inbound{Channel: dialog.ChannelSMS, Address: familyNum, MessageID: "SM5", Text: "", Kind: bot.KindText},
		},
		{
			label:  "whitespace body",
			req:    func(t *testing.T) *http.Request { return signedPost(t, InboundPath, inboundForm("SM6", " \t\r\n ")) },
			status: 200, twiml: true,
			want: &bot.Inbound{Channel: dialog.ChannelSMS, Address: familyNum, MessageID: "SM6", Text: "", Kind: bot.KindText},
		},
		{
			label: "invalid UTF-8 body made valid",
			req: func(t *testing.T) *http.Request {
				return signedPost(t, InboundPath, inboundForm("SM7", "hi\xff\xfethere"))
			},
			status: 200, twiml: true,
			want: &bot.Inbound{Channel: dialog.ChannelSMS, Address: familyNum, MessageID: "SM7", Text: "hi\uFFFDthere", Kind: bot.KindText},
		},
		{
			label: "query string is signed with the URL",
			req: func(t *testing.T) *http.Request {
				return signedPost(t, InboundPath+"?hub=north", inboundForm("SM8", "hello"))
			},
			status: 200, twiml: true,
			want: &bot.Inbound{Channel: dialog.ChannelSMS, Address: familyNum, MessageID: "SM8", Text: "hello", Kind: bot.KindText},
		},
		{
			label: "missing From",
			req: func(t *testing.T) *http.Request {
				return signedPost(t, InboundPath, without(inboundForm("SM9", "hi"), "From"))
			},
			status: 400,
		},
		{
			label: "missing MessageSid",
			req: func(t *testing.T) *http.Request {
				return signedPost(t, InboundPath, without(inboundForm("SM10", "hi"), "MessageSid"))
			},
			status: 400,
		},
		{
			label: "missing signature",
			req: func(t *testing.T) *http.Request {
				r := signedPost(t, InboundPath, inboundForm("SM11", "hi"))
				r.Header.Del(SignatureHeader)
				return r
			},
			status: 403,
		},
		{
			label: "forged signature",
			req: func(t *testing.T) *http.Request {
				r := signedPost(t, InboundPath, inboundForm("SM12", "hi"))
				r.Header.Set(SignatureHeader, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")
				return r
			},
			status: 403,
		},
		{
			label: "signed with another token",
			req: func(t *testing.T) *http.Request {
				f := inboundForm("SM13", "hi")
				r := signedPost(t, InboundPath, f)
				r.Header.Set(SignatureHeader, smsfake.Sign("someoneelse", testPublic+InboundPath, f))
				return r
			},
			status: 403,
		},
		{
			label: "signed for the host the attacker controls",
			req: func(t *testing.T) *http.Request {
				f := inboundForm("SM14", "hi")
				r := signedPost(t, InboundPath, f)
				r.Host = "evil.example"
				r.Header.Set(SignatureHeader, smsfake.Sign(testToken, "https://evil.example"+InboundPath, f))
				return r
			},
			status: 403,
		},
		{
			label: "body changed after signing",
			req: func(t *testing.T) *http.Request {
				f := inboundForm("SM15", "hi")
				r := signedPost(t, InboundPath, f)
				f.Set("Body", "STOP")
				return withBody(r, f.Encode())
			},
			status: 403,
		},
		{
			label: "value appended to a signed form is ignored",
			req: func(t *testing.T) *http.Request {
				f := inboundForm("SM16", "hi")
				r := signedPost(t, InboundPath, f)
				return withBody(r, f.Encode()+"&Body=STOP")
			},
			status: 200, twiml: true,
			want: &bot.Inbound{Channel: dialog.ChannelSMS, Address: familyNum, MessageID: "SM16", Text: "hi", Kind: bot.KindText},
		},
		{
			label: "huge body",
			req: func(t *testing.T) *http.Request {
				return signedPost(t, InboundPath, inboundForm("SM17", strings.Repeat("a", MaxBody)))
			},
			status: 413,
		},
		{
			label: "malformed form",
			req: func(t *testing.T) *http.Request {
				return withBody(signedPost(t, InboundPath, inboundForm("SM18", "hi")), "Body=%zz&From=x")
			},
			status: 400,
		},
		{
			label: "not a form",
			req: func(t *testing.T) *http.Request {
				r := signedPost(t, InboundPath, inboundForm("SM19", "hi"))
				r.Header.Set("Content-Type", "application/json")
				return r
			},
			status: 415,
		},
		{
			label: "GET",
			req: func(t *testing.T) *http.Request {
				r := signedPost(t, InboundPath, inboundForm("SM20", "hi"))
				r.Method = http.MethodGet
				return r
			},
			status: 405,
		},
		{
			label:      "store unavailable: 503 for Twilio to retry",
			req:        func(t *testing.T) *http.Request { return signedPost(t, InboundPath, inboundForm("SM21", "hi")) },
			handlerErr: unavailable,
			status:     503,
			want:       &bot.Inbound{Channel: dialog.ChannelSMS, Address: familyNum, MessageID: "SM21", Text: "hi", Kind: bot.KindText},
		},
		{
			label:      "other handler error: accepted, not retried",
			req:        func(t *testing.T) *http.Request { return signedPost(t, InboundPath, inboundForm("SM22", "hi")) },
			handlerErr: errors.New("dialog: step: broken state"),
			status:     200, twiml: true,
			want: &bot.Inbound{Channel: dialog.ChannelSMS, Address: familyNum, MessageID: "SM22", Text: "hi", Kind: bot.KindText},
		},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			rec := &recorder{err: tt.handlerErr}
			w := serve(NewWebhook(testToken, testPublic, rec, nil), tt.req(t))
			if w.Code != tt.status {
				t.Errorf("status %d, want %d (%s)", w.Code, tt.status, w.Body)
			}
			if tt.twiml && !isTwiML(w) {
				t.Errorf("answer %q %q, want empty TwiML as text/xml", w.Header().Get("Content-Type"), w.Body)
			}
			got := rec.calls()
			switch {
			case tt.want == nil && len(got) > 0:
				t.Errorf("handler called with %+v, want not called", got)
			case tt.want != nil && (len(got) != 1 || got[0] != *tt.want):
				t.Errorf("handler got %+v, want %+v", got, *tt.want)
			}
		})
	}
}

// A webhook Twilio retries reaches the handler again with the same
// MessageSid: dedupe is the handler's job.
func TestWebhookReplayPassedThrough(t *testing.T) {
	rec := &recorder{}
	wh := NewWebhook(testToken, testPublic, rec, nil)
	for range 2 {
		if w := serve(wh, signedPost(t, InboundPath, inboundForm("SMreplayed", "hi"))); !isTwiML(w) {
			t.Fatalf("status %d %q", w.Code, w.Body)
		}
	}
	got := rec.calls()
	if len(got) != 2 || got[0].MessageID != "SMreplayed" || got[1].MessageID != "SMreplayed" {
		t.Fatalf("handler got %+v, want the same MessageSid twice", got)
	}
}

// A webhook without a token refuses everything, even a request signed with
// the empty key anyone can compute.
func TestWebhookWithoutTokenRefuses(t *testing.T) {
	rec := &recorder{}
	f := inboundForm("SM1", "hi")
	r := signedPost(t, InboundPath, f)
	r.Header.Set(SignatureHeader, smsfake.Sign("", testPublic+InboundPath, f))
	if w := serve(NewWebhook("", testPublic, rec, nil), r); w.Code != http.StatusForbidden {
		t.Fatalf("status %d, want 403", w.Code)
	}
	if len(rec.calls()) > 0 {
		t.Fatal("handler called")
	}
}

// Logs carry neither the family's number nor their words.
func TestWebhookLogsNoPersonalData(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	for _, err := range []error{nil, errors.New("boom"), dialog.ErrUnavailable} {
		wh := NewWebhook(testToken, testPublic, &recorder{err: err}, log)
		serve(wh, signedPost(t, InboundPath, inboundForm("SM1", "my secret worry")))
	}
	serve(NewWebhook(testToken, testPublic, &recorder{}, log), signedPost(t, InboundPath, without(inboundForm("SM1", "x"), "MessageSid")))
	out := buf.String()
	for _, secret := range []string{familyNum, strings.TrimPrefix(familyNum, "+"), "secret worry"} {
		if strings.Contains(out, secret) {
			t.Errorf("log carries %q:\n%s", secret, out)
		}
	}
	if !strings.Contains(out, "from=") {
		t.Errorf("log has no hashed sender to follow a family by:\n%s", out)
	}
}

// withBody is r with another body, its signature kept.
func withBody(r *http.Request, body string) *http.Request {
	r2 := httptest.NewRequest(r.Method, r.URL.String(), strings.NewReader(body))
	r2.Header = r.Header.Clone()
	return r2
}
