package eval

import (
	"fmt"
	"strconv"
	"strings"
)

// Score is one category's counts summed over the files that label it (micro-averaged), and
// the precision, recall and F1 drawn from them.
type Score struct {
	Category string
	// Files counts the files that label the category.
	Files int
	TP    int
	FP    int
	FN    int
	// Precision is TP/(TP+FP), 1 when nothing was predicted; Recall is TP/(TP+FN), 1 when
	// there was nothing to find; F1 is 2TP/(2TP+FP+FN). All three are 0 when NA.
	Precision float64
	Recall    float64
	F1        float64
}

// NA reports whether the score means nothing: no gold item and no prediction in any file
// (including when no file labels the category). An NA category passes its gate when some
// file labels it, and fails it when none does.
func (s Score) NA() bool { return s.TP+s.FP+s.FN == 0 }

// DueScore is the due-date accuracy over matched commitments whose gold has a due date.
type DueScore struct {
	Correct int
	Total   int
}

// Accuracy is Correct/Total; ok is false when there was no due date to check.
func (d DueScore) Accuracy() (acc float64, ok bool) {
	if d.Total == 0 {
		return 0, false
	}
	return float64(d.Correct) / float64(d.Total), true
}

// Summary is the scoring of a whole labelled set.
type Summary struct {
	// Files counts the files scored.
	Files int
	// Categories holds every category, in the order of Categories().
	Categories []Score
	Due        DueScore
}

// Category returns the score of the named category.
func (s Summary) Category(name string) (Score, bool) {
	for _, c := range s.Categories {
		if c.Category == name {
			return c, true
		}
	}
	return Score{}, false
}

// Summarize sums the files' counts per category and computes precision, recall and F1 from
// the sums (micro-averaging: a file with many items weighs more than one with few).
func Summarize(results []FileResult) Summary {
	s := Summary{Files: len(results)}
	for _, name := range Categories() {
		sc := Score{Category: name}
		for _, r := range results {
			if c, ok := r.Category(name); ok {
				sc.Files++
				sc.TP += c.TP
				sc.FP += c.FP
				sc.FN += c.FN
			}
		}
		if !sc.NA() {
			sc.Precision, sc.Recall, sc.F1 = 1, 1, 0
			if sc.TP+sc.FP > 0 {
				sc.Precision = float64(sc.TP) / float64(sc.TP+sc.FP)
			}
			if sc.TP+sc.FN > 0 {
				sc.Recall = float64(sc.TP) / float64(sc.TP+sc.FN)
			}
			sc.F1 = float64(2*sc.TP) / float64(2*sc.TP+sc.FP+sc.FN)
		}
		s.Categories = append(s.Categories, sc)
	}
	for _, r := range results {
		s.Due.Correct += r.Due.Correct
		s.Due.Total += r.Due.Total
	}
	return s
}

// ParseGates reads minimum F1 scores written as "commitments=0.8,decisions=0.7". Category
// names may use '-' for '_'; scores lie in [0, 1]. An empty string sets no gate.
func ParseGates(s string) (map[string]float64, error) {
	gates := map[string]float64{}
	valid := map[string]bool{}
	for _, c := range Categories() {
		valid[c] = true
	}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		name, value, ok := strings.Cut(part, "=")
		if !ok {
			return nil, fmt.Errorf("gate %q: write it as CATEGORY=MIN_F1, e.g. commitments=0.8", part)
		}
		name = strings.ReplaceAll(strings.TrimSpace(name), "-", "_")
		if !valid[name] {
			return nil, fmt.Errorf("gate %q: unknown category %q (valid: %s)", part, name, strings.Join(Categories(), ", "))
		}
		f, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		if err != nil || f < 0 || f > 1 {
			return nil, fmt.Errorf("gate %q: the minimum F1 must be a number from 0 to 1", part)
		}
		gates[name] = f
	}
	return gates, nil
}

// Failures returns one line for each category whose F1 is below its gate in gates (see
// ParseGates); a gate on a category that no file labels fails too.
func (s Summary) Failures(gates map[string]float64) []string {
	return s.failures("F1", gates, func(sc Score) float64 { return sc.F1 })
}

// RecallFailures is Failures for gates on recall.
func (s Summary) RecallFailures(gates map[string]float64) []string {
	return s.failures("recall", gates, func(sc Score) float64 { return sc.Recall })
}

func (s Summary) failures(metric string, gates map[string]float64, value func(Score) float64) []string {
	var out []string
	for _, name := range Categories() {
		want, ok := gates[name]
		if !ok {
			continue
		}
		sc, _ := s.Category(name)
		switch {
		case sc.Files == 0:
			out = append(out, fmt.Sprintf("%s: no file labels it, so %s >= %.2f cannot be checked", name, metric, want))
		case sc.NA():
		case value(sc) < want:
			out = append(out, fmt.Sprintf("%s: %s %.3f is below the minimum %.3f", name, metric, value(sc), want))
		}
	}
	return out
}
