package analyze

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/debrief-cli/debrief/internal/transcript"
)

// abbreviations end with a period that does not end a sentence (lower case, without the period).
var abbreviations = map[string]bool{
	"e.g": true, "i.e": true, "etc": true, "vs": true, "mr": true, "mrs": true, "ms": true,
	"dr": true, "prof": true, "st": true, "approx": true, "cf": true, "al": true,
	"jr": true, "sr": true, "inc": true, "ltd": true, "co": true, "fig": true, "jan": true,
	"feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "a.m": true, "p.m": true, "u.s": true,
}

// splitSentences splits text into sentences. Each sentence is a verbatim substring of text with
// the surrounding space trimmed, so it can be quoted as evidence. A sentence ends at ".", "!" or
// "?" (with any closing quotes or brackets) followed by space, or at a line break; periods after
// common abbreviations, single initials and inside numbers or addresses do not end one.
func splitSentences(text string) []string {
	var out []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	start := 0
	// Only line breaks and ".", "!" and "?" matter; stops finds the next of each by a fast
	// search, remembering where each one is until the scan passes it.
	stops := [4]int{-1, -1, -1, -1}
	next := func(from int) int {
		at := len(text)
		for k, c := range [4]byte{'.', '!', '?', '\n'} {
			if stops[k] < from {
				stops[k] = len(text)
				if j := strings.IndexByte(text[from:], c); j >= 0 {
					stops[k] = from + j
				}
			}
			at = min(at, stops[k])
		}
		return at
	}
	for i := next(0); i < len(text); i = next(i + 1) {
		c := text[i]
		if c == '\n' {
			add(text[start:i])
			start = i + 1
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		// Take the whole run of terminal punctuation and closing marks.
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

// endsSentence reports whether a period after before ends a sentence: not after an
// abbreviation or a single letter (an initial).
func endsSentence(before string) bool {
	k := strings.LastIndexAny(before, " \t(\"'")
	word := strings.ToLower(before[k+1:])
	if abbreviations[word] {
		return false
	}
	if r, n := utf8.DecodeRuneInString(word); n == len(word) && unicode.IsLetter(r) {
		return false
	}
	return true
}

// questionStart matches a sentence that opens like a question: an auxiliary verb followed by a
// subject, or a question word followed by a verb.
var questionStart = regexp.MustCompile(`(?i)^(?:(?:so|and|but|ok|okay|well|also|then|hey|and so)[, ]+)?(?:[a-z]+, )?(?:(?:can|could|will|would|should|shall|do|does|did|is|are|was|were|have|has|may|might|must|won't|wouldn't|can't|couldn't|don't|doesn't|didn't|isn't|aren't) (?:you|we|i|he|she|they|it|someone|anyone|anybody|somebody|everyone|there|that|this)\b|(?:what|who|whom|whose|why|how|when|where|which) (?:is|are|was|were|do|does|did|should|shall|can|could|would|will|about|else|if|happens|happened)\b|(?:what's|who's|how's|where's|when's|why's|what're|any (?:thoughts|questions|objections|concerns|updates|comments))\b)`)

// isQuestion reports whether s, one sentence, asks a question: it ends with "?" (before any
// closing quotes or brackets), or, when it has no closing "." or "!", it opens the way a
// question does ("can you send it", "what about the budget"), as automatic transcripts often
// drop the question mark.
func isQuestion(s string) bool {
	s = strings.TrimRight(strings.TrimSpace(s), "\"')]”’ ")
	if s == "" {
		return false
	}
	switch s[len(s)-1] {
	case '?':
		return true
	case '.', '!':
		return false
	}
	return questionStart.MatchString(s)
}

// countWords counts the words of s: runs of non-space characters holding a letter or digit.
func countWords(s string) int {
	n := 0
	in, has := false, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if in && has {
				n++
			}
			in, has = false, false
			continue
		}
		in = true
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			has = true
		}
	}
	if in && has {
		n++
	}
	return n
}

// meetingText holds what the rules read in the text of each turn of one meeting (its sentences
// and which of them are questions), worked out once and shared by the rules of one analysis.
type meetingText struct {
	m     *transcript.Meeting
	turns []turnText
}

// turnText is what meetingText knows of one turn.
type turnText struct {
	split     bool
	sentences []string
	questions []lazyBool
	// lowers holds strings.ToLower of each sentence, and asciiLowers asciiLower of each, ""
	// until made.
	lowers, asciiLowers []string
}

// newMeetingText starts the shared reading of m's turns.
func newMeetingText(m *transcript.Meeting) *meetingText {
	return &meetingText{m: m, turns: make([]turnText, len(m.Turns))}
}

// sentences returns splitSentences of the text of turn i.
func (x *meetingText) sentences(i int) []string {
	t := &x.turns[i]
	if !t.split {
		t.split = true
		t.sentences = splitSentences(x.m.Turns[i].Text)
		t.questions = make([]lazyBool, len(t.sentences))
		t.lowers = make([]string, len(t.sentences))
		t.asciiLowers = make([]string, len(t.sentences))
	}
	return t.sentences
}

// lower returns strings.ToLower of sentence k of turn i.
func (x *meetingText) lower(i, k int) string {
	s := x.sentences(i)[k]
	t := &x.turns[i]
	if t.lowers[k] == "" {
		t.lowers[k] = strings.ToLower(s)
	}
	return t.lowers[k]
}

// asciiLowered returns asciiLower of sentence k of turn i.
func (x *meetingText) asciiLowered(i, k int) string {
	s := x.sentences(i)[k]
	t := &x.turns[i]
	if t.asciiLowers[k] == "" {
		t.asciiLowers[k] = asciiLower(s)
	}
	return t.asciiLowers[k]
}

// isQuestion reports isQuestion of sentence k of turn i.
func (x *meetingText) isQuestion(i, k int) bool {
	s := x.sentences(i)[k]
	return x.turns[i].questions[k].is(func() bool { return isQuestion(s) })
}

// lazyBool is a fact not yet worked out (0), false (1) or true (2).
type lazyBool int8

// is returns the fact, working it out with f the first time.
func (l *lazyBool) is(f func() bool) bool {
	if *l == 0 {
		*l = 1
		if f() {
			*l = 2
		}
	}
	return *l == 2
}

// hintIndex finds which of several lists of hints (lower-case words and phrases that a rule
// needs one of before its pattern can match) a lower-case text holds, in one pass over the
// text rather than one search per hint. The index is built once and only read after.
type hintIndex struct {
	// pairs has the bit b0<<8|b1 set for the first two bytes b0, b1 of every hint, and for
	// every b1 after the byte b0 of a hint of one byte; single has the bit b0 for each hint
	// of one byte b0. They are a cheap test that a hint may start at a place in the text.
	pairs  [1 << 16 / 64]uint64
	single [256 / 64]uint64
	// byFirst lists the hints by their first byte, each with the set of lists it is in.
	byFirst [256][]hintEntry
}

// hintEntry is one hint and the lists (a bit each) that hold it.
type hintEntry struct {
	text  string
	lists uint32
}

// newHintIndex indexes lists, where lists[g] is the list reported as bit 1<<g. A hint is
// never empty.
func newHintIndex(lists ...[]string) *hintIndex {
	x := &hintIndex{}
	for g, list := range lists {
	next:
		for _, h := range list {
			if len(h) == 1 {
				x.single[h[0]/64] |= 1 << (h[0] % 64)
				for b := range 256 {
					x.setPair(h[0], byte(b))
				}
			} else {
				x.setPair(h[0], h[1])
			}
			entries := x.byFirst[h[0]]
			for k := range entries {
				if entries[k].text == h {
					entries[k].lists |= 1 << g
					continue next
				}
			}
			x.byFirst[h[0]] = append(entries, hintEntry{text: h, lists: 1 << g})
		}
	}
	return x
}

// setPair marks that a hint may start with the bytes b0, b1.
func (x *hintIndex) setPair(b0, b1 byte) {
	p := uint16(b0)<<8 | uint16(b1)
	x.pairs[p/64] |= 1 << (p % 64)
}

// find returns the set of lists (bit g for lists[g]) of which lower holds a hint.
func (x *hintIndex) find(lower string) uint32 {
	var found uint32
	n := len(lower)
	for k := 0; k+1 < n; k++ {
		p := uint16(lower[k])<<8 | uint16(lower[k+1])
		if x.pairs[p/64]&(1<<(p%64)) != 0 {
			found = x.findAt(lower, k, found)
		}
	}
	if n > 0 {
		if c := lower[n-1]; x.single[c/64]&(1<<(c%64)) != 0 {
			found = x.findAt(lower, n-1, found)
		}
	}
	return found
}

// findAt adds to found the lists of the hints that start at lower[k].
func (x *hintIndex) findAt(lower string, k int, found uint32) uint32 {
	for _, h := range x.byFirst[lower[k]] {
		if found&h.lists != h.lists && strings.HasPrefix(lower[k:], h.text) {
			found |= h.lists
		}
	}
	return found
}
