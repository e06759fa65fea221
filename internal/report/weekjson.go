package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// meetingsKey is how the indented encoding of a Week with no meetings spells its meetings
// list. A key at the top level of the document cannot occur inside a string value, where a
// newline is escaped, so it marks the one place the meetings go.
const meetingsKey = "\n  \"meetings\": [],\n"

// WeekJSON writes w as one indented debrief.week/v1 document. The meetings' reports make up
// most of it, so they are encoded one at a time, straight after each other, rather than the
// whole document built in memory first: the bytes are the same as encoding w at once.
func WeekJSON(out io.Writer, w Week) error {
	if err := writeWeekJSON(out, w); err != nil {
		return fmt.Errorf("write JSON week report: %w", err)
	}
	return nil
}

func writeWeekJSON(out io.Writer, w Week) error {
	meetings := w.Meetings
	if len(meetings) > 0 {
		w.Meetings = []WeekMeeting{}
	}
	var frame bytes.Buffer
	if err := encodeIndented(&frame, w, ""); err != nil {
		return err
	}
	if len(meetings) == 0 {
		_, err := out.Write(frame.Bytes())
		return err
	}
	head, tail, ok := bytes.Cut(frame.Bytes(), []byte(meetingsKey))
	if !ok {
		return fmt.Errorf("no meetings list in the encoded week")
	}
	if _, err := fmt.Fprintf(out, "%s\n  \"meetings\": [", head); err != nil {
		return err
	}
	var item bytes.Buffer
	for i, m := range meetings {
		item.Reset()
		if i > 0 {
			item.WriteByte(',')
		}
		item.WriteString("\n    ")
		if err := encodeIndented(&item, m, "    "); err != nil {
			return err
		}
		item.Truncate(item.Len() - 1) // the encoder's newline
		if _, err := out.Write(item.Bytes()); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintf(out, "\n  ],\n%s", tail)
	return err
}

// encodeIndented writes v as JSON indented by two spaces, each line after the first starting
// with prefix, HTML characters left as they are, and a final newline.
func encodeIndented(buf *bytes.Buffer, v any, prefix string) error {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	return enc.Encode(v)
}
