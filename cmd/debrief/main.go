// Command debrief coaches the person who ran a meeting, from its transcript or notes.
package main

import (
	"os"

	"github.com/debrief-cli/debrief/internal/cli"
)

func main() { os.Exit(cli.Main()) }
