package transcript

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file reads the JSON exports of speech-to-text services: Whisper and WhisperX segments,
// AssemblyAI utterances and Deepgram results. Each segment or utterance becomes one turn whose
// Line is the input line where its JSON object starts, so findings can point back into the file.
//
// The input is validated once as a whole; after that a small scanner finds the objects of
// interest and each one is decoded on its own. Values of the wrong type, nulls, negative or
// absurd times never fail the read: they are left unknown.

// errNoSegments is returned for valid JSON that holds none of the arrays a transcript has.
var errNoSegments = fmt.Errorf("no segments or utterances found: %w", ErrNotTranscript)

// ErrNotTranscript marks valid JSON that holds no transcript: a package.json, a config file.
// A folder walk skips such files instead of counting them as failures.
var ErrNotTranscript = errors.New("this JSON is not a Whisper, WhisperX, AssemblyAI or Deepgram transcript")

// maxTime is the largest time offset accepted, one week in seconds; larger values are unknown.
const maxTime = 7 * 24 * 3600

// maxWordGap is the pause, in seconds, that ends a turn built from words.
const maxWordGap = 1.5

// maxMergeGap is the largest pause, in seconds, between two segments of the same speaker that
// are joined into one turn.
const maxMergeGap = 1.0

// parseWhisper reads Whisper and WhisperX JSON: {"segments":[{"start","end","text"}]}, with a
// "speaker" label on each segment (and its words) when WhisperX diarized the audio.
func parseWhisper(text string) (*parsed, error) { return parseJSON(text, FormatWhisper) }

// parseAssemblyAI reads an AssemblyAI transcript: "utterances" with a letter speaker and times
// in milliseconds, or, when utterances were not requested, the top-level "words".
func parseAssemblyAI(text string) (*parsed, error) { return parseJSON(text, FormatAssemblyAI) }

// parseDeepgram reads a Deepgram response: results.utterances with an integer speaker, or,
// when utterances were not requested, the words of results.channels[0].alternatives[0].
func parseDeepgram(text string) (*parsed, error) { return parseJSON(text, FormatDeepgram) }

// jsonShape reads one JSON transcript shape from doc, or reports false when doc does not have
// that shape.
type jsonShape func(doc *jsonDoc) (*parsed, bool)

// parseJSON reads a JSON transcript, trying the shape of format want first and then the others:
// the shapes differ in their top-level keys, so a file detected as the wrong service is still
// read, and parsed.Format names the service it came from.
func parseJSON(text string, want Format) (*parsed, error) {
	doc, err := newJSONDoc(text)
	if err != nil {
		return nil, err
	}
	shapes := []jsonShape{readWhisper, readAssemblyAI, readDeepgram}
	switch want {
	case FormatAssemblyAI:
		shapes[0], shapes[1] = shapes[1], shapes[0]
	case FormatDeepgram:
		shapes[0], shapes[2] = shapes[2], shapes[0]
	}
	for _, read := range shapes {
		if p, ok := read(doc); ok {
			return p, nil
		}
	}
	return nil, errNoSegments
}

// readWhisper reads top-level "segments". The format is whisperx when any segment has a
// speaker.
func readWhisper(doc *jsonDoc) (*parsed, bool) {
	arr, ok := doc.lookup(doc.root, "segments")
	if !ok || doc.s[arr] != '[' {
		return nil, false
	}
	p := &parsed{Format: FormatWhisper}
	lines := lineCounter{s: doc.s}
	var bad int
	j := newJoiner()
	for _, off := range doc.elements(arr) {
		var seg whisperSegment
		doc.decode(off, &seg)
		body := strings.TrimSpace(seg.Text.String())
		if body == "" {
			continue
		}
		speaker := seg.Speaker.label()
		if speaker == "" {
			speaker = majoritySpeaker(seg.Words)
		}
		if speaker != "" {
			p.Format = FormatWhisperX
		}
		t := Turn{
			Speaker: speaker,
			Start:   seg.Start.seconds(1, &bad),
			End:     seg.End.seconds(1, &bad),
			Text:    body,
			Line:    lines.at(off),
		}
		fixEnd(&t)
		if n := len(p.Turns); n > 0 && continuesTurn(&p.Turns[n-1], &t) {
			j.add(p.Turns, n-1, t.Text, t.Line)
			if t.End.Known() {
				p.Turns[n-1].End = t.End
			}
			continue
		}
		p.Turns = append(p.Turns, t)
	}
	j.flush(p.Turns)
	p.Warnings = timeWarning(bad)
	return p, true
}

// continuesTurn reports whether segment next, by the same diarized speaker as prev, follows it
// closely enough to be the same turn.
func continuesTurn(prev, next *Turn) bool {
	return next.Speaker != "" && next.Speaker == prev.Speaker &&
		prev.End.Known() && next.Start.Known() && next.Start-prev.End < maxMergeGap
}

// whisperSegment is one Whisper or WhisperX segment; unused fields are not decoded.
type whisperSegment struct {
	Start   jsonNum           `json:"start"`
	End     jsonNum           `json:"end"`
	Text    jsonText          `json:"text"`
	Speaker jsonLabel         `json:"speaker"`
	Words   []whisperWordMark `json:"words"`
}

// whisperWordMark is the part of a WhisperX word that matters here: who said it.
type whisperWordMark struct {
	Speaker jsonLabel `json:"speaker"`
}

// majoritySpeaker is the label most words carry, the first seen on a tie, or "" when no word
// has one.
func majoritySpeaker(words []whisperWordMark) string {
	counts := map[string]int{}
	best, bestN := "", 0
	for _, w := range words {
		l := w.Speaker.label()
		if l == "" {
			continue
		}
		counts[l]++
		if counts[l] > bestN {
			best, bestN = l, counts[l]
		}
	}
	return best
}

// readAssemblyAI reads top-level "utterances" (times in milliseconds), or builds turns from the
// top-level "words" when there are none.
func readAssemblyAI(doc *jsonDoc) (*parsed, bool) {
	p := &parsed{Format: FormatAssemblyAI}
	var bad int
	if arr, ok := doc.lookup(doc.root, "utterances"); ok && doc.s[arr] == '[' {
		if offs := doc.elements(arr); len(offs) > 0 {
			lines := lineCounter{s: doc.s}
			for _, off := range offs {
				var u assemblyUtterance
				doc.decode(off, &u)
				body := strings.TrimSpace(u.Text.String())
				if body == "" {
					continue
				}
				t := Turn{
					Speaker: u.Speaker.label(),
					Start:   u.Start.seconds(1000, &bad),
					End:     u.End.seconds(1000, &bad),
					Text:    body,
					Line:    lines.at(off),
				}
				fixEnd(&t)
				p.Turns = append(p.Turns, t)
			}
			p.Warnings = timeWarning(bad)
			return p, true
		}
	}
	arr, ok := doc.lookup(doc.root, "words")
	if !ok || doc.s[arr] != '[' {
		return nil, false
	}
	lines := lineCounter{s: doc.s}
	var words []word
	for _, off := range doc.elements(arr) {
		var w assemblyWord
		doc.decode(off, &w)
		words = append(words, word{
			text:    strings.TrimSpace(w.Text.String()),
			start:   w.Start.seconds(1000, &bad),
			end:     w.End.seconds(1000, &bad),
			speaker: w.Speaker.label(),
			line:    lines.at(off),
		})
	}
	p.Turns = turnsFromWords(words)
	p.Warnings = timeWarning(bad)
	return p, true
}

// assemblyUtterance is one AssemblyAI utterance; times are in milliseconds.
type assemblyUtterance struct {
	Speaker jsonLabel `json:"speaker"`
	Text    jsonText  `json:"text"`
	Start   jsonNum   `json:"start"`
	End     jsonNum   `json:"end"`
}

// assemblyWord is one AssemblyAI word; times are in milliseconds.
type assemblyWord struct {
	Text    jsonText  `json:"text"`
	Start   jsonNum   `json:"start"`
	End     jsonNum   `json:"end"`
	Speaker jsonLabel `json:"speaker"`
}

// readDeepgram reads results.utterances, or builds turns from the words of
// results.channels[0].alternatives[0] when there are none.
func readDeepgram(doc *jsonDoc) (*parsed, bool) {
	p := &parsed{Format: FormatDeepgram}
	var bad int
	results, ok := doc.lookup(doc.root, "results")
	if !ok || doc.s[results] != '{' {
		return nil, false
	}
	if arr, ok := doc.lookup(results, "utterances"); ok && doc.s[arr] == '[' {
		if offs := doc.elements(arr); len(offs) > 0 {
			lines := lineCounter{s: doc.s}
			for _, off := range offs {
				var u deepgramUtterance
				doc.decode(off, &u)
				body := strings.TrimSpace(u.Transcript.String())
				if body == "" {
					continue
				}
				t := Turn{
					Speaker: u.Speaker.label(),
					Start:   u.Start.seconds(1, &bad),
					End:     u.End.seconds(1, &bad),
					Text:    body,
					Line:    lines.at(off),
				}
				fixEnd(&t)
				p.Turns = append(p.Turns, t)
			}
			p.Warnings = timeWarning(bad)
			return p, true
		}
	}
	arr, ok := doc.lookup(results, "channels", 0, "alternatives", 0, "words")
	if !ok || doc.s[arr] != '[' {
		return nil, false
	}
	lines := lineCounter{s: doc.s}
	var words []word
	for _, off := range doc.elements(arr) {
		var w deepgramWord
		doc.decode(off, &w)
		body := w.Punctuated.String()
		if strings.TrimSpace(body) == "" {
			body = w.Word.String()
		}
		words = append(words, word{
			text:    strings.TrimSpace(body),
			start:   w.Start.seconds(1, &bad),
			end:     w.End.seconds(1, &bad),
			speaker: w.Speaker.label(),
			line:    lines.at(off),
		})
	}
	p.Turns = turnsFromWords(words)
	p.Warnings = timeWarning(bad)
	return p, true
}

// deepgramUtterance is one entry of results.utterances; times are in seconds.
type deepgramUtterance struct {
	Start      jsonNum   `json:"start"`
	End        jsonNum   `json:"end"`
	Transcript jsonText  `json:"transcript"`
	Speaker    jsonLabel `json:"speaker"`
}

// deepgramWord is one word of a Deepgram alternative; times are in seconds.
type deepgramWord struct {
	Word       jsonText  `json:"word"`
	Punctuated jsonText  `json:"punctuated_word"`
	Start      jsonNum   `json:"start"`
	End        jsonNum   `json:"end"`
	Speaker    jsonLabel `json:"speaker"`
}

// word is one timed word, from a service that gave words but no utterances.
type word struct {
	text       string
	start, end Seconds
	speaker    string
	line       int
}

// turnsFromWords groups words into turns. A turn ends when the speaker changes or after a pause
// longer than maxWordGap; when no word names a speaker, it also ends with each sentence.
func turnsFromWords(words []word) []Turn {
	diarized := fillSpeakers(words)
	var turns []Turn
	var cur *Turn
	j := newJoiner()
	sentenceEnded := false
	for _, w := range words {
		if w.text == "" {
			continue
		}
		if cur != nil {
			split := w.speaker != "" && cur.Speaker != "" && w.speaker != cur.Speaker
			if cur.End.Known() && w.start.Known() && float64(w.start-cur.End) > maxWordGap {
				split = true
			}
			if !diarized && sentenceEnded {
				split = true
			}
			if !split {
				if cur.Speaker == "" {
					cur.Speaker = w.speaker
				}
				j.add(turns, len(turns)-1, w.text, w.line)
				if w.end.Known() {
					cur.End = w.end
				}
				sentenceEnded = endsSentence(w.text)
				continue
			}
		}
		j.flush(turns)
		turns = append(turns, Turn{Speaker: w.speaker, Start: w.start, End: w.end, Text: w.text, Line: w.line})
		cur = &turns[len(turns)-1]
		sentenceEnded = endsSentence(w.text)
	}
	j.flush(turns)
	for i := range turns {
		fixEnd(&turns[i])
	}
	return turns
}

// fillSpeakers gives each word without a speaker the speaker of the labelled word before it,
// or of the one after it when a sentence ended in between (or none came before). It reports
// whether any word has a speaker.
func fillSpeakers(words []word) bool {
	prev, prevAt := "", -1
	for i := 0; i < len(words); i++ {
		if words[i].speaker != "" {
			prev, prevAt = words[i].speaker, i
			continue
		}
		j := i
		for j < len(words) && words[j].speaker == "" {
			j++
		}
		next := ""
		if j < len(words) {
			next = words[j].speaker
		}
		if prev == "" && next == "" {
			return false
		}
		// Words of the gap after its last sentence end go to the next speaker.
		cut := j
		if prevAt >= 0 {
			for k := prevAt; k < j; k++ {
				if endsSentence(words[k].text) {
					cut = k + 1
				}
			}
		}
		switch {
		case prev == "":
			cut = i
		case next == "":
			cut = j
		}
		for k := i; k < j; k++ {
			if k < cut {
				words[k].speaker = prev
			} else {
				words[k].speaker = next
			}
		}
		i = j - 1
	}
	return prev != ""
}

// endsSentence reports whether a punctuated word closes a sentence.
func endsSentence(w string) bool {
	w = strings.TrimRight(w, `"'”’)`)
	return strings.HasSuffix(w, ".") || strings.HasSuffix(w, "?") || strings.HasSuffix(w, "!")
}

// fixEnd drops an end time that comes before the start.
func fixEnd(t *Turn) {
	if t.Start.Known() && t.End.Known() && t.End < t.Start {
		t.End = Unknown
	}
}

// timeWarning says how many times were present but unusable, or nothing when none were.
func timeWarning(bad int) []string {
	if bad == 0 {
		return nil
	}
	return []string{fmt.Sprintf("%d start or end times were not valid offsets and are left unknown", bad)}
}

// jsonNum is a time value as the input wrote it. Any JSON value decodes without error.
type jsonNum struct {
	raw []byte
}

// UnmarshalJSON keeps the value; it is checked when read.
func (n *jsonNum) UnmarshalJSON(b []byte) error {
	n.raw = b
	return nil
}

// seconds converts the value to Seconds, dividing by unitsPerSecond. Absent and null values are
// Unknown; other values that are not a finite, non-negative number within maxTime are Unknown
// too and counted in *bad.
func (n jsonNum) seconds(unitsPerSecond float64, bad *int) Seconds {
	if len(n.raw) == 0 || string(n.raw) == "null" {
		return Unknown
	}
	f, err := strconv.ParseFloat(string(n.raw), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		*bad++
		return Unknown
	}
	f /= unitsPerSecond
	if f < 0 || f > maxTime {
		*bad++
		return Unknown
	}
	return Seconds(f)
}

// jsonText is a string value; any other JSON value reads as "".
type jsonText struct {
	raw []byte
}

// UnmarshalJSON keeps the value; it is decoded when read.
func (t *jsonText) UnmarshalJSON(b []byte) error {
	t.raw = b
	return nil
}

// String decodes the string, or returns "" when the value was not a string.
func (t jsonText) String() string {
	return jsonString(t.raw)
}

// jsonString decodes a JSON string literal, or returns "" for any other value.
func jsonString(b []byte) string {
	if len(b) < 2 || b[0] != '"' {
		return ""
	}
	inner := b[1 : len(b)-1]
	if !containsByte(inner, '\\') && utf8.Valid(inner) {
		return string(inner)
	}
	var s string
	if json.Unmarshal(b, &s) != nil {
		return ""
	}
	return s
}

func containsByte(b []byte, c byte) bool {
	for _, x := range b {
		if x == c {
			return true
		}
	}
	return false
}

// jsonLabel is a speaker as the input wrote it: a string label or an integer.
type jsonLabel struct {
	raw []byte
}

// UnmarshalJSON keeps the value; it is interpreted when read.
func (l *jsonLabel) UnmarshalJSON(b []byte) error {
	l.raw = b
	return nil
}

// maxSpeakerNumber bounds integer speaker numbers; anything larger is not a diarization label.
const maxSpeakerNumber = 1 << 20

// label returns the speaker label: a string as written (trimmed), "Speaker N" for a
// non-negative integer N, or "" for anything else.
func (l jsonLabel) label() string {
	if len(l.raw) == 0 {
		return ""
	}
	if l.raw[0] == '"' {
		return strings.TrimSpace(jsonString(l.raw))
	}
	f, err := strconv.ParseFloat(string(l.raw), 64)
	if err != nil || f != math.Trunc(f) || f < 0 || f > maxSpeakerNumber {
		return ""
	}
	return "Speaker " + strconv.Itoa(int(f))
}

// jsonDoc is a JSON text known to be valid, with helpers that find values by their byte offset.
type jsonDoc struct {
	s    string
	data []byte
	// root is the offset of the top-level value.
	root int
}

// newJSONDoc checks that text is one valid JSON value and returns it ready to walk. The error
// for invalid JSON says at which byte and line the problem is.
func newJSONDoc(text string) (*jsonDoc, error) {
	data := []byte(text)
	if !json.Valid(data) {
		var v skipValue
		err := json.Unmarshal(data, &v)
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off := int(se.Offset)
			if off > len(text) {
				off = len(text)
			}
			line := 1 + strings.Count(text[:off], "\n")
			return nil, fmt.Errorf("invalid JSON at byte %d (line %d): %s", se.Offset, line, se.Error())
		}
		if err == nil {
			err = errors.New("not a single JSON value")
		}
		return nil, fmt.Errorf("invalid JSON: %w", err)
	}
	return &jsonDoc{s: text, data: data, root: skipSpace(text, 0)}, nil
}

// skipValue decodes any JSON value into nothing.
type skipValue struct{}

// UnmarshalJSON ignores the value.
func (*skipValue) UnmarshalJSON([]byte) error { return nil }

// decode unmarshals the value at off into v. The document is valid, so the only possible
// errors are type mismatches; the fields that matched are kept and the rest stay zero.
func (d *jsonDoc) decode(off int, v any) {
	end := skipJSON(d.s, off)
	_ = json.Unmarshal(d.data[off:end], v)
}

// lookup follows path from the value at off: a string step picks an object member (the last
// one, as encoding/json does, when a key repeats), an int step picks an array element. It
// returns the offset of the value found.
func (d *jsonDoc) lookup(off int, path ...any) (int, bool) {
	for _, step := range path {
		switch step := step.(type) {
		case string:
			if d.s[off] != '{' {
				return 0, false
			}
			found := -1
			d.members(off, func(key string, v int) {
				if key == step {
					found = v
				}
			})
			if found < 0 {
				return 0, false
			}
			off = found
		case int:
			if d.s[off] != '[' {
				return 0, false
			}
			elems := d.elements(off)
			if step < 0 || step >= len(elems) {
				return 0, false
			}
			off = elems[step]
		}
	}
	return off, true
}

// members calls fn with each key and value offset of the object at off.
func (d *jsonDoc) members(off int, fn func(key string, v int)) {
	s := d.s
	i := skipSpace(s, off+1)
	for i < len(s) && s[i] == '"' {
		kend := skipString(s, i)
		key := jsonString(d.data[i:kend])
		i = skipSpace(s, kend)
		i = skipSpace(s, i+1) // ':'
		fn(key, i)
		i = skipSpace(s, skipJSON(s, i))
		if i < len(s) && s[i] == ',' {
			i = skipSpace(s, i+1)
		}
	}
}

// elements returns the offsets of the elements of the array at off.
func (d *jsonDoc) elements(off int) []int {
	s := d.s
	var out []int
	i := skipSpace(s, off+1)
	for i < len(s) && s[i] != ']' {
		out = append(out, i)
		i = skipSpace(s, skipJSON(s, i))
		if i < len(s) && s[i] == ',' {
			i = skipSpace(s, i+1)
		}
	}
	return out
}

// skipSpace returns the offset of the first non-space byte at or after i.
func skipSpace(s string, i int) int {
	for i < len(s) {
		switch s[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// skipString returns the offset just past the string literal starting at s[i].
func skipString(s string, i int) int {
	i++
	for {
		j := strings.IndexByte(s[i:], '"')
		if j < 0 {
			return len(s)
		}
		i += j
		n := 0
		for k := i - 1; k >= 0 && s[k] == '\\'; k-- {
			n++
		}
		i++
		if n%2 == 0 {
			return i
		}
	}
}

// skipJSON returns the offset just past the valid JSON value starting at s[i].
func skipJSON(s string, i int) int {
	if i >= len(s) {
		return len(s)
	}
	switch s[i] {
	case '"':
		return skipString(s, i)
	case '{', '[':
		depth := 0
		for i < len(s) {
			switch s[i] {
			case '"':
				i = skipString(s, i)
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
			i++
		}
		return i
	}
	for i < len(s) {
		switch s[i] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return i
		}
		i++
	}
	return i
}

// lineCounter turns byte offsets into 1-based line numbers, counting newlines incrementally
// while offsets grow.
type lineCounter struct {
	s    string
	pos  int
	line int
}

// at returns the line holding byte off.
func (c *lineCounter) at(off int) int {
	if c.line == 0 || off < c.pos {
		c.pos, c.line = 0, 1
	}
	if off > len(c.s) {
		off = len(c.s)
	}
	c.line += strings.Count(c.s[c.pos:off], "\n")
	c.pos = off
	return c.line
}
