package analyze

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/debrief-cli/debrief/internal/transcript"
)

// pastVerbs maps the past forms a done report uses ("I sent", "I've merged") to the base form
// that starts the task, so that "I sent the revised deck" reads "send the revised deck" like
// the promise it keeps.
var pastVerbs = map[string]string{
	"sent": "send", "sent out": "send out", "shipped": "ship", "merged": "merge",
	"finished": "finish", "completed": "complete", "fixed": "fix", "deployed": "deploy",
	"published": "publish", "released": "release", "wrote": "write", "written": "write",
	"wrote up": "write up", "written up": "write up", "drafted": "draft", "updated": "update",
	"emailed": "email", "filed": "file", "submitted": "submit", "closed": "close",
	"resolved": "resolve", "delivered": "deliver", "shared": "share", "posted": "post",
	"uploaded": "upload", "booked": "book", "scheduled": "schedule", "reviewed": "review",
	"tested": "test", "migrated": "migrate", "rolled out": "roll out", "landed": "land",
	"wrapped up": "wrap up", "cleaned up": "clean up", "sorted out": "sort out", "told": "tell",
	"created": "create", "added": "add", "removed": "remove", "ran": "run", "run": "run",
	"documented": "document", "prepared": "prepare", "pinged": "ping", "contacted": "contact",
	"informed": "inform", "notified": "notify", "circulated": "circulate", "renamed": "rename",
	"signed off on": "sign off on", "built": "build", "implemented": "implement",
	"rotated": "rotate", "followed up on": "follow up on", "followed up with": "follow up with",
	"reached out to": "reach out to", "talked to": "talk to", "set up": "set up",
	"put together": "put together", "done": "do", "opened": "open", "benchmarked": "benchmark",
	"answered": "answer", "replied to": "reply to", "invited": "invite",
	"escalated": "escalate", "archived": "archive", "sent over": "send over",
}

// perfectOnly are the past forms that read as done only after "have": "I set up the alerts"
// may be a habit, "I've set up the alerts" is done; "I run the numbers" is the present.
var perfectOnly = map[string]bool{"set up": true, "put together": true, "run": true, "done": true, "written": true, "written up": true}

// pastVerbAlt is the alternation of pastVerbs, longest first so that "sent out" wins over
// "sent".
func pastVerbAlt() string {
	verbs := make([]string, 0, len(pastVerbs))
	for v := range pastVerbs {
		verbs = append(verbs, strings.ReplaceAll(regexp.QuoteMeta(v), " ", `\s+`))
	}
	slices.SortFunc(verbs, func(a, b string) int { return len(b) - len(a) })
	return strings.Join(verbs, "|")
}

// The subject of a state report ("the migration script is done"): a short noun phrase.
const doneSubjectRE = `((?:the|my|our)\s+[^,;:!?"“”]{2,60}?)`

// doneStateRE is the word that says the work is finished.
const doneStateRE = `(done|finished|complete|completed|ready|shipped|merged|sent(?:\s+out)?|live|deployed|fixed|released|published|in\s+place|signed\s+off)`

var (
	// stateDoneRe matches a piece of work said to be finished, at the start of a sentence:
	// "The migration script is done", "Our pricing page is live now". Groups: the subject, the
	// state, the rest.
	stateDoneRe = regexp.MustCompile(`(?i)^(?:(?:so|and|also|ok(?:ay)?|good\s+news|update|quick\s+update|fyi|btw|great)[,:!—–-]?\s+)*` + doneSubjectRE +
		`\s+(?:is|are|was|were|['’]s|has\s+been|have\s+been)\s+(?:(?:now|already|finally|all|fully|officially)\s+)*` + doneStateRE + `\b(.*)$`)
	// notesDoneRe matches a scribe's short note of finished work: "migration script done",
	// "Deck for sales: sent." Groups: the subject, the state.
	notesDoneRe = regexp.MustCompile(`(?i)^[\s>*+\-•]*((?:the\s+|my\s+|our\s+)?\p{L}[^,;:!?"“”]{1,60}?)\s*(?:[:\-–—]\s*|\s+(?:is\s+|are\s+|was\s+|were\s+)?)(?:(?:now|all)\s+)?` + doneStateRE + `\s*[.!]?\s*$`)
	// notesPastRe matches a scribe's note that starts with what was done: "Sent the deck to
	// sales." under the speaker's name. Groups: the verb, the rest.
	notesPastRe = regexp.MustCompile(`(?i)^[\s>*+\-•]*(` + pastVerbAlt() + `)\b(.*)$`)
	// notesNamedDoneRe matches a scribe's note naming who did the work: "Ben sent the deck to
	// sales." Groups: the name, the verb, the rest.
	notesNamedDoneRe = regexp.MustCompile(`^[\s>*+\-•]*(` + nameRE + `)\s+(?:has\s+)?(` + pastVerbAlt() + `)\b(.*)$`)
	// doneDoubtRe matches words before a done report that make it something else: a condition
	// ("once I've merged"), a doubt ("I think I sent"), a question ("did you see I sent"), a
	// negation, or someone else's words ("she said I sent").
	doneDoubtRe = regexp.MustCompile(`(?i)\b(?:if|when|once|after|before|until|unless|whether|think|thought|guess|hope|hopefully|maybe|perhaps|probably|might|wish|would|could|should|pretend|suppose|assume|imagine|sure|as\s+soon\s+as|did|do|does|have\s+you|has\s+\w+|remember|forgot|forget|said|says|told|tells|claims?|claimed|asked|wonder|not|never|no|n['’]t|because|since|in\s+case|pretty|kind\s+of|sort\s+of|supposed|meant|planned|plan|wanted|want|tried|try|trying)\b`)
	// partialRe matches work only partly done: "half of the migration", "almost finished".
	partialRe = regexp.MustCompile(`(?i)\b(?:half|part\s+of|parts\s+of|some\s+of|most\s+of|partly|partially|mostly|almost|nearly|first\s+pass|not\s+yet|yet\s+to|still\s+(?:need|have|to)|except|apart\s+from|but\s+not|start(?:ed)?\s+on|a\s+start)\b`)
	// doneObjectStartRe matches an object that names no work on its own: "I sent it", "I told
	// you", "I finished everything".
	doneObjectStartRe = regexp.MustCompile(`(?i)^(?:it|that|this|those|these|them|one|everything|something|nothing|all|you|him|her|us|so|too|yet|again|already|today|yesterday|earlier|up|back|over|out|off|in|on|into|across|through|late|behind|short|away|by|with|for|about|at|\w+ly|a\s+(?:bit|lot|few))\b|^[^\p{L}\p{N}]`)
	// doneClauseEndRe matches where a done report's task ends: "I finished the webhook and
	// merged it", "I opened an issue, and some discussion followed".
	doneClauseEndRe = regexp.MustCompile(`(?i)\s+and\s+(?:then\s+)?(?:` + pastVerbAlt() + `)\b|,\s+(?:and|but|so|which)\s|;`)
	// doneTimeRe matches when the work was done, which the task leaves out: "yesterday", "this
	// morning", "on Monday".
	doneTimeRe = regexp.MustCompile(`(?i)\s*\b(?:yesterday|today|tonight|this\s+(?:morning|afternoon|evening|week)|last\s+(?:night|week|\w+day)|earlier(?:\s+today|\s+this\s+week)?|just\s+now|an?\s+(?:hour|few\s+hours|couple\s+of\s+hours)\s+ago|\w+\s+(?:hours|days)\s+ago|on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|over\s+the\s+weekend|already|finally|as\s+promised)\b`)
	// stateRestRe matches what may follow a state report that still says it is finished: a
	// full stop or comma, or when ("now", "since Monday").
	stateRestRe = regexp.MustCompile(`(?i)^(?:$|[.!,;—–(-]|(?:now|yesterday|today|this\s+(?:morning|afternoon|week)|last\s+\w+|on\s+\w+day|since\s+\w+|as\s+of\s+\w+|as\s+promised)\b)`)
	// whereRestRe matches where sent or merged work went: "to sales", "into main".
	whereRestRe = regexp.MustCompile(`(?i)^(?:to|into|on|in)\s+\S`)
	// subjectStopRe matches words that cannot be in a subject of a state report: a verb or a
	// clause ("the plan is that the script is done").
	subjectStopRe = regexp.MustCompile(`(?i)\b(?:is|are|was|were|be|been|will|would|that|which|who|if|when|i|we|you|they|he|she|it|not|n['’]t|should|must|can|could|may|might)\b`)
)

// doneHints are lower-case words every done report holds one of, tested before the patterns.
var doneHints = []string{"ed", "sent", "wrote", "written", "ran", "run", "built", "told", "done", "set up", "put together", "ready", "live", "complete", "in place", "signed off", "[x]", "[✓]"}

// findDoneIn finds the reports of finished work in the meeting: a speaker's own "I sent the
// revised deck" or "the migration script is done", a scribe's "Ben: migration script done" or
// ticked "[x] Ben to fix the slow query". Questions, negations, plans, conditions and
// reported speech are not done reports. The same work reported twice by the same person is
// reported once, with both quotes.
func findDoneIn(x *meetingText) []DoneReport {
	m := x.m
	p := newPeople(m)
	notes := m.Format == transcript.FormatNotes || !m.HasTimes && !m.HasSpeakers
	var out []DoneReport
	speakers := map[string]doneSpeaker{}
	for i, t := range m.Turns {
		if strings.TrimSpace(t.Text) == "" {
			continue
		}
		sp, ok := speakers[t.Speaker]
		if !ok {
			sp = readDoneSpeaker(t.Speaker, p)
			speakers[t.Speaker] = sp
		}
		if sp.marker {
			continue
		}
		speaker := sp.name
		for k, s := range x.sentences(i) {
			if x.isQuestion(i, k) || !hasAny(x.lower(i, k), doneHints) {
				continue
			}
			person, task, ok := doneReport(s, speaker, notes, p)
			if !ok {
				continue
			}
			out = addDone(out, DoneReport{Person: person, Task: task, Evidence: []Evidence{EvidenceFor(t, s)}})
		}
	}
	return out
}

// doneSpeaker is what findDoneIn reads in a speaker label, once per label: the attendee it
// names (else the label), or that it is a marker ("ACTION") rather than a person.
type doneSpeaker struct {
	name   string
	marker bool
}

// readDoneSpeaker reads the speaker label of a turn for findDoneIn.
func readDoneSpeaker(label string, p people) doneSpeaker {
	if markerSpeakerRe.MatchString(transcript.FoldName(label)) {
		return doneSpeaker{marker: true}
	}
	if label != "" {
		if r := p.resolve(label); r != "" {
			return doneSpeaker{name: r}
		}
	}
	return doneSpeaker{name: label}
}

// doneReport reads one sentence said by speaker ("" when unknown) as a done report: who did
// the work and the task. notes is true for a scribe's notes, whose short forms count too.
func doneReport(s, speaker string, notes bool, p people) (person, task string, ok bool) {
	switch {
	case notes:
		person, task, ok = notesDone(s, speaker, p)
		if ok {
			break
		}
		fallthrough
	case speaker != "":
		if task, ok = firstPersonDone(s); !ok {
			task, ok = stateDone(s)
		}
		person = speaker
	}
	// The patterns are cheap to fail; the sentence is checked for what undoes a report only
	// once one matched.
	if !ok || person == "" || partialRe.MatchString(s) || isSarcastic(s) || isConditional(s) {
		return "", "", false
	}
	return person, task, true
}

// firstPersonAnchored is firstPersonDoneRe anchored at the "I", for firstPersonDone.
var firstPersonAnchored = regexp.MustCompile(`(?i)^i(['’]ve|\s+have)?\s+(?:(?:already|just|finally|also|now|actually|successfully|officially)\s+)*(` + pastVerbAlt() + `)\b(.*)$`)

// pastVerbHints indexes the first word of each of pastVerbs: a sentence in which
// firstPersonAnchored matches holds one of them, in any ASCII case.
var pastVerbHints = newHintIndex(pastVerbFirstWords())

// pastVerbFirstWords returns the first word of each of pastVerbs.
func pastVerbFirstWords() []string {
	var out []string
	for v := range pastVerbs {
		out = append(out, strings.Fields(v)[0])
	}
	return out
}

// mayTellDone is a cheap test that firstPersonAnchored may match somewhere in s: it holds the
// first word of a past verb, or a letter that folds to an ASCII one.
func mayTellDone(s string) bool {
	return foldsToASCII(s) || pastVerbHints.find(asciiLower(s)) != 0
}

// firstPersonDone reads "I sent the revised deck to sales yesterday" as the task "send the
// revised deck to sales". The pattern is tried only where a word "I" starts, in a sentence
// that holds a past verb.
func firstPersonDone(s string) (string, bool) {
	var hinted lazyBool
	for q := 0; q < len(s); q++ {
		if s[q] != 'i' && s[q] != 'I' || q > 0 && strings.IndexByte(" \t,;:(-", s[q-1]) < 0 && !strings.HasSuffix(s[:q], "—") && !strings.HasSuffix(s[:q], "–") {
			continue
		}
		if !hinted.is(func() bool { return mayTellDone(s) }) {
			return "", false
		}
		m := firstPersonAnchored.FindStringSubmatchIndex(s[q:])
		if m == nil {
			continue
		}
		before := s[:q]
		if doneDoubtRe.MatchString(before) || isReported(before) || isQuoted(before) {
			return "", false
		}
		verb := strings.ToLower(strings.Join(strings.Fields(s[q+m[4]:q+m[5]]), " "))
		if perfectOnly[verb] && m[2] < 0 {
			return "", false
		}
		return pastTask(pastVerbs[verb], s[q+m[6]:q+m[7]])
	}
	return "", false
}

// pastTask builds a task from the base form of a verb and the words that followed it, without
// when it was done: ("send", " the deck yesterday, as promised") -> "send the deck".
func pastTask(base, rest string) (string, bool) {
	obj := strings.TrimSpace(rest)
	if obj == "" || doneObjectStartRe.MatchString(obj) {
		return "", false
	}
	if loc := doneClauseEndRe.FindStringIndex(obj); loc != nil {
		obj = obj[:loc[0]]
	}
	obj = cleanTask(doneTimeRe.ReplaceAllString(obj, ""), "")
	if countWords(obj) == 0 || doneObjectStartRe.MatchString(obj) {
		return "", false
	}
	return base + " " + obj, true
}

// stateDone reads "The migration script is done" as the task "the migration script".
func stateDone(s string) (string, bool) {
	m := stateDoneRe.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	subject, state, rest := strings.TrimSpace(m[1]), strings.ToLower(m[2]), strings.TrimSpace(m[3])
	if !stateRestRe.MatchString(rest) && !(movesWork(state) && whereRestRe.MatchString(rest)) {
		// "ready to send", "done by Friday": not finished yet.
		return "", false
	}
	return doneSubject(subject)
}

// movesWork reports whether a state says where the work went ("sent to sales", "merged into
// main"), so that a place may follow it.
func movesWork(state string) bool {
	return !strings.HasPrefix(state, "done") && !strings.HasPrefix(state, "finished") &&
		!strings.HasPrefix(state, "complete") && !strings.HasPrefix(state, "ready") && state != "live"
}

// doneSubject checks the subject of a state report: a noun phrase of up to eight words with
// no verb or clause in it.
func doneSubject(subject string) (string, bool) {
	subject = strings.TrimSpace(strings.TrimLeft(subject, " >*+-•"))
	n := countWords(subject)
	if n == 0 || n > 8 || subjectStopRe.MatchString(subject) || doneObjectStartRe.MatchString(subject) {
		return "", false
	}
	return subject, true
}

// notesDone reads a scribe's note of finished work: "migration script done" or "Sent the deck
// to sales." under a speaker's name, "Ben sent the deck to sales.", or a ticked "[x] Ben to
// fix the slow query".
func notesDone(s, speaker string, p people) (person, task string, ok bool) {
	if doneBoxRe.MatchString(s) {
		body := doneBoxRe.ReplaceAllString(s, "")
		if m := notesAssignRe.FindStringSubmatch(strings.TrimSpace(body)); m != nil {
			if o, ok := p.owners(m[1], true); ok {
				if task := cleanTask(m[2], ""); countWords(task) > 0 {
					return o, task, true
				}
			}
		}
		return "", "", false
	}
	if speaker != "" {
		if m := notesPastRe.FindStringSubmatch(s); m != nil && startsUpper(m[1]) {
			verb := strings.ToLower(strings.Join(strings.Fields(m[1]), " "))
			if perfectOnly[verb] {
				return "", "", false
			}
			if task, ok := pastTask(pastVerbs[verb], m[2]); ok {
				return speaker, task, true
			}
		}
		if m := notesDoneRe.FindStringSubmatch(s); m != nil && !strings.HasPrefix(strings.ToLower(strings.TrimSpace(m[1])), "i ") {
			if task, ok := doneSubject(m[1]); ok {
				return speaker, task, true
			}
		}
		return "", "", false
	}
	if m := notesNamedDoneRe.FindStringSubmatch(s); m != nil {
		verb := strings.ToLower(strings.Join(strings.Fields(m[2]), " "))
		if o, ok := p.owners(m[1], true); ok && !perfectOnly[verb] {
			if task, ok := pastTask(pastVerbs[verb], m[3]); ok {
				return o, task, true
			}
		}
	}
	return "", "", false
}

// startsUpper reports whether s starts with a capital letter, as a note's first word does.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// addDone adds r to list, or joins its evidence to a report of the same person with the same
// task words.
func addDone(list []DoneReport, r DoneReport) []DoneReport {
	words := taskWords(r.Task)
	for i, have := range list {
		if have.Person == r.Person && sameWords(taskWords(have.Task), words) {
			list[i].Evidence = append(list[i].Evidence, r.Evidence...)
			return list
		}
	}
	return append(list, r)
}

// sameWords reports whether two sets of task words are equal.
func sameWords(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for w := range a {
		if !b[w] {
			return false
		}
	}
	return true
}
