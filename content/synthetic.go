package content

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
)

// Synthetic makes n services shaped like base: each a copy of one of
// base's services with a new id, the wards and ages of another (pregnancy
// services keep theirs), and a description mixed from two of base's
// descriptions and 20 to 50 words drawn from a Zipf-distributed vocabulary
// of 5,000 made-up words. The same n always gives the same offer. It is
// for benchmarks: a borough-sized offer when only a sample is at hand.
func Synthetic(base *Offer, n int) *Offer {
	r := rand.New(rand.NewPCG(1, 2))
	vocab := make([]string, 5000)
	for i := range vocab {
		w := make([]byte, 3+r.IntN(8))
		for j := range w {
			w[j] = byte('a' + r.IntN(26))
		}
		vocab[i] = string(w)
	}
	zipf := rand.NewZipf(r, 1.1, 1, uint64(len(vocab)-1))
	src := base.Services
	var notPregnancy []Service
	for _, s := range src {
		if !s.ForPregnancy() {
			notPregnancy = append(notPregnancy, s)
		}
	}
	out := make([]Service, n)
	for i := range out {
		s := src[r.IntN(len(src))]
		s.ID = fmt.Sprintf("syn-%06d", i)
		place := src[r.IntN(len(src))]
		s.Wards = slices.Clone(place.Wards)
		s.Locations = slices.Clone(place.Locations)
		if !s.ForPregnancy() && len(notPregnancy) > 0 {
			ages := notPregnancy[r.IntN(len(notPregnancy))]
			s.MinAge, s.MaxAge = ages.MinAge, ages.MaxAge
		}
		var d strings.Builder
		d.WriteString(s.Description)
		d.WriteByte(' ')
		d.WriteString(src[r.IntN(len(src))].Description)
		for range 20 + r.IntN(31) {
			d.WriteByte(' ')
			d.WriteString(vocab[zipf.Uint64()])
		}
		s.Description = d.String()
		out[i] = s
	}
	return NewOffer(fmt.Sprintf("synthetic offer of %d services", n), out)
}
