package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"

	"github.com/spf13/cobra"

	"github.com/debrief-cli/debrief/internal/analyze"
	"github.com/debrief-cli/debrief/internal/eval"
	"github.com/debrief-cli/debrief/internal/iostreams"
	"github.com/debrief-cli/debrief/internal/transcript"
)

// EvalOptions are the parsed flags and arguments of `debrief eval`.
type EvalOptions struct {
	IO      *iostreams.IOStreams
	Factory *Factory

	Paths       []string
	Engine      string
	Format      string
	Verbose     bool
	MinF1       string
	MinRecall   string
	Concurrency int
	// LLM holds the flags that configure the LLM engine.
	LLM llmFlags
}

// NewCmdEval builds `debrief eval`, which scores an engine against labelled meetings.
func NewCmdEval(f *Factory, runF func(*EvalOptions) error) *cobra.Command {
	opts := &EvalOptions{IO: f.IOStreams, Factory: f}
	cmd := &cobra.Command{
		Use:   "eval DIR|FILE...",
		Short: "Score the analysis against labelled meetings (precision, recall, F1)",
		Long: `Score debrief against meetings whose findings were labelled by hand.

Each input NAME.<ext> is paired with NAME.gold.json beside it (NAME.stripped.md also
pairs with NAME.gold.json). The gold schema and the matching rules are in the README.
Categories: commitments, decisions, unexplained_decisions, silent_attendees,
unanswered_questions; a category absent from a gold file is not scored for that file.

Scores are micro-averaged over files. --min-f1 and --min-recall make eval a CI
gate: it exits 1 when a category scores below its threshold.`,
		Example: `  debrief eval testdata/eval
  debrief eval testdata/eval --verbose          # every miss and false find, with evidence
  debrief eval testdata/eval --format json
  debrief eval testdata/eval --min-f1 commitments=0.8,decisions=0.7
  debrief eval minutes/ --min-recall commitments=0.95`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageErrorf("eval needs a directory or file of labelled meetings (NAME.ext + NAME.gold.json)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return runEval(cmd.Context(), opts)
		},
	}
	opts.LLM.register(cmd, false)
	fl := cmd.Flags()
	fl.StringVar(&opts.Engine, "engine", "auto", "analysis engine: auto, offline or llm")
	fl.StringVarP(&opts.Format, "format", "f", "text", "output: text or json")
	fl.BoolVarP(&opts.Verbose, "verbose", "v", false, "list each file's misses and false finds with their evidence")
	fl.StringVar(&opts.MinF1, "min-f1", "", "fail (exit 1) when a category's F1 is below: commitments=0.8,decisions=0.7")
	fl.StringVar(&opts.MinRecall, "min-recall", "", "fail (exit 1) when a category's recall is below: commitments=0.95")
	fl.IntVar(&opts.Concurrency, "concurrency", 0, "meetings analyzed at once (default: the number of CPUs offline, 4 with an LLM)")
	_ = cmd.RegisterFlagCompletionFunc("engine", fixedCompletion(engineChoices...))
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletion("text", "json"))
	return cmd
}

func runEval(ctx context.Context, opts *EvalOptions) error {
	if err := opts.LLM.check(); err != nil {
		return err
	}
	if err := checkEngineChoice(opts.Engine); err != nil {
		return err
	}
	if opts.Format != "text" && opts.Format != "json" {
		return usageErrorf("--format %q: use text or json", opts.Format)
	}
	if opts.Concurrency < 0 {
		return usageErrorf("--concurrency %d: give a number of meetings, at least 1", opts.Concurrency)
	}
	gates, err := parseGates("--min-f1", opts.MinF1)
	if err != nil {
		return err
	}
	recallGates, err := parseGates("--min-recall", opts.MinRecall)
	if err != nil {
		return err
	}
	for _, p := range opts.Paths {
		if _, err := os.Stat(p); err != nil {
			return &transcript.InputError{Source: p, Reason: pathReason(err) + ": check the path", Err: err}
		}
	}
	opts.Factory.LLMOptions = opts.LLM.values()
	engine, err := opts.Factory.Engine(opts.Engine)
	if err != nil {
		return err
	}
	pairs, warnings, err := eval.FindPairs(opts.Paths...)
	if err != nil {
		return &transcript.InputError{Reason: err.Error(), Err: err}
	}
	for _, w := range warnings {
		fmt.Fprintln(opts.IO.ErrOut, "debrief: warning: "+w)
	}
	if len(pairs) == 0 {
		return &transcript.InputError{Reason: "no labelled meetings found: eval needs NAME.<ext> files with NAME.gold.json beside them"}
	}
	if opts.Concurrency == 0 {
		opts.Concurrency = defaultConcurrency(engine)
	}
	results, failed, err := scorePairs(ctx, opts, engine, pairs)
	if err != nil {
		return err
	}
	summary := eval.Summarize(results)
	if opts.Format == "json" {
		err = eval.WriteJSON(opts.IO.Out, summary, results, opts.Verbose)
	} else {
		err = eval.WriteText(opts.IO.Out, summary, results, opts.Verbose)
	}
	if err != nil {
		return err
	}
	fails := append(summary.Failures(gates), summary.RecallFailures(recallGates)...)
	for _, l := range fails {
		fmt.Fprintln(opts.IO.ErrOut, "debrief: below the gate: "+l)
	}
	if len(fails) > 0 {
		return &silentError{code: ExitFailure}
	}
	if failed > 0 {
		return &partialError{failed: failed, total: len(pairs)}
	}
	return nil
}

// parseGates reads the value of a gate flag; an empty value means no gate.
func parseGates(flag, value string) (map[string]float64, error) {
	if value == "" {
		return nil, nil
	}
	g, err := eval.ParseGates(value)
	if err != nil {
		return nil, &usageError{fmt.Errorf("%s: %w", flag, err)}
	}
	return g, nil
}

// scorePairs analyzes and scores the pairs concurrently, keeping their order. Pairs that
// cannot be read are reported on stderr and left out. An LLM setting that fails (a refused key,
// an endpoint that cannot be reached) stops the run at once: every other file would fail the
// same way.
func scorePairs(ctx context.Context, opts *EvalOptions, engine analyze.Engine, pairs []eval.Pair) ([]eval.FileResult, int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type outcome struct {
		result eval.FileResult
		err    error
	}
	outcomes := make([]outcome, len(pairs))
	jobs := make(chan int)
	var wg sync.WaitGroup
	var once sync.Once
	var configErr error
	progress := newProgress(opts.IO, "scoring", len(pairs))
	for range min(opts.Concurrency, len(pairs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				r, err := scorePair(ctx, engine, pairs[i], opts.Factory)
				var le *llmConfigError
				if errors.As(err, &le) {
					once.Do(func() { configErr = err; cancel() })
				}
				outcomes[i] = outcome{r, err}
				progress.done()
			}
		}()
	}
feed:
	for i := range pairs {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	progress.finish()
	if configErr != nil {
		return nil, 0, configErr
	}
	if err := ctx.Err(); err != nil {
		return nil, 0, err
	}
	var results []eval.FileResult
	failed := 0
	for i, o := range outcomes {
		if o.err != nil {
			failed++
			fmt.Fprintf(opts.IO.ErrOut, "debrief: %s: %v\n", pairs[i].Input, o.err)
			continue
		}
		results = append(results, o.result)
	}
	return results, failed, nil
}

func scorePair(ctx context.Context, engine analyze.Engine, p eval.Pair, f *Factory) (eval.FileResult, error) {
	gold, err := eval.LoadGold(p.Gold)
	if err != nil {
		return eval.FileResult{}, err
	}
	m, err := transcript.ReadFile(p.Input, nil, transcript.Options{Date: gold.MeetingDate})
	if err != nil {
		return eval.FileResult{}, err
	}
	findings, err := engine.Analyze(ctx, m, analyze.Options{Now: f.Now()})
	if err != nil {
		return eval.FileResult{}, err
	}
	r := eval.ScoreFile(gold, findings)
	r.Name, r.Input, r.Gold = p.Name, p.Input, p.Gold
	return r, nil
}
