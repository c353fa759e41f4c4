package seed

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
)

// vocabSize bounds the ranked vocabulary: the hand-written lists, then generated identifiers.
// At the default size a rank-50,000 identifier appears a few dozen times in 1.5M texts.
const vocabSize = 150_000

// Zipf exponent and offset: 1.07 gives "the" roughly 5% of all words and a long, thin tail.
const (
	zipfS = 1.07
	zipfV = 2
)

var (
	vocabOnce sync.Once
	vocab     []string
)

// words returns the ranked vocabulary, built once.
func words() []string {
	vocabOnce.Do(func() {
		vocab = make([]string, 0, vocabSize)
		vocab = append(vocab, commonWords...)
		vocab = append(vocab, devWords...)
		vocab = append(vocab, techWords...)
		for i := 0; len(vocab) < vocabSize; i++ {
			vocab = append(vocab, identifier(i))
		}
	})
	return vocab
}

// identifier is the i-th generated name. Most styles are one search token (camelCase, a
// trailing number); kebab-case splits into common words, as flags and branch names do.
func identifier(i int) string {
	n := len(techWords) + len(devWords)
	pick := func(k int) string {
		if k < len(techWords) {
			return techWords[k]
		}
		return devWords[k-len(techWords)]
	}
	a, b := pick((i/4)%n), pick((i/4/n)%n)
	switch i % 4 {
	case 0:
		return a + title(b)
	case 1:
		return a + title(b) + strconv.Itoa(2+i%97)
	case 2:
		return title(a) + title(b) + []string{"Handler", "Service", "Config", "Error", "Store", "Client"}[i%6]
	default:
		return a + "-" + b
	}
}

func title(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// newZipf samples vocabulary ranks.
func newZipf(r *rand.Rand) *rand.Zipf { return rand.NewZipf(r, zipfS, zipfV, vocabSize-1) }

// SearchTerm is a query the benchmarks run, labelled by how often its words occur.
type SearchTerm struct {
	Class string // common, medium, rare, mixed
	Text  string
}

// SearchTerms is a fixed mix of search texts spanning the word-frequency range of the generated
// corpus: words in most texts, words in about one text in a thousand, identifiers in a handful.
func SearchTerms() []SearchTerm {
	w := words()
	medium := w[len(commonWords)+len(devWords)+40]
	rare1, rare2 := singleToken(w, 30_000), singleToken(w, 90_000)
	return []SearchTerm{
		{"common", "the"},
		{"common", "error"},
		{"common", "test file"},
		{"medium", medium},
		{"medium", "deploy staging"},
		{"rare", rare1},
		{"rare", rare2},
		{"mixed", "error " + rare1},
	}
}

// singleToken is the first vocabulary word from rank on that both engines index as one token.
func singleToken(w []string, rank int) string {
	for ; rank < len(w); rank++ {
		if !strings.Contains(w[rank], "-") {
			return w[rank]
		}
	}
	return w[len(w)-1]
}
