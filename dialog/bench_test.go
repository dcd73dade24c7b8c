package dialog_test

import (
	"context"
	"testing"

	"github.com/northbrook/hubbot/dialog"
)

// BenchmarkStep measures one transition: a first message that is triaged,
// searched (the real index) and offered.
func BenchmarkStep(b *testing.B) {
	h := newRealHarness(b)
	now := h.tuesdayMorning()
	c := h.conv()
	ev := dialog.Event{Kind: dialog.EventMessage, Text: offeredText}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := h.m.Step(ctx, c, ev, now); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStepDetails measures a transition that needs no search: a
// family asking for the details of an offered service.
func BenchmarkStepDetails(b *testing.B) {
	h := newHarness(b)
	now := h.tuesdayMorning()
	c, _ := h.step(h.conv(), offeredText, now)
	ev := dialog.Event{Kind: dialog.EventMessage, Text: "2"}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := h.m.Step(ctx, c, ev, now); err != nil {
			b.Fatal(err)
		}
	}
}
