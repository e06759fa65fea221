package transcript

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Meeting notes and minutes in Markdown: headings, bullets, an attendee list, and speaker
// prefixes written by a scribe ("* SC: text", "**Ivan Herman:** text", "> *Ric:* text",
// "Dan: text"). Every line that carries content becomes a turn, verbatim apart from list and
// quote markers, so that markers such as "ACTION:" stay where the analyzers look for them.

var (
	notesBulletRe   = regexp.MustCompile(`^([-*+]|\d{1,3}[.)])(\s+|$)`)
	notesHeadingRe  = regexp.MustCompile(`^(#{1,6})(?:\s+(.*?))?\s*$`)
	notesRuleRe     = regexp.MustCompile(`^(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|=+)$`)
	notesAttrRe     = regexp.MustCompile(`\s*\{:?\s*[#.:][^}]*\}\s*$`)
	notesTableSepRe = regexp.MustCompile(`^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$`)
	notesLinkRe     = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	notesBracketRe  = regexp.MustCompile(`\[[^\]]*\]`)
	notesURLRe      = regexp.MustCompile(`<?https?://[^\s)>]+>?`)
	notesParenRe    = regexp.MustCompile(`\s*\(([^()]*)\)`)
	notesLabelWord  = regexp.MustCompile(`^[\p{L}][\p{L}\p{M}'’.\-]*$`)
	notesAliasRe    = regexp.MustCompile(`^[\p{L}][\p{L}\p{N}._\-]{1,24}$`)
)

// notesAttendeeKeys label the lines and headings that list the people present.
var notesAttendeeKeys = map[string]bool{
	"attendees": true, "attendee": true, "attendance": true, "in attendance": true, "present": true,
	"participants": true, "attending": true, "remote": true, "remote attendees": true,
	"remote participants": true, "people present": true, "who": true, "guests": true,
	"invited guests": true, "guest": true,
}

// notesMetaKeys label header lines that are not speech: they are read (dates) or dropped.
var notesMetaKeys = map[string]bool{
	"date": true, "dates": true, "time": true, "times": true, "when": true, "where": true, "location": true,
	"call": true, "chat": true, "repository": true, "repo": true, "url": true, "irc": true, "log": true,
	"chair": true, "chairs": true, "scribe": true, "scribes": true, "scribe s": true, "minutes": true,
	"minute taker": true, "note taker": true, "regrets": true, "regret": true, "apologies": true,
	"absent": true, "observers": true, "status": true,
	"agenda": true, "meeting": true, "title": true, "facilitator": true, "host": true,
}

// notesNameListKeys head lists of names that are not attendees or not speech: regrets,
// chairs and scribes. Their items are dropped.
var notesNameListKeys = map[string]bool{
	"regrets": true, "regret": true, "apologies": true, "absent": true, "chair": true, "chairs": true,
	"scribe": true, "scribes": true, "scribe s": true, "note taker": true, "minute taker": true,
}

// notesNotSpeakers are label words that introduce content rather than name a speaker. A line
// "Proposal: …" is kept whole as a turn with no speaker.
var notesNotSpeakers = map[string]bool{
	"action": true, "actions": true, "action item": true, "action items": true, "ai": true,
	"resolution": true, "resolved": true, "proposed resolution": true, "decision": true,
	"decisions": true, "decided": true, "todo": true, "to do": true, "poll": true, "consensus": true,
	"conclusion": true, "outcome": true, "result": true, "results": true, "summary": true,
	"next steps": true, "next step": true, "follow up": true, "followup": true, "note": true,
	"notes": true, "nb": true, "ps": true, "fyi": true, "re": true, "cc": true, "eg": true, "e g": true,
	"ie": true, "i e": true, "see": true, "see also": true, "example": true, "examples": true,
	"question": true, "questions": true, "open questions": true, "answer": true, "q": true, "a": true,
	"proposal": true, "proposals": true, "discussion": true, "topic": true, "topics": true,
	"subject": true, "issue": true, "issues": true, "pr": true, "update": true, "updates": true,
	"background": true, "context": true, "goal": true, "goals": true, "purpose": true,
	"description": true, "details": true, "owner": true, "due": true, "deadline": true,
	"priority": true, "status update": true, "link": true, "links": true, "slides": true,
	"video": true, "recording": true, "transcript": true, "source": true, "wifi": true,
	"dinner": true, "lunch": true, "contact": true, "name": true, "phone": true, "email": true,
	"edit": true, "warning": true, "important": true, "tip": true, "info": true, "comment": true,
	"comments": true, "feedback": true, "reference": true, "references": true, "related": true,
	"version": true, "type": true, "category": true, "label": true, "labels": true, "tags": true,
	"agreed": true, "agreement": true, "rationale": true, "reason": true, "risk": true, "risks": true,
	"blocker": true, "blockers": true, "done": true, "pending": true, "parking lot": true,
	"all": true, "everyone": true, "everybody": true, "group": true, "several": true, "someone": true,
	"somebody": true, "unknown": true, "others": true, "various": true,
}

// notesAliasStop are parenthesised words after a name that are not another name for the person.
var notesAliasStop = map[string]bool{
	"am": true, "pm": true, "aft": true, "afternoon": true, "morning": true, "remote": true,
	"guest": true, "chair": true, "scribe": true, "observer": true, "invited": true, "late": true,
	"partial": true, "tbc": true, "tentative": true, "left": true, "joined": true, "host": true,
	"presenter": true, "staff": true, "dialed": true, "phone": true, "irc": true, "only": true,
	"facilitator": true, "moderator": true, "organizer": true, "organiser": true, "notetaker": true,
	"speaker": true, "lead": true, "owner": true, "intern": true, "contractor": true, "visitor": true,
	"online": true, "video": true, "audio": true, "dial-in": true, "in-person": true, "onsite": true,
	"offline": true, "absent": true, "regrets": true, "away": true, "ooo": true, "em": true, "ceo": true,
	"cto": true,
}

var notesDateTimeRe = regexp.MustCompile(`(\d{4}-\d{2}-\d{2})T\d`)

// findNotesDate is FindDate that also reads an ISO date-time ("2021-09-29T13:00:00Z").
func findNotesDate(s string) (string, bool) {
	return FindDate(notesDateTimeRe.ReplaceAllString(s, "$1 "))
}

// notesLine is one input line with its list and quote markers taken off.
type notesLine struct {
	raw     string
	content string // trimmed, without quote and bullet markers
	indent  int    // columns before the bullet or text, quotes excluded
	bullet  bool
	quote   bool
}

func splitNotesLine(raw string) notesLine {
	l := notesLine{raw: raw}
	s := strings.TrimRight(raw, " \t")
	rest := strings.TrimLeft(s, " \t")
	l.indent = indentWidth(s[:len(s)-len(rest)])
	for strings.HasPrefix(rest, ">") {
		l.quote = true
		rest = strings.TrimLeft(rest[1:], " \t")
	}
	if m := notesBulletRe.FindStringIndex(rest); m != nil && !notesRuleRe.MatchString(rest) && !strings.HasPrefix(rest, "**") {
		l.bullet = true
		rest = strings.TrimLeft(rest[m[1]:], " \t")
	}
	l.content = strings.TrimSpace(rest)
	return l
}

func indentWidth(s string) int {
	n := 0
	for _, r := range s {
		if r == '\t' {
			n += 4
		} else {
			n++
		}
	}
	return n
}

// splitLabel splits "Label: rest" with the label optionally in emphasis ("**Ana:** rest",
// "*Ana*: rest"). It returns the label without emphasis and the trimmed rest.
func splitLabel(s string) (label, rest string, ok bool) {
	em := 0
	for em < len(s) && em < 3 && (s[em] == '*' || s[em] == '_') {
		em++
	}
	if em > 0 {
		mark := s[:em]
		body := s[em:]
		end := strings.Index(body, mark)
		if end <= 0 {
			return "", "", false
		}
		inner, after := body[:end], body[end+em:]
		// Swallow stray emphasis runs of a different length ("**Ana:***").
		after = strings.TrimLeft(after, "*_")
		switch {
		case strings.HasSuffix(inner, ":"):
			label, rest = strings.TrimSuffix(inner, ":"), after
		case strings.HasPrefix(after, ":"):
			label, rest = inner, after[1:]
		default:
			return "", "", false
		}
		if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
			return "", "", false
		}
		return strings.TrimSpace(label), strings.TrimSpace(rest), strings.TrimSpace(label) != ""
	}
	i := strings.IndexByte(s, ':')
	if i <= 0 || i > 60 {
		return "", "", false
	}
	rest = s[i+1:]
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return "", "", false
	}
	return strings.TrimSpace(s[:i]), strings.TrimSpace(rest), true
}

// labelShape tells whether a label could be a person's name: one to four words of letters,
// optionally with a parenthesised organisation, which is dropped.
func labelShape(label string) (name string, words []string, ok bool) {
	name = label
	if strings.Contains(label, "(") {
		name = strings.TrimSpace(notesParenRe.ReplaceAllString(label, ""))
	}
	if name == "" || utf8.RuneCountInString(name) > 48 {
		return "", nil, false
	}
	words = strings.Fields(name)
	if len(words) > 4 {
		return "", nil, false
	}
	for _, w := range words {
		if !notesLabelWord.MatchString(w) {
			return "", nil, false
		}
	}
	return name, words, true
}

// notesParticles are the lower-case words that may sit inside a capitalised name.
var notesParticles = map[string]bool{
	"de": true, "da": true, "del": true, "della": true, "der": true, "den": true, "van": true,
	"von": true, "le": true, "la": true, "du": true, "di": true, "dos": true, "das": true, "y": true,
	"bin": true, "al": true, "ter": true, "ten": true, "st": true,
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// notesParser holds the state of one parse.
type notesParser struct {
	lines  []notesLine
	p      *parsed
	people *roster
	// counts is how many lines start with each folded label, to accept nicks used repeatedly.
	counts map[string]int
	// skip marks lines consumed as front matter, metadata or the attendee list.
	skip []bool
	// speakers caches the answer of speaker for each label.
	speakers map[string]speakerAnswer
}

type speakerAnswer struct {
	name string
	ok   bool
}

func parseNotes(text string) (*parsed, error) {
	raw := strings.Split(text, "\n")
	np := &notesParser{
		p:        &parsed{},
		people:   newRoster(),
		counts:   map[string]int{},
		skip:     make([]bool, len(raw)),
		speakers: map[string]speakerAnswer{},
	}
	np.lines = make([]notesLine, len(raw))
	for i, r := range raw {
		np.lines[i] = splitNotesLine(r)
	}
	np.header()
	for _, person := range np.p.Attendees {
		np.people.add(person)
	}
	for i, l := range np.lines {
		if np.skip[i] {
			continue
		}
		if label, _, ok := splitLabel(l.content); ok {
			np.counts[FoldName(label)]++
		}
	}
	np.turns()
	return np.p, nil
}

// header reads the front matter, the title, the date and every attendee list, and marks the
// lines it consumed.
func (np *notesParser) header() {
	start := 0
	var fmTitle, fmDate string
	if len(np.lines) > 0 && strings.TrimSpace(np.lines[0].raw) == "---" {
		for i := 1; i < len(np.lines) && i < 200; i++ {
			s := strings.TrimSpace(np.lines[i].raw)
			if s == "---" || s == "..." {
				for j := 0; j <= i; j++ {
					np.skip[j] = true
				}
				start = i + 1
				break
			}
			k, v, ok := strings.Cut(s, ":")
			if !ok {
				continue
			}
			v = strings.Trim(strings.TrimSpace(v), `"'`)
			switch strings.ToLower(strings.TrimSpace(k)) {
			case "title":
				fmTitle = v
			case "date":
				fmDate = v
			}
		}
		if start == 0 {
			fmTitle, fmDate = "", ""
		}
	}
	if d, ok := findNotesDate(fmDate); ok {
		np.p.Date = d
	}
	np.p.Title = fmTitle

	var people []Person
	inList := false   // under an attendee heading or an empty "Attendees:" line
	dropList := false // under a regrets, chair or scribe heading: names that are not turns
	var table *attendeeTable
	for i := start; i < len(np.lines); i++ {
		l := np.lines[i]
		c := l.content
		near := i-start < 40
		if c == "" {
			table = nil
			continue
		}
		if h := headingMatch(c); h != nil && !l.bullet && !l.quote {
			text := headingText(h[2])
			hk := FoldName(notesParenRe.ReplaceAllString(strings.Trim(text, "*_: "), ""))
			inList = notesAttendeeKeys[hk]
			dropList = notesNameListKeys[hk]
			table = nil
			isTitle := np.p.Title == "" && text != "" && !isContentsHeading(text)
			if isTitle {
				np.p.Title = stripEmphasis(text)
			}
			// The title heading or a heading that is just a date gives the meeting date; a
			// later heading such as "Plan for the Nov 30 launch" does not.
			if near && np.p.Date == "" && (isTitle || isDateLine(text)) {
				if d, ok := findNotesDate(text); ok {
					np.p.Date = d
				}
			}
			continue
		}
		if notesRuleRe.MatchString(c) || isKramdownAttr(c) {
			if notesRuleRe.MatchString(c) {
				inList, dropList = false, false
			}
			continue
		}
		if strings.HasPrefix(c, "|") {
			if table == nil {
				table = newAttendeeTable(c, inList)
				if table != nil {
					np.skip[i] = true
				}
				continue
			}
			np.skip[i] = true
			if notesTableSepRe.MatchString(c) {
				continue
			}
			if p, ok := table.person(c); ok {
				people = append(people, p)
			}
			continue
		}
		table = nil
		label, rest, hasLabel := splitLabel(c)
		key := FoldName(label)
		if strings.Contains(label, "(") {
			key = FoldName(notesParenRe.ReplaceAllString(label, ""))
		}
		if !hasLabel {
			// "**Attendees**" alone on a line opens a list like a heading does.
			if k := FoldName(strings.Trim(c, "*_ ")); notesAttendeeKeys[k] && strings.ContainsAny(c, "*_") {
				inList = true
				np.skip[i] = true
				continue
			}
		}
		switch {
		case hasLabel && notesAttendeeKeys[key]:
			np.skip[i] = true
			if rest == "" {
				inList = true
				continue
			}
			inList = false
			people = append(people, splitPeople(rest)...)
		case hasLabel && notesMetaKeys[key]:
			np.skip[i] = true
			inList, dropList = false, notesNameListKeys[key] && rest == ""
			if key == "date" || key == "dates" || key == "when" {
				if d, ok := findNotesDate(rest); ok && np.p.Date == "" && near {
					np.p.Date = d
				}
			}
		case inList && !hasLabel && looksLikePeople(c):
			np.skip[i] = true
			people = append(people, splitPeople(c)...)
		case dropList && !hasLabel && looksLikePeople(c):
			np.skip[i] = true
		default:
			inList, dropList = false, false
			if near && np.p.Date == "" && i-start < 5 && (np.p.Title == "" || isDateLine(c)) {
				// A title line such as "Minutes of 18 November 2026", or a line that is
				// just a date; not a sentence that mentions one.
				if d, ok := findNotesDate(c); ok {
					np.p.Date = d
				}
			}
			if np.p.Title == "" && i-start < 3 && !l.bullet && !hasLabel && !strings.HasPrefix(c, "![") && utf8.RuneCountInString(c) <= 120 {
				np.p.Title = stripEmphasis(c)
			}
		}
	}
	np.p.Attendees = people
}

func isContentsHeading(text string) bool {
	switch FoldName(text) {
	case "table of contents", "contents", "toc":
		return true
	}
	return false
}

func isKramdownAttr(c string) bool {
	return strings.HasPrefix(c, "{:") && strings.HasSuffix(c, "}")
}

// headingText is a heading without its closing hashes and kramdown attributes.
func headingText(s string) string {
	if strings.HasSuffix(strings.TrimSpace(s), "}") {
		s = notesAttrRe.ReplaceAllString(s, "")
	}
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), "#"))
	return s
}

// stripEmphasis removes emphasis markers wrapping the whole of s.
func stripEmphasis(s string) string {
	for {
		t := strings.TrimSpace(s)
		if len(t) >= 2 && (t[0] == '*' || t[0] == '_') && t[len(t)-1] == t[0] {
			s = t[1 : len(t)-1]
			continue
		}
		return t
	}
}

// looksLikePeople is true for a line under an attendee heading that lists names rather than
// saying something: short items with no sentence punctuation.
func looksLikePeople(c string) bool {
	if strings.HasPrefix(c, "#") || strings.Contains(c, ": ") {
		return false
	}
	plain := notesLinkRe.ReplaceAllString(c, "$1")
	plain = notesURLRe.ReplaceAllString(plain, "")
	plain = notesParenRe.ReplaceAllString(plain, "")
	for _, item := range splitItems(plain) {
		if len(strings.Fields(item)) > 5 || strings.ContainsAny(item, ".!?") && !strings.Contains(item, ". ") && len(item) > 30 {
			return false
		}
	}
	return strings.TrimSpace(plain) != ""
}

func splitItems(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' })
}

// splitPeople reads "Ana Lopez, Ben Okafor (BO); [Sarven](https://…)" into people.
func splitPeople(s string) []Person {
	s = notesLinkRe.ReplaceAllString(s, "$1")
	var out []Person
	for _, item := range splitItems(s) {
		for _, part := range strings.Split(item, " and ") {
			for _, part := range strings.Split(part, " & ") {
				if p, ok := cleanPerson(part); ok {
					out = append(out, p)
				}
			}
		}
	}
	return out
}

// cleanPerson reads one attendee entry: it drops links, URLs, emphasis and organisations in
// parentheses, and keeps a parenthesised nick or set of initials as an alias.
func cleanPerson(s string) (Person, bool) {
	s = notesLinkRe.ReplaceAllString(s, "$1")
	s = notesURLRe.ReplaceAllString(s, "")
	s = notesBracketRe.ReplaceAllString(s, " ")
	var aliases []string
	for _, m := range notesParenRe.FindAllStringSubmatch(s, -1) {
		a := strings.TrimSpace(strings.Trim(m[1], "*_@ "))
		if notesAliasRe.MatchString(a) && !notesAliasStop[strings.ToLower(a)] && aliasShaped(a) {
			aliases = append(aliases, a)
		}
	}
	s = notesParenRe.ReplaceAllString(s, "")
	// "guest: Martin Thomson" inside a list of names.
	if k, v, ok := strings.Cut(s, ":"); ok && len(strings.Fields(k)) <= 2 {
		s = v
	}
	if i := strings.Index(s, " - "); i > 0 {
		s = s[:i]
	}
	if i := strings.Index(s, " — "); i > 0 {
		s = s[:i]
	}
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "*_`.,:()"))
	s = strings.Join(strings.Fields(s), " ")
	switch strings.ToLower(s) {
	case "", "none", "n/a", "na", "tbd", "-", "nobody", "no one":
		return Person{}, false
	}
	if strings.ContainsAny(s, ":<>|") || len(strings.Fields(s)) > 5 || utf8.RuneCountInString(s) > 60 {
		return Person{}, false
	}
	hasLetter := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			hasLetter = true
			break
		}
	}
	if !hasLetter {
		return Person{}, false
	}
	if aliases == nil {
		aliases = []string{}
	}
	return Person{Name: s, Aliases: aliases}, true
}

// aliasShaped is true for a parenthesised word that reads as another name for a person: initials
// in capitals ("TBL") or a handle in lower case or with digits ("ewingson", "jb2"). A
// capitalised word is more often an organisation ("Sarven Capadisli (Dokieli)").
func aliasShaped(a string) bool {
	letters, upper, lower := 0, 0, 0
	for _, r := range a {
		switch {
		case unicode.IsUpper(r):
			upper++
			letters++
		case unicode.IsLower(r):
			lower++
			letters++
		case unicode.IsDigit(r), r == '_':
			return true
		}
	}
	if upper == letters {
		return letters >= 2 && letters <= 5
	}
	return upper == 0 || (upper == 1 && !unicode.IsUpper([]rune(a)[0]))
}

// attendeeTable reads a Markdown table of names and abbreviations.
type attendeeTable struct {
	name    int
	aliases []int
}

// newAttendeeTable recognises the header row of an attendee table: a name column and an
// initials, abbreviation or nick column, or any table under an attendee heading (the first
// column then holds the names).
func newAttendeeTable(header string, underHeading bool) *attendeeTable {
	cells := tableCells(header)
	t := &attendeeTable{name: -1}
	for i, c := range cells {
		switch k := FoldName(c); {
		case t.name < 0 && (strings.Contains(k, "name") || k == "attendee" || k == "attendees" || k == "participant" || k == "participants" || k == "person" || k == "who"):
			t.name = i
		case strings.Contains(k, "abbr") || strings.Contains(k, "initial") || strings.Contains(k, "alias") ||
			strings.Contains(k, "nick") || strings.Contains(k, "handle") || k == "short" || k == "short name" || k == "id" || k == "irc":
			t.aliases = append(t.aliases, i)
		}
	}
	if t.name >= 0 && (len(t.aliases) > 0 || underHeading) {
		return t
	}
	return nil
}

func (t *attendeeTable) person(row string) (Person, bool) {
	cells := tableCells(row)
	if t.name >= len(cells) {
		return Person{}, false
	}
	p, ok := cleanPerson(cells[t.name])
	if !ok {
		return Person{}, false
	}
	for _, i := range t.aliases {
		if i < len(cells) {
			a := strings.Trim(cells[i], "*_` ")
			if a != "" && a != "-" && !strings.EqualFold(a, p.Name) {
				p.Aliases = append(p.Aliases, a)
			}
		}
	}
	return p, true
}

func tableCells(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(row, "|")
	row = strings.TrimSuffix(row, "|")
	cells := strings.Split(row, "|")
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	return cells
}

// isContinuation is true for the scribe's marks that a line goes on with the last speaker's
// words: "… text", "... text", ".. text".
func isContinuation(c string) (string, bool) {
	for _, p := range []string{"…", "...", ".."} {
		if strings.HasPrefix(c, p) {
			rest := strings.TrimLeft(c[len(p):], ". ")
			return strings.TrimSpace(rest), true
		}
	}
	return "", false
}

// isMarker is true for lines that must stand as their own turn: action items, resolutions,
// decisions and the like, whatever precedes them.
func isMarker(c string) bool {
	s := strings.TrimLeft(c, "*_[ ")
	u := strings.ToUpper(s)
	for _, p := range []string{"ACTION", "RESOLUTION", "RESOLVED", "PROPOSED RESOLUTION", "DECISION", "DECIDED", "TODO", "AI:", "POLL", "CONSENSUS", "AGREED"} {
		if strings.HasPrefix(u, p) {
			return true
		}
	}
	return false
}

// speaker decides whether label names a speaker: a known attendee, or a name-shaped label
// that is not one of the words that introduce content.
func (np *notesParser) speaker(label string) (string, bool) {
	if a, ok := np.speakers[label]; ok {
		return a.name, a.ok
	}
	name, ok := np.decideSpeaker(label)
	np.speakers[label] = speakerAnswer{name, ok}
	return name, ok
}

func (np *notesParser) decideSpeaker(label string) (string, bool) {
	name, words, ok := labelShape(label)
	if !ok {
		return "", false
	}
	key := FoldName(name)
	if notesNotSpeakers[key] || notesMetaKeys[key] || notesAttendeeKeys[key] {
		return "", false
	}
	if first := FoldName(words[0]); notesNotSpeakers[first] && len(words) > 1 && !capitalised(words[len(words)-1]) {
		return "", false
	}
	if i, amb := np.people.lookup(name); i >= 0 || amb {
		return name, true
	}
	if len(words) == 1 {
		// "SC", "Tim", or a nick like "mnot" used more than once.
		return name, capitalised(name) || np.counts[key] >= 2
	}
	for j, w := range words {
		if !capitalised(w) && !(j > 0 && notesParticles[strings.ToLower(w)]) {
			return "", false
		}
	}
	return name, true
}

// turns reads the body into turns.
func (np *notesParser) turns() {
	cur := -1        // index of the turn that wrapped lines and sub-bullets continue
	curIndent := -1  // indent of the bullet that opened cur, or -1 for a paragraph
	lastSpoken := -1 // index of the last turn with a speaker, for "…" continuations
	fence := ""
	j := newJoiner()
	add := func(t Turn) int {
		np.p.Turns = append(np.p.Turns, t)
		return len(np.p.Turns) - 1
	}
	for i, l := range np.lines {
		line := i + 1
		c := l.content
		if fence != "" {
			if strings.HasPrefix(strings.TrimSpace(l.raw), fence) {
				fence = ""
				continue
			}
			if c != "" {
				add(Turn{Text: strings.TrimSpace(l.raw), Line: line, Start: Unknown, End: Unknown})
			}
			continue
		}
		if np.skip[i] || c == "" {
			cur = -1
			continue
		}
		if t := strings.TrimSpace(l.raw); strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = t[:3]
			cur = -1
			continue
		}
		if notesRuleRe.MatchString(c) || isKramdownAttr(c) || isHTMLComment(c) {
			cur = -1
			continue
		}
		if h := headingMatch(c); h != nil && !l.bullet && !l.quote {
			cur, lastSpoken = -1, -1
			if text := headingText(h[2]); text != "" {
				add(Turn{Text: text, Line: line, Start: Unknown, End: Unknown, Heading: true})
			}
			continue
		}
		if strings.HasPrefix(c, "|") {
			cur = -1
			if notesTableSepRe.MatchString(c) {
				continue
			}
			add(Turn{Text: c, Line: line, Start: Unknown, End: Unknown})
			continue
		}
		if rest, ok := isContinuation(c); ok && lastSpoken >= 0 {
			if t := &np.p.Turns[lastSpoken]; t.Text == "" {
				t.Text, t.Line = rest, line
			} else {
				j.add(np.p.Turns, lastSpoken, rest, line)
			}
			cur = lastSpoken
			continue
		}
		if strings.HasSuffix(c, "}") {
			c = strings.TrimSpace(notesAttrRe.ReplaceAllString(c, ""))
		}
		if c == "" {
			continue
		}
		if label, rest, ok := splitLabel(c); ok && !isMarker(c) {
			if name, ok := np.speaker(label); ok {
				if rest == "" {
					// "* TB:" with nothing noted: the next lines may carry the words.
					cur = add(Turn{Speaker: name, Line: line, Start: Unknown, End: Unknown})
				} else {
					cur = add(Turn{Speaker: name, Text: rest, Line: line, Start: Unknown, End: Unknown})
				}
				lastSpoken = cur
				curIndent = -1
				if l.bullet {
					curIndent = l.indent
				}
				continue
			}
		}
		if cur >= 0 && !isMarker(c) && !labelled(c) {
			t := &np.p.Turns[cur]
			joinable := false
			switch {
			case !l.bullet && !l.quote:
				// A wrapped line of the same paragraph or list item.
				joinable = true
			case l.bullet && curIndent >= 0 && l.indent > curIndent && t.Speaker != "":
				// A sub-bullet under a speaker's bullet.
				joinable = true
			case l.bullet && curIndent < 0 && t.Speaker != "":
				// A list right under a speaker's paragraph: the points they made.
				joinable = true
			case l.quote && !l.bullet && np.lines[i-1].quote:
				joinable = true
			}
			if joinable {
				if t.Text == "" {
					t.Text, t.Line = c, line
				} else {
					j.add(np.p.Turns, cur, c, line)
				}
				continue
			}
		}
		cur = add(Turn{Text: c, Line: line, Start: Unknown, End: Unknown})
		curIndent = -1
		if l.bullet {
			curIndent = l.indent
		}
		if isMarker(c) {
			// Lines after a marker do not continue it unless wrapped.
			lastSpoken = -1
		}
	}
	j.flush(np.p.Turns)
	kept := np.p.Turns[:0]
	for _, t := range np.p.Turns {
		if t.Text != "" {
			kept = append(kept, t)
		}
	}
	np.p.Turns = kept
}

// labelled is true for a line that opens with a name-shaped label ("Note: …", "All: …"): such
// a line starts a turn of its own even right under another line.
func labelled(c string) bool {
	label, _, ok := splitLabel(c)
	if !ok {
		return false
	}
	_, _, ok = labelShape(label)
	return ok
}

func isHTMLComment(c string) bool {
	return strings.HasPrefix(c, "<!--") && strings.HasSuffix(c, "-->")
}

// headingMatch is notesHeadingRe's submatches for an ATX heading line, or nil.
func headingMatch(c string) []string {
	if !strings.HasPrefix(c, "#") {
		return nil
	}
	return notesHeadingRe.FindStringSubmatch(c)
}
