package analyze

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/debrief-cli/debrief/internal/transcript"
)

// grounder checks the LLM's citations against the meeting: a quote must be found, ignoring
// case and whitespace, in the turn holding the line it cites.
type grounder struct {
	m *transcript.Meeting
	// byLine maps every input line a turn covers to the turn's index.
	byLine map[int]int
}

func newGrounder(m *transcript.Meeting) *grounder {
	g := &grounder{m: m, byLine: map[int]int{}}
	for i, t := range m.Turns {
		g.byLine[t.Line] = i
		for _, s := range t.Spans {
			if _, taken := g.byLine[s.Line]; !taken {
				g.byLine[s.Line] = i
			}
		}
	}
	return g
}

// evidence returns the evidence for a quote cited on line, with the quote as the input has it
// and the precise line it starts on; ok is false when the quote is not there.
func (g *grounder) evidence(line int, quote string) (Evidence, bool) {
	i, ok := g.byLine[line]
	if !ok {
		return Evidence{}, false
	}
	t := g.m.Turns[i]
	start, end, ok := findFolded(t.Text, quote)
	if !ok {
		return Evidence{}, false
	}
	return EvidenceFor(t, t.Text[start:end]), true
}

// nearBefore and nearAfter are how far around a cited turn the words of a rationale are looked for: reasons
// come before a decision more often than after it.
const nearBefore, nearAfter = 8, 3

// near returns text as the input has it when it is found in the turn holding line or in the
// turns just around it, else "".
func (g *grounder) near(line int, text string) string {
	text = strings.TrimSpace(text)
	i, ok := g.byLine[line]
	if !ok || text == "" {
		return ""
	}
	for j := max(0, i-nearBefore); j < len(g.m.Turns) && j <= i+nearAfter; j++ {
		t := g.m.Turns[j].Text
		if start, end, ok := findFolded(t, text); ok {
			return t[start:end]
		}
	}
	return ""
}

// turn returns the turn holding line.
func (g *grounder) turn(line int) (transcript.Turn, bool) {
	i, ok := g.byLine[line]
	if !ok {
		return transcript.Turn{}, false
	}
	return g.m.Turns[i], true
}

// lineText returns the words of the input line, which may be one of several lines joined into
// a turn.
func (g *grounder) lineText(line int) string {
	t, ok := g.turn(line)
	if !ok {
		return ""
	}
	var b strings.Builder
	at, cur := 0, t.Line
	for k := 0; k <= len(t.Spans); k++ {
		end, next := len(t.Text), 0
		if k < len(t.Spans) {
			end, next = min(max(t.Spans[k].Offset, at), len(t.Text)), t.Spans[k].Line
		}
		if cur == line {
			b.WriteString(t.Text[at:end] + " ")
		}
		at, cur = end, next
	}
	return b.String()
}

// groundDone checks the model's done report: its quote on its line, a task, and as the person
// an attendee who said that line or is named on it. ok is false when it fails.
func groundDone(m *transcript.Meeting, g *grounder, d llmDone) (DoneReport, bool) {
	ev, ok := g.evidence(d.Line, d.Quote)
	who, task := person(m, d.Person), strings.TrimSpace(d.Task)
	if !ok || who == "" || task == "" {
		return DoneReport{}, false
	}
	if !saidBy(m, ev, who) && !namesPerson(m, g.lineText(d.Line), who) {
		return DoneReport{}, false
	}
	return DoneReport{Person: who, Task: task, Evidence: []Evidence{ev}}, true
}

// groundThread checks the model's open thread: a known kind and its quote on its line. ok is
// false when it fails.
func groundThread(g *grounder, o llmOpenThread) (OpenThread, bool) {
	ev, ok := g.evidence(o.Line, o.Quote)
	if !ok || o.Kind != KindDeferred && o.Kind != KindReopened {
		return OpenThread{}, false
	}
	return OpenThread{Kind: o.Kind, Topic: firstTopicWords(o.Topic), Evidence: []Evidence{ev}}, true
}

// closes reports whether the findings indexed in c close the thread th, as the offline rule
// does: a decision on its topic in its turn or the openThreadLookahead turns after it (not
// past a heading), or a commitment with an owner there, at once (its turn or the next) or
// later on its topic. A topic the thread's own words do not hold is no filter: any such
// decision or commitment closes it.
func (g *grounder) closes(th OpenThread, c closers) bool {
	i, ok := g.byLine[th.Evidence[0].Line]
	if !ok {
		return false
	}
	topic := ownTopicWords(th)
	for j := i; j < len(g.m.Turns) && j <= i+openThreadLookahead; j++ {
		t := g.m.Turns[j]
		if j > i && t.Heading {
			return false
		}
		if c.closesTurn(t, topic, j <= i+1) {
			return true
		}
	}
	return false
}

// foldRune is how runes compare: lower case, typographic quotes and dashes made plain.
func foldRune(r rune) rune {
	switch r {
	case '’', '‘', '`', '´':
		return '\''
	case '“', '”', '„':
		return '"'
	case '–', '—':
		return '-'
	case '…':
		return '.'
	}
	return unicode.ToLower(r)
}

// fold returns s folded for comparison, with runs of space made one space, and for each rune
// of the result the byte offset in s where it starts.
func fold(s string) ([]rune, []int) {
	var out []rune
	var at []int
	space := true
	for i, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				out = append(out, ' ')
				at = append(at, i)
			}
			space = true
			continue
		}
		space = false
		out = append(out, foldRune(r))
		at = append(at, i)
	}
	if n := len(out); n > 0 && out[n-1] == ' ' {
		out, at = out[:n-1], at[:n-1]
	}
	return out, at
}

// findFolded finds quote in text ignoring case and whitespace, returning the byte range of the
// match in text. Quote marks around the whole quote are ignored.
func findFolded(text, quote string) (start, end int, ok bool) {
	quote = strings.TrimSpace(quote)
	quote = strings.Trim(quote, "\"“”'")
	q, _ := fold(quote)
	if len(q) < 3 {
		return 0, 0, false
	}
	t, at := fold(text)
	for i := 0; i+len(q) <= len(t); i++ {
		if equalRunes(t[i:i+len(q)], q) {
			last := at[i+len(q)-1]
			_, size := utf8.DecodeRuneInString(text[last:])
			return at[i], last + size, true
		}
	}
	return 0, 0, false
}

func equalRunes(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// foldKey is a comparison key for de-duplication: folded, spaces collapsed.
func foldKey(s string) string {
	r, _ := fold(strings.Trim(strings.TrimSpace(s), "\"“”'.!?,;:"))
	return string(r)
}
