package redisstore_test

import (
	"testing"

	"github.com/northbrook/hubbot/dialog/redisstore"
)

// BenchmarkUpdate measures one store round trip: read, step, commit of a
// conversation with one transcript line.
func BenchmarkUpdate(b *testing.B) {
	f := newFixture(b, redisstore.Options{})
	ctx := ctxT(b)
	k := family(1)
	if _, err := f.store.Update(ctx, k, idle); err != nil {
		b.Fatal(err)
	}
	step := say("hello")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := f.store.Update(ctx, k, step); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIdleConversationMemory reports the Redis memory of one idle
// conversation (triage filled, 3 services offered, a handoff), transcript
// excluded, as MEMORY USAGE gives it.
func BenchmarkIdleConversationMemory(b *testing.B) {
	f := newFixture(b, redisstore.Options{})
	ctx := ctxT(b)
	c, err := f.store.Update(ctx, family(1), idle)
	if err != nil {
		b.Fatal(err)
	}
	var bytes int64
	for b.Loop() {
		if bytes, err = f.store.MemoryUsage(ctx, c.ID); err != nil {
			b.Fatal(err)
		}
	}
	if bytes > 2048 {
		b.Errorf("idle conversation uses %d bytes, want <= 2048", bytes)
	}
	b.ReportMetric(float64(bytes), "bytes/conv")
}
