package eval

import (
	"math"
	"testing"

	"github.com/debrief-cli/debrief/internal/analyze"
	"github.com/debrief-cli/debrief/internal/transcript"
)

func ptr[T any](v T) *T { return &v }

// counts is TP, FP, FN.
type counts [3]int

func countsOf(t *testing.T, r FileResult, category string) counts {
	t.Helper()
	c, ok := r.Category(category)
	if !ok {
		t.Fatalf("category %s not scored", category)
	}
	return counts{c.TP, c.FP, c.FN}
}

func ev(quote string, line int) []analyze.Evidence {
	return []analyze.Evidence{{Quote: quote, Speaker: "x", Line: line}}
}

func TestGreedyOneToOne(t *testing.T) {
	g := &Gold{Commitments: &[]GoldCommitment{{Owner: "Ana Ruiz", Task: "send the budget deck to finance"}}}
	f := &analyze.Findings{Commitments: []analyze.Commitment{
		{Owner: "Ana", Task: "send the deck", Evidence: ev("I'll send the deck", 3)},
		{Owner: "Ana Ruiz", Task: "send the budget deck to finance", Evidence: ev("I'll send the budget deck to finance", 9)},
	}}
	r := ScoreFile(g, f)
	if got := countsOf(t, r, CategoryCommitments); got != (counts{1, 1, 0}) {
		t.Fatalf("two predictions, one gold: got TP/FP/FN %v, want [1 1 0]", got)
	}
	c, _ := r.Category(CategoryCommitments)
	// The better prediction wins; the weaker one is the false find.
	if c.Matches[0].Pred.Evidence[0].Line != 9 || c.FalseFinds[0].Evidence[0].Line != 3 {
		t.Errorf("matched %+v, false find %+v: want the full match matched", c.Matches[0].Pred, c.FalseFinds[0])
	}

	// One prediction, two gold items: 1 TP, 1 FN.
	g = &Gold{Commitments: &[]GoldCommitment{
		{Owner: "Ana", Task: "send the deck"},
		{Owner: "Ana", Task: "send the deck again"},
	}}
	f = &analyze.Findings{Commitments: []analyze.Commitment{{Owner: "Ana", Task: "send the deck"}}}
	if got := countsOf(t, ScoreFile(g, f), CategoryCommitments); got != (counts{1, 0, 1}) {
		t.Errorf("one prediction, two gold: got %v, want [1 0 1]", got)
	}
}

func TestGreedyPrefersExactName(t *testing.T) {
	g := &Gold{Attendees: []string{"Bill Kasdorf", "Bill McCoy"}, SilentAttendees: &[]string{"Bill Kasdorf"}}
	f := &analyze.Findings{Unheard: []analyze.Unheard{
		{Kind: analyze.KindSilentAttendee, Person: "Bill"},
		{Kind: analyze.KindSilentAttendee, Person: "Bill Kasdorf"},
	}}
	c, _ := ScoreFile(g, f).Category(CategorySilent)
	if c.TP != 1 || c.FP != 1 || c.FalseFinds[0].Name != "Bill" {
		t.Errorf("got %+v: want Bill Kasdorf matched and Bill a false find", c)
	}
}

func TestCommitmentsNeedNameAndText(t *testing.T) {
	g := &Gold{
		Attendees: []string{"Kjetil Kjernsmo", "Sarven Capadisli"},
		Commitments: &[]GoldCommitment{
			{Owner: "KK", Task: "open an issue about storage discovery"},
			{Owner: "", Task: "remove 266 from the milestone"},
			{Owner: "KK / SC", Task: "write the test suite report"},
		},
	}
	f := &analyze.Findings{
		Meeting: &transcript.Meeting{Attendees: []transcript.Person{{Name: "Kjetil Kjernsmo", Aliases: []string{"Kjetil"}}}},
		Commitments: []analyze.Commitment{
			// Right text, wrong owner: a false find, and the gold item a miss.
			{Owner: "Sarven Capadisli", Task: "open an issue about storage discovery"},
			// Any owner for a gold owner of "".
			{Owner: "Kjetil", Task: "take 266 off the milestone"},
			// One of several owners.
			{Owner: "Sarven", Task: "report on the test suite"},
		},
	}
	r := ScoreFile(g, f)
	if got := countsOf(t, r, CategoryCommitments); got != (counts{2, 1, 1}) {
		t.Errorf("got %v, want [2 1 1]", got)
	}
}

func TestAbsentAndEmptyCategories(t *testing.T) {
	g := &Gold{Decisions: &[]GoldDecision{}, SilentAttendees: &[]string{}}
	f := &analyze.Findings{
		Commitments: []analyze.Commitment{{Owner: "Ana", Task: "send the deck"}},
		Decisions:   []analyze.Decision{{Decision: "ship on Monday", RationaleStated: true}},
	}
	r := ScoreFile(g, f)
	if _, ok := r.Category(CategoryCommitments); ok {
		t.Error("commitments are not labelled, yet scored")
	}
	if _, ok := r.Category(CategoryUnanswered); ok {
		t.Error("unanswered questions are not labelled, yet scored")
	}
	if got := countsOf(t, r, CategoryDecisions); got != (counts{0, 1, 0}) {
		t.Errorf("decisions labelled empty: got %v, want [0 1 0]", got)
	}
	if got := countsOf(t, r, CategoryUnexplained); got != (counts{0, 0, 0}) {
		t.Errorf("unexplained decisions labelled empty: got %v, want [0 0 0]", got)
	}
	if got := countsOf(t, r, CategorySilent); got != (counts{0, 0, 0}) {
		t.Errorf("silent attendees labelled empty: got %v, want [0 0 0]", got)
	}
	s := Summarize([]FileResult{r})
	if c, _ := s.Category(CategoryCommitments); c.Files != 0 || !c.NA() {
		t.Errorf("commitments summary %+v: want 0 files and n/a", c)
	}
	if c, _ := s.Category(CategorySilent); c.Files != 1 || !c.NA() {
		t.Errorf("silent attendees summary %+v: want 1 file and n/a", c)
	}
	if c, _ := s.Category(CategoryDecisions); c.NA() || c.Precision != 0 || c.Recall != 1 || c.F1 != 0 {
		t.Errorf("decisions summary %+v: want P 0, R 1, F1 0", c)
	}
}

func TestUnexplainedDecisions(t *testing.T) {
	g := &Gold{Decisions: &[]GoldDecision{
		{Decision: "move the launch to March", RationaleStated: ptr(false)},
		{Decision: "hire a contractor for the migration", RationaleStated: ptr(true)},
		{Decision: "use Postgres for the event store"}, // rationale not labelled
		{Decision: "drop the APAC timezone meeting", RationaleStated: ptr(false)},
	}}
	f := &analyze.Findings{Decisions: []analyze.Decision{
		{Decision: "launch moves to March"},                        // TP
		{Decision: "hire a contractor for the migration"},          // FP: the reason was stated
		{Decision: "Postgres for the event store"},                 // not counted: label does not say
		{Decision: "buy new laptops"},                              // FP: no such decision
		{Decision: "drop the APAC meeting", RationaleStated: true}, // not an unexplained prediction
	}}
	r := ScoreFile(g, f)
	// TP: launch. FP: contractor, laptops. FN: APAC (predicted, but as explained).
	if got := countsOf(t, r, CategoryUnexplained); got != (counts{1, 2, 1}) {
		t.Errorf("unexplained: got %v, want [1 2 1]", got)
	}
	// As decisions, all four gold items are found and laptops is the one false find.
	if got := countsOf(t, r, CategoryDecisions); got != (counts{4, 1, 0}) {
		t.Errorf("decisions: got %v, want [4 1 0]", got)
	}

	unlabelled := &Gold{Decisions: &[]GoldDecision{{Decision: "move the launch"}}}
	if unlabelled.Labelled(CategoryUnexplained) {
		t.Error("decisions without rationale_stated label unexplained decisions")
	}
	if !(&Gold{Decisions: &[]GoldDecision{}}).Labelled(CategoryUnexplained) {
		t.Error("an empty decision list should label unexplained decisions as none")
	}
}

func TestUnansweredQuestions(t *testing.T) {
	g := &Gold{
		Attendees:           []string{"Justin Bingham", "Henry Story"},
		UnansweredQuestions: &[]GoldQuestion{{Asker: "Justin Bingham", Question: "do we have to resolve storage first?"}},
	}
	f := &analyze.Findings{Unheard: []analyze.Unheard{
		{Kind: analyze.KindUnansweredQuestion, Person: "JB", Detail: "question not answered",
			Evidence: ev("Do we have to resolve storage first?", 14)},
		{Kind: analyze.KindUnansweredQuestion, Person: "Henry Story", Detail: "question not answered",
			Evidence: ev("Do we have to resolve storage first?", 20)}, // wrong asker
		{Kind: analyze.KindSilentAttendee, Person: "Justin Bingham"}, // another kind
	}}
	if got := countsOf(t, ScoreFile(g, f), CategoryUnanswered); got != (counts{1, 1, 0}) {
		t.Errorf("got %v, want [1 1 0]", got)
	}
}

func TestDueAccuracy(t *testing.T) {
	g := &Gold{Commitments: &[]GoldCommitment{
		{Owner: "Ana", Task: "send the deck", Due: "2024-05-10"},
		{Owner: "Ben", Task: "book the venue", Due: "2024-05-17"},
		{Owner: "Chloé", Task: "draft the press release"},          // no due: not counted
		{Owner: "Dan", Task: "fix the printer", Due: "2024-05-03"}, // unmatched: not counted
	}}
	f := &analyze.Findings{Commitments: []analyze.Commitment{
		{Owner: "Ana", Task: "send the deck", Due: "2024-05-10"},
		{Owner: "Ben", Task: "book the venue", Due: ""},
		{Owner: "Chloe", Task: "draft the press release", Due: "2024-05-20"},
	}}
	r := ScoreFile(g, f)
	if r.Due.Correct != 1 || r.Due.Total != 2 || len(r.Due.Wrong) != 1 || r.Due.Wrong[0].Gold.Name != "Ben" {
		t.Errorf("due %+v: want 1 of 2 right, Ben's wrong", r.Due)
	}
	if acc, ok := Summarize([]FileResult{r}).Due.Accuracy(); !ok || acc != 0.5 {
		t.Errorf("due accuracy %v %v, want 0.5", acc, ok)
	}
}

// TestMicroAverage scores hand-made predictions for two files against hand-made gold.
//
// File 1: Ana's and Ben's commitments found (2 TP), Chloé's missed (1 FN), Dan's printer fix
// invented (1 FP). File 2: Ana's roadmap found (1 TP), Ben's two missed (2 FN), and "call the
// vendor" predicted with the wrong owner (1 FP).
//
// Summed: TP 3, FP 2, FN 3, so P = 3/5 = 0.6, R = 3/6 = 0.5, F1 = 2*3/(2*3+2+3) = 6/11.
// Decisions are labelled in file 1 only: 1 TP, 0 FP, 1 FN, so P = 1, R = 0.5, F1 = 2/3.
func TestMicroAverage(t *testing.T) {
	g1 := &Gold{
		Commitments: &[]GoldCommitment{
			{Owner: "Ana Ruiz", Task: "send the budget deck"},
			{Owner: "Ben Ortiz", Task: "book the venue"},
			{Owner: "Chloé Martin", Task: "draft the press release"},
		},
		Decisions: &[]GoldDecision{{Decision: "hold the offsite in Lisbon"}, {Decision: "freeze hiring until June"}},
	}
	f1 := &analyze.Findings{
		Commitments: []analyze.Commitment{
			{Owner: "Ana", Task: "send deck", Evidence: ev("I'll send the budget deck tonight", 4)},
			{Owner: "Ben", Task: "book a venue for the offsite"},
			{Owner: "Dan", Task: "fix the printer"},
		},
		Decisions: []analyze.Decision{{Decision: "offsite will be in Lisbon"}},
	}
	g2 := &Gold{Commitments: &[]GoldCommitment{
		{Owner: "Ana Ruiz", Task: "update the roadmap slides"},
		{Owner: "Ben Ortiz", Task: "call the vendor"},
		{Owner: "Ben Ortiz", Task: "renew the license"},
	}}
	f2 := &analyze.Findings{Commitments: []analyze.Commitment{
		{Owner: "Ana Ruiz", Task: "update roadmap slides"},
		{Owner: "Ana Ruiz", Task: "call the vendor"},
	}}
	s := Summarize([]FileResult{ScoreFile(g1, f1), ScoreFile(g2, f2)})
	if s.Files != 2 {
		t.Errorf("files = %d, want 2", s.Files)
	}
	tests := []struct {
		category   string
		files      int
		tp, fp, fn int
		p, r, f1   float64
	}{
		{CategoryCommitments, 2, 3, 2, 3, 0.6, 0.5, 6.0 / 11},
		{CategoryDecisions, 1, 1, 0, 1, 1, 0.5, 2.0 / 3},
	}
	for _, tt := range tests {
		c, _ := s.Category(tt.category)
		if c.Files != tt.files || c.TP != tt.tp || c.FP != tt.fp || c.FN != tt.fn {
			t.Errorf("%s: files %d TP %d FP %d FN %d, want %d %d %d %d", tt.category, c.Files, c.TP, c.FP, c.FN, tt.files, tt.tp, tt.fp, tt.fn)
		}
		if !near(c.Precision, tt.p) || !near(c.Recall, tt.r) || !near(c.F1, tt.f1) {
			t.Errorf("%s: P %.4f R %.4f F1 %.4f, want %.4f %.4f %.4f", tt.category, c.Precision, c.Recall, c.F1, tt.p, tt.r, tt.f1)
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
