package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/debrief-cli/debrief/internal/iostreams"
	"github.com/debrief-cli/debrief/internal/transcript"
)

// ParseOptions are the parsed flags and arguments of `debrief parse`.
type ParseOptions struct {
	IO     *iostreams.IOStreams
	Input  inputFlags
	Path   string
	Format string
}

// NewCmdParse builds `debrief parse`, which shows how a file was read.
func NewCmdParse(f *Factory, runF func(*ParseOptions) error) *cobra.Command {
	opts := &ParseOptions{IO: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "parse FILE|-",
		Short: "Show how a transcript was read: format, date, attendees and turns",
		Long: `Show how debrief read a file: the detected format, title, date, attendees (with the
initials and short names that resolved to them) and every turn with its speaker, time
and input line. Use it when a report looks wrong, to see whether the input was read
as you expect.

Formats (auto-detected from the content; force one with --input-format):
  vtt-zoom    Zoom WebVTT, "Name: text" in the cues
  vtt-teams   Microsoft Teams WebVTT, <v Name> voice tags
  vtt         WebVTT without speakers
  srt         SubRip subtitles
  otter       Otter.ai text export ("Name  1:02:10" headers)
  meet        Google Meet transcript saved as text
  plain       "Name: text" lines, optionally with [hh:mm:ss] stamps
  notes       Markdown notes and minutes (Present:, ACTION:, RESOLUTION:, "* SC: text")
  whisper     Whisper JSON (no speakers)
  whisperx    WhisperX JSON (SPEAKER_00 labels: name them with --speakers)
  assemblyai  AssemblyAI JSON (utterances with speaker letters)
  deepgram    Deepgram JSON (utterances, or words when utterances are absent)`,
		Example: `  debrief parse planning.vtt
  debrief parse diarized.json --speakers "SPEAKER_00=Ana Lopez,SPEAKER_01=Ben Ortiz"
  cat notes.md | debrief parse - --format json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageErrorf("parse reads one file at a time; got %d", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Path = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return runParse(opts)
		},
	}
	opts.Input.register(cmd)
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "table", "output: table or json")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletion("table", "json"))
	return cmd
}

func runParse(opts *ParseOptions) error {
	readOpts, err := opts.Input.options()
	if err != nil {
		return err
	}
	if opts.Format != "table" && opts.Format != "json" {
		return usageErrorf("--format %q: use table or json", opts.Format)
	}
	var args []string
	if opts.Path != "" {
		args = []string{opts.Path}
	}
	inputs, err := inputArgs(args, opts.IO.IsStdinTTY(), "debrief parse")
	if err != nil {
		return err
	}
	m, err := transcript.ReadFile(inputs[0], opts.IO.In, readOpts)
	if err != nil {
		return err
	}
	for _, w := range m.Warnings {
		fmt.Fprintf(opts.IO.ErrOut, "debrief: warning: %s: %s\n", displayName(inputs[0]), w)
	}
	if opts.Format == "json" {
		enc := json.NewEncoder(opts.IO.Out)
		enc.SetEscapeHTML(false)
		return enc.Encode(m)
	}
	return writeMeetingTable(opts.IO.Out, m, opts.IO.TerminalWidth())
}

// writeMeetingTable prints a meeting for a person to read.
func writeMeetingTable(w io.Writer, m *transcript.Meeting, width int) error {
	date := m.Date
	switch {
	case date == "":
		date = "unknown (pass --date YYYY-MM-DD)"
	case m.DateFrom != "":
		date += " (from the " + map[string]string{"content": "content", "filename": "file name", "flag": "--date flag"}[m.DateFrom] + ")"
	}
	fmt.Fprintf(w, "format:    %s\n", m.Format)
	if m.Title != "" {
		fmt.Fprintf(w, "title:     %s\n", m.Title)
	}
	fmt.Fprintf(w, "date:      %s\n", date)
	fmt.Fprintf(w, "speakers:  %s\n", yesNo(m.HasSpeakers))
	fmt.Fprintf(w, "times:     %s\n", yesNo(m.HasTimes))
	fmt.Fprintf(w, "turns:     %d\n\n", len(m.Turns))
	fmt.Fprintf(w, "Attendees (%d)\n", len(m.Attendees))
	for _, p := range m.Attendees {
		line := "  " + p.Name
		if len(p.Aliases) > 0 {
			line += "  (also: " + strings.Join(p.Aliases, ", ") + ")"
		}
		fmt.Fprintln(w, line)
	}
	fmt.Fprintln(w)
	widest := len("SPEAKER")
	for _, t := range m.Turns {
		widest = max(widest, utf8.RuneCountInString(t.Speaker))
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "LINE\tTIME\tSPEAKER\tTEXT")
	for _, t := range m.Turns {
		speaker := t.Speaker
		if speaker == "" {
			speaker = "-"
		}
		tm := t.Start.Clock()
		if tm == "" {
			tm = "-"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", t.Line, tm, speaker, truncate(t.Text, width-(6+10+widest+2)))
	}
	return tw.Flush()
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// truncate shortens s to n runes, marking the cut with "…".
func truncate(s string, n int) string {
	if n < 20 {
		n = 20
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
