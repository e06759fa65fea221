package report

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestWeekJSONStreamsTheSameBytes checks that writing the meetings one at a time gives exactly
// the bytes of encoding the whole week at once, with text that looks like the marker the
// writer cuts at, HTML characters and non-ASCII inside.
func TestWeekJSONStreamsTheSameBytes(t *testing.T) {
	tricky := "a title with \n  \"meetings\": [],\n inside, <b>&</b> and María"
	meeting := func(title string) WeekMeeting {
		return WeekMeeting{Date: "2026-11-18", Title: title, Path: "x/" + title, People: 3,
			Report: Document{Schema: Schema, Meeting: MeetingInfo{Title: title, Attendees: []string{"Ana Lopez"}}}}
	}
	for _, n := range []int{0, 1, 3} {
		w := Week{Schema: WeekSchema, Now: "2026-11-23", Me: tricky, Themes: []Theme{}}
		for i := range n {
			w.Meetings = append(w.Meetings, meeting(tricky+string(rune('A'+i))))
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(w); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := WeekJSON(&got, w); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%d meetings: streamed\n%s\nwant\n%s", n, got.String(), want.String())
		}
	}
}
