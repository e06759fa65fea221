package transcript

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
)

var (
	vttTimingRe   = regexp.MustCompile(`^(?:\d+:)?\d{2}:\d{2}\.\d{1,3}\s*-->\s*(?:\d+:)?\d{2}:\d{2}\.\d{1,3}`)
	srtTimingRe   = regexp.MustCompile(`^\d{1,2}:\d{2}:\d{2},\d{1,3}\s*-->\s*\d{1,2}:\d{2}:\d{2},\d{1,3}`)
	otterHeadRe   = regexp.MustCompile(`^\S.{0,80}?\s{2,}(\d{1,2}:)?\d{1,2}:\d{2}\s*$`)
	meetStampRe   = regexp.MustCompile(`^\d{2}:\d{2}:\d{2}\s*$`)
	speakerLineRe = regexp.MustCompile(`^(?:\[?\(?\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\]?\)?\s+)?[\p{L}][\p{L}\p{M}'’.\- ]{0,40}(?:\s*\([^)]{1,40}\))?:\s+\S`)
	markdownRe    = regexp.MustCompile(`^(#{1,6}\s|\s*[-*+]\s|\s*\d+\.\s|(?i:attendees|present|participants|agenda|action items?|decisions?|minutes)\b)`)
)

// detect guesses the format of text from its content. The file extension is only a tie-breaker.
func detect(text, source string) Format {
	ext := strings.ToLower(filepath.Ext(baseName(source)))
	trimmed := strings.TrimLeft(text, " \t\n")
	// JSON: valid JSON, or text that opens an object (a JSON file cut short), or a .json file.
	// "[00:00:05] Ana: …" and "[Notes](https://…)" open with a bracket too, and are text.
	if strings.HasPrefix(trimmed, "{") || ext == ".json" || strings.HasPrefix(trimmed, "[") && json.Valid([]byte(trimmed)) {
		return detectJSON(trimmed)
	}
	if strings.HasPrefix(trimmed, "WEBVTT") {
		return FormatVTT
	}
	lines := firstLines(trimmed, 400)
	var vtt, srt, otter, meetStamps, speaker, md, structure, nonblank int
	for _, l := range lines {
		l = strings.TrimRight(l, " \t")
		if l == "" {
			continue
		}
		nonblank++
		switch {
		case srtTimingRe.MatchString(l):
			srt++
		case vttTimingRe.MatchString(l):
			vtt++
		case meetStampRe.MatchString(l):
			meetStamps++
		case mayBeOtterHead(l) && otterHeadRe.MatchString(l):
			otter++
		}
		if speakerLineRe.MatchString(l) {
			speaker++
		}
		if markdownRe.MatchString(l) {
			md++
			if strings.HasPrefix(l, "#") || strings.HasPrefix(strings.TrimLeft(l, " \t"), "* ") || strings.HasPrefix(strings.TrimLeft(l, " \t"), "- ") {
				structure++
			}
		}
	}
	switch {
	case srt > 0 && srt*4 >= nonblank/3:
		return FormatSRT
	case vtt > 0 && vtt*4 >= nonblank/3:
		// Cues without the WEBVTT header.
		return FormatVTT
	case strings.Contains(text, "-->") && ext == ".vtt":
		return FormatVTT
	case otter >= 2 && otter*5 >= nonblank/2, otter == 1 && otterHeadRe.MatchString(strings.TrimRight(lines[0], " \t")):
		// A one-block export still opens with its "Name  0:03" header.
		return FormatOtter
	case meetStamps >= 1 && speaker > 0 && (meetStamps >= 2 || mentionsTranscript(trimmed)):
		return FormatMeet
	case structure == 0 && speaker > 0 && speaker*10 >= nonblank*7:
		// "Name: text" lines with a header such as "Attendees:" but no Markdown structure.
		return FormatPlain
	case md > 0 && (md*3 >= nonblank || hasNotesHeading(lines)):
		return FormatNotes
	case speaker > 0 && speaker*2 >= nonblank:
		return FormatPlain
	case ext == ".srt":
		return FormatSRT
	case ext == ".md" || ext == ".markdown":
		return FormatNotes
	case speaker > 0 && speaker*4 >= nonblank:
		return FormatPlain
	}
	// Text in no known shape is read as notes without speakers: still a meeting.
	return FormatNotes
}

// mayBeOtterHead is a cheap test that otterHeadRe may match l: the line ends, before any
// trailing space, in a time's ":" and two digits.
func mayBeOtterHead(l string) bool {
	l = strings.TrimRight(l, " \t\n\f\r")
	n := len(l)
	return n >= 3 && l[n-3] == ':' && isDigit(l[n-2]) && isDigit(l[n-1])
}

// isDigit reports whether c is an ASCII digit.
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// mentionsTranscript reports whether text speaks of a transcript in any case, as a Google Meet
// export does ("Transcription ended after 00:41:07").
func mentionsTranscript(text string) bool {
	lower := strings.ToLower(text)
	return strings.Contains(lower, "transcription ended after") || strings.Contains(lower, "transcript")
}

func hasNotesHeading(lines []string) bool {
	for _, l := range lines {
		if strings.HasPrefix(l, "#") {
			return true
		}
		ll := strings.ToLower(strings.TrimSpace(l))
		for _, p := range []string{"attendees:", "present:", "participants:", "action items", "decisions:"} {
			if strings.HasPrefix(ll, p) {
				return true
			}
		}
	}
	return false
}

// detectJSON tells the JSON transcript formats apart by their top-level keys. Text that starts
// like JSON but does not decode is still routed to a JSON parser, whose error says where the
// JSON breaks.
func detectJSON(text string) Format {
	var top map[string]json.RawMessage
	if err := json.Unmarshal([]byte(text), &top); err != nil {
		return FormatWhisper
	}
	switch {
	case top["results"] != nil:
		return FormatDeepgram
	case top["utterances"] != nil || top["words"] != nil && top["segments"] == nil:
		return FormatAssemblyAI
	case top["segments"] != nil && bytes.Contains(top["segments"], []byte(`"speaker"`)):
		return FormatWhisperX
	}
	return FormatWhisper
}

func firstLines(text string, n int) []string {
	var out []string
	for len(text) > 0 && len(out) < n {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			out = append(out, text)
			break
		}
		out = append(out, text[:i])
		text = text[i+1:]
	}
	return out
}
