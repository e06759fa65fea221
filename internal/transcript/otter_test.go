package transcript

import (
	"fmt"
	"strings"
	"testing"
)

func TestParseOtter(t *testing.T) {
	tests := []struct {
		name        string
		in          string
		title, date string
		want        []turnView
	}{
		{
			name:  "header, sections and footer",
			in:    "Planning\nWed, Nov 18, 2026 10:02AM • 31:40\n\nSUMMARY KEYWORDS\nroadmap, beta\n\nSPEAKERS\nAna Lopez, Ben Ortiz\n\nAna Lopez  0:04\nHello.\n\nBen Ortiz  1:02:10\nHi.\nStill me.\n\nTranscribed by https://otter.ai\n",
			title: "Planning", date: "2026-11-18",
			want: []turnView{
				{"Ana Lopez", 4, 3730, "Hello.", 10},
				{"Ben Ortiz", 3730, Unknown, "Hi. Still me.", 13},
			},
		},
		{
			name: "tab separator and parenthetical",
			in:   "Ana Lopez (Contoso)\t0:04\nHello.\n",
			want: []turnView{{"Ana Lopez", 4, Unknown, "Hello.", 1}},
		},
		{
			name:  "one space is not a header",
			in:    "Ana Lopez 0:04\nHello.\n",
			title: "Ana Lopez 0:04",
		},
		{
			name: "text after a blank line continues the block",
			in:   "Speaker 1  0:00\nFirst part.\n\nSecond part.\n\nSpeaker 2  0:09\nYes.\n",
			want: []turnView{
				{"Speaker 1", 0, 9, "First part. Second part.", 1},
				{"Speaker 2", 9, Unknown, "Yes.", 6},
			},
		},
		{
			name: "time going backwards gives no end",
			in:   "Ana  1:00\nA.\n\nBen  0:30\nB.\n",
			want: []turnView{
				{"Ana", 60, Unknown, "A.", 1},
				{"Ben", 30, Unknown, "B.", 4},
			},
		},
		{
			name: "header without body",
			in:   "Ana  0:01\n\nBen  0:05\nB.\n",
			want: []turnView{
				{"Ana", 1, 5, "", 1},
				{"Ben", 5, Unknown, "B.", 3},
			},
		},
		{
			name: "bad times and labels are not headers",
			in:   "Ana  0:01\nSee you at  1:75\n12 monkeys  0:09\n",
			want: []turnView{{"Ana", 1, Unknown, "See you at  1:75 12 monkeys  0:09", 1}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := parseOtter(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if p.Title != tt.title || p.Date != tt.date {
				t.Errorf("title, date = %q, %q; want %q, %q", p.Title, p.Date, tt.title, tt.date)
			}
			checkTurns(t, p.Turns, tt.want)
			checkInvariants(t, tt.in, p)
		})
	}
}

func TestParseOtterLines(t *testing.T) {
	p, err := parseOtter("Ana  0:04\nfirst\nsecond\n\nBen  0:09\nthird\n")
	if err != nil {
		t.Fatal(err)
	}
	tr := p.Turns[0]
	if got := tr.LineOf(0); got != 2 {
		t.Errorf("first words on line %d, want 2", got)
	}
	if got := tr.LineOf(strings.Index(tr.Text, "second")); got != 3 {
		t.Errorf("second line on line %d, want 3", got)
	}
}

// otterSample builds an Otter export of about words words.
func otterSample(words int) string {
	var b strings.Builder
	b.WriteString("Generated meeting\nNov 18, 2026 10:00AM • 60:00\n\n")
	names := []string{"Ana Lopez", "Ben Ortiz", "Priya Natarajan", "Tom Weber"}
	sec := 0
	for i, n := 0, 0; n < words; i++ {
		fmt.Fprintf(&b, "%s  %d:%02d:%02d\n", names[i%len(names)], sec/3600, sec/60%60, sec%60)
		line := sentence(i)
		b.WriteString(line)
		b.WriteString("\n\n")
		n += strings.Count(line, " ") + 1
		sec += 7
	}
	b.WriteString("Transcribed by https://otter.ai\n")
	return b.String()
}

func BenchmarkParseOtter(b *testing.B) {
	text := otterSample(10000)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseOtter(text); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzParseOtter(f *testing.F) {
	for _, b := range fixtures(f, "otter-") {
		f.Add(b)
	}
	f.Add([]byte("Ana  0:04\n\nBen  1:02:10\nx\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParser(t, data, parseOtter, FormatOtter)
	})
}

// fuzzParser runs one parser on data as Parse would give it, checks its turns, and runs Parse
// with the format forced and detected. Nothing may panic.
func fuzzParser(t *testing.T, data []byte, parse parser, f Format) {
	text, _, err := clean(data)
	if err == nil {
		p, err := parse(text)
		if err != nil {
			t.Fatalf("parser error: %v", err)
		}
		checkInvariants(t, text, p)
	}
	_, _ = Parse(data, Options{Format: f})
	_, _ = Parse(data, Options{})
}
