package transcript

import "testing"

func TestSplitSpeakerLine(t *testing.T) {
	tests := []struct {
		line  string
		ok    bool
		label string
		start Seconds
		text  string
	}{
		{"Ana Lopez: Let's start.", true, "Ana Lopez", Unknown, "Let's start."},
		{"  Ben:   padded  ", true, "Ben", Unknown, "padded"},
		{"[00:12:31] Ana Lopez: hi", true, "Ana Lopez", 751, "hi"},
		{"00:12:31 Ana: hi", true, "Ana", 751, "hi"},
		{"00:12:31 - Ana: hi", true, "Ana", 751, "hi"},
		{"(00:12:31) Ana:", true, "Ana", 751, ""},
		{"[12:31] Ben Ortiz: ok", true, "Ben Ortiz", 751, "ok"},
		{"[1:02:10.5] Tom: late", true, "Tom", 3730.5, "late"},
		{"Ana Lopez (Contoso): text", true, "Ana Lopez", Unknown, "text"},
		{"Ana Lopez [PM]: text", true, "Ana Lopez", Unknown, "text"},
		{"Ana Lopez (00:01:02): text", true, "Ana Lopez", 62, "text"},
		{"Speaker 1: yes", true, "Speaker 1", Unknown, "yes"},
		{"SPEAKER_00: yes", true, "SPEAKER_00", Unknown, "yes"},
		{"Lopez, Ana: hola", true, "Lopez, Ana", Unknown, "hola"},
		{"Ana de la Cruz: hola", true, "Ana de la Cruz", Unknown, "hola"},
		{"Zoë Faría: hola", true, "Zoë Faría", Unknown, "hola"},
		{"Dr. Tom Weber: hi", true, "Dr. Tom Weber", Unknown, "hi"},
		{"Mary-Jane O'Neil: hi", true, "Mary-Jane O'Neil", Unknown, "hi"},
		{"Q: and the budget?", true, "Q", Unknown, "and the budget?"},
		{"Ana: one more thing: the deck", true, "Ana", Unknown, "one more thing: the deck"},
		{"Ana:\tTabbed", true, "Ana", Unknown, "Tabbed"},
		{"Action: Ben to send the deck", false, "", Unknown, ""},
		{"ACTION ITEMS: none", false, "", Unknown, ""},
		{"Note: finance needs numbers", false, "", Unknown, ""},
		{"Agenda: budget", false, "", Unknown, ""},
		{"https://example.com/x", false, "", Unknown, ""},
		{"10:30", false, "", Unknown, ""},
		{"10:30: we start", false, "", Unknown, ""},
		{"[00:12:31]", false, "", Unknown, ""},
		{"The plan: ship it", false, "", Unknown, ""},
		{"so: yes", false, "", Unknown, ""},
		{"Ben said: ok", false, "", Unknown, ""},
		{"Ana Lopez:text", false, "", Unknown, ""},
		{"Ana Lopez Maria Faria Tom Weber: too many", false, "", Unknown, ""},
		{"Q&A: later", false, "", Unknown, ""},
		{"What about this? Ana: hi", false, "", Unknown, ""},
		{"Abcdefghij Abcdefghij Abcdefghij Abcdefghij: long", false, "", Unknown, ""},
		{"Lopez,: hi", false, "", Unknown, ""},
		{":", false, "", Unknown, ""},
		{"", false, "", Unknown, ""},
		{"(", false, "", Unknown, ""},
		{"[", false, "", Unknown, ""},
		{"9", false, "", Unknown, ""},
	}
	for _, tt := range tests {
		got, ok := splitSpeakerLine(tt.line)
		if ok != tt.ok {
			t.Errorf("splitSpeakerLine(%q) ok = %v, want %v (%+v)", tt.line, ok, tt.ok, got)
			continue
		}
		if !ok {
			continue
		}
		if got.Label != tt.label || got.Start != tt.start || got.Text != tt.text {
			t.Errorf("splitSpeakerLine(%q) = %+v, want {%v %q %q}", tt.line, got, tt.start, tt.label, tt.text)
		}
	}
}

func TestIsMarkerLine(t *testing.T) {
	for in, want := range map[string]bool{
		"Action: Ben to send the deck": true,
		"ACTION ITEMS:":                true,
		"Note (scribe): later":         true,
		"Ana Lopez: hi":                false,
		"Action:item":                  false,
		"https://example.com":          false,
		"Action":                       false,
		"":                             false,
	} {
		if got := isMarkerLine(in); got != want {
			t.Errorf("isMarkerLine(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestParseClock(t *testing.T) {
	tests := []struct {
		in   string
		want Seconds
		ok   bool
	}{
		{"0:04", 4, true},
		{"58:40", 3520, true},
		{"1:02:10", 3730, true},
		{"00:12:31", 751, true},
		{"00:12:31.5", 751.5, true},
		{"00:00:05,250", 5.25, true},
		{"123:45", 7425, true},
		{"1:2", Unknown, false},
		{"12:61", Unknown, false},
		{"1:60:00", Unknown, false},
		{"1234:00", Unknown, false},
		{"1:02:10:11", Unknown, false},
		{"12:", Unknown, false},
		{":12", Unknown, false},
		{"12:34.", Unknown, false},
		{"12:34 ", Unknown, false},
		{"", Unknown, false},
		{"abc", Unknown, false},
	}
	for _, tt := range tests {
		got, ok := parseClock(tt.in)
		if ok != tt.ok || got != tt.want {
			t.Errorf("parseClock(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestIsDateLine(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Nov 18, 2026", true},
		{"Wed, Nov 18, 2026 10:02AM • 31:40", true},
		{"Tue, 11/18 10:02AM • 45:12", true},
		{"2026/11/18 10:00 GMT-8", true},
		{"18th November 2026", true},
		{"Weekly sync", false},
		{"Sprint 42", false},
		{"May planning 2026", false},
		{"November", false},
	}
	for _, tt := range tests {
		if got := isDateLine(tt.in); got != tt.want {
			t.Errorf("isDateLine(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestFindDateSlashes(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Nov 18, 2026", "2026-11-18"},
		{"18 Nov 2026", "2026-11-18"},
		{"2026-11-18", "2026-11-18"},
		{"Weekly sync - 2026/11/18 10:00 PST", "2026-11-18"},
		{"2026/13/18", ""},
		{"12026/11/18", ""},
		{"11/18/2026", ""},
	}
	for _, tt := range tests {
		if got, _ := findDate(tt.in); got != tt.want {
			t.Errorf("findDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCleanTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Weekly sync - Transcript", "Weekly sync"},
		{"Weekly sync - 2026/11/18 10:00 PST - Transcript", "Weekly sync"},
		{"Weekly sync – 2026/11/18 10:00 PST – Notes by Gemini", "Weekly sync"},
		{"Customer call – 18 Nov 2026", "Customer call"},
		{"Planning (Nov 18, 2026)", "Planning"},
		{"Retro - sprint 42", "Retro - sprint 42"},
		{"Q3-planning", "Q3-planning"},
		{"Ana Lopez (Contoso) intro", "Ana Lopez (Contoso) intro"},
		{" - Transcript", "- Transcript"},
	}
	for _, tt := range tests {
		if got := cleanTitle(tt.in); got != tt.want {
			t.Errorf("cleanTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// turnView is the part of a Turn the parser tests compare.
type turnView struct {
	Speaker    string
	Start, End Seconds
	Text       string
	Line       int
}

func viewTurns(turns []Turn) []turnView {
	out := make([]turnView, len(turns))
	for i, t := range turns {
		out[i] = turnView{t.Speaker, t.Start, t.End, t.Text, t.Line}
	}
	return out
}

// checkTurns fails the test when the parsed turns differ from want.
func checkTurns(t *testing.T, got []Turn, want []turnView) {
	t.Helper()
	g := viewTurns(got)
	if len(g) != len(want) {
		t.Fatalf("got %d turns, want %d:\n%+v", len(g), len(want), g)
	}
	for i := range g {
		if g[i] != want[i] {
			t.Errorf("turn %d = %+v\nwant     %+v", i, g[i], want[i])
		}
	}
}

// checkInvariants fails the test when a parser returns a turn no input could justify.
func checkInvariants(t *testing.T, text string, p *parsed) {
	t.Helper()
	lines := 1
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			lines++
		}
	}
	for i, tr := range p.Turns {
		if tr.Line < 1 || tr.Line > lines {
			t.Fatalf("turn %d: line %d outside 1..%d", i, tr.Line, lines)
		}
		if tr.Start != Unknown && tr.Start < 0 || tr.End != Unknown && tr.End < 0 {
			t.Fatalf("turn %d: bad times %v..%v", i, tr.Start, tr.End)
		}
		if tr.Start.Known() && tr.End.Known() && tr.End < tr.Start {
			t.Fatalf("turn %d: ends at %v before it starts at %v", i, tr.End, tr.Start)
		}
		for _, s := range tr.Spans {
			if s.Offset < 0 || s.Offset > len(tr.Text) || s.Line < tr.Line || s.Line > lines {
				t.Fatalf("turn %d: bad span %+v", i, s)
			}
		}
	}
}
