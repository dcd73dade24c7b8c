package sms

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"unicode/utf8"

	"github.com/northbrook/hubbot/bot/sms/smsfake"
	"github.com/northbrook/hubbot/dialog"
)

// FuzzWebhook posts arbitrary form bodies to the inbound webhook, signed
// (when the body parses) and unsigned. It must never panic, answer only
// 200, 400, 403 or 413, hand on only signed messages with a sender and an
// id, and hand on text that is valid UTF-8. The seed corpus in
// testdata/fuzz/FuzzWebhook runs with every go test.
func FuzzWebhook(f *testing.F) {
	for _, s := range []string{
		inboundForm("SM1", "Where is stay and play?").Encode(),
		inboundForm("SM2", "").Encode() + "&NumMedia=2",
		"MessageSid=SM3&From=%2B447700900123&Body=%FF%FE",
		"MessageSid=SM4&From=x&Body=a&Body=b",
		"Body=%zz",
		"",
		"MessageSid=&From=",
		"NumMedia=-1&MessageSid=SM5&From=1",
	} {
		f.Add([]byte(s), true)
		f.Add([]byte(s), false)
	}
	f.Fuzz(func(t *testing.T, body []byte, sign bool) {
		rec := &recorder{}
		wh := NewWebhook(testToken, testPublic, rec, nil)
		r := httptest.NewRequest(http.MethodPost, "http://10.0.0.5"+InboundPath, bytes.NewReader(body))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		signed := false
		if form, err := url.ParseQuery(string(body)); err == nil && sign {
			r.Header.Set(SignatureHeader, smsfake.Sign(testToken, testPublic+InboundPath, form))
			signed = true
		} else {
			r.Header.Set(SignatureHeader, "bm90IGEgc2lnbmF0dXJl")
		}
		w := serve(wh, r)
		calls := rec.calls()
		switch w.Code {
		case http.StatusOK:
			if len(calls) != 1 {
				t.Fatalf("200 with %d handler calls", len(calls))
			}
		case http.StatusBadRequest, http.StatusForbidden, http.StatusRequestEntityTooLarge:
			if len(calls) != 0 {
				t.Fatalf("%d but the handler was called", w.Code)
			}
		default:
			t.Fatalf("status %d", w.Code)
		}
		for _, in := range calls {
			if !signed {
				t.Fatal("an unsigned request reached the handler")
			}
			if in.Channel != dialog.ChannelSMS || in.Address == "" || in.MessageID == "" || !utf8.ValidString(in.Text) {
				t.Fatalf("handed on %+v", in)
			}
		}
	})
}
