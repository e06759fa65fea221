package analyze

import (
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/olebedev/when"
)

// duePhrase finds a due date in a sentence, lower-cased by lowerASCII: the words as said, with the preposition that makes
// them a deadline ("by Friday", "end of month", "in two weeks"). Times of day and durations
// that are not deadlines ("in 5 minutes", "for two hours") do not match.
var duePhrase = regexp.MustCompile(`(?:\b(?:(?:by|before|until|till|no later than|due|on)\s+)?(?:` +
	// 1: end of day / close of business.
	`(\beod\b|\bcob\b|\beob\b|(?:the\s+)?(?:end|close)\s+of\s+(?:the\s+|to)?(?:day|business)|this\s+(?:afternoon|morning|evening)|tonight|later\s+today|today|\bnoon\b|lunch(?:time)?|after\s+(?:(?:the|this|today['’]s)\s+)?(?:stand-?up|call|meeting|sync)\b)` +
	// 2: tomorrow.
	`|(tomorrow(?:\s+(?:morning|afternoon|evening|night))?)` +
	// 3: end of week.
	`|(\beow\b|(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?week|(?:the\s+)?end\s+of\s+next\s+week|(?:the\s+)?(?:this\s+)?weekend)` +
	// 4: end of month.
	`|(\beom\b|(?:the\s+)?end\s+of\s+(?:the\s+|this\s+|next\s+)?month)` +
	// 5: end of quarter.
	`|((?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(?:quarter|q[1-4]))` +
	// 6: the next meeting, whose date the meeting does not give.
	`|((?:the\s+)?next\s+(?:meeting|call|sync|standup|stand-up|session|telcon|week(?:['’]s|s['’])\s+(?:call|meeting|sync))|asap\b)` +
	// 7: a weekday, with "next week" after it or "this"/"next" before it.
	`|((?:(?:this|next|coming)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri)\b(?:\s+(?:next|this)\s+week)?(?:\s+(?:morning|afternoon|evening|eod))?)` +
	// 8: next week / this week / next month with no day.
	`|((?:the\s+)?(?:next|following)\s+(?:week|month)\b|this\s+(?:week|month)\b)` +
	// 9: a calendar date: "Nov 30", "30 November", "2026-11-30".
	`|(\d{4}-\d\d-\d\d|(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?\b|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b)` +
	`))` +
	// 10: "in two weeks", "within 3 days": counts of days, weeks or months.
	`|\b((?:with)?in\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|a\s+couple\s+of|a\s+few|couple\s+of|few)\s+(?:business\s+|working\s+)?(?:days?|weeks?|months?))\b` +
	// 11: a clock time: "at 3pm", "by 5:30" (the meeting day).
	`|\b((?:by|at|before)\s+\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)|(?:by|at|before)\s+\d{1,2}:\d\d)` +
	// 12: a day of the month with no month: "by the 13th".
	`|\b(?:by|before|until|till|on)\s+the\s+(\d{1,2}(?:st|nd|rd|th))\b`)

// rangeBefore marks a date that ends a range ("3–4 February"): the dates of an event, not a
// deadline.
var rangeBefore = regexp.MustCompile(`\d\s*[-–]\s*$`)

// meetingAfter marks a weekday that names a meeting ("Thursday's sync"): a deadline when the
// work is due at that meeting.
var meetingAfter = regexp.MustCompile(`^['’]s\s+(?:sync|review|meeting|call|stand-?up|demo|planning|session|check-?in|1:1|one-on-one)\b`)

// monthAfter marks a day of the month followed by its month ("the 13th of December").
var monthAfter = regexp.MustCompile(`^\s+of\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)`)

// pastPhrase marks a date that lies behind, not ahead: "last Friday", "since Monday".
var pastPhrase = regexp.MustCompile(`(?i)\b(?:last|past|previous|since|yesterday)\s*$`)

// resolveDue finds the due date in sentence and resolves it against meetingDate (YYYY-MM-DD).
// dueText is the words as said ("by Friday"); due is the ISO date, or "" when the meeting date
// is unknown or the words name no clear day. The rules:
//   - "today", "EOD", "this afternoon", "at 3pm", "after this call", "after standup": the
//     meeting date.
//   - a weekday ("by Friday", "next Tuesday"): the first such day strictly after the meeting
//     ("next" is read as "the coming", as olebedev/when does); "Friday next week": that day of
//     the following Monday-to-Sunday week.
//   - "end of week", "EOW", "by the weekend": that week's Friday (the next Friday when the
//     meeting is on a weekend); "end of next week": the Friday after; "this weekend", "over the
//     weekend": the Sunday after that Friday.
//   - "end of month", "EOM": the month's last day; "end of the quarter": the quarter's last day.
//   - "in two weeks", "within 3 days": the meeting date plus that span.
//   - "Nov 30": that day, in the following year when it is before the meeting.
//   - "next week", "this week", "next month", "the next meeting", "ASAP", "in a few days": no
//     clear day, so due is "" and only dueText is kept.
func resolveDue(sentence string, meetingDate string) (due, dueText string) {
	if !mayHaveDue(sentence) {
		return "", ""
	}
	lower := lowerASCII(sentence)
	for pos := 0; ; {
		loc := nextDue(lower, pos)
		if loc == nil {
			break
		}
		pos = loc[1]
		kind := 0
		for k := 1; 2*k+1 < len(loc); k++ {
			if loc[2*k] >= 0 {
				kind = k
				break
			}
		}
		words := strings.ToLower(sentence[loc[2*kind]:loc[2*kind+1]])
		text := strings.TrimSpace(sentence[loc[0]:loc[1]])
		lower := strings.ToLower(text)
		prep := !strings.HasPrefix(lower, words)
		rest := sentence[loc[1]:]
		switch {
		case pastPhrase.MatchString(sentence[:loc[0]]):
			continue // "last Friday"
		case kind == 7 && meetingAfter.MatchString(lowerASCII(rest)):
			// "at Thursday's sync": due that day.
		case strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s"):
			continue // "today's meeting"
		case kind == 9 && rangeBefore.MatchString(sentence[:loc[0]]):
			continue // "3–4 February": when an event happens
		case kind == 12 && monthAfter.MatchString(lowerASCII(rest)):
			continue // "by the 13th of December": read as a calendar date below
		case (words == "noon" || strings.HasPrefix(words, "lunch")) && !prep:
			continue // "bring lunch"
		case kind == 8 && !prep && !strings.HasPrefix(words, "next") && !strings.HasPrefix(words, "this"):
			continue // "the following week we discussed"
		}
		dueText = text
		base, err := time.Parse("2006-01-02", meetingDate)
		if err != nil {
			return "", dueText
		}
		d, ok := dueDay(kind, words, lower, base)
		if !ok {
			return "", dueText
		}
		return d.Format("2006-01-02"), dueText
	}
	return "", ""
}

// dueAnchored is duePhrase anchored at the start of its input: nextDue tries it only where a
// due phrase can begin.
var dueAnchored = regexp.MustCompile(`^(?:` + duePhrase.String() + `)`)

// The words a due phrase can start with (lower case), by what must follow them: dueSpaced
// words a space ("by Friday", "the end of"), dueWhole words the end of the word ("EOD",
// "Friday", "Nov 30"); dueOpeners start a word that may go on ("today's", "lunchtime"). A
// phrase may also start with a digit.
var (
	dueSpaced = []string{"by", "before", "until", "till", "due", "on", "the", "this", "at", "in", "within",
		"coming", "next", "following", "later", "end", "close", "no", "after"}
	dueWhole = []string{"eod", "cob", "eob", "eow", "eom", "noon", "asap",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues",
		"wed", "thu", "thur", "thurs", "fri",
		"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul",
		"july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december"}
	dueOpeners = []string{"today", "tonight", "tomorrow", "weekend", "lunch"}
)

// nextDue returns the submatch indexes of the first match of duePhrase in lower that starts
// at or after pos, as FindAllStringSubmatchIndex would list it, or nil. Every match starts
// with a word character after a non-word one (duePhrase opens each branch with \b and a
// letter or a digit), so the anchored pattern is tried only at word starts that can open a
// due phrase, instead of running the whole pattern over the sentence.
func nextDue(lower string, pos int) []int {
	for p := pos; p < len(lower); p++ {
		if p > 0 && isWordByte(lower[p-1]) || !mayStartDue(lower[p:]) || !dueAnchored.MatchString(lower[p:]) {
			// MatchString keeps no submatches, so it is cheaper for the many places that fail.
			continue
		}
		if loc := dueAnchored.FindStringSubmatchIndex(lower[p:]); loc != nil {
			for k := range loc {
				if loc[k] >= 0 {
					loc[k] += p
				}
			}
			return loc
		}
	}
	return nil
}

// isWordByte reports whether c is an ASCII word character, as \b sees it.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// mayStartDue reports whether a due phrase can start at the beginning of s (lower case).
func mayStartDue(s string) bool {
	if s[0] >= '0' && s[0] <= '9' {
		return true
	}
	n := 0
	for n < len(s) && 'a' <= s[n] && s[n] <= 'z' {
		n++
	}
	if n == 0 {
		return false
	}
	word := s[:n]
	if slices.Contains(dueSpaced, word) {
		rest := strings.TrimLeft(s[n:], " \t\n\f\r")
		return len(rest) < len(s[n:]) && rest != "" && mayFollowDue(word, rest)
	}
	if slices.Contains(dueWhole, word) {
		return true
	}
	for _, w := range dueOpeners {
		if strings.HasPrefix(word, w) {
			return true
		}
	}
	return false
}

// Words that can follow a word of dueSpaced in a due phrase, as the starts of the next word.
var (
	dueAfterThe   = []string{"end", "close", "this", "weekend", "next", "following"}
	dueAfterThis  = []string{"afternoon", "morning", "evening", "week", "month", "mon", "tue", "wed", "thu", "fri", "sat", "sun"}
	dueAfterNext  = []string{"meeting", "call", "sync", "stand", "session", "telcon", "week", "month", "mon", "tue", "wed", "thu", "fri", "sat", "sun"}
	dueAfterAfter = []string{"the", "this", "today", "stand", "call", "meeting", "sync"}
	dueAfterIn    = []string{"a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "couple", "few"}
)

// mayFollowDue reports whether rest (lower case, not empty, after the spaces) can go on a due
// phrase that starts with word, one of dueSpaced.
func mayFollowDue(word, rest string) bool {
	hasPrefix := func(starts []string) bool {
		for _, w := range starts {
			if strings.HasPrefix(rest, w) {
				return true
			}
		}
		return false
	}
	digit := rest[0] >= '0' && rest[0] <= '9'
	switch word {
	case "the":
		return hasPrefix(dueAfterThe)
	case "this":
		return hasPrefix(dueAfterThis)
	case "next", "coming", "following":
		return hasPrefix(dueAfterNext)
	case "later":
		return strings.HasPrefix(rest, "today")
	case "end", "close":
		return strings.HasPrefix(rest, "of")
	case "no":
		return strings.HasPrefix(rest, "later")
	case "after":
		return hasPrefix(dueAfterAfter)
	case "at":
		return digit
	case "in", "within":
		n := 0
		for n < len(rest) && 'a' <= rest[n] && rest[n] <= 'z' {
			n++
		}
		return digit || slices.Contains(dueAfterIn, rest[:n])
	}
	// "by", "before", "until", "till", "due", "on": a due phrase, or "the 13th", follows.
	return digit || strings.HasPrefix(rest, "the") || mayStartDue(rest)
}

// lowerASCII lower-cases the ASCII letters of s, keeping every byte offset.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// mayHaveDue is a cheap test that sentence could hold a due phrase: a digit, or a word that
// every due phrase without a digit contains ("friday", "eod", "tomorrow", "week", "nov"…).
func mayHaveDue(sentence string) bool {
	start := -1
	for i := 0; i <= len(sentence); i++ {
		c := byte(' ')
		if i < len(sentence) {
			c = sentence[i]
		}
		if '0' <= c && c <= '9' {
			return true
		}
		letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		switch {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			if isDueWord(sentence[start:i]) {
				return true
			}
			start = -1
		}
	}
	return false
}

// isDueWord reports whether w (ASCII letters) is a word that due phrases are built on.
func isDueWord(w string) bool {
	if len(w) < 3 || len(w) > 9 {
		return false
	}
	switch strings.ToLower(w) {
	case "eod", "cob", "eob", "eow", "eom", "end", "close", "after", "today", "tonight", "afternoon",
		"morning", "evening", "noon", "lunch", "lunchtime", "tomorrow", "week", "weekend", "month",
		"quarter", "next", "asap", "monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed",
		"thursday", "thu", "thur", "thurs", "friday", "fri", "saturday", "sunday", "january",
		"jan", "february", "feb", "march", "mar", "april", "apr", "may", "june", "jun", "july",
		"jul", "august", "aug", "september", "sep", "sept", "october", "oct", "november", "nov",
		"december", "dec", "day", "days", "weeks", "months":
		return true
	}
	return false
}

// dueDay turns one due phrase of the given kind (the capture group of duePhrase) into a day,
// counting from the meeting day base; words are the captured words and full the whole phrase,
// both lower case. ok is false when the phrase names no clear day.
func dueDay(kind int, words, full string, base time.Time) (time.Time, bool) {
	noon := base.Add(12 * time.Hour)
	switch kind {
	case 1, 11:
		return base, true
	case 2:
		return base.AddDate(0, 0, 1), true
	case 3:
		fri := thisFriday(base)
		switch {
		case strings.Contains(words, "next"):
			return fri.AddDate(0, 0, 7), true
		case strings.Contains(words, "weekend") && strings.HasPrefix(full, "by") || strings.HasPrefix(full, "before"):
			return fri, true
		case strings.Contains(words, "weekend"):
			return fri.AddDate(0, 0, 2), true
		}
		return fri, true
	case 4:
		m := 1
		if strings.Contains(words, "next") {
			m = 2
		}
		return time.Date(base.Year(), base.Month()+time.Month(m), 0, 0, 0, 0, 0, time.UTC), true
	case 5:
		q := (int(base.Month()) - 1) / 3
		if i := strings.LastIndexByte(words, 'q'); i >= 0 && i+1 < len(words) && words[i+1] >= '1' && words[i+1] <= '4' {
			q = int(words[i+1] - '1')
		}
		end := time.Date(base.Year(), time.Month(3*q+4), 0, 0, 0, 0, 0, time.UTC)
		if end.Before(base) {
			end = end.AddDate(1, 0, 0)
		}
		return end, true
	case 7:
		if strings.Contains(words, "week") {
			// "Friday next week": that day in the following Monday-to-Sunday week; "Friday this
			// week": that day in the meeting's own week.
			wd := weekdayOf(words)
			monday := base.AddDate(0, 0, -((int(base.Weekday()) + 6) % 7))
			if strings.Contains(words, "next") {
				monday = monday.AddDate(0, 0, 7)
			}
			return monday.AddDate(0, 0, (int(wd)+6)%7), true
		}
		r, err := when.EN.Parse(strings.TrimPrefix(strings.TrimPrefix(words, "this "), "coming "), noon)
		if err != nil || r == nil {
			return time.Time{}, false
		}
		d := day(r.Time)
		if !d.After(base) {
			d = d.AddDate(0, 0, 7)
		}
		return d, true
	case 9:
		if d, err := time.Parse("2006-01-02", words); err == nil {
			return d, true
		}
		r, err := when.EN.Parse(words, noon)
		if err != nil || r == nil {
			return time.Time{}, false
		}
		d := day(r.Time)
		if d.Before(base) {
			d = d.AddDate(1, 0, 0)
		}
		return d, true
	case 12:
		n := 0
		for _, c := range words {
			if c >= '0' && c <= '9' {
				n = n*10 + int(c-'0')
			}
		}
		d := time.Date(base.Year(), base.Month(), n, 0, 0, 0, 0, time.UTC)
		if d.Day() != n {
			return time.Time{}, false
		}
		if d.Before(base) {
			d = time.Date(base.Year(), base.Month()+1, n, 0, 0, 0, 0, time.UTC)
		}
		return d, d.Day() == n
	case 10:
		if strings.Contains(words, "few") || strings.Contains(words, "couple") || strings.Contains(words, "business") || strings.Contains(words, "working") {
			return time.Time{}, false
		}
		r, err := when.EN.Parse(strings.Replace(words, "within", "in", 1), noon)
		if err != nil || r == nil {
			return time.Time{}, false
		}
		return day(r.Time), true
	}
	return time.Time{}, false
}

// thisFriday is the Friday of the week of d, or the next Friday when d falls on a weekend.
func thisFriday(d time.Time) time.Time {
	n := (int(time.Friday) - int(d.Weekday()) + 7) % 7
	return d.AddDate(0, 0, n)
}

// weekdayOf returns the weekday named in words.
func weekdayOf(words string) time.Weekday {
	for i, name := range []string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"} {
		if strings.Contains(words, name) {
			return time.Weekday(i)
		}
	}
	return time.Friday
}

// day drops the time of day from t.
func day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
