package transcript

import (
	"path/filepath"
	"regexp"
	"strings"
)

var (
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
	if strings.HasPrefix(trimmed, "{") || strings.HasPrefix(trimmed, "[") {
		if f, ok := detectJSON(trimmed); ok {
			return f
		}
	}
	if strings.HasPrefix(trimmed, "WEBVTT") {
		return FormatVTT
	}
	lines := firstLines(trimmed, 400)
	var srt, otter, meetStamps, speaker, md, nonblank int
	for _, l := range lines {
		l = strings.TrimRight(l, " \t")
		if l == "" {
			continue
		}
		nonblank++
		switch {
		case srtTimingRe.MatchString(l):
			srt++
		case meetStampRe.MatchString(l):
			meetStamps++
		case otterHeadRe.MatchString(l):
			otter++
		}
		if speakerLineRe.MatchString(l) {
			speaker++
		}
		if markdownRe.MatchString(l) {
			md++
		}
	}
	lower := strings.ToLower(trimmed)
	switch {
	case srt > 0 && srt*4 >= nonblank/3:
		return FormatSRT
	case strings.Contains(text, "-->") && ext == ".vtt":
		return FormatVTT
	case otter >= 2 && otter*5 >= nonblank/2:
		return FormatOtter
	case meetStamps >= 1 && (strings.Contains(lower, "transcription ended after") || strings.Contains(lower, "transcript") || meetStamps >= 2) && speaker > 0:
		return FormatMeet
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

// detectJSON tells the JSON transcript formats apart by their top-level keys.
func detectJSON(text string) (Format, bool) {
	head := text
	if len(head) > 1<<16 {
		head = head[:1<<16]
	}
	switch {
	case strings.Contains(head, `"results"`) && (strings.Contains(head, `"channels"`) || strings.Contains(head, `"utterances"`)):
		return FormatDeepgram, true
	case strings.Contains(head, `"utterances"`):
		return FormatAssemblyAI, true
	case strings.Contains(head, `"segments"`) && strings.Contains(text, `"speaker"`):
		return FormatWhisperX, true
	case strings.Contains(head, `"segments"`):
		return FormatWhisper, true
	case strings.Contains(head, `"metadata"`) && strings.Contains(head, `"channels"`):
		return FormatDeepgram, true
	}
	return "", false
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
