package analyze

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/debrief-cli/debrief/internal/transcript"
)

// coachFixture is a meeting of five where almost every rule has something to say.
func coachFixture() *Findings {
	ev := func(speaker, quote string, line int) []Evidence {
		return []Evidence{{Quote: quote, Speaker: speaker, Line: line, Time: "00:01:00"}}
	}
	return &Findings{
		Meeting: &transcript.Meeting{Attendees: []transcript.Person{
			{Name: "Ana Lopez", Aliases: []string{"AL"}}, {Name: "Ben Ortiz"}, {Name: "Cara Diaz"},
			{Name: "Dan Park"}, {Name: "Eve Stone"},
		}},
		Participation: []Participation{
			{Name: "Ana Lopez", Turns: 10, Words: 700, WordShare: 0.7, TimeShare: 0.65},
			{Name: "Ben Ortiz", Turns: 5, Words: 250, WordShare: 0.25},
			{Name: "Cara Diaz", Turns: 1, Words: 50, WordShare: 0.05},
			{Name: "Dan Park"}, {Name: "Eve Stone"},
		},
		Commitments: []Commitment{
			{ID: "c1", Owner: "Ana Lopez", Task: "send the deck", Due: "2026-11-20", DueText: "by Friday",
				Flags: []string{}, Evidence: ev("Ana Lopez", "I'll send the deck by Friday", 3)},
			{ID: "c2", Owner: "Ben Ortiz", Task: "update the doc", DueText: "by Monday",
				Flags: []string{FlagAssignedNotAccepted}, Evidence: ev("Ana Lopez", "Ben will update the doc by Monday", 5)},
			{ID: "c3", Task: "look into the flaky test", Flags: []string{FlagNoOwner, FlagNoDate},
				Evidence: ev("Cara Diaz", "someone should look into the flaky test", 7)},
			{ID: "c4", Owner: "Cara Diaz", Task: "check the logs", Flags: []string{FlagNoDate, FlagConditional},
				Evidence: ev("Cara Diaz", "I'll check the logs if I have time", 9)},
		},
		Decisions: []Decision{
			{ID: "d1", Decision: "go with Postgres", DecidedBy: "Ana Lopez", Evidence: ev("Ana Lopez", "Let's go with Postgres", 11)},
			{ID: "d2", Decision: "ship on Friday", Rationale: "because sales needs it", RationaleStated: true,
				Evidence: ev("Ben Ortiz", "We decided to ship on Friday because sales needs it", 13)},
			{ID: "d3", Decision: "drop the beta", AlternativesMentioned: true, Evidence: ev("Ben Ortiz", "We're going with dropping the beta", 15)},
		},
		Unheard: []Unheard{
			{ID: "u1", Kind: KindUnansweredQuestion, Person: "Ben Ortiz", Detail: "question with no answer",
				Evidence: ev("Ben Ortiz", "What about the migration risk?", 17)},
			{ID: "u2", Kind: KindSilentAttendee, Person: "Dan Park", Evidence: []Evidence{}},
			{ID: "u3", Kind: KindSilentAttendee, Person: "Eve Stone", Evidence: []Evidence{}},
			{ID: "u4", Kind: KindUnaddressedConcern, Person: "Cara Diaz", Evidence: ev("Cara Diaz", "I'm worried about the load", 19)},
			{ID: "u5", Kind: KindLowShare, Person: "Cara Diaz", Evidence: []Evidence{}},
			{ID: "u6", Kind: KindInterrupted, Person: "Ben Ortiz", Evidence: ev("Ben Ortiz", "The thing is, the old schema —", 21)},
		},
		Limits: []string{},
	}
}

func TestCoachOrderAndNext(t *testing.T) {
	f := coachFixture()
	Coach(f, Options{Me: "ana lopez"})
	type item struct {
		principle string
		refs      []string
	}
	want := []item{
		{PrincipleNoDictating, []string{"c2"}},
		{PrincipleFollowThrough, []string{"c3"}},
		{PrincipleHeard, []string{"u1"}},
		{PrincipleHeard, []string{"u4"}},
		{PrincipleHeard, []string{}}, // the reader's own share
		{PrincipleHeard, []string{"u2", "u3"}},
		{PrincipleHeard, []string{"u6"}},
		{PrincipleHeard, []string{"u5"}},
		{PrincipleExplainWhy, []string{"d1", "d3"}},
		{PrincipleFollowThrough, []string{"c1"}},
		{PrincipleFollowThrough, []string{"c4"}},
		{PrincipleWriteItDown, []string{"c1", "c2", "c3", "c4", "d1", "d2", "d3"}},
	}
	var got []item
	for _, c := range f.Coaching {
		got = append(got, item{c.Principle, c.Refs})
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("coaching:\n got %v\nwant %v", got, want)
	}
	if !reflect.DeepEqual(f.Next, []int{0, 1, 2}) {
		t.Errorf("next = %v, want [0 1 2]", f.Next)
	}
	for _, c := range f.Coaching {
		if c.Observation == "" || c.Suggestion == "" {
			t.Errorf("empty text in %+v", c)
		}
	}
}

func TestCoachText(t *testing.T) {
	f := coachFixture()
	Coach(f, Options{Me: "Ana Lopez"})
	byRef := map[string]Coaching{}
	for _, c := range f.Coaching {
		if c.Principle == PrincipleWriteItDown {
			continue
		}
		if len(c.Refs) > 0 {
			byRef[c.Refs[0]] = c
		} else {
			byRef["share"] = c
		}
	}
	tests := []struct {
		ref, field, want string
	}{
		{"c2", "obs", `Ben Ortiz was given work and never agreed to it: "update the doc", assigned by you (line 5, 00:01:00).`},
		{"c2", "sug", `Confirm with Ben Ortiz that "update the doc" is theirs to take on`},
		{"c3", "obs", `A commitment has no owner: "someone should look into the flaky test" (line 7, 00:01:00).`},
		{"c3", "sug", `Ask who will take "look into the flaky test" and by when`},
		{"u1", "obs", `Ben Ortiz's question got no answer: "What about the migration risk?" (line 17, 00:01:00).`},
		{"u1", "sug", `Get back to Ben Ortiz with an answer to "What about the migration risk?"`},
		{"u4", "sug", `Reply to Cara Diaz's concern ("I'm worried about the load") directly: say what will be done about it, or why not.`},
		{"share", "obs", `You spoke 70% of the words (65% of the talk time) in a meeting of 5 people, where an equal share is 20%.`},
		{"u2", "obs", `Dan Park and Eve Stone attended but never spoke.`},
		{"u2", "sug", `Check in with Dan Park and Eve Stone`},
		{"u6", "obs", `Ben Ortiz was cut off: "The thing is, the old schema —" (line 21, 00:01:00).`},
		{"u5", "obs", `Cara Diaz (5% of the words) said very little, where an equal share is 20%.`},
		{"d1", "obs", `2 decisions were made with no reason stated: "go with Postgres" (by you; line 11, 00:01:00; no alternatives mentioned); "drop the beta" (line 15, 00:01:00).`},
		{"c1", "obs", `You promised "send the deck" by 2026-11-20 ("by Friday") (line 3, 00:01:00).`},
		{"c1", "sug", `Put "send the deck" in your calendar now`},
		{"c4", "obs", `Cara Diaz gave no date for "check the logs" and made it depend on a condition: "I'll check the logs if I have time" (line 9, 00:01:00).`},
		{"c4", "sug", `Ask Cara Diaz whether "check the logs" is a firm yes, and by when.`},
	}
	for _, tt := range tests {
		c, ok := byRef[tt.ref]
		if !ok {
			t.Errorf("no coaching for %s", tt.ref)
			continue
		}
		text := c.Observation
		if tt.field == "sug" {
			text = c.Suggestion
		}
		if !strings.Contains(strings.ToLower(text), strings.ToLower(tt.want)) {
			t.Errorf("%s %s:\n got %q\nwant it to contain %q", tt.ref, tt.field, text, tt.want)
		}
	}
	wid := f.Coaching[len(f.Coaching)-1]
	if wid.Observation != "The meeting produced 4 commitments and 3 decisions." || !strings.Contains(wid.Suggestion, "`debrief checklist`") {
		t.Errorf("write-it-down = %+v", wid)
	}
}

func TestCoachNeutralWithoutMe(t *testing.T) {
	f := coachFixture()
	Coach(f, Options{})
	for _, c := range f.Coaching {
		for _, s := range []string{c.Observation, c.Suggestion} {
			if regexp.MustCompile(`(?i)\byou\b|\byour\b`).MatchString(strings.ReplaceAll(s, "your view", "")) {
				// "their view" and the checklist hint are the only second person allowed.
				if !strings.Contains(s, "debrief checklist") {
					t.Errorf("second person in a neutral report: %q", s)
				}
			}
		}
	}
	// Without a reader, their own share and promises are not singled out.
	for _, c := range f.Coaching {
		if strings.Contains(c.Observation, "spoke 70%") || strings.HasPrefix(c.Observation, "You promised") {
			t.Errorf("reader-only item in a neutral report: %q", c.Observation)
		}
	}
	// Ana's commitment has a date and no flags: nothing to say about it except write it down.
	for _, c := range f.Coaching {
		if c.Principle != PrincipleWriteItDown && reflect.DeepEqual(c.Refs, []string{"c1"}) {
			t.Errorf("unexpected item for c1: %+v", c)
		}
	}
}

func TestCoachMeByAlias(t *testing.T) {
	f := coachFixture()
	Coach(f, Options{Me: "AL"})
	if !strings.HasPrefix(f.Coaching[len(f.Coaching)-3].Observation, "You promised") {
		t.Errorf("alias AL did not resolve to Ana Lopez: %+v", f.Coaching)
	}
}

func TestCoachMeAsOwnerOfAssignedWork(t *testing.T) {
	f := coachFixture()
	Coach(f, Options{Me: "Ben Ortiz"})
	c := f.Coaching[0]
	if c.Principle != PrincipleNoDictating || !strings.HasPrefix(c.Observation, "You were given work you never agreed to: \"update the doc\", assigned by Ana Lopez") {
		t.Errorf("first item = %+v", c)
	}
	if !strings.HasPrefix(f.Coaching[2].Observation, "Your question got no answer") {
		t.Errorf("question item = %+v", f.Coaching[2])
	}
	for _, c := range f.Coaching {
		if strings.Contains(c.Observation, "You spoke") {
			t.Errorf("Ben's 25%% is not over 1.5x an equal share: %q", c.Observation)
		}
	}
}

func TestCoachShareNeedsThreePeople(t *testing.T) {
	f := &Findings{Participation: []Participation{
		{Name: "Ana Lopez", WordShare: 0.9}, {Name: "Ben Ortiz", WordShare: 0.1},
	}}
	Coach(f, Options{Me: "Ana Lopez"})
	if len(f.Coaching) != 0 {
		t.Errorf("two-person meeting got %+v", f.Coaching)
	}
	f.Participation = append(f.Participation, Participation{Name: "Cara Diaz"})
	Coach(f, Options{Me: "Ana Lopez"})
	if len(f.Coaching) != 1 || f.Coaching[0].Principle != PrincipleHeard {
		t.Errorf("three-person meeting got %+v", f.Coaching)
	}
	// 0.5 of three is exactly 1.5x an equal share: not over it.
	f.Participation[0].WordShare = 0.5
	Coach(f, Options{Me: "Ana Lopez"})
	if len(f.Coaching) != 0 {
		t.Errorf("share at the threshold got %+v", f.Coaching)
	}
}

func TestCoachDecisionsWithReasonAreQuiet(t *testing.T) {
	f := &Findings{Decisions: []Decision{
		{ID: "d1", Decision: "use Go", Rationale: "since the team knows it", RationaleStated: true},
	}}
	Coach(f, Options{})
	if len(f.Coaching) != 1 || f.Coaching[0].Principle != PrincipleWriteItDown {
		t.Errorf("got %+v, want only write-it-down", f.Coaching)
	}
	if !reflect.DeepEqual(f.Next, []int{0}) {
		t.Errorf("next = %v", f.Next)
	}
}

func TestCoachEmpty(t *testing.T) {
	f := &Findings{}
	Coach(f, Options{Me: "Ana"})
	if f.Coaching == nil || len(f.Coaching) != 0 {
		t.Errorf("coaching = %#v, want empty non-nil", f.Coaching)
	}
	if f.Next == nil || len(f.Next) != 0 {
		t.Errorf("next = %#v, want empty non-nil", f.Next)
	}
}

func TestCoachDeterministicAndGrouped(t *testing.T) {
	a, b := coachFixture(), coachFixture()
	Coach(a, Options{Me: "Ana Lopez"})
	Coach(b, Options{Me: "Ana Lopez"})
	if !reflect.DeepEqual(a.Coaching, b.Coaching) {
		t.Error("coaching differs between runs")
	}
	// Several questions from one person make one item; another person gets their own.
	f := &Findings{Unheard: []Unheard{
		{ID: "u1", Kind: KindUnansweredQuestion, Person: "Ben", Evidence: []Evidence{{Quote: "Why now?", Line: 2}}},
		{ID: "u2", Kind: KindUnansweredQuestion, Person: "Cara", Evidence: []Evidence{{Quote: "Who pays?", Line: 4}}},
		{ID: "u3", Kind: KindUnansweredQuestion, Person: "Ben", Evidence: []Evidence{{Quote: "Is it tested?", Line: 6}}},
	}}
	Coach(f, Options{})
	if len(f.Coaching) != 2 || !reflect.DeepEqual(f.Coaching[0].Refs, []string{"u1", "u3"}) {
		t.Fatalf("got %+v", f.Coaching)
	}
	want := `Ben's questions got no answer: "Why now?" (line 2); "Is it tested?" (line 6).`
	if f.Coaching[0].Observation != want {
		t.Errorf("observation = %q, want %q", f.Coaching[0].Observation, want)
	}
}

// TestCoachQuotesOnlyFindings checks that every quoted phrase in the coaching comes from the
// findings: a quote, a task, a decision, or the words of a due date.
func TestCoachQuotesOnlyFindings(t *testing.T) {
	f := coachFixture()
	f.Commitments[0].Evidence[0].Quote = strings.Repeat("I will send the deck to every single person in sales ", 4)
	Coach(f, Options{Me: "Ana Lopez"})
	var sources []string
	for _, c := range f.Commitments {
		sources = append(sources, c.Task, c.DueText)
		for _, e := range c.Evidence {
			sources = append(sources, e.Quote)
		}
	}
	for _, d := range f.Decisions {
		sources = append(sources, d.Decision)
		for _, e := range d.Evidence {
			sources = append(sources, e.Quote)
		}
	}
	for _, u := range f.Unheard {
		for _, e := range u.Evidence {
			sources = append(sources, e.Quote)
		}
	}
	all := strings.Join(sources, "\n")
	quote := regexp.MustCompile(`"([^"]+)"`)
	for _, c := range f.Coaching {
		for _, s := range []string{c.Observation, c.Suggestion} {
			for _, m := range quote.FindAllStringSubmatch(s, -1) {
				q := strings.TrimSuffix(m[1], "…")
				if !strings.Contains(all, q) {
					t.Errorf("%q is not in the findings (from %q)", q, s)
				}
			}
		}
	}
}

func TestCoachLongListsAreCounted(t *testing.T) {
	f := &Findings{Participation: []Participation{{Name: "Ana", WordShare: 0.998}, {Name: "Ben", WordShare: 0.002}}}
	for _, n := range []string{"Cara", "Dan", "Eve", "Fay", "Gus", "Hal", "Ida"} {
		f.Unheard = append(f.Unheard, Unheard{ID: "u" + n, Kind: KindSilentAttendee, Person: n})
	}
	f.Unheard = append(f.Unheard, Unheard{ID: "uB", Kind: KindLowShare, Person: "Ben"})
	Coach(f, Options{})
	if got, want := f.Coaching[0].Observation, "Cara, Dan, Eve, Fay, Gus and 2 more attended but never spoke."; got != want {
		t.Errorf("silent = %q, want %q", got, want)
	}
	if len(f.Coaching[0].Refs) != 7 {
		t.Errorf("refs = %v, want all seven", f.Coaching[0].Refs)
	}
	if got := f.Coaching[1].Observation; !strings.HasPrefix(got, "Ben (under 1% of the words) said very little") {
		t.Errorf("low share = %q", got)
	}
}

func TestCoachInterruptionQuotesThePerson(t *testing.T) {
	f := &Findings{Unheard: []Unheard{{ID: "u1", Kind: KindInterrupted, Person: "Ben", Evidence: []Evidence{
		{Quote: "The thing is —", Speaker: "Ben", Line: 4}, {Quote: "Let's move on.", Speaker: "Ana", Line: 5},
	}}}}
	Coach(f, Options{})
	if got, want := f.Coaching[0].Observation, `Ben was cut off: "The thing is —" (line 4).`; got != want {
		t.Errorf("observation = %q, want %q", got, want)
	}
}
