package analyze

// This package has no golden files, but 'go test ./... -update' passes -update to every test
// binary: importing golden defines the flag here too, so the command runs the whole tree.
import _ "github.com/debrief-cli/debrief/internal/golden"
