package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/northbrook/hubbot/dialog"
	"github.com/northbrook/hubbot/dialog/redisstore"
	"github.com/northbrook/hubbot/dialog/redisstore/redistest"
)

// TestReportUnmet: unmet needs recorded by the dialog print as a table and as CSV.
func TestReportUnmet(t *testing.T) {
	rs := redistest.Start(t)
	rdb := redis.NewClient(&redis.Options{Addr: rs.Addr()})
	defer rdb.Close()
	store := redisstore.New(rdb, []byte("k"), redisstore.Options{})
	ctx := context.Background()
	_, err := store.Update(ctx, dialog.Key{Channel: dialog.ChannelSMS, Address: "+447700900001"}, func(c dialog.Conversation) (dialog.Conversation, dialog.Commit, error) {
		c.Updated = time.Now()
		return c, dialog.Commit{
			Unmet:    []dialog.UnmetNeed{{Date: "2026-03-10", Words: "swimming lessons", AgeBand: "5-10", Ward: "Eastmoor", Reason: "no-fit"}},
			Outcomes: []dialog.Outcome{{Date: "2026-03-24", Answer: "helped", Terms: []string{"money"}}},
		}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"HUBBOT_REDIS_URL": "redis://" + rs.Addr(), "HUBBOT_HMAC_KEY": "k"}
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"report", "unmet"}, []string{"swimming lessons", "Eastmoor", "no-fit", "(1 records)"}},
		{[]string{"report", "unmet", "-csv"}, []string{"date,reason,terms,age band,ward,need words", "2026-03-10,no-fit,,5-10,Eastmoor,swimming lessons"}},
		{[]string{"report", "outcomes"}, []string{"helped", "money"}},
	} {
		var out bytes.Buffer
		if err := run(ctx, c.args, &out, &out, func(k string) string { return env[k] }); err != nil {
			t.Fatalf("%v: %v", c.args, err)
		}
		for _, w := range c.want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("%v: output lacks %q:\n%s", c.args, w, out.String())
			}
		}
	}
	var out bytes.Buffer
	if err := run(ctx, []string{"report", "nonsense"}, &out, &out, func(string) string { return "" }); err == nil {
		t.Error("report nonsense did not fail")
	}
}
