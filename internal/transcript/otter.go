package transcript

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// parseOtter reads an Otter.ai text export: blocks of a header line `Name  1:02:10` (the
// speaker, two or more spaces or a tab, and [H:]MM:SS) followed by the words said. Text after a
// blank line that is not a new header still belongs to the block. A block ends where the next
// one starts; the last block's end is unknown.
// Before the first block an export may carry a title line, a date line and the SUMMARY
// KEYWORDS and SPEAKERS sections; the "Transcribed by https://otter.ai" footer is skipped.
func parseOtter(text string) (*parsed, error) {
	p := &parsed{Turns: make([]Turn, 0, turnsEstimate(text)/3+1)}
	j := newJoiner()
	inSection := false
	headerLines := 0
	forEachLine(text, func(raw string, n int) {
		line := strings.TrimSpace(raw)
		if line == "" {
			inSection = false
			return
		}
		if isOtterFooter(line) {
			return
		}
		if label, start, ok := otterHeader(raw); ok {
			j.flush(p.Turns)
			p.Turns = append(p.Turns, Turn{Speaker: label, Start: start, End: Unknown, Line: n})
			return
		}
		if len(p.Turns) > 0 {
			j.add(p.Turns, len(p.Turns)-1, line, n)
			return
		}
		switch headingWord(line) {
		case "summary keywords", "keywords", "speakers":
			inSection = true
			return
		}
		if headerLines++; inSection || headerLines > maxHeaderLines {
			return
		}
		setDate(p, line)
		if p.Title == "" && !isDateLine(line) {
			p.Title = cleanTitle(line)
		}
	})
	j.flush(p.Turns)
	endAtNextStart(p.Turns)
	return p, nil
}

// isOtterFooter is true for the line Otter adds at the end of an export.
func isOtterFooter(line string) bool {
	l := strings.ToLower(line)
	return strings.HasPrefix(l, "transcribed by") && strings.Contains(l, "otter.ai")
}

// otterHeader reads a block header: a speaker label, two or more spaces or a tab, and a time.
// A trailing parenthetical on the label (an organisation) is dropped.
func otterHeader(raw string) (string, Seconds, bool) {
	s := strings.TrimRight(raw, " \t")
	i := len(s)
	for i > 0 && (isASCIIDigit(s[i-1]) || s[i-1] == ':') {
		i--
	}
	if i == len(s) || i < 2 {
		return "", Unknown, false
	}
	gap := i
	for gap > 0 && (s[gap-1] == ' ' || s[gap-1] == '\t') {
		gap--
	}
	if sep := s[gap:i]; sep != "\t" && len(sep) < 2 {
		return "", Unknown, false
	}
	t, ok := parseClock(s[i:])
	if !ok {
		return "", Unknown, false
	}
	label, _ := cutParenthetical(strings.TrimSpace(s[:gap]))
	if !isOtterLabel(label) {
		return "", Unknown, false
	}
	return label, t, true
}

// isOtterLabel is true for a speaker label as Otter writes it: a name or "Speaker 2", starting
// with a letter, up to six words and sixty characters, with no punctuation other than what
// names use.
func isOtterLabel(label string) bool {
	if label == "" || utf8.RuneCountInString(label) > 60 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(label)
	if !unicode.IsLetter(first) {
		return false
	}
	for _, r := range label {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r) || r == ' ':
		case strings.ContainsRune(".'’-_,&", r):
		default:
			return false
		}
	}
	return len(strings.Fields(label)) <= 6
}
