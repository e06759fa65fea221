package analyze

import (
	"strings"
	"testing"

	"github.com/debrief-cli/debrief/internal/transcript"
)

// meetingOf builds a meeting from "Speaker: text" lines, one turn per line, on line i+1,
// without times. A line with no "Name: " prefix is a turn with no speaker. Attendees are the
// speakers in order of appearance plus any extra names given.
func meetingOf(t testing.TB, date string, extra []string, lines ...string) *transcript.Meeting {
	t.Helper()
	m := &transcript.Meeting{Date: date, Format: transcript.FormatPlain}
	seen := map[string]bool{}
	add := func(name string) {
		if name != "" && !seen[name] {
			seen[name] = true
			m.Attendees = append(m.Attendees, transcript.Person{Name: name, Aliases: []string{}})
		}
	}
	for i, l := range lines {
		speaker, text := "", l
		if k := strings.Index(l, ": "); k > 0 && k < 30 {
			speaker, text = l[:k], l[k+2:]
		}
		add(speaker)
		if speaker != "" {
			m.HasSpeakers = true
		}
		m.Turns = append(m.Turns, transcript.Turn{Speaker: speaker, Start: transcript.Unknown, End: transcript.Unknown, Text: text, Line: i + 1})
	}
	for _, n := range extra {
		add(n)
	}
	return m
}

// timed gives the turns of m start and end times, in seconds, in pairs.
func timed(m *transcript.Meeting, times ...float64) *transcript.Meeting {
	for i := range m.Turns {
		if 2*i+1 < len(times) {
			m.Turns[i].Start = transcript.Seconds(times[2*i])
			m.Turns[i].End = transcript.Seconds(times[2*i+1])
			m.HasTimes = true
		}
	}
	return m
}
