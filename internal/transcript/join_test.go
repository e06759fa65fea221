package transcript

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// The inputs below make one speaker's text out of n parts, each joined to the turn on its own
// input line: the paths where appending to a turn's text one part at a time would copy the
// whole text again for every part.

// longInput is one of those inputs, the parser that reads it and the text the long turn must
// end with.
type longInput struct {
	name   string
	format Format
	build  func(n int) (input, want string)
}

var longInputs = []longInput{
	{"notes paragraph", FormatNotes, longNotes},
	{"whisperx segments", FormatWhisperX, longWhisperX},
	{"deepgram words, one per line", FormatDeepgram, func(n int) (string, string) { return longDeepgram(n, "\n") }},
	{"deepgram words, minified", FormatDeepgram, func(n int) (string, string) { return longDeepgram(n, "") }},
	{"teams cues continued after an overlap", FormatTeamsVTT, longTeams},
}

func part(i int) string { return fmt.Sprintf("part%d", i) }

func longNotes(n int) (string, string) {
	var b strings.Builder
	b.WriteString("# Sync\n\nPresent: Ana Lopez, Ben Ortiz\n\nAna Lopez: start\n")
	want := []string{"start"}
	for i := range n {
		b.WriteString(part(i) + "\n")
		want = append(want, part(i))
	}
	return b.String(), strings.Join(want, " ")
}

func longWhisperX(n int) (string, string) {
	var b strings.Builder
	b.WriteString(`{"segments": [`)
	want := make([]string, n)
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "\n{\"start\": %d.0, \"end\": %d.9, \"text\": \" %s\", \"speaker\": \"SPEAKER_00\"}", i, i, part(i))
		want[i] = part(i)
	}
	b.WriteString("\n]}\n")
	return b.String(), strings.Join(want, " ")
}

func longDeepgram(n int, sep string) (string, string) {
	var b strings.Builder
	b.WriteString(`{"results": {"channels": [{"alternatives": [{"transcript": "x", "words": [`)
	want := make([]string, n)
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "%s{\"word\": \"%s\", \"start\": %d.0, \"end\": %d.5, \"speaker\": 0}", sep, part(i), i, i)
		want[i] = part(i)
	}
	b.WriteString("]}]}]}}\n")
	return b.String(), strings.Join(want, " ")
}

// longTeams alternates Ana's and Ben's overlapping utterances: each of Ana's cues continues
// her utterance after one of Ben's, so it is joined to a turn that is already finished.
func longTeams(n int) (string, string) {
	var b strings.Builder
	b.WriteString("WEBVTT\n\n")
	want := make([]string, n)
	for i := range n {
		fmt.Fprintf(&b, "aaaa-1111/1-%d\n%s --> %s\n<v Ana Lopez>%s</v>\n\n", i, Seconds(2*i).Clock()+".000", Seconds(2*i).Clock()+".900", part(i))
		fmt.Fprintf(&b, "bbbb-2222/2-%d\n%s --> %s\n<v Ben Ortiz>ben%d</v>\n\n", i, Seconds(2*i+1).Clock()+".000", Seconds(2*i+1).Clock()+".900", i)
		want[i] = part(i)
	}
	return b.String(), strings.Join(want, " ")
}

// TestLongTurnsJoinInLinearTime parses each long input at two sizes and checks the long turn's
// text, its line spans, and that doubling the input about doubles what parsing allocates:
// joining each part by copying the text so far would make it four times as much. The ratio,
// not an absolute figure, is checked because under the race detector the regexp and
// sync.Pool caches allocate far more, in proportion to the input.
func TestLongTurnsJoinInLinearTime(t *testing.T) {
	const n = 5000
	for _, li := range longInputs {
		t.Run(li.name, func(t *testing.T) {
			small, large := parseAlloc(t, li, n), parseAlloc(t, li, 2*n)
			if ratio := float64(large) / float64(small); ratio > 3 {
				t.Errorf("twice the input allocated %.1f times as much (%d bytes, then %d): joining is not linear",
					ratio, small, large)
			}
		})
	}
}

// parseAlloc parses li's input of n parts, checks the long turn, and returns the bytes that
// parsing allocated.
func parseAlloc(t *testing.T, li longInput, n int) uint64 {
	t.Helper()
	input, want := li.build(n)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	m, err := Parse([]byte(input), Options{Format: li.format})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	turn := longestTurn(m.Turns)
	if turn.Text != want {
		t.Fatalf("first turn has %d bytes starting %.60q, want %d bytes starting %.60q", len(turn.Text), turn.Text, len(want), want)
	}
	if last := strings.LastIndex(turn.Text, " ") + 1; turn.LineOf(last) <= turn.LineOf(0) && strings.Count(input, "\n") > 10 {
		t.Errorf("the last part is placed on line %d, not after the first (%d)", turn.LineOf(last), turn.LineOf(0))
	}
	return after.TotalAlloc - before.TotalAlloc
}

func longestTurn(turns []Turn) Turn {
	var long Turn
	for _, t := range turns {
		if len(t.Text) > len(long.Text) {
			long = t
		}
	}
	return long
}

// BenchmarkLongTurn parses the long inputs at two sizes: with linear joining the time per part
// stays flat as n grows.
func BenchmarkLongTurn(b *testing.B) {
	for _, li := range longInputs {
		for _, n := range []int{5000, 50000} {
			input, _ := li.build(n)
			b.Run(fmt.Sprintf("%s/n=%d", li.name, n), func(b *testing.B) {
				b.SetBytes(int64(len(input)))
				for b.Loop() {
					if _, err := Parse([]byte(input), Options{Format: li.format}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// TestJoinerMatchesTurnJoin joins parts to three turns in turn, line by line, and checks that
// each turn's text and the line of every byte are what Turn.Join gives.
func TestJoinerMatchesTurnJoin(t *testing.T) {
	start := []Turn{{Text: "a", Line: 1}, {Text: "b", Line: 2}, {Text: "c", Line: 3}}
	want := append([]Turn(nil), start...)
	got := append([]Turn(nil), start...)
	j := newJoiner()
	for k := range 30 {
		i, line := k*7%3, 4+k
		text := part(k)
		want[i].Join(text, line)
		j.add(got, i, text, line)
		if k == 11 {
			j.flush(got) // a flush midway changes nothing
		}
	}
	j.add(got, 0, "", 99) // no text, no change
	j.flush(got)
	for i := range want {
		if got[i].Text != want[i].Text {
			t.Errorf("turn %d: text %q, want %q", i, got[i].Text, want[i].Text)
		}
		for off := range want[i].Text {
			if g, w := got[i].LineOf(off), want[i].LineOf(off); g != w {
				t.Errorf("turn %d: byte %d on line %d, want %d", i, off, g, w)
				break
			}
		}
	}
}
