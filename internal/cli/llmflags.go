package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/debrief-cli/debrief/internal/analyze"
	"github.com/debrief-cli/debrief/internal/config"
	"github.com/debrief-cli/debrief/internal/llm"
	"github.com/debrief-cli/debrief/internal/transcript"
	"github.com/debrief-cli/debrief/prompts"
)

// llmFlags are the flags that point debrief at an LLM, shared by the commands that analyze.
type llmFlags struct {
	fs *pflag.FlagSet

	model, baseURL, apiKeyEnv string
	promptsDir, jsonMode      string
	rps                       float64
	timeout                   time.Duration
	contextTokens             int
	noCache                   bool
	verbose                   bool
}

// register adds the flags to cmd. withVerbose adds --verbose (token usage on stderr) for the
// commands that do not already have their own --verbose.
func (l *llmFlags) register(cmd *cobra.Command, withVerbose bool, skip ...string) {
	fl := cmd.Flags()
	l.fs = fl
	want := func(name string) bool { return !slices.Contains(skip, name) }
	fl.StringVar(&l.model, "model", "", "LLM model (env DEBRIEF_MODEL; default "+config.DefaultModel+")")
	fl.StringVar(&l.baseURL, "base-url", "", "OpenAI-compatible endpoint, e.g. http://localhost:11434/v1 (env DEBRIEF_BASE_URL, OPENAI_BASE_URL)")
	fl.StringVar(&l.apiKeyEnv, "api-key-env", "", "read the API key from this environment variable instead of OPENAI_API_KEY")
	if want("rps") {
		fl.Float64Var(&l.rps, "rps", 0, "at most this many LLM requests per second (0: no limit)")
	}
	fl.DurationVar(&l.timeout, "timeout", 0, "give up on one LLM request after this long (default 2m)")
	if want("context-tokens") {
		fl.IntVar(&l.contextTokens, "context-tokens", 0, "the model's context window in tokens; longer meetings are split (default 128000)")
	}
	fl.StringVar(&l.jsonMode, "json-mode", "", "how to ask for JSON: schema (strict JSON schema) or object (JSON mode, for servers without schemas)")
	if want("no-cache") {
		fl.BoolVar(&l.noCache, "no-cache", false, "ask the LLM again even when a cached answer exists")
	}
	fl.StringVar(&l.promptsDir, "prompts", "", "directory of prompt files overriding the built-in ones (see 'debrief prompts')")
	if withVerbose {
		fl.BoolVar(&l.verbose, "verbose", false, "print LLM requests and token usage per meeting on stderr")
	}
	_ = cmd.RegisterFlagCompletionFunc("json-mode", fixedCompletion("schema", "object"))
}

// check refuses flag values that cannot work, as usage errors.
func (l *llmFlags) check() error {
	if l.fs == nil {
		return nil
	}
	switch {
	case l.rps < 0:
		return usageErrorf("--rps %v: use a positive number, or 0 for no limit", l.rps)
	case l.timeout < 0:
		return usageErrorf("--timeout %v: use a positive duration such as 90s or 2m", l.timeout)
	case l.contextTokens < 0:
		return usageErrorf("--context-tokens %d: give the model's context window, such as 128000", l.contextTokens)
	case l.jsonMode != "" && l.jsonMode != "schema" && l.jsonMode != "object":
		return usageErrorf("--json-mode %q: use schema or object", l.jsonMode)
	}
	return nil
}

// values returns the flags the user gave; the others stay zero.
func (l *llmFlags) values() *llmOptions {
	o := &llmOptions{Verbose: l.verbose}
	if l.fs == nil {
		return o
	}
	o.Flags = config.Flags{
		Model: l.model, BaseURL: l.baseURL, APIKeyEnv: l.apiKeyEnv, PromptsDir: l.promptsDir,
		JSONMode: l.jsonMode, Timeout: l.timeout, ContextTokens: l.contextTokens, NoCache: l.noCache,
	}
	if l.fs.Changed("rps") {
		rps := l.rps
		o.Flags.RPS = &rps
	}
	return o
}

// llmOptions are the LLM flags of the running command.
type llmOptions struct {
	Flags   config.Flags
	Verbose bool
}

// llmConfigError is an LLM configuration or authentication problem: exit code 4. The message
// says what to set.
type llmConfigError struct{ err error }

func (e *llmConfigError) Error() string { return e.err.Error() }
func (e *llmConfigError) Unwrap() error { return e.err }

// llmSettings resolves the LLM settings: flags, then environment, then the config file.
func (f *Factory) llmSettings() (config.Settings, error) {
	var fl config.Flags
	if f.LLMOptions != nil {
		fl = f.LLMOptions.Flags
	}
	dir, err := config.Dir(f.Getenv)
	if err != nil {
		return config.Settings{}, &llmConfigError{err}
	}
	path := filepath.Join(dir, "config.yaml")
	file, found, err := config.Load(path)
	if err != nil {
		return config.Settings{}, &llmConfigError{err}
	}
	s, err := config.Resolve(fl, f.Getenv, file, path, found)
	if err != nil {
		return s, &llmConfigError{err}
	}
	return s, nil
}

// loadPrompts returns the prompts in effect: a directory named by --prompts or prompts_dir
// must exist; $XDG_CONFIG_HOME/debrief/prompts is used when it exists.
func (f *Factory) loadPrompts(s config.Settings) (*prompts.Set, string, error) {
	if s.PromptsDir != "" {
		set, err := prompts.Load(s.PromptsDir, true)
		return set, s.PromptsDir, err
	}
	dir, err := config.Dir(f.Getenv)
	if err != nil {
		return nil, "", err
	}
	dir = filepath.Join(dir, "prompts")
	set, err := prompts.Load(dir, false)
	return set, dir, err
}

// llmClientConfig is the client configuration for s, tuned by f.TuneLLM (tests).
func (f *Factory) llmClientConfig(s config.Settings) llm.Config {
	c := llm.Config{
		BaseURL: s.BaseURL, APIKey: s.APIKey, APIKeyVar: s.APIKeyVar, APIType: s.APIType,
		APIVersion: s.APIVersion, Timeout: s.Timeout, RPS: s.RPS,
	}
	if f.TuneLLM != nil {
		f.TuneLLM(&c)
	}
	return c
}

// newLLMEngine builds the LLM engine for s.
func (f *Factory) newLLMEngine(s config.Settings) (analyze.Engine, error) {
	set, _, err := f.loadPrompts(s)
	if err != nil {
		return nil, &llmConfigError{err}
	}
	system, err := set.Get(prompts.Analyze)
	if err != nil {
		return nil, &llmConfigError{err}
	}
	repair, err := set.Get(prompts.Repair)
	if err != nil {
		return nil, &llmConfigError{err}
	}
	counter, err := llm.NewCounter(s.Model)
	if err != nil {
		return nil, fmt.Errorf("load the tokenizer: %w", err)
	}
	e := &analyze.LLM{
		Client:        llm.New(f.llmClientConfig(s)),
		Model:         s.Model,
		BaseURL:       s.BaseURL,
		Mode:          s.JSONMode,
		System:        system.Body(),
		Repair:        repair.Body(),
		PromptDigest:  set.Digest(),
		ContextTokens: s.ContextTokens,
		Counter:       counter,
	}
	if !s.NoCache {
		dir, err := config.CacheDir(f.Getenv)
		if err != nil {
			return nil, err
		}
		e.Cache = &llm.Cache{Dir: filepath.Join(dir, "llm")}
	}
	if f.LLMOptions != nil && f.LLMOptions.Verbose {
		e.Log = &lockedWriter{w: f.IOStreams.ErrOut}
	}
	return e, nil
}

// checkedEngine wraps an engine for the command line: LLM authentication and model errors
// become exit code 4, and the engine's warnings are printed on stderr.
type checkedEngine struct {
	analyze.Engine
	errOut *lockedWriter
}

// Analyze runs the wrapped engine.
func (c checkedEngine) Analyze(ctx context.Context, m *transcript.Meeting, opts analyze.Options) (*analyze.Findings, error) {
	f, err := c.Engine.Analyze(ctx, m, opts)
	var ae *llm.AuthError
	var me *llm.ModelError
	var ue *llm.UnreachableError
	if errors.As(err, &ae) || errors.As(err, &me) || errors.As(err, &ue) {
		return nil, &llmConfigError{err}
	}
	if err != nil {
		return nil, err
	}
	if f.Engine.Warnings == nil {
		f.Engine.Warnings = []string{}
	}
	src := m.Source
	if src == "" || src == "-" {
		src = "stdin"
	}
	for _, w := range f.Engine.Warnings {
		fmt.Fprintf(c.errOut, "debrief: warning: %s: %s\n", src, w)
	}
	return f, nil
}

// lockedWriter serializes writes from concurrent analyses (eval).
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
