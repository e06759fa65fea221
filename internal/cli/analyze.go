package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/debrief-cli/debrief/internal/analyze"
	"github.com/debrief-cli/debrief/internal/iostreams"
	"github.com/debrief-cli/debrief/internal/report"
	"github.com/debrief-cli/debrief/internal/transcript"
)

// AnalyzeOptions are the parsed flags and arguments of `debrief analyze`.
type AnalyzeOptions struct {
	IO      *iostreams.IOStreams
	Factory *Factory

	Inputs []string
	Input  inputFlags
	Engine string
	Me     string
	Format string
	Output string
	// LLM holds the flags that configure the LLM engine.
	LLM llmFlags
}

// NewCmdAnalyze builds `debrief analyze`. runF, when not nil, replaces the run step (tests use
// it to capture the parsed options).
func NewCmdAnalyze(f *Factory, runF func(*AnalyzeOptions) error) *cobra.Command {
	opts := &AnalyzeOptions{IO: f.IOStreams, Factory: f}
	cmd := &cobra.Command{
		Use:   "analyze [FILE|-]...",
		Short: "Analyze meetings and print the coaching report (the default command)",
		Long: `Analyze one or more meetings and print a coaching report for each, in order.

With no FILE, or with -, the transcript is read from standard input when it is piped.
On a terminal the report is rendered for the screen; piped, it is plain Markdown.
With --format json each meeting is one JSON document on one line (schema
debrief.report/v1, documented in the README).

Each finding cites the exact words, the speaker and the line it comes from.`,
		Example: `  debrief analyze planning.vtt
  cat standup.txt | debrief analyze --me "Ben Ortiz"
  debrief analyze minutes/*.md --format json > findings.jsonl`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Inputs = args
			if runF != nil {
				return runF(opts)
			}
			return runAnalyze(cmd.Context(), opts)
		},
	}
	opts.Input.register(cmd)
	opts.LLM.register(cmd, true)
	fl := cmd.Flags()
	fl.StringVar(&opts.Engine, "engine", "auto", "analysis engine: auto, offline or llm (auto: the LLM when a key or base URL is configured)")
	fl.StringVar(&opts.Me, "me", "", `speak to this attendee in the report ("you promised…")`)
	fl.StringVarP(&opts.Format, "format", "f", "auto", "output: auto, terminal, markdown or json (auto: terminal on a screen, markdown when piped)")
	fl.StringVarP(&opts.Output, "output", "o", "", "write the report to this file instead of standard output")
	_ = cmd.RegisterFlagCompletionFunc("engine", fixedCompletion(engineChoices...))
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletion("auto", "terminal", "markdown", "json"))
	_ = cmd.RegisterFlagCompletionFunc("me", attendeeCompletion)
	return cmd
}

func runAnalyze(ctx context.Context, opts *AnalyzeOptions) error {
	readOpts, err := opts.Input.options()
	if err != nil {
		return err
	}
	if err := opts.LLM.check(); err != nil {
		return err
	}
	if err := checkEngineChoice(opts.Engine); err != nil {
		return err
	}
	inputs, err := inputArgs(opts.Inputs, opts.IO.IsStdinTTY(), "debrief")
	if err != nil {
		return err
	}
	format, err := outputFormat(opts.IO, opts.Output, opts.Format)
	if err != nil {
		return err
	}
	dest, err := newOutput(opts.IO, opts.Output, inputs)
	if err != nil {
		return err
	}
	opts.Factory.LLMOptions = opts.LLM.values()
	// The engine is chosen once the first meeting has been read, so that a file that cannot
	// be read is reported on its own, without a word about the engine first.
	var engine analyze.Engine
	var failed, written int
	var firstErr error
	for _, path := range inputs {
		f, err := analyzeOne(ctx, &engine, path, opts, readOpts)
		if err == nil {
			err = dest.Write(func(w io.Writer) error {
				if format != "json" && written > 0 {
					fmt.Fprintln(w)
				}
				return render(w, format, f, dest.Width(), dest.Color())
			})
			if err == nil {
				written++
			}
		}
		if err != nil {
			var le *llmConfigError
			var ue *usageError
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if errors.As(err, &le) || errors.As(err, &ue) {
				// An LLM setting every other file would trip over too.
				return err
			}
			failed++
			if firstErr == nil {
				firstErr = err
			}
			if len(inputs) > 1 {
				fmt.Fprintln(opts.IO.ErrOut, "debrief: "+err.Error())
			}
		}
	}
	if err := dest.Commit(); err != nil {
		return err
	}
	switch {
	case failed == 0:
		return nil
	case len(inputs) == 1:
		return firstErr
	case failed == len(inputs):
		return &silentError{code: exitCode(firstErr, io.Discard)}
	default:
		return &partialError{failed: failed, total: len(inputs)}
	}
}

// checkEngineChoice refuses an --engine value that is not one of engineChoices.
func checkEngineChoice(choice string) error {
	if !slices.Contains(engineChoices, choice) {
		return usageErrorf("--engine %q: use %s", choice, strings.Join(engineChoices, ", "))
	}
	return nil
}

// analyzeOne reads and analyzes one meeting; *engine is chosen by --engine when it is still
// nil.
func analyzeOne(ctx context.Context, engine *analyze.Engine, path string, opts *AnalyzeOptions, readOpts transcript.Options) (*analyze.Findings, error) {
	m, err := transcript.ReadFile(path, opts.IO.In, readOpts)
	if err != nil {
		return nil, err
	}
	if *engine == nil {
		e, err := opts.Factory.Engine(opts.Engine)
		if err != nil {
			return nil, err
		}
		*engine = e
	}
	for _, w := range m.Warnings {
		fmt.Fprintf(opts.IO.ErrOut, "debrief: warning: %s: %s\n", displayName(path), w)
	}
	me := opts.Me
	if me != "" {
		name, ok := m.FindPerson(me)
		if !ok {
			fmt.Fprintf(opts.IO.ErrOut, "debrief: warning: %s: --me %q is not among the attendees (%s); the report speaks to no one in particular\n",
				displayName(path), me, strings.Join(m.AttendeeNames(), ", "))
			name = ""
		}
		me = name
	}
	return (*engine).Analyze(ctx, m, analyze.Options{Me: me, Now: opts.Factory.Now()})
}

func displayName(path string) string {
	if path == "-" {
		return "stdin"
	}
	return path
}

// outputFormat resolves --format auto: the terminal rendering on a terminal, Markdown when
// piped, and JSON for an -o file named .json or .jsonl.
func outputFormat(ios *iostreams.IOStreams, path, format string) (string, error) {
	switch format {
	case "auto", "terminal", "markdown", "md", "json":
	default:
		return "", usageErrorf("--format %q: use auto, terminal, markdown or json", format)
	}
	if format == "md" {
		format = "markdown"
	}
	if format != "auto" {
		return format, nil
	}
	lower := strings.ToLower(path)
	switch {
	case path == "" || path == "-":
		if ios.IsStdoutTTY() {
			return "terminal", nil
		}
		return "markdown", nil
	case strings.HasSuffix(lower, ".json") || strings.HasSuffix(lower, ".jsonl"):
		return "json", nil
	}
	return "markdown", nil
}

func render(w io.Writer, format string, f *analyze.Findings, width int, color bool) error {
	switch format {
	case "json":
		return report.JSON(w, f)
	case "terminal":
		return report.Terminal(w, f, width, color)
	default:
		return report.Markdown(w, f)
	}
}
