package transcript

import (
	"fmt"
	"strings"
	"testing"
)

func TestParsePlain(t *testing.T) {
	tests := []struct {
		name        string
		in          string
		title, date string
		attendees   []string
		want        []turnView
	}{
		{
			name:  "header and continuation",
			in:    "Budget review\n2026-12-04\n\nTom: We are over.\nby ten percent\n\nAction: Ben to check.\nBen: OK.\n",
			title: "Budget review", date: "2026-12-04",
			want: []turnView{
				{"Tom", Unknown, Unknown, "We are over. by ten percent", 4},
				{"", Unknown, Unknown, "Action: Ben to check.", 7},
				{"Ben", Unknown, Unknown, "OK.", 8},
			},
		},
		{
			name:  "stamp forms",
			in:    "[00:12:31] Ana: a\n00:12:40 Ben: b\n(00:12:45) Ana:\nc\n[12:50] Tom: d\nPriya: e\n",
			title: "",
			want: []turnView{
				{"Ana", 751, 760, "a", 1},
				{"Ben", 760, 765, "b", 2},
				{"Ana", 765, 770, "c", 3},
				{"Tom", 770, Unknown, "d", 5},
				{"Priya", Unknown, Unknown, "e", 6},
			},
		},
		{
			name: "stamp alone starts the next turn",
			in:   "00:01:00\nAna: a\nBen: b\n",
			want: []turnView{
				{"Ana", 60, Unknown, "a", 2},
				{"Ben", Unknown, Unknown, "b", 3},
			},
		},
		{
			name:      "key value header",
			in:        "# Title: Planning\nDate: Nov 18, 2026\nAttendees: Ana Lopez, Ben Ortiz\nSome other header line\nAna Lopez (Contoso): hi\n",
			title:     "Planning",
			date:      "2026-11-18",
			attendees: []string{"Ana Lopez", "Ben Ortiz"},
			want:      []turnView{{"Ana Lopez", Unknown, Unknown, "hi", 5}},
		},
		{
			name:  "date line is not the title",
			in:    "18 Nov 2026\nStandup\nAna: hi\n",
			title: "Standup", date: "2026-11-18",
			want: []turnView{{"Ana", Unknown, Unknown, "hi", 3}},
		},
		{
			name:  "not speakers",
			in:    "Ana: see\nhttps://example.com/x\n10:30\nNote: bring the deck\n",
			title: "",
			want: []turnView{
				{"Ana", Unknown, Unknown, "see https://example.com/x", 1},
				{"", Unknown, Unknown, "Note: bring the deck", 4},
			},
		},
		{
			name:  "only a header",
			in:    "Just a title\n",
			title: "Just a title",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := parsePlain(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if p.Title != tt.title || p.Date != tt.date {
				t.Errorf("title, date = %q, %q; want %q, %q", p.Title, p.Date, tt.title, tt.date)
			}
			var names []string
			for _, a := range p.Attendees {
				names = append(names, a.Name)
			}
			if strings.Join(names, "|") != strings.Join(tt.attendees, "|") {
				t.Errorf("attendees = %q, want %q", names, tt.attendees)
			}
			checkTurns(t, p.Turns, tt.want)
			checkInvariants(t, tt.in, p)
		})
	}
}

func TestParsePlainLines(t *testing.T) {
	p, err := parsePlain("Ana:\nfirst\n\nsecond\nBen: x\n")
	if err != nil {
		t.Fatal(err)
	}
	tr := p.Turns[0]
	if tr.Line != 1 || tr.LineOf(0) != 2 || tr.LineOf(strings.Index(tr.Text, "second")) != 4 {
		t.Errorf("turn %+v: lines %d, %d", tr, tr.LineOf(0), tr.LineOf(strings.Index(tr.Text, "second")))
	}
}

func TestParsersGarbage(t *testing.T) {
	inputs := []string{
		"", "\n", "\n\n\n", ":", "::::", "[", "(", "[]", "()", "[00:00:00", "(00:00)", "0:", "00:00:00",
		"Transcript", "Notes", "Transcription ended after", "Transcription ended after 99:99:99",
		"Ana  ", "  0:00", "A  0:00", "Ana:", "\u00a0", "\xff\xfe", "🙂: hi", "Ana (: x", "Ana ): x",
		strings.Repeat("Ana: ", 1000), strings.Repeat("(", 500) + ":", strings.Repeat("9", 300) + " Ana: x",
		"Ana: x\n" + strings.Repeat("a long turn goes on\n", 200000),
		"Ana  0:01\n" + strings.Repeat("a long block goes on\n", 200000),
	}
	for _, in := range inputs {
		for name, parse := range map[string]parser{"otter": parseOtter, "meet": parseMeet, "plain": parsePlain} {
			p, err := parse(in)
			if err != nil {
				t.Errorf("%s(%q): %v", name, in, err)
				continue
			}
			checkInvariants(t, in, p)
		}
	}
}

// sentence returns the i-th of a few meeting sentences, about twelve words each.
func sentence(i int) string {
	s := [...]string{
		"Okay, let's go through the release status and then the hiring plan.",
		"I can have the estimate ready by Friday if nobody changes the scope again.",
		"Who is going to tell the analytics team about the retention change?",
		"We decided to keep ninety days hot and move the rest to cold storage.",
		"Because the beta would hit exactly the queries that are slow today, it waits.",
		"I'll send the summary to the team channel this afternoon, with the owners.",
	}
	return s[i%len(s)]
}

// plainSample builds a stamped plain transcript of at least size bytes.
func plainSample(size int) string {
	var b strings.Builder
	b.Grow(size + 200)
	b.WriteString("Generated meeting\nNov 18, 2026\n\n")
	names := []string{"Ana Lopez", "Ben Ortiz", "Priya Natarajan", "Tom Weber"}
	sec := 0
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "[%02d:%02d:%02d] %s: %s\n", sec/3600, sec/60%60, sec%60, names[i%len(names)], sentence(i))
		if i%5 == 4 {
			b.WriteString(sentence(i + 1))
			b.WriteByte('\n')
		}
		sec = (sec + 7) % (100 * 3600)
	}
	return b.String()
}

func BenchmarkParsePlain(b *testing.B) {
	// A one-hour meeting of about 10,000 words is about 70 KB.
	for _, bc := range []struct {
		name string
		size int
	}{{"hour", 70 << 10}, {"50MB", 50 << 20}} {
		text := plainSample(bc.size)
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := parsePlain(text); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func FuzzParsePlain(f *testing.F) {
	for _, b := range fixtures(f, "plain-") {
		f.Add(b)
	}
	f.Add([]byte("Title: x\n[00:00:01] Ana (Contoso): hi\n00:00:02\nBen:\nmore\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParser(t, data, parsePlain, FormatPlain)
	})
}
