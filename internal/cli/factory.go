package cli

import (
	"strings"
	"time"

	"github.com/debrief-cli/debrief/internal/analyze"
	"github.com/debrief-cli/debrief/internal/iostreams"
)

// Factory wires the real dependencies of the commands. Tests build one around iostreams.Test()
// and a fixed clock.
type Factory struct {
	IOStreams *iostreams.IOStreams
	// Now is the clock: "overdue" and relative dates depend on it.
	Now func() time.Time
	// Engine returns the analysis engine for an --engine value (auto, offline). Warnings about
	// the choice (such as falling back to offline) go to IOStreams.ErrOut.
	Engine func(choice string) (analyze.Engine, error)
	// Version is the program version printed by --version.
	Version string
}

// NewFactory returns the Factory for a real run.
func NewFactory(ios *iostreams.IOStreams, version string) *Factory {
	return &Factory{
		IOStreams: ios,
		Now:       time.Now,
		Engine:    pickEngine,
		Version:   version,
	}
}

// engineChoices are the accepted --engine values.
var engineChoices = []string{"auto", "offline"}

// pickEngine returns the engine for an --engine value.
func pickEngine(choice string) (analyze.Engine, error) {
	switch choice {
	case "auto", "offline":
		return analyze.Offline{}, nil
	}
	return nil, usageErrorf("--engine %q: use %s", choice, strings.Join(engineChoices, " or "))
}
