package transcript

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// cueTurn is the part of a turn the cue parser tests compare.
type cueTurn struct {
	Speaker    string
	Start, End Seconds
	Text       string
	Line       int
}

func cueTurns(p *parsed) []cueTurn {
	out := make([]cueTurn, len(p.Turns))
	for i, t := range p.Turns {
		out[i] = cueTurn{t.Speaker, t.Start, t.End, t.Text, t.Line}
	}
	return out
}

func compareTurns(t *testing.T, got []cueTurn, want []cueTurn) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d turns, want %d:\n%s", len(got), len(want), dumpTurns(got))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("turn %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
}

func dumpTurns(ts []cueTurn) string {
	var b strings.Builder
	for _, t := range ts {
		fmt.Fprintf(&b, "  %+v\n", t)
	}
	return b.String()
}

func TestScanTimecode(t *testing.T) {
	tests := []struct {
		in   string
		want Seconds
		n    int
		ok   bool
	}{
		{"01:02:03.450", 3723.45, 12, true},
		{"02:03.450", 123.45, 9, true},
		{"00:00:05,000 --> x", 5, 12, true},
		{"1:02:10", 3730, 7, true},
		{"00:00:01.5", 1.5, 10, true},
		{"00:00:01.123456", 1.123, 15, true},
		{"123:00:00.000", 442800, 13, true},
		{"75:00.000", 4500, 9, true},
		{"00:00:01.", 1, 8, true},
		{"", Unknown, 0, false},
		{"abc", Unknown, 0, false},
		{"12", Unknown, 0, false},
		{"00:0:01.000", Unknown, 0, false},
		{"00:60:00.000", Unknown, 0, false},
		{"00:00:61.000", Unknown, 0, false},
		{"00:00:01:12", Unknown, 0, false},
		{"9999999999:00", Unknown, 0, false},
		{":00:01", Unknown, 0, false},
	}
	for _, tt := range tests {
		got, n, ok := scanTimecode(tt.in)
		if got != tt.want || n != tt.n || ok != tt.ok {
			t.Errorf("scanTimecode(%q) = %v, %d, %v; want %v, %d, %v", tt.in, got, n, ok, tt.want, tt.n, tt.ok)
		}
	}
	if s, ok := parseTimecode("  00:01.250 "); !ok || s != 1.25 {
		t.Errorf("parseTimecode with spaces = %v, %v", s, ok)
	}
	if _, ok := parseTimecode("00:01.250x"); ok {
		t.Error("parseTimecode accepted trailing text")
	}
}

func TestParseTiming(t *testing.T) {
	tests := []struct {
		in         string
		start, end Seconds
		ok         bool
	}{
		{"00:00:01.000 --> 00:00:04.000", 1, 4, true},
		{"00:00:01.000 --> 00:00:04.000 align:start position:10%", 1, 4, true},
		{"00:01.000-->00:04.000", 1, 4, true},
		{"  00:00:01,000  -->  00:00:04,000  ", 1, 4, true},
		{"00:00:05.000 --> 00:00:04.000", 5, 5, true},
		{"00:00:01.000 --> 00:00:04.000x", Unknown, Unknown, false},
		{"00:00:01.000 -> 00:00:04.000", Unknown, Unknown, false},
		{"00:00:01.000 --> ", Unknown, Unknown, false},
		{"aa:00:01.000 --> 00:00:04.000", Unknown, Unknown, false},
		{"-->", Unknown, Unknown, false},
	}
	for _, tt := range tests {
		s, e, ok := parseTiming(tt.in)
		if s != tt.start || e != tt.end || ok != tt.ok {
			t.Errorf("parseTiming(%q) = %v, %v, %v; want %v, %v, %v", tt.in, s, e, ok, tt.start, tt.end, tt.ok)
		}
	}
}

func TestCleanCueLabel(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ana Lopez", "Ana Lopez"},
		{"  Ana   Lopez ", "Ana Lopez"},
		{"Lopez, Ana (Contoso)", "Ana Lopez"},
		{"Lopez, Ana", "Ana Lopez"},
		{"Ana Lopez (Guest)", "Ana Lopez"},
		{"Ana Lopez (Contoso) (Guest)", "Ana Lopez"},
		{"Ana Lopez [External]", "Ana Lopez"},
		{"Far&#237;as, Mar&#237;a", "María Farías"},
		{"Ben &amp; Co", "Ben & Co"},
		{"Ana/Ben", "Ana/Ben"},
		{"Lopez, Ana/Ortiz, Ben", "Lopez, Ana/Ortiz, Ben"},
		{"Lena/Kofi (Contoso)", "Lena/Kofi"},
		{"(Guest)", "(Guest)"},
		{"Lopez, Ana, PhD", "Lopez, Ana, PhD"},
		{",Ana", ",Ana"},
	}
	for _, tt := range tests {
		if got := cleanCueLabel(tt.in); got != tt.want {
			t.Errorf("cleanCueLabel(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTeamsID(t *testing.T) {
	tests := []struct {
		in   string
		key  string
		part int
	}{
		{"3f2a9c1e-5c3d-4b8e-9f1a-2b3c4d5e6f70/17-0", "3f2a9c1e-5c3d-4b8e-9f1a-2b3c4d5e6f70/17", 0},
		{"3f2a9c1e-5c3d-4b8e-9f1a-2b3c4d5e6f70/17-12", "3f2a9c1e-5c3d-4b8e-9f1a-2b3c4d5e6f70/17", 12},
		{"17", "", 0},
		{"a-b/c", "", 0},
		{"3f2a/17-", "", 0},
		{"3f2a-1/17", "", 0},
		{"", "", 0},
	}
	for _, tt := range tests {
		key, part := teamsID(tt.in)
		if key != tt.key || part != tt.part {
			t.Errorf("teamsID(%q) = %q, %d; want %q, %d", tt.in, key, part, tt.key, tt.part)
		}
	}
}

func TestParseVTT(t *testing.T) {
	const id = "3f2a9c1e-5c3d-4b8e-9f1a-2b3c4d5e6f70/"
	tests := []struct {
		name     string
		in       string
		format   Format
		title    string
		date     string
		want     []cueTurn
		warnings []string
	}{
		{
			name:   "zoom merges one speaker's cues under the gap",
			format: FormatZoomVTT,
			in: "WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\nAna Lopez: One,\n\n" +
				"2\n00:00:04.400 --> 00:00:05.000\nAna Lopez: two.\n\n" +
				"3\n00:00:06.500 --> 00:00:07.000\nAna Lopez: Three, after a pause.\n\n" +
				"4\n00:00:07.200 --> 00:00:08.000\nBen Ortiz: Mine.\n\n" +
				"5\n00:00:08.100 --> 00:00:09.000\nAna Lopez: Back to me.\n",
			want: []cueTurn{
				{"Ana Lopez", 1, 5, "One, two.", 5},
				{"Ana Lopez", 6.5, 7, "Three, after a pause.", 13},
				{"Ben Ortiz", 7.2, 8, "Mine.", 17},
				{"Ana Lopez", 8.1, 9, "Back to me.", 21},
			},
		},
		{
			name:   "overlapping speakers stay apart with their own times",
			format: FormatZoomVTT,
			in: "WEBVTT\n\n00:00:01.000 --> 00:00:06.000\nAna Lopez: I think we should\n\n" +
				"00:00:04.000 --> 00:00:05.000\nBen Ortiz: No, wait.\n\n" +
				"00:00:05.500 --> 00:00:07.000\nAna Lopez: ship it.\n",
			want: []cueTurn{
				{"Ana Lopez", 1, 6, "I think we should", 4},
				{"Ben Ortiz", 4, 5, "No, wait.", 7},
				{"Ana Lopez", 5.5, 7, "ship it.", 10},
			},
		},
		{
			name:   "remarks, links and times are not speakers",
			format: FormatZoomVTT,
			in: "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nAna Lopez: Listen.\nNote: the build is red\n\n" +
				"00:00:10.000 --> 00:00:11.000\nhttps://example.com/x is the doc\n\n" +
				"00:00:20.000 --> 00:00:21.000\n10:30: works\n\n" +
				"00:00:30.000 --> 00:00:31.000\nThanks Ana. Next: budget\n",
			want: []cueTurn{
				{"Ana Lopez", 1, 2, "Listen. Note: the build is red", 4},
				{"", 10, 11, "https://example.com/x is the doc", 8},
				{"", 20, 21, "10:30: works", 11},
				{"", 30, 31, "Thanks Ana. Next: budget", 14},
			},
		},
		{
			name:   "a speaker prefix on a later line of a cue changes speaker",
			format: FormatZoomVTT,
			in: "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nAna Lopez: Ready?\n- Ben Ortiz: Yes.\n" +
				"Speaker 3:\nme too\n",
			want: []cueTurn{
				{"Ana Lopez", 1, 4, "Ready?", 4},
				{"Ben Ortiz", 1, 4, "Yes.", 5},
				{"Speaker 3", 1, 4, "me too", 7},
			},
		},
		{
			name:   "teams voices, continuations and cleaned names",
			format: FormatTeamsVTT,
			in: "WEBVTT\n\n" + id + "1-0\n00:00:01.000 --> 00:00:02.000\n<v Lopez, Ana (Contoso)>First\nline.</v>\n\n" +
				id + "1-1\n00:00:05.000 --> 00:00:06.000\n<v Lopez, Ana (Contoso)>Continued after a long gap.</v>\n\n" +
				id + "1-2\n00:00:06.000 --> 00:00:07.000\nNo voice tag, still Ana.\n\n" +
				id + "2-0\n00:00:07.000 --> 00:00:08.000\n<v.loud.first Far&#237;as, Mar&#237;a>Loud &amp; clear\n\n" +
				id + "2-1\n00:00:08.000 --> 00:00:09.000\n<v Ben Ortiz (Guest)>A different voice does not continue.</v>\n",
			want: []cueTurn{
				{"Ana Lopez", 1, 7, "First line. Continued after a long gap. No voice tag, still Ana.", 5},
				{"María Farías", 7, 8, "Loud & clear", 18},
				{"Ben Ortiz", 8, 9, "A different voice does not continue.", 22},
			},
		},
		{
			name:   "several voices in one cue and tags stripped",
			format: FormatTeamsVTT,
			in: "WEBVTT\n\n00:00:01.000 --> 00:00:03.000 align:start position:10%\n" +
				"<v Ana>Yes.</v> <v Ben>No.</v><v Ana>Maybe.\n<v Ben><c.yellow>Fine</c>, <b>b</b><i>i</i><u>u</u> <00:00:02.000>x &lt;y&gt; 1 < 2\n",
			want: []cueTurn{
				{"Ana", 1, 3, "Yes.", 4},
				{"Ben", 1, 3, "No.", 4},
				{"Ana", 1, 3, "Maybe.", 4},
				{"Ben", 1, 3, "Fine, biu x <y> 1 < 2", 5},
			},
		},
		{
			name:   "empty voice and empty cues",
			format: FormatVTT,
			in: "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v>Nobody in particular.</v>\n\n" +
				"00:00:03.000 --> 00:00:04.000\n\n00:00:05.000 --> 00:00:06.000\n<v Ana></v>\n",
			want: []cueTurn{
				{"", 1, 2, "Nobody in particular.", 4},
			},
		},
		{
			name:   "header, notes, style and region blocks, hour-less times",
			format: FormatTeamsVTT,
			title:  "Weekly sync",
			date:   "2026-11-18",
			in: "WEBVTT - Weekly sync\nKind: captions\n\nNOTE one line\n\nNOTE\nrecorded 2026-11-18\nsecond line\n\n" +
				"STYLE\n::cue { color: red }\n\nREGION\nid:r1\n\n" +
				"00:01.000 --> 00:02.500\n<v Ana Lopez>Hi.\n\nNOTE between cues\n\n01:02.500 --> 01:03.000\n<v Ben Ortiz>Late.\n",
			want: []cueTurn{
				{"Ana Lopez", 1, 2.5, "Hi.", 17},
				{"Ben Ortiz", 62.5, 63, "Late.", 22},
			},
		},
		{
			name:   "no header and no blank lines between cues",
			format: FormatZoomVTT,
			in: "1\n00:00:01.000 --> 00:00:02.000\nAna Lopez: one\n2\n00:00:05.000 --> 00:00:06.000\nBen Ortiz: two\n" +
				"00:00:07.000 --> 00:00:08.000\nAna Lopez: three\n",
			want: []cueTurn{
				{"Ana Lopez", 1, 2, "one", 3},
				{"Ben Ortiz", 5, 6, "two", 6},
				{"Ana Lopez", 7, 8, "three", 8},
			},
		},
		{
			name:   "a cue right after the header line",
			format: FormatVTT,
			in:     "WEBVTT\n00:00:01.000 --> 00:00:02.000\nhello\n",
			want:   []cueTurn{{"", 1, 2, "hello", 3}},
		},
		{
			name:   "plain captions keep one turn per cue",
			format: FormatVTT,
			in:     "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhello\n\n00:00:02.000 --> 00:00:03.000\nagain\n",
			want:   []cueTurn{{"", 1, 2, "hello", 4}, {"", 2, 3, "again", 7}},
		},
		{
			name:   "unlabelled cue in a zoom file has no speaker",
			format: FormatZoomVTT,
			in: "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nAna Lopez: hi\n\n" +
				"00:00:02.100 --> 00:00:03.000\n(inaudible)\n",
			want: []cueTurn{{"Ana Lopez", 1, 2, "hi", 4}, {"", 2.1, 3, "(inaudible)", 7}},
		},
		{
			name:   "broken timings are skipped with a warning",
			format: FormatZoomVTT,
			in: "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nAna Lopez: fine\n\n" +
				"2\n00:00:xx.000 --> 00:00:03.000\nBen Ortiz: lost\n\n" +
				"3\n00:00:04.000 - 00:00:05.000\nBen Ortiz: lost too\n\n" +
				"stray text\n\n" +
				"4\n00:00:06.000 --> 00:00:07.000\nBen Ortiz: kept\n",
			want: []cueTurn{{"Ana Lopez", 1, 2, "fine", 5}, {"Ben Ortiz", 6, 7, "kept", 19}},
			warnings: []string{
				"line 8: cue with unreadable timing skipped",
				"line 12: cue with unreadable timing skipped",
				"line 15: text outside any cue skipped",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := parseVTT(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if p.Format != tt.format {
				t.Errorf("format %q, want %q", p.Format, tt.format)
			}
			if p.Title != tt.title || p.Date != tt.date {
				t.Errorf("title, date = %q, %q; want %q, %q", p.Title, p.Date, tt.title, tt.date)
			}
			compareTurns(t, cueTurns(p), tt.want)
			if strings.Join(p.Warnings, "\n") != strings.Join(tt.warnings, "\n") {
				t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(p.Warnings, "\n"), strings.Join(tt.warnings, "\n"))
			}
		})
	}
}

func TestParseVTTErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"only a header", "WEBVTT\n\nNOTE nothing here\n", "no cues found"},
		{"not vtt at all", "hello\nworld\n", "no cues found"},
		{"every timing broken", "WEBVTT\n\n1\n00:00:0x.000 --> 00:00:02.000\nAna: hi\n\n2\nsoon --> later\nBen: yo\n", "all 2 cue timings are unreadable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseVTT(tt.in)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestParseVTTWarningsAreCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nAna Lopez: hi\n\n")
	for range 50 {
		b.WriteString("00:00:xx.000 --> 00:00:01.000\nBen: lost\n\n")
	}
	p, err := parseVTT(b.String())
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Warnings) != maxCueWarnings+1 || !strings.HasPrefix(p.Warnings[maxCueWarnings], "40 more") {
		t.Errorf("warnings: %q", p.Warnings)
	}
}

func TestParseVTTSpans(t *testing.T) {
	in := "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nAna Lopez: one\ntwo\n\n00:00:02.500 --> 00:00:03.000\nAna Lopez: three\n"
	p, err := parseVTT(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Turns) != 1 {
		t.Fatalf("turns: %+v", p.Turns)
	}
	tu := p.Turns[0]
	for _, c := range []struct {
		word string
		line int
	}{{"one", 4}, {"two", 5}, {"three", 8}} {
		if got := tu.LineOf(strings.Index(tu.Text, c.word)); got != c.line {
			t.Errorf("LineOf(%q) = %d, want %d", c.word, got, c.line)
		}
	}
	// The spans must be the ones Turn.Join would have made.
	want := Turn{Text: "one", Line: 4}
	want.Join("two", 5)
	want.Join("three", 8)
	if tu.Text != want.Text || fmt.Sprint(tu.Spans) != fmt.Sprint(want.Spans) {
		t.Errorf("got %q %v, want %q %v", tu.Text, tu.Spans, want.Text, want.Spans)
	}
}

func TestParseVTTThroughParse(t *testing.T) {
	in := "\xef\xbb\xbfWEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\n<v Lopez, Ana (Contoso)>Hi.</v>\r\n\r\n" +
		"00:00:02.500 --> 00:00:03.000\r\n<v Ana Lopez>Again.</v>\r\n"
	m, err := Parse([]byte(in), Options{Source: "sync.vtt"})
	if err != nil {
		t.Fatal(err)
	}
	if m.Format != FormatTeamsVTT || len(m.Turns) != 1 || m.Turns[0].Speaker != "Ana Lopez" || m.Turns[0].Line != 4 {
		t.Errorf("got %s %+v", m.Format, m.Turns)
	}
	if _, err := Parse([]byte("WEBVTT\n\n1\nbroken --> timing\nAna: hi\n"), Options{}); err == nil {
		t.Error("a file of broken cues parsed without error")
	}
}

// TestCueGarbage feeds odd inputs to both cue parsers: they may fail but must not panic, and
// every turn they return must be well formed.
func TestCueGarbage(t *testing.T) {
	inputs := []string{
		"", "\n", "-->", "WEBVTT", "WEBVTT\n\n-->\n", "<v", "<", ">", "<>", "</>", "&", "&#", "&#x;",
		"00:00.000 --> 00:01.000\n<v", "00:00.000 --> 00:01.000\n<v >", "00:00.000 --> 00:01.000\n<v.>x",
		"00:00.000 --> 00:01.000\n<00:00:00.000>", "00:00.000 --> 00:01.000\n:", "00:00.000 --> 00:01.000\n: x",
		"00:00.000 --> 00:01.000\n- : x", "00:00.000 --> 00:01.000\n{\\an8", "00:00.000 --> 00:01.000\n{\\an8}",
		"NOTE", "STYLE -->", "1\n2\n3\n-->\n-->", "x/1-1\n00:00.000 --> 00:01.000\ny\nx/1-1\n00:00.000 --> 00:01.000\n",
		"00:00.000 --> 00:01.000\n\xff\xfe", "00:00.000 --> 99999999:00.000\nx", strings.Repeat("<v a>", 1000),
		"00:00.000 --> 00:01.000\n" + strings.Repeat("Ana: ", 1000),
	}
	for _, in := range inputs {
		for _, parse := range []parser{parseVTT, parseSRT} {
			p, err := parse(in)
			if err != nil {
				continue
			}
			checkCueTurns(t, in, p)
		}
	}
}

func checkCueTurns(t *testing.T, in string, p *parsed) {
	t.Helper()
	lines := strings.Count(in, "\n") + 1
	for _, tu := range p.Turns {
		if tu.Text == "" || tu.Line < 1 || tu.Line > lines || !tu.Start.Known() || tu.End < tu.Start {
			t.Errorf("input %q: bad turn %+v", in, tu)
		}
		last := 0
		for _, s := range tu.Spans {
			if s.Offset < last || s.Offset > len(tu.Text) || s.Line < tu.Line || s.Line > lines {
				t.Errorf("input %q: bad span %+v in %+v", in, s, tu)
				break
			}
			last = s.Offset
		}
	}
}

func FuzzParseVTT(f *testing.F) {
	for _, b := range fixtures(f, "vtt-") {
		f.Add(b)
	}
	f.Add([]byte("WEBVTT\n\nx/1-1\n00:00.000 --> 00:01.000\n<v.a Ana>hi &amp; <c>yo</c>\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, _, err := clean(data)
		if err == nil {
			if p, err := parseVTT(text); err == nil {
				checkCueTurns(t, text, p)
			}
		}
		_, _ = parseVTT(string(data))
		_, _ = Parse(data, Options{Format: FormatVTT})
		_, _ = Parse(data, Options{Source: "meeting.vtt"})
	})
}

// genTeamsVTT writes a Teams transcript of n cues: five people, continuation ids, voice tags
// with "Last, First (Org)" names and entities, some overlaps.
func genTeamsVTT(n int) string {
	rng := rand.New(rand.NewPCG(1, 2))
	names := []string{"Lopez, Ana (Contoso)", "Ortiz, Ben (Contoso)", "Far&#237;as, Mar&#237;a (Contoso)", "Natarajan, Priya (Guest)", "Weber, Tom"}
	words := strings.Fields("we need to ship the migration by Friday and I will send the numbers after review " +
		"can you take the on-call rota next week the release is blocked on flaky checkout tests so let's decide today")
	var b strings.Builder
	b.Grow(n * 160)
	b.WriteString("WEBVTT\n\n")
	t := 0.0
	utt, part, speaker := 0, 0, 0
	for range n {
		if part == 0 || rng.IntN(3) == 0 {
			utt++
			part = 0
			speaker = rng.IntN(len(names))
		}
		dur := 1.5 + rng.Float64()*4
		start := t
		if rng.IntN(10) == 0 {
			start -= 0.8 // an interruption
		}
		fmt.Fprintf(&b, "3f2a9c1e-5c3d-4b8e-9f1a-2b3c4d5e6f70/%d-%d\n%s --> %s\n<v %s>", utt, part,
			vttTime(start), vttTime(t+dur), names[speaker])
		k := 6 + rng.IntN(14)
		for i := range k {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[rng.IntN(len(words))])
		}
		b.WriteString(".</v>\n\n")
		part++
		t += dur + rng.Float64()*2
	}
	return b.String()
}

func vttTime(s float64) string {
	if s < 0 {
		s = 0
	}
	ms := int(s * 1000)
	return fmt.Sprintf("%02d:%02d:%02d.%03d", ms/3600000, ms/60000%60, ms/1000%60, ms%1000)
}

func BenchmarkParseVTT(b *testing.B) {
	hour := genTeamsVTT(1000)
	big := genTeamsVTT(50 << 20 / 175)
	for _, c := range []struct {
		name string
		text string
	}{{"teams-1h", hour}, {"teams-50MB", big}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.text)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := parseVTT(c.text); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestTeamsContinuationAfterAnOverlap(t *testing.T) {
	in := "WEBVTT\n\nabc/1-0\n00:00:01.000 --> 00:00:04.000\n<v Ana Lopez>I think we should ship the beta</v>\n\n" +
		"abc/2-0\n00:00:02.000 --> 00:00:03.000\n<v Ben Ortiz>Yes.</v>\n\n" +
		"abc/1-1\n00:00:04.000 --> 00:00:06.000\n<v Ana Lopez>on the fourteenth, not earlier.</v>\n"
	m, err := Parse([]byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Turns) != 2 {
		t.Fatalf("got %d turns, want Ana's utterance whole and Ben's overlap: %+v", len(m.Turns), m.Turns)
	}
	ana := m.Turns[0]
	if ana.Text != "I think we should ship the beta on the fourteenth, not earlier." || ana.Start != 1 || ana.End != 6 {
		t.Errorf("Ana's turn %+v", ana)
	}
	if ana.LineOf(strings.Index(ana.Text, "on the fourteenth")) != 13 {
		t.Errorf("the continuation is not cited on its own line 13: %+v", ana.Spans)
	}
}
