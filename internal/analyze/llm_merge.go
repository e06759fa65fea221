package analyze

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/debrief-cli/debrief/internal/transcript"
)

// mergeParts joins the answers for the parts of a long meeting, dropping the items that the
// overlap between parts made the model report twice (same line, same quote).
func mergeParts(parts []llmAnswer) llmAnswer {
	if len(parts) == 1 {
		return parts[0]
	}
	var out llmAnswer
	seen := map[string]bool{}
	first := func(kind string, line int, quote string) bool {
		k := kind + "\x00" + strconv.Itoa(line) + "\x00" + foldKey(quote)
		if seen[k] {
			return false
		}
		seen[k] = true
		return true
	}
	for _, p := range parts {
		for _, c := range p.Commitments {
			if first("c", c.Line, c.Quote) {
				out.Commitments = append(out.Commitments, c)
			}
		}
		for _, d := range p.Decisions {
			if first("d", d.Line, d.Quote) {
				out.Decisions = append(out.Decisions, d)
			}
		}
		for _, u := range p.Unheard {
			if first("u"+u.Kind, u.Line, u.Quote) {
				out.Unheard = append(out.Unheard, u)
			}
		}
		for _, c := range p.Credits {
			if first("k", c.Line, c.Quote) {
				out.Credits = append(out.Credits, c)
			}
		}
		for _, o := range p.OpenThreads {
			if first("o", o.Line, o.Quote) {
				out.OpenThreads = append(out.OpenThreads, o)
			}
		}
		for _, d := range p.Done {
			if first("r", d.Line, d.Quote) {
				out.Done = append(out.Done, d)
			}
		}
	}
	return out
}

// merge grounds the answer and adds it to the offline findings f: an item whose quote is not
// on its line is dropped and counted; an item the offline rules also found fills the gaps of
// that finding (owner, date, rationale) instead of repeating it. An open thread that the
// merged commitments and decisions close is left out. Then the findings are numbered and
// coached again.
func (e *LLM) merge(f *Findings, m *transcript.Meeting, a llmAnswer, opts Options) {
	g := newGrounder(m)
	dropped := 0
	for _, c := range a.Commitments {
		ev, ok := g.evidence(c.Line, c.Quote)
		if !ok || strings.TrimSpace(c.Task) == "" {
			dropped++
			continue
		}
		accepted := acceptance(g, c, ev)
		f.Commitments = mergeCommitment(m, f.Commitments, llmToCommitment(m, g, c, ev, accepted), accepted)
	}
	for _, d := range a.Decisions {
		ev, ok := g.evidence(d.Line, d.Quote)
		if !ok || strings.TrimSpace(d.Decision) == "" {
			dropped++
			continue
		}
		rationale := g.near(d.Line, d.Rationale)
		f.Decisions = mergeDecision(f.Decisions, Decision{
			Decision:              strings.TrimSpace(d.Decision),
			DecidedBy:             person(m, d.DecidedBy),
			Rationale:             rationale,
			RationaleStated:       rationale != "",
			AlternativesMentioned: d.AlternativesMentioned,
			Evidence:              []Evidence{ev},
		})
	}
	for _, u := range a.Unheard {
		ev, ok := g.evidence(u.Line, u.Quote)
		switch u.Kind {
		case KindInterrupted, KindUnansweredQuestion, KindUnaddressedConcern:
		default:
			ok = false
		}
		if !ok {
			dropped++
			continue
		}
		f.Unheard = mergeUnheard(f.Unheard, Unheard{Kind: u.Kind, Person: person(m, u.Person), Detail: strings.TrimSpace(u.Detail), Evidence: []Evidence{ev}})
	}
	var credits []Coaching
	for _, c := range a.Credits {
		ev, ok := g.evidence(c.Line, c.Quote)
		if !ok || strings.TrimSpace(c.Person) == "" {
			dropped++
			continue
		}
		credits = append(credits, creditCoaching(person(m, c.Person), strings.TrimSpace(c.Contribution), ev))
	}
	for _, d := range a.Done {
		r, ok := groundDone(m, g, d)
		if !ok {
			dropped++
			continue
		}
		f.Done = mergeDone(f.Done, r)
	}
	// The threads come last: the commitments and decisions that may close them are merged.
	closing := newClosers(f.Commitments, f.Decisions)
	for _, o := range a.OpenThreads {
		th, ok := groundThread(g, o)
		if !ok {
			dropped++
			continue
		}
		if !g.closes(th, closing) {
			f.OpenThreads = mergeThread(f.OpenThreads, th)
		}
	}
	f.Engine.Dropped = dropped
	sortByLine(f)
	Number(f)
	Coach(f, opts)
	f.Coaching = append(f.Coaching, credits...)
}

// person resolves a name the model gave to an attendee's canonical name, or "" when it names
// no one in the meeting: the model may not invent a person.
func person(m *transcript.Meeting, name string) string {
	name = strings.TrimSpace(name)
	if name == "" {
		return ""
	}
	p, ok := m.FindPerson(name)
	if !ok {
		return ""
	}
	return p
}

// llmToCommitment builds a commitment from the model's item, with the due date cross-checked
// by the offline resolver and the flags derived from the fields.
func llmToCommitment(m *transcript.Meeting, g *grounder, c llmCommitment, ev Evidence, accepted *Evidence) Commitment {
	owner := person(m, c.Owner)
	t, _ := g.turn(c.Line)
	dueText := c.DueText
	if _, _, ok := findFolded(t.Text, strings.TrimSpace(dueText)); !ok {
		// Words nobody said are no deadline: the turn itself is resolved instead.
		dueText = ""
	}
	due, dueText := crossCheckDue(c.Due, dueText, t.Text, m.Date)
	out := Commitment{Owner: owner, Task: strings.TrimSpace(c.Task), Due: due, DueText: dueText, Confidence: 0.7, Evidence: []Evidence{ev}}
	if owner == "" {
		out.Flags = append(out.Flags, FlagNoOwner)
	}
	if due == "" && dueText == "" {
		out.Flags = append(out.Flags, FlagNoDate)
	}
	// Work someone else gave counts as accepted only with the owner's own words quoted, as for
	// the offline findings; a scribe's notes assign nothing.
	if accepted != nil && owner != "" && saidBy(m, *accepted, owner) {
		out.Evidence = append(out.Evidence, *accepted)
	} else if owner != "" && t.Speaker != "" && !isNotes(m) && !saidBy(m, ev, owner) {
		out.Flags = append(out.Flags, FlagAssignedNotAccepted)
	}
	if c.Conditional {
		out.Flags = append(out.Flags, FlagConditional)
	}
	return out
}

// crossCheckDue reconciles the model's due date with the offline resolver's. When the words
// the model quotes as the deadline (or the turn) resolve, the resolver wins, including when it
// says the words name no clear day ("next week"). Otherwise the model's date is kept only if
// it is a real date on or after the meeting.
func crossCheckDue(llmDue, llmText, turnText, meetingDate string) (due, dueText string) {
	llmText = strings.TrimSpace(llmText)
	for _, s := range []string{llmText, turnText} {
		if s == "" {
			continue
		}
		if d, text := resolveDue(s, meetingDate); text != "" {
			if llmText != "" {
				text = llmText
			}
			return d, text
		}
	}
	meeting, err1 := time.Parse("2006-01-02", meetingDate)
	day, err2 := time.Parse("2006-01-02", strings.TrimSpace(llmDue))
	if err1 != nil || err2 != nil || day.Before(meeting) || llmText == "" {
		return "", llmText
	}
	return day.Format("2006-01-02"), llmText
}

// sameLine reports whether two evidence lists cite a common line.
func sameLine(a, b []Evidence) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Line == y.Line {
				return true
			}
		}
	}
	return false
}

// acceptance returns the evidence of the owner accepting the commitment the model cites, when
// the model quotes it and the quote is on its line, after the commitment's, in a turn that is
// not a refusal; else nil. Whose words they are is for the caller to check against the owner.
func acceptance(g *grounder, c llmCommitment, commitment Evidence) *Evidence {
	if c.AcceptanceLine <= commitment.Line || strings.TrimSpace(c.AcceptanceQuote) == "" {
		return nil
	}
	ev, ok := g.evidence(c.AcceptanceLine, c.AcceptanceQuote)
	if !ok || ev.Speaker == "" {
		return nil
	}
	t, _ := g.turn(c.AcceptanceLine)
	if refuseRe.MatchString(t.Text) || isSarcastic(t.Text) {
		return nil
	}
	return &ev
}

// mergeCommitment adds c to list, or fills the gaps of the offline finding on the same line.
// accepted, when not nil, is the model's grounded quote of someone accepting the work: it
// clears an offline assigned-not-accepted flag when it is the owner's.
func mergeCommitment(m *transcript.Meeting, list []Commitment, c Commitment, accepted *Evidence) []Commitment {
	for i, o := range list {
		if !sameLine(o.Evidence, c.Evidence) {
			continue
		}
		if o.Owner != "" && c.Owner != "" && o.Owner != c.Owner {
			continue
		}
		if accepted != nil && o.Owner != "" && saidBy(m, *accepted, o.Owner) && o.HasFlag(FlagAssignedNotAccepted) {
			o.Flags = slices.DeleteFunc(slices.Clone(o.Flags), func(f string) bool { return f == FlagAssignedNotAccepted })
			o.Evidence = append(slices.Clone(o.Evidence), *accepted)
		}
		// The offline finding stays; the model only fills what it lacked.
		if o.Owner == "" && c.Owner != "" {
			o.Owner = c.Owner
			o.Flags = slices.DeleteFunc(slices.Clone(o.Flags), func(f string) bool { return f == FlagNoOwner })
		}
		if o.Due == "" && o.DueText == "" && (c.Due != "" || c.DueText != "") {
			o.Due, o.DueText = c.Due, c.DueText
			o.Flags = slices.DeleteFunc(slices.Clone(o.Flags), func(f string) bool { return f == FlagNoDate })
		}
		list[i] = o
		return list
	}
	return append(list, c)
}

// saidBy reports whether the words of ev are who's: its speaker is that attendee.
func saidBy(m *transcript.Meeting, ev Evidence, who string) bool {
	return who != "" && person(m, ev.Speaker) == who
}

// isNotes reports whether the meeting is a scribe's notes, where "Ben to fix the query" records
// work Ben took on rather than work someone gave him; the offline rules read it the same way.
func isNotes(m *transcript.Meeting) bool {
	return m.Format == transcript.FormatNotes || !m.HasTimes && !m.HasSpeakers
}

func mergeDecision(list []Decision, d Decision) []Decision {
	for i, o := range list {
		if !sameLine(o.Evidence, d.Evidence) {
			continue
		}
		if o.DecidedBy == "" {
			o.DecidedBy = d.DecidedBy
		}
		list[i] = o
		return list
	}
	return append(list, d)
}

func mergeUnheard(list []Unheard, u Unheard) []Unheard {
	for _, o := range list {
		if o.Kind == u.Kind && sameLine(o.Evidence, u.Evidence) {
			return list
		}
	}
	return append(list, u)
}

// mergeDone adds r to list unless a report there is the same one: on the same line, or by the
// same person with mostly the same task words. The report already there stays.
func mergeDone(list []DoneReport, r DoneReport) []DoneReport {
	words := taskWords(r.Task)
	for _, o := range list {
		if sameLine(o.Evidence, r.Evidence) || o.Person == r.Person && overlaps(taskWords(o.Task), words) {
			return list
		}
	}
	return append(list, r)
}

// mergeThread adds th to list unless a thread there is the same one: on the same line, or put
// off by the same speaker with mostly the same topic words. The thread already there stays.
func mergeThread(list []OpenThread, th OpenThread) []OpenThread {
	words := wordSet(contentWords(th.Topic))
	for _, o := range list {
		if sameLine(o.Evidence, th.Evidence) || sameSpeaker(o.Evidence, th.Evidence) && overlaps(wordSet(contentWords(o.Topic)), words) {
			return list
		}
	}
	return append(list, th)
}

// sameSpeaker reports whether two findings' first evidence has the same known speaker.
func sameSpeaker(a, b []Evidence) bool {
	return len(a) > 0 && len(b) > 0 && a[0].Speaker != "" && a[0].Speaker == b[0].Speaker
}

func wordSet(words []string) map[string]bool {
	out := make(map[string]bool, len(words))
	for _, w := range words {
		out[w] = true
	}
	return out
}

// overlaps reports whether two sets of words share more than half of the smaller one: "the
// schema changes" and "finish the schema changes" overlap, "send the agenda" and "send the
// deck" do not.
func overlaps(a, b map[string]bool) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return n > 0 && 2*n > len(a)
}

// firstLine is the line of a finding's first evidence; findings without evidence (silent
// attendees) sort last.
func firstLine(es []Evidence) int {
	if len(es) == 0 {
		return int(^uint(0) >> 1)
	}
	return es[0].Line
}

// sortByLine orders commitments, decisions, done reports and open threads by where they
// appear, keeping the unheard in the offline order (silent attendees and shares first) with
// the model's additions after.
func sortByLine(f *Findings) {
	slices.SortStableFunc(f.Commitments, func(a, b Commitment) int { return cmp.Compare(firstLine(a.Evidence), firstLine(b.Evidence)) })
	slices.SortStableFunc(f.Decisions, func(a, b Decision) int { return cmp.Compare(firstLine(a.Evidence), firstLine(b.Evidence)) })
	slices.SortStableFunc(f.Done, func(a, b DoneReport) int { return cmp.Compare(firstLine(a.Evidence), firstLine(b.Evidence)) })
	slices.SortStableFunc(f.OpenThreads, func(a, b OpenThread) int { return cmp.Compare(firstLine(a.Evidence), firstLine(b.Evidence)) })
}

// creditCoaching is the share-credit advice for a contribution nobody acknowledged.
func creditCoaching(who, contribution string, ev Evidence) Coaching {
	what := "their contribution"
	if contribution != "" {
		what = contribution
	}
	cite := "line " + strconv.Itoa(ev.Line)
	if ev.Time != "" {
		cite += ", " + ev.Time
	}
	return Coaching{
		Principle:   PrincipleShareCredit,
		Observation: fmt.Sprintf("%s moved things forward and nobody said so: %q (%s).", who, ev.Quote, cite),
		Suggestion:  fmt.Sprintf("Thank %s by name in the follow-up for %s.", who, what),
		Refs:        []string{},
	}
}
