package eval

import (
	"math"
	"sort"

	"github.com/debrief-cli/debrief/internal/analyze"
	"github.com/debrief-cli/debrief/internal/transcript"
)

// The categories scored, as named in output and in --min-f1.
const (
	CategoryCommitments = "commitments"
	CategoryDecisions   = "decisions"
	// CategoryUnexplained scores decisions whose rationale was not stated: gold decisions
	// with rationale_stated false against predicted decisions with RationaleStated false.
	CategoryUnexplained = "unexplained_decisions"
	CategorySilent      = "silent_attendees"
	CategoryUnanswered  = "unanswered_questions"
)

// Categories returns the scored categories in the order they are reported.
func Categories() []string {
	return []string{CategoryCommitments, CategoryDecisions, CategoryUnexplained, CategorySilent, CategoryUnanswered}
}

// Item is one gold label or one prediction, reduced to what matching and reports use.
type Item struct {
	// Name is the owner, the asker or the silent attendee; "" where the category has none.
	Name string `json:"name,omitempty"`
	// Text is the task, the decision or the question; "" for silent attendees.
	Text string `json:"text,omitempty"`
	// Due is a commitment's due date, YYYY-MM-DD, or "".
	Due string `json:"due,omitempty"`
	// Evidence is what a prediction rests on; empty for gold items.
	Evidence []analyze.Evidence `json:"evidence,omitempty"`
}

// Match pairs a gold item with the prediction that matched it.
type Match struct {
	Gold Item `json:"gold"`
	Pred Item `json:"pred"`
	// Similarity is the fraction of the gold text's content words found in the prediction
	// (1 for categories matched on names only).
	Similarity float64 `json:"similarity"`
}

// CategoryResult is the scoring of one category in one file.
type CategoryResult struct {
	Category string `json:"category"`
	// TP counts matched gold items, FP predictions that matched none, FN gold items no
	// prediction matched.
	TP int `json:"tp"`
	FP int `json:"fp"`
	FN int `json:"fn"`
	// Matches are the matched pairs, Misses the gold items not found and FalseFinds the
	// predictions that matched nothing, each in input order.
	Matches    []Match `json:"matches"`
	Misses     []Item  `json:"misses"`
	FalseFinds []Item  `json:"false_finds"`
}

// DueResult counts due dates over matched commitments whose gold has a due date.
type DueResult struct {
	// Correct counts those whose predicted due date equals the gold one; Total counts them all.
	Correct int `json:"correct"`
	Total   int `json:"total"`
	// Wrong are the matched commitments whose predicted due date differs.
	Wrong []Match `json:"wrong"`
}

// FileResult is the scoring of one labelled file.
type FileResult struct {
	// Name, Input and Gold identify the file; ScoreFile leaves them empty for the caller.
	Name  string `json:"name"`
	Input string `json:"input"`
	Gold  string `json:"gold"`
	// Categories holds the categories the gold labels, in the order of Categories().
	Categories []CategoryResult `json:"categories"`
	Due        DueResult        `json:"due"`
}

// Category returns the result for a category, and false when the file does not label it.
func (r FileResult) Category(name string) (CategoryResult, bool) {
	for _, c := range r.Categories {
		if c.Category == name {
			return c, true
		}
	}
	return CategoryResult{}, false
}

// ScoreFile scores the findings for one meeting against its gold labels, category by
// category, by the matching rules of shared/eval/README.md. Categories the gold does not label
// are left out. f.Meeting may be nil; its attendees, when present, help resolve names.
func ScoreFile(g *Gold, f *analyze.Findings) FileResult {
	if f == nil {
		f = &analyze.Findings{}
	}
	var r FileResult
	var meeting []transcript.Person
	if f.Meeting != nil {
		meeting = f.Meeting.Attendees
	}
	ps := newPeople(meeting, g.Attendees)

	if g.Labelled(CategoryCommitments) {
		var gold, pred []Item
		for _, c := range *g.Commitments {
			gold = append(gold, Item{Name: c.Owner, Text: c.Task, Due: c.Due})
		}
		for _, c := range f.Commitments {
			pred = append(pred, Item{Name: c.Owner, Text: c.Task, Due: c.Due, Evidence: c.Evidence})
		}
		cr := match(CategoryCommitments, gold, pred, ps.namedText)
		for _, m := range cr.Matches {
			if m.Gold.Due == "" {
				continue
			}
			r.Due.Total++
			if m.Pred.Due == m.Gold.Due {
				r.Due.Correct++
			} else {
				r.Due.Wrong = append(r.Due.Wrong, m)
			}
		}
		r.Categories = append(r.Categories, cr)
	}
	if g.Labelled(CategoryDecisions) {
		var gold, pred []Item
		for _, d := range *g.Decisions {
			gold = append(gold, Item{Text: d.Decision})
		}
		for _, d := range f.Decisions {
			pred = append(pred, decisionItem(d))
		}
		r.Categories = append(r.Categories, match(CategoryDecisions, gold, pred, textOnly))
	}
	if g.Labelled(CategoryUnexplained) {
		r.Categories = append(r.Categories, scoreUnexplained(*g.Decisions, f.Decisions))
	}
	if g.Labelled(CategorySilent) {
		var gold, pred []Item
		for _, n := range *g.SilentAttendees {
			gold = append(gold, Item{Name: n})
		}
		for _, u := range f.Unheard {
			if u.Kind == analyze.KindSilentAttendee {
				pred = append(pred, Item{Name: u.Person, Evidence: u.Evidence})
			}
		}
		r.Categories = append(r.Categories, match(CategorySilent, gold, pred, ps.nameOnly))
	}
	if g.Labelled(CategoryUnanswered) {
		var gold, pred []Item
		for _, q := range *g.UnansweredQuestions {
			gold = append(gold, Item{Name: q.Asker, Text: q.Question})
		}
		for _, u := range f.Unheard {
			if u.Kind == analyze.KindUnansweredQuestion {
				pred = append(pred, Item{Name: u.Person, Text: u.Detail, Evidence: u.Evidence})
			}
		}
		r.Categories = append(r.Categories, match(CategoryUnanswered, gold, pred, ps.namedText))
	}
	return r
}

func decisionItem(d analyze.Decision) Item {
	return Item{Name: d.DecidedBy, Text: d.Decision, Evidence: d.Evidence}
}

// scoreUnexplained matches the gold decisions labelled rationale_stated false against the
// predicted decisions whose rationale was not stated. A prediction left over that matches a
// gold decision whose rationale_stated is absent is neither a true nor a false find: the
// label does not say, so it is not counted.
func scoreUnexplained(golds []GoldDecision, preds []analyze.Decision) CategoryResult {
	var gold, pred, unknown []Item
	for _, d := range golds {
		switch {
		case d.RationaleStated == nil:
			unknown = append(unknown, Item{Text: d.Decision})
		case !*d.RationaleStated:
			gold = append(gold, Item{Text: d.Decision})
		}
	}
	for _, d := range preds {
		if !d.RationaleStated {
			pred = append(pred, decisionItem(d))
		}
	}
	cr := match(CategoryUnexplained, gold, pred, textOnly)
	if len(unknown) == 0 || len(cr.FalseFinds) == 0 {
		return cr
	}
	// The false finds that a decision of unknown rationale accounts for, one each.
	um := match(CategoryUnexplained, unknown, cr.FalseFinds, textOnly)
	cr.FalseFinds = um.FalseFinds
	cr.FP = len(cr.FalseFinds)
	return cr
}

// similarity scores a gold item against a prediction: ok false when they do not match; sim
// orders the greedy matching (higher first), and name breaks ties between equal sims.
type similarity func(gold, pred Item) (sim float64, name nameMatch, ok bool)

// textOnly matches on the text rule alone.
func textOnly(gold, pred Item) (float64, nameMatch, bool) {
	c := textCover(gold.Text, predTexts(pred))
	return c, noName, textMatches(c)
}

// nameOnly matches on the name rule alone.
func (ps people) nameOnly(gold, pred Item) (float64, nameMatch, bool) {
	n := ps.matchName(gold.Name, pred.Name)
	return 1, n, n > noName
}

// namedText matches on the owner (or asker) rule and the text rule.
func (ps people) namedText(gold, pred Item) (float64, nameMatch, bool) {
	n := ps.matchOwner(gold.Name, pred.Name)
	if n == noName {
		return 0, noName, false
	}
	c := textCover(gold.Text, predTexts(pred))
	return c, n, textMatches(c)
}

// predTexts is the prediction's text together with its evidence quotes.
func predTexts(p Item) []string {
	texts := []string{p.Text}
	for _, e := range p.Evidence {
		texts = append(texts, e.Quote)
	}
	return texts
}

// match pairs gold items with predictions greedily: of all the pairs that match, best
// similarity first (then the closer name, then gold order, then prediction order), each gold
// item and each prediction used at most once.
func match(category string, gold, pred []Item, sim similarity) CategoryResult {
	type cand struct {
		g, p int
		sim  float64
		name nameMatch
	}
	var cands []cand
	for gi, g := range gold {
		for pi, p := range pred {
			if s, n, ok := sim(g, p); ok {
				cands = append(cands, cand{gi, pi, s, n})
			}
		}
	}
	sort.SliceStable(cands, func(a, b int) bool {
		x, y := cands[a], cands[b]
		if x.sim != y.sim {
			return x.sim > y.sim
		}
		if x.name != y.name {
			return x.name > y.name
		}
		if x.g != y.g {
			return x.g < y.g
		}
		return x.p < y.p
	})
	goldTo := make([]int, len(gold))
	predUsed := make([]bool, len(pred))
	sims := make([]float64, len(gold))
	for i := range goldTo {
		goldTo[i] = -1
	}
	for _, c := range cands {
		if goldTo[c.g] >= 0 || predUsed[c.p] {
			continue
		}
		goldTo[c.g], predUsed[c.p], sims[c.g] = c.p, true, c.sim
	}
	cr := CategoryResult{Category: category, Matches: []Match{}, Misses: []Item{}, FalseFinds: []Item{}}
	for gi, pi := range goldTo {
		if pi < 0 {
			cr.Misses = append(cr.Misses, gold[gi])
			continue
		}
		cr.Matches = append(cr.Matches, Match{Gold: gold[gi], Pred: pred[pi], Similarity: math.Round(sims[gi]*10000) / 10000})
	}
	for pi, used := range predUsed {
		if !used {
			cr.FalseFinds = append(cr.FalseFinds, pred[pi])
		}
	}
	cr.TP, cr.FP, cr.FN = len(cr.Matches), len(cr.FalseFinds), len(cr.Misses)
	return cr
}
