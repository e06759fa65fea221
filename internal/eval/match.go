package eval

import (
	"strings"

	"github.com/debrief-cli/debrief/internal/transcript"
)

// people is the attendee list names are resolved against: the meeting's attendees with
// their aliases, and the gold's attendees merged into them.
type people [][]string

// newPeople merges the meeting's attendees (name and aliases) with the gold's attendee
// names: a gold name that resolves to one meeting attendee becomes another form of that
// attendee, else a person of its own.
func newPeople(meeting []transcript.Person, gold []string) people {
	var ps people
	for _, p := range meeting {
		forms := []string{p.Name}
		for _, a := range p.Aliases {
			if transcript.FoldName(a) != "" {
				forms = append(forms, a)
			}
		}
		if transcript.FoldName(p.Name) != "" {
			ps = append(ps, forms)
		}
	}
	n := len(ps)
	for _, g := range gold {
		if transcript.FoldName(g) == "" {
			continue
		}
		if i := people(ps[:n]).resolve(g); i >= 0 {
			ps[i] = append(ps[i], g)
			continue
		}
		ps = append(ps, []string{g})
	}
	return ps
}

// resolve returns the index of the one person a name denotes: the person one of whose forms
// equals the name after folding, else the one person with a form the name matches by the
// first-name, last-name or initials rule. It returns -1 when none or several do.
func (ps people) resolve(name string) int {
	k := transcript.FoldName(name)
	if k == "" {
		return -1
	}
	found := -1
	for i, forms := range ps {
		for _, f := range forms {
			if transcript.FoldName(f) == k {
				if found >= 0 && found != i {
					return -1
				}
				found = i
			}
		}
	}
	if found >= 0 {
		return found
	}
	for i, forms := range ps {
		for _, f := range forms {
			if partOf(k, f) || partOf(transcript.FoldName(f), name) {
				if found >= 0 && found != i {
					return -1
				}
				found = i
				break
			}
		}
	}
	return found
}

// nameMatch is how well two names match: 0 for no match, 1 when they are equal after
// folding, nameRelated when one is a short form of the other or both denote one attendee.
type nameMatch float64

const (
	noName      nameMatch = 0
	nameRelated nameMatch = 0.5
	nameEqual   nameMatch = 1
)

// matchOwner applies the name rule of the README to a gold name and a predicted one: a gold
// name "" matches any prediction; names joined by " / " on either side match when any part
// on one side matches any part on the other.
func (ps people) matchOwner(gold, pred string) nameMatch {
	if strings.TrimSpace(gold) == "" {
		return nameEqual
	}
	best := noName
	for _, g := range splitNames(gold) {
		for _, p := range splitNames(pred) {
			if m := ps.matchName(g, p); m > best {
				best = m
			}
		}
	}
	return best
}

// splitNames splits "KK / JB / SC" into its names.
func splitNames(s string) []string {
	var out []string
	for _, part := range strings.Split(s, " / ") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// matchName matches two single names: equal after folding case, accents and punctuation;
// one the first name, last name or initials of the other; or both resolving to the same
// attendee.
func (ps people) matchName(a, b string) nameMatch {
	fa, fb := transcript.FoldName(a), transcript.FoldName(b)
	if fa == "" || fb == "" {
		return noName
	}
	// Punctuation folds away entirely: "O'Brien" is "OBrien".
	if fa == fb || strings.ReplaceAll(fa, " ", "") == strings.ReplaceAll(fb, " ", "") {
		return nameEqual
	}
	if partOf(fa, b) || partOf(fb, a) {
		return nameRelated
	}
	if i := ps.resolve(a); i >= 0 && i == ps.resolve(b) {
		return nameRelated
	}
	return noName
}

// partOf reports whether short (already folded) is the first name, the last name or the
// initials of full. The last name is the last word of full, or everything after its first
// word ("Le Meur", "Berners-Lee"); initials are those of transcript.Initials ("tb", "tbl").
func partOf(short, full string) bool {
	words := strings.Fields(full)
	if len(words) < 2 {
		return false
	}
	first := transcript.FoldName(words[0])
	if short == first ||
		short == transcript.FoldName(words[len(words)-1]) ||
		short == transcript.FoldName(strings.Join(words[1:], " ")) {
		return true
	}
	for _, in := range transcript.Initials(full) {
		if short == in {
			return true
		}
	}
	return false
}

// isStopWord reports whether w (folded) is an English word that carries no content for
// matching texts, or a piece a contraction folds into ("don't" folds to "don t").
func isStopWord(w string) bool {
	switch w {
	case "a", "an", "the", "to", "of", "and", "or", "but", "nor", "for", "on", "in", "at", "by",
		"with", "from", "into", "onto", "about", "as", "up", "out", "off", "over", "than", "then",
		"so", "if", "not", "no",
		"is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done",
		"has", "have", "had", "having", "will", "would", "shall", "should", "can", "could", "may",
		"might", "must", "ll", "s", "t", "d", "re", "ve", "m", "let",
		"i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her",
		"they", "them", "their", "it", "its", "this", "that", "these", "those", "there", "here",
		"what", "which", "who", "whom", "when", "where", "why", "how",
		"all", "any", "some", "each", "also", "just", "very", "too", "again", "yes", "ok", "okay":
		return true
	}
	return false
}

// stem trims a plural ending, then an -ed or -ing ending, then a final silent "e" and (after
// -ed or -ing, on what is still a long word) a doubled final consonant, so that "issues" and
// "issue", "planned" and "plan", "added" and "add", "used" and "use", "agreed" and "agree",
// "meetings" and "meeting" meet.
func stem(w string) string {
	if len(w) <= 2 {
		return w
	}
	switch {
	case len(w) <= 3:
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
	case strings.HasSuffix(w, "s"):
		w = w[:len(w)-1]
	}
	trimmed := false
	switch {
	case strings.HasSuffix(w, "ing") && len(w)-3 >= 2:
		w, trimmed = w[:len(w)-3], true
	case strings.HasSuffix(w, "eed") && len(w) >= 6:
		w = w[:len(w)-1] // "agreed" -> "agree"; "need" stays
	case strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed") && len(w)-2 >= 2:
		w, trimmed = w[:len(w)-2], true
	}
	if strings.HasSuffix(w, "e") && len(w) >= 3 {
		w = w[:len(w)-1]
	}
	if n := len(w); trimmed && n >= 4 && w[n-1] == w[n-2] && !strings.ContainsRune("aeioulsz", rune(w[n-1])) {
		w = w[:n-1]
	}
	return w
}

// contentWords returns the distinct stems of the content words of s, in order of first
// appearance: folded (lower case, no accents, punctuation as spaces), stop words dropped,
// endings trimmed.
func contentWords(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range strings.Fields(transcript.FoldName(s)) {
		if isStopWord(w) {
			continue
		}
		w = stem(w)
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// textCover is the fraction of the gold text's content words found among the content words
// of the prediction's texts (its own text and its evidence quotes). A gold text with no
// content word is covered by anything.
func textCover(gold string, pred []string) float64 {
	want := contentWords(gold)
	if len(want) == 0 {
		return 1
	}
	have := map[string]bool{}
	for _, p := range pred {
		for _, w := range contentWords(p) {
			have[w] = true
		}
	}
	n := 0
	for _, w := range want {
		if have[w] {
			n++
		}
	}
	return float64(n) / float64(len(want))
}

// textMatches applies the text rule: at least half of the gold's content words are found.
func textMatches(cover float64) bool { return cover >= 0.5 }
