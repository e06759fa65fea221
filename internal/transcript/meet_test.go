package transcript

import (
	"fmt"
	"strings"
	"testing"
)

func TestParseMeet(t *testing.T) {
	tests := []struct {
		name        string
		in          string
		title, date string
		attendees   []string
		want        []turnView
	}{
		{
			name:  "markers start only the next turn",
			in:    "Weekly sync - Transcript\nNov 18, 2026\n\nTranscript\n00:00:00\n \nAna: one\nBen: two\n00:01:26\n\u00a0\nAna: three\nBen: four\n\nTranscription ended after 00:02:00\n\nThis editable transcript was computer generated.\nZed: not a turn\n",
			title: "Weekly sync", date: "2026-11-18",
			want: []turnView{
				{"Ana", 0, Unknown, "one", 7},
				{"Ben", Unknown, Unknown, "two", 8},
				{"Ana", 86, Unknown, "three", 11},
				{"Ben", Unknown, 120, "four", 12},
			},
		},
		{
			name:  "day month year",
			in:    "Sync\n18 Nov 2026\n00:00:00\nAna: hi\n",
			title: "Sync", date: "2026-11-18",
			want: []turnView{{"Ana", 0, Unknown, "hi", 4}},
		},
		{
			name:  "ISO date",
			in:    "Sync\n2026-11-18\n00:00:00\nAna: hi\n",
			title: "Sync", date: "2026-11-18",
			want: []turnView{{"Ana", 0, Unknown, "hi", 4}},
		},
		{
			name:  "slashed date in the title",
			in:    "Sync - 2026/11/18 10:00 PST - Transcript\nAttendees: Ana Lopez, Ben Ortiz\nAna: hi\n",
			title: "Sync", date: "2026-11-18", attendees: []string{"Ana Lopez", "Ben Ortiz"},
			want: []turnView{{"Ana", Unknown, Unknown, "hi", 3}},
		},
		{
			name:      "attendees heading",
			in:        "Sync - Transcript\nAttendees\nAna Lopez, Ben Ortiz (Contoso)\nTranscript\n00:00:00\nAna Lopez: hi\n",
			title:     "Sync",
			attendees: []string{"Ana Lopez", "Ben Ortiz"},
			want:      []turnView{{"Ana Lopez", 0, Unknown, "hi", 6}},
		},
		{
			name:      "gemini notes are skipped",
			in:        "📝 Notes\nDec 2, 2026\nDesign review\nInvited Ana Lopez, Ben Ortiz\n\nSummary\nBen Ortiz: will estimate.\nAna Lopez: decided to ship.\n\n📖 Transcript\nDec 2, 2026\nDesign review - Transcript\n00:00:00\nAna Lopez: Thanks.\n",
			title:     "Design review",
			date:      "2026-12-02",
			attendees: []string{"Ana Lopez", "Ben Ortiz"},
			want:      []turnView{{"Ana Lopez", 0, Unknown, "Thanks.", 14}},
		},
		{
			name:  "a block marker ends gemini notes whose transcript heading was lost",
			in:    "Design review – 2026/12/02 10:00 CET – Notes by Gemini\nNotes\nSummary\nBen Ortiz: will estimate.\n\nDesign review - Transcript\n00:00:00\nAna Lopez: Thanks.\nBen Ortiz: Sure.\n",
			title: "Design review", date: "2026-12-02",
			want: []turnView{{"Ana Lopez", 0, Unknown, "Thanks.", 8}, {"Ben Ortiz", Unknown, Unknown, "Sure.", 9}},
		},
		{
			name:  "a title with a colon is not a speaker",
			in:    "Design Review: Settings - Transcript\n00:00:00\nAna: hi\nwrapped line\n",
			title: "Design Review: Settings",
			want:  []turnView{{"Ana", 0, Unknown, "hi wrapped line", 3}},
		},
		{
			name: "footer before the last marker gives no end",
			in:   "00:05:00\nAna: hi\nTranscription ended after 00:01:00\n",
			want: []turnView{{"Ana", 300, Unknown, "hi", 2}},
		},
		{
			name: "no transcript",
			in:   "Notes\nSummary\nAna: hi\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := parseMeet(tt.in)
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

// meetSample builds a Meet transcript of about words words with a marker every ten turns.
func meetSample(words int) string {
	var b strings.Builder
	b.WriteString("Generated meeting - Transcript\nNov 18, 2026\n\nAttendees\nAna Lopez, Ben Ortiz, Priya Natarajan, Tom Weber\n\nTranscript\n")
	names := []string{"Ana Lopez", "Ben Ortiz", "Priya Natarajan", "Tom Weber"}
	sec := 0
	for i, n := 0, 0; n < words; i++ {
		if i%10 == 0 {
			fmt.Fprintf(&b, "%02d:%02d:%02d\n \n", sec/3600, sec/60%60, sec%60)
		}
		line := sentence(i)
		fmt.Fprintf(&b, "%s: %s\n", names[i%len(names)], line)
		n += strings.Count(line, " ") + 1
		sec += 7
	}
	fmt.Fprintf(&b, "\nTranscription ended after %02d:%02d:%02d\n", sec/3600, sec/60%60, sec%60)
	return b.String()
}

func BenchmarkParseMeet(b *testing.B) {
	text := meetSample(10000)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseMeet(text); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzParseMeet(f *testing.F) {
	for _, b := range fixtures(f, "meet-") {
		f.Add(b)
	}
	f.Add([]byte("Notes\nx\nTranscript\n00:00:00\nAna: hi\nTranscription ended after 00:00:01\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParser(t, data, parseMeet, FormatMeet)
	})
}
