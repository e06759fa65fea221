package cli

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/debrief-cli/debrief/internal/config"
	"github.com/debrief-cli/debrief/internal/llm"
)

// NewCmdCache builds `debrief cache clear`.
func NewCmdCache(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "cache",
		Short: "Manage the cache of LLM answers",
		Long: `debrief keeps each LLM answer in the user cache directory ($XDG_CACHE_HOME/debrief/llm),
keyed by a hash of the model, base URL, prompt files, schema version and transcript, so
that analyzing the same meeting again makes no request. --no-cache skips it for one run.`,
		Example: `  debrief cache clear`,
	}
	clear := &cobra.Command{
		Use:   "clear",
		Short: "Delete every cached LLM answer",
		Example: `  debrief cache clear
  XDG_CACHE_HOME=/tmp/cache debrief cache clear`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			dir, err := config.CacheDir(f.Getenv)
			if err != nil {
				return err
			}
			c := &llm.Cache{Dir: filepath.Join(dir, "llm")}
			n, err := c.Clear()
			if err != nil {
				return err
			}
			fmt.Fprintf(f.IOStreams.Out, "Removed %d cached answer(s) from %s\n", n, c.Dir)
			return nil
		},
	}
	cmd.AddCommand(clear)
	return cmd
}
