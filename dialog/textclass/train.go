package textclass

import (
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"runtime"
	"slices"
	"sync"

	"gonum.org/v1/gonum/optimize"
)

// Example is one labelled text for training.
type Example struct {
	Text  string
	Class int // index into the classes given to Train
	// Classes are the example's classes for a multi-label model (Options.
	// Multi); Class is then ignored. None is a valid answer.
	Classes []int
	// Extra are the caller's own tokens for the text (see Features); the
	// same reading must be given when predicting.
	Extra []string
}

// Options tune training. The zero value is not usable: use DefaultOptions
// and change what you need.
type Options struct {
	Bits    uint    // the feature space is 2^Bits
	L2      float64 // ridge penalty on the weights (not the biases)
	MaxIter int     // L-BFGS major iterations at most
	// ClassWeight weighs each class's examples in the loss (nil: all 1),
	// so a rare class of harm is not drowned by ordinary messages. Not
	// used for multi-label models.
	ClassWeight []float64
	// Multi trains a multi-label model: one sigmoid per class.
	Multi bool
	// NaiveBayes scales each feature by its log-count ratio between the
	// examples of the other classes and those of the first (as in
	// NBSVM, Wang and Manning 2012): a word seen mostly in harm weighs
	// more from the start. Not for multi-label models.
	NaiveBayes bool
}

// DefaultOptions suit a few thousand short messages.
func DefaultOptions() Options { return Options{Bits: 18, L2: 1e-4, MaxIter: 300} }

// Train fits a model to examples. It is deterministic: the same examples
// in the same order with the same options give the same model.
func Train(name string, classes []string, examples []Example, o Options) (*Model, error) {
	if (len(classes) < 2 && !o.Multi) || len(classes) == 0 || len(examples) == 0 {
		return nil, errors.New("textclass: train: need classes and some examples")
	}
	if o.Bits < 8 || o.Bits > 24 || o.MaxIter <= 0 {
		return nil, fmt.Errorf("textclass: train: bad options %+v", o)
	}
	vecs := make([]Vector, len(examples))
	ys := make([]int, len(examples))
	ws := make([]float64, len(examples))
	var multi [][]int
	for i, e := range examples {
		if o.Multi {
			for _, c := range e.Classes {
				if c < 0 || c >= len(classes) {
					return nil, fmt.Errorf("textclass: train: example %d has class %d of %d", i, c, len(classes))
				}
			}
			multi = append(multi, e.Classes)
		} else if e.Class < 0 || e.Class >= len(classes) {
			return nil, fmt.Errorf("textclass: train: example %d has class %d of %d", i, e.Class, len(classes))
		}
		vecs[i] = Features(e.Text, o.Bits, e.Extra...)
		ys[i] = e.Class
		ws[i] = 1
		if o.ClassWeight != nil && !o.Multi {
			ws[i] = o.ClassWeight[e.Class]
		}
	}
	k, d := len(classes), 1<<o.Bits
	var nb []float32
	if o.NaiveBayes && !o.Multi {
		nb = nbRatios(vecs, ys, d)
		for i := range vecs {
			vecs[i] = scaled(vecs[i], nb)
		}
	}
	obj := &objective{vecs: vecs, ys: ys, multi: multi, ws: ws, k: k, d: d, l2: o.L2}
	for _, w := range ws {
		obj.total += w
	}
	p := optimize.Problem{Func: obj.f, Grad: obj.grad}
	settings := &optimize.Settings{
		MajorIterations: o.MaxIter,
		Converger:       &optimize.FunctionConverge{Absolute: 1e-7, Relative: 1e-7, Iterations: 15},
	}
	res, err := optimize.Minimize(p, make([]float64, k*d+k), settings, &optimize.LBFGS{Store: 10})
	if err != nil && res == nil {
		return nil, fmt.Errorf("textclass: train: %w", err)
	}
	m := &Model{Name: name, Bits: o.Bits, Classes: slices.Clone(classes), Multi: o.Multi, NaiveBayes: nb != nil, Meta: map[string]string{
		"examples":   fmt.Sprint(len(examples)),
		"l2":         fmt.Sprint(o.L2),
		"iterations": fmt.Sprint(res.Stats.MajorIterations),
		"loss":       fmt.Sprintf("%.6f", res.F),
	}, scale: nb, hashes: scratchPool()}
	for c := range k {
		row := make([]float32, d)
		for i := range row {
			row[i] = float32(res.X[c*d+i])
		}
		m.weights = append(m.weights, row)
		m.bias = append(m.bias, float32(res.X[k*d+c]))
	}
	return m, nil
}

// objective is the weighted mean cross-entropy (for a multi-label model,
// the sum over classes of each class's binary cross-entropy) plus the
// ridge penalty, and
// its gradient; the two are computed together and kept for the last x.
type objective struct {
	vecs  []Vector
	ys    []int
	multi [][]int // classes of each example, for a multi-label model
	ws    []float64
	total float64
	k, d  int
	l2    float64

	lastX []float64
	lastF float64
	lastG []float64
}

func (o *objective) eval(x []float64) {
	if o.lastX != nil && slices.Equal(o.lastX, x) {
		return
	}
	o.lastX = append(o.lastX[:0], x...)
	if o.lastG == nil {
		o.lastG = make([]float64, len(x))
	}
	g := o.lastG
	kd := o.k * o.d
	var f float64
	for i := range kd {
		f += 0.5 * o.l2 * x[i] * x[i]
		g[i] = o.l2 * x[i]
	}
	for i := kd; i < len(g); i++ {
		g[i] = 0
	}
	z := make([]float64, o.k)
	for n, v := range o.vecs {
		for c := range o.k {
			s := x[kd+c]
			base := c * o.d
			for j, i := range v.Idx {
				s += x[base+int(i)] * float64(v.Val[j])
			}
			z[c] = s
		}
		w := o.ws[n] / o.total
		if o.multi != nil {
			for c := range o.k {
				z[c] = sigmoid(z[c])
				if slices.Contains(o.multi[n], c) {
					f -= w * math.Log(max(z[c], 1e-300))
				} else {
					f -= w * math.Log(max(1-z[c], 1e-300))
				}
			}
		} else {
			softmax(z)
			f -= w * math.Log(max(z[o.ys[n]], 1e-300))
		}
		for c := range o.k {
			e := z[c]
			if (o.multi == nil && c == o.ys[n]) || (o.multi != nil && slices.Contains(o.multi[n], c)) {
				e--
			}
			e *= w
			if e == 0 {
				continue
			}
			base := c * o.d
			for j, i := range v.Idx {
				g[base+int(i)] += e * float64(v.Val[j])
			}
			g[kd+c] += e
		}
	}
	o.lastF = f
}

func (o *objective) f(x []float64) float64 { o.eval(x); return o.lastF }

func (o *objective) grad(g, x []float64) { o.eval(x); copy(g, o.lastG) }

// Fold is the cross-validation fold of a text among n: a hash of the
// text, so a message keeps its fold however the corpus is ordered.
func Fold(text string, n int) int {
	h := fnv.New32a()
	h.Write([]byte(text))
	return int(h.Sum32() % uint32(n))
}

// CrossValidate trains n models, each without one fold, and returns every
// example's class probabilities from the model that did not see it. Folds
// train in parallel, one per CPU; the result does not depend on how many.
func CrossValidate(classes []string, examples []Example, n int, o Options) ([][]float64, error) {
	out := make([][]float64, len(examples))
	errs := make([]error, n)
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for f := range n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			var train []Example
			for _, e := range examples {
				if Fold(e.Text, n) != f {
					train = append(train, e)
				}
			}
			m, err := Train("fold", classes, train, o)
			if err != nil {
				errs[f] = err
				return
			}
			for i, e := range examples {
				if Fold(e.Text, n) == f {
					out[i] = m.Predict(e.Text, e.Extra...) // each index is written by one fold only
				}
			}
		}()
	}
	wg.Wait()
	return out, errors.Join(errs...)
}

// nbRatios are the naive Bayes log-count ratios of each feature between
// examples not of class 0 and those of class 0, smoothed by one.
func nbRatios(vecs []Vector, ys []int, d int) []float32 {
	p := make([]float64, d)
	q := make([]float64, d)
	for n, v := range vecs {
		c := q
		if ys[n] != 0 {
			c = p
		}
		for _, i := range v.Idx {
			c[i]++
		}
	}
	var sp, sq float64
	for i := range p {
		sp += p[i] + 1
		sq += q[i] + 1
	}
	r := make([]float32, d)
	for i := range r {
		r[i] = float32(math.Log(((p[i] + 1) / sp) / ((q[i] + 1) / sq)))
	}
	return r
}

// scaled multiplies a vector's values by per-feature scales.
func scaled(v Vector, scale []float32) Vector {
	out := Vector{Idx: v.Idx, Val: make([]float32, len(v.Val))}
	for j, i := range v.Idx {
		out.Val[j] = v.Val[j] * scale[i]
	}
	return out
}
