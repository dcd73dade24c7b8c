// Package index is hubbot's search of the local offer: a bleve index over
// the services, rebuilt whole on each import and swapped in atomically, and
// the query that turns a family's triage into ranked services.
package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/northbrook/hubbot/content"
)

// ErrNotReady is returned by Search before the first Build.
var ErrNotReady = errors.New("index: no offer loaded yet")

// Options tunes an Index.
type Options struct {
	// Dir, when set, keeps each built index on disk under it (one
	// sub-directory per build); empty keeps it in memory.
	Dir string
	// TopN is how many services a search returns at most (default 10).
	TopN int
}

// Index is a searchable local offer. Build replaces it whole; searches
// running meanwhile finish on the index they started with.
type Index struct {
	opts  Options
	cur   atomic.Pointer[snapshot]
	build sync.Mutex // one build at a time
	seq   atomic.Int64
}

// snapshot is one built index, shared by the searches that hold it.
type snapshot struct {
	idx   bleve.Index
	offer *content.Offer
	// df counts the services each analysed term of the searchable text
	// appears in, so the query can tell a telling word from a common one,
	// and a word the offer knows from one it never uses.
	df   map[string]int
	docs int
	// synonymInputs are the analysed family words the thesaurus expands.
	synonymInputs map[string]bool
	// wardAnalyzer analyses query text exactly as the index did.
	analyzer analysis.Analyzer
	path     string
	refs     atomic.Int64
}

// New returns an empty Index; call Build before searching.
func New(opts Options) *Index {
	if opts.TopN <= 0 {
		opts.TopN = 10
	}
	return &Index{opts: opts}
}

// Offer returns the offer the index serves, or nil before the first Build.
func (x *Index) Offer() *content.Offer {
	s := x.acquire()
	if s == nil {
		return nil
	}
	defer s.release()
	return s.offer
}

// Ready reports whether an offer is loaded.
func (x *Index) Ready() bool { return x.cur.Load() != nil }

// Build indexes the offer in a new index and swaps it in once complete; on
// error the index already serving stays as it was.
func (x *Index) Build(ctx context.Context, offer *content.Offer) error {
	x.build.Lock()
	defer x.build.Unlock()
	s, err := x.newSnapshot(ctx, offer)
	if err != nil {
		return err
	}
	s.refs.Store(1) // the Index's own reference
	if old := x.cur.Swap(s); old != nil {
		old.release()
	}
	return nil
}

// Close releases the serving index.
func (x *Index) Close() error {
	if old := x.cur.Swap(nil); old != nil {
		old.release()
	}
	return nil
}

func (x *Index) newSnapshot(ctx context.Context, offer *content.Offer) (*snapshot, error) {
	m, err := newMapping()
	if err != nil {
		return nil, fmt.Errorf("index: mapping: %w", err)
	}
	path := ""
	if x.opts.Dir != "" {
		if err := os.MkdirAll(x.opts.Dir, 0o755); err != nil {
			return nil, fmt.Errorf("index: dir: %w", err)
		}
		path, err = os.MkdirTemp(x.opts.Dir, "offer-")
		if err != nil {
			return nil, fmt.Errorf("index: dir: %w", err)
		}
		// bleve wants to create the directory itself.
		if err := os.Remove(path); err != nil {
			return nil, fmt.Errorf("index: dir: %w", err)
		}
	}
	idx, err := bleve.NewUsing(path, m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("index: create: %w", err)
	}
	fail := func(err error) (*snapshot, error) {
		idx.Close()
		if path != "" {
			os.RemoveAll(path)
		}
		return nil, err
	}
	an := m.AnalyzerNamed(textAnalyzer)
	if an == nil {
		return fail(fmt.Errorf("index: analyzer %q missing", textAnalyzer))
	}
	syn := map[string]bool{}
	b := idx.NewBatch()
	for i, def := range familyWords() {
		if err := b.IndexSynonym(fmt.Sprintf("syn-%d", i), synonymCollection, def); err != nil {
			return fail(fmt.Errorf("index: synonym %d: %w", i, err))
		}
		words := def.Input
		if len(words) == 0 {
			words = def.Synonyms
		}
		for _, w := range words {
			for _, tok := range an.Analyze([]byte(w)) {
				syn[string(tok.Term)] = true
			}
		}
	}
	for i, s := range offer.Services {
		if i%256 == 0 && ctx.Err() != nil {
			return fail(fmt.Errorf("index: build: %w", ctx.Err()))
		}
		d := newDoc(s)
		if err := b.Index(s.ID, d); err != nil {
			return fail(fmt.Errorf("index: service %s: %w", s.ID, err))
		}
		if b.Size() >= 1000 {
			if err := idx.Batch(b); err != nil {
				return fail(fmt.Errorf("index: batch: %w", err))
			}
			b.Reset()
		}
	}
	if err := idx.Batch(b); err != nil {
		return fail(fmt.Errorf("index: batch: %w", err))
	}
	df, err := documentFrequencies(idx, "text", "name")
	if err != nil {
		return fail(err)
	}
	return &snapshot{idx: idx, offer: offer, df: df, docs: len(offer.Services), synonymInputs: syn, analyzer: an, path: path}, nil
}

// documentFrequencies reads, from the index's own dictionaries, how many
// services each term appears in (the larger count over the fields).
func documentFrequencies(idx bleve.Index, fields ...string) (map[string]int, error) {
	df := map[string]int{}
	for _, f := range fields {
		d, err := idx.FieldDict(f)
		if err != nil {
			return nil, fmt.Errorf("index: dictionary %s: %w", f, err)
		}
		for {
			e, err := d.Next()
			if err != nil {
				d.Close()
				return nil, fmt.Errorf("index: dictionary %s: %w", f, err)
			}
			if e == nil {
				break
			}
			if int(e.Count) > df[e.Term] {
				df[e.Term] = int(e.Count)
			}
		}
		d.Close()
	}
	return df, nil
}

// acquire returns the serving snapshot with a reference held, or nil.
func (x *Index) acquire() *snapshot {
	for {
		s := x.cur.Load()
		if s == nil {
			return nil
		}
		if s.refs.Add(1) > 1 {
			return s
		}
		// It was retired and closed between Load and Add: look again.
		s.refs.Add(-1)
	}
}

// release drops a reference; the last one closes the index.
func (s *snapshot) release() {
	if s.refs.Add(-1) == 0 {
		s.idx.Close()
		if s.path != "" {
			os.RemoveAll(s.path)
		}
	}
}

// analyse returns the index's terms for a piece of text.
func (s *snapshot) analyse(text string) []string {
	toks := s.analyzer.Analyze([]byte(text))
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		out = append(out, string(t.Term))
	}
	return out
}

// termText turns taxonomy terms into words ("speech-language" -> "speech language").
func termText(terms []string) string {
	return strings.ReplaceAll(strings.Join(terms, " "), "-", " ")
}
