package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/debrief-cli/debrief/internal/iostreams"
)

type run struct {
	code           int
	stdout, stderr string
}

// runCLI runs debrief with args against test streams. stdin, when not "", is piped in;
// tty makes stdout (and stdin, when nothing is piped) a terminal.
func runCLI(t *testing.T, stdin string, tty bool, args ...string) run {
	t.Helper()
	ios, in, out, errOut := iostreams.Test()
	in.WriteString(stdin)
	ios.SetStdinTTY(stdin == "" && tty)
	ios.SetStdoutTTY(tty)
	ios.SetNoColor(true)
	code := execute(ios, nil, args...)
	return run{code, out.String(), errOut.String()}
}

// execute runs debrief with args against ios on the tests' clock (9:00 on 23 Nov 2026); tune,
// when not nil, adjusts the Factory first. It returns the exit code, as Main does.
func execute(ios *iostreams.IOStreams, tune func(*Factory), args ...string) int {
	f := NewFactory(ios, "1.2.3")
	f.Now = func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC) }
	if tune != nil {
		tune(f)
	}
	return execRoot(context.Background(), NewCmdRoot(f), args, ios.ErrOut)
}

const planning = "../../testdata/meetings/planning.vtt"

// writeTestFile writes data to dir/name and returns the path.
func writeTestFile(t *testing.T, dir, name, data string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string { return writeTestFile(t, dir, name, data) }
	empty := write("empty.txt", "")
	binary := write("photo.jpg", "\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00")
	good := write("2026-11-18-sync.txt", "Ana Lopez: I'll send the notes by Friday.\nBen Ortiz: Thanks.\n")
	brokenVTT := write("broken.vtt", "WEBVTT\n\n1\n00:00:01.000 -> 00:0x:02\nAna: hi\n\n2\nnot a time\nBen: hello\n")
	longLine := write("one-line.txt", "Ana: "+strings.Repeat("word ", 2<<20))
	latin1 := write("2026-11-18-latin1.txt", "Ana Lopez: I'll book the caf\xe9 by Friday.\nBen Ortiz: Great.\n")
	huge := filepath.Join(dir, "huge.vtt")
	if f, err := os.Create(huge); err != nil {
		t.Fatal(err)
	} else {
		if err := f.Truncate(200 << 20); err != nil { // sparse: no disk used
			t.Fatal(err)
		}
		f.Close()
	}
	tests := []struct {
		name   string
		args   []string
		stdin  string
		tty    bool
		code   int
		stderr string
		stdout string
	}{
		{name: "missing file", args: []string{filepath.Join(dir, "nope.vtt")}, code: ExitInput, stderr: "no such file"},
		{name: "empty file", args: []string{empty}, code: ExitInput, stderr: "empty"},
		{name: "binary file", args: []string{binary}, code: ExitInput, stderr: "binary"},
		{name: "directory", args: []string{dir}, code: ExitInput, stderr: "is a directory"},
		{name: "VTT with broken timestamps", args: []string{brokenVTT}, code: ExitInput, stderr: "broken.vtt"},
		{name: "a 10 MB line", args: []string{longLine}, code: ExitInput, stderr: "MB long"},
		{name: "a 200 MB file", args: []string{huge}, code: ExitInput, stderr: "over the 64 MB limit"},
		{name: "invalid UTF-8 is repaired", args: []string{latin1}, code: ExitOK, stderr: "invalid UTF-8", stdout: "book the caf"},
		{name: "unknown flag", args: []string{"--frobnicate", good}, code: ExitUsage, stderr: "unknown flag"},
		{name: "bad format", args: []string{"--format", "pdf", good}, code: ExitUsage, stderr: "use auto, terminal, markdown or json"},
		{name: "bad date", args: []string{"--date", "18/11/2026", good}, code: ExitUsage, stderr: "YYYY-MM-DD"},
		{name: "bad speakers", args: []string{"--speakers", "SPEAKER_00", good}, code: ExitUsage, stderr: "LABEL=Name"},
		{name: "bad input format", args: []string{"--input-format", "docx", good}, code: ExitUsage, stderr: "unknown input format"},
		{name: "no input on a terminal", args: []string{"analyze"}, tty: true, code: ExitUsage, stderr: "no input"},
		{name: "stdin twice", args: []string{"-", "-"}, stdin: "Ana: hi\n", code: ExitUsage, stderr: "only once"},
		{name: "good file", args: []string{good}, code: ExitOK, stdout: "send the notes"},
		{name: "piped stdin", stdin: "Ana Lopez: I'll send the notes by Friday.\nBen Ortiz: Thanks.\n", code: ExitOK, stdout: "send the notes"},
		{name: "one bad among good", args: []string{good, empty, good}, code: ExitPartial, stderr: "empty", stdout: "send the notes"},
		{name: "all bad", args: []string{empty, binary}, code: ExitInput, stderr: "binary"},
		{name: "parse missing", args: []string{"parse", filepath.Join(dir, "nope.srt")}, code: ExitInput, stderr: "no such file"},
		{name: "parse two files", args: []string{"parse", good, good}, code: ExitUsage, stderr: "one file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, tt.stdin, tt.tty, tt.args...)
			if r.code != tt.code {
				t.Errorf("exit code %d, want %d; stderr: %s", r.code, tt.code, r.stderr)
			}
			if !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("stderr %q does not contain %q", r.stderr, tt.stderr)
			}
			if !strings.Contains(r.stdout, tt.stdout) {
				t.Errorf("stdout does not contain %q:\n%s", tt.stdout, r.stdout)
			}
			if strings.Contains(r.stderr, "goroutine") || strings.Contains(r.stderr, "panic") {
				t.Errorf("stack trace on stderr: %s", r.stderr)
			}
			if tt.code != ExitOK && tt.code != ExitPartial && r.stdout != "" {
				t.Errorf("a failure printed to stdout: %q", r.stdout)
			}
		})
	}
}

func TestParseJSONShape(t *testing.T) {
	r := runCLI(t, "", false, "parse", planning, "--format", "json")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
	var keys []string
	for k := range doc {
		keys = append(keys, k)
	}
	if len(doc) != 5 {
		t.Errorf("keys %v, want exactly format, title, date, attendees, turns", keys)
	}
	var m struct {
		Format    string `json:"format"`
		Date      string `json:"date"`
		Attendees []struct {
			Name    string   `json:"name"`
			Aliases []string `json:"aliases"`
		} `json:"attendees"`
		Turns []struct {
			Speaker string   `json:"speaker"`
			Start   *float64 `json:"start"`
			End     *float64 `json:"end"`
			Text    string   `json:"text"`
			Line    int      `json:"line"`
		} `json:"turns"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &m); err != nil {
		t.Fatal(err)
	}
	if m.Format != "vtt-teams" || m.Date != "2026-11-18" || len(m.Turns) == 0 {
		t.Errorf("format %q date %q turns %d", m.Format, m.Date, len(m.Turns))
	}
	if m.Turns[0].Start == nil || m.Turns[0].Line < 1 || m.Turns[0].Speaker != "Ana Lopez" {
		t.Errorf("first turn %+v", m.Turns[0])
	}
}

func TestParseTable(t *testing.T) {
	r := runCLI(t, "", true, "parse", planning)
	for _, want := range []string{"format:    vtt-teams", "María Farías", "LINE", "00:00:01"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("table lacks %q:\n%s", want, r.stdout)
		}
	}
}

func TestTerminalAndPipedOutput(t *testing.T) {
	piped := runCLI(t, "", false, planning)
	if piped.code != 0 {
		t.Fatalf("exit %d: %s", piped.code, piped.stderr)
	}
	if !strings.HasPrefix(piped.stdout, "#") {
		t.Errorf("piped output is not plain Markdown:\n%.200s", piped.stdout)
	}
	term := runCLI(t, "", true, planning)
	if term.code != 0 {
		t.Fatalf("exit %d: %s", term.code, term.stderr)
	}
	if term.stdout == piped.stdout {
		t.Error("terminal output is the same as piped output: not rendered")
	}
	if strings.Contains(term.stdout, "\x1b[") {
		t.Error("NO_COLOR set but the terminal output has escape codes")
	}
	for _, line := range strings.Split(term.stdout, "\n") {
		if n := len([]rune(line)); n > 80+2 {
			t.Errorf("line wider than the 80-column terminal (%d): %q", n, line)
			break
		}
	}
}

func TestJSONLinesForSeveralFiles(t *testing.T) {
	r := runCLI(t, "", false, planning, planning, "--format", "json")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2 JSON documents", len(lines))
	}
	for _, l := range lines {
		var doc struct {
			Schema string `json:"schema"`
		}
		if err := json.Unmarshal([]byte(l), &doc); err != nil || doc.Schema != "debrief.report/v1" {
			t.Errorf("line is not a debrief.report/v1 document: %v %.100s", err, l)
		}
	}
}

func TestOutputFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "report.json")
	r := runCLI(t, "", false, planning, "-o", out)
	if r.code != 0 || r.stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %s", r.code, r.stdout, r.stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(b) {
		t.Errorf("-o report.json did not write JSON: %.100s", b)
	}
}

func TestMeWarnsWhenNotAnAttendee(t *testing.T) {
	r := runCLI(t, "", false, planning, "--me", "Zoe")
	if r.code != 0 || !strings.Contains(r.stderr, "not among the attendees") {
		t.Errorf("exit %d stderr %q", r.code, r.stderr)
	}
}

func TestVersionAndCompletion(t *testing.T) {
	if r := runCLI(t, "", true, "--version"); !strings.Contains(r.stdout, "1.2.3") {
		t.Errorf("--version printed %q", r.stdout)
	}
	for _, sh := range []string{"bash", "zsh", "fish"} {
		r := runCLI(t, "", true, "completion", sh)
		if r.code != 0 || !strings.Contains(r.stdout, "debrief") {
			t.Errorf("completion %s: exit %d, %d bytes", sh, r.code, len(r.stdout))
		}
	}
}

func TestHelpDocumentsExitCodes(t *testing.T) {
	r := runCLI(t, "", true, "--help")
	for _, want := range []string{"Exit codes", "5  some files failed", "Examples:", "parse"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("--help lacks %q", want)
		}
	}
}

func TestOutputFileIsWrittenOnlyWhenReady(t *testing.T) {
	dir := t.TempDir()
	input := filepath.Join(dir, "2026-11-18-sync.txt")
	transcriptText := "Ana Lopez: I'll send the notes by Friday.\nBen Ortiz: Thanks.\n"
	if err := os.WriteFile(input, []byte(transcriptText), 0o644); err != nil {
		t.Fatal(err)
	}
	// -o naming an input is refused, and the input survives.
	r := runCLI(t, "", false, input, "-o", input)
	if r.code != ExitUsage || !strings.Contains(r.stderr, "also an input") {
		t.Errorf("-o an input: exit %d, stderr %q", r.code, r.stderr)
	}
	if b, _ := os.ReadFile(input); string(b) != transcriptText {
		t.Fatalf("the input was changed: %q", b)
	}
	// A failed run leaves an earlier report as it was.
	report := filepath.Join(dir, "report.md")
	if err := os.WriteFile(report, []byte("earlier report\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = runCLI(t, "", false, filepath.Join(dir, "missing.vtt"), "-o", report)
	if r.code != ExitInput {
		t.Errorf("exit %d, want %d", r.code, ExitInput)
	}
	if b, _ := os.ReadFile(report); string(b) != "earlier report\n" {
		t.Errorf("a failed run overwrote the earlier report: %q", b)
	}
	// A good run replaces it, without color even when stdout is a color terminal.
	ios, _, _, _ := iostreams.Test()
	ios.SetStdoutTTY(true)
	ios.SetNoColor(false)
	code := execute(ios, nil, input, "-o", report, "--format", "terminal", "--engine", "offline")
	b, _ := os.ReadFile(report)
	if code != 0 || !strings.Contains(string(b), "send the notes") || strings.Contains(string(b), "\x1b[") {
		t.Errorf("exit %d, report %q", code, b)
	}
}
