package transcript

import "strings"

// meetSection is the part of a Google Meet document a line belongs to.
type meetSection int

const (
	meetHeader     meetSection = iota // title, date and attendees before the transcript
	meetNotes                         // notes written by Gemini: said by nobody
	meetTranscript                    // block markers and `Name: text` lines
	meetEnded                         // after the "Transcription ended after" footer
)

// parseMeet reads a Google Meet transcript saved as text from Google Docs: title and date
// lines, an optional Attendees list, a Transcript heading, `00:01:26` block markers alone on a
// line, `Name: text` lines and a "Transcription ended after 00:45:12" footer. Meet gives no
// time per turn: only the first turn after a marker gets the marker as its start, the others
// stay unknown, and the footer gives the end of the last turn. In documents written with
// Gemini, the Notes section is a summary said by nobody and is skipped, apart from its title
// and date.
func parseMeet(text string) (*parsed, error) {
	p := &parsed{Turns: make([]Turn, 0, turnsEstimate(text))}
	j := newJoiner()
	section := meetHeader
	marker, fresh := Unknown, false
	ended := Unknown
	notesLines := 0
	wantAttendees := false
	headerLines := 0
	preamble := func(line string) {
		if headerLines++; headerLines <= maxHeaderLines {
			meetPreamble(p, line)
		}
	}
	forEachLine(text, func(raw string, n int) {
		if section == meetEnded {
			return
		}
		line := strings.TrimSpace(raw)
		if line == "" {
			return
		}
		hw := headingWord(line)
		switch {
		case hw == "notes" || hw == "notes by gemini" || hw == "meeting notes":
			section, notesLines = meetNotes, 0
			return
		case hw == "transcript":
			section = meetTranscript
			return
		case strings.HasPrefix(hw, "transcription ended after"):
			if t, ok := parseClock(strings.TrimSpace(line[strings.LastIndexByte(line, ' ')+1:])); ok {
				ended = t
			}
			section = meetEnded
			return
		}
		if section == meetNotes && !isBlockMarker(line) {
			notesLines++
			if _, said := splitSpeakerLine(line); notesLines <= 3 && !said {
				meetPreamble(p, line)
			}
			return
		}
		if wantAttendees {
			wantAttendees = false
			if len(p.Turns) == 0 {
				p.Attendees = append(p.Attendees, splitNames(line)...)
				return
			}
		}
		if isBlockMarker(line) {
			marker, _, _ = cutLeadingStamp(line)
			fresh = true
			section = meetTranscript
			return
		}
		if section == meetHeader && strings.HasSuffix(hw, "transcript") {
			preamble(line)
			return
		}
		if sl, ok := splitSpeakerLine(line); ok {
			start := Unknown
			if fresh {
				start = marker
			}
			fresh = false
			j.flush(p.Turns)
			p.Turns = append(p.Turns, Turn{Speaker: sl.Label, Start: start, End: Unknown, Text: sl.Text, Line: n})
			section = meetTranscript
			return
		}
		if len(p.Turns) > 0 {
			j.add(p.Turns, len(p.Turns)-1, line, n)
			return
		}
		if hw == "attendees" || hw == "participants" {
			wantAttendees = true
			return
		}
		preamble(line)
	})
	j.flush(p.Turns)
	if k := len(p.Turns); k > 0 && ended.Known() {
		last := &p.Turns[k-1]
		if ended >= last.Start && (!marker.Known() || ended >= marker) {
			last.End = ended
		}
	}
	return p, nil
}

// isBlockMarker is true for a time stamp alone on a line ("00:01:26"), which Meet writes every
// minute or two of the transcript. Gemini's notes have none, so one also ends the notes when the
// "Transcript" heading was lost.
func isBlockMarker(line string) bool {
	_, rest, ok := cutLeadingStamp(line)
	return ok && rest == ""
}

// meetPreamble reads a line written before the transcript: the title, the date, or the list of
// people invited.
func meetPreamble(p *parsed, line string) {
	setDate(p, line)
	lower := strings.ToLower(line)
	switch {
	case isDateLine(line):
		return
	case strings.HasPrefix(lower, "attendees:") || strings.HasPrefix(lower, "participants:"):
		_, names, _ := strings.Cut(line, ":")
		p.Attendees = append(p.Attendees, splitNames(names)...)
		return
	case strings.HasPrefix(lower, "invited "):
		if strings.Contains(line, ",") && len(p.Attendees) == 0 {
			p.Attendees = splitNames(line[len("invited "):])
		}
		return
	case strings.HasPrefix(lower, "attachments"), strings.HasPrefix(lower, "meeting records"):
		return
	}
	switch headingWord(line) {
	case "summary", "details", "suggested next steps", "next steps", "action items", "decisions":
		return
	}
	if p.Title == "" {
		p.Title = cleanTitle(line)
	}
}
