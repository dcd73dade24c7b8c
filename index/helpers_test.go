package index

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/northbrook/hubbot/content"
	"github.com/northbrook/hubbot/dialog/triage"
)

// svc makes a hand-made service.
func svc(id, name, desc string, minAge, maxAge int, wards []string, terms ...string) content.Service {
	return content.Service{
		ID: id, Name: name, Description: desc, Organisation: "Test Org",
		MinAge: minAge, MaxAge: maxAge, Wards: wards, Terms: terms,
		Access: []content.Access{content.AccessDropIn},
	}
}

func ward(w ...string) []string { return w }

var borough = ward(content.BoroughWide)

// built returns an index over the services, closed when the test ends.
func built(t testing.TB, opts Options, services ...content.Service) *Index {
	t.Helper()
	x := New(opts)
	if err := x.Build(context.Background(), content.NewOffer(t.Name(), services)); err != nil {
		t.Fatalf("Build: %v", err)
	}
	t.Cleanup(func() { x.Close() })
	return x
}

func search(t testing.TB, x *Index, tr triage.Triage) triage.Result {
	t.Helper()
	r, err := x.Search(context.Background(), tr)
	if err != nil {
		t.Fatalf("Search(%+v): %v", tr, err)
	}
	return r
}

// top returns the first id of a result, or "".
func top(r triage.Result) string {
	if len(r.Matches) == 0 {
		return ""
	}
	return r.Matches[0].Service.ID
}

func rankOf(r triage.Result, id string) int {
	return slices.Index(r.IDs(), id)
}

// The bundled sample, indexed once for every test that reads it.
var sample struct {
	once   sync.Once
	offer  *content.Offer
	ix     *Index
	parser *triage.Parser
	err    error
}

func sampleIndex(t testing.TB) (*Index, *triage.Parser, *content.Offer) {
	t.Helper()
	sample.once.Do(func() {
		o, _, err := content.Sample()
		if err != nil {
			sample.err = err
			return
		}
		x := New(Options{})
		if err := x.Build(context.Background(), o); err != nil {
			sample.err = err
			return
		}
		sample.offer, sample.ix = o, x
		sample.parser = triage.NewParser(o.Wards(), o.PostcodeWards())
	})
	if sample.err != nil {
		t.Fatalf("sample: %v", sample.err)
	}
	return sample.ix, sample.parser, sample.offer
}

// signpost reads a message and searches the sample for it, as the
// dialog's Signposter does.
func signpost(t testing.TB, msg string) (triage.Triage, triage.Result) {
	t.Helper()
	x, p, _ := sampleIndex(t)
	tr := p.Parse(msg)
	return tr, search(t, x, tr)
}

func describe(r triage.Result) string {
	var b strings.Builder
	for i, m := range r.Matches {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(m.Service.ID)
	}
	if r.NoFit {
		b.WriteString(" (no fit: " + r.Reason + ")")
	}
	return b.String()
}
