package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/glamour"

	"github.com/debrief-cli/debrief/internal/analyze"
)

// MaxWidth is the widest a terminal report is wrapped, whatever the terminal's width.
const MaxWidth = 120

// DefaultWidth is the wrap width used when the caller does not know the terminal's width.
const DefaultWidth = 80

// Terminal writes the Markdown report styled for a terminal with glamour, wrapped at width
// columns (at most MaxWidth; DefaultWidth when width is not positive). With color it uses
// glamour's dark style; without, its plain notty style. It never looks at the environment:
// the caller decides, honouring NO_COLOR by passing color=false.
func Terminal(w io.Writer, f *analyze.Findings, width int, color bool) error {
	if width <= 0 {
		width = DefaultWidth
	}
	if width > MaxWidth {
		width = MaxWidth
	}
	style := "notty"
	if color {
		style = "dark"
	}
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(width))
	if err != nil {
		return fmt.Errorf("render report: %w", err)
	}
	var md strings.Builder
	writeMarkdown(&md, f)
	out, err := r.Render(md.String())
	if err != nil {
		return fmt.Errorf("render report: %w", err)
	}
	if _, err := io.WriteString(w, out); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}
