package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// devDir holds the labelled minutes of shared/eval, beside the repository.
const devDir = "../../../shared/eval/dev"

func TestLoadGoldDevFiles(t *testing.T) {
	if _, err := os.Stat(devDir); err != nil {
		t.Skipf("no labelled set at %s", devDir)
	}
	wasm, err := LoadGold(filepath.Join(devDir, "wasm-main-2018-cg-04-03.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	if wasm.MeetingDate != "2018-04-03" || len(wasm.Attendees) != 30 || wasm.Source == "" {
		t.Errorf("wasm gold header: %q, %d attendees, source %q", wasm.MeetingDate, len(wasm.Attendees), wasm.Source)
	}
	if wasm.Commitments == nil || len(*wasm.Commitments) != 0 {
		t.Errorf("wasm commitments %v: want labelled and empty", wasm.Commitments)
	}
	if wasm.SilentAttendees == nil || len(*wasm.SilentAttendees) != 19 {
		t.Errorf("wasm silent attendees %v: want 19", wasm.SilentAttendees)
	}
	for _, c := range []string{CategoryCommitments, CategoryDecisions, CategorySilent} {
		if !wasm.Labelled(c) {
			t.Errorf("wasm: %s not labelled", c)
		}
	}
	for _, c := range []string{CategoryUnexplained, CategoryUnanswered} {
		if wasm.Labelled(c) {
			t.Errorf("wasm: %s labelled", c)
		}
	}

	solid, err := LoadGold(filepath.Join(devDir, "solid-meetings-2021-10-06.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	if solid.Commitments == nil || len(*solid.Commitments) != 3 || (*solid.Commitments)[0].Owner != "" {
		t.Errorf("solid commitments %+v: want 3, the first with no owner", solid.Commitments)
	}
	if solid.Labelled(CategorySilent) {
		t.Error("solid: silent attendees labelled")
	}

	// Every gold file of the set loads.
	golds, _ := filepath.Glob(filepath.Join(devDir, "*"+GoldSuffix))
	for _, g := range golds {
		if _, err := LoadGold(g); err != nil {
			t.Error(err)
		}
	}
}

func TestLoadGoldErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		path string
		msg  string
	}{
		{filepath.Join(dir, "none.gold.json"), "read gold"},
		{write("bad.gold.json", `{"commitments": [`), "parse gold"},
		{write("type.gold.json", `{"commitments": {"owner": "x"}}`), "parse gold"},
		{write("due.gold.json", `{"commitments": [{"owner": "A", "task": "t", "due": "Friday"}]}`), `commitments[0].due "Friday" is not a date`},
		{write("date.gold.json", `{"meeting_date": "22/09/2021"}`), "meeting_date"},
	}
	for _, tt := range tests {
		_, err := LoadGold(tt.path)
		if err == nil || !strings.Contains(err.Error(), tt.msg) || !strings.Contains(err.Error(), tt.path) {
			t.Errorf("LoadGold(%s) error = %v, want one naming the file and saying %q", tt.path, err, tt.msg)
		}
	}

	g, err := LoadGold(write("ok.gold.json", `{"decisions": [{"decision": "d", "rationale_stated": false}], "unanswered_questions": null, "extra": 1}`))
	if err != nil {
		t.Fatal(err)
	}
	if !g.Labelled(CategoryUnexplained) || *(*g.Decisions)[0].RationaleStated {
		t.Errorf("rationale_stated false not read: %+v", g.Decisions)
	}
	if g.Labelled(CategoryUnanswered) || g.Labelled(CategoryCommitments) {
		t.Error("null or absent categories read as labelled")
	}
}
