package cli

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/debrief-cli/debrief/internal/iostreams"
	"github.com/debrief-cli/debrief/prompts"
)

// PromptsOptions are the parsed flags and arguments of `debrief prompts`.
type PromptsOptions struct {
	IO      *iostreams.IOStreams
	Factory *Factory

	Action string // list, show or export
	Name   string
	Dir    string
	Force  bool
	LLM    llmFlags
}

// NewCmdPrompts builds `debrief prompts list|show NAME|export DIR`.
func NewCmdPrompts(f *Factory, runF func(*PromptsOptions) error) *cobra.Command {
	opts := &PromptsOptions{IO: f.IOStreams, Factory: f}
	cmd := &cobra.Command{
		Use:   "prompts",
		Short: "List, show or export the prompts the LLM engine sends",
		Long: `The LLM engine's instructions are plain Markdown files built into debrief. To change
them, export them into a directory, edit, and point debrief at it: --prompts DIR,
prompts_dir in the config file, or put them in $XDG_CONFIG_HOME/debrief/prompts. Each
file there replaces the built-in file of the same name; the others stay built in. A file
that cannot be used (no version stamp on its first line, an unknown name) is an error.`,
		Example: `  debrief prompts list
  debrief prompts show analyze
  debrief prompts export ~/.config/debrief/prompts`,
	}
	run := func(action string) func(*cobra.Command, []string) error {
		return func(cmd *cobra.Command, args []string) error {
			opts.Action = action
			if len(args) > 0 {
				opts.Name, opts.Dir = args[0], args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return runPrompts(cmd.Context(), opts)
		}
	}
	list := &cobra.Command{
		Use: "list", Short: "List the prompts, their versions and where each comes from",
		Example: `  debrief prompts list
  debrief prompts list --prompts ~/my-prompts`,
		Args: cobra.NoArgs, RunE: run("list"),
	}
	show := &cobra.Command{
		Use: "show NAME", Short: "Print a prompt as debrief will send it",
		Example: `  debrief prompts show analyze
  debrief prompts show analyze --prompts ~/my-prompts | less`,
		Args: exactArgs(1, "show needs a prompt name (see 'debrief prompts list')"), RunE: run("show"),
		ValidArgsFunction: promptNameCompletion,
	}
	export := &cobra.Command{
		Use: "export DIR", Short: "Write the built-in prompts into DIR, to edit and use with --prompts",
		Example: `  debrief prompts export ~/.config/debrief/prompts
  debrief prompts export ./my-prompts --force`,
		Args: exactArgs(1, "export needs a directory"), RunE: run("export"),
		ValidArgsFunction: dirCompletion,
	}
	export.Flags().BoolVar(&opts.Force, "force", false, "overwrite files that exist")
	for _, c := range []*cobra.Command{list, show} {
		c.Flags().StringVar(&opts.LLM.promptsDir, "prompts", "", "directory of prompt files overriding the built-in ones")
	}
	cmd.AddCommand(list, show, export)
	return cmd
}

func exactArgs(n int, msg string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usageErrorf("%s", msg)
		}
		return nil
	}
}

func runPrompts(_ context.Context, opts *PromptsOptions) error {
	f := opts.Factory
	if opts.Action == "export" {
		written, err := prompts.Export(opts.Dir, opts.Force)
		for _, p := range written {
			fmt.Fprintln(opts.IO.Out, p)
		}
		return err
	}
	f.LLMOptions = &llmOptions{}
	f.LLMOptions.Flags.PromptsDir = opts.LLM.promptsDir
	s, err := f.llmSettings()
	if err != nil {
		return err
	}
	set, _, err := f.loadPrompts(s)
	if err != nil {
		return &llmConfigError{err}
	}
	if opts.Action == "show" {
		p, err := set.Get(opts.Name)
		if err != nil {
			return usageErrorf("%v", err)
		}
		fmt.Fprint(opts.IO.Out, p.Text)
		return nil
	}
	tw := tabwriter.NewWriter(opts.IO.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tVERSION\tSOURCE")
	for _, n := range set.Names() {
		p, _ := set.Get(n)
		fmt.Fprintf(tw, "%s\t%s\t%s\n", p.Name, p.Version, p.Source)
	}
	return tw.Flush()
}
