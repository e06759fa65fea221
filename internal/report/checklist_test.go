package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"

	"github.com/debrief-cli/debrief/internal/analyze"
	"github.com/debrief-cli/debrief/internal/golden"
)

func TestChecklistGolden(t *testing.T) {
	week := NewChecklist(weekReports(t, ""), ChecklistOptions{Now: weekNow})
	one := NewChecklist(weekReports(t, "Ana", "planning.vtt"), ChecklistOptions{Now: time.Date(2026, 11, 17, 0, 0, 0, 0, time.UTC), Me: "Ana"})
	dir := filepath.Join("..", "..", "testdata", "golden", "checklist")
	for _, tc := range []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"week.md", func(b *bytes.Buffer) error { return ChecklistMarkdown(b, week) }},
		{"week.json", func(b *bytes.Buffer) error { return ChecklistJSON(b, week) }},
		{"week.csv", func(b *bytes.Buffer) error { return ChecklistCSV(b, week) }},
		{"week.ics", func(b *bytes.Buffer) error { return ChecklistICS(b, week) }},
		{"planning-me.md", func(b *bytes.Buffer) error { return ChecklistMarkdown(b, one) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tc.write(&b); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join(dir, tc.name), b.Bytes())
		})
	}
}

func TestChecklistSections(t *testing.T) {
	c := NewChecklist(weekReports(t, ""), ChecklistOptions{Now: weekNow})
	var b bytes.Buffer
	if err := ChecklistMarkdown(&b, c); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	if n := strings.Count(md, "Send the revised deck to sales"); n != 1 {
		t.Errorf("the deck promise said in three meetings appears %d times, want once:\n%s", n, md)
	}
	for _, want := range []string{
		"- [ ] Send the revised deck to sales (due Fri 20 Nov, **overdue**, *promised in 3 meetings, still open*) · Mobile standup, 16 Nov; Planning, 17 Nov; Sales sync, 19 Nov",
		"- [ ] Write the test plan for the onboarding flow (due moved from Fri 20 Nov to Tue 24 Nov) · Design review, 18 Nov; Sprint retro, 20 Nov",
		"- [x] **Ben Ortiz**: Have the migration script ready · promised Mobile standup, 16 Nov; Planning, 17 Nov; done: Sprint retro, 20 Nov",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("checklist lacks\n%s\n%s", want, md)
		}
	}
	if n := strings.Count(md, "Have the migration script ready"); n != 1 {
		t.Errorf("the kept promise appears %d times, want once, checked:\n%s", n, md)
	}
	order := []string{"## Ana Lopez", "## Ben Ortiz", "## Needs an owner or a date", "## Done since promised", "## Decisions", "## Threads to close", "## Open questions to answer"}
	last := -1
	for _, h := range order {
		i := strings.Index(md, h)
		if i < 0 || i < last {
			t.Errorf("section %q missing or out of order:\n%s", h, md)
		}
		last = i
	}
	if !strings.Contains(md, "Postgres for the event store · Planning, 17 Nov. **No reason written down") {
		t.Errorf("the Postgres decision is not marked as missing a why:\n%s", md)
	}
	if len(c.Kept) != 1 || c.Kept[0].Done == nil {
		t.Errorf("kept %+v, want the migration script", c.Kept)
	}
	for _, item := range c.Commitments {
		if item.Done != nil {
			t.Errorf("%q is done but listed as open", item.Task)
		}
		ready := item.Owner != "" && (item.Due != "" || item.DueText != "")
		if ready != (len(item.Needs) == 0) {
			t.Errorf("%q: needs %v, owner %q, due %q", item.Task, item.Needs, item.Owner, item.Due)
		}
	}
}

func TestChecklistMeFirst(t *testing.T) {
	c := NewChecklist(weekReports(t, "Tom"), ChecklistOptions{Now: weekNow, Me: "Tom"})
	if len(c.Commitments) == 0 || c.Commitments[0].Owner != "Tom Weber" {
		t.Fatalf("first owner %q, want Tom Weber (--me)", c.Commitments[0].Owner)
	}
	var b bytes.Buffer
	if err := ChecklistMarkdown(&b, c); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(strings.SplitN(b.String(), "\n\n", 3)[1], "## Tom Weber (you)") {
		t.Errorf("the --me list is not first:\n%s", b.String())
	}
}

func TestChecklistCSVParsesBack(t *testing.T) {
	c := NewChecklist(weekReports(t, ""), ChecklistOptions{Now: weekNow})
	var b bytes.Buffer
	if err := ChecklistCSV(&b, c); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v", err)
	}
	if want := checklistCSVHeader(); !slices.Equal(rows[0], want) {
		t.Fatalf("header %q, want %q", rows[0], want)
	}
	kinds := map[string]int{}
	for _, r := range rows[1:] {
		kinds[r[0]]++
		if r[0] == "task" && strings.Contains(r[2], "revised deck") {
			if r[1] != "Ana Lopez" || r[3] != "2026-11-20" || r[6] != "yes" || strings.Count(r[7], ";") != 2 {
				t.Errorf("deck row %q", r)
			}
		}
	}
	if kinds["task"] != len(c.Commitments) || kinds["decision"] != len(c.Decisions) || kinds["question"] != len(c.Questions) {
		t.Errorf("rows by kind %v, want %d tasks, %d decisions, %d questions", kinds, len(c.Commitments), len(c.Decisions), len(c.Questions))
	}
}

func TestCSVCellDefusesFormulas(t *testing.T) {
	for in, want := range map[string]string{"=SUM(A1)": "'=SUM(A1)", "@cmd": "'@cmd", "plain": "plain", "two\nlines": "two lines"} {
		if got := csvCell(in); got != want {
			t.Errorf("csvCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func renderICS(t *testing.T, c Checklist) string {
	t.Helper()
	var b bytes.Buffer
	if err := ChecklistICS(&b, c); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestChecklistICSParsesBack(t *testing.T) {
	c := NewChecklist(weekReports(t, ""), ChecklistOptions{Now: weekNow})
	out := renderICS(t, c)
	checkFolding(t, out)
	cal, err := ics.ParseCalendar(strings.NewReader(out))
	if err != nil {
		t.Fatalf("ICS does not parse: %v", err)
	}
	todos := cal.Todos()
	if len(todos) != len(c.Commitments) {
		t.Fatalf("%d VTODOs, want one per commitment (%d)", len(todos), len(c.Commitments))
	}
	uids := map[string]bool{}
	for i, todo := range todos {
		item := c.Commitments[i]
		uid := todo.GetProperty(ics.ComponentPropertyUniqueId).Value
		if uids[uid] {
			t.Errorf("UID %s used twice", uid)
		}
		uids[uid] = true
		summary := ics.FromText(todo.GetProperty(ics.ComponentPropertySummary).Value)
		if !strings.Contains(strings.ToLower(summary), strings.ToLower(trimEnd(item.Task))) {
			t.Errorf("SUMMARY %q does not hold the task %q", summary, item.Task)
		}
		due := todo.GetProperty(ics.ComponentPropertyDue)
		switch {
		case item.Due == "" && due != nil:
			t.Errorf("%q has DUE %s but no due date", item.Task, due.Value)
		case item.Due != "":
			got, err := todo.GetAllDayDueAt()
			if err != nil || got.Format(time.DateOnly) != item.Due {
				t.Errorf("%q: DUE %v (%v), want %s", item.Task, got, err, item.Due)
			}
		}
		if st := todo.GetProperty(ics.ComponentPropertyStatus); st == nil || st.Value != "NEEDS-ACTION" {
			t.Errorf("%q: STATUS %v", item.Task, st)
		}
		desc := ics.FromText(todo.GetProperty(ics.ComponentPropertyDescription).Value)
		ev := item.Mentions[0].Evidence[0].Quote
		if !strings.Contains(desc, strings.Join(strings.Fields(ev), " ")) || !strings.Contains(desc, item.Mentions[0].Title) {
			t.Errorf("DESCRIPTION %q lacks the quote %q or the meeting", desc, ev)
		}
		if stamp := todo.GetProperty(ics.ComponentPropertyDtstamp); stamp == nil || !strings.HasPrefix(stamp.Value, strings.ReplaceAll(item.Mentions[0].Date, "-", "")) {
			t.Errorf("%q: DTSTAMP %v is not the meeting date %s", item.Task, stamp, item.Mentions[0].Date)
		}
	}
	// A promise kept in a later meeting leaves the calendar: it is no longer to do.
	kept := map[string]bool{}
	for _, k := range c.Kept {
		kept[icsUID(k)] = true
		if uids[icsUID(k)] {
			t.Errorf("%q is kept but still a VTODO", k.Task)
		}
	}
	if len(kept) == 0 {
		t.Error("fixture: no promise of the week is kept")
	}
	// Stable across runs: the same input gives the same bytes; adding a later meeting keeps the
	// UIDs of the tasks already there, unless it reports them done.
	if again := renderICS(t, NewChecklist(weekReports(t, ""), ChecklistOptions{Now: weekNow})); again != out {
		t.Error("a second run gave a different ICS file")
	}
	early := NewChecklist(weekReports(t, "", "2026-11-16-standup.txt", "planning.vtt"), ChecklistOptions{Now: weekNow.AddDate(0, 0, 7)})
	for _, item := range early.Commitments {
		if !uids[icsUID(item.TrackedCommitment)] && !kept[icsUID(item.TrackedCommitment)] {
			t.Errorf("%q has a new UID once later meetings are added", item.Task)
		}
	}
}

// checkFolding checks RFC 5545 line rules: CRLF endings, no line over 75 octets, folds never
// inside a UTF-8 sequence.
func checkFolding(t *testing.T, out string) {
	t.Helper()
	if !strings.HasSuffix(out, "\r\n") || strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\n") {
		t.Error("lines do not all end in CRLF")
	}
	folded := 0
	for _, line := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line of %d octets: %q", len(line), line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("fold splits a UTF-8 sequence: %q", line)
		}
		if strings.HasPrefix(line, " ") {
			folded++
		}
	}
	if folded == 0 {
		t.Error("no line was folded: the fixture should have long descriptions")
	}
}

func TestICSFoldingAndEscaping(t *testing.T) {
	long := strings.Repeat("é", 30) + "; a, b\\c\nnext" + strings.Repeat("ü", 40)
	item := ChecklistCommitment{TrackedCommitment: TrackedCommitment{
		Owner: "Zoë", Task: long, Due: "2026-12-01", Flags: []string{},
		Mentions: []Mention{{Title: "Sync, weekly", Date: "2026-11-30", Path: "a/b.txt", Evidence: []analyze.Evidence{{Quote: long, Line: 3}}}},
	}}
	out := renderICS(t, Checklist{Now: "2026-11-30", Commitments: []ChecklistCommitment{item}})
	checkFolding(t, out)
	cal, err := ics.ParseCalendar(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	todo := cal.Todos()[0]
	if got := ics.FromText(todo.GetProperty(ics.ComponentPropertySummary).Value); got != "Zoë: "+upperFirst(trimEnd(long)) {
		t.Errorf("SUMMARY round trip:\n got %q\nwant %q", got, "Zoë: "+long)
	}
	if desc := ics.FromText(todo.GetProperty(ics.ComponentPropertyDescription).Value); !strings.Contains(desc, "Sync, weekly, 2026-11-30 (a/b.txt)") {
		t.Errorf("DESCRIPTION %q", desc)
	}
	for _, want := range []string{`\;`, `\,`, `\\`, `\n`, "PRODID:", "VERSION:2.0", "DUE;VALUE=DATE:20261201"} {
		if !strings.Contains(strings.ReplaceAll(out, "\r\n ", ""), want) {
			t.Errorf("ICS lacks %q", want)
		}
	}
}

func TestChecklistJSONShape(t *testing.T) {
	var b bytes.Buffer
	if err := ChecklistJSON(&b, NewChecklist(nil, ChecklistOptions{Now: weekNow})); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc["schema"] != ChecklistSchema {
		t.Errorf("schema %v", doc["schema"])
	}
	for _, k := range []string{"meetings", "commitments", "kept", "decisions", "open_threads", "questions"} {
		if _, ok := doc[k].([]any); !ok {
			t.Errorf("%s is %v, want a list", k, doc[k])
		}
	}
}

func TestChecklistThreadsToClose(t *testing.T) {
	tiers := thread("o1", analyze.KindDeferred, "the pricing tiers", "Let's come back to the pricing tiers next time.", 43)
	again := thread("o1", analyze.KindDeferred, "pricing tiers", "We didn't get to the pricing tiers again.", 17)
	venue := thread("o2", analyze.KindReopened, "", "Let's reopen that decision.", 20)
	tests := []struct {
		name     string
		meetings []MeetingReport
		md       []string
		csv      [][]string
	}{
		{"the same thread from two meetings once", []MeetingReport{threadsMeeting("2026-11-17", tiers), threadsMeeting("2026-11-19", again)},
			[]string{"## Threads to close\n\n- [ ] **Pricing tiers**, **deferred again**, left open in 2 meetings: close it with a decision, an owner or a date · Sync 2026-11-17, 17 Nov; Sync 2026-11-19, 19 Nov\n\n"},
			[][]string{{"thread", "", "pricing tiers", "", "", "deferred deferred-again", "", "Sync 2026-11-17 (2026-11-17); Sync 2026-11-19 (2026-11-19)", "2026-11-17.txt; 2026-11-19.txt", "We didn't get to the pricing tiers again."}}},
		{"a reopened decision with no topic", []MeetingReport{threadsMeeting("2026-11-17", venue)},
			[]string{"- [ ] The thread \"Let's reopen that decision.\", a decision reopened, with no new call: close it with a decision, an owner or a date · Sync 2026-11-17, 17 Nov\n"},
			[][]string{{"thread", "", "Let's reopen that decision.", "", "", "reopened", "", "Sync 2026-11-17 (2026-11-17)", "2026-11-17.txt", "Let's reopen that decision."}}},
		{"none", []MeetingReport{threadsMeeting("2026-11-17")}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewChecklist(tt.meetings, ChecklistOptions{Now: weekNow})
			var md, out, cal bytes.Buffer
			if err := ChecklistMarkdown(&md, c); err != nil {
				t.Fatal(err)
			}
			if err := ChecklistCSV(&out, c); err != nil {
				t.Fatal(err)
			}
			if err := ChecklistICS(&cal, c); err != nil {
				t.Fatal(err)
			}
			for _, want := range tt.md {
				if !strings.Contains(md.String(), want) {
					t.Errorf("checklist lacks\n%s\n%s", want, md.String())
				}
			}
			if tt.md == nil && strings.Contains(md.String(), "## Threads to close") {
				t.Errorf("a section of threads with none:\n%s", md.String())
			}
			rows, err := csv.NewReader(&out).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			var threads [][]string
			for _, r := range rows[1:] {
				if r[0] == "thread" {
					threads = append(threads, r)
				}
			}
			if !slices.EqualFunc(threads, tt.csv, slices.Equal) {
				t.Errorf("CSV thread rows %q, want %q", threads, tt.csv)
			}
			if strings.Contains(cal.String(), "VTODO") {
				t.Errorf("an open thread became a VTODO:\n%s", cal.String())
			}
		})
	}
}
