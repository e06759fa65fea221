package analyze

import (
	"regexp"
	"strings"

	"github.com/debrief-cli/debrief/internal/transcript"
)

// Open threads (principle decide-clearly): a discussion the meeting put off with no owner and
// no date ("let's revisit this", "let's park that", "TBD", "Deferred."), or a decision the
// meeting reopened ("let's reopen the pricing decision"). A deferral that names who or when,
// that says what it waits for ("until the contract is signed") or why not yet, or that a
// decision or a commitment answers in the next turns, is a clear call, not an open thread.

// deferRE matches, in a sentence lower-cased by asciiLower, words that put a topic off. Group 1
// is the words; the group named topic holds the topic of "discuss X later", else what follows
// the words is the topic, when it is not a pronoun.
var deferRE = apostropheRE(`\b(` +
	`(?:let's|lets|let us|we(?:'ll| will| can| need to| have to)(?: need to| have to)?|i(?:'d| would) like to) ` +
	`(?:revisit|park|table|shelve|come back to|circle back to|return to|leave (?:this|that|it) for (?:now|later)|hold off on|pick (?:this|that|it) (?:back )?up|take (?:this|that|it) offline|(?:discuss|cover|talk about|go over|get (?:back )?to|deal with|look at)(?P<topic>(?: \S+){0,6}?) (?:next time|another time|later|offline)|continue (?:this |that |it )?next time|punt(?: on)?|put (?:a pin in (?:this|that|it)|(?P<lot>(?:\S+ ){0,4}?\S+) in the parking lot)|(?:sit|sleep) on (?:this|that|it)(?: one)?)` +
	`|^(?:revisit|come back to)\b` +
	`|to be (?:continued|picked up (?:again )?(?:next time|later)|discussed (?:next time|later)|revisited)|(?:discuss|continue|pick (?:this|that|it) up) (?:this |that |it )?next time` +
	`|(?:we|i) (?:didn't|did not|never) get to|ran out of time (?:for|on|to discuss)` +
	`|no decision (?:yet|was made|made|reached|today|taken)|(?:is|are|remains?|stays?|still) tbd|^tbd\b` +
	`)`)

// reopenRE matches, in a lower-cased sentence, a decision taken up again. Group 1 is the words;
// the group named decided holds what was decided ("we decided on X last week, but…").
var reopenRE = apostropheRE(`\b(` +
	`(?:let's|lets|let us|we(?:'ll| will| should| need to| have to)|i(?:'d| would) like to|i want to) (?:reopen|re-open|reconsider|revisit (?:the|that|this|our) decision(?: on| about)?)` +
	`|we (?:decided|agreed)(?: on| to| that)? (?P<decided>.{3,80}?) last (?:week|time|meeting|month|call)[^.]*?, but` +
	`)`)

// minutesDeferRE matches a line of minutes whose status says the item was put off: "Deferred.",
// "Postponed", "Carried over: the export docs". Group 1 is the rest of the line.
var minutesDeferRE = regexp.MustCompile(`(?i)^[\s>*_+\-•]*(?:status:\s*)?(?:deferred|postponed|carried over|tabled|parked)\b[\s*_]*(?:[.:–—-]\s*(.*))?$`)

// clearCallRE matches, in a lower-cased sentence, what makes a deferral a clear call: what it
// waits for or why not yet ("until the contract is signed", "once we know", "because"), or an
// owner in the first person ("I'll come back to it").
var clearCallRE = apostropheRE(`\b(?:until|till|once|when|after|if|unless|pending|depending|depends|because|since|as soon as|in case|so that|i'll|i will|i can|i'm going to)\b`)

// notDeferRE matches, in a lower-cased sentence, words that undo a deferral: a negation or a
// report ("let's not revisit", "no need to park it").
var notDeferRE = apostropheRE(`\b(?:not|never|no need|don't|won't|shouldn't|didn't|without)\b`)

// datedRE matches, in a lower-cased sentence, a time the thread is put off to that resolveDue
// does not read as a deadline: "in Q2", "in January", "this week", "at the F2F".
var datedRE = regexp.MustCompile(`\b(?:(?:in|by|until|after|before|during|for|at|on) (?:the )?(?:q[1-4]|h[12]|january|february|march|april|may|june|july|august|september|october|november|december|(?:next|this|a) (?:[a-z]+ )?(?:meeting|call|sync|week|month|quarter|sprint|retro|planning|review|f2f|face-to-face)|f2f|face-to-face|offsite|retro|planning)|(?:this|next|later this) (?:week|month|quarter|sprint)|(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d{1,2}/\d{1,2}|(?:in|at|during) (?:the |a |an )?[a-z0-9-]+ (?:meeting|call|sync|session|telco|telcon|breakout)|(?:past|after|beyond|until|post|for|in) v?\d+(?:\.\d+)*|(?:past|after|until|for) (?:the )?(?:launch|release|freeze|ga|1\.0|v1|v2))\b`)

// apostropheRE compiles a pattern in which every "'" also matches a typographic apostrophe,
// so that "let’s" in minutes reads as "let's".
func apostropheRE(pattern string) *regexp.Regexp {
	return regexp.MustCompile(strings.ReplaceAll(pattern, "'", "['’]"))
}

// openThreadLookahead is how many turns after a deferral may still close it with an owner, a
// date or a decision.
const openThreadLookahead = 3

// maxTopicWords bounds the topic of an open thread.
const maxTopicWords = 8

// findOpenThreads finds the open threads of a meeting, given the commitments and decisions
// already found in it: a later commitment or decision near a deferral closes it.
func findOpenThreads(x *meetingText, commitments []Commitment, decisions []Decision) []OpenThread {
	m := x.m
	c := newClosers(commitments, decisions)
	out := []OpenThread{}
	for i, t := range m.Turns {
		if t.Heading || strings.TrimSpace(t.Text) == "" {
			continue
		}
		if th, ok := minutesDeferral(x, i); ok {
			if !closedAfter(x, threadAt{i, -1}, c, ownTopicWords(th)) {
				out = append(out, th)
			}
			continue
		}
		for k, s := range x.sentences(i) {
			th, ok := spokenThread(x, i, k, s)
			if !ok || closedAfter(x, threadAt{i, k}, c, ownTopicWords(th)) {
				continue
			}
			out = append(out, th)
			break
		}
	}
	return out
}

// spokenThread reads sentence k (s) of turn i as an open thread: a deferral or a reopened
// decision, with no owner, date, condition or reason of its own.
func spokenThread(x *meetingText, i, k int, s string) (OpenThread, bool) {
	if x.isQuestion(i, k) {
		return OpenThread{}, false
	}
	lower := x.asciiLowered(i, k)
	kind, loc := threadMatch(lower)
	if loc == nil {
		return OpenThread{}, false
	}
	before, after := lower[:loc[2]], lower[loc[3]:]
	if notDeferRE.MatchString(before) || clearCallRE.MatchString(lower) || dated(x.m, s, lower) || namesAttendee(x.m, after) {
		return OpenThread{}, false
	}
	t := x.m.Turns[i]
	quote := threadClause(onOneLine(t, s, loc[2], loc[3]))
	return OpenThread{Kind: kind, Topic: spokenTopic(x, i, k, kind, loc), Evidence: []Evidence{EvidenceFor(t, quote)}}, true
}

// spokenTopic names the topic of the thread that sentence k of turn i puts off, where loc is
// the match of deferRE or reopenRE (by kind) in it: the words the match names ("discuss the
// roadmap next time"), the words after it ("let's revisit the pricing tiers"), the words
// before it ("the venue is TBD"), or, when it points back ("let's park that"), the topic
// nearby.
func spokenTopic(x *meetingText, i, k int, kind string, loc []int) string {
	s := x.sentences(i)[k]
	topic := topicAfter(s[loc[3]:])
	groups := []string{"topic", "lot"}
	re := deferRE
	if kind == KindReopened {
		groups, re = []string{"decided"}, reopenRE
	}
	for _, g := range groups {
		if n := 2 * re.SubexpIndex(g); loc[n] >= 0 && loc[n+1] > loc[n] {
			topic = topicAfter(s[loc[n]:loc[n+1]])
		}
	}
	if topic == "" && subjectFirstRE.MatchString(asciiLower(s[loc[2]:loc[3]])) {
		topic = topicBefore(s[:loc[2]])
	}
	if topic == "" {
		topic = topicNear(x, i, k)
	}
	return topic
}

// Cheap tests that a sentence could match reopenRE or deferRE, run before them. Every match of
// reopenRE holds one of reopenHints. Every match of deferRE holds one of deferAlone, or both
// one of deferLeads and one of deferVerbs (the words that put a topic off after "let's", "we
// will"…).
var (
	reopenHints = []string{"reopen", "re-open", "reconsider", "revisit", ", but"}
	deferLeads  = []string{"let's ", "let’s ", "lets ", "let us ", "we'll ", "we’ll ", "we will ", "we can ", "we need to ",
		"we have to ", "i'd like to ", "i’d like to ", "i would like to "}
	deferVerbs = []string{"revisit", "park", "table", "shelve", "come back to", "circle back to", "return to", "leave ",
		"hold off on", "pick ", "take ", "next time", "another time", "later", "offline", "continue", "punt", "put ",
		"sit on", "sleep on"}
	deferAlone = []string{"revisit", "come back to", "to be continued", "to be picked up", "to be discussed",
		"to be revisited", "next time", "get to", "ran out of time", "no decision", "tbd"}
)

// The hint lists threadMatch looks for, as the bits that threadHints.find sets.
const (
	hintReopen = 1 << iota
	hintDeferLead
	hintDeferVerb
	hintDeferAlone
)

// threadHints indexes the hint lists of threadMatch in the order of the hint bits above.
var threadHints = newHintIndex(reopenHints, deferLeads, deferVerbs, deferAlone)

// mayDefer reports whether a sentence with the threadHints hints may match deferRE.
func mayDefer(hints uint32) bool {
	return hints&hintDeferAlone != 0 || hints&(hintDeferLead|hintDeferVerb) == hintDeferLead|hintDeferVerb
}

// threadMatch returns the kind of thread lower (a sentence lowered by asciiLower) opens and the
// submatch indexes of reopenRE or deferRE in it, or a nil loc when it opens none. Each pattern
// runs only on a sentence its hints say it may match.
func threadMatch(lower string) (kind string, loc []int) {
	hints := threadHints.find(lower)
	if hints&hintReopen != 0 {
		if loc = reopenRE.FindStringSubmatchIndex(lower); loc != nil {
			return KindReopened, loc
		}
	}
	if mayDefer(hints) {
		if loc = deferRE.FindStringSubmatchIndex(lower); loc != nil {
			return KindDeferred, loc
		}
	}
	return "", nil
}

// onOneLine narrows sentence s of turn t to the input line that holds the words s[start:end],
// when the turn was joined from several lines, and returns it with the words' offsets in it.
func onOneLine(t transcript.Turn, s string, start, end int) (string, int, int) {
	at := strings.Index(t.Text, s)
	if at < 0 || len(t.Spans) < 2 {
		return s, start, end
	}
	from, to := 0, len(s)
	for _, sp := range t.Spans {
		switch off := sp.Offset - at; {
		case off <= start:
			from = max(from, off)
		case off < to:
			to = off
		}
	}
	if end > to {
		return s, start, end
	}
	line := strings.TrimRight(s[from:to], " ")
	trim := len(line) - len(strings.TrimLeft(line, " "))
	return line[trim:], start - from - trim, end - from - trim
}

// threadQuoteWords is how many words either side of a deferral a long sentence is quoted with.
const threadQuoteWords = 8

// threadClause returns the part of sentence s to quote for the words at s[start:end]: all of s when
// it is short, else those words with at most threadQuoteWords words either side, cut at spaces so
// the quote stays verbatim (a transcript that drops its punctuation runs many clauses into
// one sentence).
func threadClause(s string, start, end int) string {
	if countWords(s) <= 3*threadQuoteWords {
		return s
	}
	from := start
	for n := 0; n <= threadQuoteWords && from > 0; {
		from--
		if s[from] == ' ' {
			n++
		}
	}
	if from > 0 {
		from++
	}
	to := end
	for n := 0; to < len(s); to++ {
		if s[to] == ' ' {
			if n++; n > threadQuoteWords {
				break
			}
		}
	}
	return strings.TrimSpace(s[from:to])
}

// minutesDeferral reads turn i as a line of minutes whose status puts the item off
// ("Deferred.", "Postponed: the budget").
func minutesDeferral(x *meetingText, i int) (OpenThread, bool) {
	t := x.m.Turns[i]
	raw := strings.TrimSpace(t.Text)
	mk := minutesDeferRE.FindStringSubmatch(raw)
	if mk == nil {
		return OpenThread{}, false
	}
	lower := asciiLower(raw)
	if clearCallRE.MatchString(lower) || dated(x.m, raw, lower) || namesAttendee(x.m, raw) {
		return OpenThread{}, false
	}
	topic := topicAfter(mk[1])
	if topic == "" {
		topic = topicNear(x, i, 0)
	}
	return OpenThread{Kind: KindDeferred, Topic: topic, Evidence: []Evidence{EvidenceFor(t, raw)}}, true
}

// dated reports whether a sentence puts its thread off to a time: a date resolveDue reads, or
// one of datedRE.
func dated(m *transcript.Meeting, s, lower string) bool {
	if _, text := resolveDue(s, m.Date); text != "" {
		return true
	}
	return datedRE.MatchString(lower)
}

// namesAttendee reports whether s names an attendee, who then owns the thread ("let's park it
// and Ben brings numbers").
func namesAttendee(m *transcript.Meeting, s string) bool {
	for _, p := range m.Attendees {
		if namesPerson(m, s, p.Name) {
			return true
		}
	}
	return false
}

// closers are the findings that close a deferral near them, by the input lines they cite:
// commitments with an owner, and decisions, each with the content words they are about.
type closers struct {
	owned   map[int][]string
	decided map[int][]string
}

// newClosers indexes the commitments with an owner and the decisions by the lines they cite.
func newClosers(commitments []Commitment, decisions []Decision) closers {
	c := closers{owned: map[int][]string{}, decided: map[int][]string{}}
	index := func(to map[int][]string, what string, es []Evidence) {
		words := contentWords(what)
		for _, e := range es {
			to[e.Line] = append(append(to[e.Line], words...), contentWords(e.Quote)...)
		}
	}
	for _, cm := range commitments {
		if cm.Owner != "" && !cm.HasFlag(FlagNoOwner) {
			index(c.owned, cm.Task, cm.Evidence)
		}
	}
	for _, d := range decisions {
		index(c.decided, d.Decision, d.Evidence)
	}
	return c
}

// closes reports whether a line holds a decision on the topic, or a commitment with an owner
// on it; near reports whether the line answers the deferral at once (its turn or the next),
// where any commitment closes it. A nil topic (the deferral pointed back with "this") is
// closed by any decision or commitment.
func (c closers) closes(line int, topic []string, near bool) bool {
	on := func(words []string, ok bool) bool { return ok && (topic == nil || sharesWord(topic, words)) }
	if words, ok := c.owned[line]; ok && (near || on(words, ok)) {
		return true
	}
	words, ok := c.decided[line]
	return on(words, ok)
}

// agendaRE matches, in a lower-cased sentence, words that put a date to a thread put off:
// "put it on Friday's agenda", "OK, Monday then".
var agendaRE = regexp.MustCompile(`\b(?:agenda|revisit|come back|pick (?:it|this|that) up|discuss|talk about|follow up|schedule|then)\b`)

// threadAt is where a thread was put off: sentence k of turn i (k is -1 for a whole line).
type threadAt struct{ i, k int }

// takesOnRE matches, in a lower-cased sentence, someone taking a thread on in the first
// person: "I'll come back with a proposal", "I can look into it".
var takesOnRE = apostropheRE(`^(?:ok(?:ay)?,? |sure,? |yes,? |fine,? )?(?:i'll|i will|i can|i'm going to|i am going to|let me|will)\b`)

// takesOn reports whether lower, a lower-cased sentence, has someone take a thread on: in the
// first person (takesOnRE), or an attendee named as its subject ("Ben will come back with a
// proposal").
func takesOn(m *transcript.Meeting, lower string) bool {
	if takesOnRE.MatchString(lower) {
		return true
	}
	for _, p := range m.Attendees {
		for _, name := range append([]string{p.Name, firstWords(p.Name, 1)}, p.Aliases...) {
			rest, ok := strings.CutPrefix(lower, asciiLower(name)+" ")
			if ok && len(name) >= 2 && (strings.HasPrefix(rest, "will ") || strings.HasPrefix(rest, "is going to ") || strings.HasPrefix(rest, "to ")) {
				return true
			}
		}
	}
	return false
}

// closesTurn reports whether a decision or commitment on one of turn t's lines closes a thread
// on topic; near is true for the thread's own turn and the next.
func (c closers) closesTurn(t transcript.Turn, topic []string, near bool) bool {
	if c.closes(t.Line, topic, near) {
		return true
	}
	for _, sp := range t.Spans {
		if c.closes(sp.Line, topic, near) {
			return true
		}
	}
	return false
}

// closedAfter reports whether the turn of a deferral or one of the openThreadLookahead turns
// after it (not past a heading) closes it: a decision on its topic; a commitment or someone
// taking it on, at once (in its turn or the next) or later on its topic; or a date put to it
// in a later turn.
func closedAfter(x *meetingText, at threadAt, c closers, topic []string) bool {
	m, i := x.m, at.i
	for j := i; j < len(m.Turns) && j <= i+openThreadLookahead; j++ {
		t := m.Turns[j]
		if j > i && t.Heading {
			return false
		}
		near := j <= i+1
		if c.closesTurn(t, topic, near) {
			return true
		}
		for k, s := range x.sentences(j) {
			if j == i && k == at.k {
				continue
			}
			lower := asciiLower(s)
			if takesOn(m, lower) && (near || topic == nil || sharesWord(topic, contentWords(s))) {
				return true
			}
			if j > i && agendaRE.MatchString(lower) && dated(m, s, lower) {
				return true
			}
		}
	}
	return false
}

// pronouns stand for a topic named elsewhere; a topic made of one is looked for nearby.
var pronouns = map[string]bool{"this": true, "that": true, "it": true, "these": true, "those": true, "them": true, "one": true}

// topicStopRE matches where a topic named after a deferral ends: a time, a reason, a new clause.
var topicStopRE = regexp.MustCompile(`(?i)[.,;:!?()]|\s[-–—]\s|\s(?:for now|for a while|for a bit|later|next|for the|in the|at the|offline|again|because|until|so|and then|then|but|as|once|when|with the|to the)\b`)

// topicAfter returns the few words that follow a deferral and name its topic ("the pricing
// tiers" in "let's revisit the pricing tiers for now"), or "" when they are a pronoun or
// nothing.
func topicAfter(rest string) string {
	rest = strings.TrimSpace(rest)
	for _, p := range []string{"on ", "to ", "about ", "with "} {
		rest = strings.TrimPrefix(rest, p)
	}
	if loc := topicStopRE.FindStringIndex(" " + rest); loc != nil {
		rest = rest[:max(0, loc[0]-1)]
	}
	rest = strings.Trim(rest, " \"'*_`")
	words := strings.Fields(rest)
	if len(words) == 0 || len(words) > maxTopicWords || !saysSomething(rest) {
		return ""
	}
	if pronouns[strings.ToLower(words[0])] {
		return ""
	}
	return rest
}

// subjectFirstRE matches the deferrals whose topic comes before them: "the venue is TBD",
// "on the budget: to be continued", "no decision yet".
var subjectFirstRE = regexp.MustCompile(`tbd|to be |no decision`)

// topicBefore returns the subject of "X is TBD" or "On X: to be continued": the words
// before the deferral, when they are few and say something.
func topicBefore(head string) string {
	head = strings.Trim(strings.TrimSpace(head), " :,;*_-")
	lower := asciiLower(head)
	for _, w := range []string{" is", " are", " remains", " remain", " stays", " stay", " still", " and", " but", " so"} {
		if strings.HasSuffix(lower, w) {
			head, lower = head[:len(head)-len(w)], lower[:len(lower)-len(w)]
		}
	}
	for _, w := range []string{"on ", "about ", "as for ", "re ", "so "} {
		if strings.HasPrefix(lower, w) {
			head = head[len(w):]
			break
		}
	}
	head = strings.Trim(head, " :,;*_-")
	if len(strings.Fields(head)) > maxTopicWords || !saysSomething(head) {
		return ""
	}
	return head
}

// fillers are content words that say nothing about a topic.
var fillers = map[string]bool{"okay": true, "yeah": true, "alright": true, "right": true, "well": true, "fine": true, "good": true, "great": true, "actually": true, "maybe": true, "guess": true, "think": true, "sure": true, "thank": true, "thanks": true, "let's": true, "yes": true}

// saysSomething reports whether s holds a content word that is not a filler.
func saysSomething(s string) bool {
	for _, w := range contentWords(s) {
		if !fillers[w] {
			return true
		}
	}
	return false
}

// topicNear names the topic of a deferral that points back ("let's come back to this"): the
// heading of its section in notes, else the first words of the sentence before it.
func topicNear(x *meetingText, i, k int) string {
	m := x.m
	for j := i - 1; j >= 0; j-- {
		if m.Turns[j].Heading {
			return headingTopic(m.Turns[j].Text)
		}
	}
	for j := i; j >= 0 && j >= i-2; j-- {
		ss := x.sentences(j)
		if j == i {
			ss = ss[:max(k, 0)]
		}
		for n := len(ss) - 1; n >= 0; n-- {
			if !x.isQuestion(j, n) && saysSomething(ss[n]) {
				return firstTopicWords(ss[n])
			}
		}
	}
	return ""
}

// headingNumberRE matches the number and marks that open a heading: "### 3. ", "2) ".
var headingNumberRE = regexp.MustCompile(`^[#\s]*(?:\d+(?:\.\d+)*[.)]?\s*)?`)

// headingTopic returns a heading's words without its marks and number.
func headingTopic(h string) string {
	h = headingNumberRE.ReplaceAllString(strings.TrimSpace(h), "")
	h = strings.Trim(h, " *_#:")
	return firstTopicWords(h)
}

// firstTopicWords returns at most maxTopicWords words of s, marking a cut with "…".
func firstTopicWords(s string) string {
	words := strings.Fields(strings.TrimRight(s, ".!?:; "))
	if len(words) <= maxTopicWords {
		return strings.Join(words, " ")
	}
	return strings.TrimRight(strings.Join(words[:maxTopicWords], " "), ",;:") + "…"
}

// ownTopicWords returns the content words of a thread's topic when the thread's own words name
// it, or nil when the topic was taken from nearby (a heading, the sentence before).
func ownTopicWords(th OpenThread) []string {
	if th.Topic == "" || len(th.Evidence) == 0 || !strings.Contains(th.Evidence[0].Quote, th.Topic) {
		return nil
	}
	return contentWords(th.Topic)
}

// openThreads gives one decide-clearly item per open thread, proposing to close it with a
// decision, an owner or a date.
func (c coach) openThreads() []Coaching {
	var out []Coaching
	for _, th := range c.f.OpenThreads {
		e, ok := coachFirst(th.Evidence)
		if !ok {
			continue
		}
		cite := coachQuoted(coachShorten(e.Quote)) + " (" + coachCite(e) + ")"
		name := "the thread at " + coachCite(e)
		if th.Topic != "" {
			name = coachQuoted(coachShorten(th.Topic))
		}
		var obs, sug string
		switch {
		case th.Kind == KindReopened:
			obs = "A decision was reopened and no new call followed: " + cite + "."
			sug = "Settle " + name + " again: make the call, name who will decide and by when, or say \"not yet, because…\" and when it will be decided."
		case e.Speaker == "":
			obs = coachUpper(name) + " was put off with no owner and no date: " + cite + "."
		default:
			obs = c.whoCap(e.Speaker) + " put off " + name + " with no owner and no date: " + cite + "."
		}
		if th.Kind != KindReopened {
			sug = "Close " + name + " with a decision, an owner or a date: e.g. ask who will bring a proposal, and by when."
		}
		out = append(out, Coaching{Principle: PrincipleDecideClearly, Observation: obs, Suggestion: sug, Refs: []string{th.ID}})
	}
	return out
}
