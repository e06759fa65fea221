package analyze_test

import (
	"context"
	"testing"

	"github.com/debrief-cli/debrief/internal/analyze"
	"github.com/debrief-cli/debrief/internal/llmtest"
	"github.com/debrief-cli/debrief/internal/transcript"
)

// TestLLMKeepsDoneReports: the LLM engine starts from the offline findings and merges its own
// into them, so the offline done reports survive an LLM run, numbered, with their evidence.
func TestLLMKeepsDoneReports(t *testing.T) {
	srv := llmtest.New(t)
	srv.Expect(llmtest.Reply{Content: `{"commitments":[{"owner":"Ben","task":"fix the second slow query","due":"","due_text":"by Monday","acceptance_line":0,"acceptance_quote":"","conditional":false,"line":3,"quote":"I'll fix the second slow query by Monday."}],"decisions":[],"unheard":[],"credits":[],"open_threads":[],"done":[]}`})
	text := "Attendees: Ana, Ben\n\nBen: The migration script is done.\nBen: I'll fix the second slow query by Monday.\nAna: Thanks.\n"
	m, err := transcript.Parse([]byte(text), transcript.Options{Date: "2026-11-20"})
	if err != nil {
		t.Fatal(err)
	}
	off, err := analyze.Offline{}.Analyze(context.Background(), m, opts())
	if err != nil {
		t.Fatal(err)
	}
	if len(off.Done) != 1 {
		t.Fatalf("fixture: the offline engine found %d done reports, want 1", len(off.Done))
	}
	f, err := newEngine(t, srv, "").Analyze(context.Background(), m, opts())
	if err != nil {
		t.Fatal(err)
	}
	if f.Engine.Name != "llm" {
		t.Fatalf("engine %q: the LLM answer was not used (%v)", f.Engine.Name, f.Engine.Warnings)
	}
	if len(f.Done) != 1 || f.Done[0].ID != "r1" || f.Done[0].Person != off.Done[0].Person || len(f.Done[0].Evidence) != 1 ||
		f.Done[0].Evidence[0] != off.Done[0].Evidence[0] {
		t.Errorf("after the LLM run done is %+v, want the offline %+v", f.Done, off.Done)
	}
}
