package cli

import (
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
	// Offline returns the rule engine.
	Offline func() analyze.Engine
	// Version is the program version printed by --version.
	Version string
}

// NewFactory returns the Factory for a real run.
func NewFactory(ios *iostreams.IOStreams, version string) *Factory {
	return &Factory{
		IOStreams: ios,
		Now:       time.Now,
		Offline:   func() analyze.Engine { return analyze.Offline{} },
		Version:   version,
	}
}
