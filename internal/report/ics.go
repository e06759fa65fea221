package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/debrief-cli/debrief/internal/analyze"
	"github.com/debrief-cli/debrief/internal/transcript"
)

// icsLineOctets is the longest content line RFC 5545 allows, CRLF excluded.
const icsLineOctets = 75

// ChecklistICS writes the checklist's commitments as an iCalendar file (RFC 5545): one VTODO
// per commitment, with DUE where the date is known. A VTODO's UID hashes the owner, the task as
// first said and that meeting's date (not the file's name or path, so a transcript piped in
// gives the same UID as the file), and its DTSTAMP is that meeting's date (the checklist's
// "now" when the date is unknown): running the command again gives the same file, and
// re-importing it updates the tasks instead of duplicating them. The UID follows the first
// meeting where the promise was said, so a later checklist that also reads that meeting keeps it.
// Open threads get no VTODO: a thread is open for want of an owner and a date, so as a task it
// would sit undated in the task list of everyone who imports the file, and its topic, worded
// anew in each meeting, gives no stable UID; the Markdown, CSV and JSON list them to close.
func ChecklistICS(w io.Writer, c Checklist) error {
	var b strings.Builder
	line := func(name, value string) { writeICSLine(&b, name+":"+value) }
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", "-//debrief//debrief checklist//EN")
	line("CALSCALE", "GREGORIAN")
	for _, t := range c.Commitments {
		first := t.Mentions[0]
		line("BEGIN", "VTODO")
		line("UID", icsUID(t.TrackedCommitment))
		line("DTSTAMP", icsStamp(first.Date, c.Now))
		summary := upperFirst(trimEnd(t.Task))
		if t.Owner != "" {
			summary = t.Owner + ": " + summary
		}
		line("SUMMARY", icsText(summary))
		if d, err := time.Parse(time.DateOnly, t.Due); err == nil {
			writeICSLine(&b, "DUE;VALUE=DATE:"+d.Format("20060102"))
		}
		line("DESCRIPTION", icsText(icsDescription(t.TrackedCommitment)))
		line("STATUS", "NEEDS-ACTION")
		line("END", "VTODO")
	}
	line("END", "VCALENDAR")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write iCalendar checklist: %w", err)
	}
	return nil
}

// icsUID identifies a commitment across runs.
func icsUID(t TrackedCommitment) string {
	first := t.Mentions[0]
	task := t.firstTask
	if task == "" {
		task = t.Task
	}
	h := sha256.New()
	for _, part := range []string{transcript.FoldName(t.Owner), strings.Join(taskKey(task), " "), first.Date} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16]) + "@debrief"
}

// icsStamp is the meeting's date at midnight UTC, or now's when the date is unknown.
func icsStamp(date, now string) string {
	d, err := time.Parse(time.DateOnly, date)
	if err != nil {
		d, err = time.Parse(time.DateOnly, now)
	}
	if err != nil {
		d = time.Unix(0, 0)
	}
	return d.UTC().Format("20060102T150405Z")
}

// icsDescription says what was said, by whom, where, and what the task still lacks.
func icsDescription(t TrackedCommitment) string {
	var lines []string
	if t.Due == "" && t.DueText != "" {
		lines = append(lines, "Due: "+t.DueText)
	}
	var flags []string
	for _, f := range t.Flags {
		flags = append(flags, flagWords(f))
	}
	if t.Owner == "" && !t.hasFlag(analyze.FlagNoOwner) {
		flags = append(flags, flagWords(analyze.FlagNoOwner))
	}
	if len(flags) > 0 {
		lines = append(lines, "Note: "+strings.Join(flags, ", "))
	}
	for _, m := range t.Mentions {
		meeting := m.Title
		if m.Date != "" {
			meeting += ", " + m.Date
		}
		meeting += " (" + m.Path + ")"
		if len(m.Evidence) == 0 {
			lines = append(lines, meeting)
			continue
		}
		e := m.Evidence[0]
		cite := "line " + fmt.Sprint(e.Line)
		if e.Speaker != "" {
			cite = e.Speaker + ", " + cite
		}
		if e.Time != "" {
			cite += ", " + e.Time
		}
		lines = append(lines, "“"+strings.Join(strings.Fields(e.Quote), " ")+"” ("+cite+") — "+meeting)
	}
	return strings.Join(lines, "\n")
}

// icsText escapes a TEXT value: backslash, semicolon, comma and newline, and drops the control
// characters TEXT may not hold.
func icsText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == ';':
			b.WriteString(`\;`)
		case r == ',':
			b.WriteString(`\,`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			// not allowed in TEXT
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// writeICSLine writes one content line, folded so that no line is longer than 75 octets
// (continuation lines start with a space) and never inside a UTF-8 sequence, ending in CRLF.
func writeICSLine(b *strings.Builder, s string) {
	limit := icsLineOctets
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = icsLineOctets - 1
	}
	b.WriteString(s)
	b.WriteString("\r\n")
}
