package analyze

import (
	"reflect"
	"testing"
)

func TestResolveDue(t *testing.T) {
	const wed = "2026-11-18" // a Wednesday
	const fri = "2026-11-20" // a Friday
	const sat = "2026-11-21" // a Saturday
	tests := []struct {
		sentence, date string
		due, dueText   string
	}{
		{"I'll send the revised deck to sales by Friday.", wed, "2026-11-20", "by Friday"},
		{"I'll get back to you by the 13th.", wed, "2026-12-13", "by the 13th"},
		{"I'll get back to you before the 20th.", wed, "2026-11-20", "before the 20th"},
		{"I'll have it by the 31st.", "2026-11-04", "", "by the 31st"},
		{"I'll report back at Thursday's sync.", wed, "2026-11-19", "Thursday"},
		{"Fatima sends the calendar hold for 3–4 February today.", wed, wed, "today"},
		{"The offsite is on 3-4 February, I'll book it by Friday.", wed, "2026-11-20", "by Friday"},
		{"I'll send it tomorrow", wed, "2026-11-19", "tomorrow"},
		{"I'll add it after standup.", wed, wed, "after standup"},
		{"I'll update the board after this call.", wed, wed, "after this call"},
		{"Let's talk after the next meeting.", wed, "", "the next meeting"},
		{"I'll send it by tomorrow morning", wed, "2026-11-19", "by tomorrow morning"},
		{"I'll do it next Tuesday", wed, "2026-11-24", "next Tuesday"},
		{"I'll do it on Monday", wed, "2026-11-23", "on Monday"},
		{"I'll do it this Thursday", wed, "2026-11-19", "this Thursday"},
		{"I'll do it Friday next week", wed, "2026-11-27", "Friday next week"},
		{"by Wednesday", wed, "2026-11-25", "by Wednesday"},
		{"I'll have it by Friday", fri, "2026-11-27", "by Friday"},
		{"I'll get it to you by EOD", wed, wed, "by EOD"},
		{"I'll finish it by end of day", wed, wed, "by end of day"},
		{"I'll finish it by close of business", wed, wed, "by close of business"},
		{"I'll send it today", wed, wed, "today"},
		{"I'll send it this afternoon", wed, wed, "this afternoon"},
		{"I'll send it at 3pm", wed, wed, "at 3pm"},
		{"I'll send it by the end of the week", wed, "2026-11-20", "by the end of the week"},
		{"I'll send it by EOW", wed, "2026-11-20", "by EOW"},
		{"I'll send it by EOW", fri, fri, "by EOW"},
		{"I'll send it by EOW", sat, "2026-11-27", "by EOW"},
		{"I'll send it by end of next week", wed, "2026-11-27", "by end of next week"},
		{"I'll send it by the weekend", wed, "2026-11-20", "by the weekend"},
		{"I'll look at it over the weekend", wed, "2026-11-22", "the weekend"},
		{"I'll close it by the end of the month", wed, "2026-11-30", "by the end of the month"},
		{"I'll close it by EOM", wed, "2026-11-30", "by EOM"},
		{"I'll close it by end of next month", wed, "2026-12-31", "by end of next month"},
		{"I'll close it by the end of the quarter", wed, "2026-12-31", "by the end of the quarter"},
		{"I'll close it by the end of Q1", wed, "2027-03-31", "by the end of Q1"},
		{"I'll have a draft in two weeks", wed, "2026-12-02", "in two weeks"},
		{"I'll have a draft within 3 days", wed, "2026-11-21", "within 3 days"},
		{"I'll have a draft by Nov 30", wed, "2026-11-30", "by Nov 30"},
		{"I'll have a draft by 30 November", wed, "2026-11-30", "by 30 November"},
		{"I'll have a draft by January 5th", wed, "2027-01-05", "by January 5th"},
		{"I'll have a draft by 2026-12-01", wed, "2026-12-01", "by 2026-12-01"},
		// No clear day: the words are kept, the date is not guessed.
		{"I'll have a draft next week", wed, "", "next week"},
		{"I'll have a draft by the next meeting", wed, "", "by the next meeting"},
		{"I'll bring it to next week's call", wed, "", "next week's call"},
		{"I'll have something we can review at next weeks' call", wed, "", "next weeks' call"},
		{"I'll dig into it this week", wed, "", "this week"},
		{"I'll close the gaps by this month", wed, "", "by this month"},
		{"I'll send it by the end of this week", wed, "2026-11-20", "by the end of this week"},
		{"I'll move it this weekend", wed, "2026-11-22", "this weekend"},
		{"I'll do it Friday this week", wed, "2026-11-20", "Friday this week"},
		{"I'll have a draft in a few days", wed, "", "in a few days"},
		{"I'll do it ASAP", wed, "", "ASAP"},
		{"I'll send it by Friday", "", "", "by Friday"},
		// Not due dates.
		{"I'll be back in 5 minutes", wed, "", ""},
		{"I'll present for two hours", wed, "", ""},
		{"I'll share the notes from last Friday", wed, "", ""},
		{"I'll send today's notes", wed, "", ""},
		{"I'll send this week's notes", wed, "", ""},
		{"I'll read the weekly digest", wed, "", ""},
		{"I'll bring lunch", wed, "", ""},
		{"I'll update the doc", wed, "", ""},
		{"I may send it", wed, "", ""},
	}
	for _, tt := range tests {
		due, text := resolveDue(tt.sentence, tt.date)
		if due != tt.due || text != tt.dueText {
			t.Errorf("resolveDue(%q, %q) = %q, %q; want %q, %q", tt.sentence, tt.date, due, text, tt.due, tt.dueText)
		}
	}
}

// TestNextDueMatchesFindAll checks that nextDue lists the same matches as running duePhrase
// over the whole sentence, on every line of the test data and on made-up phrases.
func TestNextDueMatchesFindAll(t *testing.T) {
	corpus := testCorpus(t)
	words := []string{"by", "before", "no later than", "due", "on", "the", "end", "of", "this", "next",
		"week", "week's", "weeks'", "weekly", "call", "friday", "fri", "thurs", "monday", "morning", "eod", "eow", "tonight", "today",
		"lunch", "noon", "tomorrow", "month", "quarter", "q3", "weekend", "asap", "coming", "following",
		"nov", "30", "30th", "2026-11-30", "in", "within", "two", "a couple of", "days", "weeks", "at",
		"3pm", "5:30", "until", "till", "13th", "of december", "x", "abc", "ending", "onto", "atop", "_",
		"-", "'s", ",", ".", "  ", "\t", "é", "’", "later", "close", "business", "cob", "eom", "few",
		"todays", "lunches", "lunchtime", "month", "market", "onboarding", "mon2", "may", "3", "Sept.", "tues", "thur",
		"mon_", "nowhere", "noon", "inside", "bye", "the13th", "end-of", "week’s", "sync", "asap", "asapx", "eods",
		"afternoon", "evening", "meeting", "stand-up", "standup", "session", "telcon", "an", "one", "ten", "a", "couple",
		"business", "working", "than", "no later than", "on the", "sunday", "saturday", "august", "aug.", "1st"}
	corpus = append(corpus, madeUp(words, 20000)...)
	for _, s := range corpus {
		lower := lowerASCII(s)
		want := duePhrase.FindAllStringSubmatchIndex(lower, -1)
		var got [][]int
		for pos := 0; ; {
			loc := nextDue(lower, pos)
			if loc == nil {
				break
			}
			got = append(got, loc)
			pos = loc[1]
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("nextDue on %q:\n got %v\nwant %v", s, got, want)
		}
	}
}
