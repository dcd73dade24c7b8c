package index

import (
	"context"
	"fmt"
	"testing"

	"github.com/northbrook/hubbot/content"
	"github.com/northbrook/hubbot/dialog/triage"
)

func TestZZScratch(t *testing.T) {
	o, _, _ := content.Sample()
	x := New(Options{})
	if err := x.Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	p := triage.NewParser(o.Wards(), o.PostcodeWards())
	for _, w := range []string{"toddler groups fernhill", "toddler groups in the vale", "stay and play abbeyfield", "always on the boob", "my car needs an mot", "where can i buy a sofa", "need a solicitor for a criminal case", "my 12 year old has a speech delay", "my dog is poorly", "help with my tax return", "i need a plumber", "im 15 and skint", "my 4 yo and im skint", "pregnant and skint", "pregnant and need classes", "im 16 and pregnant"} {
		tr := p.Parse(w)
		r, err := x.Search(context.Background(), tr)
		fmt.Println(w, r.NoFit, r.Reason, err)
		for _, m := range r.Matches {
			s := m.Service
			fmt.Printf("   %-40s %.3f %d-%d %v\n", s.ID, m.Score, s.MinAge, s.MaxAge, s.Wards)
		}
	}
}
