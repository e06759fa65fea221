// Package transcript reads meeting transcripts and notes in every supported format into one
// Meeting model. It does no network and no terminal I/O.
package transcript

import "strconv"

// Format names an input format. The values are stable: they appear in JSON output and are
// accepted by --input-format.
type Format string

// The formats debrief reads.
const (
	FormatZoomVTT    Format = "vtt-zoom"
	FormatTeamsVTT   Format = "vtt-teams"
	FormatVTT        Format = "vtt"
	FormatSRT        Format = "srt"
	FormatOtter      Format = "otter"
	FormatMeet       Format = "meet"
	FormatPlain      Format = "plain"
	FormatNotes      Format = "notes"
	FormatWhisper    Format = "whisper"
	FormatWhisperX   Format = "whisperx"
	FormatAssemblyAI Format = "assemblyai"
	FormatDeepgram   Format = "deepgram"
)

// Formats returns every format in the order they are documented, in a new slice the caller
// may change.
func Formats() []Format {
	return []Format{
		FormatZoomVTT, FormatTeamsVTT, FormatVTT, FormatSRT, FormatOtter, FormatMeet, FormatPlain,
		FormatNotes, FormatWhisper, FormatWhisperX, FormatAssemblyAI, FormatDeepgram,
	}
}

// Seconds is an offset from the start of the meeting. Unknown marks a time the input did not give.
type Seconds float64

// Unknown is the Seconds value of a time the input does not give.
const Unknown Seconds = -1

// Known reports whether s holds a real time.
func (s Seconds) Known() bool { return s >= 0 }

// MarshalJSON writes the seconds as a number, or null when unknown.
func (s Seconds) MarshalJSON() ([]byte, error) {
	if !s.Known() {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, float64(s), 'f', -1, 64), nil
}

// UnmarshalJSON reads a number, or null as Unknown.
func (s *Seconds) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*s = Unknown
		return nil
	}
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		return err
	}
	*s = Seconds(f)
	return nil
}

// Clock formats s as HH:MM:SS, or "" when unknown.
func (s Seconds) Clock() string {
	if !s.Known() {
		return ""
	}
	t := int(s)
	return pad2(t/3600) + ":" + pad2(t/60%60) + ":" + pad2(t%60)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// Person is one attendee: the canonical name and every other form seen for them
// (initials, first name, a diarization label).
type Person struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
}

// Turn is one stretch of speech or one note line.
type Turn struct {
	// Speaker is the resolved attendee name, the label as written when it cannot be
	// resolved, or "" when the input names no speaker.
	Speaker string  `json:"speaker"`
	Start   Seconds `json:"start"`
	End     Seconds `json:"end"`
	Text    string  `json:"text"`
	// Line is the 1-based line of the input where the turn starts.
	Line int `json:"line"`
	// Heading is true for a section heading of notes ("## 2. Q3 financials"): a boundary
	// between topics, not something said.
	Heading bool `json:"-"`
	// Spans map the parts of Text to the input lines they came from, when a turn was joined
	// from several cues or lines. Empty means all of Text starts at Line.
	Spans []Span `json:"-"`
}

// Span says that Text[Offset:] (up to the next span) came from input line Line.
type Span struct {
	Offset int
	Line   int
}

// LineOf returns the input line holding the byte at offset off of the turn's text.
func (t Turn) LineOf(off int) int {
	line := t.Line
	for _, s := range t.Spans {
		if s.Offset > off {
			break
		}
		line = s.Line
	}
	return line
}

// Join appends text from another input line to the turn, recording where it came from. Each
// call copies the turn's text: it suits one addition, and the parsers, which may add thousands
// of lines to one turn, join through a buffer that gives the same text in linear time.
func (t *Turn) Join(text string, line int) {
	if text == "" {
		return
	}
	if len(t.Spans) == 0 {
		t.Spans = append(t.Spans, Span{Offset: 0, Line: t.Line})
	}
	if t.Text != "" {
		t.Text += " "
	}
	t.Spans = append(t.Spans, Span{Offset: len(t.Text), Line: line})
	t.Text += text
}

// Meeting is one meeting, whatever format it came from.
type Meeting struct {
	Format Format `json:"format"`
	Title  string `json:"title"`
	// Date is the meeting date as YYYY-MM-DD, or "" when unknown.
	Date string `json:"date"`
	// DateFrom tells where Date came from: "content", "filename", "flag" or "".
	DateFrom  string   `json:"-"`
	Source    string   `json:"-"`
	Attendees []Person `json:"attendees"`
	Turns     []Turn   `json:"turns"`
	// HasSpeakers is true when at least one turn names its speaker.
	HasSpeakers bool `json:"-"`
	// HasTimes is true when at least one turn has a start time.
	HasTimes bool `json:"-"`
	// Warnings are problems that were repaired while reading (invalid UTF-8, a broken cue).
	Warnings []string `json:"-"`
}

// Duration is the span from the first known start to the last known end (or start), or
// Unknown when the input has no times.
func (m *Meeting) Duration() Seconds {
	first, last := Unknown, Unknown
	for _, t := range m.Turns {
		if t.Start.Known() && (!first.Known() || t.Start < first) {
			first = t.Start
		}
		for _, s := range []Seconds{t.Start, t.End} {
			if s.Known() && s > last {
				last = s
			}
		}
	}
	if !first.Known() {
		return Unknown
	}
	return last - first
}

// AttendeeNames returns the canonical names of the attendees, in order.
func (m *Meeting) AttendeeNames() []string {
	names := make([]string, len(m.Attendees))
	for i, p := range m.Attendees {
		names[i] = p.Name
	}
	return names
}
