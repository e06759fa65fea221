package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Schema names the JSON output format of WriteJSON.
const Schema = "debrief.eval/v1"

// WriteText writes the scores as a table: per category precision, recall, F1 and the counts,
// then the due-date accuracy. With verbose, each file's misses, false finds (with their
// evidence) and wrong due dates come first.
func WriteText(w io.Writer, s Summary, results []FileResult, verbose bool) error {
	ew := &errWriter{w: w}
	if verbose {
		for _, r := range results {
			writeFileText(ew, r)
		}
	}
	width := len("category")
	for _, c := range s.Categories {
		width = max(width, len(c.Category))
	}
	row := fmt.Sprintf("%%-%ds  %%6s %%6s %%6s %%5s %%5s %%5s %%6s\n", width)
	fmt.Fprintf(ew, row, "category", "P", "R", "F1", "TP", "FP", "FN", "files")
	for _, c := range s.Categories {
		p, r, f := "n/a", "n/a", "n/a"
		if !c.NA() {
			p, r, f = fmt.Sprintf("%.3f", c.Precision), fmt.Sprintf("%.3f", c.Recall), fmt.Sprintf("%.3f", c.F1)
		}
		fmt.Fprintf(ew, row, c.Category, p, r, f, strconv.Itoa(c.TP), strconv.Itoa(c.FP), strconv.Itoa(c.FN), strconv.Itoa(c.Files))
	}
	if acc, ok := s.Due.Accuracy(); ok {
		fmt.Fprintf(ew, "\ndue dates: %d of %d matched commitments right (%.3f)\n", s.Due.Correct, s.Due.Total, acc)
	} else {
		fmt.Fprintln(ew, "\ndue dates: n/a (no matched commitment has a labelled due date)")
	}
	fmt.Fprintf(ew, "files: %d\n", s.Files)
	return ew.err
}

// writeFileText writes one file's details for --verbose.
func writeFileText(w io.Writer, r FileResult) {
	fmt.Fprintf(w, "%s\n", fileTitle(r))
	if len(r.Categories) == 0 {
		fmt.Fprintln(w, "  (no category labelled)")
	}
	for _, c := range r.Categories {
		fmt.Fprintf(w, "  %s: %d TP, %d FP, %d FN\n", c.Category, c.TP, c.FP, c.FN)
		for _, m := range c.Misses {
			fmt.Fprintf(w, "    missed: %s\n", describe(m))
		}
		for _, p := range c.FalseFinds {
			fmt.Fprintf(w, "    false find: %s\n", describe(p))
			for _, e := range p.Evidence {
				fmt.Fprintf(w, "      %s\n", evidenceLine(e.Line, e.Speaker, e.Quote))
			}
		}
		if c.Category == CategoryCommitments {
			for _, m := range r.Due.Wrong {
				fmt.Fprintf(w, "    wrong due: %s: predicted %s, gold %s\n", describe(Item{Name: m.Gold.Name, Text: m.Gold.Text}), orNone(m.Pred.Due), m.Gold.Due)
			}
		}
	}
	fmt.Fprintln(w)
}

func fileTitle(r FileResult) string {
	switch {
	case r.Name != "" && r.Input != "":
		return r.Name + " (" + r.Input + ")"
	case r.Name != "":
		return r.Name
	case r.Input != "":
		return r.Input
	}
	return "(unnamed file)"
}

// describe writes an item as "owner: text (due DATE)".
func describe(it Item) string {
	s := it.Text
	switch {
	case it.Name != "" && s != "":
		s = it.Name + ": " + s
	case it.Name != "":
		s = it.Name
	case s == "":
		s = "(empty)"
	}
	if it.Due != "" {
		s += " (due " + it.Due + ")"
	}
	return s
}

func evidenceLine(line int, speaker, quote string) string {
	var where []string
	if line > 0 {
		where = append(where, fmt.Sprintf("line %d", line))
	}
	if speaker != "" {
		where = append(where, speaker)
	}
	if len(where) == 0 {
		return fmt.Sprintf("%q", quote)
	}
	return fmt.Sprintf("%s: %q", strings.Join(where, ", "), quote)
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// errWriter remembers the first write error so that rendering code can stay linear.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

// The JSON output, kept apart from the Go types so that its shape stays stable.
type (
	jsonReport struct {
		Schema     string      `json:"schema"`
		Files      int         `json:"files"`
		Categories []jsonScore `json:"categories"`
		Due        jsonDue     `json:"due"`
		Results    []jsonFile  `json:"results"`
	}
	jsonScore struct {
		Category string `json:"category"`
		Files    int    `json:"files"`
		TP       int    `json:"tp"`
		FP       int    `json:"fp"`
		FN       int    `json:"fn"`
		// Precision, Recall and F1 are null when the category is n/a.
		Precision *float64 `json:"precision"`
		Recall    *float64 `json:"recall"`
		F1        *float64 `json:"f1"`
	}
	jsonDue struct {
		Correct  int      `json:"correct"`
		Total    int      `json:"total"`
		Accuracy *float64 `json:"accuracy"`
		Wrong    []Match  `json:"wrong,omitempty"`
	}
	jsonFile struct {
		Name       string        `json:"name"`
		Input      string        `json:"input"`
		Gold       string        `json:"gold"`
		Categories []jsonFileCat `json:"categories"`
		Due        jsonDue       `json:"due"`
	}
	jsonFileCat struct {
		Category   string  `json:"category"`
		TP         int     `json:"tp"`
		FP         int     `json:"fp"`
		FN         int     `json:"fn"`
		Matches    []Match `json:"matches,omitempty"`
		Misses     []Item  `json:"misses,omitempty"`
		FalseFinds []Item  `json:"false_finds,omitempty"`
	}
)

// WriteJSON writes the scores as indented JSON of schema "debrief.eval/v1": the summary per
// category (precision, recall and F1 rounded to 4 places, null when n/a), the due-date
// accuracy, and each file's counts. With verbose, each file also lists its matches, misses,
// false finds and wrong due dates.
func WriteJSON(w io.Writer, s Summary, results []FileResult, verbose bool) error {
	out := jsonReport{Schema: Schema, Files: s.Files, Categories: []jsonScore{}, Results: []jsonFile{}}
	for _, c := range s.Categories {
		js := jsonScore{Category: c.Category, Files: c.Files, TP: c.TP, FP: c.FP, FN: c.FN}
		if !c.NA() {
			js.Precision, js.Recall, js.F1 = round4(c.Precision), round4(c.Recall), round4(c.F1)
		}
		out.Categories = append(out.Categories, js)
	}
	out.Due = jsonDue{Correct: s.Due.Correct, Total: s.Due.Total}
	if acc, ok := s.Due.Accuracy(); ok {
		out.Due.Accuracy = round4(acc)
	}
	for _, r := range results {
		jf := jsonFile{Name: r.Name, Input: r.Input, Gold: r.Gold, Categories: []jsonFileCat{},
			Due: jsonDue{Correct: r.Due.Correct, Total: r.Due.Total}}
		if r.Due.Total > 0 {
			jf.Due.Accuracy = round4(float64(r.Due.Correct) / float64(r.Due.Total))
		}
		if verbose {
			jf.Due.Wrong = r.Due.Wrong
		}
		for _, c := range r.Categories {
			jc := jsonFileCat{Category: c.Category, TP: c.TP, FP: c.FP, FN: c.FN}
			if verbose {
				jc.Matches, jc.Misses, jc.FalseFinds = c.Matches, c.Misses, c.FalseFinds
			}
			jf.Categories = append(jf.Categories, jc)
		}
		out.Results = append(out.Results, jf)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func round4(f float64) *float64 {
	r := math.Round(f*10000) / 10000
	return &r
}
