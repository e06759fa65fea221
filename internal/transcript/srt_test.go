package transcript

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestParseSRT(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		want     []cueTurn
		warnings []string
	}{
		{
			name: "numbered cues, one speaker merged under the gap",
			in: "1\n00:00:01,000 --> 00:00:03,000\nAna Lopez: Let's start.\n\n" +
				"2\n00:00:03,500 --> 00:00:05,000\nAna Lopez: Budget first.\n\n" +
				"3\n00:00:05,200 --> 00:00:07,000\nBen Ortiz: I'll send it Friday.\n",
			want: []cueTurn{
				{"Ana Lopez", 1, 5, "Let's start. Budget first.", 3},
				{"Ben Ortiz", 5.2, 7, "I'll send it Friday.", 11},
			},
		},
		{
			name: "missing index, extra blank lines, dots, tags and ASS overrides",
			in: "\n\n00:00:01.000 --> 00:00:02.000\n<i>Ana Lopez: In italics.</i>\n\n\n\n" +
				"7\n00:00:10,000 --> 00:00:12,000 X1:40 X2:600 Y1:20 Y2:50\n{\\an8}<font color=\"#ffff00\">Ben Ortiz:</font> Top of the screen,\nover two lines.\n",
			want: []cueTurn{
				{"Ana Lopez", 1, 2, "In italics.", 4},
				{"Ben Ortiz", 10, 12, "Top of the screen, over two lines.", 10},
			},
		},
		{
			name: "dialogue lines in one cue",
			in:   "1\n00:00:01,000 --> 00:00:04,000\n- Ana Lopez: Ready?\n- Ben Ortiz: Yes.\n",
			want: []cueTurn{
				{"Ana Lopez", 1, 4, "Ready?", 3},
				{"Ben Ortiz", 1, 4, "Yes.", 4},
			},
		},
		{
			name: "no speakers",
			in:   "1\n00:00:01,000 --> 00:00:02,000\nhello\n\n2\n00:00:02,000 --> 00:00:03,000\nNote: the build is red\n",
			want: []cueTurn{
				{"", 1, 2, "hello", 3},
				{"", 2, 3, "Note: the build is red", 7},
			},
		},
		{
			name: "WebVTT blocks are text in SRT",
			in:   "NOTE this is not a comment here\n\n1\n00:00:01,000 --> 00:00:02,000\nAna: hi\n",
			want: []cueTurn{{"Ana", 1, 2, "hi", 5}},
			warnings: []string{
				"line 1: text outside any cue skipped",
			},
		},
		{
			name: "broken timing skipped with a warning",
			in: "1\n00:00:01,000 --> 00:00:02,000\nAna Lopez: kept\n\n" +
				"2\n00:00:03,000 --> 00:00:0x,000\nBen Ortiz: lost\n\n" +
				"3\n00:00:05 000 00:00:06 000\nBen Ortiz: lost\n\n" +
				"4\n00:00:07,000 --> 00:00:08,000\nBen Ortiz: kept\n",
			want: []cueTurn{{"Ana Lopez", 1, 2, "kept", 3}, {"Ben Ortiz", 7, 8, "kept", 15}},
			warnings: []string{
				"line 6: cue with unreadable timing skipped",
				"line 10: cue with unreadable timing skipped",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := parseSRT(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if p.Format != "" {
				t.Errorf("format %q, want none (srt as detected)", p.Format)
			}
			compareTurns(t, cueTurns(p), tt.want)
			if strings.Join(p.Warnings, "\n") != strings.Join(tt.warnings, "\n") {
				t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(p.Warnings, "\n"), strings.Join(tt.warnings, "\n"))
			}
		})
	}
}

func TestParseSRTErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", "no cues found"},
		{"prose", "Ana: this is a plain transcript\nBen: not subtitles\n", "no cues found"},
		{"every timing broken", "1\n00:00:01,000 --> 00:00:xx,000\nhi\n\n2\n00:00:0a,000 --> 00:00:03,000\nyo\n", "all 2 cue timings are unreadable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseSRT(tt.in)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want one containing %q", err, tt.want)
			}
			if !strings.Contains(err.Error(), "00:00:01,000 --> 00:00:04,000") {
				t.Errorf("error %q does not show an SRT timing line", err)
			}
		})
	}
}

func TestParseSRTThroughParse(t *testing.T) {
	in := "1\r\n00:00:01,000 --> 00:00:02,000\r\nAna Lopez: hi\r\n\r\n2\r\n00:00:05,000 --> 00:00:06,000\r\nBen Ortiz: yo\r\n"
	m, err := Parse([]byte(in), Options{Source: "sync.srt"})
	if err != nil {
		t.Fatal(err)
	}
	if m.Format != FormatSRT || len(m.Turns) != 2 || m.Turns[1].Speaker != "Ben Ortiz" || m.Turns[1].Line != 7 {
		t.Errorf("got %s %+v", m.Format, m.Turns)
	}
}

func FuzzParseSRT(f *testing.F) {
	for _, b := range fixtures(f, "srt-") {
		f.Add(b)
	}
	f.Add([]byte("1\n00:00:01,000 --> 00:00:02,000\n- Ana: <i>hi</i>\n{\\an8}Ben: yo\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, _, err := clean(data)
		if err == nil {
			if p, err := parseSRT(text); err == nil {
				checkCueTurns(t, text, p)
			}
		}
		_, _ = parseSRT(string(data))
		_, _ = Parse(data, Options{Format: FormatSRT})
		_, _ = Parse(data, Options{Source: "meeting.srt"})
	})
}

// genSRT writes n numbered cues with "Name: text" speakers.
func genSRT(n int) string {
	rng := rand.New(rand.NewPCG(3, 4))
	names := []string{"Ana Lopez", "Ben Ortiz", "María Farías", "Priya Natarajan"}
	words := strings.Fields("we need to ship the migration by Friday and I will send the numbers after review " +
		"can you take the on-call rota next week the release is blocked on flaky checkout tests so let's decide today")
	var b strings.Builder
	b.Grow(n * 120)
	t := 0.0
	speaker := 0
	for i := range n {
		if rng.IntN(3) == 0 {
			speaker = rng.IntN(len(names))
		}
		dur := 1.5 + rng.Float64()*4
		fmt.Fprintf(&b, "%d\n%s --> %s\n%s:", i+1, srtTime(t), srtTime(t+dur), names[speaker])
		for range 6 + rng.IntN(14) {
			b.WriteByte(' ')
			b.WriteString(words[rng.IntN(len(words))])
		}
		b.WriteString(".\n\n")
		t += dur + rng.Float64()*2
	}
	return b.String()
}

func srtTime(s float64) string {
	return strings.Replace(vttTime(s), ".", ",", 1)
}

func BenchmarkParseSRT(b *testing.B) {
	for _, c := range []struct {
		name string
		n    int
	}{{"1h", 1000}, {"50MB", 50 << 20 / 120}} {
		text := genSRT(c.n)
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := parseSRT(text); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
