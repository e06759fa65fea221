package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/debrief-cli/debrief/internal/analyze"
)

// Markdown writes f as a coaching report to paste into a doc: a title line, the next steps,
// then participation, commitments, decisions, open threads, unheard voices, the coaching, and
// what could not be assessed. Every finding is cited with its quote, line and time.
func Markdown(w io.Writer, f *analyze.Findings) error {
	var b strings.Builder
	writeMarkdown(&b, f)
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write Markdown report: %w", err)
	}
	return nil
}

func writeMarkdown(b *strings.Builder, f *analyze.Findings) {
	info := meetingInfo(f.Meeting)
	writeHeader(b, f, info)
	writeNext(b, f)
	writeParticipation(b, f, info)
	writeCommitments(b, f)
	writeDone(b, f)
	writeDecisions(b, f)
	writeOpenThreads(b, f)
	writeUnheard(b, f)
	writeCoaching(b, f)
	writeLimits(b, f)
}

// writeHeader writes the title line and what the report is about.
func writeHeader(b *strings.Builder, f *analyze.Findings, info MeetingInfo) {
	title := info.Title
	if title == "" {
		title = info.Source
	}
	b.WriteString("# Debrief: " + escape(title) + "\n\n")
	date := info.Date
	if date == "" {
		date = "date unknown"
	}
	parts := []string{date}
	if info.Format != "" {
		parts = append(parts, string(info.Format))
	}
	if info.DurationSeconds.Known() {
		parts = append(parts, info.DurationSeconds.Clock()+" long")
	}
	if n := len(info.Attendees); n > 0 {
		parts = append(parts, plural(n, "attendee", "attendees"))
	}
	if info.Title != "" {
		parts = append(parts, escape(info.Source))
	}
	engine := f.Engine.Name
	if engine == "" {
		engine = "unknown"
	}
	if f.Engine.Model != "" {
		engine += " (" + f.Engine.Model + ")"
	}
	parts = append(parts, escape(engine)+" engine")
	b.WriteString(strings.Join(parts, " · ") + "\n\n")
	for _, w := range f.Engine.Warnings {
		b.WriteString("> **Warning:** " + escape(w) + "\n\n")
	}
	if f.Engine.Dropped > 0 {
		b.WriteString("> " + plural(f.Engine.Dropped, "finding", "findings") +
			" from the model cited words that are not in the transcript and were left out.\n\n")
	}
}

// writeNext lists the things most worth doing next.
func writeNext(b *strings.Builder, f *analyze.Findings) {
	b.WriteString("## Next steps\n\n")
	n := 0
	for _, i := range f.Next {
		if i < 0 || i >= len(f.Coaching) {
			continue
		}
		c := f.Coaching[i]
		n++
		fmt.Fprintf(b, "%d. %s *(%s)*\n", n, code(c.Suggestion), c.Principle)
	}
	if n == 0 {
		b.WriteString("Nothing stands out.\n")
	}
	b.WriteString("\n")
}

// writeParticipation writes the share of the talk as a table.
func writeParticipation(b *strings.Builder, f *analyze.Findings, info MeetingInfo) {
	b.WriteString("## Participation\n\n")
	if len(f.Participation) == 0 {
		if f.Meeting != nil && !info.HasSpeakers {
			b.WriteString("Not assessed: the input names no speakers.\n\n")
		} else {
			b.WriteString("No one spoke.\n\n")
		}
		return
	}
	timed := false
	for _, p := range f.Participation {
		timed = timed || p.Seconds > 0
	}
	head := []string{"Name", "Turns", "Words", "Words %"}
	if timed {
		head = append(head, "Time %")
	}
	head = append(head, "Questions", "Cut off")
	row(b, head)
	seps := make([]string, len(head))
	seps[0] = "---"
	for i := 1; i < len(seps); i++ {
		seps[i] = "---:"
	}
	row(b, seps)
	for _, p := range f.Participation {
		cells := []string{escape(p.Name), strconv.Itoa(p.Turns), strconv.Itoa(p.Words), percent(p.WordShare)}
		if timed {
			cells = append(cells, percent(p.TimeShare))
		}
		cells = append(cells, strconv.Itoa(p.Questions), strconv.Itoa(p.Interrupted))
		row(b, cells)
	}
	b.WriteString("\n")
}

// writeCommitments lists every commitment with its owner, due date, flags and quote.
func writeCommitments(b *strings.Builder, f *analyze.Findings) {
	b.WriteString("## Commitments\n\n")
	if len(f.Commitments) == 0 {
		b.WriteString("No commitments found.\n\n")
		return
	}
	for _, c := range f.Commitments {
		owner := "**No owner**"
		if c.Owner != "" {
			owner = "**" + escape(c.Owner) + "**"
		}
		line := "- " + owner + ": " + escape(c.Task) + "."
		switch {
		case c.Due != "" && c.DueText != "":
			line += " Due " + c.Due + " (" + escape(quote(c.DueText)) + ")."
		case c.Due != "":
			line += " Due " + c.Due + "."
		case c.DueText != "":
			line += " Due " + escape(quote(c.DueText)) + "."
		}
		var words []string
		for _, fl := range c.Flags {
			if fl == analyze.FlagNoOwner && c.Owner == "" {
				continue // already said in place of the owner
			}
			words = append(words, flagWords(fl))
		}
		if len(words) > 0 {
			line += " *" + upperFirst(strings.Join(words, ", ")) + ".*"
		}
		b.WriteString(line + " " + ref(c.ID) + "\n")
		writeEvidence(b, c.Evidence)
	}
	b.WriteString("\n")
}

// writeDone lists the work people reported finished, when there is any: what `debrief week`
// matches to earlier promises to show them kept.
func writeDone(b *strings.Builder, f *analyze.Findings) {
	if len(f.Done) == 0 {
		return
	}
	b.WriteString("## Reported done\n\n")
	for _, r := range f.Done {
		b.WriteString("- **" + escape(r.Person) + "**: " + escape(trimEnd(r.Task)) + ". " + ref(r.ID) + "\n")
		writeEvidence(b, r.Evidence)
	}
	b.WriteString("\n")
}

// writeDecisions lists every decision with who made it and whether a reason was given.
func writeDecisions(b *strings.Builder, f *analyze.Findings) {
	b.WriteString("## Decisions\n\n")
	if len(f.Decisions) == 0 {
		b.WriteString("No decisions found.\n\n")
		return
	}
	for _, d := range f.Decisions {
		line := "- **" + escape(strings.TrimRight(d.Decision, ". ")) + "**"
		if d.DecidedBy != "" {
			line += ", decided by " + escape(d.DecidedBy)
		}
		line += "."
		switch {
		case d.RationaleStated && d.Rationale != "":
			line += " Why: " + escape(strings.TrimRight(d.Rationale, ".!? ")) + "."
		case d.RationaleStated:
			line += " A reason was stated."
		default:
			line += " **No reason stated.**"
		}
		if d.AlternativesMentioned {
			line += " Alternatives were mentioned."
		} else {
			line += " No alternatives mentioned."
		}
		b.WriteString(line + " " + ref(d.ID) + "\n")
		writeEvidence(b, d.Evidence)
	}
	b.WriteString("\n")
}

// writeOpenThreads lists the threads the meeting left open: put off with no owner or date, or
// a decision reopened. An engine that does not look for them leaves the list nil, and the
// section out.
func writeOpenThreads(b *strings.Builder, f *analyze.Findings) {
	if f.OpenThreads == nil {
		return
	}
	b.WriteString("## Open threads\n\n")
	if len(f.OpenThreads) == 0 {
		b.WriteString("No open threads found.\n\n")
		return
	}
	for _, o := range f.OpenThreads {
		what := "Put off with no owner and no date"
		if o.Kind == analyze.KindReopened {
			what = "A decision reopened, with no new call"
		}
		line := "- "
		if o.Topic != "" {
			line += "**" + escape(strings.TrimRight(o.Topic, ". ")) + "**: "
			what = strings.ToLower(what[:1]) + what[1:]
		}
		b.WriteString(line + what + ". " + ref(o.ID) + "\n")
		writeEvidence(b, o.Evidence)
	}
	b.WriteString("\n")
}

// writeUnheard lists the voices the meeting did not hear.
func writeUnheard(b *strings.Builder, f *analyze.Findings) {
	b.WriteString("## Unheard voices\n\n")
	if len(f.Unheard) == 0 {
		if f.Meeting != nil && !f.Meeting.HasSpeakers {
			b.WriteString("Not assessed: the input names no speakers.\n\n")
		} else {
			b.WriteString("Everyone was heard.\n\n")
		}
		return
	}
	for _, u := range f.Unheard {
		person := "Someone"
		if u.Person != "" {
			person = u.Person
		}
		line := "- **" + escape(person) + "** (" + kindWords(u.Kind) + ")"
		if u.Detail != "" {
			line += ": " + escape(u.Detail)
		}
		if !strings.HasSuffix(line, "?") && !strings.HasSuffix(line, "!") && !strings.HasSuffix(line, ".") {
			line += "."
		}
		b.WriteString(line + " " + ref(u.ID) + "\n")
		writeEvidence(b, u.Evidence)
	}
	b.WriteString("\n")
}

// writeCoaching writes each piece of advice under its principle.
func writeCoaching(b *strings.Builder, f *analyze.Findings) {
	b.WriteString("## Coaching\n\n")
	if len(f.Coaching) == 0 {
		b.WriteString("No advice: nothing in this meeting called for it.\n\n")
		return
	}
	for i, c := range f.Coaching {
		fmt.Fprintf(b, "### %d. %s\n\n", i+1, principleTitle(c.Principle))
		b.WriteString(code(c.Observation) + "\n\n")
		b.WriteString("**What to do:** " + code(c.Suggestion))
		if len(c.Refs) > 0 {
			b.WriteString(" *(" + strings.Join(c.Refs, ", ") + ")*")
		}
		b.WriteString("\n\n")
	}
}

// writeLimits says which parts of the analysis the input did not allow.
func writeLimits(b *strings.Builder, f *analyze.Findings) {
	b.WriteString("## Not assessed\n\n")
	if len(f.Limits) == 0 {
		b.WriteString("Nothing: every part could be assessed.\n")
		return
	}
	for _, l := range f.Limits {
		b.WriteString("- " + escape(l) + "\n")
	}
}

// writeEvidence quotes each piece of evidence under a list item.
func writeEvidence(b *strings.Builder, es []analyze.Evidence) {
	for _, e := range es {
		b.WriteString("  > " + escape(quote(e.Quote)) + " (" + citation(e) + ")\n")
	}
}

// citation says who said it and where: "Ana Lopez, line 42, 00:12:31".
func citation(e analyze.Evidence) string {
	var parts []string
	if e.Speaker != "" {
		parts = append(parts, escape(e.Speaker))
	}
	parts = append(parts, "line "+strconv.Itoa(e.Line))
	if e.Time != "" {
		parts = append(parts, e.Time)
	}
	return strings.Join(parts, ", ")
}

// row writes one table row.
func row(b *strings.Builder, cells []string) {
	b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
}

// ref writes a finding's id, for the coaching to point to.
func ref(id string) string {
	if id == "" {
		return ""
	}
	return "*(" + id + ")*"
}

// flagWords says a commitment flag in words.
func flagWords(flag string) string {
	switch flag {
	case analyze.FlagNoOwner:
		return "no owner"
	case analyze.FlagNoDate:
		return "no date"
	case analyze.FlagAssignedNotAccepted:
		return "assigned, not accepted"
	case analyze.FlagConditional:
		return "conditional"
	}
	return strings.ReplaceAll(flag, "-", " ")
}

// kindWords says a kind of unheard voice in words.
func kindWords(kind string) string {
	switch kind {
	case analyze.KindSilentAttendee:
		return "never spoke"
	case analyze.KindLowShare:
		return "small share of the talk"
	case analyze.KindInterrupted:
		return "cut off"
	case analyze.KindUnansweredQuestion:
		return "question nobody answered"
	case analyze.KindUnaddressedConcern:
		return "concern nobody responded to"
	}
	return strings.ReplaceAll(kind, "-", " ")
}

// principleTitle names a principle for a heading.
func principleTitle(id string) string {
	switch id {
	case analyze.PrincipleFollowThrough:
		return "Follow through"
	case analyze.PrincipleHeard:
		return "Make sure people are heard"
	case analyze.PrincipleExplainWhy:
		return "Explain why"
	case analyze.PrincipleDecideClearly:
		return "Decide clearly"
	case analyze.PrincipleGatherInput:
		return "Gather input"
	case analyze.PrincipleNoDictating:
		return "Don't dictate"
	case analyze.PrincipleWriteItDown:
		return "Write it down"
	case analyze.PrincipleShareCredit:
		return "Share credit"
	}
	return escape(id)
}

// quote puts s in double quotes on one line.
func quote(s string) string {
	return "\"" + strings.Join(strings.Fields(s), " ") + "\""
}

// percent writes a share as a whole percentage, "<1%" for a share that rounds to nothing.
func percent(share float64) string {
	if share > 0 && share < 0.005 {
		return "<1%"
	}
	return strconv.Itoa(int(share*100+0.5)) + "%"
}

// plural writes n with the right form of a noun.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// escaper keeps text from a transcript from turning into Markdown markup.
var escaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`, "|", `\|`,
)

// escape writes text from the input on one line, with Markdown markup characters escaped.
func escape(s string) string {
	s = escaper.Replace(strings.Join(strings.Fields(s), " "))
	if strings.HasPrefix(s, "#") || strings.HasPrefix(s, ">") {
		s = `\` + s
	}
	return s
}

// code escapes text written by the coaching, keeping its `code spans` as they are.
func code(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	parts := strings.Split(s, "`")
	if len(parts)%2 == 0 {
		// An unmatched backtick: no code spans.
		return escape(s)
	}
	for i := 0; i < len(parts); i += 2 {
		parts[i] = escaper.Replace(parts[i])
	}
	s = strings.Join(parts, "`")
	if strings.HasPrefix(s, "#") || strings.HasPrefix(s, ">") {
		s = `\` + s
	}
	return s
}
