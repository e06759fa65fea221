package cli

import (
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/debrief-cli/debrief/internal/transcript"
	"github.com/debrief-cli/debrief/prompts"
)

// completeFlagValues registers, on every command of the tree, a completion for each flag
// that takes a value and has none yet: folders for --prompts, files for -o, and nothing for
// the others (a name, a date, a URL), so that the shell does not offer file names there.
func completeFlagValues(c *cobra.Command) {
	c.Flags().VisitAll(func(fl *pflag.Flag) {
		if fl.NoOptDefVal != "" {
			return // a switch such as --verbose: no value to complete
		}
		if _, ok := c.GetFlagCompletionFunc(fl.Name); ok {
			return
		}
		directive := cobra.ShellCompDirectiveNoFileComp
		switch fl.Name {
		case "output":
			directive = cobra.ShellCompDirectiveDefault
		case "prompts":
			directive = cobra.ShellCompDirectiveFilterDirs
		}
		_ = c.RegisterFlagCompletionFunc(fl.Name, func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return nil, directive
		})
	})
	for _, sub := range c.Commands() {
		completeFlagValues(sub)
	}
}

// fixedCompletion completes a flag with a fixed list of values.
func fixedCompletion(values ...string) cobra.CompletionFunc {
	return func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	}
}

// spanCompletion offers spans for --since and --until; a date can be typed.
func spanCompletion() cobra.CompletionFunc { return fixedCompletion("1d", "7d", "2w", "30d") }

// attendeeCompletion completes --me with the attendees of the files already on the command
// line, so that the name is spelled as the transcript spells it. Folders are not read: a
// week of meetings is too much to parse at every key press.
func attendeeCompletion(_ *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	seen := map[string]bool{}
	var names []cobra.Completion
	for _, path := range args {
		if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() {
			continue
		}
		m, err := transcript.ReadFile(path, nil, transcript.Options{})
		if err != nil {
			continue
		}
		for _, n := range m.AttendeeNames() {
			if !seen[n] && strings.HasPrefix(strings.ToLower(n), strings.ToLower(toComplete)) {
				seen[n] = true
				names = append(names, n)
			}
		}
	}
	return names, cobra.ShellCompDirectiveNoFileComp
}

// promptNameCompletion completes the name of a built-in prompt.
func promptNameCompletion(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	set, err := prompts.Embedded()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return set.Names(), cobra.ShellCompDirectiveNoFileComp
}

// dirCompletion completes a folder name.
func dirCompletion(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return nil, cobra.ShellCompDirectiveFilterDirs
}

// fileCompletion completes file names, for the commands whose arguments are files.
func fileCompletion(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return nil, cobra.ShellCompDirectiveDefault
}
