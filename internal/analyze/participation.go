package analyze

import (
	"math"
	"strings"

	"github.com/debrief-cli/debrief/internal/transcript"
)

// minOverlap is the shortest overlap, in seconds, that counts as talking over someone: shorter
// ones are the normal jitter of turn-taking and of the timestamps.
const minOverlap = 0.3

// maxGap is the longest stretch, in seconds, from a turn's start to the next turn's start that is
// taken as the turn's length when the input gives no end time.
const maxGap = 300

// overlapLookback is how many earlier turns a turn is compared with when looking for overlaps.
const overlapLookback = 8

// Participate measures each person's share of the talk. It lists every attendee, in attendee
// order (those who never spoke with zero turns), then any other named speaker in order of first
// appearance. Shares are of the words (and seconds) said by named speakers, rounded to three
// decimals. It returns an empty list when no turn names its speaker.
func Participate(m *transcript.Meeting) []Participation {
	if m == nil {
		return []Participation{}
	}
	return participate(newMeetingText(m))
}

// participate is Participate reading the turns through x.
func participate(x *meetingText) []Participation {
	out := []Participation{}
	m := x.m
	index := map[string]int{}
	for _, p := range m.Attendees {
		if p.Name == "" {
			continue
		}
		if _, ok := index[p.Name]; ok {
			continue
		}
		index[p.Name] = len(out)
		out = append(out, Participation{Name: p.Name})
	}
	for _, p := range m.Attendees {
		for _, a := range p.Aliases {
			if _, ok := index[a]; !ok && a != "" {
				index[a] = index[p.Name]
			}
		}
	}
	spoke := false
	for _, t := range m.Turns {
		if t.Speaker == "" {
			continue
		}
		spoke = true
		if _, ok := index[t.Speaker]; !ok {
			index[t.Speaker] = len(out)
			out = append(out, Participation{Name: t.Speaker})
		}
	}
	if !spoke {
		return []Participation{}
	}

	totalWords, totalSeconds := 0, 0.0
	timed := TimesMeasurable(m)
	for i, t := range m.Turns {
		if t.Speaker == "" {
			continue
		}
		p := &out[index[t.Speaker]]
		p.Turns++
		w := countWords(t.Text)
		p.Words += w
		totalWords += w
		d := 0.0
		if timed {
			d = turnSeconds(m.Turns, i)
		}
		p.Seconds += d
		totalSeconds += d
		if d > p.LongestTurnSeconds {
			p.LongestTurnSeconds = d
		}
		for k := range x.sentences(i) {
			if x.isQuestion(i, k) {
				p.Questions++
			}
		}
	}
	for _, in := range interruptions(m) {
		out[index[m.Turns[in.victim].Speaker]].Interrupted++
		out[index[m.Turns[in.by].Speaker]].Interrupting++
	}
	for i := range out {
		p := &out[i]
		if totalWords > 0 {
			p.WordShare = round3(float64(p.Words) / float64(totalWords))
		}
		if totalSeconds > 0 {
			p.TimeShare = round3(p.Seconds / totalSeconds)
		}
		p.Seconds = round3(p.Seconds)
		p.LongestTurnSeconds = round3(p.LongestTurnSeconds)
	}
	return out
}

// minTimedShare is the share of spoken turns that must have a start time for talk time to be
// measured. Google Meet text marks the time only every minute or two: shares of time built on
// that would credit whoever spoke after each marker with the whole minute.
const minTimedShare = 0.8

// TimesMeasurable reports whether enough spoken turns have a start time to measure talk time.
func TimesMeasurable(m *transcript.Meeting) bool {
	spoken, timed := 0, 0
	for _, t := range m.Turns {
		if t.Speaker == "" {
			continue
		}
		spoken++
		if t.Start.Known() {
			timed++
		}
	}
	return spoken > 0 && float64(timed) >= minTimedShare*float64(spoken)
}

// turnSeconds is how long turn i lasted: End-Start when both are known; when only Start is
// known, the time to the next turn's start if that is under maxGap; else 0.
func turnSeconds(turns []transcript.Turn, i int) float64 {
	t := turns[i]
	if !t.Start.Known() {
		return 0
	}
	if t.End.Known() {
		if t.End > t.Start {
			return float64(t.End - t.Start)
		}
		return 0
	}
	for j := i + 1; j < len(turns); j++ {
		if next := turns[j].Start; next.Known() {
			if d := float64(next - t.Start); d > 0 && d < maxGap {
				return d
			}
			return 0
		}
	}
	return 0
}

// round3 rounds x to three decimals, so that shares print the same everywhere.
func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// interruption is one person cutting into another's turn: turn by came in on turn victim.
type interruption struct {
	victim, by int
	// overlap is true when the times show the two talking at once, false for a turn that
	// ends cut off ("so I think—").
	overlap bool
}

// interruptions finds every interruption in the meeting, in order of the interrupting turn:
// a turn by another speaker that starts at least minOverlap before an earlier turn ends, or that
// follows a turn ending cut off with a dash or an ellipsis. Back-channel turns ("yeah",
// "mm-hmm") neither interrupt nor are interrupted, and each pair of turns counts once.
func interruptions(m *transcript.Meeting) []interruption {
	var out []interruption
	turns := m.Turns
	backChannel := make([]bool, len(turns))
	for i, t := range turns {
		backChannel[i] = isBackChannel(t.Text)
	}
	for j, b := range turns {
		if b.Speaker == "" || backChannel[j] {
			continue
		}
		overlapPrev := false
		if b.Start.Known() {
			for i := j - 1; i >= 0 && i >= j-overlapLookback; i-- {
				a := turns[i]
				if a.Speaker == "" || a.Speaker == b.Speaker || !a.Start.Known() || !a.End.Known() || backChannel[i] {
					continue
				}
				if a.Start < b.Start && float64(a.End-b.Start) >= minOverlap {
					out = append(out, interruption{victim: i, by: j, overlap: true})
					overlapPrev = overlapPrev || i == j-1
				}
			}
		}
		if j > 0 && !overlapPrev {
			a := turns[j-1]
			if a.Speaker != "" && a.Speaker != b.Speaker && endsCutOff(a.Text) {
				out = append(out, interruption{victim: j - 1, by: j})
			}
		}
	}
	return out
}

// endsCutOff reports whether text breaks off mid-thought: it ends with a dash or an ellipsis.
func endsCutOff(text string) bool {
	s := strings.TrimRight(text, " \t\r\n\"'”’")
	for _, suffix := range []string{"—", "–", "--", "...", "…"} {
		if strings.HasSuffix(s, suffix) {
			return true
		}
	}
	return false
}

// isBackChannelWord reports whether w, lower case without punctuation, is a word of a
// back-channel turn: the listener saying they follow, not taking the floor.
func isBackChannelWord(w string) bool {
	switch w {
	case "yeah", "yes", "yep", "yup", "ya", "right", "ok", "okay", "mm", "mmm", "mhm", "mm-hmm",
		"mmhmm", "hmm", "uh-huh", "uh", "huh", "um", "sure", "true", "exactly", "totally", "cool",
		"great", "nice", "got", "it", "i", "see", "oh", "ah", "aha", "absolutely", "indeed",
		"gotcha", "alright", "fine", "agreed", "good":
		return true
	}
	return false
}

// isBackChannel reports whether a turn is a back-channel: at most two words, each one of
// isBackChannelWord ("yeah", "right", "mm-hmm", "got it").
func isBackChannel(text string) bool {
	if len(text) > 40 {
		return false
	}
	words := strings.Fields(strings.ToLower(text))
	if len(words) == 0 || len(words) > 2 {
		return false
	}
	for _, w := range words {
		if !isBackChannelWord(strings.Trim(w, ".,!?;:…-—–\"'")) {
			return false
		}
	}
	return true
}
