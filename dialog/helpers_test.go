package dialog_test

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/northbrook/hubbot/content"
	"github.com/northbrook/hubbot/content/copy"
	"github.com/northbrook/hubbot/dialog"
	"github.com/northbrook/hubbot/dialog/assign"
	"github.com/northbrook/hubbot/dialog/triage"
	"github.com/northbrook/hubbot/index"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the replies the tests see")

// shared is what every test builds on: the sample offer, its index and the
// hub's directory. Building the index once keeps the tests quick.
type shared struct {
	offer *content.Offer
	index *index.Index
	dir   content.Directory
	copy  *copy.Copy
}

var loadShared = sync.OnceValues(func() (*shared, error) {
	o, _, err := content.Sample()
	if err != nil {
		return nil, err
	}
	ix := index.New(index.Options{})
	if err := ix.Build(context.Background(), o); err != nil {
		return nil, err
	}
	d, err := content.SampleDirectory()
	if err != nil {
		return nil, err
	}
	c, err := copy.New()
	if err != nil {
		return nil, err
	}
	return &shared{offer: o, index: ix, dir: d, copy: c}, nil
})

// fakeDetector stands in for the safety package: a message containing one
// of its phrases is a risk.
type fakeDetector map[string]dialog.Risk

// A phrase "before|now" is a story over two texts: "before" in an earlier
// message and "now" in this one.
func (f fakeDetector) Assess(text string, earlier []string) dialog.Risk {
	l := strings.ToLower(text)
	before := strings.ToLower(strings.Join(earlier, "\n"))
	for phrase, r := range f {
		if b, now, ok := strings.Cut(phrase, "|"); ok {
			if strings.Contains(before, b) && strings.Contains(l, now) {
				return r
			}
			continue
		}
		if strings.Contains(l, phrase) {
			return r
		}
	}
	return dialog.Risk{}
}

// detector knows two risks: one urgent, one not.
func detector() fakeDetector {
	return fakeDetector{
		"end it all": {Risk: true, Category: "suicide", Urgent: true, Lines: []string{"999", "samaritans", "shout"}, Reason: "test"},
		"older lads": {Risk: true, Category: "exploitation", Lines: []string{"999", "childline"}, Reason: "test"},
		"he hits me": {Risk: true, Category: "domestic-abuse", Reason: "test"},
		// a worry short of risk
		"checks my phone": {Concern: true, Category: "domestic-abuse", Reason: "test"},
		// a story told over two texts
		"moved in with us|comes in my room": {Risk: true, Category: "sexual-abuse", Lines: []string{"999", "childline"}, Reason: "test"},
	}
}

// fakeSearcher is a small, fixed search of an offer: services carrying the
// need's terms (the strongest counting most), in the family's ward first,
// that fit the age; no fit when none carries a term. It stands in for the
// index so these tests pin the dialog, not the ranking.
type fakeSearcher struct{ offer *content.Offer }

func (f fakeSearcher) Search(_ context.Context, t triage.Triage) (triage.Result, error) {
	type scored struct {
		s     content.Service
		score float64
		i     int
	}
	var all []scored
	for i, s := range f.offer.Services {
		if !fits(s, t) {
			continue
		}
		score := 0.0
		for j, term := range t.Terms {
			if s.HasTerm(term) {
				score += 3 / float64(j+1)
			}
		}
		if score == 0 {
			continue
		}
		if t.Ward != "" && (slices.Contains(s.Wards, t.Ward) || slices.ContainsFunc(s.Locations, func(l content.Location) bool { return l.Ward == t.Ward })) {
			score += 2
		}
		for _, w := range strings.Fields(t.Words) {
			if len(w) > 3 && strings.Contains(strings.ToLower(s.Name), w) {
				score += 0.5
			}
		}
		all = append(all, scored{s, score, i})
	}
	slices.SortStableFunc(all, func(a, b scored) int {
		if a.score != b.score {
			if a.score > b.score {
				return -1
			}
			return 1
		}
		return a.i - b.i
	})
	var r triage.Result
	for i, x := range all {
		if i == 10 {
			break
		}
		r.Matches = append(r.Matches, triage.Match{Service: x.s, Score: x.score})
	}
	if len(r.Matches) == 0 {
		r.NoFit, r.Reason = true, "no-match"
	}
	return r, nil
}

// fits reports whether a service is for the age the family gave.
func fits(s content.Service, t triage.Triage) bool {
	ages := t.Ages
	if len(ages) == 0 && t.AgeKnown {
		ages = []int{t.Age}
	}
	if len(ages) == 0 && !t.Pregnant {
		return true
	}
	if t.Pregnant && s.ForPregnancy() || t.For != triage.WhoYoungPerson && s.MinAge >= 18 {
		return true
	}
	for _, a := range ages {
		if s.MinAge <= a && a <= s.MaxAge {
			return true
		}
	}
	return false
}

// harness is a machine over the sample offer with a fake detector.
type harness struct {
	t       testing.TB
	m       *dialog.Machine
	load    *assign.MemCaseload
	shared  *shared
	loc     *time.Location
	channel dialog.Channel
}

// newHarness is a machine over a fake search of the sample offer, so the
// dialog's tests do not move when the index is tuned.
func newHarness(t testing.TB) *harness { return newHarnessOn(t, false) }

// newRealHarness is a machine over the real index of the sample offer.
func newRealHarness(t testing.TB) *harness { return newHarnessOn(t, true) }

func newHarnessOn(t testing.TB, real bool) *harness {
	t.Helper()
	s, err := loadShared()
	if err != nil {
		t.Fatal(err)
	}
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	var searcher dialog.Searcher = fakeSearcher{s.offer}
	if real {
		searcher = s.index
	}
	load := assign.NewMemCaseload(nil)
	a, err := assign.New(s.dir, load, assign.Options{Location: loc, BankHolidays: []string{"2026-04-06"}})
	if err != nil {
		t.Fatal(err)
	}
	m, err := dialog.NewMachine(dialog.Config{
		Copy:       s.copy,
		Signposter: dialog.Signposter{Parser: triage.NewParser(s.offer.Wards(), s.offer.PostcodeWards()), Searcher: searcher},
		Catalog:    s.offer,
		Detector:   detector(),
		Assigner:   a,
		Directory:  s.dir,
		Options:    dialog.Options{Location: loc, Wards: s.offer.Wards()},
	})
	if err != nil {
		t.Fatal(err)
	}
	return &harness{t: t, m: m, load: load, shared: s, loc: loc, channel: dialog.ChannelSMS}
}

// at is a time in the hub's zone.
func (h *harness) at(y int, mo time.Month, d, hh, mm int) time.Time {
	return time.Date(y, mo, d, hh, mm, 0, 0, h.loc)
}

// Times the tests run at. 10 March 2026 is a Tuesday.
func (h *harness) tuesdayMorning() time.Time { return h.at(2026, time.March, 10, 10, 0) }
func (h *harness) tuesdayNight() time.Time   { return h.at(2026, time.March, 10, 23, 0) }

// conv is a new conversation on the harness's channel.
func (h *harness) conv() dialog.Conversation {
	return dialog.Conversation{ID: "conv-1", Channel: h.channel, Address: "+447700900123"}
}

// step is one family message; the version moves on as a store would.
func (h *harness) step(c dialog.Conversation, text string, now time.Time) (dialog.Conversation, dialog.Commit) {
	h.t.Helper()
	return h.event(c, dialog.Event{Kind: dialog.EventMessage, Text: text}, now)
}

func (h *harness) event(c dialog.Conversation, ev dialog.Event, now time.Time) (dialog.Conversation, dialog.Commit) {
	h.t.Helper()
	next, commit, err := h.m.Step(context.Background(), c, ev, now)
	if err != nil {
		h.t.Fatalf("step %q: %v", ev.Text, err)
	}
	if commit.Forget {
		next = dialog.Conversation{ID: c.ID, Channel: c.Channel, Address: c.Address, Version: c.Version}
	}
	next.Version++
	return next, commit
}

// steps runs messages in turn, a minute apart from start.
func (h *harness) steps(c dialog.Conversation, start time.Time, texts ...string) (dialog.Conversation, dialog.Commit) {
	h.t.Helper()
	var commit dialog.Commit
	for i, text := range texts {
		c, commit = h.step(c, text, start.Add(time.Duration(i)*time.Minute))
	}
	return c, commit
}

// texts are the reply texts of a commit.
func texts(c dialog.Commit) []string {
	out := make([]string, len(c.Outbound))
	for i, o := range c.Outbound {
		out[i] = o.Text
	}
	return out
}

// golden compares got with testdata/name.golden, or writes it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if string(want) != got {
		t.Errorf("replies differ from %s (run go test -update after checking):\n--- got:\n%s\n--- want:\n%s", path, got, want)
	}
}

// joinReplies renders a commit's replies for a golden file.
func joinReplies(c dialog.Commit) string {
	var b strings.Builder
	for i, o := range c.Outbound {
		if i > 0 {
			b.WriteString("\n---\n")
		}
		b.WriteString(o.Text)
		for _, opt := range o.Options {
			b.WriteString("\n  [" + opt.Value + "] " + opt.Label)
		}
	}
	b.WriteString("\n")
	return b.String()
}

func contains(t *testing.T, got []string, want string) {
	t.Helper()
	for _, g := range got {
		if strings.Contains(g, want) {
			return
		}
	}
	t.Errorf("want a reply containing %q, got %q", want, got)
}
