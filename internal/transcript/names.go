package transcript

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// FoldName folds a name for comparison: lower case, no accents, punctuation as spaces,
// single-spaced.
func FoldName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'ł' || r == 'Ł':
			// Polish ł has no decomposition; scribes write it as a plain l.
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteByte('l')
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

// Initials returns the initials of a name, by words ("Tim Berners-Lee" -> "tb") and by
// words and hyphenated parts ("tbl"); for names of three words or more also by first and last
// word ("Kenneth Rohde Christiansen" -> "krc", "kc"). Single-word names have none.
func Initials(name string) []string {
	words := strings.Fields(strings.ReplaceAll(name, "-", " - "))
	var byWord, byPart strings.Builder
	var first, last rune
	n := 0
	afterHyphen := false
	for _, w := range words {
		if w == "-" {
			afterHyphen = true
			continue
		}
		r := []rune(FoldName(w))
		if len(r) == 0 {
			continue
		}
		if !afterHyphen {
			byWord.WriteRune(r[0])
			if n == 0 {
				first = r[0]
			}
			last = r[0]
			n++
		}
		byPart.WriteRune(r[0])
		afterHyphen = false
	}
	if n < 2 {
		return nil
	}
	out := []string{byWord.String()}
	if byPart.String() != byWord.String() {
		out = append(out, byPart.String())
	}
	if n >= 3 {
		out = append(out, string([]rune{first, last}))
	}
	return out
}

// nicknames maps common short forms of first names to the formal names they stand for.
var nicknames = map[string][]string{
	"andy": {"andrew"}, "bill": {"william"}, "bob": {"robert"}, "chris": {"christopher", "christian", "christine", "christina"},
	"dave": {"david"}, "dick": {"richard"}, "jim": {"james"}, "jen": {"jennifer"}, "joe": {"joseph"},
	"kate": {"katherine", "catherine"}, "liz": {"elizabeth"}, "mike": {"michael"}, "rick": {"richard"},
	"ric": {"richard"}, "rob": {"robert"}, "steve": {"steven", "stephen"}, "tess": {"theresa"},
	"tom": {"thomas"}, "tony": {"anthony"}, "will": {"william"}, "sandy": {"alexander", "alexandra"},
}

// roster is the set of known attendees with the forms that identify each.
type roster struct {
	people []Person
	// exact maps a folded full name or alias to the index of its person.
	exact map[string]int
	// words holds each person's folded name split into words.
	words [][]string
}

func newRoster() *roster { return &roster{exact: map[string]int{}} }

// add adds a person, merging with one already known under the same folded name.
func (r *roster) add(p Person) int {
	key := FoldName(p.Name)
	if key == "" {
		return -1
	}
	if i, ok := r.exact[key]; ok {
		for _, a := range p.Aliases {
			r.alias(i, a)
		}
		return i
	}
	r.people = append(r.people, Person{Name: strings.TrimSpace(p.Name)})
	r.words = append(r.words, strings.Fields(key))
	i := len(r.people) - 1
	r.exact[key] = i
	for _, a := range p.Aliases {
		r.alias(i, a)
	}
	return i
}

// alias records another form seen for person i.
func (r *roster) alias(i int, a string) {
	a = strings.TrimSpace(a)
	k := FoldName(a)
	if k == "" || k == FoldName(r.people[i].Name) {
		return
	}
	for _, have := range r.people[i].Aliases {
		if have == a {
			return
		}
	}
	r.people[i].Aliases = append(r.people[i].Aliases, a)
	if _, taken := r.exact[k]; !taken {
		r.exact[k] = i
	}
}

// nameTiers are the ways a label can name a person, from the most to the least specific. A
// label resolves at the first tier where anyone matches, and only when exactly one does.
var nameTiers = []func(name string, words, lw []string, label string) bool{
	matchWords, matchInitials, matchShortFirst, matchNick, matchTypo,
}

// lookup resolves a label: a full name or alias, a first or last name, a name with the middle
// left out, initials, a short first name ("Dan" for Daniel), or an IRC-style nick ("mnot" for
// Mark Nottingham). It returns -1 and true when the first tier that matches matches several.
func (r *roster) lookup(label string) (int, bool) {
	k := FoldName(label)
	if k == "" {
		return -1, false
	}
	if i, ok := r.exact[k]; ok {
		return i, false
	}
	if strings.Contains(k, " ") {
		joined := strings.ReplaceAll(k, " ", "")
		if i, ok := r.exact[joined]; ok {
			return i, false
		}
	}
	lw := strings.Fields(k)
	for _, tier := range nameTiers {
		found := -1
		for i, p := range r.people {
			words := r.words[i]
			if len(words) == 0 || !tier(p.Name, words, lw, label) {
				continue
			}
			if found >= 0 && found != i {
				return -1, true
			}
			found = i
		}
		if found >= 0 {
			return found, false
		}
	}
	return -1, false
}

// matchWords: the label is the first words or the last words of the name ("Tim", "Lee",
// "Berners-Lee", "Le Meur"), the first and last word ("Kenneth Christiansen"), or each label
// word starts the matching name word ("Tim B").
func matchWords(_ string, words, lw []string, _ string) bool {
	if len(lw) >= len(words) {
		return false
	}
	if equalWords(words[:len(lw)], lw) || equalWords(words[len(words)-len(lw):], lw) {
		return true
	}
	if len(lw) == 2 && len(words) > 2 && lw[0] == words[0] && lw[1] == words[len(words)-1] {
		return true
	}
	if len(lw) < 2 {
		return false
	}
	for j, w := range lw {
		if !strings.HasPrefix(words[j], w) {
			return false
		}
	}
	return true
}

func equalWords(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// matchInitials: the label is a run of two to five letters equal to the name's initials, in
// any case ("SC", "tbl", "eP").
func matchInitials(name string, _, lw []string, label string) bool {
	if len(lw) != 1 || !looksLikeInitials(label) {
		return false
	}
	for _, in := range Initials(name) {
		if in == lw[0] {
			return true
		}
	}
	return false
}

// looksLikeInitials is true for labels of two to five letters, optionally dotted or spaced,
// written all in capitals, all in lower case, or with a lower-case particle ("eP").
func looksLikeInitials(label string) bool {
	n, upper := 0, 0
	for _, r := range label {
		switch {
		case unicode.IsLetter(r):
			n++
			if unicode.IsUpper(r) {
				upper++
			}
		case r == '.' || r == ' ':
		default:
			return false
		}
	}
	if n < 2 || n > 5 {
		return false
	}
	return upper == n || upper == 0 || n <= 3
}

// matchShortFirst: a label that starts the first name ("Dan" for Daniel, "Ken" for Kenneth)
// or is a common nickname of it ("Mike" for Michael), alone or with the last name ("Mike
// Smith"); or a first name that a one-word attendee entry starts ("Kenneth" for "Ken").
func matchShortFirst(_ string, words, lw []string, _ string) bool {
	switch {
	case len(lw) == 2 && len(words) >= 2 && lw[1] == words[len(words)-1]:
		return shortFor(lw[0], words[0])
	case len(lw) != 1:
		return false
	case len(words) == 1 && len(words[0]) >= 3 && strings.HasPrefix(lw[0], words[0]):
		return true
	}
	return shortFor(lw[0], words[0])
}

// shortFor is true when short is a prefix of three letters or more, or a nickname, of first.
func shortFor(short, first string) bool {
	if len([]rune(short)) >= 3 && strings.HasPrefix(first, short) {
		return true
	}
	for _, formal := range nicknames[short] {
		if first == formal {
			return true
		}
	}
	return false
}

// matchNick: a one-word label of four letters or more in the shapes IRC nicks take: first
// initial and the start of the last name ("mnot"), the start of the first name and the
// last name's initials ("timbl"), the last initial and the first name ("csarven"), the first
// name and the last initial, or the whole name run together.
func matchNick(_ string, words, lw []string, _ string) bool {
	if len(lw) != 1 || len(words) < 2 {
		return false
	}
	nick := lw[0]
	if len(nick) < 4 {
		return false
	}
	first, last := words[0], words[len(words)-1]
	fi, li := first[:1], last[:1]
	switch {
	case nick == strings.Join(words, ""),
		nick == li+first,
		nick == first+li,
		len(nick) >= 4 && strings.HasPrefix(nick, fi) && strings.HasPrefix(last, nick[1:]):
		return true
	}
	var tail strings.Builder
	for _, w := range words[1:] {
		tail.WriteByte(w[0])
	}
	t := tail.String()
	if strings.HasSuffix(nick, t) {
		head := strings.TrimSuffix(nick, t)
		return len(head) >= 3 && strings.HasPrefix(first, head)
	}
	return false
}

// matchTypo: a label one letter off a first name, last name or full name ("Tzivya",
// "Lucasz", "Sanghwan"), or two letters off when the name is eight letters or more. Short
// names are never matched this way: "Dan" and "Don" are different people.
func matchTypo(_ string, words, lw []string, _ string) bool {
	label := strings.Join(lw, "")
	for _, r := range label {
		if unicode.IsDigit(r) {
			// "Speaker 2" is not a typo of "Speaker 1".
			return false
		}
	}
	near := func(name string) bool {
		n := len([]rune(name))
		if n < 5 || label[0] != name[0] || strings.ContainsAny(name, "0123456789") {
			return false
		}
		limit := 1
		if n >= 8 {
			limit = 2
		}
		return editDistance(label, name) <= limit
	}
	if len(lw) == 1 && (near(words[0]) || near(words[len(words)-1])) {
		return true
	}
	return len(words) > 1 && near(strings.Join(words, ""))
}

// editDistance is the optimal string alignment distance: insertions, deletions,
// substitutions and swaps of two neighbouring letters each cost one.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > 2 || d < -2 {
		return 3
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// resolvePeople builds the attendee list and rewrites each turn's speaker to the attendee it
// names. Listed attendees come first, then --attendees, then people who spoke without being
// listed. Ambiguous labels stay as written.
func resolvePeople(m *Meeting, listed []Person, extra []string, speakers map[string]string) {
	r := newRoster()
	for _, p := range listed {
		r.add(p)
	}
	for _, n := range extra {
		if strings.TrimSpace(n) != "" {
			r.add(Person{Name: n})
		}
	}
	mapped := make(map[string]string, len(speakers))
	for label, name := range speakers {
		mapped[FoldName(label)] = strings.TrimSpace(name)
	}
	// Labels in order of first appearance; full names first so that short forms can
	// resolve to people who were only named in full by their own turns.
	var labels []string
	seen := map[string]bool{}
	for _, t := range m.Turns {
		if t.Speaker != "" && !seen[t.Speaker] {
			seen[t.Speaker] = true
			labels = append(labels, t.Speaker)
		}
	}
	final := make(map[string]string, len(labels))
	order := append([]string(nil), labels...)
	sort.SliceStable(order, func(a, b int) bool {
		return len(strings.Fields(order[a])) > len(strings.Fields(order[b]))
	})
	used := map[string]bool{}
	for _, label := range order {
		key := FoldName(label)
		if _, ok := mapped[key]; !ok {
			// Deepgram's speaker 0 reads as "Speaker 0": --speakers 0=Ana names it too.
			if n, found := strings.CutPrefix(key, "speaker "); found {
				if _, ok := mapped[n]; ok {
					key = n
				}
			}
		}
		if to, ok := mapped[key]; ok && to != "" {
			used[key] = true
			i := r.add(Person{Name: to, Aliases: []string{label}})
			if i < 0 {
				final[label] = label
				continue
			}
			final[label] = r.people[i].Name
			continue
		}
		i, amb := r.lookup(label)
		switch {
		case i >= 0:
			r.alias(i, label)
			final[label] = r.people[i].Name
		case amb:
			final[label] = label
		default:
			if i = r.add(Person{Name: label}); i < 0 {
				final[label] = label
			} else {
				final[label] = r.people[i].Name
			}
		}
	}
	var unused []string
	for label := range speakers {
		if !used[FoldName(label)] {
			unused = append(unused, label)
		}
	}
	sort.Strings(unused)
	for _, label := range unused {
		m.Warnings = append(m.Warnings, fmt.Sprintf("--speakers %s: no speaker in the input is labelled %q (run debrief parse to see the labels)", label, label))
	}
	for i := range m.Turns {
		if s := m.Turns[i].Speaker; s != "" {
			m.Turns[i].Speaker = final[s]
		}
	}
	for i := range r.people {
		if r.people[i].Aliases == nil {
			r.people[i].Aliases = []string{}
		}
	}
	m.Attendees = r.people
	if m.Attendees == nil {
		m.Attendees = []Person{}
	}
}
