package redisstore_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/northbrook/hubbot/dialog"
	"github.com/northbrook/hubbot/dialog/redisstore"
	"github.com/northbrook/hubbot/dialog/redisstore/redistest"
	"github.com/northbrook/hubbot/dialog/triage"
)

var testSecret = []byte("test-secret-not-for-production")

// t0 is the fixed time the tests' conversations start at.
var t0 = time.Date(2026, 3, 2, 9, 15, 0, 0, time.UTC)

// fixture is a store on its own server, under a per-test prefix.
type fixture struct {
	srv    *redistest.Server
	rdb    *redis.Client
	store  *redisstore.Store
	prefix string
}

func newFixture(tb testing.TB, opts redisstore.Options, srvOpts ...redistest.Option) *fixture {
	tb.Helper()
	srv := redistest.Start(tb, srvOpts...)
	rdb := srv.Client(tb)
	if opts.Prefix == "" {
		opts.Prefix = "hbtest:" + strings.ReplaceAll(tb.Name(), "/", ".") + ":"
	}
	return &fixture{srv: srv, rdb: rdb, store: redisstore.New(rdb, testSecret, opts), prefix: opts.Prefix}
}

// keys returns every key under the fixture's prefix.
func (f *fixture) keys(tb testing.TB) []string {
	tb.Helper()
	var keys []string
	iter := f.rdb.Scan(context.Background(), 0, f.prefix+"*", 1000).Iterator()
	for iter.Next(context.Background()) {
		keys = append(keys, iter.Val())
	}
	if err := iter.Err(); err != nil {
		tb.Fatalf("scan: %v", err)
	}
	return keys
}

// family returns the key of the n-th test family on SMS.
func family(n int) dialog.Key {
	return dialog.Key{Channel: dialog.ChannelSMS, Address: "+4477009000" + string(rune('0'+n/10)) + string(rune('0'+n%10))}
}

// idle is a realistic idle conversation's step: triage filled in, three
// services offered, handed off to a practitioner.
func idle(c dialog.Conversation) (dialog.Conversation, dialog.Commit, error) {
	c.State = dialog.StateHandoff
	c.Triage = triage.Triage{
		For: triage.WhoChild, Speaker: triage.WhoParent,
		Age: 2, AgeKnown: true, AgeMonths: 27,
		Terms:    []string{"speech-language-communication", "early-years-development"},
		Words:    "isnt talking yet only a few words",
		Ward:     "Castleton",
		Postcode: "NB3",
	}
	c.Offered = []string{"svc-castleton-chatter-and-play", "svc-nhs-speech-language-therapy-0-5", "svc-family-hub-stay-and-play"}
	c.Shown = 3
	c.Handoff = &dialog.Handoff{
		PractitionerID: "prac-priya-shah",
		Reason:         "asked",
		At:             t0.Add(4 * time.Minute),
		Summary:        "For: child, 2 years. Need: speech and language. Ward: Castleton. Offered: Chatter and Play, NHS SLT 0-5, Stay and Play.",
	}
	c.Started, c.Updated = t0, t0.Add(4*time.Minute)
	c.Messages = 4
	c.Signposted = t0.Add(time.Minute)
	c.CheckinDue = t0.Add(14 * 24 * time.Hour)
	return c, dialog.Commit{}, nil
}

// say appends one family line to the transcript and counts the message.
func say(text string) dialog.UpdateFunc {
	return func(c dialog.Conversation) (dialog.Conversation, dialog.Commit, error) {
		c.Messages++
		return c, dialog.Commit{Transcript: []dialog.Entry{{At: t0, From: dialog.FromFamily, Text: text}}}, nil
	}
}

func ctxT(tb testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	tb.Cleanup(cancel)
	return ctx
}

func redistestClient(tb testing.TB, addr string) *redis.Client {
	c := redis.NewClient(&redis.Options{Addr: addr})
	tb.Cleanup(func() { _ = c.Close() })
	return c
}
