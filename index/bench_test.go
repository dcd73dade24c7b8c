package index

import (
	"context"
	"sync"
	"testing"

	"github.com/northbrook/hubbot/content"
	"github.com/northbrook/hubbot/dialog/triage"
)

// benchMessages are how families write, one need each, some with an age
// or a place.
var benchMessages = []string{
	"my 2 yr old isnt talking yet, we live in castleton",
	"skint till payday and the leccy is on emergency credit",
	"im 16 and pregnant and dont know what to do",
	"think hes autistic, he lines all his toys up. DS (4)",
	"me and my partner are always rowing in front of the kids",
	"landlord just served a section 21, we are in the vale",
	"cant get her to latch and my nipples are cracked",
	"my 14yo wont go to school and cries every morning",
	"he controls the money and checks my phone",
	"my english not good, i want classes near fernhill",
	"hes 2.5 and will only eat beige food",
	"can i get councelling without my mum knowing",
}

var synthetic struct {
	once sync.Once
	ix   *Index
	err  error
}

// synthetic10k is a 10,000-service index, built once per test binary.
func synthetic10k(b *testing.B) *Index {
	_, _, o := sampleIndex(b)
	synthetic.once.Do(func() {
		x := New(Options{})
		synthetic.err = x.Build(context.Background(), content.Synthetic(o, 10000))
		synthetic.ix = x
	})
	if synthetic.err != nil {
		b.Fatal(synthetic.err)
	}
	return synthetic.ix
}

// BenchmarkSearch times one search (triage read beforehand) over the sample
// and over a synthetic 10,000-service offer.
func BenchmarkSearch(b *testing.B) {
	sx, p, _ := sampleIndex(b)
	triages := make([]triage.Triage, len(benchMessages))
	for i, m := range benchMessages {
		triages[i] = p.Parse(m)
	}
	for _, c := range []struct {
		name string
		ix   func() *Index
	}{
		{"sample", func() *Index { return sx }},
		{"synthetic-10k", func() *Index { return synthetic10k(b) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			x := c.ix()
			ctx := context.Background()
			b.ReportAllocs()
			b.ResetTimer()
			i := 0
			for b.Loop() {
				if _, err := x.Search(ctx, triages[i%len(triages)]); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// BenchmarkBuild times indexing the sample and a synthetic 1,000-service
// offer (hubbot bench search times 10,000).
func BenchmarkBuild(b *testing.B) {
	_, _, o := sampleIndex(b)
	for _, c := range []struct {
		name  string
		offer *content.Offer
	}{
		{"sample", o},
		{"synthetic-1k", content.Synthetic(o, 1000)},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				x := New(Options{})
				if err := x.Build(context.Background(), c.offer); err != nil {
					b.Fatal(err)
				}
				x.Close()
			}
		})
	}
}
