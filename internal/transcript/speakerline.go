package transcript

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// speakerLine is one `Name: text` line of a transcript, with the time stamp that may be written
// before the name (`[00:12:31] Ana: …`) or after it (`Ana (00:12:31): …`).
type speakerLine struct {
	Start Seconds
	Label string
	Text  string
}

// maxLabelRunes is the longest speaker label accepted, not counting a parenthetical.
const maxLabelRunes = 40

// maxPrefixBytes bounds how far into a line the colon ending a speaker prefix is looked for:
// a label, a parenthetical such as an organisation, and a time stamp.
const maxPrefixBytes = 120

// splitSpeakerLine splits a `Name: text` line. The prefix may start with a time stamp in
// brackets, in parentheses or bare (`[00:12:31]`, `(12:31)`, `00:12:31`); the label may end with
// a parenthetical (`Ana Lopez (Contoso)`), which is dropped, or read as the start time when it
// holds one. ok is false when the line does not start with a name-like label and a colon
// followed by a space or the end of the line: `Action: …`, `https://…` and `10:30` are not
// speakers.
func splitSpeakerLine(line string) (sl speakerLine, ok bool) {
	s := strings.TrimSpace(line)
	sl.Start = Unknown
	if s == "" {
		return sl, false
	}
	if t, rest, found := cutLeadingStamp(s); found {
		sl.Start = t
		s = rest
	}
	colon := labelColon(s)
	if colon <= 0 {
		return sl, false
	}
	rest := s[colon+1:]
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return sl, false
	}
	label := strings.TrimSpace(s[:colon])
	label, paren := cutParenthetical(label)
	if paren != "" && !sl.Start.Known() {
		if t, ok := parseClock(paren); ok {
			sl.Start = t
		}
	}
	if !looksLikeSpeaker(label) {
		return sl, false
	}
	sl.Label = label
	sl.Text = strings.TrimSpace(rest)
	return sl, true
}

// cutLeadingStamp removes a time stamp at the start of s: `[00:12:31]`, `(00:12:31)`, or a bare
// `00:12:31` followed by a space or ending s, with an optional dash after it.
func cutLeadingStamp(s string) (Seconds, string, bool) {
	var stamp, rest string
	switch {
	case s[0] == '[' || s[0] == '(':
		closer := byte(']')
		if s[0] == '(' {
			closer = ')'
		}
		end := strings.IndexByte(s, closer)
		if end < 0 || end > 20 {
			return Unknown, s, false
		}
		stamp, rest = s[1:end], s[end+1:]
	case s[0] >= '0' && s[0] <= '9':
		end := strings.IndexAny(s, " \t")
		if end < 0 {
			end = len(s)
		}
		if end > 16 {
			return Unknown, s, false
		}
		stamp, rest = s[:end], s[end:]
	default:
		return Unknown, s, false
	}
	t, ok := parseClock(strings.TrimSpace(stamp))
	if !ok {
		return Unknown, s, false
	}
	rest = strings.TrimLeft(rest, " \t")
	if r, size := utf8.DecodeRuneInString(rest); r == '-' || r == '–' || r == '—' {
		rest = strings.TrimLeft(rest[size:], " \t")
	}
	return t, rest, true
}

// labelColon returns the index of the colon that ends a speaker prefix: the first colon outside
// parentheses and brackets within maxPrefixBytes, or -1.
func labelColon(s string) int {
	depth := 0
	for i := 0; i < len(s) && i < maxPrefixBytes; i++ {
		switch s[i] {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		case ':':
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// cutParenthetical removes one trailing `(…)` or `[…]` from a label and returns it apart:
// "Ana Lopez (Contoso)" -> "Ana Lopez", "Contoso".
func cutParenthetical(label string) (string, string) {
	if label == "" {
		return label, ""
	}
	var opener byte
	switch label[len(label)-1] {
	case ')':
		opener = '('
	case ']':
		opener = '['
	default:
		return label, ""
	}
	i := strings.LastIndexByte(label, opener)
	if i < 0 {
		return label, ""
	}
	return strings.TrimSpace(label[:i]), strings.TrimSpace(label[i+1 : len(label)-1])
}

// isMarkerLine is true for a line that starts with a notes keyword and a colon, such as
// `Action: Ben to send the deck` or `NOTE: finance needs numbers`: a scribe's note, not speech.
func isMarkerLine(line string) bool {
	colon := labelColon(line)
	if colon <= 0 || colon+1 < len(line) && line[colon+1] != ' ' && line[colon+1] != '\t' {
		return false
	}
	label, _ := cutParenthetical(strings.TrimSpace(line[:colon]))
	return isNotSpeaker(label)
}

// parseClock reads a time of the forms M:SS, MM:SS, H:MM:SS and HH:MM:SS, with optional
// fractional seconds after a dot or a comma. The leading field may have up to three digits;
// the others have exactly two and stay below 60.
func parseClock(s string) (Seconds, bool) {
	var fields [3]int
	n := 0
	i := 0
	for {
		start := i
		v := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' && i-start < 3 {
			v = v*10 + int(s[i]-'0')
			i++
		}
		digits := i - start
		if digits == 0 || (n > 0 && (digits != 2 || v >= 60)) {
			return Unknown, false
		}
		fields[n] = v
		n++
		if i < len(s) && s[i] == ':' && n < 3 {
			i++
			continue
		}
		break
	}
	if n < 2 {
		return Unknown, false
	}
	frac := 0.0
	if i < len(s) && (s[i] == '.' || s[i] == ',') {
		i++
		scale := 0.1
		start := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' && i-start < 9 {
			frac += float64(s[i]-'0') * scale
			scale /= 10
			i++
		}
		if i == start {
			return Unknown, false
		}
	}
	if i != len(s) {
		return Unknown, false
	}
	var secs int
	if n == 3 {
		if fields[1] >= 60 {
			return Unknown, false
		}
		secs = fields[0]*3600 + fields[1]*60 + fields[2]
	} else {
		secs = fields[0]*60 + fields[1]
	}
	return Seconds(float64(secs) + frac), true
}

// forEachLine calls fn with each line of text (without its LF) and its 1-based number.
func forEachLine(text string, fn func(line string, n int)) {
	n := 1
	for len(text) > 0 {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			fn(text, n)
			return
		}
		fn(text[:i], n)
		text = text[i+1:]
		n++
	}
}

// isDateLine is true for a line that says only when the meeting was: a date, perhaps with a
// weekday, a clock time, a time zone or a duration ("Tue, Nov 18, 2026 10:02AM • 45:12").
func isDateLine(line string) bool {
	digits := false
	for _, w := range strings.FieldsFunc(line, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '•' || r == '·' || r == '|' || r == '(' || r == ')'
	}) {
		lw := strings.ToLower(strings.TrimRight(w, "."))
		letters := strings.Map(func(r rune) rune {
			if notLetter(r) {
				return -1
			}
			return r
		}, lw)
		if strings.ContainsAny(lw, "0123456789") {
			digits = true
		}
		switch {
		case letters == "":
		case strings.TrimFunc(lw, notLetter) == letters && isDateWord(letters):
		default:
			return false
		}
	}
	return digits
}

// isDateWord is true for month and weekday names, ordinal suffixes, AM/PM and common time
// zone abbreviations.
func isDateWord(w string) bool {
	switch w {
	case "am", "pm", "st", "nd", "rd", "th", "at", "utc", "gmt", "pst", "pdt", "mst", "mdt",
		"cst", "cdt", "est", "edt", "cet", "cest", "bst", "ist", "jst", "aest", "aedt", "h":
		return true
	}
	if len(w) < 3 {
		return false
	}
	if _, ok := monthByName[w[:3]]; ok {
		return true
	}
	switch w[:3] {
	case "mon", "tue", "wed", "thu", "fri", "sat", "sun":
		return true
	}
	return false
}

// findDate is FindDate that also reads year-first dates with slashes ("2026/11/18"), which
// are unambiguous.
func findDate(s string) (string, bool) {
	if d, ok := FindDate(s); ok {
		return d, true
	}
	for i := 0; i+10 <= len(s); i++ {
		c := s[i : i+10]
		if c[4] == '/' && c[7] == '/' && allDigits(c[:4]) && allDigits(c[5:7]) && allDigits(c[8:]) &&
			(i == 0 || !isASCIIDigit(s[i-1])) && (i+10 == len(s) || !isASCIIDigit(s[i+10])) {
			if d, ok := validDate(atoi(c[:4]), atoi(c[5:7]), atoi(c[8:])); ok {
				return d, true
			}
		}
	}
	return "", false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isASCIIDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

func isASCIIDigit(b byte) bool { return b >= '0' && b <= '9' }

// splitNames splits a comma- or semicolon-separated list of names, dropping empty entries.
func splitNames(s string) []Person {
	var out []Person
	for _, n := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		n = strings.TrimSpace(n)
		n, _ = cutParenthetical(n)
		n = strings.TrimSpace(strings.TrimSuffix(n, "."))
		if n != "" {
			out = append(out, Person{Name: n})
		}
	}
	return out
}

// headingWord returns a line folded to lower case with any leading emoji, '#' marks and
// spaces removed and any trailing colon dropped: "📝 Notes" -> "notes", "## Transcript:" ->
// "transcript". Lines too long to be headings give "".
func headingWord(line string) string {
	if len(line) > 80 {
		return ""
	}
	s := strings.TrimLeftFunc(line, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	s = strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == ':' })
	return strings.ToLower(s)
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) }

// cleanTitle removes what exports add to a meeting's name in a title line: a trailing date or
// time and a "Transcript" or "Notes by Gemini" suffix after a dash, or a date in parentheses.
// "Weekly sync - 2026/11/18 10:00 PST - Transcript" -> "Weekly sync".
func cleanTitle(line string) string {
	t := strings.TrimSpace(line)
	for {
		i := strings.LastIndexAny(t, "-–—")
		if i <= 0 || (t[i-1] != ' ' && t[i-1] != '\t') {
			break
		}
		_, size := utf8.DecodeRuneInString(t[i:])
		tail := strings.TrimSpace(t[i+size:])
		if !strings.EqualFold(tail, "transcript") && !strings.EqualFold(tail, "notes by gemini") && !isDateLine(tail) {
			break
		}
		t = strings.TrimSpace(t[:i])
	}
	if base, paren := cutParenthetical(t); base != "" && paren != "" && isDateLine(paren) {
		t = base
	}
	if t == "" {
		return strings.TrimSpace(line)
	}
	return t
}

// maxHeaderLines is how many lines before a transcript's first turn are read for a title and
// a date. Past it, a long run of text with no turn is not a header.
const maxHeaderLines = 40

// setDate sets p.Date from the first date found in s, unless it is already set.
func setDate(p *parsed, s string) {
	if p.Date != "" {
		return
	}
	if d, ok := findDate(s); ok {
		p.Date = d
	}
}
