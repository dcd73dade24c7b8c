package redisstore_test

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/northbrook/hubbot/dialog"
	"github.com/northbrook/hubbot/dialog/redisstore"
)

func enqueue(q dialog.QueueItem) dialog.UpdateFunc {
	return func(c dialog.Conversation) (dialog.Conversation, dialog.Commit, error) {
		return c, dialog.Commit{Enqueue: &q}, nil
	}
}

func dequeue(c dialog.Conversation) (dialog.Conversation, dialog.Commit, error) {
	return c, dialog.Commit{Dequeue: true}, nil
}

func TestQueueOrder(t *testing.T) {
	f := newFixture(t, redisstore.Options{})
	ctx := ctxT(t)
	id := func(n int) string { return dialog.ConversationID(testSecret, family(n)) }
	steps := []struct {
		label string
		n     int
		fn    dialog.UpdateFunc
		want  []int // families on the queue, in order
	}{
		{"one waiting", 1, enqueue(dialog.QueueItem{Since: t0.Add(10 * time.Minute)}), []int{1}},
		{"older waits longer", 2, enqueue(dialog.QueueItem{Since: t0}), []int{2, 1}},
		{"urgent goes first", 3, enqueue(dialog.QueueItem{Urgent: true, Since: t0.Add(time.Hour)}), []int{3, 2, 1}},
		{"older urgent before newer urgent", 4, enqueue(dialog.QueueItem{Urgent: true, Since: t0.Add(30 * time.Minute)}), []int{4, 3, 2, 1}},
		{"newest, not urgent, last", 5, enqueue(dialog.QueueItem{Since: t0.Add(2 * time.Hour)}), []int{4, 3, 2, 1, 5}},
		{"becoming urgent moves up", 1, enqueue(dialog.QueueItem{Urgent: true, Since: t0.Add(10 * time.Minute), PractitionerID: "prac-priya-shah"}), []int{1, 4, 3, 2, 5}},
		{"dequeue", 3, dequeue, []int{1, 4, 2, 5}},
		{"dequeue what is not queued", 6, dequeue, []int{1, 4, 2, 5}},
	}
	for _, s := range steps {
		if _, err := f.store.Update(ctx, family(s.n), s.fn); err != nil {
			t.Fatalf("%s: %v", s.label, err)
		}
		q, err := f.store.Queue(ctx)
		if err != nil {
			t.Fatalf("%s: Queue: %v", s.label, err)
		}
		var got, want []string
		for _, it := range q {
			got = append(got, it.ConvID)
		}
		for _, n := range s.want {
			want = append(want, id(n))
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: queue = %v, want families %v", s.label, got, s.want)
		}
	}
	q, _ := f.store.Queue(ctx)
	if want := (dialog.QueueItem{ConvID: id(1), Urgent: true, Since: t0.Add(10 * time.Minute), PractitionerID: "prac-priya-shah"}); !reflect.DeepEqual(q[0], want) {
		t.Errorf("queue item = %+v, want %+v", q[0], want)
	}

	// A conversation that expired leaves the queue.
	f.rdb.Del(ctx, f.prefix+"conv:"+id(4))
	q, _ = f.store.Queue(ctx)
	if len(q) != 3 || f.rdb.ZScore(ctx, f.prefix+"queue", id(4)).Err() == nil || f.rdb.HExists(ctx, f.prefix+"queueinfo", id(4)).Val() {
		t.Errorf("expired conversation not pruned: %+v", q)
	}
}

func TestDueCheckins(t *testing.T) {
	f := newFixture(t, redisstore.Options{})
	ctx := ctxT(t)
	id := func(n int) string { return dialog.ConversationID(testSecret, family(n)) }
	for n, due := range map[int]time.Time{1: t0.Add(3 * time.Hour), 2: t0.Add(time.Hour), 3: t0.Add(2 * time.Hour), 4: t0.Add(48 * time.Hour)} {
		if _, err := f.store.Update(ctx, family(n), func(c dialog.Conversation) (dialog.Conversation, dialog.Commit, error) {
			c.CheckinDue = due
			return c, dialog.Commit{CheckinAt: due}, nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	// A later update with no CheckinAt leaves the timer as it is.
	if _, err := f.store.Update(ctx, family(1), say("hi")); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		label string
		now   time.Time
		max   int
		want  []string
	}{
		{"nothing due yet", t0, 10, nil},
		{"oldest first, up to max", t0.Add(5 * time.Hour), 2, []string{id(2), id(3)}},
		{"claimed ones are gone", t0.Add(5 * time.Hour), 10, []string{id(1)}},
		{"nothing left by then", t0.Add(5 * time.Hour), 10, nil},
		{"max 0", t0.Add(72 * time.Hour), 0, nil},
		{"later", t0.Add(72 * time.Hour), 10, []string{id(4)}},
	}
	for _, s := range steps {
		got, err := f.store.DueCheckins(ctx, s.now, s.max)
		if err != nil || !slices.Equal(got, s.want) {
			t.Errorf("%s: DueCheckins = %v, %v; want %v", s.label, got, err, s.want)
		}
	}
}
