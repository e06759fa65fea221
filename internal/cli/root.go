// Package cli is debrief's command line: one file per command, the Factory that wires real
// dependencies, and the single place where errors become exit codes.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/debrief-cli/debrief/internal/iostreams"
)

// version is the program version; release builds set it with -ldflags "-X ...cli.version=v1.2.3".
var version = "0.1.0-dev"

// Main runs debrief with the process's arguments and streams and returns the exit code.
func Main() int {
	ios := iostreams.System()
	f := NewFactory(ios, version)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return execRoot(ctx, NewCmdRoot(f), os.Args[1:], ios.ErrOut)
}

// execRoot executes the command tree with args and returns the exit code, printing any error as
// one line on errOut; a usage error's hint names the command that was called.
func execRoot(ctx context.Context, root *cobra.Command, args []string, errOut io.Writer) int {
	if args == nil {
		args = []string{} // cobra reads os.Args when given nil: no args must mean no args
	}
	root.SetArgs(args)
	called, err := root.ExecuteContextC(ctx)
	command := root.Name()
	if called != nil {
		command = called.CommandPath()
	}
	return exitCodeFor(command, err, errOut)
}

// NewCmdRoot builds the debrief command tree. The root command itself analyzes meetings, so
// `debrief notes.md` and `debrief analyze notes.md` are the same.
func NewCmdRoot(f *Factory) *cobra.Command {
	cmd := NewCmdAnalyze(f, nil)
	cmd.Use = "debrief [FILE|-]..."
	cmd.Short = "Coach the person who ran a meeting, from its transcript or notes"
	cmd.Long = `debrief reads a meeting transcript or notes and coaches the person who ran it: the
promises made (who, what, by when, and which are vague or never accepted), the voices
not heard (silent attendees, interruptions, questions nobody answered), and the
decisions announced without a reason.

It reads Zoom and Teams VTT, SRT, Otter and Google Meet text, plain "Name: text"
transcripts, Markdown notes and minutes, and Whisper, WhisperX, AssemblyAI and Deepgram
JSON. The format is detected from the content.

By default everything runs offline, on debrief's own rules. With an OpenAI-compatible
endpoint configured (OPENAI_API_KEY, or --base-url for Ollama, vLLM or llama.cpp), an LLM
adds what the words mean to what they say; every finding is still checked against the
transcript. See 'debrief doctor' and docs/llm.md.

` + exitCodeHelp
	cmd.Example = `  # Right after a meeting: pipe the notes in
  pbpaste | debrief --me "Ana Lopez"

  # Analyze a transcript and save the report as Markdown
  debrief planning.vtt --format markdown -o planning-report.md

  # Machine-readable findings (one JSON document per file)
  debrief standup.srt review.vtt --format json

  # Friday: every meeting of the week; after a meeting: who does what by when
  debrief week ~/meetings --since 7d --me "Ana Lopez"
  debrief checklist planning.vtt --format ics -o follow-up.ics

  # See how a file was read
  debrief parse planning.vtt`
	cmd.Version = f.Version
	cmd.SilenceErrors = true
	cmd.SilenceUsage = true
	cmd.CompletionOptions.HiddenDefaultCmd = false
	cmd.SetIn(f.IOStreams.In)
	cmd.SetOut(f.IOStreams.Out)
	cmd.SetErr(f.IOStreams.ErrOut)
	cmd.SetFlagErrorFunc(flagError)
	cmd.RunE = rootRun(f, cmd.RunE)
	cmd.ValidArgsFunction = fileCompletion

	analyze := NewCmdAnalyze(f, nil)
	cmd.AddCommand(analyze, NewCmdParse(f, nil), NewCmdEval(f, nil), NewCmdWeek(f, nil), NewCmdChecklist(f, nil),
		NewCmdDoctor(f, nil), NewCmdPrompts(f, nil), NewCmdCache(f))
	cmd.SetHelpCommand(newCmdHelp())
	cmd.InitDefaultCompletionCmd()
	for _, c := range cmd.Commands() {
		if c.Name() == "completion" {
			c.Example = `  debrief completion bash > /etc/bash_completion.d/debrief
  debrief completion zsh > "${fpath[1]}/_debrief"
  debrief completion fish > ~/.config/fish/completions/debrief.fish
  debrief completion powershell | Out-String | Invoke-Expression`
		}
	}
	strictTree(cmd)
	completeFlagValues(cmd)
	return cmd
}

// rootRun is what `debrief` itself runs: the help when it is called on a terminal with
// nothing to read, a hint when the first argument is a mistyped command rather than a file,
// and otherwise the analysis.
func rootRun(f *Factory, analyze func(*cobra.Command, []string) error) func(*cobra.Command, []string) error {
	return func(c *cobra.Command, args []string) error {
		if len(args) == 0 && c.Flags().NFlag() == 0 && f.IOStreams.IsStdinTTY() {
			return c.Help()
		}
		if len(args) > 0 && args[0] != "-" {
			if _, err := os.Stat(args[0]); errors.Is(err, fs.ErrNotExist) {
				if s := c.SuggestionsFor(args[0]); len(s) > 0 {
					return usageErrorf("%s: no such file or command: did you mean 'debrief %s'?", args[0], s[0])
				}
			}
		}
		return analyze(c, args)
	}
}

// groupRun is the run step of a command that only holds subcommands: its help when called
// alone, a usage error naming the subcommands when called with an unknown one.
func groupRun(c *cobra.Command, args []string) error {
	if len(args) == 0 {
		return c.Help()
	}
	return unknownCommand(c, args[0])
}

// unknownCommand is the usage error for a name that is not a subcommand of parent: it lists
// the subcommands, and suggests the one probably meant.
func unknownCommand(parent *cobra.Command, name string) error {
	var names []string
	for _, c := range parent.Commands() {
		if c.IsAvailableCommand() {
			names = append(names, c.Name())
		}
	}
	if len(names) == 0 {
		return usageErrorf("%s has no command %q: see 'debrief help'", parent.CommandPath(), name)
	}
	hint := "use one of " + strings.Join(names, ", ")
	if s := parent.SuggestionsFor(name); len(s) > 0 {
		hint = fmt.Sprintf("did you mean '%s %s'? (%s)", parent.CommandPath(), s[0], hint)
	}
	return usageErrorf("%s has no command %q: %s", parent.CommandPath(), name, hint)
}

// newCmdHelp is `debrief help [COMMAND]`. Unlike cobra's own, it fails on a command that does
// not exist instead of printing the root help.
func newCmdHelp() *cobra.Command {
	return &cobra.Command{
		Use:   "help [COMMAND]...",
		Short: "Help about any command",
		Example: `  debrief help week
  debrief help prompts show`,
		Args: cobra.ArbitraryArgs,
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			target, rest, err := c.Root().Find(args)
			if err != nil || len(rest) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var names []cobra.Completion
			for _, sub := range target.Commands() {
				if sub.IsAvailableCommand() && strings.HasPrefix(sub.Name(), toComplete) {
					names = append(names, cobra.CompletionWithDesc(sub.Name(), sub.Short))
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			target, rest, err := c.Root().Find(args)
			if err != nil || len(rest) > 0 {
				parent := target
				if parent == nil {
					parent = c.Root()
				}
				return unknownCommand(parent, strings.Join(rest, " "))
			}
			return target.Help()
		},
	}
}

// flagError turns a flag parsing error into a usage error, suggesting the flag that was
// probably meant.
func flagError(c *cobra.Command, err error) error {
	name, ok := strings.CutPrefix(err.Error(), "unknown flag: --")
	if !ok {
		return &usageError{err}
	}
	if s := closestFlag(c, name); s != "" {
		return usageErrorf("unknown flag --%s: did you mean --%s?", name, s)
	}
	return usageErrorf("unknown flag --%s: see the flags below", name)
}

// closestFlag is the name of c's flag nearest to name (a typo or a prefix), or "".
func closestFlag(c *cobra.Command, name string) string {
	best, bestDist := "", 3
	visit := func(fl *pflag.Flag) {
		if fl.Hidden {
			return
		}
		d := editDistance(name, fl.Name)
		if strings.HasPrefix(fl.Name, name) && len(name) >= 3 {
			d = 1
		}
		if d < bestDist {
			best, bestDist = fl.Name, d
		}
	}
	c.Flags().VisitAll(visit)
	c.InheritedFlags().VisitAll(visit)
	return best
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// strictTree makes every command in the tree, cobra's own included, refuse what it cannot
// do as a usage error (exit 2): wrong arguments, and an unknown subcommand of a command that
// only holds subcommands (cobra would print the help and exit 0). It also turns on command
// suggestions for typos.
func strictTree(c *cobra.Command) {
	c.SuggestionsMinimumDistance = 2
	if c.HasSubCommands() && !c.Runnable() {
		c.Args = cobra.ArbitraryArgs
		c.RunE = groupRun
	}
	if check := c.Args; check != nil {
		c.Args = func(cmd *cobra.Command, args []string) error {
			err := check(cmd, args)
			var ue *usageError
			if err != nil && !errors.As(err, &ue) {
				return &usageError{err}
			}
			return err
		}
	}
	for _, sub := range c.Commands() {
		strictTree(sub)
	}
}
