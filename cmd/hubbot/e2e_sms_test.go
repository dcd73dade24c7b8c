package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/northbrook/hubbot/bot/gsm7"
	"github.com/northbrook/hubbot/bot/sms"
	"github.com/northbrook/hubbot/bot/sms/smsfake"
)

// TestSMSConversation holds a whole conversation over SMS: a parent texts
// the hub, gets services in the first reply, asks for a person and is told
// who and when; a replayed webhook gets no second reply; a forged one is
// refused; the logs hold no number or message.
func TestSMSConversation(t *testing.T) {
	fake := smsfake.New(t)
	a := startApp(t, map[string]string{
		"HUBBOT_TWILIO_ACCOUNT_SID": smsfake.AccountSID,
		"HUBBOT_TWILIO_AUTH_TOKEN":  smsfake.AuthToken,
		"HUBBOT_TWILIO_FROM":        "+441632960000",
		"HUBBOT_TWILIO_API_URL":     fake.URL(),
		"HUBBOT_SMS_PER_SECOND":     "50",
	})
	const parent = "+447700900123"
	ctx := context.Background()
	send := func(sid, body string) {
		t.Helper()
		resp, err := smsfake.Post(ctx, nil, smsfake.AuthToken, a.URL+sms.InboundPath,
			smsfake.InboundForm(smsfake.AccountSID, sid, parent, "+441632960000", body))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !strings.Contains(string(b), "<Response>") {
			t.Fatalf("webhook answered %d %q", resp.StatusCode, b)
		}
	}

	first := "my 2 yr old isnt talking yet, we live in castleton"
	send("SM0001", first)
	msgs := settled(t, fake, 1)
	all := ""
	for _, m := range msgs {
		if m.To != parent {
			t.Fatalf("reply went to %q", m.To)
		}
		if m.Encoding != gsm7.GSM7 || !gsm7.IsGSM(m.Body) {
			t.Errorf("reply is not GSM-7: %q", m.Body)
		}
		if m.Segments > gsm7.MaxSegments && !strings.Contains(m.Body, "1") {
			t.Errorf("reply over %d segments: %q", gsm7.MaxSegments, m.Body)
		}
		all += m.Body + "\n"
	}
	if !strings.Contains(all, "FORGET") {
		t.Errorf("first replies say nothing of privacy:\n%s", all)
	}
	if !strings.Contains(all, "Early Talk") && !strings.Contains(strings.ToLower(all), "speech") {
		t.Errorf("first replies offer no speech service:\n%s", all)
	}
	afterFirst := len(msgs)

	// The provider retries the first webhook: no second reply.
	send("SM0001", first)
	if n := len(settled(t, fake, afterFirst)); n != afterFirst {
		t.Fatalf("a replayed webhook sent %d more replies", n-afterFirst)
	}
	send("SM0002", "person")
	msgs = settled(t, fake, afterFirst+1)
	handoff := msgs[len(msgs)-1].Body
	if !strings.Contains(handoff, "Practitioner") && !strings.Contains(handoff, "Worker") && !strings.Contains(handoff, "Visitor") {
		t.Errorf("handoff names no practitioner:\n%s", handoff)
	}
	q, err := a.Store.Queue(ctx)
	if err != nil || len(q) != 1 {
		t.Fatalf("staff queue: %v %+v", err, q)
	}
	var transcript strings.Builder
	for i, m := range msgs {
		fmt.Fprintf(&transcript, "--- reply %d (%d segments)\n%s\n", i+1, m.Segments, m.Body)
	}
	golden(t, "e2e_sms.golden", transcript.String())

	// A forged webhook is refused and changes nothing.
	form := smsfake.InboundForm(smsfake.AccountSID, "SM0003", parent, "+441632960000", "start again")
	req, _ := smsfake.NewRequest(ctx, "not-the-token", a.URL+sms.InboundPath, form)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("forged webhook answered %d, want 403", resp.StatusCode)
	}
	noPrivateData(t, a.logs.String(), parent, "7700900123", "isnt talking", "castleton")

	// The admin listener's metrics saw it all: three webhooks (one replayed),
	// one handoff, replies sent.
	resp, err = http.Get(a.Admin + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{
		`hubbot_inbound_messages_total{channel="sms"} 3`,
		`hubbot_duplicate_inbound_total{channel="sms"} 1`,
		`hubbot_handoffs_total{reason=`,
		`hubbot_replies_sent_total{channel="sms"}`,
		`hubbot_search_seconds_count`,
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	for _, path := range []string{"/healthz", "/readyz"} {
		resp, err := http.Get(a.Admin + path)
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Errorf("%s: %v %v", path, err, resp)
		}
		if resp != nil {
			resp.Body.Close()
		}
	}
}

// settled waits for at least n messages, then until no more arrive for a
// moment, and returns them all.
func settled(t *testing.T, fake *smsfake.Server, n int) []smsfake.Message {
	t.Helper()
	fake.WaitMessages(t, n, 10*time.Second)
	last := -1
	for {
		msgs := fake.Messages()
		if len(msgs) == last {
			return msgs
		}
		last = len(msgs)
		time.Sleep(400 * time.Millisecond)
	}
}
