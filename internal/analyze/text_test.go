package analyze

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestSplitSentencesMatchesByteScan checks splitSentences against a scan of every byte.
func TestSplitSentencesMatchesByteScan(t *testing.T) {
	scan := func(text string) []string {
		var out []string
		add := func(s string) {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		start := 0
		for i := 0; i < len(text); i++ {
			c := text[i]
			if c == '\n' {
				add(text[start:i])
				start = i + 1
				continue
			}
			if c != '.' && c != '!' && c != '?' {
				continue
			}
			j := i + 1
			for j < len(text) {
				r, n := utf8.DecodeRuneInString(text[j:])
				if !strings.ContainsRune(".!?\"')]”’…", r) {
					break
				}
				j += n
			}
			if j < len(text) && text[j] != ' ' && text[j] != '\t' && text[j] != '\n' && text[j] != '\r' {
				i = j - 1
				continue
			}
			if c == '.' && j == i+1 && !endsSentence(text[start:i]) {
				continue
			}
			add(text[start:j])
			start = j
			i = j - 1
		}
		add(text[start:])
		return out
	}
	corpus := testCorpus(t)
	corpus = append(corpus, madeUp([]string{"Dr.", "e.g.", "A.", "3.5", "ok.", "Yes!", "why?", "?!", "...", "…", "\"", "'", ")", "]",
		"”", "’", "\n", "\r\n", "\t", " ", "word", "x.y", "U.S.", "end.", "!", "?", "."}, 30000)...)
	for _, s := range corpus {
		if got, want := splitSentences(s), scan(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("splitSentences(%q) = %q, want %q", s, got, want)
		}
	}
}

// testCorpus returns every line, and every sentence, of the test data.
func testCorpus(t *testing.T) []string {
	t.Helper()
	var corpus []string
	for _, dir := range []string{"../../testdata/eval", "../../testdata/meetings", "../../testdata/week", "../../testdata/formats", "../../testdata/llm"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				continue
			}
			corpus = append(corpus, strings.Split(string(b), "\n")...)
		}
	}
	for _, l := range corpus[:len(corpus):len(corpus)] {
		corpus = append(corpus, splitSentences(l)...)
	}
	return corpus
}

// madeUp returns n strings of random words from words, joined by spaces or not.
func madeUp(words []string, n int) []string {
	r := rand.New(rand.NewPCG(1, 2))
	var out []string
	for range n {
		var b strings.Builder
		for range 1 + r.IntN(8) {
			b.WriteString(words[r.IntN(len(words))])
			if r.IntN(4) > 0 {
				b.WriteByte(' ')
			}
		}
		out = append(out, b.String())
	}
	return out
}
