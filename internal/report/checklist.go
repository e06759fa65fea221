package report

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/debrief-cli/debrief/internal/analyze"
	"github.com/debrief-cli/debrief/internal/transcript"
)

// ChecklistSchema names the JSON document of `debrief checklist`. It changes only by adding
// fields.
const ChecklistSchema = "debrief.checklist/v1"

// Needs of a commitment that cannot go on its owner's list yet.
const (
	NeedOwner = "owner"
	NeedDate  = "date"
)

// ChecklistOptions steer a checklist.
type ChecklistOptions struct {
	// Now is the day overdue is measured against; it also stamps undated ICS entries.
	Now time.Time
	// Me puts this person's list first; "" keeps owners in alphabetical order.
	Me string
}

// Checklist is the follow-up of one or more meetings: who does what by when, what still needs
// an owner or a date, what was decided, which threads wait for a call, and which questions
// wait for an answer. The same commitment, or thread, from two meetings is one item.
type Checklist struct {
	Schema string `json:"schema"`
	// Now is the day overdue is measured against (YYYY-MM-DD).
	Now      string    `json:"now"`
	Meetings []Mention `json:"meetings"`
	// Commitments come in the order of the Markdown list: by owner (the --me person first),
	// then the ones that need an owner or a date.
	Commitments []ChecklistCommitment `json:"commitments"`
	// Kept are the commitments their owner reported done after promising them: left out of
	// the open tasks (and of the CSV and calendar exports), listed checked for the credit.
	Kept      []TrackedCommitment `json:"kept"`
	Decisions []ChecklistDecision `json:"decisions"`
	// OpenThreads are the discussions left with no call, owner or date, to close with a
	// decision, an owner or a date; the same topic left open in two meetings is one item, and
	// a thread a later meeting settled is left out.
	OpenThreads []TrackedThread     `json:"open_threads"`
	Questions   []ChecklistQuestion `json:"questions"`
	// me is the --me person's name as used across the meetings.
	me string
}

// ChecklistCommitment is a task of the checklist.
type ChecklistCommitment struct {
	TrackedCommitment
	// Needs lists what is missing before the task is ready: owner, date. Empty when ready.
	Needs []string `json:"needs"`
}

// ChecklistDecision is a decision of the checklist, said in one meeting or more.
type ChecklistDecision struct {
	Decision        string    `json:"decision"`
	DecidedBy       string    `json:"decided_by"`
	Rationale       string    `json:"rationale"`
	RationaleStated bool      `json:"rationale_stated"`
	Mentions        []Mention `json:"mentions"`
}

// ChecklistQuestion is a question or concern nobody answered.
type ChecklistQuestion struct {
	// Person asked the question or raised the concern.
	Person string `json:"person"`
	// Kind is unanswered-question or unaddressed-concern.
	Kind     string             `json:"kind"`
	Text     string             `json:"text"`
	Meeting  Mention            `json:"meeting"`
	Evidence []analyze.Evidence `json:"evidence"`
}

// NewChecklist builds the checklist of the meetings, which may come in any order.
func NewChecklist(meetings []MeetingReport, opts ChecklistOptions) Checklist {
	meetings = sortedMeetings(meetings)
	names := newNameIndex(meetings)
	now := opts.Now.Format(time.DateOnly)
	c := Checklist{
		Schema:      ChecklistSchema,
		Now:         now,
		Meetings:    make([]Mention, 0, len(meetings)),
		Commitments: []ChecklistCommitment{},
		Kept:        []TrackedCommitment{},
		Decisions:   []ChecklistDecision{},
		Questions:   []ChecklistQuestion{},
	}
	for _, m := range meetings {
		c.Meetings = append(c.Meetings, mentionOf(m, "", nil))
	}
	if opts.Me != "" {
		c.me = opts.Me
		if mw := myWeek(meetings, nil, names, opts.Me); mw != nil {
			c.me = mw.Name
		}
	}
	var ready, needs []ChecklistCommitment
	for _, t := range TrackCommitments(meetings, now) {
		if t.Done != nil {
			c.Kept = append(c.Kept, t)
			continue
		}
		item := ChecklistCommitment{TrackedCommitment: t, Needs: []string{}}
		if t.Owner == "" {
			item.Needs = append(item.Needs, NeedOwner)
		}
		if t.Due == "" && t.DueText == "" {
			item.Needs = append(item.Needs, NeedDate)
		}
		if len(item.Needs) == 0 {
			ready = append(ready, item)
		} else {
			needs = append(needs, item)
		}
	}
	if c.me != "" {
		me := transcript.FoldName(c.me)
		// Stable: the --me person's items move to the front, in their order.
		slices.SortStableFunc(ready, func(a, b ChecklistCommitment) int {
			am, bm := transcript.FoldName(a.Owner) == me, transcript.FoldName(b.Owner) == me
			switch {
			case am && !bm:
				return -1
			case bm && !am:
				return 1
			}
			return 0
		})
	}
	c.Commitments = append(append(c.Commitments, ready...), needs...)
	c.Decisions = checklistDecisions(meetings, names)
	c.OpenThreads = openOnly(TrackThreads(meetings))
	for _, m := range meetings {
		for _, u := range m.Report.Unheard {
			if u.Kind != analyze.KindUnansweredQuestion && u.Kind != analyze.KindUnaddressedConcern {
				continue
			}
			text := u.Detail
			if len(u.Evidence) > 0 {
				text = u.Evidence[0].Quote
			}
			c.Questions = append(c.Questions, ChecklistQuestion{
				Person: names.canonical(u.Person), Kind: u.Kind, Text: text,
				Meeting: mentionOf(m, u.ID, nil), Evidence: nonNil(u.Evidence),
			})
		}
	}
	return c
}

// checklistDecisions lists the decisions, the same decision said twice once, in meeting order.
func checklistDecisions(meetings []MeetingReport, names nameIndex) []ChecklistDecision {
	out := []ChecklistDecision{}
	var keys []string
	for _, m := range meetings {
		for _, d := range m.Report.Decisions {
			key := strings.Join(taskKey(d.Decision), " ")
			mention := mentionOf(m, d.ID, d.Evidence)
			if i := slices.Index(keys, key); i >= 0 && key != "" {
				x := &out[i]
				x.Mentions = append(x.Mentions, mention)
				if d.RationaleStated && !x.RationaleStated {
					x.Rationale, x.RationaleStated = d.Rationale, true
				}
				continue
			}
			keys = append(keys, key)
			out = append(out, ChecklistDecision{
				Decision: d.Decision, DecidedBy: names.canonical(d.DecidedBy), Rationale: d.Rationale,
				RationaleStated: d.RationaleStated, Mentions: []Mention{mention},
			})
		}
	}
	return out
}

// ChecklistJSON writes c as one indented debrief.checklist/v1 document.
func ChecklistJSON(w io.Writer, c Checklist) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(c); err != nil {
		return fmt.Errorf("write JSON checklist: %w", err)
	}
	return nil
}

// ChecklistMarkdown writes c as a Markdown task list, ready to paste: one list per owner
// ("- [ ] Send the revised deck to sales (due Fri 20 Nov) · Planning, 18 Nov"), then the tasks
// that need an owner or a date, the promises reported done (checked), the decisions (marking
// those with no reason written down), the threads to close, and the questions left to answer.
func ChecklistMarkdown(w io.Writer, c Checklist) error {
	var b strings.Builder
	writeChecklist(&b, c)
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write checklist: %w", err)
	}
	return nil
}

func writeChecklist(b *strings.Builder, c Checklist) {
	title := "no meetings"
	switch len(c.Meetings) {
	case 0:
	case 1:
		title = where(c.Meetings[0])
	default:
		dates := make([]string, len(c.Meetings))
		for i, m := range c.Meetings {
			dates[i] = m.Date
		}
		title = plural(len(c.Meetings), "meeting", "meetings") + ", " + dateRange(dates)
	}
	b.WriteString("# Follow-up: " + title + "\n\n")
	me := transcript.FoldName(c.me)
	var needs []ChecklistCommitment
	for i, t := range c.Commitments {
		if len(t.Needs) > 0 {
			needs = append(needs, t)
			continue
		}
		if i == 0 || t.Owner != c.Commitments[i-1].Owner {
			name := escape(t.Owner)
			if me != "" && transcript.FoldName(t.Owner) == me {
				name += " (you)"
			}
			b.WriteString("## " + name + "\n\n")
		}
		b.WriteString("- [ ] " + commitmentLine(t.TrackedCommitment) + "\n")
		if i+1 == len(c.Commitments) || c.Commitments[i+1].Owner != t.Owner || len(c.Commitments[i+1].Needs) > 0 {
			b.WriteString("\n")
		}
	}
	switch {
	case len(c.Commitments) == 0 && len(c.Kept) > 0:
		b.WriteString("No open commitments: every one was reported done.\n\n")
	case len(c.Commitments) == 0:
		b.WriteString("No commitments found.\n\n")
	}
	if len(needs) > 0 {
		b.WriteString("## Needs an owner or a date\n\n")
		for _, t := range needs {
			line := "- [ ] "
			if t.Owner != "" {
				line += "**" + escape(t.Owner) + "**: " + escape(trimEnd(t.Task))
			} else {
				line += escape(upperFirst(trimEnd(t.Task)))
			}
			var notes []string
			if t.Owner == "" {
				notes = append(notes, "no owner")
			}
			notes = append(notes, dueWords(t.TrackedCommitment))
			notes = append(notes, commitmentNotes(t.TrackedCommitment)...)
			b.WriteString(line + " (" + strings.Join(notes, ", ") + ") · " + wheres(t.Mentions) + "\n")
		}
		b.WriteString("\n")
	}
	if len(c.Kept) > 0 {
		b.WriteString("## Done since promised\n\n")
		for _, t := range c.Kept {
			b.WriteString("- [x] **" + escape(t.Owner) + "**: " + keptLine(t) + "\n")
		}
		b.WriteString("\n")
	}
	if len(c.Decisions) > 0 {
		b.WriteString("## Decisions\n\n")
		for _, d := range c.Decisions {
			line := "- " + escape(upperFirst(trimEnd(decisionWords(d.Decision)))) + " · " + wheres(d.Mentions)
			if d.RationaleStated && d.Rationale != "" {
				line += ". Why: " + escape(trimEnd(reasonWords(d.Decision, d.Rationale))) + "."
			} else if !d.RationaleStated {
				line += ". **No reason written down: add the why.**"
			}
			b.WriteString(line + "\n")
		}
		b.WriteString("\n")
	}
	writeThreadsToClose(b, c.OpenThreads)
	if len(c.Questions) > 0 {
		b.WriteString("## Open questions to answer\n\n")
		for _, q := range c.Questions {
			who := "someone"
			if q.Person != "" {
				who = escape(q.Person)
			}
			verb := "Answer " + who
			if q.Kind == analyze.KindUnaddressedConcern {
				verb = "Respond to the concern of " + who
			}
			b.WriteString("- [ ] " + verb + ": " + escape(quote(q.Text)) + " · " + where(q.Meeting) + "\n")
		}
		b.WriteString("\n")
	}
}

// writeThreadsToClose lists the open threads as tasks, each with how to close it: "- [ ] **The
// pricing tiers**, **deferred again**, left open in 2 meetings: close it with a decision, an
// owner or a date · Planning, 17 Nov; Sales sync, 19 Nov". A thread no meeting named a topic
// for is named by its words.
func writeThreadsToClose(b *strings.Builder, threads []TrackedThread) {
	if len(threads) == 0 {
		return
	}
	b.WriteString("## Threads to close\n\n")
	for _, t := range threads {
		name := threadName(t)
		if t.Topic == "" && len(t.Mentions) > 0 && len(t.Mentions[0].Evidence) > 0 {
			name = "The thread " + escape(quote(t.Mentions[0].Evidence[0].Quote))
		}
		b.WriteString("- [ ] " + name + ", " + threadState(t) + ": close it with a decision, an owner or a date · " +
			wheres(t.mentions()) + "\n")
	}
	b.WriteString("\n")
}
