package report

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/debrief-cli/debrief/internal/golden"

	"github.com/debrief-cli/debrief/internal/analyze"
	"github.com/debrief-cli/debrief/internal/transcript"
)

// meeting builds a meeting from lines "[HH:MM:SS ]Speaker: text", one turn per input line
// (line i+1). A line without a "Name: " prefix has no speaker; without a time, no times.
// Each turn ends where the next starts; the last lasts ten seconds.
func meeting(source string, format transcript.Format, date string, attendees []string, lines ...string) *transcript.Meeting {
	m := &transcript.Meeting{Source: source, Format: format, Date: date}
	for _, a := range attendees {
		m.Attendees = append(m.Attendees, transcript.Person{Name: a, Aliases: []string{}})
	}
	for i, l := range lines {
		t := transcript.Turn{Start: transcript.Unknown, End: transcript.Unknown, Line: i + 1}
		if len(l) > 9 && l[2] == ':' && l[5] == ':' && l[8] == ' ' {
			h, mi, s := atoi(l[0:2]), atoi(l[3:5]), atoi(l[6:8])
			t.Start = transcript.Seconds(h*3600 + mi*60 + s)
			l = l[9:]
			m.HasTimes = true
		}
		if k := strings.Index(l, ": "); k > 0 && k < 30 {
			t.Speaker, l = l[:k], l[k+2:]
			m.HasSpeakers = true
		}
		t.Text = l
		m.Turns = append(m.Turns, t)
	}
	for i := range m.Turns {
		if !m.Turns[i].Start.Known() {
			continue
		}
		if i+1 < len(m.Turns) {
			m.Turns[i].End = m.Turns[i+1].Start
		} else {
			m.Turns[i].End = m.Turns[i].Start + 10
		}
	}
	return m
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

// ev cites the part quote of the turn on line.
func ev(m *transcript.Meeting, line int, quote string) []analyze.Evidence {
	for _, t := range m.Turns {
		if t.Line == line {
			if quote != "" && !strings.Contains(t.Text, quote) {
				panic("fixture quote " + quote + " is not on line " + t.Text)
			}
			return []analyze.Evidence{analyze.EvidenceFor(t, quote)}
		}
	}
	panic("fixture has no line")
}

// finish numbers the findings, adds the limits and the coaching, as an engine does.
func finish(f *analyze.Findings, me string) *analyze.Findings {
	analyze.Number(f)
	f.Limits = analyze.Limits(f.Meeting)
	analyze.Coach(f, analyze.Options{Me: me})
	return f
}

// standup is a daily stand-up with commitments: one dated, one assigned and never accepted,
// one with no date; the report speaks to Ana.
func standup() *analyze.Findings {
	m := meeting("/home/ana/meetings/2026-11-18 standup.vtt", transcript.FormatZoomVTT, "2026-11-18",
		[]string{"Ana Lopez", "Ben Ortiz", "Cara Diaz"},
		"00:00:05 Ana Lopez: Morning all. Quick round, please.",
		"00:00:12 Ben Ortiz: Yesterday I fixed the login bug. Today the billing export.",
		"00:00:40 Ana Lopez: Great. I'll send the revised deck to sales by Friday.",
		"00:01:02 Cara Diaz: I'm on the onboarding emails. I can take the copy review too.",
		"00:01:30 Ana Lopez: Ben will update the runbook by Monday.",
		"00:01:41 Cara Diaz: Is the staging outage fixed?",
		"00:01:50 Ana Lopez: Thanks everyone, see you tomorrow.",
	)
	f := &analyze.Findings{
		Meeting: m,
		Engine:  analyze.EngineInfo{Name: "offline"},
		Participation: []analyze.Participation{
			{Name: "Ana Lopez", Turns: 4, Words: 31, WordShare: 0.5, Seconds: 48, TimeShare: 0.4, LongestTurnSeconds: 22},
			{Name: "Ben Ortiz", Turns: 1, Words: 13, WordShare: 0.21, Seconds: 28, TimeShare: 0.23, LongestTurnSeconds: 28},
			{Name: "Cara Diaz", Turns: 2, Words: 18, WordShare: 0.29, Seconds: 37, TimeShare: 0.31, LongestTurnSeconds: 28, Questions: 1},
		},
		Commitments: []analyze.Commitment{
			{Owner: "Ana Lopez", Task: "send the revised deck to sales", Due: "2026-11-20", DueText: "by Friday",
				Flags: []string{}, Confidence: 0.9, Evidence: ev(m, 3, "I'll send the revised deck to sales by Friday")},
			{Owner: "Cara Diaz", Task: "take the copy review", Flags: []string{analyze.FlagNoDate},
				Confidence: 0.7, Evidence: ev(m, 4, "I can take the copy review too")},
			{Owner: "Ben Ortiz", Task: "update the runbook", Due: "2026-11-23", DueText: "by Monday",
				Flags: []string{analyze.FlagAssignedNotAccepted}, Confidence: 0.6, Evidence: ev(m, 5, "")},
		},
		Decisions: []analyze.Decision{},
		Unheard: []analyze.Unheard{
			{Kind: analyze.KindUnansweredQuestion, Person: "Cara Diaz", Detail: "No one answered the question.",
				Evidence: ev(m, 6, "")},
		},
	}
	return finish(f, "Ana Lopez")
}

// designReview has one decision announced with no reason and one with a reason, and a
// concern nobody took up; the report is neutral.
func designReview() *analyze.Findings {
	m := meeting("design-review.txt", transcript.FormatOtter, "2026-11-17",
		[]string{"Priya Shah", "Tom Berg", "Lena Vogel"},
		"00:00:10 Priya Shah: We need to pick the queue for the notifications service.",
		"00:00:30 Tom Berg: Kafka or SQS, both would work for our volume.",
		"00:01:15 Lena Vogel: My concern is the on-call load if we run Kafka ourselves.",
		"00:01:40 Priya Shah: OK. Let's go with Kafka.",
		"00:02:05 Tom Berg: And we'll keep the retry policy at three attempts since support asked for it.",
		"00:02:30 Priya Shah: Agreed: three retries. Tom, can you write the design doc?",
		"00:02:41 Tom Berg: Sure, by Thursday.",
	)
	f := &analyze.Findings{
		Meeting: m,
		Engine:  analyze.EngineInfo{Name: "offline"},
		Participation: []analyze.Participation{
			{Name: "Priya Shah", Turns: 3, Words: 27, WordShare: 0.39, Seconds: 60, TimeShare: 0.36, LongestTurnSeconds: 25, Questions: 1},
			{Name: "Tom Berg", Turns: 3, Words: 28, WordShare: 0.41, Seconds: 81, TimeShare: 0.48, LongestTurnSeconds: 45},
			{Name: "Lena Vogel", Turns: 1, Words: 14, WordShare: 0.2, Seconds: 25, TimeShare: 0.15, LongestTurnSeconds: 25},
		},
		Commitments: []analyze.Commitment{
			{Owner: "Tom Berg", Task: "write the design doc", Due: "2026-11-19", DueText: "by Thursday",
				Flags: []string{}, Confidence: 0.8, Evidence: append(ev(m, 6, "Tom, can you write the design doc?"), ev(m, 7, "")...)},
		},
		Decisions: []analyze.Decision{
			{Decision: "go with Kafka", DecidedBy: "Priya Shah", AlternativesMentioned: true, Evidence: ev(m, 4, "Let's go with Kafka.")},
			{Decision: "keep the retry policy at three attempts", DecidedBy: "Tom Berg", Rationale: "since support asked for it",
				RationaleStated: true, Evidence: ev(m, 5, "")},
		},
		Unheard: []analyze.Unheard{
			{Kind: analyze.KindUnaddressedConcern, Person: "Lena Vogel", Detail: "No one responded to the concern.",
				Evidence: ev(m, 3, "My concern is the on-call load if we run Kafka ourselves.")},
		},
	}
	return finish(f, "")
}

// dominated is a planning meeting where Ana talks most of the time, cuts Ben off, and two
// attendees never speak; the report speaks to Ana.
func dominated() *analyze.Findings {
	m := meeting("planning.vtt", transcript.FormatTeamsVTT, "2026-11-18",
		[]string{"Ana Lopez", "Ben Ortiz", "Cara Diaz", "Dan Park", "Eve Stone"},
		"00:00:00 Ana Lopez: Right, the plan for Q1. I've thought about this a lot and I want the search rewrite first, then the mobile app, then billing.",
		"00:03:10 Ben Ortiz: The thing is, the search index —",
		"00:03:14 Ana Lopez: We can talk about the index later. The rewrite goes first. We're going with the rewrite in January.",
		"00:09:30 Cara Diaz: OK.",
		"00:09:32 Ana Lopez: Good. I'll share the roadmap doc tomorrow.",
		"00:10:05 Ana Lopez: That's it, thanks.",
	)
	f := &analyze.Findings{
		Meeting: m,
		Engine:  analyze.EngineInfo{Name: "offline"},
		Participation: []analyze.Participation{
			{Name: "Ana Lopez", Turns: 4, Words: 62, WordShare: 0.89, Seconds: 600, TimeShare: 0.98, LongestTurnSeconds: 376, Interrupting: 1},
			{Name: "Ben Ortiz", Turns: 1, Words: 5, WordShare: 0.07, Seconds: 4, TimeShare: 0.01, LongestTurnSeconds: 4, Interrupted: 1},
			{Name: "Cara Diaz", Turns: 1, Words: 1, WordShare: 0.01, Seconds: 2, TimeShare: 0, LongestTurnSeconds: 2},
			{Name: "Dan Park"},
			{Name: "Eve Stone"},
		},
		Commitments: []analyze.Commitment{
			{Owner: "Ana Lopez", Task: "share the roadmap doc", Due: "2026-11-19", DueText: "tomorrow",
				Flags: []string{}, Confidence: 0.9, Evidence: ev(m, 5, "I'll share the roadmap doc tomorrow.")},
		},
		Decisions: []analyze.Decision{
			{Decision: "the rewrite in January", DecidedBy: "Ana Lopez",
				Evidence: ev(m, 3, "We're going with the rewrite in January.")},
		},
		Unheard: []analyze.Unheard{
			{Kind: analyze.KindInterrupted, Person: "Ben Ortiz", Detail: "Cut off by Ana Lopez.", Evidence: ev(m, 2, "")},
			{Kind: analyze.KindLowShare, Person: "Cara Diaz", Detail: "1% of the words.", Evidence: ev(m, 4, "")},
			{Kind: analyze.KindSilentAttendee, Person: "Dan Park", Detail: "Attended and never spoke.", Evidence: []analyze.Evidence{}},
			{Kind: analyze.KindSilentAttendee, Person: "Eve Stone", Detail: "Attended and never spoke.", Evidence: []analyze.Evidence{}},
		},
		OpenThreads: []analyze.OpenThread{
			{Kind: analyze.KindDeferred, Topic: "the index", Evidence: ev(m, 3, "We can talk about the index later.")},
		},
	}
	return finish(f, "Ana Lopez")
}

// notes are minutes with no speakers, no times and no date: commitments without owners, a
// resolution, and the limits said plainly.
func notes() *analyze.Findings {
	noteLines := []string{
		"Attendees: Ana, Ben, Cara",
		"- Reviewed the Q4 numbers.",
		"- ACTION: update the pricing page",
		"- RESOLUTION: the free tier stays at 3 projects",
		"- TODO: check the GDPR wording with legal | before launch",
	}
	m := meeting("-", transcript.FormatNotes, "", nil, noteLines...)
	// Minutes name no speakers: "- ACTION: …" is text, not a speaker label.
	for i := range m.Turns {
		m.Turns[i].Speaker = ""
		m.Turns[i].Text = strings.TrimPrefix(noteLines[i], "- ")
	}
	m.HasSpeakers = false
	m.Attendees = []transcript.Person{{Name: "Ana", Aliases: []string{}}, {Name: "Ben", Aliases: []string{}}, {Name: "Cara", Aliases: []string{}}}
	f := &analyze.Findings{
		Meeting: m,
		Engine:  analyze.EngineInfo{Name: "offline"},
		Commitments: []analyze.Commitment{
			{Task: "update the pricing page", Flags: []string{analyze.FlagNoOwner, analyze.FlagNoDate},
				Confidence: 0.6, Evidence: ev(m, 3, "ACTION: update the pricing page")},
			{Task: "check the GDPR wording with legal", DueText: "before launch", Flags: []string{analyze.FlagNoOwner},
				Confidence: 0.6, Evidence: ev(m, 5, "TODO: check the GDPR wording with legal | before launch")},
		},
		Decisions: []analyze.Decision{
			{Decision: "the free tier stays at 3 projects", Evidence: ev(m, 4, "RESOLUTION: the free tier stays at 3 projects")},
		},
	}
	return finish(f, "")
}

var fixtures = []struct {
	name string
	f    func() *analyze.Findings
}{
	{"standup", standup},
	{"design-review", designReview},
	{"dominated", dominated},
	{"notes", notes},
}

func TestGolden(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.name, func(t *testing.T) {
			outputs := []struct {
				ext    string
				render func(*bytes.Buffer, *analyze.Findings) error
			}{
				{".md", func(b *bytes.Buffer, f *analyze.Findings) error { return Markdown(b, f) }},
				{".json", func(b *bytes.Buffer, f *analyze.Findings) error { return JSON(b, f) }},
				{".term.txt", func(b *bytes.Buffer, f *analyze.Findings) error { return Terminal(b, f, 80, false) }},
			}
			for _, o := range outputs {
				var b bytes.Buffer
				if err := o.render(&b, fx.f()); err != nil {
					t.Fatal(err)
				}
				golden.Check(t, filepath.Join("..", "..", "testdata", "golden", "report", fx.name+o.ext), b.Bytes())
			}
		})
	}
}

// shape is the documented debrief.report/v1 document: each key with its JSON type. Lists
// of objects give the shape of their items; "number|null" allows null.
var shape = map[string]any{
	"schema": "string",
	"meeting": map[string]any{
		"title": "string", "date": "string", "source": "string", "format": "string",
		"duration_seconds": "number|null", "attendees": []any{"string"},
		"has_speakers": "bool", "has_times": "bool",
	},
	"engine": map[string]any{
		"name": "string", "model": "string",
		"usage": map[string]any{"prompt_tokens": "number", "completion_tokens": "number"},
	},
	"participation": []any{map[string]any{
		"name": "string", "turns": "number", "words": "number", "word_share": "number",
		"seconds": "number", "time_share": "number", "longest_turn_seconds": "number",
		"questions": "number", "interrupted": "number", "interrupting": "number",
	}},
	"commitments": []any{map[string]any{
		"id": "string", "owner": "string", "task": "string", "due": "string", "due_text": "string",
		"flags": []any{"string"}, "confidence": "number", "evidence": []any{evidenceShape},
	}},
	"decisions": []any{map[string]any{
		"id": "string", "decision": "string", "decided_by": "string", "rationale": "string",
		"rationale_stated": "bool", "alternatives_mentioned": "bool", "evidence": []any{evidenceShape},
	}},
	"unheard": []any{map[string]any{
		"id": "string", "kind": "string", "person": "string", "detail": "string", "evidence": []any{evidenceShape},
	}},
	"coaching": []any{map[string]any{
		"principle": "string", "observation": "string", "suggestion": "string", "refs": []any{"string"},
	}},
	"next":   []any{"number"},
	"limits": []any{"string"},
}

var evidenceShape = map[string]any{"quote": "string", "speaker": "string", "line": "number", "time": "string"}

// check reports where v does not have the shape want.
func check(t *testing.T, path string, v any, want any) {
	t.Helper()
	switch w := want.(type) {
	case string:
		ok := false
		switch v.(type) {
		case string:
			ok = w == "string"
		case float64:
			ok = strings.HasPrefix(w, "number")
		case bool:
			ok = w == "bool"
		case nil:
			ok = strings.HasSuffix(w, "|null")
		}
		if !ok {
			t.Errorf("%s = %#v, want %s", path, v, w)
		}
	case []any:
		list, ok := v.([]any)
		if !ok {
			t.Errorf("%s = %#v, want a list (never null)", path, v)
			return
		}
		for i, item := range list {
			check(t, path+"["+itoa(i)+"]", item, w[0])
		}
	case map[string]any:
		obj, ok := v.(map[string]any)
		if !ok {
			t.Errorf("%s = %#v, want an object", path, v)
			return
		}
		for k, sub := range w {
			got, present := obj[k]
			if !present {
				t.Errorf("%s has no key %q", path, k)
				continue
			}
			check(t, path+"."+k, got, sub)
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestJSONShape(t *testing.T) {
	empty := &analyze.Findings{Meeting: &transcript.Meeting{Source: "empty.txt"}}
	cases := []*analyze.Findings{empty, {}}
	for _, fx := range fixtures {
		cases = append(cases, fx.f())
	}
	for _, f := range cases {
		var b bytes.Buffer
		if err := JSON(&b, f); err != nil {
			t.Fatal(err)
		}
		out := b.Bytes()
		if bytes.Count(out, []byte("\n")) != 1 || out[len(out)-1] != '\n' {
			t.Errorf("want one document on one line, got %q", out)
		}
		var doc map[string]any
		if err := json.Unmarshal(out, &doc); err != nil {
			t.Fatal(err)
		}
		check(t, "$", doc, shape)
		if doc["schema"] != Schema {
			t.Errorf("schema = %v", doc["schema"])
		}
		// The typed document reads back what was written.
		var typed Document
		if err := json.Unmarshal(out, &typed); err != nil {
			t.Fatalf("decode Document: %v", err)
		}
		again, err := json.Marshal(typed)
		if err != nil {
			t.Fatal(err)
		}
		if string(again)+"\n" != string(out) {
			t.Errorf("Document does not round-trip:\n%s\n%s", again, out)
		}
	}
}

func TestJSONMeeting(t *testing.T) {
	tests := []struct {
		name string
		f    *analyze.Findings
		want string
	}{
		{"stdin, no times", notes(), `"meeting":{"title":"","date":"","source":"stdin","format":"notes","duration_seconds":null,"attendees":["Ana","Ben","Cara"],"has_speakers":false,"has_times":false}`},
		{"path to base name", standup(), `"source":"2026-11-18 standup.vtt","format":"vtt-zoom","duration_seconds":115,`},
		{"no meeting", &analyze.Findings{}, `"meeting":{"title":"","date":"","source":"stdin","format":"","duration_seconds":null,"attendees":[],`},
		{"empty lists", &analyze.Findings{}, `"participation":[],"commitments":[],"decisions":[],"unheard":[],"done":[],"open_threads":[],"coaching":[],"next":[],"limits":[]}`},
		{"no HTML escaping", notes(), `"TODO: check the GDPR wording with legal | before launch"`},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if err := JSON(&b, tt.f); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), tt.want) {
			t.Errorf("%s: %s\nwant it to contain %s", tt.name, b.String(), tt.want)
		}
	}
}

func TestJSONLines(t *testing.T) {
	var b bytes.Buffer
	for _, fx := range fixtures {
		if err := JSON(&b, fx.f()); err != nil {
			t.Fatal(err)
		}
	}
	dec := json.NewDecoder(&b)
	n := 0
	for dec.More() {
		var d Document
		if err := dec.Decode(&d); err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != len(fixtures) {
		t.Errorf("decoded %d documents, want %d", n, len(fixtures))
	}
}

func TestMarkdownEmptySections(t *testing.T) {
	var b bytes.Buffer
	f := &analyze.Findings{Meeting: &transcript.Meeting{Source: "quiet.txt", HasSpeakers: true}}
	analyze.Coach(f, analyze.Options{})
	if err := Markdown(&b, f); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"# Debrief: quiet.txt\n", "Nothing stands out.", "No one spoke.", "No commitments found.",
		"No decisions found.", "Everyone was heard.", "No advice",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("missing %q in\n%s", want, b.String())
		}
	}
	// Sections with nothing to say and nothing to assure the reader of are left out.
	for _, not := range []string{"## Not assessed", "## Open threads", "## Reported done"} {
		if strings.Contains(b.String(), not) {
			t.Errorf("empty section %q in\n%s", not, b.String())
		}
	}
}

func TestMarkdownOpenThreads(t *testing.T) {
	m := &transcript.Meeting{Source: "sync.txt", HasSpeakers: true}
	e := analyze.Evidence{Quote: "Let's revisit the <pricing> tiers.", Speaker: "Ana Lopez", Line: 4}
	tests := []struct {
		name    string
		threads []analyze.OpenThread
		want    []string
		notWant []string
	}{
		{name: "not looked for", threads: nil, notWant: []string{"## Open threads"}},
		{name: "none found", threads: []analyze.OpenThread{}, want: []string{"## Decisions"}, notWant: []string{"## Open threads"}},
		{
			name: "deferred and reopened",
			threads: []analyze.OpenThread{
				{ID: "o1", Kind: analyze.KindDeferred, Topic: "the <pricing> tiers", Evidence: []analyze.Evidence{e}},
				{ID: "o2", Kind: analyze.KindReopened, Evidence: []analyze.Evidence{{Quote: "Let's reopen it.", Speaker: "Ben Ortiz", Line: 9}}},
			},
			want: []string{
				"## Open threads\n\n- **The \\<pricing> tiers**: put off with no owner and no date. *(o1)*\n  > \"Let's revisit the \\<pricing> tiers.\" (Ana Lopez, line 4)\n",
				"- A decision reopened, with no new call. *(o2)*\n  > \"Let's reopen it.\" (Ben Ortiz, line 9)\n",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &analyze.Findings{Meeting: m, OpenThreads: tt.threads}
			var b bytes.Buffer
			if err := Markdown(&b, f); err != nil {
				t.Fatal(err)
			}
			for _, want := range tt.want {
				if !strings.Contains(b.String(), want) {
					t.Errorf("missing %q in\n%s", want, b.String())
				}
			}
			for _, nw := range tt.notWant {
				if strings.Contains(b.String(), nw) {
					t.Errorf("unexpected %q in\n%s", nw, b.String())
				}
			}
		})
	}
}

func TestMarkdownEscapesInput(t *testing.T) {
	m := &transcript.Meeting{Title: "# Not a *heading*", HasSpeakers: true}
	f := &analyze.Findings{Meeting: m, Decisions: []analyze.Decision{
		{ID: "d1", Decision: "use <b>bold</b> and a|pipe", RationaleStated: true, Rationale: "[link](x)"},
	}}
	var b bytes.Buffer
	if err := Markdown(&b, f); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`# Debrief: \# Not a \*heading\*`, `\<b>bold\</b> and a\|pipe`, `Why: \[link\](x).`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("missing %q in\n%s", want, b.String())
		}
	}
}

func TestTerminal(t *testing.T) {
	f := dominated()
	var plain, colored, wide bytes.Buffer
	if err := Terminal(&plain, f, 80, false); err != nil {
		t.Fatal(err)
	}
	if err := Terminal(&colored, f, 80, true); err != nil {
		t.Fatal(err)
	}
	if err := Terminal(&wide, f, 400, false); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(plain.Bytes(), []byte("\x1b[")) {
		t.Error("color=false wrote escape sequences")
	}
	if !bytes.Contains(colored.Bytes(), []byte("\x1b[")) {
		t.Error("color=true wrote no escape sequences")
	}
	for _, l := range strings.Split(wide.String(), "\n") {
		if n := len([]rune(l)); n > MaxWidth {
			t.Errorf("line of %d runes is wider than %d: %q", n, MaxWidth, l)
		}
	}
	for _, l := range strings.Split(plain.String(), "\n") {
		if n := len([]rune(strings.TrimRight(l, " "))); n > 80 {
			t.Errorf("line of %d runes is wider than 80: %q", n, l)
		}
	}
}

func TestMarkdownShowsEngineWarnings(t *testing.T) {
	f := standup()
	f.Engine.Warnings = []string{"the model's answer was cut off twice; the offline findings are shown"}
	f.Engine.Dropped = 2
	var b strings.Builder
	if err := Markdown(&b, f); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"**Warning:** the model's answer was cut off twice", "2 findings from the model cited words that are not in the transcript"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

// TestMarkdownSaysEachThingOnce: a rationale given as the whole sentence shows only the reason,
// a decision said with its reason shows only the decision, and a question or concern whose
// detail is its own quote is not written twice.
func TestMarkdownSaysEachThingOnce(t *testing.T) {
	m := &transcript.Meeting{Source: "sync.txt", HasSpeakers: true}
	said := "We decided to push the release to December because the SDK isn't certified yet."
	f := &analyze.Findings{Meeting: m,
		Decisions: []analyze.Decision{
			{ID: "d1", Decision: "push the release to December", RationaleStated: true, Rationale: said,
				Evidence: []analyze.Evidence{{Quote: said, Speaker: "Ana Lopez", Line: 3}}},
			{ID: "d2", Decision: "Ben covers on-call in December, because María is on leave.", RationaleStated: true,
				Rationale: "Decision: Ben covers on-call in December, because María is on leave.",
				Evidence:  []analyze.Evidence{{Quote: "Decision: Ben covers on-call in December, because María is on leave.", Line: 5}}},
			{ID: "d4", Decision: "tabs", RationaleStated: true, Rationale: "Then we should move export out of the advanced tab, because that's where people get lost.",
				Evidence: []analyze.Evidence{{Quote: "Okay, we're going with tabs.", Line: 6}}},
			{ID: "d3", Decision: "keep three tiers", RationaleStated: true, Rationale: "the pilots liked them",
				Evidence: []analyze.Evidence{{Quote: "We keep three tiers; the pilots liked them.", Speaker: "Ana Lopez", Line: 7}}},
		},
		Unheard: []analyze.Unheard{{ID: "u1", Kind: analyze.KindUnansweredQuestion, Person: "Priya Natarajan",
			Detail: "Do we have a rollback plan?", Evidence: []analyze.Evidence{{Quote: "Do we have a rollback plan?", Speaker: "Priya Natarajan", Line: 9}}}},
	}
	var b bytes.Buffer
	if err := Markdown(&b, f); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"- **Push the release to December**. Why: the SDK isn't certified yet. ",
		"- **Ben covers on-call in December**. Why: María is on leave. ",
		"- **Keep three tiers**. Why: the pilots liked them. ",
		// A reason given for something else keeps what it was for.
		"- **Tabs**. Why: Then we should move export out of the advanced tab, because that's where people get lost. ",
		"- **Priya Natarajan**: a question nobody answered. *(u1)*\n  > \"Do we have a rollback plan?\"",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("missing %q in\n%s", want, b.String())
		}
	}
}

// TestTerminalPlainHasNoMarkup: without color, the terminal view shows no Markdown markers
// (asterisks of emphasis, hashes of headings) and no blanks at the ends of lines.
func TestTerminalPlainHasNoMarkup(t *testing.T) {
	f := &analyze.Findings{Meeting: &transcript.Meeting{Title: "Sync", HasSpeakers: true},
		Decisions: []analyze.Decision{{ID: "d1", Decision: "use Postgres", Evidence: []analyze.Evidence{{Quote: "Use Postgres.", Line: 2}}}}}
	var b bytes.Buffer
	if err := Terminal(&b, f, 80, false); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, not := range []string{"**", "*(d1)*", "# ", "## "} {
		if strings.Contains(out, not) {
			t.Errorf("plain terminal view has %q:\n%s", not, out)
		}
	}
	if !strings.Contains(out, "Use Postgres, decided") && !strings.Contains(out, "Use Postgres. No reason stated.") {
		t.Errorf("plain terminal view lacks the decision:\n%s", out)
	}
	for _, l := range strings.Split(out, "\n") {
		if strings.HasSuffix(l, " ") {
			t.Errorf("line ends in blanks: %q", l)
		}
	}
}
