package transcript

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// notesTurn is the part of a turn the edge-case table checks.
type notesTurn struct {
	speaker, text string
	line          int
}

func TestParseNotesEdgeCases(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		title     string
		date      string
		attendees []string
		turns     []notesTurn
	}{
		{
			name:  "bold label with colon inside",
			in:    "**Ivan Herman:** we should close it  \n… after the call\n",
			turns: []notesTurn{{"Ivan Herman", "we should close it after the call", 1}},
		},
		{
			name:  "emphasis label with colon outside and a quote",
			in:    "> *Ric*: minutes accepted\n**Ana**: fine\n",
			turns: []notesTurn{{"Ric", "minutes accepted", 1}, {"Ana", "fine", 2}},
		},
		{
			name:  "markers stay verbatim and apart",
			in:    "* SC: we agree\nACTION: SC to merge\n> ***Resolution #1: move to GTM***\n**Consensus:** try it\n",
			turns: []notesTurn{{"SC", "we agree", 1}, {"", "ACTION: SC to merge", 2}, {"", "***Resolution #1: move to GTM***", 3}, {"", "**Consensus:** try it", 4}},
		},
		{
			name:  "urls and metadata are not speakers",
			in:    "# Sync\nDate: 2026-01-05\nURL: https://example.org/x\nNote: bring laptops\nhttps://example.org/y\n",
			title: "Sync", date: "2026-01-05",
			turns: []notesTurn{{"", "Sync", 1}, {"", "Note: bring laptops https://example.org/y", 4}},
		},
		{
			name:  "sentence with a colon is not a speaker",
			in:    "We agreed on three things: scope, date, owner.\n",
			turns: []notesTurn{{"", "We agreed on three things: scope, date, owner.", 1}},
		},
		{
			name:      "present line with links, orgs and regrets",
			in:        "Present: [Sarven Capadisli](https://csarven.ca/#i) (Dokieli), Tim Berners-Lee (TBL); Tom H (https://digita.ai)\nRegrets: Henry Story\n\n* TBL: hello\n",
			attendees: []string{"Sarven Capadisli", "Tim Berners-Lee", "Tom H"},
			turns:     []notesTurn{{"TBL", "hello", 4}},
		},
		{
			name:      "attendee bullets end at the next heading",
			in:        "## Present\n* Ana Lopez\n* Ben Okafor\n\n## Topics\n* Ana: start\n",
			attendees: []string{"Ana Lopez", "Ben Okafor"},
			turns:     []notesTurn{{"", "Present", 1}, {"", "Topics", 5}, {"Ana", "start", 6}},
		},
		{
			name:  "sub-bullets join a speaker, not a plain item",
			in:    "- Decisions\n  - ship Friday\n- Ben: risky\n  - the migration\n",
			turns: []notesTurn{{"", "Decisions", 1}, {"", "ship Friday", 2}, {"Ben", "risky the migration", 3}},
		},
		{
			name:  "empty label waits for its words",
			in:    "* TB:\n* ... we should take it back\n",
			turns: []notesTurn{{"TB", "we should take it back", 2}},
		},
		{
			name:  "front matter and kramdown attributes",
			in:    "---\nlayout: minutes\ndate: 2017-06-26\ntitle: Telco\n---\n# Telco — Minutes\n{: .no_toc}\n### 1. approvals\n{: #section1}\n",
			title: "Telco", date: "2017-06-26",
			turns: []notesTurn{{"", "Telco — Minutes", 6}, {"", "1. approvals", 8}},
		},
		{
			name:  "code fences keep lines without speakers",
			in:    "```\nAna: not a speaker\n```\n",
			turns: []notesTurn{{"", "Ana: not a speaker", 2}},
		},
		{
			name:  "group labels are not people",
			in:    "All: +1\nEveryone: agreed\n",
			turns: []notesTurn{{"", "All: +1", 1}, {"", "Everyone: agreed", 2}},
		},
		{
			name:  "lower-case nick used twice is a speaker, once is not",
			in:    "mnot: first\nmnot: second\nedit: typo\n",
			turns: []notesTurn{{"mnot", "first", 1}, {"mnot", "second", 2}, {"", "edit: typo", 3}},
		},
		{
			name:  "table rows that are not attendees stay as turns",
			in:    "| Owner | Task |\n|---|---|\n| Ben | update the doc |\n",
			turns: []notesTurn{{"", "| Owner | Task |", 1}, {"", "| Ben | update the doc |", 3}},
		},
		{
			name:  "ISO date-time in a date line",
			in:    "* Date: 2021-09-29T13:00:00Z\n* SC: hi\n",
			date:  "2021-09-29",
			turns: []notesTurn{{"SC", "hi", 2}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := parseNotes(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if p.Title != tc.title && tc.title != "" {
				t.Errorf("title %q, want %q", p.Title, tc.title)
			}
			if p.Date != tc.date {
				t.Errorf("date %q, want %q", p.Date, tc.date)
			}
			var names []string
			for _, a := range p.Attendees {
				names = append(names, a.Name)
			}
			if strings.Join(names, "|") != strings.Join(tc.attendees, "|") {
				t.Errorf("attendees %q, want %q", names, tc.attendees)
			}
			var got []notesTurn
			for _, tr := range p.Turns {
				got = append(got, notesTurn{tr.Speaker, tr.Text, tr.Line})
				if tr.Start.Known() || tr.End.Known() {
					t.Errorf("turn at line %d has a time", tr.Line)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.turns) {
				t.Errorf("turns\n got %+v\nwant %+v", got, tc.turns)
			}
		})
	}
}

// TestParseNotesSpans checks that joined turns keep the line of every part.
func TestParseNotesSpans(t *testing.T) {
	p, err := parseNotes("* KK: the PR is ready\n* ... one open comment\n  wrapped here\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Turns) != 1 {
		t.Fatalf("got %d turns", len(p.Turns))
	}
	tr := p.Turns[0]
	for word, line := range map[string]int{"ready": 1, "open": 2, "wrapped": 3} {
		if got := tr.LineOf(strings.Index(tr.Text, word)); got != line {
			t.Errorf("%q on line %d, want %d", word, got, line)
		}
	}
}

// TestParseNotesResolvesInitials runs the whole pipeline: initials, first names and lower-case
// initials resolve to the listed attendees.
func TestParseNotesResolvesInitials(t *testing.T) {
	in := "Present: Sarven Capadisli, Tim Berners-Lee, Kjetil Kjernsmo\n\n* SC: a\n* TBL: b\n* Tim: c\n* kk: d\n* JZ: e\n"
	m, err := Parse([]byte(in), Options{Format: FormatNotes})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Sarven Capadisli", "Tim Berners-Lee", "Tim Berners-Lee", "Kjetil Kjernsmo", "JZ"}
	for i, tr := range m.Turns {
		if tr.Speaker != want[i] {
			t.Errorf("turn %d speaker %q, want %q", i, tr.Speaker, want[i])
		}
	}
	if !m.HasSpeakers || m.HasTimes {
		t.Errorf("HasSpeakers %v HasTimes %v", m.HasSpeakers, m.HasTimes)
	}
}

func FuzzParseNotes(f *testing.F) {
	for _, b := range fixtures(f, "notes-") {
		f.Add(b)
	}
	for _, name := range []string{"solid-meetings-2021-09-29.md", "publ-meetings-minutes-2017-2017-06-26-minutes.md", "tag-2018-10-paris-10-29-minutes.md"} {
		if b, err := os.ReadFile(filepath.Join(evalDevDir, name)); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("**:**\n* :\n|\n| a |\n---\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, _, err := clean(data)
		if err != nil {
			return
		}
		p, err := parseNotes(text)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Count(text, "\n") + 1
		for _, tr := range p.Turns {
			if tr.Line < 1 || tr.Line > lines {
				t.Fatalf("turn line %d outside 1..%d", tr.Line, lines)
			}
			if tr.Text == "" {
				t.Fatal("empty turn")
			}
		}
		_, _ = Parse(data, Options{Format: FormatNotes})
		_, _ = Parse(data, Options{Source: "x.md"})
	})
}

// BenchmarkParseNotes parses a long generated set of minutes.
func BenchmarkParseNotes(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("# Weekly call\n\n* Date: 2026-03-11\n\n## Present\n* Sarven Capadisli\n* Tim Berners-Lee\n* Kjetil Kjernsmo\n* Ana Lopez\n\n---\n\n")
	speakers := []string{"SC", "TBL", "KK", "Ana", "**Tim**", "kk"}
	for i := 0; sb.Len() < 2<<20; i++ {
		if i%20 == 0 {
			fmt.Fprintf(&sb, "\n### Topic %d\nURL: https://example.org/issues/%d\n\n", i/20, i)
		}
		fmt.Fprintf(&sb, "* %s: point %d about the storage description, the test suite and the milestone plan.\n", speakers[i%len(speakers)], i)
		if i%7 == 0 {
			sb.WriteString("* ... and a continuation of the same thought, with a [link](https://example.org).\n")
		}
		if i%31 == 0 {
			fmt.Fprintf(&sb, "\nACTION: SC to follow up on item %d.\n\n", i)
		}
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := parseNotes(text); err != nil {
			b.Fatal(err)
		}
	}
}
