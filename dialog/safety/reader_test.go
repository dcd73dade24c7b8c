package safety

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/northbrook/hubbot/dialog/textclass"
)

// Quality floors on the frozen test split: nothing is tuned on that
// split, so these hold the reader to what it does on messages it never
// saw. They sit a little under today's figures (see the README), so a
// change that makes the reader worse fails CI.
const (
	floorRecall = 0.97
	// ceilFalseAlarms is for any flag, the gentle check included;
	// ceilFalseRisk for the alarm itself (safety reply, urgent handoff).
	ceilFalseAlarms = 0.42
	ceilFalseRisk   = 0.10
	// floorLangRecall holds every language of the corpus, not only the
	// mean, to a recall floor.
	floorLangRecall = 0.92
)

var (
	readerOnce sync.Once
	readerVal  *Reader
	readerErr  error
)

// testReader is one Reader shared by the package's tests.
func testReader(t testing.TB) *Reader {
	t.Helper()
	readerOnce.Do(func() { readerVal, readerErr = NewReader(nil) })
	if readerErr != nil {
		t.Fatal(readerErr)
	}
	return readerVal
}

func readSplit(t testing.TB, name string) []Example {
	t.Helper()
	ex, err := ReadCorpusFile(filepath.Join("testdata", "corpus", name))
	if err != nil {
		t.Fatal(err)
	}
	return ex
}

// TestCorpusSplitIsFrozen checks that the test split is the one frozen
// when the corpus was split, and that no message is in both splits.
func TestCorpusSplitIsFrozen(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "corpus", "test.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	frozen, err := os.ReadFile(filepath.Join("testdata", "corpus", "FROZEN"))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	if want := strings.Fields(string(frozen))[0]; hex.EncodeToString(sum[:]) != want {
		t.Fatalf("test.jsonl changed since it was frozen (sha256 %x, frozen %s)", sum, want)
	}
	train, test := readSplit(t, "train.jsonl"), readSplit(t, "test.jsonl")
	if len(train)+len(test) < 3000 {
		t.Errorf("corpus has %d messages, want at least 3000", len(train)+len(test))
	}
	inTrain := map[string]bool{}
	for _, e := range train {
		inTrain[textclass.Normalise(e.Text)] = true
	}
	for _, e := range test {
		if inTrain[textclass.Normalise(e.Text)] {
			t.Errorf("in both splits: %q", e.Text)
		}
	}
}

// TestFrozenSplitFloor asserts recall and false alarms on the frozen test
// split, overall and for each language.
func TestFrozenSplitFloor(t *testing.T) {
	r := testReader(t)
	type tally struct{ pos, caught, neg, alarms, risks int }
	all := tally{}
	byLang := map[string]*tally{}
	for _, e := range readSplit(t, "test.jsonl") {
		a := r.Assess(e.Text, nil)
		hit := a.Risk || a.Concern
		if a.Risk && a.Concern {
			t.Errorf("both risk and concern for %q", e.Text)
		}
		l := byLang[e.Lang]
		if l == nil {
			l = &tally{}
			byLang[e.Lang] = l
		}
		for _, x := range []*tally{&all, l} {
			if e.Flagged() {
				x.pos++
				if hit {
					x.caught++
				}
			} else {
				x.neg++
				if hit {
					x.alarms++
				}
				if a.Risk {
					x.risks++
				}
			}
		}
	}
	recall := float64(all.caught) / float64(all.pos)
	alarms := float64(all.alarms) / float64(all.neg)
	risks := float64(all.risks) / float64(all.neg)
	t.Logf("frozen split: recall %.3f (%d/%d), false alarms %.3f (%d/%d), of them risk %.3f", recall, all.caught, all.pos, alarms, all.alarms, all.neg, risks)
	if recall < floorRecall || alarms > ceilFalseAlarms || risks > ceilFalseRisk {
		t.Errorf("frozen split: recall %.3f (floor %.2f), false alarms %.3f (ceiling %.2f), false risk %.3f (ceiling %.2f)",
			recall, floorRecall, alarms, ceilFalseAlarms, risks, ceilFalseRisk)
	}
	for lang, l := range byLang {
		if l.pos < 10 {
			continue // too few to hold to a floor alone; counted above
		}
		if lr := float64(l.caught) / float64(l.pos); lr < floorLangRecall {
			t.Errorf("frozen split, %s: recall %.3f (%d/%d), floor %.2f", lang, lr, l.caught, l.pos, floorLangRecall)
		}
	}
}

// TestReaderConversation reads stories told over several texts: the
// message that completes one is flagged, and a story already flagged is
// not flagged again on every later message. The model here is trained on
// a toy corpus where only two words together mean harm, so the test is
// of the mechanism, not of the shipped model.
func TestReaderConversation(t *testing.T) {
	toy := []textclass.Example{
		{Text: "alpha", Class: 0}, {Text: "beta", Class: 0}, {Text: "gamma", Class: 0}, {Text: "alpha gamma", Class: 0},
		{Text: "gamma beta", Class: 0}, {Text: "delta", Class: 0}, {Text: "alpha beta", Class: 2}, {Text: "we said alpha beta", Class: 2},
		{Text: "alpha beta again", Class: 2}, {Text: "worry", Class: 1},
		// fillers around the story, so the toy learns the pair, not the length
		{Text: "zeta alpha beta", Class: 2}, {Text: "alpha beta eta", Class: 2}, {Text: "zeta theta alpha beta", Class: 2},
		{Text: "zeta alpha", Class: 0}, {Text: "beta eta", Class: 0}, {Text: "zeta theta beta", Class: 0}, {Text: "theta alpha eta", Class: 0},
	}
	rules := NewDetector()
	for i := range toy {
		toy[i].Extra = rules.lexicalTokens(toy[i].Text) // as the Reader reads
	}
	o := textclass.DefaultOptions()
	o.Bits, o.L2 = 12, 1e-6
	outcome, err := textclass.Train("toy", Labels, toy, o)
	if err != nil {
		t.Fatal(err)
	}
	outcome.Thresholds = map[string]float64{thresholdFlag: 0.5, thresholdRisk: 0.5}
	cat, err := textclass.Train("toy-cat", []string{CatNeglect, CatSuicide}, []textclass.Example{{Text: "alpha beta", Class: 1}, {Text: "worry", Class: 0}}, o)
	if err != nil {
		t.Fatal(err)
	}
	r := &Reader{rules: rules, outcome: outcome, category: cat}
	for _, c := range []struct {
		name    string
		text    string
		earlier []string
		risk    bool
	}{
		{"alone, half a story", "beta", nil, false},
		{"the story completed", "beta", []string{"alpha"}, true},
		{"completed across three texts", "beta", []string{"epsilon", "alpha"}, true},
		{"already told: not flagged again", "delta", []string{"alpha beta"}, false},
		{"too long ago: only the last few count", "beta", []string{"alpha", "gamma", "gamma", "gamma"}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := r.Assess(c.text, c.earlier)
			if a.Risk != c.risk {
				t.Errorf("Assess(%q, %q) = %+v, want risk %v", c.text, c.earlier, a, c.risk)
			}
			if a.Risk && !strings.HasPrefix(a.Reason, "conversation:") {
				t.Errorf("reason %q does not say the conversation decided", a.Reason)
			}
		})
	}
}

// TestReaderShippedModel checks the embedded models on messages written
// for this test (not in the corpus): harm told plainly and without
// alarming words in several languages, and ordinary messages.
func TestReaderShippedModel(t *testing.T) {
	r := testReader(t)
	for _, c := range []struct {
		text    string
		flagged bool
	}{
		{"swallowed every pill in the cupboard about an hour ago, sorry for everything", true},
		{"he took my bank card off me and checks where i am on his phone, can i still book the baby clinic", true},
		{"my stepdad said if i tell mum what he does at night he will hurt her", true},
		{"mama ma bije kablem jak wraca pijana", true},
		{"mera shohar mujhe roz maarta hai aur bachon ke saamne gaaliyan deta hai", true},
		{"can we get speech therapy for my 2 year old, he only says 3 words", false},
		{"whats the best way to get my 4yo to sleep in her own bed", false},
		{"any free swimming lessons in the holidays for a 9 year old", false},
	} {
		a := r.Assess(c.text, nil)
		if got := a.Risk || a.Concern; got != c.flagged {
			t.Errorf("%q: flagged %v (%+v), want %v", c.text, got, a, c.flagged)
		}
	}
}

// TestReaderBadInput gives the reader what attackers and broken phones
// send; it must answer every time without panicking.
func TestReaderBadInput(t *testing.T) {
	r := testReader(t)
	for _, s := range []string{"", " ", strings.Repeat("a", 10000), strings.Repeat("kill ", 4000), "\x00\xff\xfe binary \x01",
		"🙂🙂🙂🙂🙂", "k\u200bi\u200bl\u200bl m\u200by\u200bs\u200be\u200bl\u200bf", "і wаnt tо dіе", "ｉ ｗａｎｔ ｔｏ ｄｉｅ", "مرنا چاہتا ہوں I want to die"} {
		_ = r.Assess(s, []string{s, "hello"})
	}
	// Words split by invisible characters, or written in look-alike
	// letters, read as the words.
	for _, s := range []string{"i w\u200bant t\u200bo d\u200bie", "і wаnt tо kіll mysеlf"} {
		if a := r.Assess(s, nil); !a.Risk {
			t.Errorf("%q: not read as risk: %+v", s, a)
		}
	}
}

func FuzzReader(f *testing.F) {
	for _, s := range []string{"", "kms 🪦", "\xff\xfe", "ਮੈਂ ਮਰਨਾ ਚਾਹੁੰਦਾ", "k\u200dill", "my dad hits me", "a\u0301\u0301\u0301"} {
		f.Add(s, "earlier")
	}
	r := testReader(f)
	f.Fuzz(func(t *testing.T, s, earlier string) {
		a := r.Assess(s, []string{earlier})
		if a.Risk && a.Concern {
			t.Fatal("both risk and concern")
		}
		if a.Score < 0 || a.Score > 1 {
			t.Fatalf("score %v", a.Score)
		}
	})
}

// BenchmarkReaderAssess reads one message with two earlier ones, as every
// inbound message is read.
func BenchmarkReaderAssess(b *testing.B) {
	r := testReader(b)
	earlier := []string{"hi, i need some help with my son", "hes 14 and weve been arguing a lot"}
	msgs := []string{
		"he has new trainers and a phone i didnt buy and comes home at 2am",
		"can we get speech therapy for my 2 year old in castleton",
		"my partner checks my phone and keeps my bank card, can i book the 8 week check",
		"i want to kill myself",
	}
	var took []time.Duration
	i := 0
	for b.Loop() {
		start := time.Now()
		r.Assess(msgs[i%len(msgs)], earlier)
		took = append(took, time.Since(start))
		i++
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds()), "p50-us")
	b.ReportMetric(float64(took[len(took)*99/100].Microseconds()), "p99-us")
}

// BenchmarkLoadModels is the cost of loading the embedded models.
func BenchmarkLoadModels(b *testing.B) {
	for b.Loop() {
		if _, _, err := loadModels(); err != nil {
			b.Fatal(err)
		}
	}
}
