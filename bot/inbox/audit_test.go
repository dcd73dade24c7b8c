package inbox_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/northbrook/hubbot/bot/inbox"
	"github.com/northbrook/hubbot/dialog/redisstore/redistest"
)

func TestAuditRetention(t *testing.T) {
	rdb := redistest.Start(t).Client(t)
	ctx := context.Background()
	var mu sync.Mutex
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	a, err := inbox.NewAudit(rdb, inbox.AuditOptions{Prefix: "t:", Retention: 24 * time.Hour, Cap: 3, Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	record := func(action, conv string) {
		t.Helper()
		if err := a.Record(ctx, inbox.AuditEntry{Actor: "a@hub.example", Action: action, ConvID: conv}); err != nil {
			t.Fatalf("record: %v", err)
		}
	}
	record(inbox.ActionView, "c1")
	mu.Lock()
	now = now.Add(25 * time.Hour) // the first entry is now past the retention
	mu.Unlock()
	record(inbox.ActionClaim, "c2")
	record(inbox.ActionReply, "c2")
	record(inbox.ActionClose, "c2")
	record(inbox.ActionView, "c3") // over the cap of 3: the oldest kept one goes

	tests := []struct {
		label  string
		filter inbox.AuditFilter
		want   []string
	}{
		{"All", inbox.AuditFilter{}, []string{inbox.ActionView, inbox.ActionClose, inbox.ActionReply}},
		{"Conversation", inbox.AuditFilter{ConvID: "c2"}, []string{inbox.ActionClose, inbox.ActionReply}},
		{"Limit", inbox.AuditFilter{Limit: 1}, []string{inbox.ActionView}},
		{"Actor", inbox.AuditFilter{Actor: "b@hub.example"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			es, err := a.List(ctx, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range es {
				got = append(got, e.Action)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("got %v, want %v", got, tt.want)
				}
			}
		})
	}
	if n := rdb.ZCard(ctx, "t:staff:audit").Val(); n != 3 {
		t.Errorf("%d entries kept, want 3 (cap and retention)", n)
	}
	if ttl := rdb.TTL(ctx, "t:staff:audit").Val(); ttl <= 0 || ttl > 24*time.Hour {
		t.Errorf("TTL %v, want the retention", ttl)
	}
}
