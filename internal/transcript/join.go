package transcript

// joiner appends text to the turns of a slice part by part, in time linear in the text: each
// turn being joined keeps its text in a buffer until flush writes it back, where Turn.Join
// copies the whole text again for every part. The text comes out as Turn.Join makes it.
// Turns are named by their index, so the slice may grow between calls; flush before reading
// the text of a joined turn and before handing the turns on.
type joiner struct {
	cur int // index of the turn whose text is in buf, or -1
	buf []byte
	// parked holds the buffers of other turns still being joined (a Teams utterance continued
	// after someone else's cue), so that going back to one does not copy its text again.
	parked map[int][]byte
}

func newJoiner() *joiner { return &joiner{cur: -1} }

// add appends text from input line line to turns[i], after a space when the turn has text.
// The first text of a turn without any (its label stood alone on its line) is recorded as
// coming from its own line; a part from the line the previous part came from adds no span.
func (j *joiner) add(turns []Turn, i int, text string, line int) {
	if text == "" {
		return
	}
	j.open(turns, i)
	t := &turns[i]
	switch {
	case len(j.buf) == 0 && len(t.Spans) == 0:
		if line != t.Line {
			t.Spans = []Span{{Offset: 0, Line: line}}
		}
	case line == lastLine(t):
		j.buf = append(j.buf, ' ')
	default:
		if len(t.Spans) == 0 {
			t.Spans = append(t.Spans, Span{Offset: 0, Line: t.Line})
		}
		j.buf = append(j.buf, ' ')
		t.Spans = append(t.Spans, Span{Offset: len(j.buf), Line: line})
	}
	j.buf = append(j.buf, text...)
}

// lastLine is the input line the end of the turn's text came from.
func lastLine(t *Turn) int {
	if n := len(t.Spans); n > 0 {
		return t.Spans[n-1].Line
	}
	return t.Line
}

// open makes turns[i] the turn whose text is in buf, parking the buffer of the one before.
func (j *joiner) open(turns []Turn, i int) {
	if j.cur == i {
		return
	}
	if j.cur >= 0 {
		if j.parked == nil {
			j.parked = map[int][]byte{}
		}
		j.parked[j.cur] = j.buf
		j.buf = nil
	}
	j.cur = i
	if b, ok := j.parked[i]; ok {
		j.buf = b
		delete(j.parked, i)
		return
	}
	j.buf = append(j.buf[:0], turns[i].Text...)
}

// flush writes the joined texts back to their turns.
func (j *joiner) flush(turns []Turn) {
	if j.cur >= 0 && j.cur < len(turns) {
		turns[j.cur].Text = string(j.buf)
	}
	for i, b := range j.parked {
		if i < len(turns) {
			turns[i].Text = string(b)
		}
	}
	clear(j.parked)
	j.cur = -1
	j.buf = j.buf[:0]
}
