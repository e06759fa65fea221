// Package cli is debrief's command line: one file per command, the Factory that wires real
// dependencies, and the single place where errors become exit codes.
package cli

import (
	"context"
	"os"
	"os/signal"

	"github.com/spf13/cobra"

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
	cmd := NewCmdRoot(f)
	cmd.SetArgs(os.Args[1:])
	return exitCode(cmd.ExecuteContext(ctx), ios.ErrOut)
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
	cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &usageError{err} })

	analyze := NewCmdAnalyze(f, nil)
	cmd.AddCommand(analyze, NewCmdParse(f, nil), NewCmdEval(f, nil), NewCmdWeek(f, nil), NewCmdChecklist(f, nil),
		NewCmdDoctor(f, nil), NewCmdPrompts(f, nil), NewCmdCache(f))
	return cmd
}
