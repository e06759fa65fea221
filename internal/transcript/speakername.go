package transcript

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// looksLikeSpeaker is the one rule, for cue text and for plain transcripts alike, that decides
// whether a label written before a colon ("Ana Lopez:", "SPEAKER_00:", "Dr. Kim:", "TBL:")
// names a speaker. The label comes without its trailing parenthetical ("(Contoso)"). It names
// a speaker when:
//   - it has one to four name words, not counting lower-case name particles ("de", "van"), and
//     at most maxLabelRunes runes;
//   - each word starts with a letter that is not lower case (capitals, or a script without
//     case), or, after the first word, a digit ("Speaker 1"); a slash joins the names of people
//     sharing a microphone ("Ana/Ben");
//   - it holds only letters, marks, digits, apostrophes, hyphens and underscores, dots in
//     initials and titles only ("J.B.", "Dr.", "Jr."), and at most one comma, after a word and
//     before another ("Lopez, Ana");
//   - neither the whole label nor its first word opens a note or a remark: "Action items",
//     "Note", "So", "Monday".
func looksLikeSpeaker(label string) bool {
	if label == "" || len(label) > 4*maxLabelRunes || utf8.RuneCountInString(label) > maxLabelRunes {
		return false
	}
	if isNotSpeaker(label) {
		return false
	}
	words, commas := 0, 0
	rest := strings.TrimLeft(label, " \t")
	for first := true; rest != ""; first = false {
		w := rest
		if i := strings.IndexAny(rest, " \t"); i >= 0 {
			w, rest = rest[:i], strings.TrimLeft(rest[i:], " \t")
		} else {
			rest = ""
		}
		if strings.HasSuffix(w, ",") {
			commas++
			w = w[:len(w)-1]
			if rest == "" {
				return false
			}
		}
		if first && isRemarkWord(w) {
			return false
		}
		n, ok := nameWords(w, first, rest == "")
		if !ok {
			return false
		}
		words += n
	}
	if words < 1 || words > 4 || commas > 1 {
		return false
	}
	return commas == 0 || words >= 2
}

// nameWords checks one space-separated word of a label, which a slash may split into several
// names ("Ana/Ben"), and returns how many name words it holds (particles do not count). first
// and last say where the word stands in the label.
func nameWords(w string, first, last bool) (int, bool) {
	parts := strings.Split(w, "/")
	n := 0
	for i, part := range parts {
		r, _ := utf8.DecodeRuneInString(part)
		opens := first && i == 0
		switch {
		case part == "":
			return 0, false
		case unicode.IsLower(r):
			if opens || !labelParticles[part] {
				return 0, false
			}
			continue
		case unicode.IsLetter(r):
		case unicode.IsDigit(r) && !opens:
		default:
			return 0, false
		}
		if !nameWord(part, opens, last && i == len(parts)-1) {
			return 0, false
		}
		n++
	}
	return n, true
}

// nameWord checks the characters of one name word. Dots are allowed in initials ("J.",
// "J.B."), in a title that opens the label ("Dr.", "Prof.") and in a suffix that ends it
// ("Jr.").
func nameWord(w string, first, last bool) bool {
	dot := false
	for _, c := range w {
		switch {
		case unicode.IsLetter(c) || unicode.IsMark(c) || unicode.IsDigit(c):
		case c == '\'' || c == '’' || c == '-' || c == '_':
		case c == '.':
			dot = true
		default:
			return false
		}
	}
	if !dot || isInitialsWord(w) {
		return true
	}
	t := strings.ToLower(strings.TrimSuffix(w, "."))
	if first {
		switch t {
		case "dr", "mr", "mrs", "ms", "prof", "st":
			return !last
		}
	}
	if last && !first {
		switch t {
		case "jr", "sr":
			return true
		}
	}
	return false
}

// isInitialsWord is true for "J." and "J.B.".
func isInitialsWord(w string) bool {
	n := 0
	for w != "" {
		r, size := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) || len(w) <= size || w[size] != '.' {
			return false
		}
		w = w[size+1:]
		n++
	}
	return n > 0
}

// notSpeakers are labels that start a line of notes or a header rather than name a speaker,
// folded to lower case.
var notSpeakers = map[string]bool{
	"action": true, "actions": true, "action item": true, "action items": true, "ai": true,
	"note": true, "notes": true, "nb": true, "ps": true, "fyi": true, "reminder": true,
	"decision": true, "decisions": true, "decided": true, "resolved": true, "resolution": true,
	"agreed": true, "agreement": true, "outcome": true, "result": true, "results": true,
	"update": true, "updates": true, "summary": true, "agenda": true, "todo": true, "to do": true,
	"question": true, "questions": true, "open question": true, "open questions": true,
	"re": true, "subject": true, "date": true, "time": true, "when": true, "where": true,
	"location": true, "title": true, "topic": true, "topics": true, "meeting": true,
	"attendees": true, "present": true, "participants": true, "absent": true, "regrets": true,
	"apologies": true, "invited": true, "guests": true, "minutes": true, "transcript": true,
	"next steps": true, "next step": true, "follow up": true, "follow-up": true, "followup": true,
	"follow-ups": true, "owner": true, "owners": true, "due": true, "deadline": true, "eta": true,
	"status": true, "warning": true, "important": true, "goal": true, "goals": true,
	"context": true, "background": true, "problem": true, "proposal": true, "risk": true,
	"risks": true, "blocker": true, "blockers": true, "example": true, "edit": true,
	"link": true, "links": true, "source": true, "recording": true, "duration": true,
	"chair": true, "scribe": true, "scribes": true, "facilitator": true, "organizer": true,
	"tl;dr": true, "tldr": true, "takeaway": true, "takeaways": true, "key takeaways": true,
	"issue": true, "issues": true, "step": true, "phone": true, "email": true, "http": true,
	"https": true, "mailto": true, "ps2": true, "key points": true, "details": true,
}

// labelParticles are lower-case words allowed inside a name: "Ana de la Cruz".
var labelParticles = map[string]bool{
	"de": true, "del": true, "della": true, "der": true, "den": true, "di": true, "da": true,
	"das": true, "do": true, "dos": true, "du": true, "la": true, "le": true, "van": true,
	"von": true, "y": true, "bin": true, "bint": true, "al": true, "el": true, "ten": true,
	"ter": true, "zu": true, "af": true, "st": true, "ibn": true,
}

// isNotSpeaker is true when label, in any case, is one of notSpeakers. It does not allocate.
func isNotSpeaker(label string) bool {
	var buf [24]byte
	if len(label) > len(buf) {
		return false
	}
	for i := 0; i < len(label); i++ {
		c := label[i]
		switch {
		case c >= utf8.RuneSelf:
			return false
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return notSpeakers[string(buf[:len(label)])]
}

// isRemarkWord is true for words that open a remark rather than name a speaker: "Note: the
// build is red" is said by someone, not by Note.
func isRemarkWord(w string) bool {
	switch strings.ToLower(w) {
	case "note", "notes", "nb", "ps", "fyi", "todo", "action", "actions", "decision", "decisions",
		"update", "updates", "question", "questions", "answer", "summary", "agenda", "reminder",
		"warning", "error", "important", "status", "result", "results", "example", "tip",
		"subject", "topic", "issue", "problem", "fix", "bug", "risk", "blocker", "goal", "goals",
		"next", "done", "step", "steps", "option", "options", "plan", "idea", "context",
		"background", "reason", "deadline", "owner", "item", "items", "re", "fwd", "date",
		"time", "title", "location", "attendees", "present", "participants", "minutes",
		"transcript", "recording", "meeting", "link", "url", "http", "https", "yes", "no",
		"ok", "okay", "so", "well", "also", "then", "now", "and", "but", "or", "because",
		"however", "again", "first", "second", "third", "finally", "lastly", "anyway",
		"basically", "actually", "honestly", "quick", "right", "sure", "thanks", "listen",
		"look", "remember", "phase", "point", "part", "slide", "sprint", "version", "ticket",
		"page", "section", "today", "tomorrow", "yesterday", "tonight", "monday", "tuesday",
		"wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
		"march", "july", "september", "october", "november", "december", "edit", "correction",
		"caption", "captions", "music", "applause", "laughter", "kind", "language":
		return true
	}
	return false
}
