package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/debrief-cli/debrief/internal/analyze"
)

// checklistCSVHeader names the columns of the checklist CSV.
func checklistCSVHeader() []string {
	return []string{"kind", "owner", "text", "due", "due_text", "flags", "overdue", "meetings", "sources", "quote"}
}

// ChecklistCSV writes c as CSV for a spreadsheet: a header row, then one row per task, decision,
// open thread and open question (the kind column tells them apart: task, decision, thread,
// question). A decision's owner is who decided it and its flags say no-reason when none was
// stated. A thread has no owner and no due date (it is the want of them that keeps it open):
// its text is the topic (or its words when no topic was named), its flags say deferred or
// reopened, and deferred-again when it was left open in two or more meetings. A question's
// owner is who asked it.
func ChecklistCSV(w io.Writer, c Checklist) error {
	cw := csv.NewWriter(w)
	rows := [][]string{checklistCSVHeader()}
	for _, t := range c.Commitments {
		flags := append([]string{}, t.Flags...)
		for _, n := range t.Needs {
			if n == NeedOwner && !t.hasFlag(analyze.FlagNoOwner) {
				flags = append(flags, analyze.FlagNoOwner)
			}
			if n == NeedDate && !t.hasFlag(analyze.FlagNoDate) {
				flags = append(flags, analyze.FlagNoDate)
			}
		}
		overdue := ""
		if t.Overdue {
			overdue = "yes"
		}
		rows = append(rows, []string{"task", t.Owner, t.Task, t.Due, t.DueText, strings.Join(flags, " "), overdue,
			csvMeetings(t.Mentions), csvSources(t.Mentions), lastQuote(t.Mentions)})
	}
	for _, d := range c.Decisions {
		flags := ""
		if !d.RationaleStated {
			flags = "no-reason"
		}
		rows = append(rows, []string{"decision", d.DecidedBy, d.Decision, "", "", flags, "",
			csvMeetings(d.Mentions), csvSources(d.Mentions), lastQuote(d.Mentions)})
	}
	for _, t := range c.OpenThreads {
		rows = append(rows, threadCSVRow(t))
	}
	for _, q := range c.Questions {
		quote := ""
		if len(q.Evidence) > 0 {
			quote = q.Evidence[0].Quote
		}
		ms := []Mention{q.Meeting}
		rows = append(rows, []string{"question", q.Person, q.Text, "", "", q.Kind, "", csvMeetings(ms), csvSources(ms), quote})
	}
	for _, r := range rows {
		for i := range r {
			r[i] = csvCell(r[i])
		}
	}
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("write CSV checklist: %w", err)
	}
	return nil
}

// threadCSVRow is the CSV row of an open thread.
func threadCSVRow(t TrackedThread) []string {
	var flags []string
	for _, m := range t.Mentions {
		if !slices.Contains(flags, m.Kind) {
			flags = append(flags, m.Kind)
		}
	}
	if t.DeferredAgain {
		flags = append(flags, "deferred-again")
	}
	ms := t.mentions()
	text := t.Topic
	if text == "" {
		text = firstQuote(ms)
	}
	return []string{"thread", "", text, "", "", strings.Join(flags, " "), "", csvMeetings(ms), csvSources(ms), lastQuote(ms)}
}

// hasFlag reports whether the commitment carries flag.
func (t TrackedCommitment) hasFlag(flag string) bool {
	for _, f := range t.Flags {
		if f == flag {
			return true
		}
	}
	return false
}

// csvCell puts a cell on one line and keeps a spreadsheet from running it as a formula: text
// from a meeting that starts with =, +, - or @ gets a leading apostrophe.
func csvCell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}

// csvMeetings names the meetings: "Sprint planning (2026-11-17); Sales sync (2026-11-19)".
func csvMeetings(ms []Mention) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = m.Title
		if m.Date != "" {
			parts[i] += " (" + m.Date + ")"
		}
	}
	return strings.Join(parts, "; ")
}

func csvSources(ms []Mention) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = m.Path
	}
	return strings.Join(parts, "; ")
}

// firstQuote is the words of the earliest mention.
func firstQuote(ms []Mention) string {
	for _, m := range ms {
		if len(m.Evidence) > 0 {
			return m.Evidence[0].Quote
		}
	}
	return ""
}

// lastQuote is the words of the latest mention.
func lastQuote(ms []Mention) string {
	for i := len(ms) - 1; i >= 0; i-- {
		if len(ms[i].Evidence) > 0 {
			return ms[i].Evidence[0].Quote
		}
	}
	return ""
}
