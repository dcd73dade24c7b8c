package telegram

import (
	"context"
	"testing"
	"time"

	"github.com/northbrook/hubbot/dialog/redisstore/redistest"
)

func TestOnce(t *testing.T) {
	srv := redistest.Start(t)
	tests := []struct {
		name string
		a, b Once // two instances sharing what they remember, or one twice
	}{
		{name: "memory", a: NewMemoryOnce(10)},
		{name: "redis, two instances", a: NewRedisOnce(srv.Client(t), "t:", time.Hour), b: NewRedisOnce(srv.Client(t), "t:", time.Hour)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			b := tt.b
			if b == nil {
				b = tt.a
			}
			steps := []struct {
				once Once
				key  string
				want bool
			}{
				{tt.a, "group:-100", true},
				{tt.a, "group:-100", false},
				{b, "group:-100", false},
				{b, "group:-200", true},
				{tt.a, "group:-200", false},
			}
			for i, s := range steps {
				got, err := s.once.First(ctx, s.key)
				if err != nil || got != s.want {
					t.Errorf("step %d First(%q) = %v, %v; want %v", i, s.key, got, err, s.want)
				}
			}
		})
	}
}

func TestMemoryOnceForgetsOldest(t *testing.T) {
	o := NewMemoryOnce(2)
	ctx := context.Background()
	for _, k := range []string{"a", "b", "c"} {
		if first, _ := o.First(ctx, k); !first {
			t.Fatalf("%s not first", k)
		}
	}
	if first, _ := o.First(ctx, "a"); !first {
		t.Error("a still remembered past the bound")
	}
	if first, _ := o.First(ctx, "c"); first {
		t.Error("c forgotten")
	}
}
