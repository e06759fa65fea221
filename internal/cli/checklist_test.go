package cli

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"
)

func TestChecklistFixtureMatchesGolden(t *testing.T) {
	r := runCLI(t, "", false, "checklist", "--engine", "offline", weekDir)
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	want, err := os.ReadFile("../../testdata/golden/checklist/week.md")
	if err != nil {
		t.Fatal(err)
	}
	if r.stdout != string(want) {
		t.Errorf("`debrief checklist testdata/week` differs from testdata/golden/checklist/week.md:\n%s", r.stdout)
	}
}

// icsUIDs parses an iCalendar file and returns its VTODOs' UIDs and DUE values.
func icsUIDs(t *testing.T, data string) ([]string, []string) {
	t.Helper()
	cal, err := ics.ParseCalendar(strings.NewReader(data))
	if err != nil {
		t.Fatalf("ICS does not parse: %v", err)
	}
	var uids, dues []string
	for _, todo := range cal.Todos() {
		uids = append(uids, todo.GetProperty(ics.ComponentPropertyUniqueId).Value)
		due := ""
		if p := todo.GetProperty(ics.ComponentPropertyDue); p != nil {
			due = p.Value
		}
		dues = append(dues, due)
	}
	return uids, dues
}

func TestChecklistICSStableAcrossRuns(t *testing.T) {
	first := runCLI(t, "", false, "checklist", "--engine", "offline", weekDir, "--format", "ics")
	second := runCLI(t, "", false, "checklist", "--engine", "offline", weekDir, "--format", "ics", "--concurrency", "1")
	if first.code != 0 || second.code != 0 {
		t.Fatalf("exit %d / %d: %s", first.code, second.code, first.stderr)
	}
	if first.stdout != second.stdout {
		t.Error("two runs gave different ICS files")
	}
	uids, dues := icsUIDs(t, first.stdout)
	golden, err := os.ReadFile("../../testdata/golden/checklist/week.ics")
	if err != nil {
		t.Fatal(err)
	}
	// The golden was written with other paths to the same files: the UIDs hash the base name.
	goldenUIDs, goldenDues := icsUIDs(t, string(golden))
	if !slices.Equal(uids, goldenUIDs) || !slices.Equal(dues, goldenDues) {
		t.Errorf("UIDs or DUEs differ from the golden file:\n%v %v\n%v %v", uids, dues, goldenUIDs, goldenDues)
	}
	if !slices.Contains(dues, "20261120") {
		t.Errorf("DUE values %v lack 20261120 (the deck, due Friday)", dues)
	}
}

func TestChecklistOutputFileFormat(t *testing.T) {
	dir := t.TempDir()
	for ext, prefix := range map[string]string{".ics": "BEGIN:VCALENDAR\r\n", ".csv": "kind,owner,text", ".json": "{", ".md": "# Follow-up:"} {
		out := filepath.Join(dir, "follow-up"+ext)
		r := runCLI(t, "", false, "checklist", "--engine", "offline", weekDir, "-o", out)
		if r.code != 0 || r.stdout != "" {
			t.Fatalf("%s: exit %d, stdout %q, stderr %s", ext, r.code, r.stdout, r.stderr)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(b), prefix) {
			t.Errorf("-o follow-up%s starts %.40q, want %q", ext, b, prefix)
		}
	}
}

func TestChecklistCSV(t *testing.T) {
	r := runCLI(t, "", false, "checklist", "--engine", "offline", weekDir, "--format", "csv")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v", err)
	}
	if len(rows) < 2 || rows[0][0] != "kind" || len(rows[0]) != 10 {
		t.Fatalf("header %v", rows[0])
	}
	deck := 0
	for _, row := range rows[1:] {
		if row[0] == "task" && strings.Contains(row[2], "revised deck") {
			deck++
		}
	}
	if deck != 1 {
		t.Errorf("the deck promise said in three meetings has %d rows, want 1", deck)
	}
}

func TestChecklistFromStdin(t *testing.T) {
	notes := "# Sync\n\nDate: 2026-11-18\nAttendees: Ana Lopez, Ben Ortiz\n\n- Ana: I'll send the deck to sales by Friday.\n- Ben: Someone should update the FAQ.\n"
	for _, args := range [][]string{{"checklist"}, {"checklist", "-"}} {
		r := runCLI(t, notes, false, append(args, "--engine", "offline", "--now", "2026-11-18")...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d: %s", args, r.code, r.stderr)
		}
		for _, want := range []string{"# Follow-up: Sync, 18 Nov\n", "## Ana Lopez", "- [ ] Send the deck to sales (due Fri 20 Nov) · Sync, 18 Nov\n", "## Needs an owner or a date"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("%v: checklist lacks %q:\n%s", args, want, r.stdout)
			}
		}
	}
}

func TestChecklistICSUIDsDoNotDependOnThePath(t *testing.T) {
	data, err := os.ReadFile(planning)
	if err != nil {
		t.Fatal(err)
	}
	fromFile := runCLI(t, "", false, "checklist", planning, "--format", "ics", "--engine", "offline")
	fromStdin := runCLI(t, string(data), false, "checklist", "-", "--format", "ics", "--engine", "offline")
	uids := func(s string) []string {
		var out []string
		for _, l := range strings.Split(s, "\r\n") {
			if strings.HasPrefix(l, "UID:") {
				out = append(out, l)
			}
		}
		return out
	}
	a, b := uids(fromFile.stdout), uids(fromStdin.stdout)
	if len(a) == 0 || strings.Join(a, ",") != strings.Join(b, ",") {
		t.Errorf("UIDs from the file %v differ from UIDs from stdin %v", a, b)
	}
}

func TestChecklistICSWithoutCommitments(t *testing.T) {
	r := runCLI(t, "Ana Lopez: Thanks for coming.\nBen Ortiz: Good to see everyone.\n", false, "checklist", "-", "--format", "ics", "--engine", "offline")
	if r.code != 0 || r.stdout != "" || !strings.Contains(r.stderr, "no commitments found") {
		t.Errorf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}
