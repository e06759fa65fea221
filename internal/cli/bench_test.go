package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/debrief-cli/debrief/internal/iostreams"
)

// oneHourMeeting writes a generated one-hour Teams VTT of about 10,000 words: six people,
// promises, decisions, questions and a few overlaps.
func oneHourMeeting(tb testing.TB) string {
	tb.Helper()
	people := []string{"Ana Lopez", "Ben Ortiz", "María Farías", "Priya Natarajan", "Tom Weber", "Kenji Sato"}
	lines := []string{
		"I'll send the revised deck to sales by Friday, so the team has it before the call.",
		"We're going with Postgres for the event store because the team already runs it.",
		"Do we have a rollback plan if the migration fails?",
		"I'm worried the migration will lock the orders table during peak hours.",
		"The schema changes are done and the script still needs a dry run against a copy of production.",
		"Someone should look at the flaky checkout tests before the release.",
		"That makes sense to me, and the numbers from last week back it up.",
		"Can you share the onboarding mockups before Thursday's review?",
		"Sure, I'll post them in the design channel tomorrow.",
		"Let's keep the scope small this sprint and revisit the reporting work next month.",
	}
	var b strings.Builder
	b.WriteString("WEBVTT\n\nNOTE Planning, 2026-11-18\n\n")
	t := 0.0
	words := 0
	for i := 0; words < 10000; i++ {
		text := lines[i%len(lines)] + " " + lines[(i*7+3)%len(lines)]
		words += len(strings.Fields(text))
		d := float64(len(strings.Fields(text))) / 2.6
		fmt.Fprintf(&b, "a1b2c3d4/%d-0\n%s --> %s\n<v %s>%s</v>\n\n", i, vttTime(t), vttTime(t+d), people[(i*5)%len(people)], text)
		t += d + 0.4
	}
	path := filepath.Join(tb.TempDir(), "2026-11-18-planning.vtt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

func vttTime(s float64) string {
	d := time.Duration(s * float64(time.Second))
	return fmt.Sprintf("%02d:%02d:%02d.%03d", int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60, d.Milliseconds()%1000)
}

// BenchmarkWholeProcess runs `debrief FILE --format markdown` end to end on a generated
// one-hour meeting: read, parse, analyze, coach and render.
func BenchmarkWholeProcess(b *testing.B) {
	path := oneHourMeeting(b)
	st, _ := os.Stat(path)
	b.SetBytes(st.Size())
	b.ReportAllocs()
	for b.Loop() {
		ios, _, _, _ := iostreams.Test()
		cmd := NewCmdRoot(NewFactory(ios, "bench"))
		cmd.SetArgs([]string{path, "--format", "markdown"})
		if err := cmd.ExecuteContext(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}
