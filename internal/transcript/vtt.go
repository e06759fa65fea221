package transcript

import (
	"errors"
	"fmt"
	"html"
	"strings"
)

// The cue formats: WebVTT (Zoom, Teams, generic captions) and SRT share one reader. A cue is
// an optional id line, a timing line "start --> end [settings]" and text lines, and cues are
// separated by blank lines. Speakers come from WebVTT voice tags (<v Name>, Teams) or from a
// "Name: text" prefix on the text (Zoom, SRT).

// mergeGap is the longest silence between two cues of one speaker that still continues the
// same turn. Captioners split one stretch of speech over many short cues.
const mergeGap Seconds = 1.5

// maxCueWarnings is how many broken cues are reported one by one before they are counted.
const maxCueWarnings = 10

// maxLabelCache bounds the per-input caches of cleaned speaker labels.
const maxLabelCache = 4096

// parseVTT reads a WebVTT file. It tells Teams (voice tags) from Zoom ("Name: text") from
// captions without speakers in parsed.Format.
func parseVTT(text string) (*parsed, error) {
	r := newCueReader(true)
	if err := r.read(text); err != nil {
		return nil, err
	}
	switch {
	case r.voice:
		r.out.Format = FormatTeamsVTT
	case r.prefix:
		r.out.Format = FormatZoomVTT
	default:
		r.out.Format = FormatVTT
	}
	return r.out, nil
}

// cueReader holds the state of one read of a cue file.
type cueReader struct {
	vtt bool
	out *parsed
	ls  cueLines

	// cur is the turn being built; has says whether there is one.
	cur turnBuilder
	has bool

	cueNo int
	// cue describes the cue whose text is being read.
	cue cueState
	// prevKey is the utterance key of the previous Teams cue id ("3f2a…/17"), or "".
	prevKey string
	// curKey is the utterance key of the turn being built; done maps the keys of the turns
	// already made to their index, so that a "-1" cue that comes after someone else's
	// overlapping cue still continues its own utterance.
	curKey string
	done   map[string]int
	// earlier joins the text of such cues to the turns they continue.
	earlier *joiner

	cues, broken, warned, unwarned int
	// voice and prefix say which speaker conventions were seen.
	voice, prefix bool
	notesChecked  int

	// labels caches cleaned voice labels; prefixes caches "Name:" candidates (value "" when
	// the candidate is not a name).
	labels   map[string]string
	prefixes map[string]string
	scratch  []byte
}

// cueState is what the reader knows about the cue whose text it is reading.
type cueState struct {
	no         int
	start, end Seconds
	// speaker is the current speaker in the cue; voice is true once a voice tag was seen, and
	// prefixed once a "Name:" prefix was.
	speaker  string
	voice    bool
	prefixed bool
	// continues is true for a Teams cue that continues the previous cue's utterance.
	continues bool
	// key is the cue's Teams utterance key, or ""; earlier is the index of a finished turn
	// whose utterance the cue continues, or -1.
	key     string
	earlier int
}

// turnBuilder accumulates one turn. Text is joined like Turn.Join does, but in a reused buffer
// so that a speaker who talks over thousands of cues costs linear time.
type turnBuilder struct {
	speaker    string
	start, end Seconds
	line       int
	cue        int
	text       string // the only piece, until a second one arrives
	multi      bool
	buf        []byte
	spans      []Span
}

func (t *turnBuilder) join(text string, line int) {
	if !t.multi {
		t.buf = append(t.buf[:0], t.text...)
		t.spans = []Span{{Offset: 0, Line: t.line}}
		t.multi = true
	}
	t.buf = append(t.buf, ' ')
	t.spans = append(t.spans, Span{Offset: len(t.buf), Line: line})
	t.buf = append(t.buf, text...)
}

func (t *turnBuilder) turn() Turn {
	tu := Turn{Speaker: t.speaker, Start: t.start, End: t.end, Text: t.text, Line: t.line}
	if t.multi {
		tu.Text = string(t.buf)
		tu.Spans = t.spans
	}
	return tu
}

func newCueReader(vtt bool) *cueReader {
	return &cueReader{
		vtt:      vtt,
		out:      &parsed{},
		labels:   map[string]string{},
		prefixes: map[string]string{},
		done:     map[string]int{},
		earlier:  newJoiner(),
	}
}

// finish moves the turn being built to the output.
func (r *cueReader) finish() {
	r.out.Turns = append(r.out.Turns, r.cur.turn())
	if r.curKey != "" {
		r.done[r.curKey] = len(r.out.Turns) - 1
	}
}

// cueLines hands out the lines of a text with their 1-based numbers.
type cueLines struct {
	text string
	pos  int
	no   int
	// pending is a line read ahead that starts the next block.
	pending   string
	pendingNo int
	hasPend   bool
}

func (l *cueLines) next() (string, int, bool) {
	if l.hasPend {
		l.hasPend = false
		return l.pending, l.pendingNo, true
	}
	if l.pos >= len(l.text) {
		return "", 0, false
	}
	rest := l.text[l.pos:]
	i := strings.IndexByte(rest, '\n')
	if i < 0 {
		l.pos = len(l.text)
	} else {
		rest = rest[:i]
		l.pos += i + 1
	}
	l.no++
	return rest, l.no, true
}

// peek returns the line after the one last read, without consuming it.
func (l *cueLines) peek() (string, bool) {
	if l.hasPend {
		return l.pending, true
	}
	if l.pos >= len(l.text) {
		return "", false
	}
	rest := l.text[l.pos:]
	if i := strings.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[:i]
	}
	return rest, true
}

func (l *cueLines) unread(s string, no int) {
	l.pending, l.pendingNo, l.hasPend = s, no, true
}

// skipBlock consumes lines up to the next blank line.
func (l *cueLines) skipBlock(collect func(string)) {
	for {
		s, _, ok := l.next()
		if !ok || isBlankLine(s) {
			return
		}
		if collect != nil {
			collect(s)
		}
	}
}

func isBlankLine(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' && s[i] != '\t' && s[i] != '\f' {
			return false
		}
	}
	return true
}

// read parses the whole text into r.out.
func (r *cueReader) read(text string) error {
	r.ls = cueLines{text: text}
	if r.vtt {
		r.header()
	}
	for {
		l, no, ok := r.ls.next()
		if !ok {
			break
		}
		if isBlankLine(l) {
			continue
		}
		if r.vtt && isKeyword(l, "NOTE") {
			r.note(l[4:])
			continue
		}
		if r.vtt && (isKeyword(l, "STYLE") || isKeyword(l, "REGION")) && !strings.Contains(l, "-->") {
			r.ls.skipBlock(nil)
			continue
		}
		id, timing, timingNo := "", l, no
		if !strings.Contains(l, "-->") {
			l2, no2, ok := r.ls.next()
			switch {
			case !ok || isBlankLine(l2):
				r.warn(no, "text outside any cue skipped")
				continue
			case strings.Contains(l2, "-->"):
				id, timing, timingNo = strings.TrimSpace(l), l2, no2
			default:
				r.ls.skipBlock(nil)
				if looksLikeTiming(l) || looksLikeTiming(l2) {
					if !looksLikeTiming(l) {
						no = no2
					}
					r.broken++
					r.warn(no, "cue with unreadable timing skipped")
				} else {
					r.warn(no, "text outside any cue skipped")
				}
				continue
			}
		}
		start, end, ok := parseTiming(timing)
		if !ok {
			r.broken++
			r.warn(timingNo, "cue with unreadable timing skipped")
			r.ls.skipBlock(nil)
			continue
		}
		r.beginCue(id, start, end)
		r.cueText()
	}
	if r.has {
		r.finish()
	}
	r.earlier.flush(r.out.Turns)
	if r.unwarned > 0 {
		r.out.Warnings = append(r.out.Warnings, fmt.Sprintf("%d more problems like these skipped", r.unwarned))
	}
	if r.cues == 0 {
		example := "00:00:01.000 --> 00:00:04.000"
		if !r.vtt {
			example = "00:00:01,000 --> 00:00:04,000"
		}
		if r.broken > 0 {
			return fmt.Errorf("no cue could be read: all %d cue timings are unreadable (expected lines like %s)", r.broken, example)
		}
		return errors.New("no cues found (expected timing lines like " + example + ")")
	}
	return nil
}

// header reads the "WEBVTT" line and the metadata lines after it. A file without the header
// is read all the same.
func (r *cueReader) header() {
	var l string
	for {
		s, no, ok := r.ls.next()
		if !ok {
			return
		}
		if !isBlankLine(s) {
			l = s
			if !isKeyword(s, "WEBVTT") {
				r.ls.unread(s, no)
				return
			}
			break
		}
	}
	title := strings.TrimLeft(strings.TrimSpace(l[len("WEBVTT"):]), "-–—: \t")
	r.out.Title = title
	meta := title
	for {
		s, no, ok := r.ls.next()
		if !ok || isBlankLine(s) {
			break
		}
		if strings.Contains(s, "-->") {
			// A cue right after the header, without the blank line.
			r.ls.unread(s, no)
			break
		}
		if len(meta) < 4096 {
			meta += "\n" + s
		}
	}
	if d, ok := FindDate(meta); ok {
		r.out.Date = d
	}
}

// note skips a NOTE block; the first few are searched for the meeting date.
func (r *cueReader) note(first string) {
	if r.out.Date != "" || r.notesChecked >= 5 {
		r.ls.skipBlock(nil)
		return
	}
	r.notesChecked++
	body := first
	r.ls.skipBlock(func(s string) {
		if len(body) < 4096 {
			body += "\n" + s
		}
	})
	if d, ok := FindDate(body); ok {
		r.out.Date = d
	}
}

// isKeyword reports whether line starts with word followed by a space, a tab or nothing.
func isKeyword(line, word string) bool {
	if !strings.HasPrefix(line, word) {
		return false
	}
	return len(line) == len(word) || line[len(word)] == ' ' || line[len(word)] == '\t'
}

// looksLikeTiming is true for a line that was probably meant as a timing line.
func looksLikeTiming(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && s[0] >= '0' && s[0] <= '9' && strings.IndexByte(s, ':') >= 0 && !isDigitString(s)
}

func isDigitString(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// parseTiming reads "start --> end" with optional cue settings after the end time.
func parseTiming(line string) (start, end Seconds, ok bool) {
	s := strings.TrimLeft(line, " \t")
	start, n, ok := scanTimecode(s)
	if !ok {
		return Unknown, Unknown, false
	}
	s = strings.TrimLeft(s[n:], " \t")
	if !strings.HasPrefix(s, "-->") {
		return Unknown, Unknown, false
	}
	s = strings.TrimLeft(s[3:], " \t")
	end, n, ok = scanTimecode(s)
	if !ok {
		return Unknown, Unknown, false
	}
	if n < len(s) && s[n] != ' ' && s[n] != '\t' {
		return Unknown, Unknown, false
	}
	if end < start {
		end = start
	}
	return start, end, true
}

func (r *cueReader) warn(line int, msg string) {
	if r.warned >= maxCueWarnings {
		r.unwarned++
		return
	}
	r.warned++
	r.out.Warnings = append(r.out.Warnings, fmt.Sprintf("line %d: %s", line, msg))
}

// beginCue starts a cue. A Teams id whose "-N" suffix is above zero and whose stem matches the
// previous cue's continues the previous cue's utterance.
func (r *cueReader) beginCue(id string, start, end Seconds) {
	// The previous cue must have made the last turn: it is the utterance being continued.
	prevMadeTurn := r.has && r.cur.cue == r.cueNo
	r.cues++
	r.cueNo++
	r.cue = cueState{no: r.cueNo, start: start, end: end, earlier: -1}
	key, part := teamsID(id)
	r.cue.key = key
	switch {
	case key != "" && part > 0 && key == r.prevKey && prevMadeTurn:
		r.cue.continues = true
		r.cue.speaker = r.cur.speaker
	case key != "" && part > 0:
		// Someone else's cue came in between: continue the utterance where it was left.
		if i, ok := r.done[key]; ok {
			r.cue.earlier = i
			r.cue.speaker = r.out.Turns[i].Speaker
		}
	}
	r.prevKey = key
}

// teamsID splits a Teams cue id "3f2a9c1e-…/17-1" into its utterance key "3f2a9c1e-…/17" and
// part 1. Other ids give "".
func teamsID(id string) (string, int) {
	slash := strings.LastIndexByte(id, '/')
	if slash < 0 {
		return "", 0
	}
	dash := strings.LastIndexByte(id, '-')
	if dash <= slash || dash == len(id)-1 || len(id)-dash > 7 || !isDigitString(id[dash+1:]) {
		return "", 0
	}
	part := 0
	for _, c := range []byte(id[dash+1:]) {
		part = part*10 + int(c-'0')
	}
	return id[:dash], part
}

// looksLikeID is true for a line that may be a cue id: a number or a Teams id.
func looksLikeID(s string) bool {
	s = strings.TrimSpace(s)
	if isDigitString(s) {
		return true
	}
	key, _ := teamsID(s)
	return key != "" && strings.IndexByte(s, ' ') < 0
}

// cueText reads the text lines of the current cue.
func (r *cueReader) cueText() {
	for {
		t, no, ok := r.ls.next()
		if !ok || isBlankLine(t) {
			return
		}
		if strings.Contains(t, "-->") {
			if _, _, ok := parseTiming(t); ok {
				// The next cue, with no blank line before it.
				r.ls.unread(t, no)
				return
			}
		}
		if looksLikeID(t) {
			if nxt, ok := r.ls.peek(); ok && strings.Contains(nxt, "-->") {
				if _, _, ok := parseTiming(nxt); ok {
					r.ls.unread(t, no)
					return
				}
			}
		}
		r.textLine(t, no)
	}
}

// textLine reads one line of cue text: voice tags switch the speaker, other tags are dropped.
func (r *cueReader) textLine(line string, no int) {
	if len(line) > 0 && line[0] == '{' {
		line = stripASS(line)
	}
	if strings.IndexByte(line, '<') < 0 {
		r.segment(line, no, true)
		return
	}
	// Text between voice tags is collected in r.scratch, unless it is one contiguous run of
	// the line, which is used as it is.
	r.scratch = r.scratch[:0]
	runFrom, runTo, runs := 0, 0, 0
	addRun := func(from, to int) {
		if from >= to {
			return
		}
		if runs == 0 {
			runFrom, runTo = from, to
		} else {
			if runs == 1 {
				r.scratch = append(r.scratch[:0], line[runFrom:runTo]...)
			}
			r.scratch = append(r.scratch, line[from:to]...)
		}
		runs++
	}
	flush := func(first bool) {
		var s string
		switch runs {
		case 0:
		case 1:
			s = line[runFrom:runTo]
		default:
			s = string(r.scratch)
		}
		runs = 0
		r.segment(s, no, first)
	}
	first := true
	from := 0
	for i := 0; i < len(line); {
		if line[i] != '<' {
			i++
			continue
		}
		gt := strings.IndexByte(line[i:], '>')
		if gt < 0 {
			break
		}
		tag := line[i+1 : i+gt]
		if !isTag(tag) {
			i++
			continue
		}
		addRun(from, i)
		i += gt + 1
		from = i
		if isVoiceTag(tag) {
			flush(first)
			first = false
			r.cue.speaker = r.voiceLabel(tag)
			r.cue.voice = true
		}
	}
	addRun(from, len(line))
	flush(first)
}

// stripASS drops the {\an8}-style overrides SRT files carry from ASS subtitles.
func stripASS(line string) string {
	for strings.HasPrefix(line, "{\\") {
		i := strings.IndexByte(line, '}')
		if i < 0 {
			return line
		}
		line = line[i+1:]
	}
	return line
}

// isTag tells a WebVTT tag (the text between < and >) from a literal "<".
func isTag(tag string) bool {
	if tag == "" {
		return false
	}
	c := tag[0]
	switch {
	case c == '/':
		return len(tag) == 1 || isTagLetter(tag[1])
	case isTagLetter(c):
		return true
	case c >= '0' && c <= '9':
		_, ok := parseTimecode(tag)
		return ok
	}
	return false
}

func isTagLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// isVoiceTag is true for "v Ana", "v.loud Ana" and a bare "v".
func isVoiceTag(tag string) bool {
	return tag[0] == 'v' && (len(tag) == 1 || tag[1] == ' ' || tag[1] == '\t' || tag[1] == '.')
}

// voiceLabel returns the cleaned speaker of a voice tag ("v.loud Ana Lopez"), or "" when it
// names nobody.
func (r *cueReader) voiceLabel(tag string) string {
	i := 1
	for i < len(tag) && tag[i] != ' ' && tag[i] != '\t' {
		i++
	}
	raw := strings.TrimSpace(tag[i:])
	if raw == "" {
		return ""
	}
	if s, ok := r.labels[raw]; ok {
		return s
	}
	s := cleanCueLabel(raw)
	if len(r.labels) < maxLabelCache {
		r.labels[raw] = s
	}
	return s
}

// segment adds a run of text said by the current speaker. first is true for the start of a
// line before any voice tag on it: there a "Name: text" prefix may name the speaker when the
// cue has no voice tags.
func (r *cueReader) segment(s string, no int, first bool) {
	s = cleanCueText(s)
	if first && !r.cue.voice {
		if label, rest, ok := r.speakerPrefix(s); ok {
			r.cue.speaker = label
			r.cue.prefixed = true
			s = rest
		}
	}
	if s == "" {
		return
	}
	c := &r.cue
	if c.speaker != "" {
		if c.voice {
			r.voice = true
		} else if c.prefixed {
			r.prefix = true
		}
	}
	if c.earlier >= 0 && c.speaker == r.out.Turns[c.earlier].Speaker {
		r.earlier.add(r.out.Turns, c.earlier, s, no)
		if t := &r.out.Turns[c.earlier]; c.end > t.End {
			t.End = c.end
		}
		return
	}
	if r.has {
		same := c.speaker == r.cur.speaker
		join := false
		switch {
		case r.cur.cue == c.no:
			join = same
		case c.continues:
			join = same
		case c.speaker != "" && same:
			join = c.start-r.cur.end < mergeGap
		}
		if join {
			r.cur.join(s, no)
			r.cur.cue = c.no
			if c.end > r.cur.end {
				r.cur.end = c.end
			}
			return
		}
		r.finish()
	}
	r.has = true
	r.curKey = c.key
	r.cur = turnBuilder{
		speaker: c.speaker, start: c.start, end: c.end, line: no, cue: c.no,
		text: s, buf: r.cur.buf[:0],
	}
}

// cleanCueText trims a run of cue text, decodes HTML entities and collapses inner whitespace.
func cleanCueText(s string) string {
	s = strings.TrimSpace(s)
	if strings.IndexByte(s, '&') >= 0 {
		s = strings.TrimSpace(html.UnescapeString(s))
	}
	return collapseSpaces(s)
}

// collapseSpaces turns runs of spaces and tabs into one space; s is returned as it is when it
// has none.
func collapseSpaces(s string) string {
	if strings.IndexByte(s, '\t') < 0 && !strings.Contains(s, "  ") {
		return s
	}
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\t' {
			space = true
			continue
		}
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
		b = append(b, c)
	}
	return string(b)
}

// speakerPrefix splits "Ana Lopez: text" into the cleaned label and the text. A dialogue dash
// before the name ("- Ana: yes") is dropped.
func (r *cueReader) speakerPrefix(s string) (label, rest string, ok bool) {
	colon := strings.IndexByte(s, ':')
	if colon <= 0 || colon > 80 {
		return "", "", false
	}
	if colon+1 < len(s) && s[colon+1] != ' ' && s[colon+1] != '\t' {
		return "", "", false // "10:30", "https://…"
	}
	raw := s[:colon]
	if strings.HasPrefix(raw, "-") {
		raw = strings.TrimLeft(raw, "- ")
	}
	label, cached := r.prefixes[raw]
	if !cached {
		if name, _ := cutParenthetical(strings.TrimSpace(raw)); looksLikeSpeaker(name) {
			label = cleanCueLabel(raw)
		}
		if len(r.prefixes) < maxLabelCache {
			r.prefixes[raw] = label
		}
	}
	if label == "" {
		return "", "", false
	}
	return label, strings.TrimSpace(s[colon+1:]), true
}

// cleanCueLabel turns a speaker label as written into a name: HTML entities decoded, a trailing
// "(Org)" or "[Guest]" dropped, and "Last, First" turned into "First Last". Labels with a
// slash ("Ana/Ben", a shared room microphone) keep their order.
func cleanCueLabel(raw string) string {
	s := raw
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	s = collapseSpaces(strings.TrimSpace(s))
	for len(s) > 0 {
		last := s[len(s)-1]
		var open int
		switch last {
		case ')':
			open = strings.LastIndexByte(s, '(')
		case ']':
			open = strings.LastIndexByte(s, '[')
		default:
			open = -1
		}
		if open <= 0 {
			break
		}
		rest := strings.TrimSpace(s[:open])
		if rest == "" {
			break
		}
		s = rest
	}
	if strings.IndexByte(s, '/') < 0 && strings.Count(s, ",") == 1 {
		i := strings.IndexByte(s, ',')
		lastName, firstName := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:])
		if lastName != "" && firstName != "" {
			s = firstName + " " + lastName
		}
	}
	return s
}
