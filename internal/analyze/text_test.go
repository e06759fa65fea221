package analyze

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/debrief-cli/debrief/internal/transcript"
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

// TestHintIndex checks that one pass of a hintIndex finds, for each of its lists, just what a
// search for each hint of the list finds.
func TestHintIndex(t *testing.T) {
	lists := [][]string{requestHints, promiseHints, assignHints, needHints, {" to "},
		sarcasmHints, sarcasmNeeds, sarcasmAdverbs, sarcasmScopes}
	var words []string
	for _, l := range lists {
		words = append(words, l...)
	}
	corpus := testCorpus(t)
	corpus = append(corpus, madeUp(append(words, "x", "I", "’", "'", "to", "wil", "go", "ing"), 20000)...)
	for _, s := range corpus {
		lower := strings.ToLower(s)
		got := sentenceHints.find(lower)
		for g, l := range lists {
			if want := hasAny(lower, l); (got&(1<<g) != 0) != want {
				t.Fatalf("sentenceHints.find(%q) list %d = %v, want %v", lower, g, !want, want)
			}
		}
	}
	if got := newHintIndex([]string{"ab", "b"}, []string{"b"}).find("xab"); got != 3 {
		t.Errorf("a hint in two lists: find = %b, want 11", got)
	}
	if got := newHintIndex([]string{"ab"}).find("a"); got != 0 {
		t.Errorf("a hint longer than the text: find = %b, want 0", got)
	}
	one := newHintIndex([]string{"ab"}, []string{"b"})
	for text, want := range map[string]uint32{"bx": 2, "xb": 2, "b": 2, "ab": 3, "xa": 0, "": 0, "a": 0} {
		if got := one.find(text); got != want {
			t.Errorf("a hint of one byte: find(%q) = %b, want %b", text, got, want)
		}
	}
}

// TestMeetingTextLowersEachSentence checks that the lower cases a meetingText keeps are those
// of the sentence asked for, whichever is asked first.
func TestMeetingTextLowersEachSentence(t *testing.T) {
	m := &transcript.Meeting{Turns: []transcript.Turn{
		{Text: "We Ship on FRIDAY. Ana Agrees."},
		{Text: "no capitals here"},
		{Text: "ÉTÉ Plans? OK."},
	}}
	x := newMeetingText(m)
	for _, i := range []int{2, 0, 1, 0, 2} {
		for k := len(x.sentences(i)) - 1; k >= 0; k-- {
			s := x.sentences(i)[k]
			if got, want := x.asciiLowered(i, k), asciiLower(s); got != want {
				t.Errorf("asciiLowered(%d, %d) = %q, want %q", i, k, got, want)
			}
			if got, want := x.lower(i, k), strings.ToLower(s); got != want {
				t.Errorf("lower(%d, %d) = %q, want %q", i, k, got, want)
			}
		}
	}
}
