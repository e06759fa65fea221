package cli

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/debrief-cli/debrief/internal/analyze"
	"github.com/debrief-cli/debrief/internal/config"
	"github.com/debrief-cli/debrief/internal/iostreams"
	"github.com/debrief-cli/debrief/internal/llm"
)

// Factory wires the real dependencies of the commands. Tests build one around iostreams.Test()
// and a fixed clock.
type Factory struct {
	IOStreams *iostreams.IOStreams
	// Now is the clock: "overdue" and relative dates depend on it.
	Now func() time.Time
	// Engine returns the analysis engine for an --engine value (auto, offline, llm). Warnings
	// about the choice (such as falling back to offline) go to IOStreams.ErrOut.
	Engine func(choice string) (analyze.Engine, error)
	// Version is the program version printed by --version.
	Version string
	// Getenv reads the environment: API key, model, base URL, XDG directories. Tests pass
	// their own.
	Getenv func(string) string
	// LLMOptions are the LLM flags of the running command, set by the command before it asks
	// for an engine; nil when the command has none (environment and config file still apply).
	LLMOptions *llmOptions
	// TuneLLM, when set, adjusts every LLM client's configuration (tests shrink the backoff
	// and timeouts).
	TuneLLM func(*llm.Config)
}

// NewFactory returns the Factory for a real run.
func NewFactory(ios *iostreams.IOStreams, version string) *Factory {
	f := &Factory{
		IOStreams: ios,
		Now:       time.Now,
		Version:   version,
		Getenv:    os.Getenv,
	}
	f.Engine = f.pickEngine
	return f
}

// engineChoices are the accepted --engine values.
var engineChoices = []string{"auto", "offline", "llm"}

// pickEngine returns the engine for an --engine value. auto is the LLM when a key or a base
// URL is configured, else the offline engine, with one line on stderr saying so.
func (f *Factory) pickEngine(choice string) (analyze.Engine, error) {
	switch choice {
	case "offline":
		return analyze.Offline{}, nil
	case "auto", "llm":
	default:
		return nil, usageErrorf("--engine %q: use %s", choice, strings.Join(engineChoices, ", "))
	}
	s, err := f.llmSettings()
	if err != nil {
		return nil, err
	}
	if !s.Configured() {
		if choice == "llm" {
			return nil, &llmConfigError{fmt.Errorf("--engine llm: no LLM configured: set %s, or --base-url (or %s) for a local server such as Ollama", s.APIKeyVar, config.EnvBaseURL)}
		}
		// One line, so that a user who expected the LLM knows it was not used; --engine
		// offline says the same thing silently.
		fmt.Fprintf(f.IOStreams.ErrOut, "debrief: no LLM configured (set %s or %s); using the offline engine\n", s.APIKeyVar, config.EnvBaseURL)
		return analyze.Offline{}, nil
	}
	e, err := f.newLLMEngine(s)
	if err != nil {
		return nil, err
	}
	return checkedEngine{e, &lockedWriter{w: f.IOStreams.ErrOut}}, nil
}
