package assign_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/northbrook/hubbot/content"
	"github.com/northbrook/hubbot/dialog"
	"github.com/northbrook/hubbot/dialog/assign"
)

func setup(t *testing.T, counts map[string]int) (*assign.Assigner, *assign.MemCaseload, *time.Location) {
	t.Helper()
	dir, err := content.SampleDirectory()
	if err != nil {
		t.Fatal(err)
	}
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	load := assign.NewMemCaseload(counts)
	a, err := assign.New(dir, load, assign.Options{Location: loc, BankHolidays: []string{"2026-04-06", "2026-12-25"}})
	if err != nil {
		t.Fatal(err)
	}
	return a, load, loc
}

func TestAssign(t *testing.T) {
	a, _, loc := setup(t, map[string]int{"prac-marcus-reid": 4})
	at := func(mo time.Month, d, h, m int) time.Time { return time.Date(2026, mo, d, h, m, 0, 0, loc) }
	tue := at(time.March, 10, 10, 0) // a Tuesday
	tests := []struct {
		label   string
		req     dialog.AssignRequest
		want    []string // any of these
		working bool
		by      time.Time
		opens   time.Time
	}{
		{"skill match now", dialog.AssignRequest{Channel: dialog.ChannelSMS, Terms: []string{"parental-conflict"}, Now: tue},
			[]string{"prac-priya-sharma"}, true, at(time.March, 10, 17, 0), time.Time{}},
		{"strongest term first", dialog.AssignRequest{Channel: dialog.ChannelSMS, Terms: []string{"infant-feeding", "early-years"}, Now: tue},
			[]string{"prac-ioana-popescu"}, true, at(time.March, 10, 16, 30), time.Time{}},
		{"language", dialog.AssignRequest{Channel: dialog.ChannelSMS, Terms: []string{"money"}, Language: "bengali", Now: tue},
			[]string{"prac-shahana-begum"}, true, at(time.March, 10, 14, 30), time.Time{}},
		{"arabic script may be Urdu", dialog.AssignRequest{Channel: dialog.ChannelSMS, Terms: []string{"parenting"}, Language: "arabic", Now: tue},
			[]string{"prac-priya-sharma"}, true, at(time.March, 10, 17, 0), time.Time{}},
		{"risk goes to safeguarding; Marcus is full", dialog.AssignRequest{Channel: dialog.ChannelSMS, Terms: []string{"money"}, Risk: true, Now: tue},
			[]string{"prac-rachel-fenwick", "prac-hannah-clarke"}, true, time.Time{}, time.Time{}},
		{"channel: telegram youth worker in the evening", dialog.AssignRequest{Channel: dialog.ChannelTelegram, Terms: []string{"youth"}, Now: at(time.March, 10, 19, 0)},
			[]string{"prac-tomasz-nowak"}, true, at(time.March, 10, 22, 0), time.Time{}},
		{"sms has no evening youth worker: next opening", dialog.AssignRequest{Channel: dialog.ChannelSMS, Terms: []string{"youth"}, Now: at(time.March, 10, 19, 0)},
			[]string{"prac-zofia-kowalczyk"}, false, at(time.March, 11, 9, 0), at(time.March, 11, 8, 30)},
		{"friday night: saturday morning", dialog.AssignRequest{Channel: dialog.ChannelSMS, Terms: []string{"parenting"}, Now: at(time.March, 13, 20, 0)},
			[]string{"prac-zofia-kowalczyk"}, false, at(time.March, 14, 9, 30), at(time.March, 14, 9, 30)},
		{"saturday after closing: monday, the earliest of the skilled", dialog.AssignRequest{Channel: dialog.ChannelSMS, Terms: []string{"parenting"}, Now: at(time.March, 14, 13, 0)},
			[]string{"prac-rachel-fenwick"}, false, at(time.March, 16, 8, 30), at(time.March, 16, 8, 30)},
		{"easter monday is a bank holiday", dialog.AssignRequest{Channel: dialog.ChannelSMS, Terms: []string{"send"}, Now: at(time.April, 6, 10, 0)},
			[]string{"prac-amira-haddad"}, false, at(time.April, 7, 9, 15), at(time.April, 7, 8, 30)},
		{"too near the end of a shift (Amira leaves at 3pm)", dialog.AssignRequest{Channel: dialog.ChannelSMS, Terms: []string{"send"}, Now: at(time.March, 10, 14, 45)},
			[]string{"prac-rachel-fenwick", "prac-priya-sharma", "prac-hannah-clarke", "prac-ioana-popescu"}, true, time.Time{}, time.Time{}},
		{"prefer keeps the practitioner", dialog.AssignRequest{Channel: dialog.ChannelSMS, Terms: []string{"send"}, Prefer: "prac-priya-sharma", Now: tue},
			[]string{"prac-priya-sharma"}, true, at(time.March, 10, 17, 0), time.Time{}},
		{"prefer off shift is not kept", dialog.AssignRequest{Channel: dialog.ChannelSMS, Terms: []string{"send"}, Prefer: "prac-daniel-okafor", Now: tue},
			[]string{"prac-amira-haddad"}, true, at(time.March, 10, 15, 0), time.Time{}},
		{"risk out of hours: safeguarding earliest", dialog.AssignRequest{Channel: dialog.ChannelSMS, Risk: true, Now: at(time.March, 10, 23, 0)},
			[]string{"prac-rachel-fenwick", "prac-marcus-reid"}, false, at(time.March, 11, 8, 30), at(time.March, 11, 8, 30)},
	}
	for _, tc := range tests {
		t.Run(tc.label, func(t *testing.T) {
			tc.req.ConvID = "conv-" + tc.label
			got, err := a.Assign(context.Background(), tc.req)
			if err != nil {
				t.Fatal(err)
			}
			if got.Practitioner == nil {
				t.Fatalf("nobody named: %+v", got)
			}
			ok := false
			for _, w := range tc.want {
				ok = ok || got.Practitioner.ID == w
			}
			if !ok {
				t.Errorf("got %s, want one of %v", got.Practitioner.ID, tc.want)
			}
			if got.Working != tc.working {
				t.Errorf("working %v, want %v", got.Working, tc.working)
			}
			if !tc.by.IsZero() && !got.By.Equal(tc.by) {
				t.Errorf("by %v, want %v", got.By, tc.by)
			}
			if !tc.opens.IsZero() && !got.Opens.Equal(tc.opens) {
				t.Errorf("opens %v, want %v", got.Opens, tc.opens)
			}
		})
	}
}

// TestAssignFewestOpenAndFair: the least busy wins; equals share the work.
func TestAssignFewestOpenAndFair(t *testing.T) {
	a, load, loc := setup(t, nil)
	tue := time.Date(2026, 3, 10, 10, 0, 0, 0, loc)
	// Priya and Rachel both have parenting and work Tuesday morning.
	req := dialog.AssignRequest{Channel: dialog.ChannelSMS, Terms: []string{"parenting"}, Now: tue}
	count := map[string]int{}
	for i := range 200 {
		req.ConvID = fmt.Sprint("c", i)
		got, err := a.Assign(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		count[got.Practitioner.ID]++
	}
	if len(count) != 2 || count["prac-priya-sharma"] < 60 || count["prac-rachel-fenwick"] < 60 {
		t.Fatalf("ties not shared fairly: %v", count)
	}
	// A re-run gives the same answer.
	req.ConvID = "same"
	x, _ := a.Assign(context.Background(), req)
	y, _ := a.Assign(context.Background(), req)
	if x.Practitioner.ID != y.Practitioner.ID {
		t.Fatal("not deterministic")
	}
	load.Set("prac-priya-sharma", 3)
	load.Set("prac-rachel-fenwick", 1)
	for i := range 20 {
		req.ConvID = fmt.Sprint("d", i)
		got, _ := a.Assign(context.Background(), req)
		if got.Practitioner.ID != "prac-rachel-fenwick" {
			t.Fatalf("fewest open: got %s", got.Practitioner.ID)
		}
	}
	// Everyone working at their limit: busy, nobody named.
	for _, p := range []string{"prac-priya-sharma", "prac-rachel-fenwick", "prac-hannah-clarke", "prac-amira-haddad", "prac-ioana-popescu", "prac-shahana-begum", "prac-marcus-reid", "prac-zofia-kowalczyk", "prac-daniel-okafor", "prac-tomasz-nowak"} {
		load.Set(p, 100)
	}
	got, err := a.Assign(context.Background(), req)
	if err != nil || got.Practitioner != nil || !got.Working || !got.Busy {
		t.Fatalf("all full: %+v %v", got, err)
	}
}

func TestNewRejectsBadHoliday(t *testing.T) {
	dir, _ := content.SampleDirectory()
	if _, err := assign.New(dir, assign.NewMemCaseload(nil), assign.Options{BankHolidays: []string{"25/12/2026"}}); err == nil {
		t.Fatal("want an error")
	}
	if _, err := assign.New(dir, nil, assign.Options{}); err == nil {
		t.Fatal("want an error for no caseload")
	}
}

func TestQueueCaseload(t *testing.T) {
	s := dialog.NewMemStore([]byte("k"), dialog.MemOptions{})
	ctx := context.Background()
	for i, pid := range []string{"a", "a", "b", ""} {
		_, err := s.Update(ctx, dialog.Key{Channel: dialog.ChannelSMS, Address: fmt.Sprint(i)}, func(c dialog.Conversation) (dialog.Conversation, dialog.Commit, error) {
			return c, dialog.Commit{Enqueue: &dialog.QueueItem{PractitionerID: pid}}, nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	got, err := assign.QueueCaseload{Store: s}.OpenCounts(ctx)
	if err != nil || got["a"] != 2 || got["b"] != 1 || len(got) != 2 {
		t.Fatalf("%v %v", got, err)
	}
}
