// Package textclass is a small statistical text classifier for the way
// families write: text-speak, misspellings, emoji and every script of the
// borough's languages. A message becomes a sparse vector of hashed features
// (word unigrams and bigrams, character n-grams inside words, emoji); a
// multinomial logistic regression, trained with gonum's L-BFGS, turns the
// vector into class probabilities.
//
// Models are trained by a reproducible command from a labelled corpus and
// embedded in the binary; the same corpus and options always give the same
// bytes. A Model is read-only once loaded and safe for concurrent use.
package textclass
