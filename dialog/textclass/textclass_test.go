package textclass

import (
	"bytes"
	"math"
	"testing"
)

func TestNormalise(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"I WANT TO DIE", "i want to die"},
		{"ｋｉｌｌ", "kill"},               // full-width letters
		{"k\u200bi\u200bll", "kill"},   // zero-width spaces inside a word
		{"kіll myself", "kill myself"}, // a Cyrillic і in a Latin word
		{"і wаnt tо dіе", "i want to die"},
		{"привет", "привет"},     // Cyrillic text stays Cyrillic
		{"pomóż mi", "pomoz mi"}, // Polish accents, as often typed without
		{"soooooo tired", "soo tired"},
		{"মরতে চাই", "মরতে চাই"}, // Bengali vowel signs stay
		{"عمري ١٤", "عمري 14"},   // Arabic-Indic digits
		{"أُريدُ", "اريد"},       // optional Arabic vowel and hamza marks
		{"❤️", "❤"},
	} {
		if got := Normalise(c.in); got != c.want {
			t.Errorf("Normalise(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestFeaturesUnitLength(t *testing.T) {
	for _, s := range []string{"hello", "i want to die 🪦🪦", "میں مرنا چاہتا ہوں", "a a a a a b"} {
		v := Features(s, 16)
		var n float64
		for i, x := range v.Val {
			n += float64(x * x)
			if i > 0 && v.Idx[i] <= v.Idx[i-1] {
				t.Fatalf("%q: indices not ascending", s)
			}
		}
		if math.Abs(n-1) > 1e-5 {
			t.Errorf("%q: squared length %v, want 1", s, n)
		}
	}
	if v := Features("", 16); len(v.Idx) != 0 {
		t.Errorf("empty text has %d features", len(v.Idx))
	}
}

// toy is a small two-class problem the model must learn, including
// spellings it never saw in training.
var toy = []Example{
	{Text: "my cat is lovely", Class: 0}, {Text: "the dog sleeps all day", Class: 0}, {Text: "cats purr", Class: 0}, {Text: "a sleepy dog", Class: 0},
	{Text: "the car will not start", Class: 1}, {Text: "my engine is broken", Class: 1}, {Text: "car battery flat", Class: 1}, {Text: "engine noise", Class: 1},
}

func TestTrainLearnsAndGeneralises(t *testing.T) {
	o := DefaultOptions()
	o.Bits, o.MaxIter = 14, 200
	m, err := Train("toy", []string{"pets", "cars"}, toy, o)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text string
		want int
	}{{"my dogg", 0}, {"kittycat", 0}, {"broken car", 1}, {"the enginee", 1}} {
		p := m.Predict(c.text)
		if p[c.want] < 0.5 {
			t.Errorf("%q: p=%v, want class %d", c.text, p, c.want)
		}
	}
}

func TestTrainIsDeterministicAndRoundTrips(t *testing.T) {
	o := DefaultOptions()
	o.Bits, o.MaxIter = 12, 50
	a, err := Train("toy", []string{"pets", "cars"}, toy, o)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Train("toy", []string{"pets", "cars"}, toy, o)
	ab, err := a.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	bb, _ := b.MarshalBinary()
	if !bytes.Equal(ab, bb) {
		t.Fatal("two trainings on the same data stored different bytes")
	}
	l, err := Load(ab)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range toy {
		pa, pl := a.Predict(e.Text), l.Predict(e.Text)
		for k := range pa {
			if math.Abs(pa[k]-pl[k]) > 1e-3 {
				t.Errorf("%q: stored model gives %v, trained %v", e.Text, pl, pa)
			}
		}
	}
	if _, err := Load([]byte("not a model")); err == nil {
		t.Error("Load accepted garbage")
	}
}

func FuzzFeatures(f *testing.F) {
	for _, s := range []string{"", "kms 🪦", "\xff\xfe", "ਮੈਂ ਮਰਨਾ ਚਾਹੁੰਦਾ", "k\u200dill", "🙂🙂🙂🙂", "a\u0301\u0301\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v := Features(s, 12)
		if len(v.Idx) != len(v.Val) {
			t.Fatal("indices and values differ in length")
		}
		for _, i := range v.Idx {
			if i >= 1<<12 {
				t.Fatalf("index %d out of range", i)
			}
		}
	})
}

// TestMultiLabel: a multi-label model gives each class its own
// probability, and a text may have two classes or none.
func TestMultiLabel(t *testing.T) {
	ex := []Example{
		{Text: "my cat", Classes: []int{0}}, {Text: "cats and kittens", Classes: []int{0}},
		{Text: "the car", Classes: []int{1}}, {Text: "car engine", Classes: []int{1}},
		{Text: "my cat sat on the car", Classes: []int{0, 1}}, {Text: "the weather today", Classes: nil},
		{Text: "rain and sun", Classes: nil},
	}
	o := DefaultOptions()
	o.Bits, o.Multi, o.L2 = 12, true, 1e-5
	m, err := Train("multi", []string{"pets", "cars"}, ex, o)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := m.MarshalBinary()
	if m, err = Load(b); err != nil || !m.Multi {
		t.Fatalf("load: %v multi %v", err, m.Multi)
	}
	if p := m.Predict("my cat sat on the car"); p[0] < 0.5 || p[1] < 0.5 {
		t.Errorf("both classes: %v", p)
	}
	if p := m.Predict("sunny weather"); p[0] > 0.5 || p[1] > 0.5 {
		t.Errorf("neither class: %v", p)
	}
}

// TestNaiveBayesRoundTrips: a model with naive Bayes scales learns the toy
// problem and predicts the same after storing.
func TestNaiveBayesRoundTrips(t *testing.T) {
	o := DefaultOptions()
	o.Bits, o.NaiveBayes = 12, true
	m, err := Train("toy", []string{"pets", "cars"}, toy, o)
	if err != nil {
		t.Fatal(err)
	}
	b, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	l, err := Load(b)
	if err != nil || !l.NaiveBayes {
		t.Fatalf("load: %v", err)
	}
	for _, e := range toy {
		pm, pl := m.Predict(e.Text), l.Predict(e.Text)
		if pm[e.Class] < 0.5 || math.Abs(pm[e.Class]-pl[e.Class]) > 1e-3 {
			t.Errorf("%q: trained %v, stored %v, want class %d", e.Text, pm, pl, e.Class)
		}
	}
}

// TestPredictHashes: reading a text's hashes gives what reading the text
// gives, for models of any size, and the same as the vector path.
func TestPredictHashes(t *testing.T) {
	for _, bits := range []uint{10, 14} {
		o := DefaultOptions()
		o.Bits, o.MaxIter = bits, 50
		m, err := Train("toy", []string{"pets", "cars"}, toy, o)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range toy {
			a, b, c := m.Predict(e.Text, "x"), m.PredictHashes(Hashes(e.Text, "x")), m.PredictVector(Features(e.Text, bits, "x"))
			for k := range a {
				if math.Abs(a[k]-b[k]) > 1e-9 || math.Abs(a[k]-c[k]) > 1e-6 {
					t.Fatalf("%q: Predict %v, PredictHashes %v, PredictVector %v", e.Text, a, b, c)
				}
			}
		}
	}
}
