package analyze

import (
	"strconv"
	"strings"

	"github.com/debrief-cli/debrief/internal/transcript"
)

// The coaching is ordered by what is most worth doing next, and Next takes the first three:
//
//  1. promises at risk: work assigned to someone who never accepted it (no-dictating), then
//     commitments nobody owns (follow-through);
//  2. people not heard: unanswered questions, unaddressed concerns, the leader's own share of
//     the talk, silent attendees, people cut off, people with a small share (heard);
//  3. decisions whose reason was never stated (explain-why), then threads the meeting left
//     open (decide-clearly);
//  4. the rest: the leader's own promises, commitments with no date or a condition
//     (follow-through), and writing it all down (write-it-down).
//
// Within a tier, items follow the order in which their findings appear.

// coachQuoteLimit is the longest quote, in runes, an observation repeats in full.
const coachQuoteLimit = 120

// Coach fills f.Coaching with advice drawn from the findings, each item mapped to a principle
// of shared/principles.md, and f.Next with the indexes of the three items most worth doing
// next. Observations only repeat what the findings hold. When opts.Me names the person a
// finding is about, the advice speaks to them ("you").
func Coach(f *Findings, opts Options) {
	c := coach{f: f, me: transcript.FoldName(opts.Me)}
	var out []Coaching
	out = append(out, c.notAccepted()...)
	out = append(out, c.noOwner()...)
	out = append(out, c.unheardKind(KindUnansweredQuestion)...)
	out = append(out, c.unheardKind(KindUnaddressedConcern)...)
	out = append(out, c.myShare()...)
	out = append(out, c.silent()...)
	out = append(out, c.interrupted()...)
	out = append(out, c.lowShare()...)
	out = append(out, c.noWhy()...)
	out = append(out, c.openThreads()...)
	out = append(out, c.myPromises()...)
	out = append(out, c.vague()...)
	out = append(out, c.writeItDown()...)
	if out == nil {
		out = []Coaching{}
	}
	f.Coaching = out
	f.Next = []int{}
	for i := 0; i < len(out) && i < 3; i++ {
		f.Next = append(f.Next, i)
	}
}

// coach holds what every rule needs: the findings and the folded name of the reader.
type coach struct {
	f  *Findings
	me string
}

// isMe reports whether name is the person the report speaks to: the same folded name, or an
// alias the meeting records for that attendee.
func (c coach) isMe(name string) bool {
	if c.me == "" || name == "" {
		return false
	}
	if transcript.FoldName(name) == c.me {
		return true
	}
	if c.f.Meeting == nil {
		return false
	}
	for _, p := range c.f.Meeting.Attendees {
		if p.Name != name {
			continue
		}
		for _, a := range p.Aliases {
			if transcript.FoldName(a) == c.me {
				return true
			}
		}
	}
	return false
}

// who names a person as the report addresses them: "you" for the reader.
func (c coach) who(name string) string {
	if c.isMe(name) {
		return "you"
	}
	return name
}

// whoCap is who at the start of a sentence.
func (c coach) whoCap(name string) string { return coachUpper(c.who(name)) }

// whose is the possessive of who.
func (c coach) whose(name string) string {
	if c.isMe(name) {
		return "your"
	}
	return name + "'s"
}

// notAccepted gives one no-dictating item per owner of work they never accepted.
func (c coach) notAccepted() []Coaching {
	var out []Coaching
	for _, g := range coachGroupBy(c.f.Commitments, func(cm Commitment) string {
		if cm.Owner == "" || !cm.HasFlag(FlagAssignedNotAccepted) {
			return ""
		}
		return cm.Owner
	}) {
		owner := g.key
		var parts, tasks []string
		for _, cm := range g.items {
			part := coachQuoted(cm.Task)
			if e, ok := coachFirst(cm.Evidence); ok {
				by := ""
				if e.Speaker != "" && e.Speaker != owner {
					by = ", assigned by " + c.who(e.Speaker)
				}
				part += by + " (" + coachCite(e) + ")"
			}
			parts = append(parts, part)
			tasks = append(tasks, coachQuoted(cm.Task))
		}
		var obs, sug string
		if c.isMe(owner) {
			obs = "You were given work you never agreed to: " + coachJoin(parts) + "."
			sug = "Accept " + coachAnd(tasks) + " with a date you can keep, or say now what you cannot take on."
		} else {
			obs = owner + " was given work and never agreed to it: " + coachJoin(parts) + "."
			sug = "Confirm with " + owner + " that " + coachAnd(tasks) + " is theirs to take on, and let them set the date."
		}
		out = append(out, Coaching{Principle: PrincipleNoDictating, Observation: obs, Suggestion: sug, Refs: coachCommitmentIDs(g.items)})
	}
	return out
}

// noOwner gives one follow-through item for all the commitments nobody owns.
func (c coach) noOwner() []Coaching {
	var items []Commitment
	for _, cm := range c.f.Commitments {
		if cm.Owner == "" || cm.HasFlag(FlagNoOwner) {
			items = append(items, cm)
		}
	}
	if len(items) == 0 {
		return nil
	}
	var parts, tasks []string
	undated := false
	for _, cm := range items {
		parts = append(parts, coachEvidenceOr(cm.Evidence, cm.Task))
		tasks = append(tasks, coachQuoted(cm.Task))
		undated = undated || cm.Due == "" && cm.DueText == ""
	}
	obs := "A commitment has no owner: " + parts[0] + "."
	sug := "Ask who will take " + tasks[0]
	if undated {
		sug += " and by when"
	}
	sug += ", and write the name next to it."
	if len(items) > 1 {
		obs = strconv.Itoa(len(items)) + " commitments have no owner: " + coachJoin(parts) + "."
		sug = "Ask who will take each of " + coachAnd(tasks)
		if undated {
			sug += ", and by when"
		}
		sug += "; write the names next to them."
	}
	return []Coaching{{Principle: PrincipleFollowThrough, Observation: obs, Suggestion: sug, Refs: coachCommitmentIDs(items)}}
}

// unheardKind gives one heard item per person for unanswered questions or unaddressed concerns.
func (c coach) unheardKind(kind string) []Coaching {
	var out []Coaching
	for _, g := range coachGroupUnheard(c.f.Unheard, kind) {
		person := g.key
		var quotes, trimmed, cites []string
		for _, u := range g.items {
			for _, e := range coachOwn(u) {
				quotes = append(quotes, coachQuoted(coachShorten(e.Quote)))
				trimmed = append(trimmed, coachQuoted(strings.TrimRight(coachShorten(e.Quote), ".")))
				cites = append(cites, coachQuoted(coachShorten(e.Quote))+" ("+coachCite(e)+")")
			}
			if len(u.Evidence) == 0 && u.Detail != "" {
				quotes = append(quotes, coachQuoted(coachShorten(u.Detail)))
				trimmed = append(trimmed, coachQuoted(strings.TrimRight(coachShorten(u.Detail), ".")))
				cites = append(cites, coachQuoted(coachShorten(u.Detail)))
			}
		}
		var obs, sug string
		plural := len(cites) > 1
		switch kind {
		case KindUnansweredQuestion:
			noun := "question"
			if plural {
				noun = "questions"
			}
			obs = coachUpper(c.whose(person)) + " " + noun + " got no answer"
			if c.isMe(person) {
				sug = "Ask again in the follow-up and name who should answer: " + coachAnd(quotes) + "."
			} else {
				sug = "Get back to " + person + " with an answer to " + coachAnd(quotes) +
					", or name who will answer and by when."
			}
		default:
			if c.isMe(person) {
				obs = "You raised a concern nobody responded to"
				if plural {
					obs = "You raised concerns nobody responded to"
				}
				sug = "Raise " + coachAnd(trimmed) + " again in writing, and ask for a response by a date."
			} else {
				obs = person + " raised a concern nobody responded to"
				if plural {
					obs = person + " raised concerns nobody responded to"
				}
				concern, it := "concern", "it"
				if plural {
					concern, it = "concerns", "them"
				}
				sug = "Reply to " + c.whose(person) + " " + concern + " (" + coachAnd(trimmed) +
					") directly: say what will be done about " + it + ", or why not."
			}
		}
		if len(cites) > 0 {
			obs += ": " + coachJoin(cites)
		}
		obs += "."
		out = append(out, Coaching{Principle: PrincipleHeard, Observation: obs, Suggestion: sug, Refs: coachUnheardIDs(g.items)})
	}
	return out
}

// myShare gives a heard item when the reader took far more than an equal share of the talk
// in a meeting of three or more.
func (c coach) myShare() []Coaching {
	n := c.people()
	if c.me == "" || n < 3 {
		return nil
	}
	equal := 1 / float64(n)
	for _, p := range c.f.Participation {
		if !c.isMe(p.Name) || p.WordShare <= 1.5*equal {
			continue
		}
		obs := "You spoke " + coachPercent(p.WordShare) + " of the words"
		if p.TimeShare > 0 {
			obs += " (" + coachPercent(p.TimeShare) + " of the talk time)"
		}
		obs += " in a meeting of " + strconv.Itoa(n) + " people, where an equal share is " + coachPercent(equal) + "."
		sug := "Next time, ask before you tell: put a question to the room, wait, and invite the quietest people by name before giving your view."
		return []Coaching{{Principle: PrincipleHeard, Observation: obs, Suggestion: sug, Refs: []string{}}}
	}
	return nil
}

// silent gives one heard item naming every attendee who never spoke.
func (c coach) silent() []Coaching {
	items := coachUnheardOf(c.f.Unheard, KindSilentAttendee)
	if len(items) == 0 {
		return nil
	}
	var names, others []string
	for _, u := range items {
		names = append(names, c.who(u.Person))
		if !c.isMe(u.Person) {
			others = append(others, u.Person)
		}
	}
	obs := coachUpper(coachAnd(names)) + " attended but never spoke."
	sug := "Speak up early next time: your view counts as much as anyone's."
	if len(others) > 0 {
		whom := coachAnd(others)
		if len(others) > coachListMax {
			whom = "each of them"
		}
		ask := "ask for their view directly"
		if len(others) > 1 {
			ask = "ask each for their view directly"
		}
		sug = "Check in with " + whom + " after the meeting and " + ask + "; next time, invite them by name early on."
	}
	return []Coaching{{Principle: PrincipleHeard, Observation: obs, Suggestion: sug, Refs: coachUnheardIDs(items)}}
}

// interrupted gives one heard item for everyone who was cut off, with what they were saying.
func (c coach) interrupted() []Coaching {
	items := coachUnheardOf(c.f.Unheard, KindInterrupted)
	if len(items) == 0 {
		return nil
	}
	var parts, others []string
	for _, g := range coachGroupUnheard(items, KindInterrupted) {
		var cites []string
		for _, u := range g.items {
			for _, e := range coachOwn(u) {
				cites = append(cites, coachQuoted(coachShorten(e.Quote))+" ("+coachCite(e)+")")
			}
		}
		part := c.whoCap(g.key)
		if c.isMe(g.key) {
			part += " were cut off"
		} else {
			part += " was cut off"
			others = append(others, g.key)
		}
		if len(cites) > 0 {
			part += ": " + coachJoin(cites)
		}
		parts = append(parts, part)
	}
	obs := strings.Join(parts, ". ") + "."
	sug := "Hold the floor for whoever is speaking, and let them finish before anyone answers."
	if len(others) > 0 {
		sug = "Go back to what " + coachAnd(others) + " was saying and ask them to finish the point; next time, hold the floor for whoever is speaking."
		if len(others) > 1 {
			sug = strings.Replace(sug, " was saying", " were saying", 1)
		}
	}
	return []Coaching{{Principle: PrincipleHeard, Observation: obs, Suggestion: sug, Refs: coachUnheardIDs(items)}}
}

// lowShare gives one heard item naming the people with a small share of the talk.
func (c coach) lowShare() []Coaching {
	items := coachUnheardOf(c.f.Unheard, KindLowShare)
	if len(items) == 0 {
		return nil
	}
	var parts, others []string
	for _, u := range items {
		part := c.who(u.Person)
		if p, ok := c.participation(u.Person); ok {
			part += " (" + coachPercent(p.WordShare) + " of the words)"
		} else if u.Detail != "" {
			part += " (" + u.Detail + ")"
		}
		parts = append(parts, part)
		if !c.isMe(u.Person) {
			others = append(others, u.Person)
		}
	}
	obs := coachUpper(coachAnd(parts)) + " said very little"
	if n := c.people(); n > 0 {
		obs += ", where an equal share is " + coachPercent(1/float64(n))
	}
	obs += "."
	sug := "Say more next time: put your view in early, before the discussion settles."
	if len(others) > 0 {
		sug = "Ask " + coachAnd(others) + " by name for their view next time, or ask in writing before anything is final."
	}
	return []Coaching{{Principle: PrincipleHeard, Observation: obs, Suggestion: sug, Refs: coachUnheardIDs(items)}}
}

// noWhy gives one explain-why item for every decision whose reason was never stated, noting
// the ones where no alternative was mentioned either.
func (c coach) noWhy() []Coaching {
	var items []Decision
	for _, d := range c.f.Decisions {
		if !d.RationaleStated {
			items = append(items, d)
		}
	}
	if len(items) == 0 {
		return nil
	}
	var parts, names []string
	ids := []string{}
	for _, d := range items {
		var meta []string
		if d.DecidedBy != "" {
			meta = append(meta, "by "+c.who(d.DecidedBy))
		}
		if e, ok := coachFirst(d.Evidence); ok {
			meta = append(meta, coachCite(e))
		}
		if !d.AlternativesMentioned {
			meta = append(meta, "no alternatives mentioned")
		}
		part := coachQuoted(coachShorten(d.Decision))
		if len(meta) > 0 {
			part += " (" + strings.Join(meta, "; ") + ")"
		}
		parts = append(parts, part)
		names = append(names, coachQuoted(strings.TrimRight(coachShorten(d.Decision), ".")))
		ids = append(ids, d.ID)
	}
	obs := "A decision was made with no reason stated: " + parts[0] + "."
	sug := "Write down why " + names[0] + " was decided and which tradeoff was accepted, and share it with everyone affected."
	if len(items) > 1 {
		obs = strconv.Itoa(len(items)) + " decisions were made with no reason stated: " + coachJoin(parts) + "."
		sug = "Write down why " + coachAnd(names) + " were decided and which tradeoff each accepted, and share it with everyone affected."
	}
	return []Coaching{{Principle: PrincipleExplainWhy, Observation: obs, Suggestion: sug, Refs: ids}}
}

// myPromises gives one follow-through item listing what the reader promised.
func (c coach) myPromises() []Coaching {
	var items []Commitment
	for _, cm := range c.f.Commitments {
		if c.isMe(cm.Owner) && !cm.HasFlag(FlagAssignedNotAccepted) {
			items = append(items, cm)
		}
	}
	if len(items) == 0 {
		return nil
	}
	var parts, tasks, undated []string
	for _, cm := range items {
		tasks = append(tasks, coachQuoted(cm.Task))
		part := coachQuoted(cm.Task)
		switch {
		case cm.Due != "" && cm.DueText != "":
			part += " by " + cm.Due + " (" + coachQuoted(cm.DueText) + ")"
		case cm.Due != "":
			part += " by " + cm.Due
		case cm.DueText != "":
			part += " " + coachQuoted(cm.DueText)
		default:
			part += " with no date"
			undated = append(undated, coachQuoted(cm.Task))
		}
		if cm.HasFlag(FlagConditional) {
			part += ", on a condition"
		}
		if e, ok := coachFirst(cm.Evidence); ok {
			part += " (" + coachCite(e) + ")"
		}
		parts = append(parts, part)
	}
	obs := "You promised " + coachJoin(parts) + "."
	sug := "Put " + coachAnd(tasks) + " in your calendar now, and close the loop: tell the group when it is done, or early if it slips."
	if len(undated) > 0 {
		sug = "Pick a date for " + coachAnd(undated) + " and tell the group; put " + coachAnd(tasks) +
			" in your calendar, and close the loop when it is done, or early if it slips."
	}
	return []Coaching{{Principle: PrincipleFollowThrough, Observation: obs, Suggestion: sug, Refs: coachCommitmentIDs(items)}}
}

// vague gives one follow-through item for others' commitments that have no date or hang on a
// condition.
func (c coach) vague() []Coaching {
	var items []Commitment
	for _, cm := range c.f.Commitments {
		if cm.Owner == "" || cm.HasFlag(FlagNoOwner) || cm.HasFlag(FlagAssignedNotAccepted) || c.isMe(cm.Owner) {
			continue
		}
		if cm.HasFlag(FlagNoDate) || cm.HasFlag(FlagConditional) {
			items = append(items, cm)
		}
	}
	if len(items) == 0 {
		return nil
	}
	var parts, asks []string
	for _, cm := range items {
		var part string
		switch {
		case cm.HasFlag(FlagNoDate) && cm.HasFlag(FlagConditional):
			part = cm.Owner + " gave no date for " + coachQuoted(cm.Task) + " and made it depend on a condition"
		case cm.HasFlag(FlagNoDate):
			part = cm.Owner + " gave no date for " + coachQuoted(cm.Task)
		default:
			part = cm.Owner + " made " + coachQuoted(cm.Task) + " depend on a condition"
		}
		if e, ok := coachFirst(cm.Evidence); ok {
			part += ": " + coachQuoted(coachShorten(e.Quote)) + " (" + coachCite(e) + ")"
		}
		parts = append(parts, part)
		ask := "ask " + cm.Owner
		switch {
		case cm.HasFlag(FlagNoDate) && cm.HasFlag(FlagConditional):
			ask += " whether " + coachQuoted(cm.Task) + " is a firm yes, and by when"
		case cm.HasFlag(FlagNoDate):
			ask += " by when " + coachQuoted(cm.Task) + " will be done"
		default:
			ask += " whether " + coachQuoted(cm.Task) + " is a firm yes"
		}
		asks = append(asks, ask)
	}
	obs := coachJoin(parts) + "."
	sug := coachUpper(strings.Join(asks, "; ")) + "."
	return []Coaching{{Principle: PrincipleFollowThrough, Observation: obs, Suggestion: sug, Refs: coachCommitmentIDs(items)}}
}

// writeItDown always closes the coaching when the meeting produced anything to write down.
func (c coach) writeItDown() []Coaching {
	nc, nd, no := len(c.f.Commitments), len(c.f.Decisions), len(c.f.OpenThreads)
	if nc == 0 && nd == 0 && no == 0 {
		return nil
	}
	var what []string
	if nc > 0 {
		what = append(what, coachCount(nc, "commitment", "commitments"))
	}
	if nd > 0 {
		what = append(what, coachCount(nd, "decision", "decisions"))
	}
	if no > 0 {
		what = append(what, coachCount(no, "open thread", "open threads"))
	}
	obs := "The meeting produced " + coachAnd(what) + "."
	sug := "Send owners, dates and decisions to everyone in a shared doc today: `debrief checklist` prints them as a task list by owner, ready to paste."
	if no > 0 {
		sug = "Send owners, dates, decisions and the threads still open to everyone in a shared doc today: `debrief checklist` prints them as a task list by owner, ready to paste."
	}
	refs := coachCommitmentIDs(c.f.Commitments)
	for _, d := range c.f.Decisions {
		refs = append(refs, d.ID)
	}
	for _, o := range c.f.OpenThreads {
		refs = append(refs, o.ID)
	}
	return []Coaching{{Principle: PrincipleWriteItDown, Observation: obs, Suggestion: sug, Refs: refs}}
}

// people is the number of people in the meeting: attendees or people with a share of the
// talk, whichever is more.
func (c coach) people() int {
	n := len(c.f.Participation)
	if c.f.Meeting != nil && len(c.f.Meeting.Attendees) > n {
		n = len(c.f.Meeting.Attendees)
	}
	return n
}

// participation finds a person's share of the talk.
func (c coach) participation(name string) (Participation, bool) {
	for _, p := range c.f.Participation {
		if p.Name == name {
			return p, true
		}
	}
	return Participation{}, false
}

// coachGroup holds findings that share a key, in order of first appearance.
type coachGroup[T any] struct {
	key   string
	items []T
}

// coachGroupBy groups items by key in order of first appearance, skipping the empty key.
func coachGroupBy[T any](items []T, key func(T) string) []coachGroup[T] {
	var out []coachGroup[T]
	at := map[string]int{}
	for _, it := range items {
		k := key(it)
		if k == "" {
			continue
		}
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, coachGroup[T]{key: k})
		}
		out[i].items = append(out[i].items, it)
	}
	return out
}

// coachGroupUnheard groups the unheard voices of one kind by person.
func coachGroupUnheard(us []Unheard, kind string) []coachGroup[Unheard] {
	return coachGroupBy(us, func(u Unheard) string {
		if u.Kind != kind {
			return ""
		}
		if u.Person == "" {
			return "Someone"
		}
		return u.Person
	})
}

func coachUnheardOf(us []Unheard, kind string) []Unheard {
	var out []Unheard
	for _, u := range us {
		if u.Kind == kind {
			out = append(out, u)
		}
	}
	return out
}

// coachOwn is the evidence of an unheard voice in the person's own words: an interruption
// also cites the one who cut in. All of it when none is attributed to the person.
func coachOwn(u Unheard) []Evidence {
	var own []Evidence
	for _, e := range u.Evidence {
		if e.Speaker == u.Person {
			own = append(own, e)
		}
	}
	if own == nil {
		return u.Evidence
	}
	return own
}

func coachCommitmentIDs(cs []Commitment) []string {
	ids := []string{}
	for _, c := range cs {
		ids = append(ids, c.ID)
	}
	return ids
}

func coachUnheardIDs(us []Unheard) []string {
	ids := []string{}
	for _, u := range us {
		ids = append(ids, u.ID)
	}
	return ids
}

func coachFirst(es []Evidence) (Evidence, bool) {
	if len(es) == 0 {
		return Evidence{}, false
	}
	return es[0], true
}

// coachEvidenceOr cites the first piece of evidence with its quote, or quotes fallback.
func coachEvidenceOr(es []Evidence, fallback string) string {
	if e, ok := coachFirst(es); ok {
		return coachQuoted(coachShorten(e.Quote)) + " (" + coachCite(e) + ")"
	}
	return coachQuoted(fallback)
}

// coachCite says where evidence is: "line 12" or "line 12, 00:03:10".
func coachCite(e Evidence) string {
	s := "line " + strconv.Itoa(e.Line)
	if e.Time != "" {
		s += ", " + e.Time
	}
	return s
}

// coachQuoted puts s in double quotes, on one line.
func coachQuoted(s string) string {
	return "\"" + strings.Join(strings.Fields(s), " ") + "\""
}

// coachShorten cuts s at a word boundary to at most coachQuoteLimit runes, marking the cut with "…".
func coachShorten(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= coachQuoteLimit {
		return s
	}
	cut := string(r[:coachQuoteLimit])
	if i := strings.LastIndex(cut, " "); i > coachQuoteLimit/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.") + "…"
}

// coachListMax is the most items an observation or suggestion lists; the rest are counted.
const coachListMax = 5

// coachCap keeps the first coachListMax items and counts the rest: "3 more".
func coachCap(items []string) []string {
	if len(items) <= coachListMax {
		return items
	}
	out := append([]string{}, items[:coachListMax]...)
	return append(out, strconv.Itoa(len(items)-coachListMax)+" more")
}

// coachJoin joins clauses with semicolons, counting those past coachListMax.
func coachJoin(items []string) string {
	items = coachCap(items)
	if len(items) > coachListMax {
		items[len(items)-1] = "and " + items[len(items)-1]
	}
	return strings.Join(items, "; ")
}

// coachAnd joins items as "a", "a and b", or "a, b and c", counting those past coachListMax.
func coachAnd(items []string) string {
	items = coachCap(items)
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// coachCount writes n with the singular or plural noun phrase: "1 decision was", "3 decisions were".
func coachCount(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// coachPercent writes a share as a whole percentage: 0.315 -> "32%", 0.002 -> "under 1%".
func coachPercent(share float64) string {
	if share > 0 && share < 0.005 {
		return "under 1%"
	}
	return strconv.Itoa(int(share*100+0.5)) + "%"
}

func coachUpper(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}
