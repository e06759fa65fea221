package analyze

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

func TestFindUnheard(t *testing.T) {
	tests := []struct {
		name  string
		extra []string
		lines []string
		times []float64
		// want is "kind person: detail-part" for each finding, in order.
		want []string
	}{
		{
			name:  "silent attendee",
			extra: []string{"Dana Kim"},
			lines: []string{"Ana Lopez: Hello.", "Ben Ortiz: Hi."},
			want:  []string{"silent-attendee Dana Kim: listed as an attendee but never spoke"},
		},
		{
			name: "low share in a meeting one person dominates",
			lines: []string{
				"Ana Lopez: " + strings.Repeat("We need to plan the launch carefully and I will walk through every step of it now. ", 8),
				"Ben Ortiz: OK.",
				"Cleo Park: " + strings.Repeat("The design work is on track and the review is booked for next week. ", 3),
				"Ana Lopez: " + strings.Repeat("Then the rollout goes region by region, starting with the smallest one. ", 6),
			},
			want: []string{"low-share Ben Ortiz: said 1 of"},
		},
		{
			name:  "two people: no low share",
			lines: []string{"Ana Lopez: " + strings.Repeat("We need to plan the launch carefully. ", 30), "Ben Ortiz: OK."},
		},
		{
			name: "overlap with times",
			lines: []string{
				"Ana Lopez: The plan for the migration is to start in May and then",
				"Ben Ortiz: No, that cannot work with the freeze.",
				"Ana Lopez: Fine, June then.",
			},
			times: []float64{0, 10, 8, 12, 12, 14},
			want:  []string{"interrupted Ana Lopez: interrupted once, by Ben Ortiz"},
		},
		{
			name: "dash cut-offs, twice",
			lines: []string{
				"Ana Lopez: So what I was going to say is—",
				"Ben Ortiz: The budget first, please.",
				"Ana Lopez: Sure. But the thing is –",
				"Cleo Park: Budget, yes. It is fine.",
			},
			want: []string{"interrupted Ana Lopez: interrupted 2 times, by Ben Ortiz, Cleo Park"},
		},
		{
			name: "back-channels are not interruptions",
			lines: []string{
				"Ana Lopez: The plan is to start in May and finish in June.",
				"Ben Ortiz: Mm-hmm.",
				"Ana Lopez: And then we review.",
			},
			times: []float64{0, 10, 4, 4.5, 10, 12},
		},
		{
			name: "unanswered question",
			lines: []string{
				"Ben Ortiz: Do we have to resolve storage first?",
				"Ana Lopez: Moving on to the hiring plan.",
				"Cleo Park: Two roles are open.",
			},
			want: []string{"unanswered-question Ben Ortiz: Do we have to resolve storage first?"},
		},
		{
			name: "question ignored: others talk past it",
			lines: []string{
				"Ben Ortiz: Who owns the billing alerts?",
				"Ana Lopez: Lunch arrives at noon.",
				"Cleo Park: The offsite venue changed.",
				"Dev Shah: Parking passes are at reception.",
			},
			want: []string{"unanswered-question Ben Ortiz: Who owns the billing alerts?"},
		},
		{
			name: "question answered by a third person",
			lines: []string{
				"Ben Ortiz: Ana, when does the freeze start?",
				"Cleo Park: The freeze starts on the first.",
			},
		},
		{
			name:  "question answered with an answer cue",
			lines: []string{"Ben Ortiz: Can we ship by Friday?", "Ana Lopez: Yes, if the tests pass."},
		},
		{
			name: "question answered after the asker goes on",
			lines: []string{
				"Ben Ortiz: Is the vendor contract signed?",
				"Ben Ortiz: I ask because legal needs it.",
				"Ana Lopez: Legal has the contract since Monday.",
			},
		},
		{
			name: "answered with a number, a date, a yes inside, or a conditional",
			lines: []string{
				"Fatima Haddad: Do we have numbers on that?",
				"Olu Adeyemi: Forty-two percent of trial sign-ups stop at billing.",
				"Ana Lopez: Last question, when does this go to engineering?",
				"Priya Natarajan: Handoff is the 20th.",
				"Fatima Haddad: Do they have SOC 2?",
				"Sofia Rossi: Type two, yes. I have the report.",
				"Ana Lopez: Is the fourteenth still realistic?",
				"Dev Shah: If the fix lands Monday, yes.",
				"Raj Patel: Why didn't your monitoring catch it?",
				"Ben Ortiz: It should have, and it didn't.",
			},
		},
		{
			name: "a counter-question that points back, or names the asker, takes it up",
			lines: []string{
				"Priya Natarajan: And the design QA for the settings page, who does that?",
				"Ana Lopez: Can you do it, Priya?",
				"Priya Natarajan: Sure, on Thursday.",
				"Kenji Sato: What's the plan for the on-call tickets?",
				"Ana Lopez: Kenji, how many points are those?",
				"Kenji Sato: Five.",
			},
		},
		{
			name: "moving on: a new question, a deferral, out of time, one more thing",
			lines: []string{
				"Grace Kim: And is the price going up next year?",
				"Olu Adeyemi: Let me check on the SSO thing again, Ben, is the twelve hours the max?",
				"Ben Ortiz: Twelve hours for the standard plan.",
				"Kenji Sato: What level are we offering, senior or staff?",
				"Fatima Haddad: Let's come back to references.",
				"María Farías: Is the balance view going to be fast enough for the dashboard?",
				"Fatima Haddad: We're out of time.",
				"María Farías: Are we still doing the demo on Friday or did that move?",
				"Ben Ortiz: Oh, and before I forget, the webhook needs a line in the changelog.",
			},
			want: []string{
				"unanswered-question Grace Kim: And is the price going up next year?",
				"unanswered-question Kenji Sato: What level are we offering, senior or staff?",
				"unanswered-question María Farías: Is the balance view going to be fast enough",
				"unanswered-question María Farías: Are we still doing the demo on Friday",
			},
		},
		{
			name: "the meeting closes on a question",
			lines: []string{
				"Ana Lopez: Thanks María. Ben will write the rollback plan by Monday.",
				"María Farías: What happens to users who are halfway through the old flow when we switch?",
				"Ana Lopez: Good, that's all for today.",
			},
			want: []string{"unanswered-question María Farías: What happens to users who are halfway"},
		},
		{
			name: "a closing that answers first is an answer",
			lines: []string{
				"Ana Lopez: Thanks María. Ben will write the rollback plan by Monday.",
				"Kenji Sato: Do we need a review for the SDK bump?",
				"Ana Lopez: No, that's all for today.",
			},
		},
		{
			name: "asking for a volunteer is a real question; offers and rhetoric are not",
			lines: []string{
				"Fatima Haddad: Anyone want to take the inventory of the reporting jobs?",
				"Ben Ortiz: Lunch arrives at noon.",
				"Ana Lopez: Anything you need from me?",
				"Ben Ortiz: Lunch arrives at noon.",
				"Ana Lopez: Honestly, how is that even a question?",
				"Ben Ortiz: Lunch arrives at noon.",
				"Hannah Berg: Raj, anything else?",
				"Ben Ortiz: Lunch arrives at noon.",
			},
			want: []string{"unanswered-question Fatima Haddad: Anyone want to take the inventory"},
		},
		{
			name:  "answer addressed to the asker by name",
			lines: []string{"Ben Ortiz: Where are the slides?", "Ana Lopez: Ben, check the shared drive."},
		},
		{
			name: "rhetorical and tag questions, invitations, self-answered",
			lines: []string{
				"Ana Lopez: That is the plan, right?",
				"Ben Ortiz: Lunch arrives at noon.",
				"Ana Lopez: It's a nice design, isn't it?",
				"Ben Ortiz: Lunch arrives at noon.",
				"Ana Lopez: Why does this matter? Because latency is money.",
				"Ben Ortiz: Lunch arrives at noon.",
				"Ana Lopez: Any questions?",
				"Ben Ortiz: Lunch arrives at noon.",
				"Ana Lopez: You know?",
			},
		},
		{
			name:  "last question of the meeting",
			lines: []string{"Ana Lopez: Status is green.", "Ben Ortiz: Who signs off on the release?"},
			want:  []string{"unanswered-question Ben Ortiz: Who signs off on the release?"},
		},
		{
			name: "one finding per turn",
			lines: []string{
				"Ben Ortiz: Who owns the billing alerts? And who owns the pager rota?",
				"Ana Lopez: Moving on.",
			},
			want: []string{"unanswered-question Ben Ortiz: Who owns the billing alerts?"},
		},
		{
			name: "concern not addressed",
			lines: []string{
				"Cleo Park: I'm worried the cache change will break exports for large accounts.",
				"Ana Lopez: Next item: the hiring plan.",
				"Ben Ortiz: Two roles are open.",
			},
			want: []string{"unaddressed-concern Cleo Park: I'm worried the cache change"},
		},
		{
			name: "concern addressed",
			lines: []string{
				"Cleo Park: My concern is that the migration runs during the freeze.",
				"Ana Lopez: Good point, we can move the migration a week.",
			},
		},
		{
			name: "concern taken up through its words",
			lines: []string{
				"Cleo Park: Honestly this rollout is risky for the EU region.",
				"Ben Ortiz: The EU region gets a canary first.",
			},
		},
		{
			name:  "not a concern",
			lines: []string{"Cleo Park: This change is not risky at all.", "Ben Ortiz: Moving on."},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := meetingOf(t, "2024-03-04", tc.extra, tc.lines...)
			if tc.times != nil {
				timed(m, tc.times...)
			}
			got := findUnheard(m, Participate(m))
			var kinds []string
			for _, u := range got {
				kinds = append(kinds, u.Kind+" "+u.Person+": "+u.Detail)
				checkEvidence(t, m, u.Evidence)
				if u.Kind != KindSilentAttendee && len(u.Evidence) == 0 {
					t.Errorf("%s for %s has no evidence", u.Kind, u.Person)
				}
				if u.Evidence == nil {
					t.Errorf("%s for %s has nil evidence, want a list", u.Kind, u.Person)
				}
			}
			if len(kinds) != len(tc.want) {
				t.Fatalf("findings = %q, want %q", kinds, tc.want)
			}
			for i, w := range tc.want {
				if !strings.HasPrefix(kinds[i], w) {
					t.Errorf("finding %d = %q, want it to start %q", i, kinds[i], w)
				}
			}
		})
	}
}

func TestFindUnheardInterruptedEvidence(t *testing.T) {
	m := meetingOf(t, "", nil, "Ana Lopez: First point. So what I was going to say is—", "Ben Ortiz: Sorry. The budget is gone.")
	got := findUnheard(m, Participate(m))
	if len(got) != 1 || len(got[0].Evidence) != 2 {
		t.Fatalf("findings = %+v, want one interruption with two quotes", got)
	}
	if e := got[0].Evidence; e[0].Quote != "So what I was going to say is—" || e[1].Quote != "Sorry." || e[1].Speaker != "Ben Ortiz" {
		t.Errorf("evidence = %+v, want the cut-off sentence and the first words that came in", e)
	}
}

func TestFindUnheardNoSpeakers(t *testing.T) {
	m := meetingOf(t, "", []string{"Ana Lopez"}, "Who owns the billing alerts?", "Moving on.")
	m.HasSpeakers = false
	if got := findUnheard(m, Participate(m)); got == nil || len(got) != 0 {
		t.Fatalf("findUnheard = %#v, want an empty non-nil list", got)
	}
}

func TestRealQuestion(t *testing.T) {
	for s, want := range map[string]bool{
		"Do we have to resolve storage first?": true,
		"Is the data good?":                    true,
		"Did we get it right?":                 true,
		"That works, right?":                   false,
		"Right?":                               false,
		"It's cheaper, isn't it?":              false,
		"Does that make sense?":                false,
		"Any questions?":                       false,
		"Any other business?":                  false,
		"Sounds good?":                         false,
		"Why?":                                 false,
		"Anything that worried anyone?":        false,
		"Anyone want to take the notes?":       true,
		"Who doesn't love a 2am page, right?":  false,
		"How is that even a question?":         false,
	} {
		if got := realQuestion(s); got != want {
			t.Errorf("realQuestion(%q) = %v, want %v", s, got, want)
		}
	}
}

func BenchmarkFindUnheard(b *testing.B) {
	m := benchMeeting(b)
	p := Participate(m)
	for b.Loop() {
		findUnheard(m, p)
	}
}

// TestUnheardCheapTests checks that the cheap tests in front of concernRE, notConcernRE and
// answerCueRE never change what the patterns find.
func TestUnheardCheapTests(t *testing.T) {
	corpus := testCorpus(t)
	corpus = append(corpus, madeUp([]string{"I'm", "i am", "a bit", "really", "worried", "about", "that", "My", "main",
		"biggest", "concern", "worry", "concerned", "the", "risk is", "risky", "not sure we can", "I don't", "do not",
		"think we can", "this", "might", "could", "will", "break", "not", "no risk", "isn't risky", "nothing to worry",
		"good", "great", "question", "point", "let me", "check", "i think", "because", "fair", "valid", "you're right",
		"that's a", "i agree", "we can", "we'll", "i'll", "x", "xx", "\u212a", "\u017f", ",", "?"}, 30000)...)
	for _, s := range corpus {
		if matchConcern(s) != concernRE.MatchString(s) {
			t.Fatalf("matchConcern(%q) differs from concernRE", s)
		}
		lower := strings.ToLower(s)
		hints := concernHints.find(lower)
		if (hints&hintConcern != 0) != hasAny(lower, concernWords) || (hints&hintNotConcern != 0) != hasAny(lower, notConcernWords) {
			t.Fatalf("concernHints.find(%q) = %b, differs from the word lists", lower, hints)
		}
		if notConcernRE.MatchString(s) && !mayHoldLower(s, lower, notConcernWords) {
			t.Fatalf("notConcernWords miss %q", s)
		}
		if answerCueRE.MatchString(s) && !mayHoldLower(s, lower, answerCueWords) {
			t.Fatalf("answerCueWords miss %q", s)
		}
	}
}

// TestContentWordsMatchesFields checks contentWords against the plain way of splitting words.
func TestContentWordsMatchesFields(t *testing.T) {
	plain := func(s string) []string {
		var out []string
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
		}) {
			w = strings.Trim(w, "'")
			if len([]rune(w)) < 3 || isStopWord(w) {
				continue
			}
			if len(w) > 4 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
				w = w[:len(w)-1]
			}
			out = append(out, w)
		}
		return out
	}
	corpus := append(testCorpus(t), "", "'''", "Ünïcödé WORDS, naïve café's", "日本語 テキスト", "a\xffb\xfe cats's", "ÉTÉ’s it's", "İstanbul ǅemal")
	for _, s := range corpus {
		if got, want := contentWords(s), plain(s); !slices.Equal(got, want) {
			t.Fatalf("contentWords(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestCheapTestsBeforeReplyPatterns checks that the cheap tests in front of answerStartRE,
// answerCueRE and topicChangeRE never turn away a reply the pattern matches, on the test data
// and on replies made up of the patterns' own words.
func TestCheapTestsBeforeReplyPatterns(t *testing.T) {
	words := []string{"5", "12th", "_", "\u212a", "\u017fo", "é", ",", ".", "!", "?", "\t", "x",
		"we're out of time", "We are over time", "we're at time", "we've run out of time", "then there's",
		"changing the topic", "changing topic", "before i forget", "one more thing", "in other news", "by the way",
		"next: ", "next, ", "let us move", "let's take that offline", "let's look at the budget next",
		"i don't know", "I do not know", "let's fix that", "we can do it", "no worries", "makes sense",
		"Don't worry", "not really", "right now", "good idea", "great question", "let me"}
	for _, re := range []string{answerStartRE.String(), topicChangeRE.String()} {
		for _, w := range strings.FieldsFunc(re, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
			words = append(words, w, strings.ToUpper(w[:1])+w[1:])
		}
	}
	// Topic changes behind every kind of opening filler and punctuation.
	for _, f := range []string{"", "Thank you, ", "thank you\t", "Okay. ", "ok!\f", "All right,\r\n", "so,  and ", "Right.\t"} {
		for _, c := range []string{"on to the next", "Onto the next", "the next item is", "next: budget", "the next thing is",
			"we've run out of time", "changing topic", "Moving on"} {
			words = append(words, f+c)
		}
	}
	corpus := append(testCorpus(t), words...)
	corpus = append(corpus, madeUp(words, 40000)...)
	opened, changed := 0, 0
	for _, s := range corpus {
		want := answerStartRE.MatchString(s)
		if got := opensAnswer(s); got != want {
			t.Fatalf("opensAnswer(%q) = %v, want %v", s, got, want)
		}
		if want {
			opened++
		}
		lower := strings.ToLower(s)
		if hints := cueHints.find(lower); (hints&hintCueWord != 0) != hasAny(lower, replyCueWords) || (hints&hintAnswerCue != 0) != hasAny(lower, answerCueWords) {
			t.Fatalf("cueHints.find(%q) = %b, differs from the word lists", lower, hints)
		}
		if topicChangeRE.MatchString(s) {
			changed++
			if !mayChangeTopic(s) {
				t.Fatalf("topicChangeRE matches %q, but mayChangeTopic is false", s)
			}
		}
	}
	if opened < 100 || changed < 100 {
		t.Fatalf("%d answers and %d topic changes: the test checks too little", opened, changed)
	}
}
