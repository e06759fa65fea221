package transcript

import "strings"

// parsePlain reads a plain transcript: `Name: text` lines, each optionally stamped
// (`[00:12:31] Name: text`, `00:12:31 Name: text`, `(12:31) Name:`). A line without a speaker
// prefix continues the previous turn, except a note such as `Action: …` or `Note: …`, which is
// a turn of its own said by nobody; a stamp alone on a line gives the start of the next turn.
// Lines before the first speaker line are a header: its first line that is not only a date is
// the title, and `Title:`, `Date:` and `Attendees:` lines are read for what they say.
// A stamped turn ends where the next turn's stamp says it starts.
func parsePlain(text string) (*parsed, error) {
	p := &parsed{Turns: make([]Turn, 0, turnsEstimate(text))}
	j := newJoiner()
	pending := Unknown
	headerLines := 0
	forEachLine(text, func(raw string, n int) {
		line := strings.TrimSpace(raw)
		if line == "" {
			return
		}
		if sl, ok := splitSpeakerLine(line); ok {
			start := sl.Start
			if !start.Known() {
				start = pending
			}
			pending = Unknown
			j.flush(p.Turns)
			p.Turns = append(p.Turns, Turn{Speaker: sl.Label, Start: start, End: Unknown, Text: sl.Text, Line: n})
			return
		}
		if t, rest, ok := cutLeadingStamp(line); ok && rest == "" {
			pending = t
			return
		}
		if len(p.Turns) == 0 {
			if headerLines++; headerLines <= maxHeaderLines {
				plainHeader(p, line)
			}
			return
		}
		if isMarkerLine(line) {
			j.flush(p.Turns)
			p.Turns = append(p.Turns, Turn{Start: Unknown, End: Unknown, Text: line, Line: n})
			return
		}
		j.add(p.Turns, len(p.Turns)-1, line, n)
	})
	j.flush(p.Turns)
	endAtNextStart(p.Turns)
	return p, nil
}

// plainHeader reads one line written before the first speaker line.
func plainHeader(p *parsed, line string) {
	line = strings.TrimSpace(strings.TrimLeft(line, "#"))
	if key, value, ok := strings.Cut(line, ":"); ok && len(key) <= 20 {
		value = strings.TrimSpace(value)
		switch strings.ToLower(strings.TrimSpace(key)) {
		case "title", "meeting", "subject", "topic":
			if p.Title == "" {
				p.Title = value
			}
			setDate(p, value)
			return
		case "date", "when":
			setDate(p, value)
			return
		case "attendees", "participants", "present":
			p.Attendees = append(p.Attendees, splitNames(value)...)
			return
		}
	}
	// Only the title line or a line that is just a date gives the meeting date: "Deadline:
	// 2026-12-01" in the header is not when the meeting was.
	if p.Title == "" || isDateLine(line) {
		setDate(p, line)
	}
	if p.Title == "" && !isDateLine(line) {
		p.Title = cleanTitle(line)
	}
}

// endAtNextStart ends each turn with a known start where the turn after it starts, when that
// start is known and not earlier.
func endAtNextStart(turns []Turn) {
	for i := 0; i+1 < len(turns); i++ {
		if turns[i].Start.Known() && turns[i+1].Start.Known() && turns[i+1].Start >= turns[i].Start {
			turns[i].End = turns[i+1].Start
		}
	}
}

// turnsEstimate guesses how many turns a line-per-turn transcript holds, from its line count,
// bounded so that a file of tiny lines does not reserve much more memory than its own size.
func turnsEstimate(text string) int {
	return min(strings.Count(text, "\n")+1, len(text)/32+1)
}
