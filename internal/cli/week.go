package cli

import (
	"context"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/debrief-cli/debrief/internal/iostreams"
	"github.com/debrief-cli/debrief/internal/report"
)

// WeekOptions are the parsed flags and arguments of `debrief week`.
type WeekOptions struct {
	IO      *iostreams.IOStreams
	Factory *Factory

	Paths  []string
	Batch  batchFlags
	Format string
	Period periodFlags
}

// NewCmdWeek builds `debrief week`, the review of every meeting of a period at once. runF,
// when not nil, replaces the run step (tests use it to capture the parsed options).
func NewCmdWeek(f *Factory, runF func(*WeekOptions) error) *cobra.Command {
	opts := &WeekOptions{IO: f.IOStreams, Factory: f}
	cmd := &cobra.Command{
		Use:   "week [DIR|FILE...]",
		Short: "Review every meeting of a week at once: promises, quiet people, decisions without a why",
		Long: `Review every meeting of a period at once.

debrief week reads the files given and every meeting file under the folders given
(the current folder when none is), recursively. Files are recognised by their content;
the extension is only a hint: images, audio, archives, code and other files are
skipped and counted, and hidden files and folders are ignored.

The meeting date comes from the content, else the file name (2026-11-18-planning.vtt),
else --date, else the file's modification time, which the report then points out.
--since and --until keep the meetings of a period: a date (2026-11-16) or a span back
from today (7d, 2w).

The report has a table of the meetings (date, people, talk balance, commitments,
decisions without a why, unheard voices), the three coaching themes that recur most,
every commitment by owner and due date with the overdue ones marked, the people quiet
in two or more meetings, and the decisions announced without a reason. With --me, also
that person's share of the talk in each meeting and their own open promises. With
--format json it is one debrief.week/v1 document holding each meeting's
debrief.report/v1 document.

Meetings are analyzed in parallel. A file that cannot be read never stops the others:
it is listed at the end with the reason, and the exit code is 5.`,
		Example: `  # Friday afternoon: the week in review
  debrief week ~/meetings --since 7d --me "Ana Lopez"

  # Only the meetings of one week, saved as Markdown
  debrief week notes/ transcripts/ --since 2026-11-16 --until 2026-11-20 -o week.md

  # For a script: one JSON document with every meeting's report inside
  debrief week ~/meetings --since 7d --format json | jq '.commitments[] | select(.overdue)'`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if len(opts.Paths) == 0 {
				opts.Paths = []string{"."}
			}
			if runF != nil {
				return runF(opts)
			}
			return runWeek(cmd.Context(), opts)
		},
	}
	opts.Batch.register(cmd)
	fl := cmd.Flags()
	fl.StringVarP(&opts.Format, "format", "f", "auto", "output: auto, terminal, markdown or json (auto: terminal on a screen, markdown when piped)")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletion("auto", "terminal", "markdown", "json"))
	opts.Period.register(cmd)
	return cmd
}

func runWeek(ctx context.Context, opts *WeekOptions) error {
	format, err := weekFormat(opts.Format, opts.Batch.Output, opts.IO.IsStdoutTTY())
	if err != nil {
		return err
	}
	for _, p := range opts.Paths {
		if p == "-" {
			return usageErrorf("week reads files and folders, not standard input: use 'debrief checklist -' or 'debrief -'")
		}
	}
	run, err := runBatch(ctx, opts.Factory, &opts.Batch, opts.Period, func() ([]string, error) { return opts.Paths, nil })
	if err != nil {
		return err
	}
	res, dest := run.res, run.dest
	if len(res.meetings) == 0 && res.outOfRange == 0 && len(res.failures) == 0 {
		return noMeetings(opts.Paths, res.skipped)
	}
	if len(res.meetings) > 0 || res.outOfRange > 0 {
		week := report.NewWeek(res.meetings, report.WeekOptions{
			Now: run.now, Me: opts.Batch.Me, Since: run.since, Until: run.until,
			Skipped: res.skipped, OutOfRange: res.outOfRange, Failures: res.failures,
		})
		err := dest.Write(func(w io.Writer) error {
			switch format {
			case "json":
				return report.WeekJSON(w, week)
			case "terminal":
				return report.WeekTerminal(w, week, dest.Width(), dest.Color())
			}
			return report.WeekMarkdown(w, week)
		})
		if err != nil {
			return err
		}
		if err := dest.Commit(); err != nil {
			return err
		}
	}
	return res.finish(opts.IO, opts.Batch.Me)
}

// weekFormat checks --format and resolves auto: terminal on a screen, Markdown when piped or
// written to a file (JSON for a .json file).
func weekFormat(format, output string, stdoutTTY bool) (string, error) {
	switch format {
	case "md":
		return "markdown", nil
	case "terminal", "markdown", "json":
		return format, nil
	case "auto":
	default:
		return "", usageErrorf("--format %q: use auto, terminal, markdown or json", format)
	}
	switch {
	case output != "" && output != "-":
		if strings.HasSuffix(strings.ToLower(output), ".json") {
			return "json", nil
		}
		return "markdown", nil
	case stdoutTTY:
		return "terminal", nil
	}
	return "markdown", nil
}
