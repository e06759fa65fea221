package analyze

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/debrief-cli/debrief/internal/transcript"
)

// markerRE matches a line that records a decision with a marker, as minutes do:
// "RESOLUTION: …", "RESOLVED - …", "> ***Resolution #2: …***", "**Decision**: …",
// "* [Resolution #1](#resolution1): …", "Agreed: …". Group 1 is the marker word, group 2 the
// rest of the line. Leading quote, bullet and emphasis marks are skipped.
var markerRE = regexp.MustCompile(`(?i)^[\s>*_+\-•]*\[?\s*(resolved|resolutions?|decisions?|decided|agreed|outcome|conclusion|poll)\b(?:\s*#\s*\d+)?\s*\]?(?:\([^)]*\))?[\s*_]*(?::|\s[-–—]\s|\s[-–—]$|$)\s*(.*)$`)

// maxListedDecisions bounds a list of decisions under a heading, so that a heading with no end
// in sight does not turn the rest of the notes into decisions.
const maxListedDecisions = 40

// proposalRE matches a line that puts a proposal to the group, whose text a following bare
// "RESOLVED" adopts.
var proposalRE = regexp.MustCompile(`(?i)^[\s>*_+\-•]*(?:proposed resolution|proposal|proposed|propose)\s*[:\-–—]\s*(.+)$`)

// phraseRE matches a sentence, lower-cased by asciiLower, that says a decision was made. Group 1 is the phrase; the
// decision is the rest of the sentence after it (or, for "go with" and "use", from the verb).
var phraseRE = regexp.MustCompile(`\b(we(?:'ve| have)? decided(?: to| that| on)?|it(?:'s| is| was| has been) decided(?: to| that)?|let's go with|let us go with|(?:then |and |so |okay,? |ok,? )we go with|^we go with|we're going with|we are going with|we'll go with|we will go with|we're going to go with|we are going to go with|agreed to|we(?: all)? agree(?:d)?(?: to| that| on)?|(?:the )?final call(?: is| was)?:?|the decision is(?: to| that)?:?|we will use|we'll use|going forward,? we)\s+`)

// notDecisionRE matches, in text lower-cased by asciiLower, what turns a decision phrase into something else: a proposal, a
// hypothetical, a negation or a report of an earlier meeting.
var notDecisionRE = regexp.MustCompile(`\b(propos\w*|suggest\w*|maybe|perhaps|what if|how about|if|unless|whether|would|could|might|suppose|assuming|in case|not|never|haven't|hasn't|hadn't|didn't|don't|doesn't|can't|won't|undecided|disagree)\b`)

// hedgeRE matches, in text lower-cased by asciiLower, a hedge right after a decision phrase ("we agree it might…").
var hedgeRE = regexp.MustCompile(`\b(might|maybe|perhaps|could|would)\b`)

// pastRE matches, in text lower-cased by asciiLower, a sentence that reports a decision of an earlier meeting.
var pastRE = regexp.MustCompile(`\b(last (?:week|time|meeting|call|month)|previously|earlier this (?:year|month))\b`)

// rationaleRE matches, in text lower-cased by asciiLower, a stated reason: a causal word, data, or what customers said.
var rationaleRE = regexp.MustCompile(`\b(because|since|so that|given|due to|as it|the reason|that way|in order to)\b|\d+(?:\.\d+)?\s*(?:%|percent\b|ms\b|milliseconds\b|x (?:faster|slower|cheaper|more|less|fewer)\b|times (?:faster|slower|cheaper|more|less|fewer)\b)|[$€£]\s?\d|\b(?:customers?|users?|clients?)\s+(?:asked|reported|complained|said|told|want(?:ed)?|requested|need(?:ed)?)\b`)

// alternativesRE matches, in text lower-cased by asciiLower, a mention of other options or of what the choice costs.
var alternativesRE = regexp.MustCompile(`\b(instead of|rather than|vs\.?|versus|alternatives?|options?|the other approach|other approaches|trade-?offs?|costs?|downsides?|at the expense of)\b`)

// overRE matches "use X over Y" naming a rejected option; only looked for in the decision's own
// sentence and after a verb of choosing, since "over" means many other things.
var overRE = regexp.MustCompile(`(?i)\b(?:go with|going with|went with|use|using|chose|choose|choosing|pick|picked|prefer|preferred|adopt|keep|favou?r)\b[^,;.]*\bover\s+(?:the\s+)?[A-Za-z0-9]`)

// overAnchored is overRE anchored at the start of its input, for choosesOver.
var overAnchored = regexp.MustCompile(`^(?:` + overRE.String() + `)`)

// overVerbs are what the verbs of choosing in overRE start with.
var overVerbs = indexByFirst("go with", "going with", "went with", "use", "using", "chose", "choose", "pick",
	"prefer", "adopt", "keep", "favo")

// choosesOver reports whether overRE matches s. A match starts at the start of a word, with
// one of overVerbs in any case, so the anchored pattern is tried only there. Case folding
// also matches the long s and the Kelvin sign to "s" and "k", so a string holding one goes to
// overRE.
func choosesOver(s string) bool {
	if foldsToASCII(s) {
		return overRE.MatchString(s)
	}
	lower := asciiLower(s)
	for p := 0; p < len(lower); p++ {
		if (p == 0 || !isWordByte(lower[p-1])) && overVerbs.startsWith(lower[p:]) && overAnchored.MatchString(s[p:]) {
			return true
		}
	}
	return false
}

// overNotChoiceRE matches the common "over" phrases that name no alternative.
var overNotChoiceRE = regexp.MustCompile(`(?i)\bover\s+(?:the\s+)?(?:next|last|past|time|weekend|week|month|year|years|months|weeks|days|there|here|it|to|and|again|all)\b`)

// isDecisionHeading reports whether h, a cleaned speakerless line, is a heading under which
// minutes list decisions.
func isDecisionHeading(h string) bool {
	switch h {
	case "decisions", "decision", "resolutions", "resolution", "conclusion", "conclusions",
		"outcome", "outcomes", "decisions made", "key decisions", "agreed", "agreements",
		"decisions and resolutions", "resolutions and decisions", "summary of resolutions",
		"summary of decisions", "decision log":
		return true
	}
	return false
}

// isOtherHeading reports whether h, a cleaned speakerless line, is a section heading that
// ends a list of decisions.
func isOtherHeading(h string) bool {
	switch h {
	case "action items", "actions", "action", "next steps", "attendees", "present", "agenda",
		"notes", "discussion", "open questions", "questions", "follow-ups", "follow ups",
		"todo", "to do", "summary", "minutes", "topics", "regrets", "links", "next meeting",
		"summary of action items", "action items summary", "tasks":
		return true
	}
	return false
}

// cleanLine is stripDecoration lower-cased. It is read only for a heading (see
// isDecisionHeading and isOtherHeading), so a line too long to be one is "".
func cleanLine(s string) string {
	s = stripDecoration(s)
	if len(s) > 3*longestHeading {
		// strings.ToLower makes a character at most three times shorter (the Kelvin sign
		// to "k"), so this cannot lower-case to a heading.
		return ""
	}
	return strings.ToLower(s)
}

// stripDecoration strips Markdown decoration from a line: heading marks, quote marks,
// bullets, numbering ("5."), emphasis and a trailing colon.
func stripDecoration(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimLeft(s, "#>*_+-• \t")
	// A numbered heading or item: "5. Resolutions", "2) Outcome".
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		s = s[i+1:]
	}
	s = strings.Trim(s, "*_ \t")
	s = strings.TrimSuffix(s, ":")
	return strings.Trim(s, "*_ \t")
}

// longestHeading is the length of the longest heading isDecisionHeading and isOtherHeading
// know.
const longestHeading = len("decisions and resolutions")

// isBulleted reports whether a raw line starts as a list item does.
func isBulleted(s string) bool {
	s = strings.TrimLeft(s, " \t>")
	if strings.HasPrefix(s, "* ") || strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "+ ") || strings.HasPrefix(s, "• ") {
		return true
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' '
}

// trimDecoration strips leading and trailing emphasis from a decision's text, and the target
// of a Markdown link the text ends in ("move to X](#resolution1)").
func trimDecoration(s string) string {
	s = strings.Trim(strings.TrimSpace(s), "*_ \t")
	if k := strings.LastIndex(s, "]("); k >= 0 && strings.HasSuffix(s, ")") && !strings.Contains(s[:k], "[") {
		s = strings.Trim(strings.TrimSpace(s[:k]), "*_ \t")
	}
	return s
}

// isLabelWord reports whether a marker word is one that only marks a decision as a notes
// label ("Outcome: …"), not when said by a speaker.
func isLabelWord(w string) bool {
	w = strings.ToLower(w)
	return w == "outcome" || w == "conclusion"
}

// decisionCandidate is one decision as found, before duplicates are merged.
type decisionCandidate struct {
	d    Decision
	turn int
	// sentence is the sentence (or line) the decision was found in.
	sentence string
	// listed is true for an item of a list of decisions, whose neighbours are other decisions
	// rather than the discussion that led to it.
	listed bool
	// marker is true for a decision written with an explicit marker ("RESOLUTION: …"): each
	// such line is a decision of its own, even when two say the same words.
	marker bool
	// also is the other turn of a decision made across two turns (a proposal and its
	// assent), or -1.
	also int
}

// findDecisions finds the settled choices of a meeting: lines with a decision marker
// ("RESOLUTION: …"), items under a "Decisions" heading, and sentences that say a decision was
// made ("we decided to…", "let's go with…"). Questions, proposals, hypotheticals and negations
// are not decisions. Each decision carries the reason stated nearby, if any, and whether other
// options or costs were mentioned; the same decision found twice (in the discussion and in a
// summary) is reported once with both pieces of evidence.
func findDecisions(m *transcript.Meeting) []Decision {
	if m == nil {
		return []Decision{}
	}
	return findDecisionsIn(newMeetingText(m))
}

// findDecisionsIn is findDecisions reading the turns through x.
func findDecisionsIn(x *meetingText) []Decision {
	m := x.m
	ctx := newTurnFacts(x)
	var found []decisionCandidate
	add := func(i int, text, quote, by string, listed bool) {
		text = trimDecoration(text)
		if countWords(text) == 0 {
			return
		}
		t := m.Turns[i]
		d := Decision{Decision: text, DecidedBy: by, Evidence: []Evidence{EvidenceFor(t, quote)}}
		found = append(found, decisionCandidate{d: d, turn: i, sentence: quote, listed: listed, also: -1})
	}

	inSection, sectionBulleted, sectionItems := false, false, 0
	for i, t := range m.Turns {
		raw := strings.TrimSpace(t.Text)
		if raw == "" {
			continue
		}
		clean := cleanLine(raw)

		// A list of decisions under a heading, in notes.
		if t.Speaker == "" && isDecisionHeading(clean) {
			inSection, sectionBulleted, sectionItems = true, false, 0
			continue
		}
		if inSection && strings.HasPrefix(raw, "{:") {
			// A kramdown attribute line ("{: #res}") under the heading: not an item.
			continue
		}
		if inSection {
			switch {
			case t.Speaker != "", strings.HasPrefix(raw, "#"), isOtherHeading(clean),
				sectionItems > 0 && sectionBulleted && !isBulleted(raw),
				sectionItems == 0 && !isBulleted(raw) && strings.HasSuffix(raw, ":"),
				sectionItems >= maxListedDecisions:
				inSection = false
			default:
				if sectionItems == 0 {
					sectionBulleted = isBulleted(raw)
				}
				sectionItems++
				text := itemText(raw)
				if !isNone(text) {
					add(i, text, raw, namedDecider(m, text), true)
				}
				continue
			}
		}

		// A marker line: "RESOLUTION: …", "> ***Resolution #1: …***".
		before := len(found)
		if mk := markerLine(t); mk != nil && !(t.Speaker != "" && isLabelWord(mk[1])) {
			rest := trimDecoration(mk[2])
			word := strings.ToLower(mk[1])
			switch {
			case word == "resolved" || word == "agreed":
				if !bareResolution(rest) {
					add(i, rest, raw, namedDecider(m, rest), false)
				} else if p, pi := precedingProposal(m, i); p != "" {
					add(pi, p, strings.TrimSpace(m.Turns[pi].Text), namedDecider(m, p), false)
					found[len(found)-1].d.Evidence = append(found[len(found)-1].d.Evidence, EvidenceFor(t, raw))
				}
			case rest != "":
				add(i, rest, raw, namedDecider(m, rest), false)
			case word == "poll" || strings.HasPrefix(word, "resolution") || strings.HasPrefix(word, "decision"):
				// "**Poll**:" with the motion on the lines below it.
				if j := nextSpeakerless(m, i); j >= 0 {
					text := strings.TrimSpace(m.Turns[j].Text)
					add(j, trimDecoration(strings.TrimLeft(text, "> ")), text, "", false)
				}
			}
			if n := len(found); n > before {
				found[n-1].marker = true
			}
			continue
		}
		if _, ok := proposalLine(t); ok {
			continue
		}

		sentences := x.sentences(i)
		for k := 0; k < len(sentences); k++ {
			s := sentences[k]
			if mk := matchMarker(s); mk != nil && !isLabelWord(mk[1]) {
				if rest := trimDecoration(mk[2]); rest != "" && !bareResolution(rest) {
					add(i, rest, s, t.Speaker, false)
					continue
				}
			}
			if text, ok := ctx.phrased(i, k); ok {
				add(i, text, s, t.Speaker, false)
				continue
			}
			text, anaphoric, ok := ctx.spoken(i, k)
			switch {
			case !ok:
			case !anaphoric:
				if at := reasonClauseAt(text); at > 0 {
					text = cleanChoice(text[:at])
				}
				add(i, text, s, t.Speaker, false)
				c := &found[len(found)-1]
				if k+1 < len(sentences) && countWords(s) <= 6 && !x.isQuestion(i, k+1) {
					// "Let's do a phased rollout. Write to both for a month.": the next
					// sentence spells the choice out.
					c.d.Evidence = append(c.d.Evidence, EvidenceFor(t, sentences[k+1]))
				} else if len(contentWords(text)) <= 2 {
					// "Postgres it is.": cite where the option was put on the table.
					if j, o := optionSentence(x, i, text); o != "" {
						c.d.Evidence = append(c.d.Evidence, EvidenceFor(m.Turns[j], o))
					}
				}
			case k+1 < len(sentences) && !x.isQuestion(i, k+1):
				// "Let's do it. No deploys after 2pm on Fridays.": the choice is said next.
				k++
				add(i, cleanChoice(sentences[k]), sentences[k], t.Speaker, false)
				found[len(found)-1].d.Evidence = append([]Evidence{EvidenceFor(t, s)}, found[len(found)-1].d.Evidence...)
			default:
				// "Let's do it." after someone else's proposal: the choice is theirs.
				if pi := prevSpeakerTurn(m, i); pi >= 0 && m.Turns[pi].Speaker != t.Speaker {
					if ps := x.sentences(pi); len(ps) > 0 {
						p := ps[len(ps)-1]
						add(pi, cleanChoice(p), p, t.Speaker, false)
						found[len(found)-1].d.Evidence = append(found[len(found)-1].d.Evidence, EvidenceFor(t, s))
					}
				}
			}
		}
	}
	found = append(found, agreedProposals(ctx, found)...)
	found = append(found, voteRuns(ctx, found)...)
	// A question is not a decision, wherever it was found: "could we merge it?" answered
	// "yes" settles nothing the notes say, and a poll's question under a heading is not its
	// outcome.
	found = slices.DeleteFunc(found, func(c decisionCandidate) bool { return asksOnly(c.d.Decision) })

	decided := make([]bool, len(m.Turns))
	for _, c := range found {
		decided[c.turn] = true
	}
	for k := range found {
		c := &found[k]
		window := []int{}
		if !c.listed {
			window = decisionWindow(m, c.turn)
		}
		c.d.Rationale = ctx.reason(c, window, decided)
		c.d.RationaleStated = c.d.Rationale != ""
		c.d.AlternativesMentioned = ctx.alternatives(window, c.sentence)
	}
	return mergeDecisions(m, found)
}

// nextSpeakerless returns the turn after i when it has no speaker and is not a heading, or -1.
func nextSpeakerless(m *transcript.Meeting, i int) int {
	if i+1 >= len(m.Turns) {
		return -1
	}
	t := m.Turns[i+1]
	if t.Speaker != "" || strings.HasPrefix(strings.TrimSpace(t.Text), "#") {
		return -1
	}
	return i + 1
}

// markerLine matches a turn against markerRE, returning the whole match, the marker word and
// the rest, or nil. A parser may have read the marker as a speaker ("RESOLUTION" saying "…");
// such a turn counts as a marker line too.
func markerLine(t transcript.Turn) []string {
	raw := strings.TrimSpace(t.Text)
	if t.Speaker != "" && isMarkerSpeaker(t.Speaker) {
		return []string{raw, t.Speaker, raw}
	}
	return matchMarker(raw)
}

// markerWords are what the marker words of markerRE start with.
var markerWords = []string{"resol", "decis", "decided", "agreed", "outcome", "conclusion", "poll"}

// matchMarker returns markerRE.FindStringSubmatch(s), looking first for a marker word where
// the pattern needs one (see opensWith).
func matchMarker(s string) []string {
	if !opensWith(s, true, markerWords) {
		return nil
	}
	return markerRE.FindStringSubmatch(s)
}

// opensWith is a cheap test that markerRE (bracket true) or proposalRE (bracket false) could
// match s: after the leading space, quote, bullet and emphasis marks those patterns skip (and,
// for markerRE, an opening bracket and space), s goes on with one of words (lower case), in
// any case. Case folding also matches the long s and the Kelvin sign to "s" and "k", so a
// string holding one always passes.
func opensWith(s string, bracket bool, words []string) bool {
	i := 0
	for i < len(s) {
		if strings.IndexByte(" \t\n\f\r>*_+-", s[i]) >= 0 {
			i++
		} else if strings.HasPrefix(s[i:], "•") {
			i += len("•")
		} else {
			break
		}
	}
	if bracket && i < len(s) && s[i] == '[' {
		i++
		for i < len(s) && strings.IndexByte(" \t\n\f\r", s[i]) >= 0 {
			i++
		}
	}
	for _, w := range words {
		if hasPrefixFold(s[i:], w) {
			return true
		}
	}
	return foldsToASCII(s)
}

// isMarkerSpeaker reports whether a speaker label is a decision marker misread as a name.
func isMarkerSpeaker(s string) bool {
	switch strings.ToLower(strings.Trim(s, "*_ ")) {
	case "resolved", "resolution", "resolutions", "decision", "decisions", "decided", "agreed":
		return true
	}
	return false
}

// proposalLine returns the text of a turn that puts a proposal to the group ("PROPOSAL: …"),
// also when a parser read the marker as a speaker.
func proposalLine(t transcript.Turn) (string, bool) {
	raw := strings.TrimSpace(t.Text)
	switch strings.ToLower(strings.Trim(t.Speaker, "*_ ")) {
	case "proposal", "proposed", "proposed resolution":
		return trimDecoration(raw), true
	}
	if !opensWith(raw, false, []string{"propos"}) {
		return "", false
	}
	if mk := proposalRE.FindStringSubmatch(raw); mk != nil {
		return trimDecoration(mk[1]), true
	}
	return "", false
}

// itemText is the decision in a list item: the line without its bullet and emphasis, and
// without a leading marker such as "[Resolution #1](#resolution1):".
func itemText(raw string) string {
	if mk := matchMarker(raw); mk != nil && trimDecoration(mk[2]) != "" {
		return trimDecoration(mk[2])
	}
	s := strings.TrimSpace(raw)
	s = strings.TrimLeft(s, ">*_+-• \t")
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		s = s[i+1:]
	}
	return trimDecoration(s)
}

// isNone reports whether a list item says there is nothing ("None", "n/a").
func isNone(s string) bool {
	switch strings.ToLower(strings.Trim(s, ".!*_ \t")) {
	case "", "none", "n/a", "na", "nothing", "-", "tbd", "none yet", "no decisions", "text":
		return true
	}
	return false
}

// bareResolution reports whether the text after "RESOLVED" only says the proposal passed
// ("no apparent dissent", "+1", "unanimous"), so that the decision is the proposal itself.
func bareResolution(rest string) bool {
	r := strings.ToLower(strings.Trim(rest, ".!*_ \t()"))
	if r == "" {
		return true
	}
	for _, p := range []string{"no apparent", "no dissent", "no discent", "no objection", "unanimous", "+1", "approved", "consensus", "passed", "agreed", "carried", "without objection"} {
		if strings.HasPrefix(r, p) {
			return true
		}
	}
	return false
}

// precedingProposal finds the proposal a bare "RESOLVED" at turn i adopts: the text of the
// nearest "PROPOSAL: …" line among the five turns before it.
func precedingProposal(m *transcript.Meeting, i int) (string, int) {
	for j := i - 1; j >= 0 && j >= i-5; j-- {
		if p, ok := proposalLine(m.Turns[j]); ok {
			return p, j
		}
	}
	return "", -1
}

// namedDecider returns the attendee a marker line names as decider, in a trailing
// "(Name)", or "".
func namedDecider(m *transcript.Meeting, text string) string {
	text = strings.TrimRight(text, " .*_")
	if !strings.HasSuffix(text, ")") {
		return ""
	}
	k := strings.LastIndex(text, "(")
	if k < 0 {
		return ""
	}
	name := strings.TrimSpace(text[k+1 : len(text)-1])
	for _, p := range m.Attendees {
		if strings.EqualFold(p.Name, name) {
			return p.Name
		}
		for _, a := range p.Aliases {
			if strings.EqualFold(a, name) {
				return p.Name
			}
		}
	}
	return ""
}

// phrasedDecision reads a decision out of a sentence that says one was made, returning the
// choice: the rest of the sentence after the phrase ("we decided to drop IE11" -> "drop
// IE11", "let's go with Postgres" -> "Postgres"), from the verb for "we will use".
func phrasedDecision(s string) (string, bool) {
	if isQuestion(s) {
		return "", false
	}
	lower := asciiLower(s)
	return phrasedDecisionLower(s, lower, decisionHints.find(lower))
}

// phrasedDecisionLower is phrasedDecision of s, which is not a question, given lower, its
// asciiLower, and hints, the decisionHints of lower.
func phrasedDecisionLower(s, lower string, hints uint32) (string, bool) {
	if hints&hintPhrased == 0 {
		return "", false
	}
	loc := findPhrase(lower)
	if loc == nil {
		return "", false
	}
	phrase := lower[loc[2]:loc[3]]
	before := lower[:loc[0]]
	if mayDeny(before) && notDecisionRE.MatchString(before) || mayDeny(phrase) && notDecisionRE.MatchString(phrase) {
		return "", false
	}
	rest := s[loc[1]:]
	lowRest := strings.ToLower(rest)
	if strings.HasPrefix(lowRest, "disagree") || strings.HasPrefix(lowRest, "revisit") {
		return "", false
	}
	// The words right after the phrase may still negate or hedge it ("we agree not to…" is
	// a decision; "we agree it might…" is not).
	if isHedge(firstWords(lower[loc[1]:], 2)) || (hints&hintEarlier != 0 && reportsPast(lower)) {
		return "", false
	}
	if strings.HasSuffix(phrase, "use") {
		rest = s[loc[3]-len("use"):]
	}
	if at := reasonClauseAt(rest); at > 0 {
		// "push the release to December because the SDK isn't certified": the choice is
		// before the reason; the reason is found by rationale.
		rest = rest[:at]
	}
	rest = strings.TrimRight(strings.TrimSpace(rest), ".!;:,")
	if countWords(rest) < 1 {
		return "", false
	}
	return rest, true
}

// phraseAnchored is phraseRE anchored at the start of its input, for findPhrase.
var phraseAnchored = regexp.MustCompile(`^(?:` + phraseRE.String() + `)`)

// phraseStarts are what every branch of phraseRE starts with.
var phraseStarts = indexByFirst("we decided", "we've decided", "we have decided", "we go with", "we're going",
	"we are going", "we'll go with", "we will go with", "we agree", "we all agree", "we will use", "we'll use",
	"it's decided", "it is decided", "it was decided", "it has been decided", "let's go with",
	"let us go with", "then we go with", "and we go with", "so we go with", "okay we go with",
	"okay, we go with", "ok we go with", "ok, we go with", "agreed to", "the final call", "final call",
	"the decision is", "going forward")

// findPhrase returns the submatch indexes of the first match of phraseRE in lower, as
// phraseRE.FindStringSubmatchIndex does. Every branch of the pattern starts with a letter
// after \b, so a match starts at a word start, and with one of phraseStarts: the anchored
// pattern is tried only there. Anchored at a later start, the branch "^we go with" matches
// where phraseRE does not (no other branch reads "we go with"), so such a match is passed by.
func findPhrase(lower string) []int {
	for p := 0; p < len(lower); p++ {
		if p > 0 && isWordByte(lower[p-1]) || !phraseStarts.startsWith(lower[p:]) {
			continue
		}
		loc := phraseAnchored.FindStringSubmatchIndex(lower[p:])
		if loc == nil || p > 0 && lower[p+loc[2]:p+loc[3]] == "we go with" {
			continue
		}
		for k := range loc {
			if loc[k] >= 0 {
				loc[k] += p
			}
		}
		return loc
	}
	return nil
}

// denyWords hold, between them, every word of notDecisionRE: mayDeny looks for them first.
var denyWords = []string{"propos", "suggest", "maybe", "perhaps", "if", "how about", "unless", "whether",
	"would", "could", "might", "suppose", "assuming", "in case", "not", "never", "n't", "undecided", "disagree"}

// mayDeny is a cheap test that notDecisionRE could match lower: it holds one of denyWords.
func mayDeny(lower string) bool {
	return containsAny(lower, denyWords...)
}

// isHedge reports whether hedgeRE matches lower, looking for its words first.
func isHedge(lower string) bool {
	return containsAny(lower, "might", "maybe", "perhaps", "could", "would") && hedgeRE.MatchString(lower)
}

// pastPhrases are the phrases of pastRE.
var pastPhrases = indexByFirst("last week", "last time", "last meeting", "last call", "last month", "previously",
	"earlier this year", "earlier this month")

// reportsPast reports whether pastRE matches lower: whether one of pastPhrases stands in it as
// words of their own.
func reportsPast(lower string) bool {
	return pastPhrases.inWords(lower)
}

// byFirst holds phrases of lower-case ASCII, each starting with a letter, grouped by that
// letter.
type byFirst [26][]string

// indexByFirst groups phrases by their first letter.
func indexByFirst(phrases ...string) *byFirst {
	var b byFirst
	for _, p := range phrases {
		b[p[0]-'a'] = append(b[p[0]-'a'], p)
	}
	return &b
}

// startsWith reports whether s starts with one of the phrases.
func (b *byFirst) startsWith(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for _, p := range b[s[0]-'a'] {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// inWords reports whether one of the phrases, each ending with a letter, stands in s with a
// word boundary (\b) on both sides, as the pattern \b(phrase|…)\b matches: it starts a word
// of s and ends where a word does.
func (b *byFirst) inWords(s string) bool {
	for k := 0; k < len(s); {
		c := s[k]
		if !isWordByte(c) {
			k++
			continue
		}
		if c >= 'a' && c <= 'z' {
			for _, p := range b[c-'a'] {
				if strings.HasPrefix(s[k:], p) && (k+len(p) == len(s) || !isWordByte(s[k+len(p)])) {
					return true
				}
			}
		}
		for k < len(s) && isWordByte(s[k]) {
			k++
		}
	}
	return false
}

// reasonClauseRE matches where a reason clause starts inside a decision sentence.
var reasonClauseRE = regexp.MustCompile(`(?i),?\s+(?:because|since|so that|given that|due to|in order to)\b`)

// reasonClauseWords are the words that open a reason clause (see reasonClauseRE).
var reasonClauseWords = []string{"because", "since", "so that", "given that", "due to", "in order to"}

// reasonClauseAt returns where reasonClauseRE first matches s, or -1. The pattern needs one of
// reasonClauseWords at the start of a word, so it runs only when mayStartWord finds one.
func reasonClauseAt(s string) int {
	if !mayStartWord(s, reasonClauseWords) {
		return -1
	}
	if loc := reasonClauseRE.FindStringIndex(s); loc != nil {
		return loc[0]
	}
	return -1
}

// firstWords returns the first n words of s, as strings.Fields splits them, joined by a
// space; it reads no further into s than it needs to.
func firstWords(s string, n int) string {
	if n <= 0 {
		return ""
	}
	f := make([]string, 0, n)
	start := -1
	for i, r := range s {
		if !unicode.IsSpace(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if f = append(f, s[start:i]); len(f) == n {
				return strings.Join(f, " ")
			}
			start = -1
		}
	}
	if start >= 0 {
		f = append(f, s[start:])
	}
	return strings.Join(f, " ")
}

// decisionWindow lists the turns around turn i where a decision's reason may be given, nearest
// first: its own turn, then up to three after and two before.
func decisionWindow(m *transcript.Meeting, i int) []int {
	out := []int{i}
	for _, d := range []int{1, -1, 2, -2, 3} {
		j := i + d
		if j < 0 || j >= len(m.Turns) || headingBetween(m, i, j) {
			continue
		}
		out = append(out, j)
	}
	return out
}

// headingBetween reports whether a section heading of notes lies between turns i and j (or is
// j): a reason under another heading belongs to another topic.
func headingBetween(m *transcript.Meeting, i, j int) bool {
	lo, hi := min(i, j), max(i, j)
	for k := lo; k <= hi; k++ {
		if k != i && m.Turns[k].Heading {
			return true
		}
	}
	return false
}

// turnFacts holds what the decision rules learn about each turn, worked out once per turn
// however many decisions sit near it.
type turnFacts struct {
	m *transcript.Meeting
	// x is the shared reading of the turns: their sentences and questions.
	x *meetingText
	// said holds, for each sentence of each turn, what the rules work out about it (see
	// sentenceFacts); nil until looked at.
	said [][]sentenceFacts
	// reasons are the sentences of each turn that state a reason (see look); nil until looked
	// at.
	reasons [][]string
	// alt is 1 when a turn mentions alternatives, 2 when it does not, 0 until looked at.
	alt []int8
	// args are the sentences of each turn that argue or state a reason (see look); nil until
	// looked at.
	args [][]string
	// words are the topic words of each turn (see topicWords); nil until looked at.
	words [][]string
	// moves is 1 when a turn moves on to another topic, 2 when it does not, 0 until looked at.
	moves []int8
}

func newTurnFacts(x *meetingText) *turnFacts {
	m := x.m
	n := len(m.Turns)
	return &turnFacts{m: m, x: x, said: make([][]sentenceFacts, n), reasons: make([][]string, n), alt: make([]int8, n), args: make([][]string, n), words: make([][]string, n), moves: make([]int8, n)}
}

// sentenceFacts is what the decision rules work out about one sentence of a turn, each fact
// once however many rules ask for it.
type sentenceFacts struct {
	// lower is the sentence's asciiLower, when lowered, and hints its decisionHints.
	lower   string
	lowered bool
	hints   uint32
	// phrased and spoken are whether the sentence is a decision by phrasedDecision and by
	// spokenDecision, with what these return in phrasedText, spokenText and anaphoric.
	phrased, spoken         lazyBool
	phrasedText, spokenText string
	anaphoric               bool
	// reason and argues are statesReason and argues of the sentence.
	reason, argues lazyBool
}

// fact returns the facts of sentence k of turn j.
func (f *turnFacts) fact(j, k int) *sentenceFacts {
	if f.said[j] == nil {
		f.said[j] = make([]sentenceFacts, len(f.x.sentences(j)))
	}
	return &f.said[j][k]
}

// lower returns asciiLower of sentence k of turn j.
func (f *turnFacts) lower(j, k int) string {
	sf := f.fact(j, k)
	if !sf.lowered {
		sf.lower, sf.lowered = f.x.asciiLowered(j, k), true
		sf.hints = decisionHints.find(sf.lower)
	}
	return sf.lower
}

// hints returns the decisionHints of sentence k of turn j.
func (f *turnFacts) hints(j, k int) uint32 {
	f.lower(j, k)
	return f.fact(j, k).hints
}

// proposal returns findProposal of sentence k of turn j.
func (f *turnFacts) proposal(j, k int) []int {
	if f.hints(j, k)&hintProposal == 0 {
		return nil
	}
	return spokenProposalRE.FindStringSubmatchIndex(f.lower(j, k))
}

// phrased returns phrasedDecision of sentence k of turn j.
func (f *turnFacts) phrased(j, k int) (string, bool) {
	sf := f.fact(j, k)
	ok := sf.phrased.is(func() bool {
		if f.x.isQuestion(j, k) {
			return false
		}
		var ok bool
		sf.phrasedText, ok = phrasedDecisionLower(f.x.sentences(j)[k], f.lower(j, k), f.hints(j, k))
		return ok
	})
	return sf.phrasedText, ok
}

// spoken returns spokenDecision of sentence k of turn j.
func (f *turnFacts) spoken(j, k int) (text string, anaphoric, ok bool) {
	sf := f.fact(j, k)
	ok = sf.spoken.is(func() bool {
		if f.x.isQuestion(j, k) {
			return false
		}
		var ok bool
		sf.spokenText, sf.anaphoric, ok = spokenDecisionLower(f.x.sentences(j)[k], f.lower(j, k), f.hints(j, k))
		return ok
	})
	return sf.spokenText, sf.anaphoric, ok
}

// statesReasonAt returns statesReason of sentence k of turn j.
func (f *turnFacts) statesReasonAt(j, k int) bool {
	return f.fact(j, k).reason.is(func() bool { return statesReasonLower(f.lower(j, k)) })
}

// arguesAt returns argues of sentence k of turn j.
func (f *turnFacts) arguesAt(j, k int) bool {
	return f.fact(j, k).argues.is(func() bool { return arguesLower(f.lower(j, k)) })
}

// isDecisionAt reports whether sentence k of turn j states a decision of its own, so that a
// reason in it belongs to that decision.
func (f *turnFacts) isDecisionAt(j, k int) bool {
	if _, ok := f.phrased(j, k); ok {
		return true
	}
	_, _, ok := f.spoken(j, k)
	return ok
}

// argues reports whether sentence s, said in turn j, states a reason or argues (see
// statesReason and argues). A sentence of turn j has its facts worked out once.
func (f *turnFacts) argues(j int, s string) bool {
	if k := slices.Index(f.x.sentences(j), s); k >= 0 {
		return f.statesReasonAt(j, k) || f.arguesAt(j, k)
	}
	return statesReason(s) || argues(s)
}

// reasonsOf returns the sentences of turn j that state a reason, are not questions and are not
// decisions of their own (whose reason is theirs, not a neighbour's).
func (f *turnFacts) reasonsOf(j int) []string {
	f.look(j)
	return f.reasons[j]
}

// look sorts the sentences of turn j that are not questions and not decisions of their own
// into reasons and args, once.
func (f *turnFacts) look(j int) {
	if f.args[j] != nil {
		return
	}
	f.reasons[j], f.args[j] = []string{}, []string{}
	for k, s := range f.x.sentences(j) {
		if f.x.isQuestion(j, k) {
			continue
		}
		r := f.statesReasonAt(j, k)
		if !r && !f.arguesAt(j, k) || f.isDecisionAt(j, k) {
			continue
		}
		f.args[j] = append(f.args[j], s)
		if r {
			f.reasons[j] = append(f.reasons[j], s)
		}
	}
}

// rationale returns the sentence that gives decision c's reason, its own sentence stating
// none: a sentence of the window of turns around it (see decisionWindow), nearest first; ""
// when none does. A reason in a turn of its own is its reason; one in a neighbour's turn must
// be about it (see aboutDecision), and a turn at or beyond another decision belongs to that
// one.
func (f *turnFacts) rationale(c *decisionCandidate, window []int, decided []bool, topic []string) string {
	for _, j := range window {
		own := j == c.turn || j == c.also
		if !own && decisionBetween(decided, c, j) {
			continue
		}
		exchange := own || f.sameExchange(c, j)
		for _, s := range f.reasonsOf(j) {
			if s == c.sentence || !exchange && !f.aboutDecision(j, s, topic) {
				continue
			}
			return s
		}
	}
	return ""
}

// sameExchange reports whether turn j, after decision c, carries on the exchange about it: the
// turns between them only acknowledge it ("OK.", "Fine by me."), so that a reason in turn j
// answers the decision whatever words it uses.
func (f *turnFacts) sameExchange(c *decisionCandidate, j int) bool {
	last := max(c.turn, c.also)
	if j <= last {
		return false
	}
	for k := last + 1; k < j; k++ {
		if !f.acknowledges(k) {
			return false
		}
	}
	return true
}

// acknowledges reports whether turn k only acknowledges what was said: a few words, no question.
func (f *turnFacts) acknowledges(k int) bool {
	return countWords(f.m.Turns[k].Text) <= maxAckWords && !f.hasQuestion(k)
}

// maxAckWords bounds the words of a turn that only acknowledges ("Fine by me.", "OK, sounds good.").
const maxAckWords = 4

// decisionBetween reports whether a turn holding another decision than c lies between c and
// turn j, or is j.
func decisionBetween(decided []bool, c *decisionCandidate, j int) bool {
	lo, hi := min(c.turn, j), max(c.turn, j)
	for k := lo; k <= hi; k++ {
		if decided[k] && k != c.turn && k != c.also {
			return true
		}
	}
	return false
}

// aboutDecision reports whether reason s, said in turn j near a decision on topic, is about
// that decision: s names a word of the topic, or s is a bare reason ("because it's cheaper")
// in a turn that does.
func (f *turnFacts) aboutDecision(j int, s string, topic []string) bool {
	if sharesWord(topicWords(s), topic) {
		return true
	}
	return countWords(s) <= maxBareReasonWords && f.onTopic(j, topic) > 0
}

// maxBareReasonWords bounds a reason short enough to lean on the rest of its turn for its topic.
const maxBareReasonWords = 8

// alternatives reports whether other options or costs were mentioned with a decision: "use X
// over Y" in its own sentence, or "instead of", "rather than", "trade-off", "cost"… in it or
// the window of turns around it.
func (f *turnFacts) alternatives(window []int, sentence string) bool {
	// strings.ToLower and asciiLower differ only on letters other than "over ".
	if strings.Contains(asciiLower(sentence), "over ") && choosesOver(sentence) && !overNotChoiceRE.MatchString(sentence) {
		return true
	}
	if mentionsOption(sentence) {
		return true
	}
	for _, j := range window {
		if f.alt[j] == 0 {
			f.alt[j] = 2
			if mentionsOption(f.m.Turns[j].Text) {
				f.alt[j] = 1
			}
		}
		if f.alt[j] == 1 {
			return true
		}
	}
	return false
}

// statesReason reports whether s gives a reason (see rationaleRE). A scan for the words and
// characters the pattern needs comes first: it is much cheaper than the pattern.
func statesReason(s string) bool {
	return statesReasonLower(asciiLower(s))
}

// The branches of rationaleRE, each matched on its own after a cheap test (see
// statesReasonLower): the reason words, a measure, a sum of money, what customers said.
var (
	reasonPhrases    = indexByFirst("because", "since", "so that", "given", "due to", "as it", "the reason", "that way", "in order to")
	reasonMeasureRE  = regexp.MustCompile(`\d+(?:\.\d+)?\s*(?:%|percent\b|ms\b|milliseconds\b|x (?:faster|slower|cheaper|more|less|fewer)\b|times (?:faster|slower|cheaper|more|less|fewer)\b)`)
	reasonMoneyRE    = regexp.MustCompile(`[$€£]\s?\d`)
	reasonCustomerRE = regexp.MustCompile(`\b(?:customers?|users?|clients?)\s+(?:asked|reported|complained|said|told|want(?:ed)?|requested|need(?:ed)?)\b`)
)

// statesReasonLower is statesReason of a sentence given lower, its asciiLower: whether one of
// the branches of rationaleRE matches, trying each only when lower holds what it needs.
func statesReasonLower(lower string) bool {
	if reasonPhrases.inWords(lower) {
		return true
	}
	if strings.ContainsAny(lower, "0123456789") && (reasonMeasureRE.MatchString(lower) || reasonMoneyRE.MatchString(lower)) {
		return true
	}
	return containsAny(lower, "customer", "user", "client") && reasonCustomerRE.MatchString(lower)
}

// optionPhrases are the phrases of alternativesRE, each spelled out.
var optionPhrases = indexByFirst("instead of", "rather than", "vs", "versus", "alternative", "alternatives", "option",
	"options", "the other approach", "other approaches", "trade-off", "trade-offs", "tradeoff", "tradeoffs",
	"cost", "costs", "downside", "downsides", "at the expense of")

// mentionsOption reports whether s mentions other options or costs: whether alternativesRE
// matches its asciiLower, that is whether one of optionPhrases stands in it as words of their
// own. ("vs." ends in \b only before a letter, when "vs" does too.)
func mentionsOption(s string) bool {
	return optionPhrases.inWords(asciiLower(s))
}

// asciiLower lower-cases the ASCII letters of s and leaves every other byte alone, so that
// offsets into the result are offsets into s. Patterns run on it need no (?i), which makes
// them several times faster.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// containsAny reports whether s contains any of subs.
func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// decisionKey is what two decisions are compared by: their text without case and punctuation,
// and the set of their content words.
type decisionKey struct {
	norm   string
	words  map[string]bool
	marker bool
	// turn is where the decision was found; restated is true once a later restatement of a
	// marker decision has been merged into it.
	turn     int
	restated bool
}

func keyOf(text string) decisionKey {
	k := decisionKey{norm: normalizeSpace(text), words: map[string]bool{}}
	for _, w := range contentWords(text) {
		k.words[w] = true
	}
	return k
}

// mergeDecisions reports a decision found twice (said in the discussion and listed again in a
// summary, or announced in the agenda and recorded in the minutes) once, keeping the first
// wording and collecting the evidence of both; a reason found for either is the merged
// decision's reason.
func mergeDecisions(m *transcript.Meeting, found []decisionCandidate) []Decision {
	out := []Decision{}
	keys := []decisionKey{}
	for _, c := range found {
		k := keyOf(c.d.Decision)
		k.marker, k.turn = c.marker, c.turn
		dup := -1
		for i, prev := range keys {
			if sameDecision(prev, k) && (!(prev.marker && k.marker) || restates(m, prev, k)) {
				dup = i
				break
			}
		}
		if dup < 0 {
			out = append(out, c.d)
			keys = append(keys, k)
			continue
		}
		if keys[dup].marker && k.marker {
			keys[dup].restated = true
		}
		mergeInto(&out[dup], c.d)
	}
	return out
}

// restates reports whether marker decision b says again, in another section of the notes,
// marker decision a: the agenda put a poll, the minutes record it; the body resolved it, the
// summary lists it. Two marker lines with the same words in one section are two decisions (a
// motion put twice), and a decision is restated at most once, so that two such motions
// announced in the agenda still pair with the two in the minutes. A short outcome ("Extra
// time.", "Close.", "Minutes approved.") names no topic of its own: its topic is the section's
// heading, so under another heading it is another decision.
func restates(m *transcript.Meeting, a, b decisionKey) bool {
	return !a.restated && a.norm == b.norm && len(a.words) >= minRestatedWords && a.turn != b.turn && headingBetween(m, a.turn, b.turn)
}

// minRestatedWords is how many content words a marker decision needs for the same words under
// another heading to be the same decision said again.
const minRestatedWords = 4

// mergeInto adds decision c, a restatement, to d: its evidence, its decider when d names none,
// its reason when d states none, its alternatives.
func mergeInto(d *Decision, c Decision) {
	d.Evidence = append(d.Evidence, c.Evidence...)
	if d.DecidedBy == "" {
		d.DecidedBy = c.DecidedBy
	}
	if !d.RationaleStated && c.RationaleStated {
		d.Rationale, d.RationaleStated = c.Rationale, true
	}
	d.AlternativesMentioned = d.AlternativesMentioned || c.AlternativesMentioned
}

// sameDecision reports whether two decisions say the same thing: equal apart from case and
// punctuation, or sharing nearly all of their content words.
func sameDecision(a, b decisionKey) bool {
	if a.norm == b.norm {
		return true
	}
	small, large := len(a.words), len(b.words)
	if small > large {
		small, large = large, small
	}
	if small < 2 {
		return false
	}
	shared := 0
	for w := range b.words {
		if a.words[w] {
			shared++
		}
	}
	return shared*10 >= small*9 && shared*10 >= large*6
}

// normalizeSpace lower-cases s, drops punctuation and collapses runs of space.
func normalizeSpace(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
	}), " ")
}

// cueRE matches, in text lower-cased by asciiLower, the words a speaker opens a conclusion
// with ("okay, then", "yes,", "first decision:"), any number of them. The decision rules
// read what follows.
var cueRE = regexp.MustCompile(`^(?:(?:okay|ok|alright|all right|right|so|fine|good|great|perfect|yes|yeah|yep|and|well|then|first decision|second decision|next decision|last thing|one more thing)\s*[,.:;!—–-]?\s+)+`)

// cueWords are the words cueRE can open with.
var cueWords = []string{"okay", "ok", "alright", "all right", "right", "so", "fine", "good", "great", "perfect",
	"yes", "yeah", "yep", "and", "well", "then", "first decision", "second decision", "next decision",
	"last thing", "one more thing"}

// mayCue is a cheap test that cueRE could match lower: it starts with one of cueWords.
func mayCue(lower string) bool {
	for _, w := range cueWords {
		if strings.HasPrefix(lower, w) {
			return true
		}
	}
	return false
}

// itIsRE matches "Postgres it is": a short choice followed by "it is".
var itIsRE = regexp.MustCompile(`^([a-z0-9][a-z0-9.+-]*(?:\s+[a-z0-9.+-]+){0,2}),?\s+it is[.!]*$`)

// letsRE matches "let's X" at the start of a sentence or after a short lead-in ("for the
// flaky tests, let's…"). Group 1 is "not " when negated, group 2 the verb, group 3 the rest.
var letsRE = regexp.MustCompile(`^(?:[^,]{0,40},\s+)?let(?:'s|’s| us)\s+(not\s+)?([a-z-]+)\b(.*)$`)

// weChoiceRE matches "we do X", "we go with X", "we're moving X", "we're not doing X" after
// a cue. Group 1 is the -ing verb, group 2 the plain verb; group 3 the rest.
var weChoiceRE = regexp.MustCompile(`^(?:[a-z]+,\s+)?we(?:'re|’re| are)\s+(?:not\s+)?([a-z]+ing)\b(.*)$|^(?:[a-z]+,\s+)?we\s+([a-z]+)\b(.*)$`)

// mayChooseWe is a cheap test that weChoiceRE could match lower: it starts with "we", or with
// a word, a comma, space and "we".
func mayChooseWe(lower string) bool {
	i := 0
	for i < len(lower) && lower[i] >= 'a' && lower[i] <= 'z' {
		i++
	}
	if i > 0 && i < len(lower) && lower[i] == ',' {
		j := i + 1
		for j < len(lower) && strings.IndexByte(" \t\n\f\r", lower[j]) >= 0 {
			j++
		}
		if j > i+1 && strings.HasPrefix(lower[j:], "we") {
			return true
		}
	}
	return strings.HasPrefix(lower, "we")
}

// policyRE matches the words that turn a statement into a standing rule.
var policyRE = regexp.MustCompile(`\b(?:from now on|from here on|going forward(?: with)?|starting (?:next|this|on|from|tomorrow|today|monday|tuesday|wednesday|thursday|friday|january|february|march|april|may|june|july|august|september|october|november|december)|as of (?:today|now|next|monday|tomorrow))\b`)

// agreedRE matches "agreed: X" or "decision: X" said by a speaker after a cue.
var agreedRE = regexp.MustCompile(`^(?:agreed|decided|decision|resolved|final answer)\s*[:—–]\s*(.+)$`)

// agreedCommaRE matches "Agreed, start fresh…": assent followed by the choice itself, in the
// imperative. Group 1 is the first word after the comma.
var agreedCommaRE = regexp.MustCompile(`^agreed,\s+([a-z-]+)\b`)

// planRE matches "the plan is X".
var planRE = regexp.MustCompile(`^(?:so\s+)?the plan is(?:\s+to|\s+that)?:?\s+(.+)$`)

// scopeRE matches a statement that puts something in or out of a plan, moves it, or accepts
// it: "both go in", "annotations are out of the beta", "pricing moves to Q2", "the report is
// accepted".
var scopeRE = regexp.MustCompile(`\b(?:goes in\b|goes into (?:the |this )?(?:next |same |current )?(?:sprint|release|backlog|plan|roadmap|quarter|milestone|version)|(?:both|all) go in|goes ahead|(?:is|are) out of (?:the |this )?(?:beta|release|sprint|plan|launch|quarter|roadmap|first version|v1)|moves? to (?:q[1-4]|next (?:sprint|quarter|year|release))|slips? to (?:q[1-4]|next)|(?:is|are) (?:accepted|approved|adopted|carried)(?:[^ a-z]| [^t]| t[^o]|$))`)

// settledRE matches notes that report the group's choice: "the group settled on the brewery".
var settledRE = regexp.MustCompile(`\b(?:we|team|group|everyone|board|committee|they)\b[^,.;]{0,20}?\b(?:settled on|went with|opted for|landed on|chose)\s+(.+)$`)

// hedged reports whether lower-cased text is a wish, a condition or a hedge rather than a
// decision: it holds "if", "would", "maybe", "I think"…
func hedged(lower string) bool {
	if containsAny(lower, "how about", "i guess", "i think", "in case") {
		return true
	}
	// The words are the runs of letters a to z and apostrophes; every other byte, the bytes of
	// other characters among them, parts them.
	for i := 0; i < len(lower); {
		if !hedgeByte(lower[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(lower) && hedgeByte(lower[j]) {
			j++
		}
		switch lower[i:j] {
		case "if", "unless", "whether", "would", "could", "might", "maybe", "perhaps", "should",
			"probably", "i'd", "wonder", "suppose", "assuming":
			return true
		}
		i = j
	}
	return false
}

// hedgeByte reports whether c belongs to a word as hedged reads words.
func hedgeByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c == '\''
}

// notChoiceVerb reports whether a verb after "let's" or "we" says how the meeting runs, or a
// state, rather than a choice ("let's move on", "we know", "we're recording").
func notChoiceVerb(v string) bool {
	switch v {
	case "start", "begin", "get", "go", "move", "look", "talk", "discuss", "come", "circle",
		"wrap", "hold", "take", "revisit", "park", "table", "hear", "see", "check", "think",
		"try", "say", "recap", "review", "jump", "turn", "switch", "continue", "pick", "focus",
		"skip", "have", "chat", "sync", "follow", "catch", "be", "let", "hope", "wait", "call",
		"touch", "cover", "finish", "end", "assume", "agree", "find", "figure", "hand", "give",
		"welcome", "thank", "dive", "walk", "know", "need", "want", "feel", "like", "love",
		"hate", "can", "could", "should", "would", "might", "must", "may", "will", "shall",
		"are", "were", "was", "is", "had", "has", "got", "lost", "did", "saw", "went", "said",
		"sent", "found", "made", "took", "spent", "knew", "thought", "told", "ran", "came",
		"gave", "left", "only", "just", "still", "already", "all", "both", "really", "also",
		"don't", "didn't", "won't", "can't", "do not", "mean", "understand", "agreed", "decided",
		"seeing", "hearing", "thinking", "getting", "talking", "looking", "waiting", "trying",
		"working", "running", "missing", "losing", "having", "recording", "starting", "hoping",
		"planning", "expecting", "asking", "saying", "wondering", "struggling", "sharing",
		"presenting", "reviewing", "discussing", "going", "coming", "being", "doing well",
		"seeing it", "aiming", "considering", "leaning", "tracking", "waiting on", "blocked",
		"done", "out", "at", "over", "here", "back", "good", "fine", "ready", "live", "ok",
		"okay", "close", "almost", "nearly", "currently", "usually", "always", "never", "often",
		"show", "tested", "used", "use", "keep it", "learn", "stop by", "own", "play", "vote",
		"state", "read", "concentrate", "coordinate", "make", "decide", "run", "separate", "put",
		"open", "document", "each", "first", "now", "remember", "note", "clarify", "reconvene",
		"complicate", "mix", "confuse", "worry", "rush", "overthink", "argue", "debate",
		"count", "create", "focus on", "spend", "step", "do", "sit", "sleep", "shelve", "punt", "defer":
		return true
	}
	return false
}

// mannerVerb reports whether a verb after "let's not" says how the group should talk or think
// ("let's not complicate…", "let's not go into…") rather than what it chooses not to do.
func mannerVerb(v string) bool {
	switch v {
	case "complicate", "mix", "confuse", "conflate", "worry", "rush", "overthink", "argue", "debate",
		"go", "get", "dwell", "spend", "panic", "bikeshed", "to":
		return true
	}
	return false
}

// choiceVerb reports whether an -ing verb after "we're" makes a choice ("we're moving
// stand-up to 9:45", "we're dropping the PDF rework") rather than describing what the group
// is doing ("we're listing requirements").
func choiceVerb(v string) bool {
	switch v {
	case "moving", "shipping", "doing", "making", "switching", "dropping", "keeping", "sticking",
		"crediting", "cutting", "pausing", "postponing", "delaying", "launching", "skipping",
		"hiring", "offering", "adopting", "changing", "pushing", "releasing", "removing",
		"killing", "sunsetting", "deprecating", "freezing", "canceling", "cancelling", "scrapping",
		"shelving", "splitting", "merging", "buying", "building", "choosing", "picking":
		return true
	}
	return false
}

// spokenDecision reads a decision out of a sentence phrased the way people settle things in a
// conversation: "Postgres it is", "let's drop X", "then we move the beta", "we're moving
// stand-up to 9:45", "from now on X", "agreed: X", "the plan is X", "both go in", "then the
// report is accepted". It returns the choice, and anaphoric true when the sentence only points
// at a choice made elsewhere ("let's do it").
func spokenDecision(s string) (text string, anaphoric, ok bool) {
	if isQuestion(s) {
		return "", false, false
	}
	lower := strings.TrimSpace(asciiLower(s))
	return spokenDecisionLower(s, lower, decisionHints.find(lower))
}

// spokenDecisionLower is spokenDecision of s, which is not a question, given lower, its
// asciiLower with the surrounding space trimmed, and hints, the decisionHints of lower.
func spokenDecisionLower(s, lower string, hints uint32) (text string, anaphoric, ok bool) {
	lower = strings.TrimSpace(lower)
	trimmed := strings.TrimSpace(s)
	if hints&hintPast != 0 && reportsPast(lower) {
		return "", false, false
	}
	cue := ""
	if mayCue(lower) {
		if loc := cueRE.FindStringIndex(lower); loc != nil {
			cue = lower[:loc[1]]
		}
	}
	// A decision marker said aloud comes first: "Okay, agreed: no progress bar".
	rest, lowRest := trimmed[len(cue):], lower[len(cue):]
	if m := agreedRE.FindStringSubmatchIndex(lowRest); m != nil {
		return cleanChoice(rest[m[2]:]), false, true
	}
	if strings.HasSuffix(strings.TrimSpace(cue), "decision:") {
		return cleanChoice(rest), false, countWords(rest) >= 2
	}
	if m := agreedCommaRE.FindStringSubmatch(lowRest); m != nil {
		switch m[1] {
		case "the", "that", "this", "it", "we", "i", "you", "they", "but", "and", "so",
			"though", "with", "on", "totally", "completely", "absolutely", "thanks", "let's":
		default:
			if countWords(rest) >= 4 && !hedged(lowRest) {
				return cleanChoice(rest[len("agreed,"):]), false, true
			}
		}
	}
	if text, ok := pickedWinner(rest, lowRest); ok {
		return text, false, true
	}
	if hedged(lowRest) || strings.HasPrefix(lowRest, "i ") || strings.HasPrefix(lowRest, "i'") {
		return "", false, false
	}
	if !strings.Contains(lowRest, "it is") {
		// Not "X it is".
	} else if m := itIsRE.FindStringSubmatch(lowRest); m != nil {
		switch strings.Fields(m[1])[0] {
		case "that", "this", "what", "whatever", "here", "there", "where", "how", "as", "which",
			"who", "it", "such", "so", "yes", "no", "i", "because", "whoever", "wherever":
		default:
			return cleanChoice(rest[:len(m[1])]), false, true
		}
	}
	if !strings.Contains(lowRest, "let") {
		// Not "let's X".
	} else if m := letsRE.FindStringSubmatchIndex(lowRest); m != nil {
		verb := lowRest[m[4]:m[5]]
		after := strings.TrimSpace(lowRest[m[6]:m[7]])
		negated := m[2] >= 0
		switch {
		case negated && (verb == "let" || verb == "forget" || mannerVerb(verb)):
			// "let's not overthink it", "let's not mix up X with Y": how to talk, not a choice.
		case !negated && verb != "do" && notChoiceVerb(verb), verb == "keep" && strings.HasPrefix(after, "it"):
		case strings.Contains(after, "o'clock") || (after != "" && after[0] >= '0' && after[0] <= '9'):
			// "let's do two o'clock": a time to meet, not a decision of the meeting.
		case isPointer(after):
			if verb == "do" {
				return "", true, true
			}
		case negated:
			return cleanChoice(rest[m[2]:]), false, true
		default:
			return cleanChoice(rest[m[4]:]), false, true
		}
		return "", false, false
	}
	if !mayChooseWe(lowRest) {
		// Not "we do X".
	} else if m := weChoiceRE.FindStringSubmatchIndex(lowRest); m != nil {
		var verb, after string
		if m[2] >= 0 {
			verb, after = lowRest[m[2]:m[3]], lowRest[m[4]:m[5]]
		} else {
			verb, after = lowRest[m[6]:m[7]], lowRest[m[8]:m[9]]
		}
		// A plain "we do X" needs a cue ("then we do X"): without one it mostly describes.
		plain := m[2] < 0
		if (choiceVerb(verb) || plain && (verb == "do" || !notChoiceVerb(verb))) && !notChoiceVerb(strings.Trim(firstWords(after, 1), ".,!")) &&
			!(plain && (cue == "" || strings.HasSuffix(verb, "ed") || strings.HasSuffix(verb, "ing"))) &&
			countWords(after) >= 1 && !strings.Contains(lowRest, "n't ") {
			if !plain || !strings.Contains(lowRest, " not ") {
				return cleanChoice(rest), false, true
			}
		}
	}
	if strings.HasPrefix(cue, "then ") && countWords(rest) >= 4 && strings.HasSuffix(lowRest, ".") && !strings.HasSuffix(lowRest, "..") {
		w := strings.ReplaceAll(strings.Trim(firstWords(lowRest, 1), ".,!"), "’", "'")
		switch w {
		case "i", "i'll", "i'd", "i'm", "you", "you'll", "you're", "there", "there's", "that's",
			"this", "we're", "we'll", "no", "nothing", "it's", "please", "thanks", "thank", "we",
			"let's", "he", "she", "they", "he'll", "she'll", "they'll", "maybe", "to", "doesn't",
			"don't", "we've", "if":
		default:
			if !containsAny(lowRest, " can ", " will ", " won't ") {
				return cleanChoice(rest), false, true
			}
		}
	}
	if !strings.Contains(lowRest, "plan is") {
		// Not "the plan is X".
	} else if m := planRE.FindStringSubmatchIndex(lowRest); m != nil && !containsAny(lowRest, "plan today", "plan for today", "plan for this") {
		return cleanChoice(rest[m[2]:]), false, true
	}
	if hints&hintPolicy != 0 && containsAny(lowRest, policyWords...) {
		if pm := policyRE.FindString(lowRest); pm != "" && !strings.HasSuffix(pm, " with") {
			return cleanChoice(rest), false, true
		}
	}
	if hints&hintScope != 0 && containsAny(lowRest, scopeWords...) && scopeRE.MatchString(lowRest) {
		return cleanChoice(rest), false, true
	}
	if hints&hintSettled == 0 || !containsAny(lowRest, settledWords...) {
		return "", false, false
	}
	if m := settledRE.FindStringSubmatchIndex(lowRest); m != nil {
		return cleanChoice(rest[m[2]:]), false, true
	}
	return "", false, false
}

// winnersRE matches, in lower-cased text, "X are the winners": the option a group picked
// among several ("looks like wpub and pwpub are the winners"). Group 1 is the option.
var winnersRE = regexp.MustCompile(`^(?:(?:so|okay|ok|well|looks like|it looks like|seems like)[, ]+)*(.+?)\s+(?:are|is) the (?:clear )?winners?\b`)

// pickedWinner reads the option out of a sentence that names the winner of a choice (see
// winnersRE); rest is the sentence after its cue words, lowRest its asciiLower.
func pickedWinner(rest, lowRest string) (string, bool) {
	if !strings.Contains(lowRest, "winner") || hedged(lowRest) {
		return "", false
	}
	if m := winnersRE.FindStringSubmatchIndex(lowRest); m != nil {
		return cleanChoice(rest[m[2]:m[3]]), true
	}
	return "", false
}

// isPointer reports whether the object of "let's do…" only points at a choice made elsewhere.
func isPointer(after string) bool {
	switch strings.Trim(after, ".! ") {
	case "", "it", "that", "this", "so", "it then", "that then", "both":
		return true
	}
	return false
}

// cleanChoice trims the space and closing punctuation off a decision's text.
func cleanChoice(s string) string {
	return strings.TrimRight(strings.TrimSpace(s), ".!;:,")
}

// prevSpeakerTurn returns the nearest turn before i with a speaker, or -1.
func prevSpeakerTurn(m *transcript.Meeting, i int) int {
	for j := i - 1; j >= 0; j-- {
		if m.Turns[j].Speaker != "" {
			return j
		}
	}
	return -1
}

// nextSpeakerTurn returns the nearest turn after i with a speaker, or -1.
func nextSpeakerTurn(m *transcript.Meeting, i int) int {
	for j := i + 1; j < len(m.Turns); j++ {
		if m.Turns[j].Speaker != "" {
			return j
		}
	}
	return -1
}

// proposalRE matches, in lower-cased text, a sentence that puts a choice to the group in the
// speaker's own name: "I'd like to mute the test merchants", "I propose we fund…", "I'd say we
// stop the line". Group 1 is the choice.
var spokenProposalRE = regexp.MustCompile(`^(?:(?:so|okay|ok|and|then|well)[, ]+)?(?:for [^,]{1,40},\s+)?(?:i'd like to|i would like to|i'd want to|i want to|i propose (?:that )?(?:we )?|i'd propose (?:that )?(?:we )?|i suggest (?:that )?(?:we )?|i'd suggest (?:that )?(?:we )?|i'd say we|i say we|my proposal is(?: to| that)?|i'd rather(?: we)?|i'd start|i'd go with|i'd vote (?:for|to)|we could)\s*(.+)$`)

// speechActRE matches what follows "I'd like to" when it announces talk, not a choice ("I'd
// like to point out…", "I'd like to ask…").
var speechActRE = regexp.MustCompile(`^(?:point|say|mention|add|note|ask|remind|thank|welcome|share|show|clarify|understand|know|hear|see|discuss|talk|propose|raise|flag|comment|respond|reply|follow up|go back|echo|agree|disagree|hear|understand|get)\b`)

// callForAssentRE matches a question that asks the group to assent to what was just said.
var callForAssentRE = regexp.MustCompile(`^(?:(?:so|okay|ok|and)[, ]+)?(?:agreed|all in favou?r|any objections?|any strong objections?|objections|everyone (?:ok|okay|good|happy) with (?:that|this)|does everyone agree|are we agreed|are we all agreed|sound good|sounds good|ok with everyone|okay with everyone|any concerns)\??$`)

// groupChoiceRE matches a question that puts a choice to the group: "should we drop X?", "can
// we squeeze in X?", "do we want X?", "are we keeping X or Y?", "is X going behind a flag?",
// "can I tell them X?". Group 1 is the verb of an "are we …ing" question.
var groupChoiceRE = regexp.MustCompile(`^(?:(?:so|okay|ok|and|also|then|but)[, ]+)?(?:should we|shall we|can we|could we|do we want|are we (?:going to|gonna)|are we ([a-z]+ing)|is (?:the|it|this|that) [^?]{0,40}\bgoing|can i|may i)\b`)

// assentRE matches, in lower-cased text, the opening of a reply that agrees to a proposal.
var assentRE = regexp.MustCompile(`^(?:yes|yep|yeah|agreed|agree|sounds good|works for me|fine by me|fine with me|i'm for that|i'm in|in favou?r|\+1|none from me|no objections?|makes sense|happy with that|go ahead|let's do it|i'm fine with that|i support|i like (?:the|that|it|this))\b`)

// assentStarts are what every branch of assentRE starts with.
var assentStarts = []string{"yes", "yep", "yeah", "agree", "sounds good", "works for me", "fine by me", "fine with me",
	"i'm for that", "i'm in", "in favo", "+1", "none from me", "no objection", "makes sense", "happy with that",
	"go ahead", "let's do it", "i'm fine with that", "i support", "i like "}

// isAssent reports whether assentRE matches lower, which must start with one of assentStarts.
func isAssent(lower string) bool {
	for _, w := range assentStarts {
		if strings.HasPrefix(lower, w) {
			return assentRE.MatchString(lower)
		}
	}
	return false
}

// proposalWords hold, between them, every branch of spokenProposalRE that names the proposal.
var proposalWords = []string{"i'd ", "i would like to", "i want to", "i propose ", "i suggest ", "i say we",
	"my proposal is", "we could"}

// Words a sentence holds one of before a decision rule's pattern is tried on it, found in one
// pass by decisionHints.
var (
	// phrasedWords are in every sentence phrasedDecision reads as a decision.
	phrasedWords = []string{"decid", "go with", "going with", "agree", "final call", "decision", "use", "going forward"}
	// earlierWords and pastWords are in every sentence reportsPast is asked about by
	// phrasedDecision and by spokenDecision.
	earlierWords = []string{"last ", "previous", "earlier"}
	pastWords    = []string{"last ", "previous", "earlier", "ago", "yesterday"}
	// policyWords, scopeWords and settledWords are in every sentence (after its cue) that
	// spokenDecision reads as a policy ("from now on…"), a change of scope ("X is out of
	// scope") or a settled choice ("we went with X").
	policyWords  = []string{"from now", "from here", "going forward", "starting ", "as of "}
	scopeWords   = []string{"goes ", "go in", "out of", "move", "slip", "accepted", "approved", "adopted", "carried"}
	settledWords = []string{"settled on", "went with", "opted for", "landed on", "chose"}
)

// The lists decisionHints finds, as the bits of its answer.
const (
	hintPhrased = 1 << iota
	hintEarlier
	hintPast
	hintProposal
	hintPolicy
	hintScope
	hintSettled
)

// decisionHints indexes the word lists above in the order of the hint bits.
var decisionHints = newHintIndex(phrasedWords, earlierWords, pastWords, proposalWords, policyWords, scopeWords, settledWords)

// findProposal returns spokenProposalRE.FindStringSubmatchIndex(lower), looking first for the
// words the pattern needs (see proposalWords).
func findProposal(lower string) []int {
	if !containsAny(lower, proposalWords...) {
		return nil
	}
	return spokenProposalRE.FindStringSubmatchIndex(lower)
}

// agreedProposals finds the decisions made by proposal and assent across turns: a proposal
// ("I'd like to X", "So X. Agreed?") that the next speaker agrees to, or a choice put to the
// group as a question ("Should we drop X?") that the next speaker settles ("Yes, X is out").
// A proposal settled explicitly in the turns that follow is left to that explicit decision.
func agreedProposals(f *turnFacts, found []decisionCandidate) []decisionCandidate {
	m, x := f.m, f.x
	var out []decisionCandidate
	decided := make([]bool, len(m.Turns))
	for _, c := range found {
		decided[c.turn] = true
	}
	hasDecision := func(from, to int) bool {
		return slices.Contains(decided[from:min(to+1, len(decided))], true)
	}
	for i, t := range m.Turns {
		if t.Speaker == "" {
			continue
		}
		j := nextSpeakerTurn(m, i)
		if j < 0 || m.Turns[j].Speaker == t.Speaker {
			continue
		}
		reply := x.sentences(j)
		if len(reply) == 0 {
			continue
		}
		lowReply := strings.TrimSpace(f.lower(j, 0))
		sentences := x.sentences(i)
		if len(sentences) == 0 || hasDecision(i, i) {
			continue
		}
		last := sentences[len(sentences)-1]
		lowLast := strings.TrimSpace(f.lower(i, len(sentences)-1))
		assent := isAssent(lowReply) && !strings.Contains(lowReply, " but ")

		// "So the goal is X. Agreed?" / "I'd like to X. Any objections?"
		if len(sentences) >= 2 && callForAssentRE.MatchString(lowLast) && assent {
			p := sentences[len(sentences)-2]
			text := cleanChoice(p)
			if mm := f.proposal(i, len(sentences)-2); mm != nil {
				text = cleanChoice(p[mm[2]:])
			}
			out = append(out, agreedCandidate(m, i, j, text, p, reply[0]))
			continue
		}
		// "I'd like to X." "Works for me."
		for k, s := range sentences {
			lower := strings.TrimSpace(f.lower(i, k))
			mm := f.proposal(i, k)
			if mm == nil || x.isQuestion(i, k) || strings.Contains(lower, "if ") || strings.Contains(lower, "unless") || speechActRE.MatchString(lower[mm[2]:]) {
				continue
			}
			switch {
			case !assent:
			case hasDecision(i+1, i+3):
				// Settled explicitly just after: the proposal is that decision's evidence.
				for k := range found {
					if found[k].turn > i && found[k].turn <= i+3 && !found[k].marker {
						found[k].d.Evidence = append(found[k].d.Evidence, EvidenceFor(t, s))
						break
					}
				}
			default:
				out = append(out, agreedCandidate(m, i, j, cleanChoice(s[mm[2]:]), s, reply[0]))
			}
			break
		}
		// "Should we drop X?" "Yes, X is out of the beta."
		if !x.isQuestion(i, len(sentences)-1) || hasDecision(i+1, i+3) || containsAny(lowReply, " will ", "'ll ") {
			continue
		}
		g := groupChoiceRE.FindStringSubmatch(lowLast)
		if g == nil {
			continue
		}
		settled := isAssent(lowReply) || strings.HasPrefix(lowReply, "no ") || strings.HasPrefix(lowReply, "no,") ||
			(g[1] != "" && strings.HasPrefix(lowReply, g[1]))
		if !settled || strings.HasPrefix(lowReply, "no idea") || strings.Contains(lowReply, " but ") {
			continue
		}
		text := cleanChoice(reply[0])
		if k := strings.IndexAny(text, ",.!"); k >= 0 && isAssent(lowReply) {
			text = strings.TrimSpace(text[k+1:])
		}
		if countWords(text) < 2 {
			text = cleanChoice(last)
		}
		out = append(out, agreedCandidate(m, j, i, text, reply[0], last))
	}
	return out
}

// agreedCandidate builds a decision found in two turns: the one at turn i (quoting qi) and
// the one at turn j (quoting qj). The decider is the speaker of turn i.
func agreedCandidate(m *transcript.Meeting, i, j int, text, qi, qj string) decisionCandidate {
	d := Decision{Decision: text, DecidedBy: m.Turns[i].Speaker,
		Evidence: []Evidence{EvidenceFor(m.Turns[i], qi), EvidenceFor(m.Turns[j], qj)}}
	return decisionCandidate{d: d, turn: i, sentence: qi, also: j}
}

// adminRE matches, in lower-cased text, a decision that only takes note of the meeting's own
// paperwork: minutes approved, a report accepted. The discussion of the report is its content,
// not a reason for accepting it.
var adminRE = regexp.MustCompile(`\b(?:minutes|reports?|agenda|accounts)\b.*\b(?:approved|accepted|adopted|received|noted)\b|\b(?:approve|accept|adopt|receive)s? the\b.*\b(?:minutes|reports?|agenda|accounts)\b`)

// maxArgueBack bounds how far back, in turns, the discussion that led to a decision is read.
const maxArgueBack = 30

// reason returns the sentence that gives decision c's reason, "" when none was stated. In
// order:
//   - the decision's own sentence, when it states a reason (see rationaleRE) or argues (see
//     argueRE);
//   - for the approval of minutes or a report (see adminRE), nothing else: the discussion of a
//     report is its content, not a reason to accept it;
//   - for a decision listed under a "Decisions" heading of notes, which has no neighbours of
//     its own, a sentence anywhere in the notes on its topic (two topic words in common, see
//     onTopic) that argues;
//   - a sentence of its own turns that argues;
//   - a plain reason in the window of turns around it (see decisionWindow);
//   - an argument in the reply right after it, when the reply asks nothing;
//   - an argument in the discussion that led to it, back to the section's heading: in a turn
//     on its topic (sharing a topic word with it since the previous decision, two words before
//     that), in the answer to a question on its topic, in a reply that agrees with a turn on
//     its topic, or in the question the decision answers;
//   - an argument in the three turns after it, in a turn on its topic or in the answer to a
//     question on it ("Why start fresh?").
func (f *turnFacts) reason(c *decisionCandidate, window []int, decided []bool) string {
	if f.argues(c.turn, c.sentence) {
		return c.sentence
	}
	if lower := asciiLower(c.d.Decision); containsAny(lower, "minutes", "report", "agenda", "accounts") && adminRE.MatchString(lower) {
		return ""
	}
	topic := topicWords(c.d.Decision + " " + c.sentence)
	if pointsBack(c.d.Decision) && c.turn > 0 {
		// "It goes into the next sprint": what "it" is was said just before.
		topic = append(topic, topicWords(f.m.Turns[c.turn-1].Text)...)
	}
	if c.listed {
		for j := range f.m.Turns {
			if decided[j] || f.m.Turns[j].Heading || f.onTopic(j, topic) < 2 {
				continue
			}
			if s := f.argument(j); s != "" {
				return s
			}
		}
		return ""
	}
	own := []int{c.turn}
	if c.also >= 0 {
		own = append(own, c.also)
	}
	for _, j := range own {
		if s := f.argument(j); s != "" {
			return s
		}
	}
	if s := f.rationale(c, window, decided, topic); s != "" {
		return s
	}
	last := max(c.turn, c.also)
	after := func(j int) bool {
		return j < len(f.m.Turns) && j <= last+3 && !decided[j] && !f.m.Turns[j].Heading
	}
	if j := last + 1; after(j) && !c.marker && !f.hasQuestion(j) {
		if s := f.argument(j); s != "" {
			return s
		}
	}
	if s := f.argumentBefore(c, topic, decided); s != "" {
		return s
	}
	for j, asked := last+1, false; after(j); j++ {
		if asked || f.onTopic(j, topic) > 0 {
			if s := f.argument(j); s != "" {
				return s
			}
		}
		asked = f.asks(j) && f.onTopic(j, topic) > 0
	}
	return ""
}

// argumentBefore returns an argument for decision c made in the discussion that led to it
// (see reason), or "".
func (f *turnFacts) argumentBefore(c *decisionCandidate, topic []string, decided []bool) string {
	need := 1
	for j := c.turn - 1; j >= 0 && j >= c.turn-maxArgueBack; j-- {
		t := f.m.Turns[j]
		if t.Heading {
			break
		}
		if j == c.also {
			continue
		}
		if decided[j] {
			// Further back is the discussion of an earlier decision: only a turn that names
			// this one's topic more fully is about it.
			need = 2
			continue
		}
		n := f.onTopic(j, topic)
		if t.Speaker != "" && j > 0 && decided[j-1] && n < 2 && !f.hasQuestion(j) {
			// The reply to the earlier decision.
			continue
		}
		on := n >= need || (j == c.turn-1 && f.hasQuestion(j))
		if !on && j > 0 && f.onTopic(j-1, topic) >= need {
			on = f.asks(j-1) || isAssent(strings.TrimSpace(asciiLower(t.Text)))
		}
		if on {
			if s := f.argument(j); s != "" {
				return s
			}
		}
		if f.movesOn(j) {
			// "Moving on, the demo.": what comes before is another topic.
			break
		}
	}
	return ""
}

// pointsBack reports whether a decision's text opens with a word that points at something
// said before it ("it", "that", "both").
func pointsBack(text string) bool {
	switch strings.ToLower(strings.Trim(firstWords(text, 1), ",.:;")) {
	case "it", "that", "this", "both", "they", "those", "these":
		return true
	}
	return false
}

// argument returns the first sentence of turn j that argues or states a reason, is not a
// question and is not a decision of its own (whose reason is its own); "" when none does.
func (f *turnFacts) argument(j int) string {
	f.look(j)
	if len(f.args[j]) == 0 {
		return ""
	}
	return f.args[j][0]
}

// asks reports whether turn j ends with a question.
func (f *turnFacts) asks(j int) bool {
	n := len(f.x.sentences(j))
	return n > 0 && f.x.isQuestion(j, n-1)
}

// movesOn reports whether turn j closes a topic and opens the next one (see movesOnRE).
func (f *turnFacts) movesOn(j int) bool {
	if f.moves[j] == 0 {
		f.moves[j] = 2
		if lower := asciiLower(f.m.Turns[j].Text); containsAny(lower, "mov", "next", "talk about") && movesOnRE.MatchString(lower) {
			f.moves[j] = 1
		}
	}
	return f.moves[j] == 1
}

// hasQuestion reports whether a sentence of turn j is a question.
func (f *turnFacts) hasQuestion(j int) bool {
	for k := range f.x.sentences(j) {
		if f.x.isQuestion(j, k) {
			return true
		}
	}
	return false
}

// onTopic counts the words of topic that turn j uses (see topicWords).
func (f *turnFacts) onTopic(j int, topic []string) int {
	if f.words[j] == nil {
		f.words[j] = topicWords(f.m.Turns[j].Text)
	}
	n := 0
	for _, w := range topic {
		for _, x := range f.words[j] {
			if x == w {
				n++
				break
			}
		}
	}
	return n
}

// topicWords returns the content words of s that name what a decision is about, reduced to a
// rough stem ("grouped" and "groups" to "group", "flaky" and "flakes" to "flak"), without the
// words that only say a choice was made ("decided", "agreed", "go", "keep", "use").
func topicWords(s string) []string {
	var out []string
	for _, w := range contentWords(s) {
		w = stem(w)
		switch w {
		case "decid", "decision", "agre", "final", "call", "keep", "goe", "go", "use", "mov",
			"move", "tak", "take", "put", "stay", "start", "then", "us":
			continue
		}
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// stem trims the common English endings off a lower-case word, keeping at least four letters.
func stem(w string) string {
	for _, suf := range []string{"ing", "ed", "ly", "es", "s", "y", "e"} {
		if len(w)-len(suf) >= 4 && strings.HasSuffix(w, suf) {
			w = w[:len(w)-len(suf)]
			break
		}
	}
	if n := len(w); n >= 5 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouls", rune(w[n-1])) {
		w = w[:n-1]
	}
	return w
}

// The signs of an argument for or against a choice, beyond the plain reasons of rationaleRE,
// as words and phrases of lower-cased text (see argues). An estimate alone ("Three points.") is
// not an argument: it says what a choice costs, not why it is made; an estimate compared
// ("thirteen points if we do CSV only") is.
var (
	// argueWords are phrases that argue wherever they stand: a consequence ("otherwise",
	// "which means"), a judgement of cost, benefit or risk ("not worth it", "keeps us", "can't",
	// "leaks"), a comparison ("cheaper", "at least"), evidence ("customer request").
	argueWords = []string{
		"otherwise", "which means", "that means", "that way", "that gives", "so there's",
		"so there is", "thanks to", "as a result", "i'm hearing",
		"worth it", "not worth", "keeps us", "keep us", "lets us", "allows us", "it's free", "matters", "matter more",
		"isn't optional", "not optional", "nothing changes", "wrong", "broken", "risk", "risks",
		"risky", "unsafe", "expensive", "heavy", "leak", "leaks", "break", "breaks", "clash",
		"clashes", "can't", "cannot", "won't work", "no way to", "doesn't scale", "we lost",
		"we'd lose", "don't want", "it's not finished", "it's not ready", "it's not done",
		"cheaper", "cheapest", "faster", "fastest", "safer", "safest", "simpler", "simplest",
		"easier", "easiest", "slower", "quicker", "riskier", "riskiest", "better", "worse",
		"more than", "twice as", "half of", "half the", "at least", "the most", "costs more",
		"costs less", "costs twice", "cost more", "cost less", "cost twice",
		"customer request", "customer requests", "user request", "user requests",
	}
	// judgedWords argue after a verb of being ("it's fine", "feels heavy") but not alone
	// ("Fine.", "a fast path").
	judgedWords = map[string]bool{"fine": true, "safe": true, "huge": true, "cheap": true, "slow": true, "fast": true, "optional": true}
	copulas     = map[string]bool{"is": true, "are": true, "it's": true, "that's": true, "feels": true, "feel": true, "seems": true, "looks": true, "sounds": true}
	// pointWords name the point of the matter: "the main problem is…", "the gap I see is…".
	pointWords = map[string]bool{"point": true, "problem": true, "issue": true, "gap": true, "risk": true, "catch": true, "downside": true, "benefit": true, "advantage": true}
	// tooWords follow "too" in a judgement: "too heavy", "too late".
	tooWords = map[string]bool{"much": true, "many": true, "heavy": true, "risky": true, "slow": true, "long": true, "expensive": true, "tight": true, "far": true, "big": true, "late": true, "early": true}
	// witnesses and witnessed say what people did or keep doing: "we tested", "customers keep".
	witnesses = map[string]bool{"we": true, "they": true, "people": true, "users": true, "customers": true, "clients": true}
	witnessed = map[string]bool{"tested": true, "tried": true, "measured": true, "found": true, "saw": true, "kept": true, "keep": true, "mostly": true, "always": true}
	// numberWords count; dataUnits are what a count of data counts; estimateUnits what an
	// estimate is made in.
	numberWords   = map[string]bool{"two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true, "thirteen": true, "fifteen": true, "twenty": true, "thirty": true, "forty": true, "fifty": true, "sixty": true, "hundred": true, "most": true, "half": true}
	dataUnits     = map[string]bool{"percent": true, "thousand": true, "million": true, "hundred": true, "times": true, "deals": true, "customers": true, "people": true, "families": true, "tickets": true, "documents": true, "rows": true, "seats": true, "agents": true, "users": true, "requests": true}
	estimateUnits = map[string]bool{"points": true, "days": true, "weeks": true, "months": true, "hours": true, "sprints": true}
	// soWords follow ", so" in a consequence: "…, so nobody would see it".
	soWords = map[string]bool{"the": true, "we": true, "there": true, "it": true, "that": true, "nobody": true, "no": true, "nothing": true, "anything": true}
)

// digitDataRE matches, in lower-cased text, a measure given in digits: "12%", "40 seats", "9k".
var digitDataRE = regexp.MustCompile(`\d[\d,.]*\s*(?:k\b|%|deals|customers|people|families|tickets|documents|rows|seats|agents|users|requests)`)

// argues reports whether s argues for or against a choice: a consequence, a judgement, a
// comparison, the point of the matter, evidence of what people did, or data (see argueWords
// and the tables after it).
func argues(s string) bool {
	return arguesLower(asciiLower(s))
}

// arguesLower is argues of a sentence given lower, its asciiLower.
func arguesLower(lower string) bool {
	if strings.ContainsAny(lower, "0123456789") && digitDataRE.MatchString(lower) {
		return true
	}
	words := strings.FieldsFunc(lower, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != '-'
	})
	for i := range words {
		words[i] = strings.ReplaceAll(strings.Trim(words[i], "'-"), "’", "'")
	}
	next := func(i int) string {
		if i+1 < len(words) {
			return words[i+1]
		}
		return ""
	}
	for i, w := range words {
		for _, p := range argueIndex[w] {
			if i+len(p) <= len(words) && slices.Equal(words[i:i+len(p)], p) {
				return true
			}
		}
		n := next(i)
		switch {
		case copulas[w] && judgedWords[n],
			w == "too" && tooWords[n],
			w == "less" && n != "",
			n == "than" && strings.HasSuffix(w, "er"),
			witnesses[w] && witnessed[n],
			pointWords[w] && (n == "is" || n == "i" && next(i+1) == "see"):
			return true
		}
		if w == "it" && (n == "has" || n == "contains") && inIt(words[i+2:]) {
			return true
		}
		if num, _, _ := strings.Cut(w, "-"); isNumberWord(num) || isDigits(num) {
			switch {
			case n == "of" && next(i+1) == "the" && (next(i+2) == "last" || next(i+2) == "past"):
				return true
			case isNumberWord(num) && dataUnits[n]:
				return true
			case isNumberWord(num) && (n == "if" || estimateUnits[n] && next(i+1) == "if"):
				return true
			}
		}
	}
	for k := strings.Index(lower, ", so "); k >= 0; k = strings.Index(lower, ", so ") {
		if k > 0 && lower[k-1] >= 'a' && lower[k-1] <= 'z' && soWords[firstWordOf(lower[k+5:])] {
			return true
		}
		lower = lower[k+5:]
	}
	return false
}

// argueIndex maps the first word of each phrase of argueWords to the phrases, as words.
var argueIndex = func() map[string][][]string {
	idx := map[string][][]string{}
	for _, p := range argueWords {
		f := strings.Fields(p)
		idx[f[0]] = append(idx[f[0]], f)
	}
	return idx
}()

// inIt reports whether words hold "in it": "it has credentials references in it".
func inIt(words []string) bool {
	for i := 0; i+1 < len(words); i++ {
		if words[i] == "in" && words[i+1] == "it" {
			return true
		}
	}
	return false
}

// isNumberWord reports whether w is a number in words: one of numberWords, or a ten or a teen
// made from one ("ninety", "eighteen").
func isNumberWord(w string) bool {
	if numberWords[w] {
		return true
	}
	for _, suf := range []string{"ty", "y", "teen", "een"} {
		if base, ok := strings.CutSuffix(w, suf); ok && len(base) >= 3 && numberWords[base] && base != "most" && base != "half" {
			return true
		}
	}
	return false
}

// isDigits reports whether w is a run of digits.
func isDigits(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// firstWordOf returns the first word of s, letters only.
func firstWordOf(s string) string {
	i := 0
	for i < len(s) && s[i] >= 'a' && s[i] <= 'z' {
		i++
	}
	return s[:i]
}

// movesOnRE matches, in lower-cased text, a turn that closes a topic and opens the next one.
var movesOnRE = regexp.MustCompile(`\b(?:moving on|move on|next item|next topic|let's talk about)\b`)

// optionSentence finds, in the four turns before turn i, the sentence that put the chosen
// option on the table among others ("Postgres with full-text search, or Elasticsearch"):
// one that names every content word of choice and offers an alternative. It returns the
// turn and the sentence, or "".
func optionSentence(x *meetingText, i int, choice string) (int, string) {
	words := contentWords(choice)
	if len(words) == 0 {
		return -1, ""
	}
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		for _, s := range x.sentences(j) {
			lower := strings.ToLower(s)
			if !strings.Contains(lower, " or ") && !strings.Contains(lower, "option") {
				continue
			}
			cw := contentWords(s)
			all := true
			for _, w := range words {
				if !sharesWord([]string{w}, cw) {
					all = false
					break
				}
			}
			if all {
				return j, s
			}
		}
	}
	return -1, ""
}

// Group votes: minutes of standards groups record a vote on a proposal as a run of "+1" lines
// from many attendees. The proposal itself is what was put to the group just before the run.
const (
	// minVoters is how many different attendees must vote "+1" for a run to carry a decision:
	// two or three "+1"s agree with an opinion, a run of four or more adopts a proposal.
	minVoters = 4
	// voteGap is how many turns may separate two votes of one run.
	voteGap = 3
	// proposalBack is how many turns before a run its proposal is looked for.
	proposalBack = 8
	// maxProposalWords bounds the length of a turn quoted whole as a proposal.
	maxProposalWords = 80
)

// voteRE matches a turn that votes for a proposal: "+1", "+1 to closing the issue",
// "+0.9", "+1000".
var voteRE = regexp.MustCompile(`^\+(?:1\d*|0?\.\d+)(?:\s|[.,;:!)]|$)`)

// isVote reports whether a turn's text, trimmed, casts a "+1" vote.
func isVote(text string) bool {
	return strings.HasPrefix(text, "+") && voteRE.MatchString(text)
}

// callForVoteRE matches, in lower-cased text, a turn that calls for the vote rather than states
// the proposal: "let's vote, +1 / -1", "any objections?", "proposed:".
var callForVoteRE = regexp.MustCompile(`\b(?:vote|votes|voting|objections?|comments?|thoughts|opinions?|straw poll|poll|proposed|proposal|resolution|agreed|agree|consensus)\b|[+-]1`)

// concludesRE matches, in lower-cased text, a chair's words that close a vote: "looks like we
// have consensus to publish this", "we have resolved to publish", "so resolved".
var concludesRE = regexp.MustCompile(`\b(?:consensus|resolved|agreement|agreed|approved|accepted|adopted|carried|no objections?)\b`)

// voteRuns finds the decisions a group made by voting: a run of "+1" turns from at least
// minVoters attendees, each vote at most voteGap turns after the last, adopts the proposal put
// just before it (see runProposal). A run with a decision already found in it or just after
// it (the scribe's "RESOLUTION: …") adds nothing.
func voteRuns(f *turnFacts, found []decisionCandidate) []decisionCandidate {
	m := f.m
	var out []decisionCandidate
	decided := make([]bool, len(m.Turns))
	for _, c := range found {
		decided[c.turn] = true
	}
	for i := 0; i < len(m.Turns); {
		if m.Turns[i].Speaker == "" || !isVote(strings.TrimSpace(m.Turns[i].Text)) {
			i++
			continue
		}
		votes := []int{i}
		voters := map[string]bool{m.Turns[i].Speaker: true}
		for j := i + 1; j < len(m.Turns) && j-votes[len(votes)-1] <= voteGap; j++ {
			if m.Turns[j].Heading {
				break
			}
			if m.Turns[j].Speaker != "" && isVote(strings.TrimSpace(m.Turns[j].Text)) {
				votes = append(votes, j)
				voters[m.Turns[j].Speaker] = true
			}
		}
		last := votes[len(votes)-1]
		next := last + 1
		if len(voters) < minVoters || slices.Contains(decided[i:min(last+voteGap+1, len(decided))], true) {
			i = next
			continue
		}
		if p, quote := runProposal(f, i); p >= 0 && !slices.Contains(decided[p:i], true) {
			d := Decision{Decision: cleanChoice(quote), Evidence: []Evidence{EvidenceFor(m.Turns[p], quote)}}
			// The words that put the proposal, between it and the run: "can we resolve to
			// publish this?".
			for j := p + 1; j < i; j++ {
				if text := strings.TrimSpace(m.Turns[j].Text); m.Turns[j].Speaker != "" && !isVote(text) && !isLinkOnly(text) && countWords(text) >= 4 {
					d.Evidence = append(d.Evidence, EvidenceFor(m.Turns[j], text))
				}
			}
			said := 0
			for _, v := range votes {
				text := strings.TrimSpace(m.Turns[v].Text)
				if v == i || said < 2 && countWords(text) > 2 {
					d.Evidence = append(d.Evidence, EvidenceFor(m.Turns[v], text))
					if v != i {
						said++
					}
				}
			}
			// The chair's conclusion after the run: "looks like we have consensus to publish".
			if j := nextSpeakerTurn(m, last); j >= 0 && j <= last+2 {
				if text := strings.TrimSpace(m.Turns[j].Text); !isVote(text) && concludesRE.MatchString(asciiLower(text)) {
					d.Evidence = append(d.Evidence, EvidenceFor(m.Turns[j], text))
				}
			}
			out = append(out, decisionCandidate{d: d, turn: p, sentence: quote, also: i})
		}
		i = next
	}
	return out
}

// runProposal returns the turn before a run of votes starting at turn i that put the proposal
// to the group, and the words of it to quote: the nearest turn, back to the section's heading,
// that is not a vote, a link, a call for the vote ("let's vote, +1 / -1") or a question, and
// says something (four words or more). A long turn is quoted by its last sentences. It returns
// -1 when there is none.
func runProposal(f *turnFacts, i int) (int, string) {
	m := f.m
	for j := i - 1; j >= 0 && j >= i-proposalBack; j-- {
		t := m.Turns[j]
		if t.Heading {
			return -1, ""
		}
		text := strings.TrimSpace(t.Text)
		if t.Speaker == "" || isVote(text) || isLinkOnly(text) || countWords(text) < 4 {
			continue
		}
		if lower := asciiLower(text); countWords(text) <= 12 && callForVoteRE.MatchString(lower) {
			continue
		}
		if f.asks(j) {
			continue
		}
		if opinionOnly(asciiLower(text)) {
			// "I like this option much better", "if the reaction is 'no way' we can discuss":
			// the "+1"s agree with a view, they adopt no proposal.
			return -1, ""
		}
		if countWords(text) <= maxProposalWords {
			return j, text
		}
		ss := f.x.sentences(j)
		return j, ss[len(ss)-1]
	}
	return -1, ""
}

// isLinkOnly reports whether text is no more than a link: "[https://…](https://…)" or a URL.
func isLinkOnly(text string) bool {
	t := strings.Trim(text, "<>[]() ")
	if strings.HasPrefix(t, "http://") || strings.HasPrefix(t, "https://") {
		return !strings.Contains(t, " ")
	}
	return false
}

// asksOnly reports whether a decision's text is a question: it ends with "?" (before closing
// quotes or emphasis; a question in brackets at the end is an aside).
func asksOnly(text string) bool {
	return strings.HasSuffix(strings.TrimRight(strings.TrimSpace(text), "\"'”’*_ "), "?")
}

// proposesRE matches, in lower-cased text, a proposal made in the first person: "I propose
// that…", "I move that…", "I suggest we…".
var proposesRE = regexp.MustCompile(`^i (?:propose|move|suggest|recommend)\b`)

// opinionOnly reports whether lower, a turn in lower case, states a view or a hedge rather than
// a proposal: it is hedged (see hedged), speaks in the first person other than to propose
// ("I like…", "I'm going to…"; see proposesRE), continues someone else's words ("...its the
// guarantee…") or only points back ("that is what I was thinking").
func opinionOnly(lower string) bool {
	if hedged(lower) {
		return true
	}
	w := strings.ReplaceAll(strings.Trim(firstWords(lower, 1), ",.:;!"), "’", "'")
	switch {
	case strings.HasPrefix(lower, "..."), strings.HasPrefix(lower, "…"):
		return true
	case (w == "i" || strings.HasPrefix(w, "i'")) && !proposesRE.MatchString(lower), w == "that" || w == "this" || w == "that's" || w == "it's":
		return true
	}
	return false
}
