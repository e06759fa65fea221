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
	var md strings.Builder
	writeMarkdown(&md, f)
	return renderGlamour(w, md.String(), width, color)
}

// renderGlamour renders Markdown for a terminal at width columns (DefaultWidth when not
// positive, at most MaxWidth), in glamour's dark style with color and its notty style without.
func renderGlamour(out io.Writer, md string, width int, color bool) error {
	if width <= 0 {
		width = DefaultWidth
	}
	width = min(width, MaxWidth)
	style := "notty"
	if color {
		style = "dark"
	}
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(width))
	if err != nil {
		return fmt.Errorf("render report: %w", err)
	}
	s, err := r.Render(md)
	if err != nil {
		return fmt.Errorf("render report: %w", err)
	}
	if _, err := io.WriteString(out, s); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}
