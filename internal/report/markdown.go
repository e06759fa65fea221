package report

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"

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
		fmt.Fprintf(b, "%d. %s\n", n, code(c.Suggestion))
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
		b.WriteString("- **" + escape(r.Person) + "**: " + escape(lowerFirst(trimEnd(r.Task))) + ". " + ref(r.ID) + "\n")
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
		line := "- **" + escape(upperFirst(strings.TrimRight(decisionWords(d.Decision), ". "))) + "**"
		if d.DecidedBy != "" {
			line += ", decided by " + escape(d.DecidedBy)
		}
		line += "."
		switch {
		case d.RationaleStated && d.Rationale != "":
			line += " Why: " + escape(strings.TrimRight(reasonWords(d.Decision, d.Rationale), ".!? ")) + "."
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
// a decision reopened. A meeting that left none open (or an engine that does not look for
// them) has no such section: an empty one would only take room from the rest.
func writeOpenThreads(b *strings.Builder, f *analyze.Findings) {
	if len(f.OpenThreads) == 0 {
		return
	}
	b.WriteString("## Open threads\n\n")
	for _, o := range f.OpenThreads {
		what := "Put off with no owner and no date"
		if o.Kind == analyze.KindReopened {
			what = "A decision reopened, with no new call"
		}
		line := "- "
		if o.Topic != "" {
			line += "**" + escape(upperFirst(strings.TrimRight(o.Topic, ". "))) + "**: "
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
		// A detail that only repeats the quote below is left out: the kind says the rest.
		line := "- **" + escape(person) + "**: " + kindSentence(u.Kind)
		if u.Detail != "" && !repeatsQuote(u.Detail, u.Evidence) {
			line = "- **" + escape(person) + "** (" + kindWords(u.Kind) + "): " + escape(u.Detail)
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

// writeLimits says which parts of the analysis the input did not allow, when there are any.
func writeLimits(b *strings.Builder, f *analyze.Findings) {
	if len(f.Limits) == 0 {
		return
	}
	b.WriteString("## Not assessed\n\n")
	for _, l := range f.Limits {
		b.WriteString("- " + escape(l) + "\n")
	}
}

// writeEvidence quotes each piece of evidence under a list item, a blank line between two
// quotes so that they stay on lines of their own when rendered (the lines of one quote block
// run together as one paragraph).
func writeEvidence(b *strings.Builder, es []analyze.Evidence) {
	for i, e := range es {
		if i > 0 {
			b.WriteString("\n")
		}
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

// kindSentence says a kind of unheard voice as what happened to the person: "a question
// nobody answered".
func kindSentence(kind string) string {
	switch kind {
	case analyze.KindUnansweredQuestion:
		return "a question nobody answered"
	case analyze.KindUnaddressedConcern:
		return "a concern nobody responded to"
	}
	return kindWords(kind)
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

// repeatsQuote reports whether detail says no more than the quote of its evidence: a
// question or concern given as its own words.
func repeatsQuote(detail string, es []analyze.Evidence) bool {
	for _, e := range es {
		if strings.EqualFold(strings.Join(strings.Fields(detail), " "), strings.Join(strings.Fields(e.Quote), " ")) {
			return true
		}
	}
	return false
}

// reasonMarkers are the words that introduce the reason for a decision.
var reasonMarkers = []string{" because ", " since ", " so that ", " given that "}

// splitReason cuts s at the first word introducing a reason: "push the release to December
// because the SDK isn't certified" is "push the release to December" and "the SDK isn't
// certified". ok is false when s gives no reason that way.
func splitReason(s string) (before, after string, ok bool) {
	lower := " " + strings.ToLower(s) + " "
	at, marker := -1, ""
	for _, m := range reasonMarkers {
		if i := strings.Index(lower, m); i >= 0 && (at < 0 || i < at) {
			at, marker = i, m
		}
	}
	if at < 0 {
		return s, "", false
	}
	// lower has one more byte in front than s.
	before = strings.TrimRight(s[:max(at-1, 0)], ",;:- ")
	after = strings.TrimSpace(s[min(at-1+len(marker), len(s)):])
	return before, after, after != ""
}

// decisionWords is what was decided, without the reason said with it ("Ben covers the
// on-call rotation, because María is on leave" is "Ben covers the on-call rotation").
func decisionWords(decision string) string {
	if before, _, ok := splitReason(decision); ok && before != "" {
		return before
	}
	return decision
}

// reasonWords is the reason for a decision without the decision said before it: a rationale
// given as the whole sentence ("We decided to push the release because the SDK isn't
// certified", for "push the release") is "the SDK isn't certified". A rationale whose words
// before the reason are about something else is kept whole, so that it still says what it
// is the reason for.
func reasonWords(decision, rationale string) string {
	before, after, ok := splitReason(rationale)
	if !ok || before != "" && !restates(before, decisionWords(decision)) {
		return rationale
	}
	return after
}

// restates reports whether said is the decision with a few words of framing at most: "We
// decided to push the release" restates "push the release"; "then we should move export out
// of the advanced tab" does not restate "tabs".
func restates(said, decision string) bool {
	s, d := taskKey(said), taskKey(decision)
	if len(d) == 0 || len(s)-len(d) > 3 {
		return false
	}
	for _, w := range d {
		if _, found := slices.BinarySearch(s, w); !found {
			return false
		}
	}
	return true
}

// lowerFirst lowers the first letter of s, unless it starts a word in capitals ("API").
func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) == 0 || len(r) > 1 && unicode.IsUpper(r[1]) {
		return s
	}
	return string(unicode.ToLower(r[0])) + string(r[1:])
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
