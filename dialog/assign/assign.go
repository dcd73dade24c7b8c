// Package assign chooses the practitioner a family is handed to: one whose
// skills match the need, who is working now (Europe/London hours, bank
// holidays configurable), who speaks the family's language where known and
// has the fewest open conversations under their limit, chosen fairly
// between equals. A sign of risk goes to safeguarding-skilled staff first.
// Out of hours it names the hub's next opening and who will pick the family
// up then. It implements dialog.Assigner.
package assign

import (
	"context"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"time"

	"github.com/northbrook/hubbot/content"
	"github.com/northbrook/hubbot/dialog"
)

// Defaults for Options' zero fields.
const (
	DefaultLocation = "Europe/London"
	DefaultMinLead  = 30 * time.Minute
	DefaultHorizon  = 21 // days
)

// safeguarding is the skill risk is routed by.
const safeguarding = "safeguarding"

// Options tune an Assigner; zero fields take the defaults.
type Options struct {
	// Location is the time zone of every opening time (Europe/London).
	Location *time.Location
	// BankHolidays are days (YYYY-MM-DD) the hub is closed and nobody works.
	BankHolidays []string
	// MinLead is how much of a shift must be left for a practitioner to
	// count as working now (30 minutes): nobody is promised a reply from
	// someone about to go home.
	MinLead time.Duration
	// Horizon is how many days ahead to look for the next opening (21).
	Horizon int
}

// Assigner picks practitioners from a directory. It is safe for concurrent
// use and has no side effects: the same request and caseload give the same
// answer.
type Assigner struct {
	dir      content.Directory
	load     Caseload
	opts     Options
	holidays map[string]bool
	hub      week
	hours    map[string]week // practitioner id -> hours
}

var _ dialog.Assigner = (*Assigner)(nil)

// New builds an Assigner over a directory, with open-conversation counts
// from load. It fails on hours it cannot read or a bad bank holiday.
func New(dir content.Directory, load Caseload, opts Options) (*Assigner, error) {
	if load == nil {
		return nil, fmt.Errorf("assign: no caseload")
	}
	if opts.Location == nil {
		loc, err := time.LoadLocation(DefaultLocation)
		if err != nil {
			return nil, fmt.Errorf("assign: %w", err)
		}
		opts.Location = loc
	}
	if opts.MinLead <= 0 {
		opts.MinLead = DefaultMinLead
	}
	if opts.Horizon <= 0 {
		opts.Horizon = DefaultHorizon
	}
	a := &Assigner{dir: dir, load: load, opts: opts, holidays: map[string]bool{}, hours: map[string]week{}}
	for _, d := range opts.BankHolidays {
		if _, err := time.Parse(time.DateOnly, d); err != nil {
			return nil, fmt.Errorf("assign: bank holiday %q: want YYYY-MM-DD", d)
		}
		a.holidays[d] = true
	}
	var err error
	if a.hub, err = parseWeek(dir.Hub.OpeningHours); err != nil {
		return nil, fmt.Errorf("assign: hub opening hours: %w", err)
	}
	for _, p := range dir.Practitioners {
		w, err := parseWeek(p.Hours)
		if err != nil {
			return nil, fmt.Errorf("assign: practitioner %s: %w", p.ID, err)
		}
		a.hours[p.ID] = w
	}
	return a, nil
}

// Assign chooses who picks a family up. Working now: the best practitioner
// under their limit (or, when everyone working is at their limit, Busy with
// no name). Otherwise the hub's next opening and the best practitioner who
// works then.
func (a *Assigner) Assign(ctx context.Context, r dialog.AssignRequest) (dialog.Assignment, error) {
	open, err := a.load.OpenCounts(ctx)
	if err != nil {
		return dialog.Assignment{}, fmt.Errorf("assign: open conversations: %w", err)
	}
	now := r.Now.In(a.opts.Location)
	cands := a.candidates(r.Channel)

	var working, free []content.Practitioner
	var latest time.Time
	for _, p := range cands {
		end, ok := a.workingAt(p, now)
		if !ok {
			continue
		}
		if p.ID == r.Prefer && (!r.Risk || p.HasSkill(safeguarding)) {
			pp := p
			return dialog.Assignment{Practitioner: &pp, Working: true, By: end}, nil
		}
		working = append(working, p)
		if end.After(latest) {
			latest = end
		}
		if p.MaxOpen <= 0 || open[p.ID] < p.MaxOpen {
			free = append(free, p)
		}
	}
	if len(free) > 0 {
		p := a.best(free, r, open)
		end, _ := a.workingAt(p, now)
		return dialog.Assignment{Practitioner: &p, Working: true, By: end}, nil
	}
	if len(working) > 0 {
		return dialog.Assignment{Working: true, Busy: true, By: latest}, nil
	}
	return a.next(cands, r, open, now), nil
}

// candidates are the practitioners who answer on the channel (all of them
// when none does).
func (a *Assigner) candidates(ch dialog.Channel) []content.Practitioner {
	var out []content.Practitioner
	for _, p := range a.dir.Practitioners {
		if len(p.Channels) == 0 || slices.Contains(p.Channels, string(ch)) {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return a.dir.Practitioners
	}
	return out
}

// workingAt reports whether p is at work at t with at least MinLead of the
// shift left, and when the shift ends.
func (a *Assigner) workingAt(p content.Practitioner, t time.Time) (time.Time, bool) {
	if a.holiday(t) {
		return time.Time{}, false
	}
	s, ok := a.hours[p.ID].on(t.Weekday())
	if !ok {
		return time.Time{}, false
	}
	open, end := s.at(t, s.opens), s.at(t, s.closes)
	if t.Before(open) || t.Add(a.opts.MinLead).After(end) {
		return time.Time{}, false
	}
	return end, true
}

func (a *Assigner) holiday(t time.Time) bool { return a.holidays[t.Format(time.DateOnly)] }

// next finds the hub's next opening after now and, of the practitioners who
// work within its hours that day, the best for the request (with risk, the
// earliest of the safeguarding-skilled).
func (a *Assigner) next(cands []content.Practitioner, r dialog.AssignRequest, open map[string]int, now time.Time) dialog.Assignment {
	var firstOpen time.Time
	for d := 0; d <= a.opts.Horizon; d++ {
		day := now.AddDate(0, 0, d)
		if a.holiday(day) {
			continue
		}
		hs, ok := a.hub.on(day.Weekday())
		if !ok && len(a.dir.Hub.OpeningHours) > 0 {
			continue
		}
		hubOpen, hubClose := hs.at(day, hs.opens), hs.at(day, hs.closes)
		if !ok { // no hub hours at all: the practitioners' own hours
			hubOpen, hubClose = hs.at(day, 0), hs.at(day, 24*60)
		}
		if !now.Before(hubClose) {
			continue
		}
		from := hubOpen
		if now.After(from) {
			from = now
		}
		if firstOpen.IsZero() && !now.After(hubOpen) {
			firstOpen = hubOpen
		}
		var on []content.Practitioner
		starts := map[string]time.Time{}
		for _, p := range cands {
			ps, ok := a.hours[p.ID].on(day.Weekday())
			if !ok {
				continue
			}
			start, end := ps.at(day, ps.opens), ps.at(day, ps.closes)
			if start.Before(from) {
				start = from
			}
			if end.After(hubClose) {
				end = hubClose
			}
			if start.Add(a.opts.MinLead).After(end) {
				continue
			}
			on = append(on, p)
			starts[p.ID] = start
		}
		if len(on) > 0 {
			p := a.bestAt(on, r, open, starts)
			opens := hubOpen
			if now.After(hubOpen) { // open already, but nobody is in yet
				opens = starts[p.ID]
			}
			return dialog.Assignment{Practitioner: &p, By: starts[p.ID], Opens: opens}
		}
	}
	return dialog.Assignment{By: firstOpen, Opens: firstOpen}
}

// rank orders practitioners for a request: higher is better.
type rank struct {
	safe  int       // has safeguarding, when there is risk
	pref  int       // already has the family
	skill int       // 2: the need's strongest term; 1: another of its terms
	lang  int       // speaks the family's language
	start time.Time // when they can start (out of hours; earlier is better)
	risk  bool      // with risk, the earliest start comes before skills
	open  int       // open conversations (fewer is better)
}

func (x rank) better(y rank) bool {
	switch {
	case x.safe != y.safe:
		return x.safe > y.safe
	case x.pref != y.pref:
		return x.pref > y.pref
	case x.risk && !x.start.Equal(y.start):
		return x.start.Before(y.start)
	case x.skill != y.skill:
		return x.skill > y.skill
	case x.lang != y.lang:
		return x.lang > y.lang
	case !x.start.Equal(y.start):
		return x.start.Before(y.start)
	}
	return x.open < y.open
}

// best is the best-ranked practitioner; between equals, the conversation
// id picks one, so families are shared out fairly and a re-run step gets the
// same answer.
func (a *Assigner) best(ps []content.Practitioner, r dialog.AssignRequest, open map[string]int) content.Practitioner {
	return a.bestAt(ps, r, open, nil)
}

// bestAt is best with each practitioner's start time taken into account.
func (a *Assigner) bestAt(ps []content.Practitioner, r dialog.AssignRequest, open map[string]int, starts map[string]time.Time) content.Practitioner {
	var top rank
	var tied []content.Practitioner
	for i, p := range ps {
		k := a.rankOf(p, r, open)
		k.start = starts[p.ID]
		switch {
		case i == 0 || k.better(top):
			top, tied = k, []content.Practitioner{p}
		case !top.better(k):
			tied = append(tied, p)
		}
	}
	slices.SortFunc(tied, func(x, y content.Practitioner) int { return strings.Compare(x.ID, y.ID) })
	h := fnv.New32a()
	h.Write([]byte(r.ConvID))
	return tied[int(h.Sum32()%uint32(len(tied)))]
}

func (a *Assigner) rankOf(p content.Practitioner, r dialog.AssignRequest, open map[string]int) rank {
	k := rank{risk: r.Risk}
	if r.Risk && p.HasSkill(safeguarding) {
		k.safe = 1
	}
	if p.ID == r.Prefer && r.Prefer != "" {
		k.pref = 1
	}
	for i, t := range r.Terms {
		if p.HasSkill(t) {
			if i == 0 {
				k.skill = 2
			} else {
				k.skill = max(k.skill, 1)
			}
		}
	}
	if speaks(p, r.Language) {
		k.lang = 1
	}
	k.open = open[p.ID]
	return k
}

// scriptLanguages are the languages a script the triage detects may be.
var scriptLanguages = map[string][]string{
	"arabic": {"arabic", "urdu", "persian", "farsi", "pashto", "kurdish"}, "bengali": {"bengali", "sylheti"},
	"gurmukhi": {"punjabi"}, "devanagari": {"hindi", "nepali", "marathi"}, "gujarati": {"gujarati"},
	"cyrillic": {"russian", "ukrainian", "bulgarian"}, "han": {"chinese", "mandarin", "cantonese"},
	"greek": {"greek"}, "hebrew": {"hebrew"}, "tamil": {"tamil"}, "thai": {"thai"},
}

// speaks reports whether p speaks a family's language or script.
func speaks(p content.Practitioner, lang string) bool {
	lang = strings.ToLower(strings.TrimSpace(lang))
	if lang == "" {
		return false
	}
	want := scriptLanguages[lang]
	if want == nil {
		want = []string{lang}
	}
	for _, l := range p.Languages {
		if slices.Contains(want, strings.ToLower(l)) {
			return true
		}
	}
	return false
}
