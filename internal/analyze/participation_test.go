package analyze

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/debrief-cli/debrief/internal/transcript"
)

// checkEvidence fails the test when a quote is not found verbatim in the turn it cites (turns
// built by meetingOf sit on line index+1).
func checkEvidence(t *testing.T, m *transcript.Meeting, evs []Evidence) {
	t.Helper()
	for _, e := range evs {
		if e.Line < 1 || e.Line > len(m.Turns) {
			t.Errorf("evidence %q cites line %d, outside the meeting", e.Quote, e.Line)
			continue
		}
		turn := m.Turns[e.Line-1]
		if e.Quote == "" || !strings.Contains(turn.Text, e.Quote) {
			t.Errorf("evidence %q is not in line %d: %q", e.Quote, e.Line, turn.Text)
		}
		if e.Speaker != turn.Speaker {
			t.Errorf("evidence %q names speaker %q, the turn's is %q", e.Quote, e.Speaker, turn.Speaker)
		}
	}
}

func byName(ps []Participation) map[string]Participation {
	out := map[string]Participation{}
	for _, p := range ps {
		out[p.Name] = p
	}
	return out
}

func TestParticipateWords(t *testing.T) {
	m := meetingOf(t, "2024-03-04", []string{"Dana Kim"},
		"Ana Lopez: Welcome everyone. Can we start with the launch? It slipped a week.",
		"Ben Ortiz: Sure, the build is green now.",
		"Heading with no speaker",
		"Cleo Park: I have nothing to add.",
		"Ana Lopez: Great, thanks.",
	)
	// A speaker who is not on the attendee list comes after the attendees.
	m.Attendees = m.Attendees[1:]
	got := Participate(m)
	names := []string{}
	for _, p := range got {
		names = append(names, p.Name)
	}
	if want := "Ben Ortiz,Cleo Park,Dana Kim,Ana Lopez"; strings.Join(names, ",") != want {
		t.Fatalf("order = %v, want %s", names, want)
	}
	p := byName(got)
	if a := p["Ana Lopez"]; a.Turns != 2 || a.Words != 14 || a.Questions != 1 {
		t.Errorf("Ana = %+v, want 2 turns, 14 words, 1 question", a)
	}
	if d := p["Dana Kim"]; d.Turns != 0 || d.Words != 0 || d.WordShare != 0 {
		t.Errorf("silent Dana = %+v, want zeros", d)
	}
	sum := 0.0
	for _, q := range got {
		sum += q.WordShare
		if q.Seconds != 0 || q.TimeShare != 0 {
			t.Errorf("%s has time %v without times in the input", q.Name, q.Seconds)
		}
	}
	if math.Abs(sum-1) > 0.005 {
		t.Errorf("word shares sum to %v, want 1", sum)
	}
	if s := p["Ana Lopez"].WordShare; s != 0.56 {
		t.Errorf("Ana's share = %v, want 0.56 (14 of 25 words)", s)
	}
}

func TestParticipateNoSpeakers(t *testing.T) {
	m := meetingOf(t, "", nil, "just notes", "more notes")
	got := Participate(m)
	if got == nil || len(got) != 0 {
		t.Fatalf("Participate = %#v, want an empty non-nil list", got)
	}
	if got := Participate(&transcript.Meeting{}); got == nil || len(got) != 0 {
		t.Fatalf("Participate(empty) = %#v, want an empty non-nil list", got)
	}
}

func TestParticipateTimes(t *testing.T) {
	m := timed(meetingOf(t, "", nil,
		"Ana Lopez: Let's look at the numbers.",
		"Ben Ortiz: They are up ten percent.",
		"Ana Lopez: Good.",
	), 0, 10, 10, 40, 40, 50)
	p := byName(Participate(m))
	if a := p["Ana Lopez"]; a.Seconds != 20 || a.LongestTurnSeconds != 10 || a.TimeShare != 0.4 {
		t.Errorf("Ana = %+v, want 20 s, longest 10 s, share 0.4", a)
	}
	if b := p["Ben Ortiz"]; b.Seconds != 30 || b.TimeShare != 0.6 {
		t.Errorf("Ben = %+v, want 30 s, share 0.6", b)
	}

	// Only start times: a turn lasts until the next one starts, unless that is 5 minutes away.
	m = meetingOf(t, "", nil, "Ana Lopez: One.", "Ben Ortiz: Two.", "Ana Lopez: Three.", "Ben Ortiz: Four.")
	for i, s := range []float64{0, 12, 400, 410} {
		m.Turns[i].Start = transcript.Seconds(s)
	}
	m.HasTimes = true
	p = byName(Participate(m))
	if a, b := p["Ana Lopez"], p["Ben Ortiz"]; a.Seconds != 22 || b.Seconds != 0 {
		t.Errorf("start-only: Ana %v s, Ben %v s; want 22 and 0", a.Seconds, b.Seconds)
	}
}

func TestInterruptions(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		times []float64
		// want is "victim>interrupter" for each interruption.
		want []string
	}{
		{
			name:  "overlap",
			lines: []string{"Ana Lopez: The plan for the migration is to start in May and", "Ben Ortiz: No, that cannot work with the freeze."},
			times: []float64{0, 10, 8, 12},
			want:  []string{"Ana Lopez>Ben Ortiz"},
		},
		{
			name:  "overlap under 0.3 s is turn-taking",
			lines: []string{"Ana Lopez: The plan is to start in May.", "Ben Ortiz: That cannot work with the freeze."},
			times: []float64{0, 10, 9.8, 12},
		},
		{
			name:  "back-channel over a turn",
			lines: []string{"Ana Lopez: The plan is to start in May and finish in June.", "Ben Ortiz: mm-hmm", "Cleo Park: Yeah, right."},
			times: []float64{0, 10, 3, 3.5, 5, 6},
		},
		{
			name:  "same speaker overlapping cues",
			lines: []string{"Ana Lopez: The plan is to start in May.", "Ana Lopez: And finish in June."},
			times: []float64{0, 10, 8, 12},
		},
		{
			name:  "em dash cut-off",
			lines: []string{"Ana Lopez: So what I was going to say is—", "Ben Ortiz: Sorry, before that, the budget."},
			want:  []string{"Ana Lopez>Ben Ortiz"},
		},
		{
			name:  "double hyphen and ellipsis cut-offs",
			lines: []string{"Ana Lopez: I think we --", "Ben Ortiz: We should wait.", "Ana Lopez: But the customers…", "Cleo Park: They can wait too."},
			want:  []string{"Ana Lopez>Ben Ortiz", "Ana Lopez>Cleo Park"},
		},
		{
			name:  "trailing off then the same speaker",
			lines: []string{"Ana Lopez: I was thinking...", "Ana Lopez: never mind."},
		},
		{
			name:  "cut off by a back-channel",
			lines: []string{"Ana Lopez: I was thinking we could...", "Ben Ortiz: Yeah."},
		},
		{
			name:  "cut off and overlapped counts once",
			lines: []string{"Ana Lopez: So the thing is—", "Ben Ortiz: Wait, the budget is gone."},
			times: []float64{0, 5, 4, 8},
			want:  []string{"Ana Lopez>Ben Ortiz"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := meetingOf(t, "", nil, tc.lines...)
			if tc.times != nil {
				timed(m, tc.times...)
			}
			var got []string
			for _, in := range interruptions(m) {
				got = append(got, m.Turns[in.victim].Speaker+">"+m.Turns[in.by].Speaker)
			}
			if strings.Join(got, ";") != strings.Join(tc.want, ";") {
				t.Fatalf("interruptions = %v, want %v", got, tc.want)
			}
			// The counts in Participate agree.
			ps := Participate(m)
			victims, by := 0, 0
			for _, p := range ps {
				victims += p.Interrupted
				by += p.Interrupting
			}
			if victims != len(tc.want) || by != len(tc.want) {
				t.Errorf("Participate counts %d interrupted, %d interrupting; want %d", victims, by, len(tc.want))
			}
		})
	}
}

func TestIsBackChannel(t *testing.T) {
	for text, want := range map[string]bool{
		"yeah": true, "Mm-hmm.": true, "right, right": true, "Got it.": true, "uh-huh": true,
		"": false, "no way": false, "yeah, but the budget": false, "Stop.": false,
	} {
		if got := isBackChannel(text); got != want {
			t.Errorf("isBackChannel(%q) = %v, want %v", text, got, want)
		}
	}
}

// benchMeeting builds a meeting of about 10,000 words: five people over an hour, with
// questions, concerns, decisions, cut-offs and overlaps.
func benchMeeting(tb testing.TB) *transcript.Meeting {
	tb.Helper()
	names := []string{"Ana Lopez", "Ben Ortiz", "Cleo Park", "Dev Shah", "Eve Rossi"}
	says := []string{
		"I think we should look at the onboarding numbers again before the review, because they dropped 12% last month.",
		"Can we ship the migration by Friday? The staging run took longer than we hoped.",
		"I'm worried the cache change might break the export job for the larger customers.",
		"We decided to go with Postgres over DynamoDB since the team knows it well.",
		"Yeah, and the dashboard still needs the new filters so that support can find tickets faster.",
		"So what I was going to say is—",
		"Let's go with the smaller rollout, it keeps the blast radius down.",
		"Moving on, the next item is the hiring plan for the second half of the year.",
	}
	var lines []string
	var times []float64
	words, at := 0, 0.0
	for i := 0; words < 10000; i++ {
		text := says[(i*3+i/5)%len(says)] + " " + says[(i+1)%len(says)]
		lines = append(lines, names[i%len(names)]+": "+text)
		n := countWords(text)
		words += n
		d := float64(n) / 2.5
		start := at
		if i%7 == 3 {
			start -= 1
		}
		times = append(times, start, start+d)
		at = start + d
	}
	return timed(meetingOf(tb, "2024-03-04", []string{"Fay Wu"}, lines...), times...)
}

func BenchmarkParticipate(b *testing.B) {
	m := benchMeeting(b)
	for b.Loop() {
		Participate(m)
	}
}

func BenchmarkAnalyzeOffline(b *testing.B) {
	m := benchMeeting(b)
	opts := Options{}
	for b.Loop() {
		if _, err := (Offline{}).Analyze(context.Background(), m, opts); err != nil {
			b.Fatal(err)
		}
	}
}

func TestBenchMeetingSize(t *testing.T) {
	m := benchMeeting(t)
	words := 0
	for _, tr := range m.Turns {
		words += countWords(tr.Text)
	}
	if words < 10000 || words > 10200 {
		t.Fatalf("bench meeting has %d words, want about 10,000", words)
	}
}
