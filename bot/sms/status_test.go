package sms

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/northbrook/hubbot/bot/sms/smsfake"
	"github.com/northbrook/hubbot/dialog"
)

// statusCall is one SMSStatus call.
type statusCall struct{ conv, reply, status, code string }

// sinkRecorder is a StatusSink that keeps what it hears.
type sinkRecorder struct {
	mu  sync.Mutex
	got []statusCall
	err error
}

func (s *sinkRecorder) SMSStatus(_ context.Context, conv, reply, status, code string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.got = append(s.got, statusCall{conv, reply, status, code})
	return s.err
}

func (s *sinkRecorder) calls() []statusCall {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]statusCall(nil), s.got...)
}

func TestStatusURL(t *testing.T) {
	got := StatusURL("https://hub.example.org/", "r 1&x", "c/2")
	want := "https://hub.example.org/sms/status?reply=r+1%26x&conv=c%2F2"
	if got != want {
		t.Fatalf("StatusURL = %q, want %q", got, want)
	}
}

func TestStatusWebhook(t *testing.T) {
	cb := StatusURL(testPublic, "out-1", "conv-1")
	path := cb[len(testPublic):]
	form := func(status, code string) map[string][]string {
		f := map[string][]string{
			"AccountSid": {smsfake.AccountSID}, "MessageSid": {"SM1"}, "MessageStatus": {status},
			"From": {hubNum}, "To": {familyNum},
		}
		if code != "" {
			f["ErrorCode"] = []string{code}
		}
		return f
	}
	tests := []struct {
		label   string
		req     func(t *testing.T) *http.Request
		sinkErr error
		status  int
		want    *statusCall
	}{
		{"delivered", func(t *testing.T) *http.Request { return signedPost(t, path, form("delivered", "")) },
			nil, 200, &statusCall{"conv-1", "out-1", "delivered", ""}},
		{"undelivered with a code", func(t *testing.T) *http.Request { return signedPost(t, path, form("undelivered", "30003")) },
			nil, 200, &statusCall{"conv-1", "out-1", "undelivered", "30003"}},
		{"opted out is a stop", func(t *testing.T) *http.Request { return signedPost(t, path, form("failed", "21610")) },
			nil, 200, &statusCall{"conv-1", "out-1", StatusStopped, "21610"}},
		{"forged", func(t *testing.T) *http.Request {
			r := signedPost(t, path, form("delivered", ""))
			r.Header.Set(SignatureHeader, smsfake.Sign("guess", testPublic+path, form("delivered", "")))
			return r
		}, nil, 403, nil},
		{"reply id changed after signing", func(t *testing.T) *http.Request {
			r := signedPost(t, path, form("delivered", ""))
			r.URL.RawQuery = "reply=out-2&conv=conv-1"
			return r
		}, nil, 403, nil},
		{"missing reply", func(t *testing.T) *http.Request { return signedPost(t, StatusPath+"?conv=conv-1", form("sent", "")) },
			nil, 400, nil},
		{"missing status", func(t *testing.T) *http.Request {
			return signedPost(t, path, without(form("sent", ""), "MessageStatus"))
		},
			nil, 400, nil},
		{"odd status", func(t *testing.T) *http.Request { return signedPost(t, path, form("<script>", "")) },
			nil, 400, nil},
		{"store unavailable", func(t *testing.T) *http.Request { return signedPost(t, path, form("sent", "")) },
			fmt.Errorf("x: %w", dialog.ErrUnavailable), 503, &statusCall{"conv-1", "out-1", "sent", ""}},
		{"other sink error is accepted", func(t *testing.T) *http.Request { return signedPost(t, path, form("sent", "")) },
			errors.New("no such reply"), 200, &statusCall{"conv-1", "out-1", "sent", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			sink := &sinkRecorder{err: tt.sinkErr}
			w := serve(NewStatusWebhook(testToken, testPublic, sink, nil), tt.req(t))
			if w.Code != tt.status {
				t.Errorf("status %d, want %d (%s)", w.Code, tt.status, w.Body)
			}
			got := sink.calls()
			switch {
			case tt.want == nil && len(got) > 0:
				t.Errorf("sink heard %+v, want nothing", got)
			case tt.want != nil && (len(got) != 1 || got[0] != *tt.want):
				t.Errorf("sink heard %+v, want %+v", got, *tt.want)
			}
		})
	}
}

// The fake's callbacks, signed as Twilio signs them, reach the sink
// through a real HTTP server whose address is the public URL.
func TestStatusWebhookFromFake(t *testing.T) {
	sink := &sinkRecorder{}
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	mux.Handle("POST "+StatusPath, NewStatusWebhook(smsfake.AuthToken, srv.URL, sink, nil))

	fake := smsfake.New(t)
	s := NewSender(smsfake.AccountSID, smsfake.AuthToken, hubNum, srv.URL, WithBaseURL(fake.URL()))
	if _, err := s.Send(context.Background(), dialog.Outbound{ID: "out-9", ConvID: "conv-9", Address: familyNum, Text: "hi"}); err != nil {
		t.Fatal(err)
	}
	m := fake.Messages()[0]
	for _, st := range []struct{ status, code string }{{"sent", ""}, {"undelivered", "21610"}} {
		resp, err := fake.Callback(context.Background(), nil, m, st.status, st.code)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("callback answered %d", resp.StatusCode)
		}
	}
	want := []statusCall{{"conv-9", "out-9", "sent", ""}, {"conv-9", "out-9", StatusStopped, "21610"}}
	if got := sink.calls(); len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("sink heard %+v, want %+v", got, want)
	}
}
