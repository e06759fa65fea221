package cli

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/debrief-cli/debrief/internal/iostreams"
	"github.com/debrief-cli/debrief/internal/report"
)

// ChecklistOptions are the parsed flags and arguments of `debrief checklist`.
type ChecklistOptions struct {
	IO      *iostreams.IOStreams
	Factory *Factory

	Inputs []string
	Batch  batchFlags
	Format string
	Period periodFlags
}

// NewCmdChecklist builds `debrief checklist`, the follow-up list of who does what by when.
// runF, when not nil, replaces the run step (tests use it to capture the parsed options).
func NewCmdChecklist(f *Factory, runF func(*ChecklistOptions) error) *cobra.Command {
	opts := &ChecklistOptions{IO: f.IOStreams, Factory: f}
	cmd := &cobra.Command{
		Use:   "checklist [FILE|DIR|-]...",
		Short: "Print the follow-up list: who does what by when, decisions, open questions",
		Long: `Print the follow-up of one or more meetings, ready to paste into a message or a doc.

The Markdown task list is grouped by owner, each task with its due date and the
meeting it was said in:

  - [ ] Send the revised deck to sales (due Fri 20 Nov) · Planning, 18 Nov

then the tasks that still need an owner or a date, the decisions (marking those whose
reason was never stated), and the questions and concerns nobody answered. A task said
in two meetings appears once. With no FILE, or with -, the meeting is read from
standard input when it is piped; folders are searched recursively as in 'debrief week',
and --since and --until keep the meetings of a period as they do there.

--format picks the output:
  md    the Markdown task list (the default, also on a terminal: it is meant to be pasted)
  json  one debrief.checklist/v1 document
  csv   a header row, then one row per task, decision and open question, for spreadsheets
  ics   an iCalendar file with one to-do (VTODO) per task, due dates included; the
        to-dos keep the same UID from run to run, so importing again updates them`,
		Example: `  # Right after the meeting: the list to send to everyone
  pbpaste | debrief checklist

  # Tasks of the last seven days into your calendar app
  debrief checklist ~/meetings --since 7d --format ics -o follow-up.ics

  # Into a spreadsheet
  debrief checklist planning.vtt review.md --format csv > tasks.csv`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Inputs = args
			if runF != nil {
				return runF(opts)
			}
			return runChecklist(cmd.Context(), opts)
		},
	}
	opts.Batch.register(cmd)
	opts.Period.register(cmd)
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "auto", "output: md, json, csv or ics (auto: md, or from the -o file's extension)")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletion("md", "json", "csv", "ics"))
	return cmd
}

func runChecklist(ctx context.Context, opts *ChecklistOptions) error {
	format, err := checklistFormat(opts.Format, opts.Batch.Output)
	if err != nil {
		return err
	}
	run, err := runBatch(ctx, opts.Factory, &opts.Batch, opts.Period, func() ([]string, error) {
		return inputArgs(opts.Inputs, opts.IO.IsStdinTTY(), "debrief checklist")
	})
	if err != nil {
		return err
	}
	res, dest := run.res, run.dest
	if len(res.meetings) == 0 && len(res.failures) == 0 {
		if res.outOfRange > 0 {
			fmt.Fprintf(opts.IO.ErrOut, "debrief: none of the %d meetings found is %s: widen --since or --until\n",
				res.outOfRange, periodWords(run.since, run.until))
			return res.finish(opts.IO, opts.Batch.Me)
		}
		return noMeetings(run.inputs, res.skipped)
	}
	if len(res.meetings) > 0 {
		list := report.NewChecklist(res.meetings, report.ChecklistOptions{Now: run.now, Me: opts.Batch.Me})
		if format == "ics" && len(list.Commitments) == 0 {
			// RFC 5545 wants at least one component in a calendar: write no file rather than
			// an invalid one.
			fmt.Fprintln(opts.IO.ErrOut, "debrief: no commitments found, so there is no to-do to write as iCalendar")
			return res.finish(opts.IO, opts.Batch.Me)
		}
		err := dest.Write(func(w io.Writer) error {
			switch format {
			case "json":
				return report.ChecklistJSON(w, list)
			case "csv":
				return report.ChecklistCSV(w, list)
			case "ics":
				return report.ChecklistICS(w, list)
			}
			return report.ChecklistMarkdown(w, list)
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

// checklistFormat checks --format and resolves auto from the -o file's extension (Markdown
// otherwise, on a terminal too: the list is meant to be pasted).
func checklistFormat(format, output string) (string, error) {
	switch format {
	case "md", "markdown":
		return "md", nil
	case "json", "csv", "ics":
		return format, nil
	case "auto":
	default:
		return "", usageErrorf("--format %q: use md, json, csv or ics", format)
	}
	switch strings.ToLower(filepath.Ext(output)) {
	case ".json":
		return "json", nil
	case ".csv":
		return "csv", nil
	case ".ics":
		return "ics", nil
	}
	return "md", nil
}
