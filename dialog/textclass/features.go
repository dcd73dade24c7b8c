package textclass

import (
	"math"
	"slices"
)

// Vector is a sparse feature vector: indices into a model's hashed feature
// space, ascending and distinct, with their values (L2-normalised).
type Vector struct {
	Idx []uint32
	Val []float32
}

// Features turns text into its hashed feature vector in a space of 2^bits
// dimensions: word unigrams and bigrams, character n-grams of 2 to 5
// letters inside each word (with its edges marked, so "hurt" and "hurting"
// share most of theirs), and each emoji or symbol. Counts are damped
// (1 + ln n) and the vector scaled to unit length, so a long story is not
// louder than a short text.
//
// extra are tokens a caller's own reading of the text adds (a lexicon's
// stems and word classes, say): each one and each adjacent pair becomes a
// feature of its own kind.
func Features(text string, bits uint, extra ...string) Vector {
	return featuresOfTokens(tokens(Normalise(text)), extra, bits)
}

// tokens splits normalised text into words and symbols.
func tokens(s string) [][]rune {
	var out [][]rune
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
	}
	for _, r := range s {
		switch {
		case isWordRune(r):
			cur = append(cur, r)
		case r == '\'' || r == '’':
			// "don't" and "dont" are one word
		case isSymbol(r):
			flush()
			out = append(out, []rune{r})
		default:
			flush()
		}
	}
	flush()
	return out
}

// Hash seeds keep the kinds of feature apart in the shared space.
const (
	seedWord   = 0x9e3779b1
	seedBigram = 0x85ebca77
	seedChar   = 0xc2b2ae3d
	seedExtra  = 0x27d4eb2f
	seedExtra2 = 0x165667b1
)

// fnv32 hashes runes with FNV-1a from a seed.
func fnv32(h uint32, rs []rune) uint32 {
	for _, r := range rs {
		for r > 0 {
			h ^= uint32(r & 0xff)
			h *= 16777619
			r >>= 8
		}
		h ^= 0x5c
		h *= 16777619
	}
	return h
}

// fnv32s hashes a string with FNV-1a from a seed.
func fnv32s(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// Hashes are text's features as full 32-bit hashes, in no order, for
// reading one text with several models (PredictHashes masks them to each
// model's Bits).
func Hashes(text string, extra ...string) []uint32 {
	return appendHashes(nil, tokens(Normalise(text)), extra, 32)
}

// appendHashes appends the hashed features of tokens and extra to hs.
func appendHashes(hs []uint32, toks [][]rune, extra []string, bits uint) []uint32 {
	mask := uint32(1<<bits - 1)
	add := func(h uint32) { hs = append(hs, h&mask) }
	for i, x := range extra {
		add(fnv32s(seedExtra, x))
		if i > 0 {
			add(fnv32s(fnv32s(seedExtra2, extra[i-1])^0x9e37, x))
		}
	}
	var padded []rune
	for i, t := range toks {
		add(fnv32(seedWord, t))
		if i > 0 {
			add(fnv32(fnv32(seedBigram, toks[i-1]), t))
		}
		if len(t) == 1 && !isWordRune(t[0]) {
			continue // a symbol is its own feature
		}
		padded = append(append(append(padded[:0], '<'), t...), '>')
		for n := 2; n <= 5; n++ {
			for s := 0; s+n <= len(padded); s++ {
				if n == 2 && len(padded) > 4 && (s == 0 || s+n == len(padded)) {
					continue // edge bigrams of long words say little
				}
				add(fnv32(seedChar+uint32(n), padded[s:s+n]))
			}
		}
	}
	return hs
}

func featuresOfTokens(toks [][]rune, extra []string, bits uint) Vector {
	hs := appendHashes(make([]uint32, 0, 64+len(extra)*2+len(toks)*24), toks, extra, bits)
	slices.Sort(hs)
	v := Vector{Idx: make([]uint32, 0, len(hs)), Val: make([]float32, 0, len(hs))}
	var norm float64
	for i := 0; i < len(hs); {
		j := i + 1
		for j < len(hs) && hs[j] == hs[i] {
			j++
		}
		x := 1 + math.Log(float64(j-i))
		norm += x * x
		v.Idx = append(v.Idx, hs[i])
		v.Val = append(v.Val, float32(x))
		i = j
	}
	if norm > 0 {
		inv := float32(1 / math.Sqrt(norm))
		for k := range v.Val {
			v.Val[k] *= inv
		}
	}
	return v
}
