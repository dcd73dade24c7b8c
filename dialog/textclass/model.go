package textclass

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"
)

// Model is a trained multinomial logistic regression over hashed features.
type Model struct {
	// Name says what the model decides, e.g. "safety-outcome".
	Name string `json:"name"`
	// Bits is the size of the feature space: 2^Bits hashed features.
	Bits uint `json:"bits"`
	// Classes are the labels, in the order of the weights' rows.
	Classes []string `json:"classes"`
	// Thresholds are decision thresholds chosen when training, by name;
	// their meaning is the caller's (for safety, "flag" is the least
	// probability of harm that flags a message).
	Thresholds map[string]float64 `json:"thresholds,omitempty"`
	// NaiveBayes is true when features are scaled by naive Bayes ratios
	// (stored with the weights).
	NaiveBayes bool `json:"naive_bayes,omitempty"`
	// Multi is true for a multi-label model: each class has its own
	// probability (a sigmoid), and a text may belong to several.
	Multi bool `json:"multi,omitempty"`
	// Meta carries training facts: corpus hash, options, figures.
	Meta map[string]string `json:"meta,omitempty"`

	hashes  *sync.Pool  // *[]uint32 scratch for Predict
	weights [][]float32 // one row of 2^Bits per class
	bias    []float32
	scale   []float32 // naive Bayes feature scales, or nil
}

// Predict returns the probability of each class for text (with the
// caller's extra tokens, as in training), in the order of Classes. It is
// PredictVector(Features(text, m.Bits, extra...)) without building the
// vector.
func (m *Model) Predict(text string, extra ...string) []float64 {
	buf := m.hashes.Get().(*[]uint32)
	hs := appendHashes((*buf)[:0], tokens(Normalise(text)), extra, m.Bits)
	z := m.predictMasked(hs)
	*buf = hs
	m.hashes.Put(buf)
	return z
}

// PredictHashes is Predict on features from Hashes; hs is not changed.
func (m *Model) PredictHashes(hs []uint32) []float64 {
	buf := m.hashes.Get().(*[]uint32)
	mask := uint32(1)<<m.Bits - 1
	own := (*buf)[:0]
	for _, h := range hs {
		own = append(own, h&mask)
	}
	z := m.predictMasked(own)
	*buf = own
	m.hashes.Put(buf)
	return z
}

// predictMasked scores features already masked to the model's space; it
// sorts hs.
func (m *Model) predictMasked(hs []uint32) []float64 {
	slices.Sort(hs)
	z := make([]float64, len(m.Classes))
	var norm float64
	for i := 0; i < len(hs); {
		j := i + 1
		for j < len(hs) && hs[j] == hs[i] {
			j++
		}
		x := 1 + math.Log(float64(j-i))
		norm += x * x
		if m.scale != nil {
			x *= float64(m.scale[hs[i]])
		}
		for k, row := range m.weights {
			z[k] += float64(row[hs[i]]) * x
		}
		i = j
	}
	inv := 0.0
	if norm > 0 {
		inv = 1 / math.Sqrt(norm)
	}
	for k := range z {
		z[k] = z[k]*inv + float64(m.bias[k])
	}
	return m.activate(z)
}

// activate turns scores into probabilities.
func (m *Model) activate(z []float64) []float64 {
	if m.Multi {
		for k := range z {
			z[k] = sigmoid(z[k])
		}
		return z
	}
	softmax(z)
	return z
}

// PredictVector returns the class probabilities of a feature vector made
// with the model's Bits.
func (m *Model) PredictVector(v Vector) []float64 {
	if m.scale != nil {
		v = scaled(v, m.scale)
	}
	z := make([]float64, len(m.Classes))
	for k := range z {
		s := float64(m.bias[k])
		row := m.weights[k]
		for j, i := range v.Idx {
			s += float64(row[i]) * float64(v.Val[j])
		}
		z[k] = s
	}
	return m.activate(z)
}

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

// Class returns the index of a class by name, or -1.
func (m *Model) Class(name string) int {
	for i, c := range m.Classes {
		if c == name {
			return i
		}
	}
	return -1
}

// softmax turns scores into probabilities in place.
func softmax(z []float64) {
	mx := math.Inf(-1)
	for _, v := range z {
		mx = max(mx, v)
	}
	var sum float64
	for i, v := range z {
		z[i] = math.Exp(v - mx)
		sum += z[i]
	}
	for i := range z {
		z[i] /= sum
	}
}

// The stored form: gzip of magic, a JSON header's length and bytes, then
// for each class its bias (float32) and scale (float32) and its weights as
// int16 multiples of the scale. Quantising to 16 bits keeps the model
// small; the difference in any probability is far below a thousandth.
var magic = []byte("hubbot-textclass-1\n")

// MarshalBinary stores the model; the same model always gives the same
// bytes.
func (m *Model) MarshalBinary() ([]byte, error) {
	head, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("textclass: %w", err)
	}
	var raw bytes.Buffer
	raw.Write(magic)
	_ = binary.Write(&raw, binary.LittleEndian, uint32(len(head)))
	raw.Write(head)
	rows, biases := m.weights, m.bias
	if m.scale != nil {
		rows, biases = append(slices.Clone(rows), m.scale), append(slices.Clone(biases), 0)
	}
	for k, row := range rows {
		var mx float32
		for _, w := range row {
			mx = max(mx, float32(math.Abs(float64(w))))
		}
		scale := mx / 32767
		if scale == 0 {
			scale = 1
		}
		_ = binary.Write(&raw, binary.LittleEndian, biases[k])
		_ = binary.Write(&raw, binary.LittleEndian, scale)
		q := make([]int16, len(row))
		for i, w := range row {
			q[i] = int16(math.Round(float64(w / scale)))
		}
		_ = binary.Write(&raw, binary.LittleEndian, q)
	}
	var out bytes.Buffer
	zw, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if err != nil {
		return nil, fmt.Errorf("textclass: %w", err)
	}
	if _, err := zw.Write(raw.Bytes()); err != nil {
		return nil, fmt.Errorf("textclass: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("textclass: %w", err)
	}
	return out.Bytes(), nil
}

// ErrBadModel is returned for stored bytes that are not a model.
var ErrBadModel = errors.New("textclass: not a stored model")

// Load reads a model stored by MarshalBinary.
func Load(data []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
	}
	raw, err := io.ReadAll(io.LimitReader(zr, 64<<20))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
	}
	if !bytes.HasPrefix(raw, magic) {
		return nil, ErrBadModel
	}
	r := bytes.NewReader(raw[len(magic):])
	var n uint32
	if err := binary.Read(r, binary.LittleEndian, &n); err != nil || int(n) > r.Len() {
		return nil, ErrBadModel
	}
	head := make([]byte, n)
	_, _ = io.ReadFull(r, head)
	m := &Model{hashes: scratchPool()}
	if err := json.Unmarshal(head, m); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
	}
	if m.Bits < 8 || m.Bits > 24 || len(m.Classes) < 1 || (!m.Multi && len(m.Classes) < 2) {
		return nil, fmt.Errorf("%w: bits %d, %d classes", ErrBadModel, m.Bits, len(m.Classes))
	}
	d := 1 << m.Bits
	q := make([]int16, d)
	nrows := len(m.Classes)
	if m.NaiveBayes {
		nrows++
	}
	for range nrows {
		var bias, scale float32
		if binary.Read(r, binary.LittleEndian, &bias) != nil || binary.Read(r, binary.LittleEndian, &scale) != nil ||
			binary.Read(r, binary.LittleEndian, q) != nil {
			return nil, fmt.Errorf("%w: truncated", ErrBadModel)
		}
		row := make([]float32, d)
		for i, v := range q {
			row[i] = float32(v) * scale
		}
		m.weights = append(m.weights, row)
		m.bias = append(m.bias, bias)
	}
	if m.NaiveBayes {
		m.scale = m.weights[len(m.weights)-1]
		m.weights, m.bias = m.weights[:len(m.Classes)], m.bias[:len(m.Classes)]
	}
	return m, nil
}

// scratchPool holds hash buffers for Predict, so reading a message
// allocates little.
func scratchPool() *sync.Pool {
	return &sync.Pool{New: func() any { b := make([]uint32, 0, 1024); return &b }}
}
