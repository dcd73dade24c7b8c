package dialog

import (
	"fmt"
	"slices"
	"strings"

	"github.com/northbrook/hubbot/content"
	"github.com/northbrook/hubbot/content/copy"
	"github.com/northbrook/hubbot/dialog/triage"
)

// offer shows the first page of a search's services. The first offer
// schedules the outcome check-in. When the best service needs a
// professional's referral, a practitioner is asked to help with it. With
// keepState (a family already waiting for a person) the state stays.
func (t *turn) offer(res triage.Result, keepState bool) error {
	c := &t.c
	ids := res.IDs()
	if len(ids) > maxOffered {
		ids = ids[:maxOffered]
	}
	c.Offered = ids
	c.Asked = ""
	c.Stuck = 0
	if !keepState {
		c.State = StateOffered
	}
	if c.Signposted.IsZero() {
		c.Signposted = t.now
		if t.m.opts.CheckinAfter > 0 {
			c.CheckinDue = t.now.Add(t.m.opts.CheckinAfter)
			t.commit.CheckinAt = c.CheckinDue
		}
	}
	page := topServices(res, pageSize)
	c.Shown = len(page)
	if err := t.showPage(page); err != nil {
		return err
	}
	if page[0].NeedsReferral() && c.Handoff == nil && !keepState {
		return t.handoff(reasonReferralTop, nil)
	}
	return nil
}

// pageIDs are the ids of the page of services last shown.
func (t *turn) pageIDs() []string {
	c := t.c
	if c.Shown <= 0 || c.Shown > len(c.Offered) {
		return nil
	}
	start := (c.Shown - 1) / pageSize * pageSize
	return c.Offered[start:c.Shown]
}

// lookup finds offered services in the catalog; ones no longer listed are
// left out.
func (t *turn) lookup(ids []string) []content.Service {
	var out []content.Service
	for _, id := range ids {
		if s, ok := t.m.catalog.Service(id); ok {
			out = append(out, s)
		}
	}
	return out
}

// showPage sends one page of services, numbered from 1, with buttons.
func (t *turn) showPage(page []content.Service) error {
	d := t.data()
	d.More = t.c.Shown < len(t.c.Offered)
	for _, s := range page {
		d.Services = append(d.Services, t.line(s))
	}
	text, err := t.m.copy.Render("offer", d)
	if err != nil {
		return err
	}
	// Too long for two texts: drop the places, then the times.
	for _, drop := range []func(*copy.Service){
		func(s *copy.Service) { s.Where = "" },
		func(s *copy.Service) { s.When = "" },
	} {
		if len(text) <= maxReply {
			break
		}
		for i := range d.Services {
			drop(&d.Services[i])
		}
		if text, err = t.m.copy.Render("offer", d); err != nil {
			return err
		}
	}
	opts := make([]Option, 0, len(page)+2)
	for i, s := range d.Services {
		opts = append(opts, Option{Label: buttonLabel(i+1, s.Name), Value: fmt.Sprint(i + 1)})
	}
	if d.More {
		opts = append(opts, Option{Label: t.m.offerBtns[0], Value: "more"})
	}
	opts = append(opts, Option{Label: t.m.offerBtns[1], Value: "person"})
	t.sayText(text, false, opts...)
	return nil
}

// buttonLabel is a short label for a numbered service button.
func buttonLabel(n int, name string) string {
	const max = 32
	l := fmt.Sprintf("%d %s", n, name)
	if len(l) <= max {
		return l
	}
	cut := strings.LastIndexByte(l[:max-3], ' ')
	if cut < 3 {
		cut = max - 3
	}
	return l[:cut] + "..."
}

// more shows the next page of services, or says there are no more.
func (t *turn) more() error {
	c := &t.c
	if c.Shown >= len(c.Offered) {
		d := t.data()
		for _, s := range t.lookup(t.pageIDs()) {
			d.Services = append(d.Services, t.line(s))
		}
		if len(d.Services) == 0 {
			return t.handoff(reasonNoFit, nil)
		}
		return t.say("no-more", d, t.pageOptions(len(d.Services))...)
	}
	end := min(c.Shown+pageSize, len(c.Offered))
	page := t.lookup(c.Offered[c.Shown:end])
	c.Shown = end
	if len(page) == 0 {
		return t.more()
	}
	return t.showPage(page)
}

// pageOptions are the buttons of a page already shown.
func (t *turn) pageOptions(n int) []Option {
	opts := make([]Option, 0, n+1)
	for i := range n {
		opts = append(opts, Option{Label: fmt.Sprint(i + 1), Value: fmt.Sprint(i + 1)})
	}
	return append(opts, Option{Label: t.m.offerBtns[1], Value: "person"})
}

// details sends what a family needs to use the n-th service of the page:
// when, where, how to get in, the phone number. Choosing a service only a
// professional can refer to asks a practitioner to help.
func (t *turn) details(n int) error {
	c := &t.c
	ids := t.pageIDs()
	if n < 1 || n > len(ids) {
		return t.notUnderstood()
	}
	s, ok := t.m.catalog.Service(ids[n-1])
	if !ok {
		return t.notUnderstood()
	}
	c.Stuck = 0
	d := t.data()
	d.Service = t.detail(s)
	d.More = c.Shown < len(c.Offered)
	if err := t.say("details", d, t.pageOptions(len(ids))...); err != nil {
		return err
	}
	if s.NeedsReferral() && c.Handoff == nil && c.State == StateOffered {
		return t.handoff(reasonReferral, nil)
	}
	return nil
}

// notUnderstood reminds the family what they can reply; a family waiting
// for a person hears nothing.
func (t *turn) notUnderstood() error {
	if t.c.State == StateHandoff {
		return nil
	}
	d := t.data()
	for _, s := range t.lookup(t.pageIDs()) {
		d.Services = append(d.Services, t.line(s))
	}
	d.More = t.c.Shown < len(t.c.Offered)
	return t.say("not-understood", d, t.pageOptions(len(d.Services))...)
}

// offered handles a message after services were shown: a number gives
// details, MORE the next page, "none of these" a person; anything else is
// read as more about the need.
func (t *turn) offered(text string, in intent) error {
	c := &t.c
	switch in {
	case intentMore:
		return t.more()
	case intentNoneFit:
		t.commit.Unmet = append(t.commit.Unmet, t.unmet("family-said"))
		return t.handoff(reasonNoFit, nil)
	}
	if n, ok := choice(text); ok {
		return t.details(n)
	}
	prev := c.Triage
	c.Triage = mergeTriage(prev, t.read(text))
	if gained(prev, c.Triage) {
		res, err := t.m.sp.Search(t.ctx, c.Triage)
		if err != nil {
			return err
		}
		// Progress is what changes the services: new words that find the
		// same ones ("is it free?") are not.
		if res.NoFit || !slices.Equal(topIDs(res), t.pageIDs()) {
			c.Stuck = 0
			return t.decide()
		}
		c.Triage = prev
	}
	if c.Stuck++; c.Stuck >= stuckTurns {
		return t.handoff(reasonStuck, nil)
	}
	return t.notUnderstood()
}

// topIDs are the ids of a result's first page.
func topIDs(res triage.Result) []string {
	ids := res.IDs()
	return ids[:min(pageSize, len(ids))]
}
