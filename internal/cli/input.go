package cli

import (
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/debrief-cli/debrief/internal/transcript"
)

// inputFlags are the flags that say how to read a transcript, shared by every command that
// reads one.
type inputFlags struct {
	Format    string
	Attendees string
	Speakers  string
	Date      string
}

func (in *inputFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&in.Format, "input-format", "auto", "read the input as this format instead of detecting it (see 'debrief parse --help')")
	fl.StringVar(&in.Attendees, "attendees", "", `add attendees, comma-separated: "Ana Lopez, Ben Ortiz"`)
	fl.StringVar(&in.Speakers, "speakers", "", `name diarization labels: "SPEAKER_00=Ana Lopez,B=Ben Ortiz"`)
	fl.StringVar(&in.Date, "date", "", "meeting date (YYYY-MM-DD) when neither the content nor the file name gives one")
	_ = cmd.RegisterFlagCompletionFunc("input-format", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		names := []string{"auto"}
		for _, f := range transcript.Formats() {
			names = append(names, string(f))
		}
		return names, cobra.ShellCompDirectiveNoFileComp
	})
}

// options checks the flags and turns them into transcript.Options.
func (in *inputFlags) options() (transcript.Options, error) {
	var o transcript.Options
	f, err := transcript.ParseFormat(in.Format)
	if err != nil {
		return o, &usageError{err}
	}
	o.Format = f
	for _, a := range strings.Split(in.Attendees, ",") {
		if a = strings.TrimSpace(a); a != "" {
			o.Attendees = append(o.Attendees, a)
		}
	}
	if strings.TrimSpace(in.Speakers) != "" {
		o.Speakers = map[string]string{}
		for _, pair := range strings.Split(in.Speakers, ",") {
			label, name, ok := strings.Cut(pair, "=")
			label, name = strings.TrimSpace(label), strings.TrimSpace(name)
			if !ok || label == "" || name == "" {
				return o, usageErrorf("--speakers: %q is not LABEL=Name (example: SPEAKER_00=Ana Lopez)", strings.TrimSpace(pair))
			}
			o.Speakers[label] = name
		}
	}
	if in.Date != "" {
		if _, err := time.Parse("2006-01-02", in.Date); err != nil {
			return o, usageErrorf("--date %q: write the date as YYYY-MM-DD", in.Date)
		}
		o.Date = in.Date
	}
	return o, nil
}

// inputArgs decides what to read: the files given, or stdin when it is piped. "-" is stdin.
// command is how the user called the command, for the hint when there is no input.
func inputArgs(args []string, stdinTTY bool, command string) ([]string, error) {
	if len(args) > 0 {
		n := 0
		for _, a := range args {
			if a == "-" {
				n++
			}
		}
		if n > 1 {
			return nil, usageErrorf("standard input (-) can be read only once")
		}
		return args, nil
	}
	if stdinTTY {
		return nil, usageErrorf("no input: give a transcript file (%s notes.md), or pipe one in (cat notes.md | %s)", command, command)
	}
	return []string{"-"}, nil
}
