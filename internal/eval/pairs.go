package eval

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// GoldSuffix ends the name of every gold file.
const GoldSuffix = ".gold.json"

// Pair is one labelled input: the transcript to analyze and the gold labels to score it by.
type Pair struct {
	// Name is the input's path relative to the directory searched, without its extension
	// ("standup", "notes/X.stripped").
	Name string
	// Input is the path of the transcript, Gold the path of its NAME.gold.json.
	Input string
	Gold  string
}

// FindPairs finds the labelled inputs under each path, recursively. An input NAME.<ext> pairs
// with NAME.gold.json beside it; failing that, a name with more dots drops them one at a time,
// so that X.stripped.md pairs with X.stripped.gold.json when it exists, else X.gold.json.
// Files with no gold beside them (a README) are not inputs, and hidden files and folders are
// skipped. A path may also name one input file, which must then have a gold file.
//
// Pairs come sorted by input path. The warnings name gold files that no input pairs with.
func FindPairs(paths ...string) (pairs []Pair, warnings []string, err error) {
	seen, warned := map[string]bool{}, map[string]bool{}
	for _, root := range paths {
		info, err := os.Stat(root)
		if err != nil {
			return nil, nil, fmt.Errorf("find labelled files: %w", err)
		}
		if !info.IsDir() {
			p, err := pairFile(root)
			if err != nil {
				return nil, nil, err
			}
			if !seen[p.Input] {
				seen[p.Input] = true
				pairs = append(pairs, p)
			}
			continue
		}
		found, warns, err := walkPairs(root)
		if err != nil {
			return nil, nil, err
		}
		for _, p := range found {
			if !seen[p.Input] {
				seen[p.Input] = true
				pairs = append(pairs, p)
			}
		}
		for _, w := range warns {
			if !warned[w] {
				warned[w] = true
				warnings = append(warnings, w)
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].Input < pairs[j].Input })
	return pairs, warnings, nil
}

// pairFile pairs one named input file with its gold.
func pairFile(path string) (Pair, error) {
	dir, base := filepath.Split(path)
	if strings.HasSuffix(base, GoldSuffix) {
		return Pair{}, fmt.Errorf("%s is a gold file: name the input beside it, or its folder", path)
	}
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	var gold string
	for _, name := range goldNames(stem) {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			gold = filepath.Join(dir, name)
			break
		}
	}
	if gold == "" {
		return Pair{}, fmt.Errorf("%s has no gold labels: write %s beside it", path, stem+GoldSuffix)
	}
	return Pair{Name: stem, Input: path, Gold: gold}, nil
}

// walkPairs finds the pairs under one folder.
func walkPairs(root string) ([]Pair, []string, error) {
	// Files by folder, so that each input looks for its gold beside it.
	byDir := map[string][]string{}
	var dirs []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		hidden := strings.HasPrefix(d.Name(), ".") && path != root
		if d.IsDir() {
			if hidden {
				return filepath.SkipDir
			}
			dirs = append(dirs, path)
			return nil
		}
		if hidden || !d.Type().IsRegular() {
			return nil
		}
		dir := filepath.Dir(path)
		byDir[dir] = append(byDir[dir], d.Name())
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("find labelled files in %s: %w", root, err)
	}
	var pairs []Pair
	var warnings []string
	for _, dir := range dirs {
		names := byDir[dir]
		golds := map[string]bool{}
		for _, n := range names {
			if strings.HasSuffix(n, GoldSuffix) {
				golds[n] = false
			}
		}
		for _, n := range names {
			if !isInput(n) {
				continue
			}
			stem := strings.TrimSuffix(n, filepath.Ext(n))
			for _, g := range goldNames(stem) {
				if _, ok := golds[g]; ok {
					golds[g] = true
					input := filepath.Join(dir, n)
					name, err := filepath.Rel(root, filepath.Join(dir, stem))
					if err != nil {
						name = stem
					}
					pairs = append(pairs, Pair{Name: filepath.ToSlash(name), Input: input, Gold: filepath.Join(dir, g)})
					break
				}
			}
		}
		var lonely []string
		for g, used := range golds {
			if !used {
				lonely = append(lonely, g)
			}
		}
		sort.Strings(lonely)
		for _, g := range lonely {
			warnings = append(warnings, fmt.Sprintf("%s: no input file beside it, skipped", filepath.Join(dir, g)))
		}
	}
	return pairs, warnings, nil
}

// goldNames lists the gold file names an input stem may pair with, best first:
// "X.stripped" gives X.stripped.gold.json, then X.gold.json.
func goldNames(stem string) []string {
	var out []string
	for stem != "" {
		out = append(out, stem+GoldSuffix)
		i := strings.LastIndex(stem, ".")
		if i <= 0 {
			break
		}
		stem = stem[:i]
	}
	return out
}

// isInput reports whether a file name can be an input: not a gold file, nor a copy of one
// ("X.gold.json.bak"), nor an editor's backup ("X.md~").
func isInput(name string) bool {
	return !strings.Contains(name, GoldSuffix) && !strings.HasSuffix(name, "~")
}
