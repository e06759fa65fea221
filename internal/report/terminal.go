package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/glamour/ansi"
	"github.com/charmbracelet/glamour/styles"

	"github.com/debrief-cli/debrief/internal/analyze"
)

// MaxWidth is the widest a terminal report is wrapped, whatever the terminal's width.
const MaxWidth = 120

// DefaultWidth is the wrap width used when the caller does not know the terminal's width.
const DefaultWidth = 80

// Terminal writes the Markdown report styled for a terminal with glamour, wrapped at width
// columns (at most MaxWidth; DefaultWidth when width is not positive). With color it uses
// glamour's dark style; without, plainStyle. It never looks at the environment:
// the caller decides, honouring NO_COLOR by passing color=false.
func Terminal(w io.Writer, f *analyze.Findings, width int, color bool) error {
	var md strings.Builder
	writeMarkdown(&md, f)
	return renderGlamour(w, md.String(), width, color)
}

// renderGlamour renders Markdown for a terminal at width columns (DefaultWidth when not
// positive, at most MaxWidth): in glamour's dark style with color, and without it in
// plainStyle, with the trailing blanks glamour pads each line with taken off.
func renderGlamour(out io.Writer, md string, width int, color bool) error {
	if width <= 0 {
		width = DefaultWidth
	}
	width = min(width, MaxWidth)
	style := glamour.WithStyles(plainStyle())
	if color {
		style = glamour.WithStandardStyle("dark")
	}
	r, err := glamour.NewTermRenderer(style, glamour.WithWordWrap(width))
	if err != nil {
		return fmt.Errorf("render report: %w", err)
	}
	s, err := r.Render(md)
	if err != nil {
		return fmt.Errorf("render report: %w", err)
	}
	if !color {
		s = trimLines(s)
	}
	if _, err := io.WriteString(out, s); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// plainStyle is glamour's ASCII style for a terminal without color (NO_COLOR, or not a
// color terminal), without the Markdown markers it keeps: emphasis shows no asterisks
// ("**overdue**" reads "overdue"), and headings no hashes, set apart by blank lines as in a
// plain-text mail.
func plainStyle() ansi.StyleConfig {
	s := styles.ASCIIStyleConfig
	s.H1.Prefix = ""
	s.H2.Prefix = ""
	s.H3.Prefix = ""
	s.H4.Prefix = ""
	s.Emph = ansi.StylePrimitive{}
	s.Strong = ansi.StylePrimitive{}
	return s
}

// trimLines takes the blanks off the end of every line of s.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}
