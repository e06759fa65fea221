package analyze

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/debrief-cli/debrief/internal/transcript"
)

// replyWindow is how many following turns by named speakers may take up a question or a concern.
const replyWindow = 3

// tagQuestionRE matches a question that only seeks assent or fills a pause ("…, right?",
// "isn't it?", "you know?"), and invitations put to the room that silence answers ("any
// questions?", "sounds good?").
var tagQuestionRE = regexp.MustCompile(`(?i)(?:(?:^|[,;:—–-]\s*)(?:right|ok|okay|yeah|yes|no|eh|huh|correct|agreed|fair|good|true)|(?:^|[,;:—–-]|\s)\s*(?:isn't it|is it not|isn't that|aren't (?:we|they|you|i)|don't (?:we|you|they)|didn't (?:we|you|they|i)|won't (?:we|you|it|they)|wasn't it|doesn't it|shouldn't we|you know|you see|does that make sense|makes sense|make sense|sounds? good|all good|everyone good))\s*\?+["')\]”’]*$`)

// invitationRE matches a question put to the room as an invitation rather than a request for an
// answer.
var invitationRE = regexp.MustCompile(`(?i)^(?:so|and|ok|okay|alright|well|great)?[, ]*(?:[A-Z][a-z]+,\s*)?(?:any (?:other )?(?:questions|comments|objections|concerns|thoughts|other business|more questions)|anything\b|questions|comments|objections|thoughts|anyone(?:\s+else)?\s*\?*$|who(?:'s| is) next|shall we (?:start|begin|move on|get started|wrap up)|can everyone hear me|can you (?:all )?hear me|can you see my screen)\b`)

// rhetoricalRE matches a question asked for effect, not for an answer: "how is that even a
// question?", "who doesn't love a 2am page?", "why would anyone do that?".
var rhetoricalRE = regexp.MustCompile(`(?i)^(?:\w+,\s+)?(?:(?:how|why|what|who)\b[^?]*\beven\b|who (?:doesn't|does not|wouldn't|would not) (?:love|want|like|enjoy)|why would anyone|who cares|what could (?:possibly )?go wrong)`)

// selfAnswerRE matches the start of a sentence with which a speaker answers their own question.
var selfAnswerRE = regexp.MustCompile(`(?i)^(?:because|well,|yes|no[,.!]|yeah|nope|the answer|simple|short answer|answer:|it's because|that's because|i'd say|i would say)`)

// topicChangeRE matches a turn that moves the meeting on instead of answering.
var topicChangeRE = regexp.MustCompile(`(?i)^(?:(?:ok|okay|alright|all right|right|so|well|anyway|great|good|perfect|cool|fine|thanks|thank you|oh|and)[,.!]?\s+)*(?:that(?:'s| is) (?:all|it) (?:for (?:today|now|this week)|we have time for)|see you (?:next|on|tomorrow|all)|let's (?:call it a day|stop here|end here|stop there)|next[,:]\s|moving on|move on|let's move|let us move|next item|next topic|next up|next on the agenda|on to the next|onto the next|let's go to the next|let's jump to|let's switch|let's talk about something else|anyway\b|in other news|before i forget|one more thing|(?:oh,? )?and also\b|also, |by the way|unrelated|let's (?:come|get|go) back to|let's return to|let's (?:wrap up|revisit|park|take (?:that|this|it) offline)|(?:we're|we are) (?:out of|over|at) time|we've run out of time|then there's|changing (?:the )?topic|next question|(?:the )?next (?:item|topic|thing) is|let's (?:look at|turn to|go to|get to|talk about|cover|do)\b[^.?!]*\bnext\b)`)

// answerStartRE matches the first words of a reply that engages with what was said.
var answerStartRE = regexp.MustCompile(`(?i)^(?:yes|no|yeah|yep|yup|nope|sure|i think|i'd|it's|it is|its|we|because|good question|great question|let me|not sure|i'm not sure|i don't know|i do not know|probably|definitely|absolutely|maybe|it depends|depends|right now|currently|not yet|i can|i'll|i will|that's|that is|well|so|hmm|honestly|actually|agreed|agree|good point|fair|valid|true|understood|makes sense|don't worry|no worries|i hear you|i see|oh|ah|one sec|i believe|i guess|i'm|i am|they|you|there|it|this|that|those|these|he|she|if|nothing|none|not really|not yet|about|around|roughly|i did|i do|i have|i would|i could|we did|good idea|(?:let's|i'll|we'll|we can|i can) \w+ (?:that|it)|\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|twenty|thirty|forty|fifty)\b`)

// answerFirstWords are the first words (runs of ASCII letters, digits and "_", lower case) of
// the openings answerStartRE matches, but for its digits: true for a word that is a whole
// opening by itself ("we"), false for one that only starts longer ones ("i" of "i think").
var answerFirstWords = map[string]bool{
	"i": false, "good": false, "great": false, "let": false, "not": false, "right": false, "makes": false, "don": false,
	"yes": true, "no": true, "yeah": true, "yep": true, "yup": true, "nope": true, "sure": true, "it": true,
	"its": true, "we": true, "because": true, "probably": true, "definitely": true, "absolutely": true, "maybe": true,
	"depends": true, "currently": true, "that": true, "well": true, "so": true, "hmm": true, "honestly": true,
	"actually": true, "agreed": true, "agree": true, "fair": true, "valid": true, "true": true, "understood": true,
	"oh": true, "ah": true, "one": true, "they": true, "you": true, "there": true, "this": true, "those": true,
	"these": true, "he": true, "she": true, "if": true, "nothing": true, "none": true, "about": true, "around": true,
	"roughly": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true,
	"nine": true, "ten": true, "eleven": true, "twelve": true, "thirteen": true, "twenty": true, "thirty": true,
	"forty": true, "fifty": true,
}

// opensAnswer reports whether answerStartRE matches s. Every match opens with a digit or one of
// answerFirstWords (in any ASCII case, or with a letter that folds to an ASCII one): a word
// that is a whole opening answers at once, and the long list of openings is tried only after
// a word that starts longer ones, or a digit.
func opensAnswer(s string) bool {
	if foldsToASCII(s) {
		return answerStartRE.MatchString(s)
	}
	n := 0
	for n < len(s) && isWordByte(s[n]) {
		n++
	}
	if n == 0 {
		return false
	}
	if isDigitByte(s[0]) {
		return answerStartRE.MatchString(s)
	}
	whole, ok := answerFirstWords[asciiLower(s[:n])]
	return ok && (whole || answerStartRE.MatchString(s))
}

// isDigitByte reports whether c is an ASCII digit.
func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

// topicChangeFillers are the words topicChangeRE lets open a reply, each followed by an
// optional ",", "." or "!" and space, before the words that move the meeting on; those words
// start with one of topicChangeStarts.
var (
	topicChangeFillers = []string{"ok", "okay", "alright", "all right", "right", "so", "well", "anyway", "great",
		"good", "perfect", "cool", "fine", "thanks", "thank you", "oh", "and"}
	topicChangeStarts = []string{"next", "moving on", "move on", "let", "on to", "onto", "anyway", "in other news",
		"before i forget", "one more thing", "oh", "and also", "also, ", "by the way", "unrelated", "we're", "we are",
		"we've", "then there's", "changing", "the next", "that's", "that is", "see you"}
)

// mayChangeTopic is a cheap test that topicChangeRE may match text: after any run of
// topicChangeFillers, it goes on with one of topicChangeStarts, in any ASCII case (or it holds
// a letter that folds to an ASCII one).
func mayChangeTopic(text string) bool {
	if foldsToASCII(text) {
		return true
	}
	lower := asciiLower(text)
	for at := 0; ; {
		if hasPrefixAny(lower[at:], topicChangeStarts) {
			return true
		}
		next := afterFiller(lower, at)
		if next < 0 {
			return false
		}
		at = next
	}
}

// afterFiller returns where the words after the filler word at lower[at:] start (see
// topicChangeFillers), or -1 when no filler stands there.
func afterFiller(lower string, at int) int {
	for _, f := range topicChangeFillers {
		if !strings.HasPrefix(lower[at:], f) {
			continue
		}
		k := at + len(f)
		if k < len(lower) && strings.IndexByte(",.!", lower[k]) >= 0 {
			k++
		}
		start := k
		for k < len(lower) && strings.IndexByte("\t\n\f\r ", lower[k]) >= 0 {
			k++
		}
		if k > start {
			return k
		}
	}
	return -1
}

// hasPrefixAny reports whether s starts with one of prefixes.
func hasPrefixAny(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// answerCueRE matches a phrase anywhere in a reply that shows it engages.
var answerCueRE = regexp.MustCompile(`(?i)\b(?:good (?:question|point)|great (?:question|point)|let me (?:check|look|find|see|think)|not sure|i don't know|i think|because|i believe|fair point|valid point|you're right|that's a (?:good|fair|valid) (?:point|concern)|i agree|i share|we can|we'll|we will|i'll)\b`)

// answerCueWords are the words of which every match of answerCueRE holds one, lower case.
var answerCueWords = []string{"good question", "good point", "great question", "great point", "let me ", "not sure",
	"i don't know", "i think", "because", "i believe", "fair point", "valid point", "you're right", "that's a ",
	"i agree", "i share", "we can", "we'll", "we will", "i'll"}

// concernRE matches a sentence that raises a worry or a risk.
var concernRE = regexp.MustCompile(`(?i)\b(?:i'm worried|i am worried|i'm a bit worried|i'm really worried|worried (?:about|that)|my (?:main |big |biggest |only )?(?:concern|worry)|i'm concerned|i am concerned|concerned (?:about|that)|the (?:main |big |biggest )?risk is|risky|i'm not sure we can|i am not sure we can|i don't think we can|i do not think we can|this (?:might|could|will) break|that (?:might|could|will) break|(?:might|could) break)\b`)

// notConcernRE matches a sentence that denies a worry ("not risky", "I'm not worried").
var notConcernRE = regexp.MustCompile(`(?i)\b(?:not (?:risky|worried|concerned)|no risk|isn't risky|not that risky|nothing to worry)\b`)

// findUnheard finds the voices the meeting did not hear: attendees who never spoke, people with a
// very small share of the talk, people interrupted, and questions and concerns no one else took
// up. It needs named speakers; without them it returns an empty list.
func findUnheard(m *transcript.Meeting, p []Participation) []Unheard {
	if m == nil {
		return []Unheard{}
	}
	return findUnheardIn(newMeetingText(m), p)
}

// findUnheardIn is findUnheard reading the turns through x.
func findUnheardIn(x *meetingText, p []Participation) []Unheard {
	m := x.m
	out := []Unheard{}
	if m == nil || !m.HasSpeakers {
		return out
	}
	attendee := map[string]bool{}
	for _, a := range m.Attendees {
		attendee[a.Name] = true
	}
	for _, q := range p {
		if q.Turns == 0 && attendee[q.Name] {
			out = append(out, Unheard{
				Kind: KindSilentAttendee, Person: q.Name,
				Detail:   "listed as an attendee but never spoke",
				Evidence: []Evidence{},
			})
		}
	}
	out = append(out, lowShares(m, p)...)
	out = append(out, interrupted(m)...)
	out = append(out, unanswered(x)...)
	return out
}

// lowShares flags, in meetings of three or more people, anyone who spoke but said under a third
// of an equal share of the words and under 5% of them.
func lowShares(m *transcript.Meeting, p []Participation) []Unheard {
	var out []Unheard
	if len(p) < 3 {
		return out
	}
	total := 0
	for _, q := range p {
		total += q.Words
	}
	equal := 1 / float64(len(p))
	for _, q := range p {
		if q.Turns == 0 || total == 0 {
			continue
		}
		share := float64(q.Words) / float64(total)
		if share >= equal/3 || share >= 0.05 {
			continue
		}
		u := Unheard{
			Kind: KindLowShare, Person: q.Name,
			Detail: fmt.Sprintf("said %d of %d words (%.1f%%), where an equal share would be %.0f%%",
				q.Words, total, 100*share, 100*equal),
		}
		for _, t := range m.Turns {
			if t.Speaker == q.Name {
				u.Evidence = []Evidence{EvidenceFor(t, strings.TrimSpace(t.Text))}
				break
			}
		}
		if u.Evidence == nil {
			u.Evidence = []Evidence{}
		}
		out = append(out, u)
	}
	return out
}

// interrupted reports each person interrupted at least once, in order of the first time, with
// the turn that was cut into and the turn that came in, for each time.
func interrupted(m *transcript.Meeting) []Unheard {
	var out []Unheard
	at := map[string]int{}
	for _, in := range interruptions(m) {
		victim, by := m.Turns[in.victim], m.Turns[in.by]
		k, ok := at[victim.Speaker]
		if !ok {
			k = len(out)
			at[victim.Speaker] = k
			out = append(out, Unheard{Kind: KindInterrupted, Person: victim.Speaker})
		}
		u := &out[k]
		u.Evidence = append(u.Evidence, EvidenceFor(victim, lastSentence(victim.Text)), EvidenceFor(by, firstSentence(by.Text)))
		u.Detail = addInterrupter(u.Detail, by.Speaker)
	}
	for k := range out {
		n := len(out[k].Evidence) / 2
		times := "once"
		if n > 1 {
			times = fmt.Sprintf("%d times", n)
		}
		out[k].Detail = "interrupted " + times + ", by " + out[k].Detail
	}
	return out
}

// addInterrupter adds name to a comma-separated list of names, once.
func addInterrupter(list, name string) string {
	if list == "" {
		return name
	}
	for _, n := range strings.Split(list, ", ") {
		if n == name {
			return list
		}
	}
	return list + ", " + name
}

// firstSentence returns the first sentence of text, or all of it trimmed.
func firstSentence(text string) string {
	if s := splitSentences(text); len(s) > 0 {
		return s[0]
	}
	return strings.TrimSpace(text)
}

// lastSentence returns the last sentence of text, or all of it trimmed.
func lastSentence(text string) string {
	if s := splitSentences(text); len(s) > 0 {
		return s[len(s)-1]
	}
	return strings.TrimSpace(text)
}

// unanswered finds, in turn order, the real questions and the concerns that no other speaker
// took up in the next few turns: at most one of each per turn.
func unanswered(x *meetingText) []Unheard {
	var out []Unheard
	m := x.m
	r := &replies{m: m}
	for i, t := range m.Turns {
		if t.Speaker == "" {
			continue
		}
		sentences := x.sentences(i)
		askedOne, worriedOne := false, false
		for k, s := range sentences {
			switch {
			case !askedOne && x.isQuestion(i, k):
				if !realQuestion(s) || (k+1 < len(sentences) && selfAnswerRE.MatchString(sentences[k+1])) {
					continue
				}
				askedOne = true
				if !r.takenUp(i, s) {
					out = append(out, Unheard{
						Kind: KindUnansweredQuestion, Person: t.Speaker, Detail: s,
						Evidence: []Evidence{EvidenceFor(t, s)},
					})
				}
			case !worriedOne && raisesConcern(s, x.lower(i, k)) && !x.isQuestion(i, k):
				worriedOne = true
				if !r.takenUp(i, s) {
					out = append(out, Unheard{
						Kind: KindUnaddressedConcern, Person: t.Speaker, Detail: s,
						Evidence: []Evidence{EvidenceFor(t, s)},
					})
				}
			}
		}
	}
	return out
}

// raisesConcern reports whether s, whose lower case is lower, voices a worry or a risk (see
// concernRE) and does not deny one. A scan for the key words comes first: it is much cheaper
// than the pattern.
func raisesConcern(s, lower string) bool {
	hints := concernHints.find(lower)
	if hints&hintConcern == 0 {
		return false
	}
	return matchConcern(s) && !((foldsToASCII(s) || hints&hintNotConcern != 0) && notConcernRE.MatchString(s))
}

// concernHints indexes concernWords and notConcernWords, found as hintConcern and
// hintNotConcern.
var concernHints = newHintIndex(concernWords, notConcernWords)

const (
	hintConcern = 1 << iota
	hintNotConcern
)

// concernWords are the words of which every match of concernRE holds one, lower case, and
// concernReach is the most bytes a match can start before the first of them.
var concernWords = []string{"worr", "concern", "risk", "not sure we can", "think we can", "break"}

const concernReach = 40

// notConcernWords are the words of which every match of notConcernRE holds one.
var notConcernWords = []string{"not ", "nothing", "no risk", "isn't"}

// matchConcern reports whether concernRE matches s. The pattern runs from a little before the
// first of its key words, at the start of a word, rather than over the whole sentence.
func matchConcern(s string) bool {
	if foldsToASCII(s) {
		return concernRE.MatchString(s)
	}
	la := lowerASCII(s)
	first := -1
	for _, w := range concernWords {
		if k := strings.Index(la, w); k >= 0 && (first < 0 || k < first) {
			first = k
		}
	}
	if first < 0 {
		return concernRE.MatchString(s)
	}
	// A match starts at a word after a non-word byte (or at the start), where \b reads the
	// same in the part as in the whole.
	w := max(0, first-concernReach)
	for w > 0 && isWordByte(s[w-1]) {
		w--
	}
	return concernRE.MatchString(s[w:])
}

// realQuestion reports whether a question asks for an answer: not a tag question seeking
// assent ("…, right?") and not an invitation to the room ("any questions?").
func realQuestion(s string) bool {
	s = strings.TrimSpace(s)
	if tagQuestionRE.MatchString(s) || invitationRE.MatchString(s) || rhetoricalRE.MatchString(s) {
		return false
	}
	return countWords(s) >= 2
}

// replies holds what takenUp reads in each turn as a reply, worked out at most once in a
// meeting however many questions and concerns the turn follows.
type replies struct {
	m     *transcript.Meeting
	turns []reply
}

// reply is one turn read as a reply; each fact is worked out when first needed.
type reply struct {
	read                                                                                          bool
	text                                                                                          string
	first                                                                                         string
	words                                                                                         []string
	wordsRead                                                                                     bool
	topicChange, backChannel, answers, asks, pointsBack, yesNo, opens, cue, firstYesNo, firstFact lazyBool
}

// get returns turn j read as a reply.
func (r *replies) get(j int) *reply {
	if r.turns == nil {
		r.turns = make([]reply, len(r.m.Turns))
	}
	p := &r.turns[j]
	if !p.read {
		p.read = true
		p.text = strings.TrimSpace(r.m.Turns[j].Text)
		p.first = firstSentence(p.text)
	}
	return p
}

// contentWords returns the content words of the reply.
func (p *reply) contentWords() []string {
	if !p.wordsRead {
		p.wordsRead = true
		p.words = contentWords(p.text)
	}
	return p.words
}

// takenUp reports whether another speaker engaged with sentence s of turn i in the next
// replyWindow turns by named speakers: a reply that opens or reads like an answer, shares
// content words with s, or names the speaker. A turn that moves the meeting on, or a heading,
// ends the search.
func (r *replies) takenUp(i int, s string) bool {
	m := r.m
	asker := m.Turns[i].Speaker
	words := &sentenceWords{s: s}
	var factQuestion lazyBool
	seen := 0
	for j := i + 1; j < len(m.Turns) && seen < replyWindow; j++ {
		t := m.Turns[j]
		if t.Speaker == "" {
			if strings.HasPrefix(strings.TrimSpace(t.Text), "#") {
				return false
			}
			continue
		}
		seen++
		if t.Speaker == asker {
			continue
		}
		p := r.get(j)
		if p.topicChange.is(func() bool { return mayChangeTopic(p.text) && topicChangeRE.MatchString(p.text) }) {
			return false
		}
		if p.backChannel.is(func() bool { return isBackChannel(p.text) }) {
			continue
		}
		if p.answers.is(func() bool {
			return !isQuestion(p.first) && opensAnswer(strings.TrimLeft(p.first, "*_>-• \"'"))
		}) {
			return true
		}
		if p.asksElsewhere(words) && !namesPerson(m, p.text, asker) {
			// A new question on another topic: the meeting moved on.
			return false
		}
		if p.engages(m, words, asker) || p.answersWithFact(&factQuestion, s) {
			return true
		}
	}
	return false
}

// engages reports whether the reply takes up something said by asker whose content words are
// words.
func (p *reply) engages(m *transcript.Meeting, words *sentenceWords, asker string) bool {
	if p.opens.is(func() bool { return opensAnswer(strings.TrimLeft(p.text, "*_>-• \"'")) }) {
		return true
	}
	if p.cue.is(func() bool {
		hints := cueHints.find(strings.ToLower(p.text))
		return hints&hintCueWord != 0 && (hints&hintAnswerCue != 0 || foldsToASCII(p.text)) && answerCueRE.MatchString(p.text)
	}) {
		return true
	}
	if sharesWord(words.get(), p.contentWords()) {
		return true
	}
	return namesPerson(m, p.text, asker)
}

// cueHints indexes the cheap tests in front of answerCueRE: replyCueWords, of which a reply that
// engages holds one, and answerCueWords, found as hintCueWord and hintAnswerCue.
var cueHints = newHintIndex(replyCueWords, answerCueWords)

const (
	hintCueWord = 1 << iota
	hintAnswerCue
)

// replyCueWords are lower-case words of which a reply holds one before its cue is looked for.
var replyCueWords = []string{"good ", "great ", "let me", "not sure", "know", "think", "because", "believe", "fair", "valid",
	"right", "agree", "share", "we can", "we'll", "we will", "i'll"}

// sentenceWords is the content words of a sentence, worked out when first asked for.
type sentenceWords struct {
	s     string
	words []string
	read  bool
}

// get returns contentWords of the sentence.
func (w *sentenceWords) get() []string {
	if !w.read {
		w.read = true
		w.words = contentWords(w.s)
	}
	return w.words
}

// sharesWord reports whether a and b have a word in common.
func sharesWord(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// namesPerson reports whether text mentions the person by full name, first name or alias.
func namesPerson(m *transcript.Meeting, text, person string) bool {
	forms := []string{person}
	if f := strings.Fields(person); len(f) > 1 {
		forms = append(forms, f[0])
	}
	for _, p := range m.Attendees {
		if p.Name == person {
			forms = append(forms, p.Aliases...)
		}
	}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		for _, f := range forms {
			if len(f) >= 2 && strings.EqualFold(w, f) {
				return true
			}
		}
	}
	for _, f := range forms {
		if strings.Contains(f, " ") && strings.Contains(strings.ToLower(text), strings.ToLower(f)) {
			return true
		}
	}
	return false
}

// contentWords returns the words of s that carry meaning, lower-cased, with a plural "s"
// trimmed: at least three letters long and not a stop word.
func contentWords(s string) []string {
	var out []string
	lower := strings.ToLower(s)
	start := -1
	for i := 0; i <= len(lower); {
		// A word is a run of letters, digits and apostrophes.
		in, n := false, 1
		if i < len(lower) {
			if c := lower[i]; c < utf8.RuneSelf {
				in = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '\''
			} else {
				var r rune
				r, n = utf8.DecodeRuneInString(lower[i:])
				in = unicode.IsLetter(r) || unicode.IsDigit(r)
			}
		}
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			if w := contentWord(lower[start:i]); w != "" {
				out = append(out, w)
			}
			start = -1
		}
		i += n
	}
	return out
}

// contentWord returns the content word that w, a lower-case word, stands for, or "" when it
// carries no meaning.
func contentWord(w string) string {
	w = strings.Trim(w, "'")
	if utf8.RuneCountInString(w) < 3 || isStopWord(w) {
		return ""
	}
	if len(w) > 4 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		w = w[:len(w)-1]
	}
	return w
}

// isStopWord reports whether w is a common word that says nothing about the topic.
func isStopWord(w string) bool {
	switch w {
	case "the", "and", "but", "for", "not", "you", "your", "are", "was", "were", "can", "could",
		"would", "should", "will", "shall", "have", "has", "had", "does", "did", "doing", "done",
		"this", "that", "these", "those", "there", "their", "they", "them", "then", "than",
		"what", "when", "where", "which", "who", "whom", "why", "how", "with", "from", "into",
		"about", "any", "anyone", "anything", "some", "someone", "something", "all", "also",
		"just", "really", "very", "get", "got", "make", "made", "going", "know", "think",
		"want", "need", "let", "let's", "it's", "that's", "what's", "i'm", "we're", "you're",
		"don't", "doesn't", "didn't", "isn't", "aren't", "won't", "can't", "we'll", "i'll",
		"here", "our", "ours", "its", "his", "her", "she", "him", "one", "yes", "yeah", "okay",
		"sure", "right", "well", "now", "still", "yet", "may", "might", "must", "being", "been",
		"out", "over", "again", "more", "most", "other", "such", "only", "own", "same", "too",
		"say", "said", "like", "thing", "things", "way", "lot", "bit", "kind", "sort", "mean",
		"maybe", "much", "many", "each", "every", "both", "few", "ever", "even", "back", "good",
		"great", "thanks", "thank", "please", "ok", "hmm", "guys", "folks", "everyone", "team",
		"people", "time", "today", "question", "questions", "idea", "ideas", "point":
		return true
	}
	return false
}

// asksElsewhere reports whether the reply puts a question of its own that shares no content
// word with the question it follows (whose content words are words): a new topic, not an
// answer.
func (p *reply) asksElsewhere(words *sentenceWords) bool {
	asks := p.asks.is(func() bool {
		for _, r := range splitSentences(p.text) {
			if isQuestion(r) {
				return true
			}
		}
		return false
	})
	if !asks || sharesWord(words.get(), p.contentWords()) || p.pointsBack.is(func() bool { return pointsBackRE.MatchString(p.text) }) {
		return false
	}
	return !p.yesNo.is(func() bool { return yesNoRE.MatchString(strings.ToLower(strings.TrimSpace(p.text))) })
}

// pointsBackRE matches a counter-question that points back at the question it follows ("can
// you do it?", "without it?").
var pointsBackRE = regexp.MustCompile(`(?i)\b(?:it|that)\s*[?,]|\bdo (?:it|that)\b`)

// yesNoRE matches a reply that says yes or no somewhere in its first sentence ("Type two,
// yes.", "Deskly yes, full CSS.").
var yesNoRE = regexp.MustCompile(`^[^.?!]*\b(?:yes|no|yeah|nope|yep)\b[,.!]`)

// factQuestionRE matches a question that asks for a number, a size, a price or a date.
var factQuestionRE = regexp.MustCompile(`(?i)\b(?:how (?:many|much|big|long|often|large|small|fast|soon)|when|what time|which day|numbers?|the (?:cost|price|date|timeline|number|difference|size|deadline)|what date)\b`)

// factRE matches a number, a day or a date in an answer.
var factRE = regexp.MustCompile(`(?i)\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|half|twice|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|tonight|next (?:week|month|sprint)|january|february|march|april|may|june|july|august|september|october|november|december|q[1-4])(?:st|nd|rd|th)?\b|\d`)

// answersWithFact reports whether the reply answers question with a fact it asked for: a yes
// or a no, or a number or a date to a question about an amount or a time. factQuestion caches,
// for the question, whether it asks for such a fact.
func (p *reply) answersWithFact(factQuestion *lazyBool, question string) bool {
	if p.firstYesNo.is(func() bool { return yesNoRE.MatchString(strings.ToLower(p.first)) }) {
		return true
	}
	return factQuestion.is(func() bool { return factQuestionRE.MatchString(question) }) &&
		p.firstFact.is(func() bool { return factRE.MatchString(p.first) })
}
