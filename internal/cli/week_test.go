package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/debrief-cli/debrief/internal/analyze"
	"github.com/debrief-cli/debrief/internal/iostreams"
)

const weekDir = "../../testdata/week"

// runCLIStderrTTY runs debrief like runCLI, with stderr a terminal or not.
func runCLIStderrTTY(t *testing.T, stderrTTY bool, args ...string) run {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	ios.SetStdinTTY(true)
	ios.SetStderrTTY(stderrTTY)
	ios.SetNoColor(true)
	code := execute(ios, nil, args...)
	return run{code, out.String(), errOut.String()}
}

func TestWeekFixtureMatchesGolden(t *testing.T) {
	r := runCLI(t, "", false, "week", "--engine", "offline", weekDir)
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	want, err := os.ReadFile("../../testdata/golden/week/week.md")
	if err != nil {
		t.Fatal(err)
	}
	if r.stdout != string(want) {
		t.Errorf("`debrief week testdata/week` differs from testdata/golden/week/week.md (run go test ./internal/report -update):\n%s", r.stdout)
	}
}

func TestWeekJSON(t *testing.T) {
	r := runCLI(t, "", false, "week", "--engine", "offline", weekDir, "--format", "json", "--me", "Ana")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var doc struct {
		Schema   string `json:"schema"`
		Now      string `json:"now"`
		Files    struct{ Meetings, Skipped int }
		Meetings []struct {
			Path     string `json:"path"`
			DateFrom string `json:"date_from"`
			Report   struct {
				Schema string `json:"schema"`
			} `json:"report"`
		} `json:"meetings"`
		MyWeek *struct {
			Name   string            `json:"name"`
			Shares []json.RawMessage `json:"shares"`
		} `json:"my_week"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if doc.Schema != "debrief.week/v1" || doc.Now != "2026-11-23" || len(doc.Meetings) != 6 || doc.Files.Skipped != 1 {
		t.Errorf("schema %q now %q meetings %d skipped %d", doc.Schema, doc.Now, len(doc.Meetings), doc.Files.Skipped)
	}
	for _, m := range doc.Meetings {
		if m.Report.Schema != "debrief.report/v1" || (m.DateFrom != "content" && m.DateFrom != "filename") {
			t.Errorf("%s: report schema %q, date from %q", m.Path, m.Report.Schema, m.DateFrom)
		}
	}
	if doc.MyWeek == nil || doc.MyWeek.Name != "Ana Lopez" || len(doc.MyWeek.Shares) != 6 {
		t.Errorf("my_week %+v", doc.MyWeek)
	}
}

func TestWeekDateRange(t *testing.T) {
	tests := []struct {
		args     []string
		meetings int
		header   string
	}{
		{[]string{"--since", "2026-11-18", "--until", "2026-11-19"}, 3, "3 meetings outside the dates left out"},
		{[]string{"--since", "7d"}, 6, "from 2026-11-16 to today"},
		{[]string{"--since", "3d"}, 1, "5 meetings outside the dates left out"},
		{[]string{"--until", "2026-11-15"}, 0, "No meetings found."},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := runCLI(t, "", false, append([]string{"week", "--engine", "offline", weekDir}, tt.args...)...)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			if got := strings.Count(r.stdout, " Nov | "); got != tt.meetings {
				t.Errorf("%d meetings in the table, want %d:\n%s", got, tt.meetings, r.stdout)
			}
			if !strings.Contains(r.stdout, tt.header) {
				t.Errorf("report lacks %q:\n%.400s", tt.header, r.stdout)
			}
		})
	}
}

// writeFiles writes name -> content under dir, making folders as needed.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestWeekBadFilesAmongGood(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"2026-11-16-sync.txt":      "Ana Lopez: I'll send the notes by Friday.\nBen Ortiz: Thanks.\n",
		"team/2026-11-17-demo.txt": "Ben Ortiz: We decided to ship the demo on Monday.\nAna Lopez: Good.\n",
		"recording.vtt":            "WEBVTT\x00\x00\x00\x01\x02\x03\x00binary",
		"empty.txt":                "",
		"photo.png":                "\x89PNG\r\n\x1a\n\x00\x00",
		"README":                   "\x00\x01\x02\x03",
		".hidden/2026-11-18-x.txt": "Ana Lopez: hidden.\n",
		"labels.gold.json":         `{"commitments": []}`,
	})
	unreadable := filepath.Join(dir, "secret.md")
	if os.Geteuid() == 0 {
		// root reads any file whatever its mode: a link to nowhere fails instead.
		if err := os.Symlink(filepath.Join(dir, "gone.md"), unreadable); err != nil {
			t.Fatal(err)
		}
	} else {
		writeFiles(t, dir, map[string]string{"secret.md": "# Notes\n\nAna: I'll write it up.\n"})
		if err := os.Chmod(unreadable, 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = os.Chmod(unreadable, 0o644) })
	}
	for _, args := range [][]string{{"week", dir}, {"checklist", dir}} {
		t.Run(args[0], func(t *testing.T) {
			r := runCLI(t, "", false, append(args, "--engine", "offline")...)
			if r.code != ExitPartial {
				t.Errorf("exit %d, want %d; stderr:\n%s", r.code, ExitPartial, r.stderr)
			}
			for _, want := range []string{"send the notes", "ship the demo"} {
				if !strings.Contains(strings.ToLower(r.stdout), want) {
					t.Errorf("the good meetings are not reported (%q missing):\n%s", want, r.stdout)
				}
			}
			for _, want := range []string{"recording.vtt: input is binary", "empty.txt: input is empty", "secret.md: ", "3 of 5 inputs failed"} {
				if !strings.Contains(r.stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
				}
			}
			for _, notWant := range []string{"photo.png", "README", "hidden", "gold.json", "goroutine"} {
				if strings.Contains(r.stderr, notWant) {
					t.Errorf("stderr mentions %q, which should be skipped quietly:\n%s", notWant, r.stderr)
				}
			}
		})
	}
	r := runCLI(t, "", false, "week", "--engine", "offline", dir, "--format", "json")
	var doc struct {
		Files    struct{ Meetings, Skipped, Failed int }
		Failures []struct{ Path, Reason string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Files.Meetings != 2 || doc.Files.Skipped != 3 || doc.Files.Failed != 3 || len(doc.Failures) != 3 {
		t.Errorf("files %+v, failures %+v: want 2 meetings, 3 skipped (png, README, gold.json), 3 failed", doc.Files, doc.Failures)
	}
}

func TestWeekAllFailedOrNothingFound(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"empty.txt": "", "blank.md": "  \n"})
	r := runCLI(t, "", false, "week", "--engine", "offline", dir)
	if r.code != ExitInput || r.stdout != "" || !strings.Contains(r.stderr, "empty") {
		t.Errorf("all bad: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	pics := t.TempDir()
	writeFiles(t, pics, map[string]string{"a.png": "x", "b.jpg": "y"})
	r = runCLI(t, "", false, "week", "--engine", "offline", pics)
	if r.code != ExitInput || !strings.Contains(r.stderr, "no meeting files found") || !strings.Contains(r.stderr, "2 other files skipped") {
		t.Errorf("nothing found: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestWeekDateFromModificationTime(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"sync.txt": "Ana Lopez: I'll send the notes by Friday.\nBen Ortiz: Thanks.\n"})
	mtime := time.Date(2026, 11, 18, 15, 0, 0, 0, time.UTC)
	if err := os.Chtimes(filepath.Join(dir, "sync.txt"), mtime, mtime); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "", false, "week", "--engine", "offline", dir)
	if r.code != 0 || !strings.Contains(r.stdout, "Wed 18 Nov †") || !strings.Contains(r.stdout, "modification time") {
		t.Errorf("exit %d, the mtime date is not pointed out:\n%s", r.code, r.stdout)
	}
	// Friday resolves against the mtime date.
	if !strings.Contains(r.stdout, "due Fri 20 Nov") {
		t.Errorf("due date not resolved against the file date:\n%s", r.stdout)
	}
	r = runCLI(t, "", false, "week", "--engine", "offline", dir, "--format", "json")
	if !strings.Contains(r.stdout, `"date_from": "mtime"`) || !strings.Contains(r.stdout, "is the file's modification time") {
		t.Errorf("JSON does not say the date came from the mtime:\n%.600s", r.stdout)
	}
	// --date wins over the mtime.
	r = runCLI(t, "", false, "week", "--engine", "offline", dir, "--date", "2026-11-17")
	if !strings.Contains(r.stdout, "Tue 17 Nov |") {
		t.Errorf("--date not used:\n%.600s", r.stdout)
	}
}

// genMeeting writes a one-hour plain transcript of about words words: four people, promises
// with due dates, questions, a decision, and one attendee who never speaks.
func genMeeting(i, words int) string {
	people := []string{"Ana Lopez", "Ben Ortiz", "Priya Natarajan", "Tom Weber"}
	filler := []string{
		"I looked at the numbers from last week and the trend is still going in the right direction for most accounts",
		"The main risk is the migration of the orders table because it has grown a lot since the spring",
		"We should keep the scope small for this sprint and ship what we have before adding the next feature",
		"Support saw fewer tickets about the export after the fix went out on Tuesday evening",
		"Design wants another round of user tests before we commit to the new navigation",
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Meeting %d\n%s\n\n", i, time.Date(2026, 11, 16+i%5, 0, 0, 0, 0, time.UTC).Format(time.DateOnly))
	n, turn := 0, 0
	for n < words {
		who := people[turn%len(people)]
		sec := n * 3600 / words
		var text string
		switch turn % 23 {
		case 5:
			text = fmt.Sprintf("I'll send the revised deck for account %d to sales by Friday.", turn+1000*(i%50))
		case 11:
			text = fmt.Sprintf("Can you check the dashboard numbers for region %d?", turn+1000*(i%50))
		case 17:
			text = "We decided to move the release to Thursday because QA needs one more day."
		default:
			text = filler[(turn+i)%len(filler)] + ", and " + strings.ToLower(filler[(turn+i+2)%len(filler)]) + "."
		}
		fmt.Fprintf(&b, "[%02d:%02d:%02d] %s: %s\n", sec/3600, sec/60%60, sec%60, who, text)
		n += len(strings.Fields(text))
		turn++
	}
	return b.String()
}

func TestWeekConcurrentMatchesSequential(t *testing.T) {
	dir := t.TempDir()
	for i := range 24 {
		writeFiles(t, dir, map[string]string{fmt.Sprintf("m%02d.txt", i): genMeeting(i, 600)})
	}
	seq := runCLI(t, "", false, "week", "--engine", "offline", dir, "--concurrency", "1", "--format", "json")
	par := runCLI(t, "", false, "week", "--engine", "offline", dir, "--concurrency", "8", "--format", "json")
	if seq.code != 0 || par.code != 0 {
		t.Fatalf("exit %d / %d: %s %s", seq.code, par.code, seq.stderr, par.stderr)
	}
	if seq.stdout != par.stdout {
		t.Error("concurrent run differs from the sequential one")
	}
	c := runCLI(t, "", false, "checklist", "--engine", "offline", dir, "--concurrency", "8", "--format", "ics")
	if c.code != 0 || !strings.HasPrefix(c.stdout, "BEGIN:VCALENDAR\r\n") {
		t.Errorf("checklist: exit %d %.100q", c.code, c.stdout)
	}
}

func TestWeekProgressOnlyOnTerminal(t *testing.T) {
	piped := runCLIStderrTTY(t, false, "week", "--engine", "offline", weekDir)
	if piped.code != 0 || piped.stderr != "" {
		t.Errorf("piped stderr: exit %d, stderr %q, want nothing", piped.code, piped.stderr)
	}
	tty := runCLIStderrTTY(t, true, "week", "--engine", "offline", weekDir)
	if tty.code != 0 || tty.stderr == "" {
		t.Errorf("terminal stderr: exit %d, no progress shown", tty.code)
	}
	if tty.stdout != piped.stdout {
		t.Error("the progress bar changed stdout")
	}
}

func TestWeekAndChecklistUsageErrors(t *testing.T) {
	tests := []struct {
		args   []string
		stderr string
	}{
		{[]string{"week", weekDir, "--format", "pdf"}, "use auto, terminal, markdown or json"},
		{[]string{"week", weekDir, "--since", "last week"}, "7d, 2w"},
		{[]string{"week", weekDir, "--since", "2026-11-20", "--until", "2026-11-16"}, "swap them"},
		{[]string{"week", weekDir, "--now", "23/11/2026"}, "YYYY-MM-DD"},
		{[]string{"week", weekDir, "--concurrency", "-2"}, "at least 1"},
		{[]string{"week", "-"}, "not standard input"},
		{[]string{"week", weekDir, "--engine", "magic"}, "--engine"},
		{[]string{"checklist", weekDir, "--format", "docx"}, "use md, json, csv or ics"},
		{[]string{"checklist"}, "no input"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := runCLI(t, "", true, tt.args...)
			if r.code != ExitUsage || !strings.Contains(r.stderr, tt.stderr) || r.stdout != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 2 and %q", r.code, r.stdout, r.stderr, tt.stderr)
			}
			if n := strings.Count(strings.TrimSpace(r.stderr), "\n"); n > 1 {
				t.Errorf("error is %d lines, want one plus the usage hint:\n%s", n+1, r.stderr)
			}
		})
	}
}

func TestWeekAndChecklistHelp(t *testing.T) {
	for _, cmd := range []string{"week", "checklist"} {
		r := runCLI(t, "", true, cmd, "--help")
		for _, want := range []string{"Examples:", "--since", "--me", "--concurrency", "--input-format", "--engine", "--output"} {
			if cmd == "checklist" && want == "--since" {
				continue
			}
			if !strings.Contains(r.stdout, want) {
				t.Errorf("%s --help lacks %q", cmd, want)
			}
		}
	}
}

func TestWeekDefaultConcurrency(t *testing.T) {
	var bf batchFlags
	if n := bf.concurrency(nil); n != llmConcurrency {
		t.Errorf("non-offline engine: %d, want %d", n, llmConcurrency)
	}
	if n := bf.concurrency(analyze.Offline{}); n != runtime.NumCPU() {
		t.Errorf("offline: %d, want the CPU count %d", n, runtime.NumCPU())
	}
}

// BenchmarkWeek500 runs `debrief week` on a generated week of 500 one-hour meetings (about
// 9,000 words each), offline, through the whole command, and reports the peak heap in use
// during a run.
func BenchmarkWeek500(b *testing.B) {
	dir := b.TempDir()
	for i := range 500 {
		p := filepath.Join(dir, fmt.Sprintf("2026-11-%02d-meeting-%03d.txt", 16+i%5, i))
		if err := os.WriteFile(p, []byte(genMeeting(i, 9000)), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	runtime.GC()
	var peak uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	b.ResetTimer()
	for b.Loop() {
		// Each run starts from a collected heap, as a fresh process would: the peak is one
		// run's, not one run's plus the garbage of the one before.
		b.StopTimer()
		runtime.GC()
		b.StartTimer()
		ios, _, out, errOut := iostreams.Test()
		f := NewFactory(ios, "bench")
		cmd := NewCmdRoot(f)
		cmd.SetArgs([]string{"week", dir, "--format", "json", "--engine", "offline"})
		if code := exitCode(cmd.ExecuteContext(context.Background()), errOut); code != 0 {
			b.Fatalf("exit %d: %s", code, errOut)
		}
		if out.Len() == 0 {
			b.Fatal("no output")
		}
		// cobra keeps every flag that has a completion function in a package-level map, and
		// with it the options and streams of every command tree ever built: a real process
		// builds one, but this loop builds one per run. Drop the run's output so that the
		// next run's peak is not this one's leftovers.
		*out = bytes.Buffer{}
	}
	b.StopTimer()
	close(stop)
	wg.Wait()
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

func TestWeekSkipsJSONThatIsNoTranscript(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(planning)
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{
		"planning.vtt": string(data),
		"package.json": `{"name": "x", "version": "1.0.0", "dependencies": {}}`,
		"broken.json":  `{"segments": [{"start": 0, "text": "cut off`,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := runCLI(t, "", false, "week", dir, "--engine", "offline", "--now", "2026-11-23")
	// The package.json is skipped; the broken transcript is a failure, reported with the rest kept.
	if r.code != ExitPartial || strings.Contains(r.stderr, "package.json") || !strings.Contains(r.stderr, "broken.json") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "1 other file skipped") {
		t.Errorf("the package.json is not counted as skipped:\n%.400s", r.stdout)
	}
}
