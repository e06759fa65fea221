package cli

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/debrief-cli/debrief/internal/iostreams"
)

// runClean runs debrief as runCLI does, in an environment with no LLM configured and config
// and cache folders of its own. stdin, when not "", is piped in; stdinTTY makes standard
// input a terminal (and is ignored when stdin is piped).
func runClean(t *testing.T, stdin string, stdinTTY bool, args ...string) run {
	t.Helper()
	dir := t.TempDir()
	env := map[string]string{
		"XDG_CONFIG_HOME": filepath.Join(dir, "config"),
		"XDG_CACHE_HOME":  filepath.Join(dir, "cache"),
	}
	ios, in, out, errOut := iostreams.Test()
	in.WriteString(stdin)
	ios.SetStdinTTY(stdin == "" && stdinTTY)
	ios.SetNoColor(true)
	code := execute(ios, func(f *Factory) { f.Getenv = func(k string) string { return env[k] } }, args...)
	return run{code, out.String(), errOut.String()}
}

// errorLines are the lines of stderr that are not the usage hint.
func errorLines(stderr string) []string {
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if l != "" && !strings.HasPrefix(l, "Run '") {
			lines = append(lines, l)
		}
	}
	return lines
}

// TestAudit is the user's-eye audit of the command line: each case is a way to call debrief
// wrong (or right), with the exit code, the one line on stderr that says what to do, and
// what standard output may hold.
func TestAudit(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string { return writeTestFile(t, dir, name, data) }
	binary := write("blob.txt", "\x00\x01\x02\x03binary\x00")
	missing := filepath.Join(dir, "nope.vtt")
	const notes = "Ana Lopez: I'll send the notes by Friday.\nBen Ortiz: Thanks.\n"

	tests := []struct {
		name     string
		args     []string
		stdin    string
		stdinTTY bool
		code     int
		// stderr is in the one line of error or warning; "" wants stderr empty.
		stderr string
		// stdout is in standard output; "" wants it empty.
		stdout string
	}{
		// No input at all.
		{name: "bare debrief on a terminal prints the help", stdinTTY: true, code: ExitOK, stdout: "Usage:"},
		{name: "analyze on a terminal with no file", args: []string{"analyze"}, stdinTTY: true, code: ExitUsage, stderr: "give a transcript file (debrief notes.md)"},
		{name: "checklist on a terminal with no file", args: []string{"checklist"}, stdinTTY: true, code: ExitUsage, stderr: "cat notes.md | debrief checklist"},
		{name: "parse on a terminal with no file", args: []string{"parse"}, stdinTTY: true, code: ExitUsage, stderr: "cat notes.md | debrief parse"},
		{name: "a flag but no file on a terminal", args: []string{"--me", "Ana"}, stdinTTY: true, code: ExitUsage, stderr: "no input"},
		{name: "empty stdin", args: []string{}, code: ExitInput, stderr: "stdin: input is empty"},
		{name: "empty stdin to checklist", args: []string{"checklist", "--engine", "offline"}, code: ExitInput, stderr: "input is empty"},

		// Bad input: one line, about the file, with no word about the engine first.
		{name: "a directory", args: []string{dir}, code: ExitInput, stderr: "use 'debrief week DIR'"},
		{name: "a missing file", args: []string{missing}, code: ExitInput, stderr: "no such file: check the path"},
		{name: "a binary file", args: []string{binary}, code: ExitInput, stderr: "binary"},
		{name: "parse a binary file", args: []string{"parse", binary}, code: ExitInput, stderr: "binary"},
		{name: "week on a missing folder", args: []string{"week", missing}, code: ExitInput, stderr: "no such file"},
		{name: "checklist of a missing file", args: []string{"checklist", missing}, code: ExitInput, stderr: "no such file"},
		{name: "eval on a missing folder", args: []string{"eval", missing}, code: ExitInput, stderr: "nope.vtt: no such file or directory: check the path"},

		// Flag values that do not exist.
		{name: "analyze --format pdf", args: []string{"--format", "pdf", planning}, code: ExitUsage, stderr: "use auto, terminal, markdown or json"},
		{name: "week --format csv", args: []string{"week", "--format", "csv", meetingsDir}, code: ExitUsage, stderr: "use auto, terminal, markdown or json"},
		{name: "checklist --format pdf", args: []string{"checklist", "--format", "pdf", planning}, code: ExitUsage, stderr: "use md, json, csv or ics"},
		{name: "parse --format yaml", args: []string{"parse", "--format", "yaml", planning}, code: ExitUsage, stderr: "use table or json"},
		{name: "eval --format yaml", args: []string{"eval", "--format", "yaml", "../../testdata/eval"}, code: ExitUsage, stderr: "use text or json"},
		{name: "--engine gpt", args: []string{"--engine", "gpt", planning}, code: ExitUsage, stderr: "use auto, offline, llm"},
		{name: "eval --engine gpt", args: []string{"eval", "--engine", "gpt", "../../testdata/eval"}, code: ExitUsage, stderr: "use auto, offline, llm"},
		{name: "--input-format docx", args: []string{"--input-format", "docx", planning}, code: ExitUsage, stderr: "unknown input format"},
		{name: "--since garbage", args: []string{"week", meetingsDir, "--since", "garbage"}, code: ExitUsage, stderr: "span back from today (7d, 2w)"},
		{name: "--since without a unit", args: []string{"week", meetingsDir, "--since", "7"}, code: ExitUsage, stderr: "span back from today"},
		{name: "--now garbage", args: []string{"checklist", planning, "--now", "friday"}, code: ExitUsage, stderr: "YYYY-MM-DD"},
		{name: "--concurrency -1", args: []string{"eval", "../../testdata/eval", "--concurrency", "-1"}, code: ExitUsage, stderr: "at least 1"},

		// --me naming nobody: a warning, and the report still comes.
		{name: "--me naming nobody", args: []string{"--engine", "offline", planning, "--me", "Zoe"}, code: ExitOK, stderr: `--me "Zoe" is not among the attendees`, stdout: "#"},
		{name: "week --me naming nobody", args: []string{"week", "--engine", "offline", meetingsDir, "--me", "Zoe"}, code: ExitOK, stderr: "not among the attendees of any meeting", stdout: "#"},

		// The LLM engine asked for with nothing configured.
		{name: "--engine llm with no key", args: []string{"--engine", "llm", planning}, code: ExitLLM, stderr: "set OPENAI_API_KEY"},
		{name: "week --engine llm with no key", args: []string{"week", "--engine", "llm", meetingsDir}, code: ExitLLM, stderr: "set OPENAI_API_KEY"},
		{name: "auto with no key says so, once", args: []string{planning, "--format", "json"}, code: ExitOK, stderr: "using the offline engine", stdout: `"schema":"debrief.report/v1"`},

		// Typos: a suggestion, exit 2.
		{name: "unknown flag with a near one", args: []string{"--fromat", "json", planning}, code: ExitUsage, stderr: "did you mean --format?"},
		{name: "unknown flag of a subcommand", args: []string{"week", "--sinse", "7d"}, code: ExitUsage, stderr: "did you mean --since?"},
		{name: "unknown flag with none near", args: []string{"--frobnicate", planning}, code: ExitUsage, stderr: "unknown flag --frobnicate"},
		{name: "mistyped command", args: []string{"anlyze", planning}, code: ExitUsage, stderr: "did you mean 'debrief analyze'?"},
		{name: "mistyped subcommand", args: []string{"prompts", "shwo", "analyze"}, code: ExitUsage, stderr: "did you mean 'debrief prompts show'?"},
		{name: "unknown subcommand", args: []string{"cache", "purge"}, code: ExitUsage, stderr: "use one of clear"},
		{name: "extra argument", args: []string{"cache", "clear", "now"}, code: ExitUsage, stderr: `unknown command "now"`},
		{name: "parse two files", args: []string{"parse", planning, planning}, code: ExitUsage, stderr: "one file at a time"},
		{name: "week reads no stdin", args: []string{"week", "-"}, code: ExitUsage, stderr: "not standard input"},

		// help and completion.
		{name: "help analyze", args: []string{"help", "analyze"}, code: ExitOK, stdout: "Examples:"},
		{name: "help a subcommand", args: []string{"help", "prompts", "show"}, code: ExitOK, stdout: "debrief prompts show analyze"},
		{name: "help an unknown topic", args: []string{"help", "nosuch"}, code: ExitUsage, stderr: `debrief has no command "nosuch"`},
		{name: "help a command that has no such subcommand", args: []string{"help", "week", "x"}, code: ExitUsage, stderr: `debrief week has no command "x"`},
		{name: "completion bash", args: []string{"completion", "bash"}, code: ExitOK, stdout: "__start_debrief"},
		{name: "completion zsh", args: []string{"completion", "zsh"}, code: ExitOK, stdout: "#compdef debrief"},
		{name: "completion fish", args: []string{"completion", "fish"}, code: ExitOK, stdout: "complete -c debrief"},
		{name: "completion powershell", args: []string{"completion", "powershell"}, code: ExitOK, stdout: "Register-ArgumentCompleter"},
		{name: "completion of an unknown shell", args: []string{"completion", "tcsh"}, code: ExitUsage, stderr: "use one of bash, fish, powershell, zsh"},
		{name: "completion with an extra argument", args: []string{"completion", "bash", "extra"}, code: ExitUsage, stderr: `unknown command "extra"`},

		// Piped output is plain: no color, even when the terminal format is asked for.
		{name: "--format terminal piped", args: []string{"--engine", "offline", "--format", "terminal", planning}, code: ExitOK, stdout: "Commitments"},
		{name: "good stdin", stdin: notes, args: []string{"--engine", "offline"}, code: ExitOK, stdout: "send the notes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runClean(t, tt.stdin, tt.stdinTTY, tt.args...)
			if r.code != tt.code {
				t.Errorf("exit %d, want %d; stderr %q", r.code, tt.code, r.stderr)
			}
			lines := errorLines(r.stderr)
			switch {
			case tt.stderr == "" && len(lines) != 0:
				t.Errorf("stderr should be empty: %q", r.stderr)
			case tt.stderr != "" && len(lines) != 1:
				t.Errorf("want one line on stderr, got %d: %q", len(lines), r.stderr)
			case tt.stderr != "" && !strings.Contains(lines[0], tt.stderr):
				t.Errorf("stderr %q does not say %q", lines[0], tt.stderr)
			}
			for _, l := range lines {
				if !strings.HasPrefix(l, "debrief: ") {
					t.Errorf("stderr line without the debrief: prefix: %q", l)
				}
			}
			if tt.code == ExitUsage && !strings.Contains(r.stderr, "--help' for usage.") {
				t.Errorf("a usage error without the hint: %q", r.stderr)
			}
			if strings.Contains(r.stderr, "goroutine ") || strings.Contains(r.stderr, "panic:") {
				t.Errorf("stack trace on stderr: %s", r.stderr)
			}
			switch {
			case tt.stdout == "" && r.stdout != "":
				t.Errorf("stdout should be empty: %.200q", r.stdout)
			case !strings.Contains(r.stdout, tt.stdout):
				t.Errorf("stdout lacks %q: %.300q", tt.stdout, r.stdout)
			}
			if strings.Contains(r.stdout, "\x1b[") {
				t.Errorf("color codes on piped stdout")
			}
		})
	}
}

// TestUsageHintNamesTheCommand checks that a usage error points at the help of the command
// that was called, not the root's.
func TestUsageHintNamesTheCommand(t *testing.T) {
	r := runClean(t, "", true, "week", meetingsDir, "--since", "garbage")
	if !strings.Contains(r.stderr, "Run 'debrief week --help' for usage.") {
		t.Errorf("stderr %q", r.stderr)
	}
}

// TestEveryCommandHasExamples keeps --help teaching: every command a user can call shows
// examples.
func TestEveryCommandHasExamples(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if !c.IsAvailableCommand() && c.HasParent() {
			return
		}
		// The shells' own completion commands explain their use in prose.
		if c.HasParent() && c.Parent().Name() != "completion" && c.Example == "" {
			t.Errorf("%s has no examples", c.CommandPath())
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(NewCmdRoot(NewFactory(ios, "test")))
}

// TestCompletion checks that the shell completes flag values with what they accept, and
// file arguments with files.
func TestCompletion(t *testing.T) {
	tests := []struct {
		args      []string
		want      []string
		directive cobra.ShellCompDirective
	}{
		{[]string{"--format", ""}, []string{"auto", "terminal", "markdown", "json"}, cobra.ShellCompDirectiveNoFileComp},
		{[]string{"--engine", ""}, []string{"auto", "offline", "llm"}, cobra.ShellCompDirectiveNoFileComp},
		{[]string{"--input-format", ""}, []string{"auto", "vtt-teams", "notes", "whisperx"}, cobra.ShellCompDirectiveNoFileComp},
		{[]string{"checklist", "--format", ""}, []string{"md", "json", "csv", "ics"}, cobra.ShellCompDirectiveNoFileComp},
		{[]string{"parse", "--format", ""}, []string{"table", "json"}, cobra.ShellCompDirectiveNoFileComp},
		{[]string{"eval", "--format", ""}, []string{"text", "json"}, cobra.ShellCompDirectiveNoFileComp},
		{[]string{"week", "--since", ""}, []string{"7d", "2w"}, cobra.ShellCompDirectiveNoFileComp},
		{[]string{planning, "--me", "M"}, []string{"María Farías"}, cobra.ShellCompDirectiveNoFileComp},
		{[]string{"prompts", "show", ""}, []string{"analyze", "repair"}, cobra.ShellCompDirectiveNoFileComp},
		{[]string{"completion", ""}, []string{"bash", "zsh", "fish", "powershell"}, cobra.ShellCompDirectiveNoFileComp},
		{[]string{"--date", ""}, nil, cobra.ShellCompDirectiveNoFileComp},
		{[]string{"--model", ""}, nil, cobra.ShellCompDirectiveNoFileComp},
		{[]string{"-o", ""}, nil, cobra.ShellCompDirectiveDefault},
		{[]string{"--prompts", ""}, nil, cobra.ShellCompDirectiveFilterDirs},
		{[]string{"prompts", "export", ""}, nil, cobra.ShellCompDirectiveFilterDirs},
		// Files: the default directive with no candidates lets the shell list files.
		{[]string{"pl"}, nil, cobra.ShellCompDirectiveDefault},
		{[]string{"week", ""}, nil, cobra.ShellCompDirectiveDefault},
		{[]string{"checklist", ""}, nil, cobra.ShellCompDirectiveDefault},
		{[]string{"parse", ""}, nil, cobra.ShellCompDirectiveDefault},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := runClean(t, "", true, append([]string{cobra.ShellCompRequestCmd}, tt.args...)...)
			lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
			last := lines[len(lines)-1]
			var got []string
			for _, l := range lines[:len(lines)-1] {
				name, _, _ := strings.Cut(l, "\t")
				got = append(got, name)
			}
			for _, w := range tt.want {
				if !strings.Contains("\n"+strings.Join(got, "\n")+"\n", "\n"+w+"\n") {
					t.Errorf("completions %q lack %q", got, w)
				}
			}
			if tt.want == nil && len(got) != 0 {
				t.Errorf("completions %q, want none", got)
			}
			if want := ":" + strconv.Itoa(int(tt.directive)); last != want {
				t.Errorf("directive %s, want %s", last, want)
			}
		})
	}
}
