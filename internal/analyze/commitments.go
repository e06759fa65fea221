package analyze

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/debrief-cli/debrief/internal/transcript"
)

// Confidence of each way a commitment can be found: a scribe's marker is the surest sign, a
// promise in the speaker's own words next, an inference from context the least.
const (
	confMarker      = 0.95
	confMarkerBare  = 0.85
	confPromise     = 0.85
	confNotesAssign = 0.8
	confAssigned    = 0.75
	confRequest     = 0.7
	confHedged      = 0.6
	confUnowned     = 0.45
)

// acceptWindow is how many turns after a request or an assignment an answer is looked for.
const acceptWindow = 4

// Name patterns: a capitalised name of up to three words, initials written with capitals
// ("KK", "eP", "TBL") or an @handle.
const (
	nameRE     = `(?:@[\w.-]+|\p{Lu}[\p{L}'’-]*(?:\s\p{Lu}[\p{L}'’-]*){0,2}|\p{Ll}\p{Lu}{1,3})`
	nameListRE = nameRE + `(?:\s*(?:,|/|&|\+|\band\b|,\s*and\b)\s*` + nameRE + `)*`
)

var (
	// markerRe matches a scribe's action marker at the start of a line ("ACTION:", "Action
	// item -", "**Action item**:", "***Action #1:", "TODO", "AI:", "[ ]").
	markerRe = regexp.MustCompile(`(?i)^[\s>*+\-•]*(?:\d+[.)]\s+)?(?:[*_]{1,3}\s*)?(?:(?:action(?:\s*items?)?|actions|AI|to-?do|next\s+steps?|follow[- ]?ups?)(?:\s*#\s*\d+)?\s*[*_]{0,3}\s*(?:[:\-–—]|(?-i:\s+[*_]{0,3}[:\-–—]))\s*[*_]{0,3}|TODO\b:?|\[\s?\]|☐)\s*`)
	// doneBoxRe matches a ticked task box: the work is done, not promised.
	doneBoxRe = regexp.MustCompile(`(?i)^[\s>*+\-•]*\[[x✓]\]`)
	// markerSpeakerRe matches a speaker label that is really a marker ("ACTION: …" read as a
	// speaker called ACTION).
	markerSpeakerRe = regexp.MustCompile(`(?i)^(?:action(?: items?)?(?: \d+)?|ai|todo|to do|next steps?)$`)
	// actionHeadingRe matches the heading of an action list.
	actionHeadingRe = regexp.MustCompile(`(?i)^(?:\d+[.)]\s*)?(?:(?:new|open|summary of)\s+)?(?:action\s*items?|actions?|next\s+steps|to-?dos?|follow[- ]?ups?|tasks|assignments|action\s*items?\s*(?:&|and)\s*next\s+steps)$`)
	// leadOwnerRe matches an item that opens with its owners: "KK, SC to review PR",
	// "Ben: update the doc", "Ana will draft it".
	leadOwnerRe = regexp.MustCompile(`^(` + nameListRE + `)(?:\s+(?:to|will|shall|can|is\s+going\s+to|are\s+going\s+to)\b|['’]ll\b|\s*:|\s+[-–—])\s*(.+)$`)
	// trailOwnerRe matches an item that ends with its owners: "Publish 0.9.1, SC.",
	// "Follow up in issue 355. KK, SC.", "draft the charter (Ana)".
	trailOwnerRe = regexp.MustCompile(`(?:[,.;:]\s*|\s[-–—]\s*|\s*(\())(?:owners?:?\s*)?(` + nameListRE + `)\s*\)?[\s.*_]*$`)
	// agendaRe matches a "let's…" that moves the meeting along rather than naming work.
	agendaRe = regexp.MustCompile(`(?i)^(?:(?:talk\s+about|discuss|go\s+(?:over|through)|turn\s+to|start\s+with|move\s+(?:on|to))\b.*|(?:look\s+at|take\s+a\s+look\s+at|cover)\b.*\b(?:next|now|first|then))[.!]?$`)
	// presentOwnerRe matches an item that opens with its owner and a verb in the present
	// tense: "Priya requests the quote", "Fatima sends the hold".
	presentOwnerRe = regexp.MustCompile(`^(` + nameListRE + `)\s+(\p{Ll}+s)\s+(.+)$`)
	// canActRe matches "I can" and "I'd like to" before a task; promise checks that a concrete
	// action follows.
	canActRe = regexp.MustCompile(`(?i)(?:^|[\s,;:(—–-])i(?:\s+can(?:\s+also)?|['’]d\s+like\s+to|\s+would\s+like\s+to)\s+`)
	// vocativeRe matches the person a request is addressed to: "María, can you…".
	vocativeRe = regexp.MustCompile(`^(` + nameRE + `),\s`)
	// pointsBackRe matches a task that refers back to something named before: "post them".
	pointsBackRe = regexp.MustCompile(`(?i)\b(?:it|them|that|those|this|these)\b`)
	// mentionRe matches an @handle.
	mentionRe = regexp.MustCompile(`(?:^|\s)@([\w.-]+)`)
	// nameSplitRe splits a list of names.
	nameSplitRe = regexp.MustCompile(`\s*(?:,\s*and\b|,|/|&|\+|\band\b)\s*`)

	// promiseRe matches a promise in the first person; the task follows it.
	promiseRe = regexp.MustCompile(`(?i)(?:^|[\s,;:(—–-])(?:(?:i|we)(?:['’]ll|\s+will|\s+shall|['’]m\s+going\s+to|\s+am\s+going\s+to|['’]re\s+going\s+to|\s+are\s+going\s+to|['’]m\s+gonna|\s+am\s+gonna|['’]d\s+be\s+happy\s+to|\s+would\s+be\s+happy\s+to|['’]m\s+happy\s+to|\s+am\s+happy\s+to|\s+volunteer\s+to|\s+promise\s+to|\s+commit\s+to|\s+can\s+(?:take|handle|own|do|pick\s+up|grab|drive|cover|look\s+into|follow\s+up|send|write|draft|set\s+up|schedule|put\s+together|reach\s+out|ping|check|prepare|update|fix|review)\b|\s+(?:will\s+)?take\s+(?:an?\s+|the\s+)?action(?:\s+item)?\s+to|\s+have\s+the\s+action\s+to)|let\s+me|leave\s+(?:it|that|this)\s+with\s+me|(?:i['’]m\s+)?on\s+it\b)`)
	// promiseNegRe matches words that undo a promise just after it: "I will not", "I'll never".
	promiseNegRe = regexp.MustCompile(`(?i)^\s*(?:not|never|no\s+longer|n['’]t)\b`)
	// discourseRe matches what follows "I'll"/"let me" when it is talk, not a task: "I'll be
	// honest", "let me think", "I'll pass", "I'll mute" (but not "I'll mute the alerts").
	discourseRe = regexp.MustCompile(`(?i)^\s*(?:just\s+)?(?:(?:be\s+(?:honest|brief|quick|frank|clear|candid|there|out|away|off|back|late|on\s+(?:leave|holiday|vacation|pto))|be\b(?:\s+\w+ing\b)?|say|admit|add\s+(?:that|to\s+that|one\s+thing|something)|pass|think|know|see\s+(?:you|what)|guess|bet|tell\s+you\s+what|start\s+(?:with|by|off)|begin|go\s+(?:first|next|ahead|on|back|over)|kick\s+(?:it\s+)?off|walk\s+(?:you\s+)?through|recap|summari[sz]e|repeat|rephrase|clarify|explain|answer|respond|note\s+that|mention|point\s+out|leave\s+it\s+(?:there|at\s+that)|keep\s+it\s+(?:short|brief)|defer|echo|second\s+that|jump\s+in|stop|hand\s+(?:it\s+)?over|turn\s+it\s+over|share\s+my\s+screen|stop\s+sharing|give\s+(?:you\s+)?an\s+example|put\s+it\s+this\s+way|ask\s+(?:a|one|you)|interrupt|push\s+back|play\s+devil|get\s+this\s+straight|understand|have\s+a\s+look\s+now|try\s+to\s+explain|need\b|miss\b|take\s+(?:that|it)\s+back|let\s+you\s+go|let\s+(?:others|someone|you)\s+(?:speak|talk|jump|answer|go)|remember|wait|see\s+if\s+i\s+understand|just\s+say)\b|(?:un)?mute(?:\s+(?:myself|me|now|again))?\W*$)`)
	// sarcasmRe matches signs that a promise is not meant: "yeah right", "as if", "lol", "/s".
	sarcasmRe = regexp.MustCompile(`(?i)\byeah,?\s+right\b|\bas\s+if\b|\blol\b|\blmao\b|(?:^|\s)/s\b|\bin\s+my\s+spare\s+time\b|^(?:oh,?\s+)?sure,?\s+(?:i['’]ll|let\s+me)\s+just\b.*\b(?:everything|no\s+problem|of\s+course|in\s+my\s+sleep)\b|^oh,?\s+(?:great|sure|perfect|wonderful|fantastic|brilliant)\b|\bwhy\s+not\W*$|\bno\s+problem\s+at\s+all\W*$|\bwhat\s+could\s+(?:possibly\s+)?go\s+wrong\b|(?:i['’]ll|i\s+will)\s+(?:just\s+|also\s+)+(?:personally\s+)?\w+\s+(?:the\s+)?(?:entire|whole|every|all\s+of)\b`)
	// reportedRe matches reported speech before a promise: "she said she'd", "he told us he will".
	reportedRe = regexp.MustCompile(`(?i)\b(?:he|she|they|\p{Lu}\p{Ll}+)\s+(?:said|says|told|wrote|mentioned|claimed|promised|replied|emailed|texted)\b`)
	// quotedRe matches a promise quoted from elsewhere: "wrote: I'll", "said, 'I'll".
	quotedRe = regexp.MustCompile(`(?i)\b(?:said|says|wrote|writes|told\s+\w+|quote|quoting)\s*[,:]?\s*["“'‘]`)
	// conditionalRe matches a condition on a promise; isConditional runs it.
	conditionalRe = regexp.MustCompile(`(?i)\b(?:if|assuming|provided(?:\s+that)?|as\s+long\s+as|unless|depending\s+on|once\s+we\s+(?:get|have|hear))\b`)
	// hedgeRe matches words that soften a promise.
	hedgeRe = regexp.MustCompile(`(?i)\b(?:try|probably|maybe|perhaps|hopefully|might|attempt)\b`)
	// thirdPersonRe matches work given to named people: "Ben will send it", "Ben and Ana are
	// going to draft it".
	thirdPersonRe = regexp.MustCompile(`(?:^|[\s,;:(])(` + nameListRE + `)(?:\s+(?:will|shall|is\s+going\s+to|are\s+going\s+to|is\s+gonna|agreed\s+to|volunteered\s+to|offered\s+to|has\s+(?:the\s+)?action\s+to|can\s+take|will\s+take\s+care\s+of)|['’]ll)\s+(.+)$`)
	// notesAssignRe matches the scribe's "Ben to update the doc" at the start of a sentence.
	notesAssignRe = regexp.MustCompile(`^[\s>*+\-•]*(` + nameListRE + `)\s+to\s+(\p{Ll}.+)$`)
	// statusVerbRe matches what follows "Ben will" when it is not a task: "Ben will be out",
	// "Ben will love this".
	statusVerbRe = regexp.MustCompile(`(?i)^\s*(?:not|never|probably\s+(?:say|not)|be\b(?:\s+(?:out|away|off|back|late|there|here|happy|fine|ok|okay|glad|upset|angry|surprised|on\s+(?:leave|holiday|vacation|pto)|able|in)\b|\s*$)|love|like|hate|know|want|feel|think|say|agree|disagree|understand|remember|appreciate|recall|notice|hear|prefer|object|complain|argue|laugh|enjoy|see\s+(?:you|that)|have\s+(?:a|an|the)\s+(?:chance|opportunity|baby|day|week|time)|get\s+(?:mad|angry|upset|bored)|need|probably|likely|also\s+be)\b`)
	// requestRe matches a request: "can you send it?", "could someone review the PR?",
	// "please file a ticket", "who can take the notes?".
	requestRe = regexp.MustCompile(`(?i)^(?:` + nameRE + `,\s*)?(?:(?:so|and|ok(?:ay)?|also|then|hey),?\s+)*(?:(?:can|could|would|will)\s+(?:you|someone|somebody|anyone|one\s+of\s+you)(?:\s+(?:please|maybe|also))*\s+|would\s+you\s+mind\s+|please\s+|who(?:['’]s|\s+is)\s+going\s+to\s+|who(?:['’]ll|\s+(?:can|could|wants\s+to|will|would\s+like\s+to|owns))\s+|(?:does\s+)?any(?:one|body)\s+(?:want|wants|willing|able)\s+to\s+|i\s+need\s+(?:you|someone|somebody)\s+to\s+)(.+?)[\s?.!,]*$`)
	// needRe matches work the group names without an owner: "we need to …", "someone should …",
	// "let's …".
	needRe = regexp.MustCompile(`(?i)(?:^|[\s,;:])(?:we|someone|somebody|someone\s+else|one\s+of\s+us)\s+(?:should|need\s+to|needs\s+to|must|have\s+to|has\s+to|ought\s+to|will\s+need\s+to)\s+(.+)$`)
	// vagueFollowUpRe matches the follow-ups a group promises without naming who: "we'll look
	// into it", "we will get back to you".
	vagueFollowUpRe = regexp.MustCompile(`(?i)^(?:also\s+|then\s+|definitely\s+)?(?:look\s+into|follow\s+up|get\s+back\s+to|circle\s+back|check\s+(?:on|with|into)|investigate|figure\s+out|sort\s+out|dig\s+into|find\s+out|take\s+a\s+look)\b`)
	// actionVerbRe matches a concrete action, as opposed to "be careful" or "think about it".
	actionVerbRe = regexp.MustCompile(`(?i)^(?:also\s+|then\s+|probably\s+|just\s+|definitely\s+|really\s+|actually\s+)*(?:send|email|e-mail|write|draft|update|file|open|create|schedule|set\s+up|book|ping|contact|reach\s+out|follow[- ]up|review|fix|merge|publish|document|add|remove|ask|share|post|prepare|investigate|look\s+into|look\s+at|take\s+a\s+look|dig\s+into|figure\s+out|find\s+out|talk\s+to|sync\s+with|test|deploy|circulate|move|close|organi[sz]e|propose|announce|rename|label|assign|notify|inform|invite|confirm|call|raise|submit|check\s+with|get\s+back\s+to|put\s+together|write\s+up|clean\s+up|sort\s+out|reply\s+to|respond\s+to|tell|let\s+\w+\s+know|make\s+(?:a|an)\s+\w+|run|benchmark|measure|file|track|escalate|summari[sz]e\s+(?:this|the\s+\w+)\s+(?:in|on|for)|start(?:\s+on)?|pair|own|line\s+up|handle|take\s+(?:the|a|care)|do\s+the|mute|cap|roll\s+out|sign\s+off|request|set|build|implement|ship|migrate|rotate|reach|drive|coordinate|arrange|sync|write|collect|gather|compile|find|dig)\b`)
	// acceptRe matches an answer that takes on work.
	acceptRe = regexp.MustCompile(`(?i)^[\s"'“]*(?:ok(?:ay)?|sure|yes|yeah|yep|yup|will\s+do|on\s+it|i\s+can|i\s+will|i['’]ll|fine|sounds\s+good|no\s+problem|absolutely|of\s+course|definitely|happy\s+to|got\s+it|can\s+do|agreed|alright|all\s+right|roger|certainly|i['’]m\s+on\s+it|works\s+for\s+me|me|i\s+(?:can|will)\s+take)\b`)
	// refuseRe matches an answer that declines.
	refuseRe = regexp.MustCompile(`(?i)^[\s"'“]*(?:no\b|nope|i\s+can['’]?t|i\s+cannot|i\s+won['’]t|not\s+(?:me|sure|really)|yeah,?\s+right)`)
	// pronounTaskRe matches a task that only points back: "do it", "take that", "it".
	pronounTaskRe = regexp.MustCompile(`(?i)^(?:(?:do|send|take|handle|grab|get|own|cover|check|fix|write|draft|take\s+care\s+of|look\s+into|follow\s+up\s+on|deal\s+with|sort|pick\s+up|run\s+with|drive)\s+)?(?:it|that|this|those|them|one|that\s+one|this\s+one)?(?:\s+(?:on|up|over|done|sorted|handled))?(?:\s+(?:this|next)\s+(?:week|month)|\s+(?:today|tomorrow|later|soon|asap))?$`)
	// clauseEndRe matches where the task's clause ends: a reason, a condition, a "which" or
	// "then we" clause, "as I said", or a comment after a comma ("…, it's nearly done").
	clauseEndRe = regexp.MustCompile(`(?i)(?:,\s+so\s|[,;]?\s+(?:but|because|since|so\s+that|so\s+we|so\s+you|as\s+long\s+as|if|unless|assuming|provided|though|although|which|otherwise|once\s+(?:(?-i:\p{Lu})\p{L}*|(?:we|you|they|he|she|i|it|the|this|that)\b)|(?:and\s+)?then\s+(?:we|you|they|he|she|it)|and\s+(?:we|you|they|he|she)\s+(?:can|will|should)|as\s+(?:i|we)\s+(?:said|say|promised|mentioned)|at\s+some\s+point)\b|;|,\s+as\s+(?:promised|discussed|agreed|mentioned|planned|requested|usual|always)\b|,\s+(?:it|he|she|they|there|that|we|you|i)(?:['’](?:s|re|ve|ll|d|m)|\s+(?:is|are|was|were|has|have|had|think|know|guess|said|says|called|keeps?|seems?|looks?|needs?|wants?))\b|\s[-–—]\s|\s\(|,\s+(?:right|ok(?:ay)?|yeah|alright|then|too|please)\b|\s+(?:ok(?:ay)?|right)\s*\?)`)
	// fillerRe matches words before a task that add nothing to it.
	fillerRe = regexp.MustCompile(`(?i)^(?:just|also|really|actually|definitely|probably|quickly|go\s+ahead\s+and|try\s+to|try\s+and|then|first|certainly|gladly|happily|personally|make\s+sure\s+(?:to|that\s+i)|be\s+sure\s+to|need\s+to|have\s+to|,)\s+`)
	// genericOwners are words in an owner's place that name nobody in particular.
	genericOwners = map[string]bool{
		"everyone": true, "everybody": true, "someone": true, "somebody": true, "anyone": true,
		"all": true, "we": true, "us": true, "they": true, "you": true, "i": true, "he": true,
		"she": true, "it": true, "this": true, "that": true, "please": true, "also": true,
		"then": true, "note": true, "the": true, "a": true, "nobody": true, "none": true,
		"tbd": true, "n a": true, "who": true, "what": true, "next": true, "action": true,
	}
)

// Cheap tests that a sentence could match a rule, run before its regular expression.
var (
	promiseHints    = []string{"i'd like to", "i’d like to", "i'll", "i’ll", "i will", "i shall", "going to", "gonna", "happy to", "volunteer", "promise", "commit", "i can", "action", "let me", "with me", "on it", "we'll", "we’ll", "we will", "we shall"}
	assignHints     = []string{"will", "'ll", "’ll", "going to", "gonna", "agreed to", "volunteered", "offered", "action to", "can take"}
	needHints       = []string{"should", "need", "must", "have to", "has to", "ought", "let's", "let’s", "let us"}
	requestHints    = []string{"you", "someone", "somebody", "anyone", "anybody", "please", "who"}
	markerHintBytes = "AaTtNnFf[☐"
)

// The hint lists speech looks for in each sentence, as the bits that sentenceHints.find sets.
const (
	hintRequest = 1 << iota
	hintPromise
	hintAssign
	hintNeed
	hintTo
	hintSarcasm
	hintSarcasmNeed
	hintSarcasmAdverb
	hintSarcasmScope
)

// sentenceHints indexes the hint lists of a sentence in the order of the hint bits above, so
// that one pass over the sentence tells every cheap test speech makes.
var sentenceHints = newHintIndex(requestHints, promiseHints, assignHints, needHints, []string{" to "},
	sarcasmHints, sarcasmNeeds, sarcasmAdverbs, sarcasmScopes)

// sarcasmHints are lower-case parts of every match of sarcasmRe.
var sarcasmHints = []string{"right", "as if", "lol", "lmao", "/s", "spare time", "sure", "oh", "why not", "no problem", "go wrong", "entire", "whole", "every", "all of"}

// isSarcastic reports whether s says a promise it does not mean.
func isSarcastic(s string) bool {
	return isSarcasticLower(s, strings.ToLower(s))
}

// isSarcasticLower is isSarcastic for s with its lower case already made.
func isSarcasticLower(s, lower string) bool {
	return isSarcasticHinted(s, lower, sentenceHints.find(lower))
}

// isSarcasticHinted is isSarcastic for s with its lower case and its sentenceHints already
// found.
func isSarcasticHinted(s, lower string, hints uint32) bool {
	return hints&hintSarcasm != 0 && maySarcasm(s, lower, hints) && sarcasmRe.MatchString(s)
}

// maySarcasm is a cheap test that sarcasmRe could match s (lower is s in lower case, hints its
// sentenceHints): each of its branches needs one of these words. Case folding in the pattern
// also matches the Kelvin sign and the long s, so a sentence holding one of them always goes
// to the pattern.
func maySarcasm(s, lower string, hints uint32) bool {
	if foldsToASCII(s) {
		return true
	}
	return strings.HasPrefix(lower, "oh") || strings.HasPrefix(lower, "sure") || hints&hintSarcasmNeed != 0 ||
		hints&hintSarcasmAdverb != 0 && hints&hintSarcasmScope != 0
}

// The words maySarcasm looks for: one of sarcasmNeeds, or an adverb with a scope ("I'll just
// rewrite the entire thing").
var (
	sarcasmNeeds   = []string{"yeah", "if", "lol", "lmao", "/s", "spare", "why", "problem", "wrong"}
	sarcasmAdverbs = []string{"just", "also"}
	sarcasmScopes  = []string{"entire", "whole", "every", "all"}
)

// reportedVerbs and quotedVerbs are the verbs that every match of reportedRe and of quotedRe
// holds, lower case.
var (
	reportedVerbs = []string{"said", "says", "told", "wrote", "mentioned", "claimed", "promised", "replied", "emailed", "texted"}
	quotedVerbs   = []string{"said", "says", "wrote", "writes", "told", "quot"}
)

// isReported reports whether reportedRe matches s, looking for its verbs first.
func isReported(s string) bool {
	return mayHold(s, reportedVerbs) && reportedRe.MatchString(s)
}

// isQuoted reports whether quotedRe matches s, looking for its verbs first.
func isQuoted(s string) bool {
	return mayHold(s, quotedVerbs) && quotedRe.MatchString(s)
}

// mayHold is a cheap test that a case-insensitive pattern needing one of words (lower-case
// ASCII) could match s. Case folding also matches the long s and the Kelvin sign to "s" and
// "k", so a string holding one of them always passes.
func mayHold(s string, words []string) bool {
	if s == "" {
		return false
	}
	return mayHoldLower(s, strings.ToLower(s), words)
}

// mayHoldLower is mayHold for s with its lower case already made.
func mayHoldLower(s, lower string, words []string) bool {
	return foldsToASCII(s) || hasAny(lower, words)
}

// clauseWords are the words after a space with which clauseEndRe can match, and condWords the
// words with which conditionalRe can.
var (
	clauseWords = []string{"but", "because", "since", "so", "as", "if", "unless", "assuming", "provided", "though", "although", "which", "otherwise", "once", "and", "then", "at"}
	condWords   = []string{"if", "assuming", "provided", "as", "unless", "depending", "once"}
)

// mayEndClause is a cheap test that clauseEndRe could match task: each of its branches needs
// one of these marks, or one of clauseWords at the start of a word.
func mayEndClause(task string) bool {
	return strings.ContainsAny(task, ",;(-–—?") || mayStartWord(task, clauseWords)
}

// isConditional reports whether conditionalRe matches s, looking for its words first.
func isConditional(s string) bool {
	return mayStartWord(s, condWords) && conditionalRe.MatchString(s)
}

// mayStartWord is a cheap test that a case-insensitive pattern that needs one of words (lower
// case ASCII) at the start of a word could match s: one of them starts a word of s, in any
// case. Case folding also matches the long s and the Kelvin sign to "s" and "k", so a string
// holding one of them always passes.
func mayStartWord(s string, words []string) bool {
	for k := 0; k < len(s); k++ {
		if !isWordByte(s[k]) || k > 0 && isWordByte(s[k-1]) {
			continue
		}
		for _, w := range words {
			if hasPrefixFold(s[k:], w) {
				return true
			}
		}
	}
	return foldsToASCII(s)
}

// foldsToASCII reports whether s holds a letter that case-insensitive patterns match to an
// ASCII letter: the Kelvin sign (k) or the long s (s).
func foldsToASCII(s string) bool {
	return strings.Contains(s, "\u212a") || strings.Contains(s, "\u017f")
}

// hasPrefixFold reports whether s starts with prefix (lower-case ASCII) in any ASCII case.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// hasAny reports whether lower contains one of the hints.
func hasAny(lower string, hints []string) bool {
	for _, h := range hints {
		if strings.Contains(lower, h) {
			return true
		}
	}
	return false
}

// people resolves the names said in a meeting to its attendees.
type people struct {
	// byName maps a folded full name, alias, first or last name to an attendee; "" marks a
	// form shared by several attendees.
	byName map[string]string
	// byInitials maps folded initials to an attendee, "" when shared.
	byInitials map[string]string
}

// newPeople indexes the attendees of m by every form that can name them.
func newPeople(m *transcript.Meeting) people {
	p := people{byName: map[string]string{}, byInitials: map[string]string{}}
	put := func(to map[string]string, k, name string, exact bool) {
		if k == "" {
			return
		}
		if have, ok := to[k]; ok && have != name {
			if !exact {
				to[k] = ""
			}
			return
		}
		to[k] = name
	}
	for _, a := range m.Attendees {
		put(p.byName, transcript.FoldName(a.Name), a.Name, true)
		for _, al := range a.Aliases {
			put(p.byName, transcript.FoldName(al), a.Name, true)
		}
	}
	for _, a := range m.Attendees {
		words := strings.Fields(transcript.FoldName(a.Name))
		if len(words) > 1 {
			if _, exact := p.byName[words[0]]; !exact || p.byName[words[0]] != a.Name {
				put(p.byName, words[0], a.Name, false)
			}
			put(p.byName, words[len(words)-1], a.Name, false)
		}
		for _, in := range transcript.Initials(a.Name) {
			put(p.byInitials, in, a.Name, false)
		}
		for _, al := range a.Aliases {
			if looksLikeInitials(al) {
				put(p.byInitials, transcript.FoldName(al), a.Name, false)
			}
		}
	}
	return p
}

// resolve returns the attendee a name names, or "" when none or several do.
func (p people) resolve(name string) string {
	name = strings.TrimPrefix(strings.TrimSpace(name), "@")
	k := transcript.FoldName(name)
	if n := p.byName[k]; n != "" {
		return n
	}
	if looksLikeInitials(name) {
		if n := p.byInitials[k]; n != "" {
			return n
		}
	}
	// An @handle such as "ben.smith" or "bsmith".
	if strings.ContainsAny(name, "._") {
		if n := p.byName[transcript.FoldName(strings.NewReplacer(".", " ", "_", " ").Replace(name))]; n != "" {
			return n
		}
	}
	return ""
}

// owners resolves a list of names ("KK, JB and SC") to attendees joined by " / ". When
// strict, every name must be an attendee; otherwise a name that looks like one (capitalised,
// or initials) is kept as written. ok is false when the list names nobody.
func (p people) owners(list string, strict bool) (string, bool) {
	var out []string
	for _, part := range nameSplitRe.Split(strings.TrimSpace(list), -1) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if genericOwners[transcript.FoldName(part)] {
			return "", false
		}
		n := p.resolve(part)
		if n == "" {
			if strict || !looksLikeName(part) {
				return "", false
			}
			n = strings.TrimPrefix(part, "@")
		}
		dup := false
		for _, o := range out {
			dup = dup || o == n
		}
		if !dup {
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		return "", false
	}
	return strings.Join(out, " / "), true
}

// looksLikeInitials is true for 2 to 4 letters with at least one capital after the first
// letter or all capitals: "KK", "eP", "TBL".
func looksLikeInitials(s string) bool {
	r := []rune(s)
	if len(r) < 2 || len(r) > 4 {
		return false
	}
	upper := 0
	for i, c := range r {
		if !unicode.IsLetter(c) {
			return false
		}
		if unicode.IsUpper(c) {
			upper++
			if i > 0 && !unicode.IsUpper(r[0]) {
				return true
			}
		}
	}
	return upper == len(r)
}

// looksLikeName is true for a capitalised word or initials that is not a common word.
func looksLikeName(s string) bool {
	s = strings.TrimPrefix(s, "@")
	if s == "" || genericOwners[transcript.FoldName(s)] {
		return false
	}
	r := []rune(s)
	return unicode.IsUpper(r[0]) || looksLikeInitials(s)
}

// candidate is a commitment found in one sentence, before duplicates are merged.
type candidate struct {
	c     Commitment
	turn  int
	words map[string]bool
	// marker is true for an item the scribe marked ("ACTION: …"): two marked items are two
	// commitments even when they read the same.
	marker bool
}

// pending is work someone asked for or named, waiting for a taker.
type pending struct {
	task  string
	quote string
	asker string
	// addressee is the attendee a request named ("María, can you…"), or "" for anyone.
	addressee string
	turn      int
	request   bool
	due       string
	dueText   string
}

// finder holds the state of one pass over a meeting.
type finder struct {
	m      *transcript.Meeting
	x      *meetingText
	people people
	notes  bool
	found  []candidate
	ask    *pending
}

// findCommitments finds every commitment in the meeting: scribes' action markers and action
// lists, promises in the first person, work given to named people (flagged when the owner never
// accepted it), requests someone took on, and concrete work the group named with no owner.
// Each carries its evidence; the same commitment said twice is reported once.
func findCommitments(m *transcript.Meeting) []Commitment {
	return findCommitmentsIn(newMeetingText(m))
}

// findCommitmentsIn is findCommitments reading the turns through x.
func findCommitmentsIn(x *meetingText) []Commitment {
	m := x.m
	f := &finder{m: m, x: x, people: newPeople(m), notes: m.Format == transcript.FormatNotes || !m.HasTimes && !m.HasSpeakers}
	inList := false
	for i, t := range m.Turns {
		text := strings.TrimSpace(t.Text)
		if text == "" {
			continue
		}
		if t.Speaker == "" {
			if h, ok := heading(text); ok {
				inList = actionHeadingRe.MatchString(h)
				continue
			}
		}
		if doneBoxRe.MatchString(text) {
			continue
		}
		if markerSpeakerRe.MatchString(transcript.FoldName(t.Speaker)) {
			f.item(i, text, "", confMarker)
			continue
		}
		if !strings.ContainsAny(text[:min(len(text), 12)], markerHintBytes) {
			// No marker can start this line.
		} else if loc := markerRe.FindStringIndex(text); loc != nil && loc[1] < len(text) && text[loc[1]] != '.' {
			// (A marker word ending its own sentence, "TODO. Same as above", reports status.)
			f.item(i, text[loc[1]:], "", confMarker)
			continue
		}
		if inList && (t.Speaker == "" || !m.HasTimes) {
			body := strings.TrimLeft(text, " >*+-•\t")
			if t.Speaker != "" && !promiseRe.MatchString(body) {
				f.item(i, body, t.Speaker, confMarker)
			} else {
				f.item(i, body, "", confMarker)
			}
			continue
		}
		f.speech(i)
	}
	return f.merge()
}

// heading returns the text of a heading turn without its markup: "## Action items" ->
// "Action items". A short line ending in ":" or wholly in bold is a heading too.
func heading(text string) (string, bool) {
	h := strings.TrimSpace(text)
	switch {
	case strings.HasPrefix(h, "#"):
		h = strings.TrimLeft(h, "# ")
	case strings.HasPrefix(h, "**") && strings.HasSuffix(h, "**") && len(h) > 4:
		h = strings.Trim(h, "* ")
	case strings.HasSuffix(h, ":") && countWords(h) <= 5:
	default:
		if !actionHeadingRe.MatchString(strings.Trim(h, "*_: ")) {
			return "", false
		}
	}
	return strings.TrimSpace(strings.Trim(h, "*_: ")), true
}

// item records one line of a scribe's action list: body is the text after the marker. The
// owner is named at its start ("KK to …", "Ben: …"), at its end ("…, SC", "(Ana)"), by an
// @handle, or given as owner (a speaker under an action heading); else the item has none.
func (f *finder) item(i int, body, owner string, conf float64) {
	t := f.m.Turns[i]
	body = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(body), "*_"))
	if body == "" {
		return
	}
	// A scribe line may hold several assignments: "RV to make a draft. KK to assign issues."
	sentences := splitSentences(body)
	var groups [][]string
	for _, s := range sentences {
		if len(groups) > 0 {
			if m := notesAssignRe.FindStringSubmatch(s); m == nil || !f.isOwnerList(m[1], false) {
				groups[len(groups)-1] = append(groups[len(groups)-1], s)
				continue
			}
		}
		groups = append(groups, []string{s})
	}
	for _, g := range groups {
		first := g[0]
		end := strings.Index(t.Text, g[len(g)-1])
		start := strings.Index(t.Text, first)
		quote := first
		if start >= 0 && end >= start {
			quote = t.Text[start : end+len(g[len(g)-1])]
		}
		part := strings.Join(g, " ")
		if start >= 0 && end >= start {
			part = quote
		}
		f.itemPart(i, part, quote, owner, conf)
	}
}

// isOwnerList reports whether list names owners: attendees, or (when not strict) names.
func (f *finder) isOwnerList(list string, strict bool) bool {
	_, ok := f.people.owners(list, strict)
	return ok
}

// itemPart records one assignment of an action line.
func (f *finder) itemPart(i int, part, quote, owner string, conf float64) {
	t := f.m.Turns[i]
	task := part
	found := owner != ""
	if found {
		if o := f.people.resolve(owner); o != "" {
			owner = o
		}
	}
	if !found {
		if m := leadOwnerRe.FindStringSubmatch(part); m != nil {
			if o, ok := f.people.owners(m[1], false); ok {
				owner, task, found = o, m[2], true
			}
		}
	}
	if !found {
		if loc := trailOwnerRe.FindStringSubmatchIndex(part); loc != nil && loc[0] > 0 {
			paren := loc[2] >= 0
			if o, ok := f.people.owners(part[loc[4]:loc[5]], !paren); ok {
				owner, task, found = o, part[:loc[0]], true
			}
		}
	}
	if !found {
		// "Priya requests the brewery quote": a scribe's action item in the present tense.
		if m := presentOwnerRe.FindStringSubmatch(part); m != nil && actionVerbRe.MatchString(baseVerb(m[2])+" "+m[3]) {
			if o, ok := f.people.owners(m[1], true); ok {
				owner, task, found = o, baseVerb(m[2])+" "+m[3], true
			}
		}
	}
	if !found {
		if m := mentionRe.FindStringSubmatch(part); m != nil {
			if o := f.people.resolve(m[1]); o != "" {
				owner, found = o, true
				task = strings.Replace(task, strings.TrimSpace(m[0]), "", 1)
			}
		}
	}
	if !found {
		// "ACTION: I'll send the deck" or "Action item: Ben will send the deck".
		if m := promiseRe.FindStringIndex(part); m != nil && t.Speaker != "" && !markerSpeakerRe.MatchString(transcript.FoldName(t.Speaker)) && m[0] < 3 {
			owner, task, found = t.Speaker, part[m[1]:], true
		} else if m := thirdPersonRe.FindStringSubmatch(part); m != nil {
			if o, ok := f.people.owners(m[1], true); ok {
				owner, task, found = o, m[2], true
			}
		}
	}
	if !found {
		// "Someone should set up disk alerts": the task is what follows.
		if loc := findNeed(task); loc != nil && strings.TrimSpace(task[:loc[0]]) == "" {
			task = task[loc[2]:loc[3]]
		}
	}
	due, dueText := resolveDue(part, f.m.Date)
	task = cleanTask(task, dueText)
	if countWords(task) == 0 && !found {
		if o, ok := f.people.owners(part, true); ok {
			// "ACTION: SC" after SC's "I can wrap up the suggestions": the marker confirms it.
			f.confirm(i, o, quote)
		}
		return
	}
	if countWords(task) == 0 || isTemplate(task) {
		return
	}
	if !found {
		conf = confMarkerBare
	}
	c := Commitment{Owner: owner, Task: task, Due: due, DueText: dueText, Confidence: conf}
	if isConditional(part) {
		c.Flags = append(c.Flags, FlagConditional)
	}
	f.add(c, i, quote)
	f.found[len(f.found)-1].marker = true
}

// baseVerb turns a verb in the third person back into its base form: "sends" -> "send",
// "pushes" -> "push", "carries" -> "carry".
func baseVerb(v string) string {
	switch {
	case strings.HasSuffix(v, "ies") && len(v) > 4:
		return v[:len(v)-3] + "y"
	case strings.HasSuffix(v, "ches"), strings.HasSuffix(v, "shes"), strings.HasSuffix(v, "sses"), strings.HasSuffix(v, "xes"):
		return v[:len(v)-2]
	case strings.HasSuffix(v, "s") && !strings.HasSuffix(v, "ss"):
		return v[:len(v)-1]
	}
	return v
}

// referentWords is the longest a turn before a promise may be to be quoted whole as what
// the promise's "it" points to.
const referentWords = 60

// addReferent adds, to the commitment just found in sentence s of turn i, the words its "it"
// or "that" most likely points to: what the same turn said before the promise, or else the
// turn before, said by someone else (whole when short, its last sentence when long).
func (f *finder) addReferent(i int, s string) {
	if len(f.found) == 0 {
		return
	}
	last := &f.found[len(f.found)-1]
	t := f.m.Turns[i]
	if k := strings.Index(t.Text, s); k > 0 {
		if before := strings.TrimSpace(t.Text[:k]); countWords(before) >= 3 {
			last.c.Evidence = withEvidence(last.c.Evidence, EvidenceFor(t, before))
			if countWords(before) > 8 || !pointsBackRe.MatchString(before) {
				return
			}
			// "Oh, I didn't know that. I'll check with our admin.": what "that" is came before.
		}
	}
	if i == 0 || f.m.Turns[i-1].Speaker == t.Speaker {
		return
	}
	prev := f.m.Turns[i-1]
	quote := strings.TrimSpace(prev.Text)
	if countWords(quote) > referentWords {
		sentences := splitSentences(quote)
		if len(sentences) == 0 {
			return
		}
		quote = sentences[len(sentences)-1]
	}
	if quote == "" {
		return
	}
	last.c.Evidence = withEvidence(last.c.Evidence, EvidenceFor(prev, quote))
	if i >= 2 && countWords(quote) <= 8 && pointsBackRe.MatchString(quote) && f.m.Turns[i-2].Speaker != prev.Speaker {
		// "Can we fix it without her?" points back in turn: what it asks about came before.
		if q := strings.TrimSpace(f.m.Turns[i-2].Text); q != "" && countWords(q) <= referentWords {
			last.c.Evidence = withEvidence(last.c.Evidence, EvidenceFor(f.m.Turns[i-2], q))
		}
	}
}

// withEvidence adds e to list unless the list already cites the same words: the same line
// with a quote that holds e's (then e, the shorter and more precise, replaces it), or that
// e's holds.
func withEvidence(list []Evidence, e Evidence) []Evidence {
	for i, have := range list {
		if have.Line != e.Line {
			continue
		}
		switch {
		case strings.Contains(e.Quote, have.Quote):
			return list
		case strings.Contains(have.Quote, e.Quote):
			// The shorter quote is the more precise citation.
			list[i] = e
			return list
		}
	}
	return append(list, e)
}

// confirmWindow is how many turns back a marker naming only an owner looks for their promise.
const confirmWindow = 6

// confirm adds the evidence of a marker that names only an owner ("ACTION: SC") to that
// owner's latest commitment in the turns just before it.
func (f *finder) confirm(i int, owner, quote string) {
	for k := len(f.found) - 1; k >= 0; k-- {
		c := &f.found[k]
		if i-c.turn > confirmWindow {
			return
		}
		if c.c.Owner == owner {
			c.c.Evidence = withEvidence(c.c.Evidence, EvidenceFor(f.m.Turns[i], quote))
			c.c.Confidence = max(c.c.Confidence, confMarker)
			return
		}
	}
}

// isTemplate is true for placeholder text left from a minutes template: "text", "TBD", "...".
func isTemplate(task string) bool {
	switch transcript.FoldName(task) {
	case "text", "tbd", "tba", "none", "n a", "na", "todo", "name", "name text", "item", "":
		return true
	}
	return false
}

// speech looks for commitments in the sentences of a spoken (or noted) turn.
func (f *finder) speech(i int) {
	t := f.m.Turns[i]
	if f.ask != nil && i-f.ask.turn > acceptWindow {
		f.ask = nil
	}
	sentences := f.x.sentences(i)
	took := false
	sarcastic := make([]bool, len(sentences))
	hints := make([]uint32, len(sentences))
	for k, s := range sentences {
		lower := f.x.lower(i, k)
		hints[k] = sentenceHints.find(lower)
		sarcastic[k] = isSarcasticHinted(s, lower, hints[k])
	}
	prevFrom, prevTo := 0, 0 // the commitments the sentence before found
	for k, s := range sentences {
		from := len(f.found)
		f.sentence(i, k, s, sarcastic, hints, &took)
		if len(f.found) == from {
			f.sentenceDue(i, s, prevFrom, prevTo)
		}
		prevFrom, prevTo = from, len(f.found)
	}
	a := f.ask
	answering := a != nil && a.request && t.Speaker != "" && t.Speaker != a.asker && i > a.turn &&
		(a.addressee == "" || a.addressee == t.Speaker)
	if !answering {
		return
	}
	// Whoever answers a request first gets one chance to take it on.
	f.ask = nil
	accepts := len(sentences) > 0 && acceptRe.MatchString(sentences[0]) && !refuseRe.MatchString(sentences[0]) && !isSarcastic(t.Text)
	// "Can you share the mockups?" / "Sure, I'll post them tomorrow.": the promise answers the
	// request, so it takes the request's task when its own only points back to it.
	if took && accepts && len(f.found) > 0 && f.found[len(f.found)-1].turn == i {
		last := &f.found[len(f.found)-1]
		if pointsBackRe.MatchString(last.c.Task) {
			last.c.Task = a.task
			last.words = taskWords(a.task)
		}
		if last.c.DueText == "" {
			last.c.Due, last.c.DueText = a.due, a.dueText
		}
		last.c.Evidence = withEvidence(last.c.Evidence, EvidenceFor(f.m.Turns[a.turn], a.quote))
		return
	}
	// "Sure." after "Can you send it?": the one who answered owns the task.
	if !took {
		if accepts {
			c := Commitment{Owner: t.Speaker, Task: a.task, Due: a.due, DueText: a.dueText, Confidence: confRequest}
			f.add(c, a.turn, a.quote)
			f.found[len(f.found)-1].c.Evidence = withEvidence(f.found[len(f.found)-1].c.Evidence, EvidenceFor(t, sentences[0]))
		}
	}
}

// sentence looks for a commitment in sentence k (s) of turn i; took is set when the speaker
// promised work in it.
func (f *finder) sentence(i, k int, s string, sarcastic []bool, hints []uint32, took *bool) {
	sentences := f.x.sentences(i)
	if sarcastic[k] || k+1 < len(sentences) && sarcastic[k+1] && countWords(sentences[k+1]) <= 2 {
		return
	}
	if f.x.isQuestion(i, k) {
		if hints[k]&hintRequest != 0 {
			f.request(i, s)
		}
		return
	}
	if hints[k]&hintPromise != 0 {
		found := false
		for _, clause := range promiseClauses(s) {
			if f.promise(i, clause) {
				found = true
			}
		}
		if found {
			*took = true
			return
		}
	}
	if hints[k]&(hintAssign|hintTo) != 0 && f.assignment(i, s, hints[k]&hintAssign != 0) {
		return
	}
	if hints[k]&hintNeed != 0 {
		f.need(i, s)
	} else if strings.Contains(f.x.lower(i, k), "propose") {
		f.proposal(i, s)
	}
}

// followDueWords is the longest a sentence may be to date the commitments of the sentence
// before it: "Give me until next Wednesday.", "End of next week."
const followDueWords = 8

// sentenceDue gives the due date of sentence s of turn i, which found no commitment of its
// own, to the commitments found[from:to] of the sentence before when they have none and s is
// a short one that names a deadline.
func (f *finder) sentenceDue(i int, s string, from, to int) {
	if from == to || countWords(s) > followDueWords || isQuestion(s) || hasIWord(s) {
		return
	}
	due, dueText := resolveDue(s, f.m.Date)
	if dueText == "" {
		return
	}
	for k := from; k < to; k++ {
		if c := &f.found[k].c; c.Due == "" && c.DueText == "" {
			c.Due, c.DueText = due, dueText
			c.Evidence = withEvidence(c.Evidence, EvidenceFor(f.m.Turns[i], s))
		}
	}
}

// promiseAnchored is promiseRe anchored at the start of its input, for findPromise.
var promiseAnchored = regexp.MustCompile(`^(?:` + promiseRe.String() + `)`)

// findPromise returns the first match of promiseRe in s, as promiseRe.FindStringIndex does.
// A match starts at the start of s or at one of the marks before its subject ("I", "we",
// "let", "leave", "on"), so the anchored pattern is tried only there, and only when such a
// subject follows with the mark it needs after it.
func findPromise(s string) []int {
	// Case folding also matches the long s and the Kelvin sign to "s" and "k", so in a
	// string holding one of them only the first letter of the subject is looked at.
	subject := promiseSubject
	if foldsToASCII(s) {
		subject = promiseInitial
	}
	for q := 0; q < len(s); q++ {
		n := promiseSepLen(s[q:])
		if q > 0 && n == 0 {
			continue
		}
		if !(q == 0 && subject(s[q:])) && !(n > 0 && subject(s[q+n:])) {
			continue
		}
		if loc := promiseAnchored.FindStringIndex(s[q:]); loc != nil {
			return []int{q + loc[0], q + loc[1]}
		}
	}
	return nil
}

// needAnchored is needRe anchored at the start of its input, for findNeed.
var needAnchored = regexp.MustCompile(`^(?:` + needRe.String() + `)`)

// findNeed returns the first match of needRe in s with its group, as
// needRe.FindStringSubmatchIndex does. A match starts at the start of s or at a space or
// punctuation mark before its subject ("we", "someone", "one of us"), so the anchored pattern
// is tried only there. The long s folds to "s", so a string holding one goes to needRe.
func findNeed(s string) []int {
	if foldsToASCII(s) {
		return needRe.FindStringSubmatchIndex(s)
	}
	for q := 0; q < len(s); q++ {
		sep := strings.IndexByte(" \t\n\f\r,;:", s[q]) >= 0
		if q > 0 && !sep {
			continue
		}
		if !(q == 0 && needSubject(s[q:])) && !(sep && needSubject(s[q+1:])) {
			continue
		}
		loc := needAnchored.FindStringSubmatchIndex(s[q:])
		if loc == nil {
			continue
		}
		for k := range loc {
			if loc[k] >= 0 {
				loc[k] += q
			}
		}
		return loc
	}
	return nil
}

// needSubject reports whether s starts with the subject of a need and the word after it, in
// any case: "we", "someone" or "somebody" and one of needModals, "someone else", or "one of".
// The long s in s would need needRe, which findNeed runs instead.
func needSubject(s string) bool {
	switch {
	case hasPrefixFold(s, "we"):
		return wordFollows(s[2:], needModals)
	case hasPrefixFold(s, "someone"):
		return wordFollows(s[7:], needModals) || wordFollows(s[7:], []string{"else"})
	case hasPrefixFold(s, "somebody"):
		return wordFollows(s[8:], needModals)
	case hasPrefixFold(s, "one"):
		return wordFollows(s[3:], []string{"of"})
	}
	return false
}

// needModals are the starts of the words after the subject of every match of needRe.
var needModals = []string{"should", "need", "must", "have", "has", "ought", "will"}

// wordFollows reports whether s starts with one or more spaces (as \s matches them) and then
// one of words (lower-case ASCII), in any ASCII case.
func wordFollows(s string, words []string) bool {
	rest := strings.TrimLeft(s, " \t\n\f\r")
	if len(rest) == len(s) {
		return false
	}
	for _, w := range words {
		if hasPrefixFold(rest, w) {
			return true
		}
	}
	return false
}

// discourseStarts are the first words of every match of discourseRe, lower case.
var discourseStarts = []string{"just", "be", "say", "admit", "add", "pass", "think", "know", "see", "guess", "bet",
	"tell", "start", "begin", "go", "kick", "walk", "recap", "summari", "repeat", "rephrase", "clarify", "explain",
	"answer", "respond", "note", "mention", "point", "leave", "keep", "defer", "echo", "second", "jump", "stop",
	"hand", "turn", "share", "mute", "unmute", "give", "put", "ask", "interrupt", "push", "play", "get",
	"understand", "have", "try", "need", "miss", "take", "let", "remember", "wait"}

// isDiscourse reports whether discourseRe matches after, looking at its first word first.
func isDiscourse(after string) bool {
	if !foldsToASCII(after) {
		rest := strings.TrimLeft(after, " \t\n\f\r")
		found := false
		for _, w := range discourseStarts {
			if hasPrefixFold(rest, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return discourseRe.MatchString(after)
}

// promiseInitial reports whether a promise's subject can start s: its first letter is that
// of "I", "we", "let", "leave" or "on".
func promiseInitial(s string) bool {
	return s != "" && strings.IndexByte("iIwWlLoO", s[0]) >= 0
}

// promiseSubject reports whether s starts with the subject of a promise and the word after
// it, in any ASCII case: "I" or "we" and a verb of promiseVerbs or an apostrophe and one of
// promiseContractions ("I'll", "we will"), "let me", "leave it", "leave that", "leave this"
// or "on it". Only a string without the long s and the Kelvin sign can be told this way.
func promiseSubject(s string) bool {
	switch {
	case hasPrefixFold(s, "i"):
		return promiseVerbFollows(s[1:])
	case hasPrefixFold(s, "we"):
		return promiseVerbFollows(s[2:])
	case hasPrefixFold(s, "let"):
		return wordFollows(s[3:], []string{"me"})
	case hasPrefixFold(s, "leave"):
		return wordFollows(s[5:], []string{"it", "that", "this"})
	case hasPrefixFold(s, "on"):
		return wordFollows(s[2:], []string{"it"})
	}
	return false
}

// The words after "I" or "we" in every match of promiseRe: after spaces, one of
// promiseVerbs; after an apostrophe, one of promiseContractions.
var (
	promiseVerbs        = []string{"will", "shall", "am", "are", "would", "volunteer", "promise", "commit", "can", "take", "have"}
	promiseContractions = []string{"ll", "m", "re", "d"}
)

// promiseVerbFollows reports whether s, after "I" or "we", goes on as a promise can: an
// apostrophe and one of promiseContractions, or spaces and one of promiseVerbs.
func promiseVerbFollows(s string) bool {
	for _, apostrophe := range [...]string{"'", "’"} {
		if rest, ok := strings.CutPrefix(s, apostrophe); ok {
			for _, w := range promiseContractions {
				if hasPrefixFold(rest, w) {
					return true
				}
			}
			return false
		}
	}
	return wordFollows(s, promiseVerbs)
}

// promiseSepLen returns the length of the mark that can come before a promise's subject at
// the start of s (a space, ",", ";", ":", "(", "-", "–" or "—"), or 0.
func promiseSepLen(s string) int {
	switch {
	case s == "":
		return 0
	case strings.IndexByte(" \t\n\f\r,;:(-", s[0]) >= 0:
		return 1
	case strings.HasPrefix(s, "—") || strings.HasPrefix(s, "–"):
		return len("—")
	}
	return 0
}

// nextPromiseRe matches where a second promise starts in a sentence: "…, and I'll send…";
// the group is the subject of the second promise.
var nextPromiseRe = regexp.MustCompile(`(?i),?\s+(?:and|then|but|also|plus)\s+(?:then\s+|also\s+)?((?:i['’]ll|i\s+will|i\s+can|i['’]m\s+going\s+to|let\s+me)\b)`)

// promiseClauses splits a sentence where a second promise starts, so that "I can run the
// resync tonight, and I'll send a report tomorrow" gives two clauses. Each clause is a part of
// s, so quotes stay verbatim.
func promiseClauses(s string) []string {
	if !hasIWord(s) && !mayHold(s, []string{"let"}) {
		// Every second promise starts with "I" or "let me".
		return []string{s}
	}
	locs := nextPromiseRe.FindAllStringSubmatchIndex(s, -1)
	if len(locs) == 0 {
		return []string{s}
	}
	var out []string
	start := 0
	for _, l := range locs {
		if part := strings.TrimSpace(s[start:l[0]]); part != "" {
			out = append(out, part)
		}
		start = l[2]
	}
	return append(out, strings.TrimSpace(s[start:]))
}

// hasIWord reports whether s holds an "i" or "I" followed by an apostrophe or a space, as
// every "I'll", "I will" or "I can" does.
func hasIWord(s string) bool {
	for k := 0; k+1 < len(s); k++ {
		if s[k] != 'i' && s[k] != 'I' {
			continue
		}
		switch s[k+1] {
		case '\'', ' ', '\t', '\n', '\f', '\r', 0xe2: // 0xe2 opens "’"
			return true
		}
	}
	return false
}

// request remembers a question that asks for work ("can you send it?", "who can take notes?"),
// so that an answer in the next turns can take it on.
func (f *finder) request(i int, s string) {
	t := f.m.Turns[i]
	m := requestRe.FindStringSubmatch(s)
	if m == nil {
		m = topicAskRe.FindStringSubmatch(s)
	}
	if m == nil {
		return
	}
	due, dueText := resolveDue(s, f.m.Date)
	task := cleanTask(m[1], dueText)
	addressee := ""
	if v := vocativeRe.FindStringSubmatch(s); v != nil {
		addressee = f.people.resolve(v[1])
	} else if v := trailVocativeRe.FindStringSubmatchIndex(task); v != nil {
		if addressee = f.people.resolve(task[v[2]:v[3]]); addressee != "" {
			task = task[:v[0]]
		}
	}
	if countWords(task) == 0 {
		return
	}
	if pronounTaskRe.MatchString(task) && f.ask != nil {
		if addressee != "" && f.ask.request && f.ask.asker != t.Speaker {
			// "The design QA, who does that?" / "Can you do it, Priya?": the same work, now
			// asked of someone.
			a := *f.ask
			a.asker, a.addressee = t.Speaker, addressee
			f.ask = &a
		}
		return
	}
	f.ask = &pending{task: task, quote: s, asker: t.Speaker, addressee: addressee, turn: i, request: true, due: due, dueText: dueText}
}

// topicAskRe matches a request that names the work first and asks for a taker after it:
// "And the design QA for the new settings page, who does that?".
var topicAskRe = regexp.MustCompile(`(?i)^(?:(?:so|and|ok(?:ay)?|also|then),?\s+)*(.+?),\s*(?:who(?:['’]s|\s+is)\s+(?:doing|taking|owning)|who\s+(?:does|takes|owns|wants|can\s+(?:do|take)|will\s+(?:do|take))|who(?:['’]ll)\s+(?:do|take))\s+(?:that|it|this|them)\W*$`)

// trailVocativeRe matches the person a request names at its end: "Can you do it, Priya?".
var trailVocativeRe = regexp.MustCompile(`,\s+(` + nameRE + `)\s*[?.!]*$`)

// promise finds a promise in the speaker's own words; it reports whether it found one.
func (f *finder) promise(i int, s string) bool {
	t := f.m.Turns[i]
	loc := findPromise(s)
	if loc != nil && isBareOnIt(s, loc) {
		// "If you want, I can pair on it": "on it" ends the task, it does not promise.
		loc = nil
	}
	hedged := false
	if loc == nil {
		// "I can start on the search box", "I'd like to mute the test merchants": a promise
		// when a concrete action follows.
		m := canActRe.FindStringIndex(s)
		if m == nil || !actionVerbRe.MatchString(s[m[1]:]) {
			return false
		}
		loc, hedged = m, strings.Contains(strings.ToLower(s[m[0]:m[1]]), "like")
		if hedged && vagueObjectRe.MatchString(s[m[1]:]) {
			// "I'd like to own something bigger": a wish, not yet a task.
			return false
		}
	}
	before, after := s[:loc[0]], strings.TrimSpace(s[loc[1]:])
	phrase := strings.ToLower(s[loc[0]:loc[1]])
	switch {
	case promiseNegRe.MatchString(after), isDiscourse(after):
		return false
	case isReported(before) && !strings.Contains(strings.ToLower(before), "i "), isQuoted(before):
		return false
	case strings.Contains(phrase, "let me") && !actionVerbRe.MatchString(after) && !strings.Contains(phrase, "with me"):
		// "let me know", "let me see": only "let me send…", "let me follow up…" promise work.
		return false
	case strings.HasPrefix(strings.TrimSpace(phrase), "we") && !strings.Contains(phrase, "happy") && !vagueFollowUpRe.MatchString(strings.TrimSpace(after)):
		// "We'll run a drill every quarter" is a plan; "we'll look into it" is the vague
		// promise that needs an owner.
		return false
	case strings.Contains(strings.ToLower(before), "would") || strings.Contains(strings.ToLower(before), "could"):
		return false
	}
	owner := t.Speaker
	due, dueText := resolveDue(s, f.m.Date)
	task := after
	if strings.Contains(phrase, "with me") || strings.HasSuffix(phrase, "on it") {
		task = ""
	}
	if strings.Contains(phrase, " can ") || strings.Contains(phrase, "action") {
		// "I can take the notes": keep the verb.
		if j := strings.Index(phrase, " can "); j >= 0 {
			task = s[loc[0]+j+5:]
		}
	}
	task, second := splitAtSecondDue(cleanTask(task, dueText), after, dueText)
	var extra *Evidence
	if pronounTaskRe.MatchString(task) {
		// "I'll do it", "leave it with me": the task was named just before.
		if f.ask == nil || f.ask.asker == t.Speaker {
			if k := f.recentOwn(i, owner); k >= 0 && !strings.HasPrefix(strings.TrimSpace(phrase), "we") {
				// "I'd like to mute the test merchants." … "I'll get that done today.": the
				// speaker's own promise, now dated.
				f.dateFound(k, i, s, due, dueText)
				return true
			}
			if task == "" {
				return false
			}
		} else {
			a := f.ask
			f.ask = nil
			task = a.task
			if dueText == "" {
				due, dueText = a.due, a.dueText
			}
			e := EvidenceFor(f.m.Turns[a.turn], a.quote)
			extra = &e
		}
	}
	if countWords(task) == 0 {
		return false
	}
	if strings.HasPrefix(strings.TrimSpace(phrase), "we") {
		owner = ""
	}
	if k := f.recentOwn(i, owner); k >= 0 && owner != "" && deliveryRe.MatchString(task) {
		// "I can cap the cache. I'll have a fix up for review on Monday.": the delivery of
		// the work just promised, which dates it.
		f.dateFound(k, i, s, due, dueText)
		if extra != nil {
			f.found[k].c.Evidence = withEvidence(f.found[k].c.Evidence, *extra)
		}
		return true
	}
	c := Commitment{Owner: owner, Task: task, Due: due, DueText: dueText, Confidence: confPromise}
	if isConditional(s) {
		c.Flags = append(c.Flags, FlagConditional)
	}
	if hedged || hedgeRe.MatchString(s) || c.HasFlag(FlagConditional) || owner == "" {
		c.Confidence = confHedged
	}
	if extra != nil {
		c.Evidence = append(c.Evidence, *extra)
	}
	f.add(c, i, s)
	if pointsBackRe.MatchString(task) && extra == nil || objectLeftRe.MatchString(task) {
		f.addReferent(i, s)
	}
	if second != "" {
		f.addSecond(c, i, s, second)
	}
	return true
}

// vagueObjectRe matches a task whose object names nothing yet: "own something bigger".
var vagueObjectRe = regexp.MustCompile(`(?i)^\S+(?:\s+\S+)?\s+(?:something|anything|more)\b`)

// isBareOnIt reports whether the promise found at loc in s is a bare "on it" that ends a
// clause ("I can pair on it") rather than one that answers ("Sure, on it").
func isBareOnIt(s string, loc []int) bool {
	phrase := strings.ToLower(strings.TrimLeft(s[loc[0]:loc[1]], " ,;:(—–-"))
	return strings.HasPrefix(phrase, "on") && countWords(s[:loc[0]]) > 2
}

// deliveryRe matches a task that only delivers work already named: "have a fix up",
// "have it", "have a first draft", "report back".
var deliveryRe = regexp.MustCompile(`(?i)^(?:have\s+(?:it|that|this|them|something|(?:a|the)\s+(?:first\s+|rough\s+)?(?:draft|version|fix|pr|patch|cut))|report\s+back|get\s+back\s+to\s+(?:you|them|everyone|the\s+group))\b`)

// objectLeftRe matches a task whose verb leaves out what it is about: "check with our
// admin", "confirm with legal": the thing to check was said just before.
var objectLeftRe = regexp.MustCompile(`(?i)^(?:check|confirm|verify|ask|raise\s+it|follow\s+up)\s+with\b`)

// recentOwn returns the index in f.found of owner's latest commitment from the turns up to
// acceptWindow before turn i (or from turn i itself), or -1.
func (f *finder) recentOwn(i int, owner string) int {
	if owner == "" {
		return -1
	}
	for k := len(f.found) - 1; k >= 0; k-- {
		c := f.found[k]
		if c.turn < i-acceptWindow {
			return -1
		}
		if c.c.Owner == owner && c.turn <= i {
			return k
		}
	}
	return -1
}

// dateFound adds sentence s of turn i, which speaks of the commitment found[k] again, to
// its evidence, with the due date it gives when the commitment had none, or had only a
// period with no day ("dig into it this week and report back at Thursday's sync").
func (f *finder) dateFound(k, i int, s, due, dueText string) {
	c := &f.found[k].c
	c.Evidence = withEvidence(c.Evidence, EvidenceFor(f.m.Turns[i], s))
	if c.Due == "" && (c.DueText == "" || due != "") {
		c.Due, c.DueText = due, dueText
	}
	c.Confidence = max(c.Confidence, confPromise)
}

// secondTaskRe matches where a second task of the same promise starts: "… after this call
// and send the summary by tomorrow".
var secondTaskRe = regexp.MustCompile(`(?i),?\s+and\s+(?:then\s+|also\s+)?`)

// secondBackRe matches a second task that points back at the first: "ask her", "send it".
var secondBackRe = regexp.MustCompile(`(?i)\b(?:it|them|her|him|that|those|this|these)\b`)

// splitAtSecondDue splits the task of a promise that names two tasks with two deadlines
// ("update the board after this call and send the summary by tomorrow"): task is the first
// task, cleaned, and second the words of the second as said in after. second is "" when
// after holds one task, or one deadline.
func splitAtSecondDue(task, after, dueText string) (string, string) {
	if dueText == "" || !strings.Contains(after, dueText) {
		return task, ""
	}
	end := strings.Index(after, dueText) + len(dueText)
	rest := after[end:]
	loc := secondTaskRe.FindStringIndex(rest)
	if loc == nil || loc[0] > 0 || !actionVerbRe.MatchString(rest[loc[1]:]) {
		return task, ""
	}
	second := rest[loc[1]:]
	if secondBackRe.MatchString(second) {
		// "talk to Ana on Monday and ask her to…": one errand in two steps.
		return task, ""
	}
	if _, text := resolveDue(second, ""); text == "" {
		return task, ""
	}
	return cleanTask(after[:end], dueText), second
}

// addSecond records the second task of a promise (see splitAtSecondDue), with the owner
// and the flags of the first, c.
func (f *finder) addSecond(c Commitment, i int, s, second string) {
	due, dueText := resolveDue(second, f.m.Date)
	task := cleanTask(second, dueText)
	if countWords(task) == 0 {
		return
	}
	c.Task, c.Due, c.DueText, c.Evidence = task, due, dueText, nil
	f.add(c, i, s)
}

// assignment finds work given to named attendees ("Ben will send it", the scribe's "Ben to
// update the doc"); said by someone else in a transcript, it is flagged when the owner does not
// accept it in the next turns. assignHinted tells whether s holds one of assignHints. It
// reports whether it found one.
func (f *finder) assignment(i int, s string, assignHinted bool) bool {
	t := f.m.Turns[i]
	body := strings.TrimSpace(s)
	var names, rest string
	conf := confAssigned
	if m := notesAssignRe.FindStringSubmatch(body); m != nil && (f.notes || t.Speaker == "") {
		names, rest, conf = m[1], m[2], confNotesAssign
	} else if !assignHinted {
		return false
	} else if loc := thirdPersonRe.FindStringSubmatchIndex(body); loc != nil {
		names, rest = body[loc[2]:loc[3]], body[loc[4]:loc[5]]
		before := body[:loc[2]]
		if isReported(before) || isQuoted(before) || isConditional(before) && !strings.Contains(before, ",") {
			return false
		}
	} else {
		return false
	}
	if statusVerbRe.MatchString(rest) {
		return false
	}
	owner, ok := f.people.owners(names, true)
	if !ok {
		return false
	}
	due, dueText := resolveDue(body, f.m.Date)
	task := cleanTask(rest, dueText)
	if countWords(task) == 0 {
		return false
	}
	c := Commitment{Owner: owner, Task: task, Due: due, DueText: dueText, Confidence: conf}
	if isConditional(s) {
		c.Flags = append(c.Flags, FlagConditional)
	}
	if !f.notes && t.Speaker != "" && !strings.Contains(" / "+owner+" / ", " / "+t.Speaker+" / ") && !f.accepted(i, owner) {
		c.Flags = append(c.Flags, FlagAssignedNotAccepted)
		c.Confidence = confHedged
	}
	f.add(c, i, s)
	return true
}

// accepted reports whether one of the owners took on work given in turn i: a turn of theirs in
// the next few that opens with "ok", "sure", "will do", "I can" or makes a promise.
func (f *finder) accepted(i int, owner string) bool {
	owners := strings.Split(owner, " / ")
	for j := i + 1; j < len(f.m.Turns) && j <= i+acceptWindow; j++ {
		t := f.m.Turns[j]
		mine := false
		for _, o := range owners {
			mine = mine || t.Speaker == o
		}
		if !mine {
			continue
		}
		text := strings.TrimSpace(t.Text)
		if refuseRe.MatchString(text) || isSarcastic(text) {
			return false
		}
		if acceptRe.MatchString(text) || promiseRe.MatchString(text) {
			return true
		}
	}
	return false
}

// need finds concrete work the group named without an owner ("we need to send the survey",
// "someone should file a ticket"), and remembers it for a taker in the next turns.
func (f *finder) need(i int, s string) {
	loc := findNeed(s)
	if loc == nil {
		return
	}
	if strings.Contains(strings.ToLower(s[loc[0]:loc[2]]), "let") && agendaRe.MatchString(s[loc[2]:loc[3]]) {
		// "Let's look at the event store next": the chair moving the agenda on.
		return
	}
	f.groupWork(i, s, s[:loc[0]], s[loc[2]:loc[3]])
}

// proposeRe matches a speaker proposing work for the group: "I propose we remove it from the
// milestone", "I propose to remove 'owner' from milestone"; the group is the work.
var proposeRe = regexp.MustCompile(`(?i)(?:^|[\s,;:])i\s+(?:would\s+|['’]d\s+)?propose\s+(?:that\s+)?(?:we\s+)?(?:to\s+)?(.+)$`)

// proposal looks in sentence s of turn i for work a speaker proposes the group do, with no
// owner named yet.
func (f *finder) proposal(i int, s string) {
	loc := proposeRe.FindStringSubmatchIndex(s)
	if loc == nil {
		return
	}
	f.groupWork(i, s, s[:loc[0]], s[loc[2]:loc[3]])
}

// groupWork records the work rest that sentence s of turn i names for the group with no
// owner (before is what the sentence said before it), when it is a concrete action said
// outright.
func (f *finder) groupWork(i int, s, before, rest string) {
	t := f.m.Turns[i]
	if !actionVerbRe.MatchString(rest) || isReported(before) || isConditional(before) {
		return
	}
	due, dueText := resolveDue(s, f.m.Date)
	task := cleanTask(rest, dueText)
	if countWords(task) < 3 || pronounTaskRe.MatchString(task) || strings.HasPrefix(strings.ToLower(task), "move on") {
		return
	}
	f.ask = &pending{task: task, quote: s, asker: t.Speaker, turn: i, due: due, dueText: dueText}
	c := Commitment{Owner: "", Task: task, Due: due, DueText: dueText, Confidence: confUnowned}
	if isConditional(s) {
		c.Flags = append(c.Flags, FlagConditional)
	}
	f.add(c, i, s)
}

// danglingPrepRe matches a preposition left at the end of a task when its due phrase was
// cut out of it.
var danglingPrepRe = regexp.MustCompile(`(?i)\s+(?:at|by|before|on|until|till|for)$`)

// possessiveRe matches the rest of a deadline named by a meeting: "'s review", "’s sync".
var possessiveRe = regexp.MustCompile(`^['’]s\s+\S+`)

// cleanTask trims a task to its action: the clause after the promise words, without the due
// phrase, fillers and closing punctuation.
func cleanTask(task, dueText string) string {
	task = strings.TrimSpace(task)
	if dueText != "" {
		if j := strings.Index(task, dueText); j >= 0 {
			after := task[j+len(dueText):]
			if m := possessiveRe.FindStringIndex(after); m != nil {
				// "before Thursday's review": the deadline runs on to the meeting it names.
				after = after[m[1]:]
			}
			task = strings.TrimRight(task[:j], " ") + " " + strings.TrimLeft(after, " ")
			task = strings.ReplaceAll(task, " ,", ",")
		}
	}
	if !mayEndClause(task) {
		// No clause end in the task.
	} else if loc := clauseEndRe.FindStringIndex(task); loc != nil && loc[0] > 0 {
		task = task[:loc[0]]
	}
	for {
		loc := fillerRe.FindStringIndex(task)
		if loc == nil {
			break
		}
		task = task[loc[1]:]
	}
	task = strings.Join(strings.Fields(task), " ")
	task = strings.TrimRight(task, " .,;:!?-–—*_")
	if dueText != "" {
		// "report back at" once "Thursday's sync" is cut: the preposition went with it.
		task = strings.TrimRight(danglingPrepRe.ReplaceAllString(task, ""), " ,")
	}
	task = strings.TrimLeft(task, " ,;:-–—*_")
	// "(when? Dan to fill in blank)": drop a bracket the cut left unmatched.
	for strings.HasSuffix(task, ")") && strings.Count(task, ")") > strings.Count(task, "(") {
		task = strings.TrimRight(strings.TrimSuffix(task, ")"), " .,;:!?")
	}
	return task
}

// add records a commitment found in turn i with quote (a part of its text) as evidence.
func (f *finder) add(c Commitment, i int, quote string) {
	t := f.m.Turns[i]
	if !strings.Contains(t.Text, quote) {
		quote = t.Text
	}
	c.Evidence = append([]Evidence{EvidenceFor(t, quote)}, c.Evidence...)
	f.found = append(f.found, candidate{c: c, turn: i, words: taskWords(c.Task)})
}

// merge drops duplicates (the same owner and mostly the same words, or one without an owner),
// joining their evidence, and sets the no-owner and no-date flags.
func (f *finder) merge() []Commitment {
	var out []candidate
	for _, cand := range f.found {
		if pronounTaskRe.MatchString(cand.c.Task) {
			// "I'll do it this week": the task is what its evidence was about.
			cand.words = evidenceWords(cand.c.Evidence)
		}
		dup := -1
		for j := range out {
			if sameCommitment(out[j], cand) {
				dup = j
				break
			}
		}
		if dup < 0 {
			out = append(out, cand)
			continue
		}
		out[dup] = mergeTwo(out[dup], cand)
	}
	res := make([]Commitment, 0, len(out))
	for _, cand := range out {
		c := cand.c
		var flags []string
		if c.Owner == "" {
			flags = append(flags, FlagNoOwner)
		}
		if c.Due == "" && c.DueText == "" {
			flags = append(flags, FlagNoDate)
		}
		for _, fl := range c.Flags {
			if fl != FlagNoOwner && fl != FlagNoDate {
				flags = append(flags, fl)
			}
		}
		c.Flags = flags
		res = append(res, c)
	}
	return res
}

// sameCommitment reports whether two candidates are one commitment said twice.
func sameCommitment(a, b candidate) bool {
	if a.marker && b.marker {
		return false
	}
	if a.c.Owner != b.c.Owner && a.c.Owner != "" && b.c.Owner != "" {
		return false
	}
	if len(a.words) == 0 || len(b.words) == 0 {
		return a.c.Task == b.c.Task
	}
	shared := 0
	for w := range a.words {
		if b.words[w] {
			shared++
		}
	}
	small := min(len(a.words), len(b.words))
	return float64(shared) >= 0.6*float64(small) && shared*3 >= max(len(a.words), len(b.words))
}

// mergeTwo joins b into a: the owned, dated and surer of the two wins each field, and the
// evidence of both is kept. It may append to a's evidence, so a must not be used after.
func mergeTwo(a, b candidate) candidate {
	keep, other := a, b
	if a.c.Owner == "" && b.c.Owner != "" || a.c.Owner == b.c.Owner && b.c.Confidence > a.c.Confidence {
		keep, other = b, a
	}
	c := keep.c
	if c.Due == "" && other.c.Due != "" {
		c.Due, c.DueText = other.c.Due, other.c.DueText
	}
	if c.DueText == "" {
		c.DueText = other.c.DueText
	}
	if other.c.Confidence > c.Confidence {
		c.Confidence = other.c.Confidence
	}
	// An assignment accepted elsewhere, or stated by the scribe's list, is no longer open.
	if c.HasFlag(FlagAssignedNotAccepted) && other.c.Owner == c.Owner && !other.c.HasFlag(FlagAssignedNotAccepted) {
		var flags []string
		for _, fl := range c.Flags {
			if fl != FlagAssignedNotAccepted {
				flags = append(flags, fl)
			}
		}
		c.Flags = flags
	}
	// Keep the evidence in order of the turns it came from. a is merge's own copy, about to be
	// replaced by the result, so its evidence is grown in place: a commitment said many times
	// costs a copy of its evidence per merge no more.
	ev := a.c.Evidence
	for _, e := range b.c.Evidence {
		seen := false
		for _, have := range ev {
			if have == e {
				seen = true
				break
			}
		}
		if !seen {
			ev = append(ev, e)
		}
	}
	c.Evidence = ev
	turn := min(a.turn, b.turn)
	return candidate{c: c, turn: turn, words: keep.words, marker: a.marker || b.marker}
}

// evidenceWords returns the content words of the quotes of a commitment's evidence, as
// taskWords finds them.
func evidenceWords(ev []Evidence) map[string]bool {
	out := map[string]bool{}
	for _, e := range ev {
		for w := range taskWords(e.Quote) {
			out[w] = true
		}
	}
	return out
}

// taskStop are words that say nothing about which task is meant.
var taskStop = map[string]bool{
	"the": true, "a": true, "an": true, "to": true, "of": true, "and": true, "or": true,
	"for": true, "on": true, "in": true, "with": true, "it": true, "that": true, "this": true,
	"by": true, "at": true, "from": true, "up": true, "out": true, "about": true, "our": true,
	"my": true, "your": true, "their": true, "them": true, "we": true, "i": true, "you": true,
	"all": true, "some": true, "is": true, "be": true, "will": true, "can": true, "do": true,
}

// taskWords returns the content words of a task, lower-cased with common endings trimmed, for
// telling whether two tasks are the same.
func taskWords(task string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(transcript.FoldName(task)) {
		if taskStop[w] || len(w) < 2 || strings.Trim(w, "0123456789") == "" {
			continue
		}
		for _, suf := range []string{"ing", "ed", "es", "s"} {
			if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
				w = strings.TrimSuffix(w, suf)
				break
			}
		}
		out[w] = true
	}
	return out
}
