package dialog_test

import (
	"bufio"
	"encoding/json"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/northbrook/hubbot/dialog"
)

// genericAnswers are what a family might reply to each question.
var genericAnswers = map[string]string{
	"need": "its about my child",
	"age":  "shes 4",
	"area": "castleton",
}

// TestMessagesToSignpost simulates the public signposting set: the first
// message is the family's text; each question gets a plausible answer. It
// counts family messages until services are offered (or, for a need the
// offer cannot meet, a person takes it). The median must be at most 2.
func TestMessagesToSignpost(t *testing.T) {
	f, err := os.Open("../../shared/eval/signposting.jsonl")
	if err != nil {
		t.Skipf("no signposting set: %v", err)
	}
	defer f.Close()
	h := newRealHarness(t)
	now := h.tuesdayMorning()
	var counts []int
	hist := map[int]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var q struct {
			ID    string `json:"id"`
			Text  string `json:"text"`
			NoFit bool   `json:"no_fit"`
		}
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			t.Fatal(err)
		}
		c, _ := h.step(h.conv(), q.Text, now)
		n := 1
		for ; n < 6 && len(c.Offered) == 0 && c.Handoff == nil; n++ {
			answer, ok := genericAnswers[c.Asked]
			if !ok {
				t.Fatalf("%s: stuck in %q asking %q", q.ID, c.State, c.Asked)
			}
			c, _ = h.step(c, answer, now.Add(time.Duration(n)*time.Minute))
		}
		if len(c.Offered) == 0 && c.Handoff == nil {
			t.Errorf("%s: no signpost after %d messages", q.ID, n)
		}
		if c.State == dialog.StateHandoff && !q.NoFit && c.Handoff.Reason == "no-fit" {
			t.Logf("%s: handed to a person as no fit", q.ID)
		}
		if n >= 3 {
			t.Logf("%s: %d messages, asked %v", q.ID, n, c.Asks)
		}
		counts = append(counts, n)
		hist[n]++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(counts)
	median := float64(counts[len(counts)/2])
	if len(counts)%2 == 0 {
		median = float64(counts[len(counts)/2-1]+counts[len(counts)/2]) / 2
	}
	mean := 0.0
	for _, n := range counts {
		mean += float64(n)
	}
	mean /= float64(len(counts))
	t.Logf("messages to first signpost over %d queries: median %.1f, mean %.2f, by count %v", len(counts), median, mean, hist)
	if median > 2 {
		t.Fatalf("median messages to first signpost %.1f, want <= 2", median)
	}
}
