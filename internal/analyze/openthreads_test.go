package analyze

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

func TestFindOpenThreads(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		// want is "kind|topic|quote" per open thread, in order; none for no open thread.
		want []string
	}{
		{
			name:  "let's revisit with a topic",
			lines: []string{"Ana Lopez: Three tiers or four, I can't tell yet.", "Ben Ortiz: Let's revisit the pricing tiers."},
			want:  []string{"deferred|the pricing tiers|Let's revisit the pricing tiers."},
		},
		{
			name:  "let's park that, topic from the sentence before",
			lines: []string{"Ana Lopez: The SSO rollout keeps slipping. Let's park that for now.", "Ben Ortiz: Fine by me."},
			want:  []string{"deferred|The SSO rollout keeps slipping|Let's park that for now."},
		},
		{
			name: "a pin, sitting or sleeping on it, the parking lot",
			lines: []string{
				"Ana Lopez: The logo refresh looks risky. Let's put a pin in that.", "Ben Ortiz: Fine.",
				"Cleo Park: Moving on.", "Dana Kim: The vendor contract is long.", "Ana Lopez: Let's sit on that one for a while.",
				"Ben Ortiz: Okay.", "Cleo Park: Moving on.", "Ben Ortiz: Let's put the export wizard in the parking lot.",
			},
			want: []string{
				"deferred|The logo refresh looks risky|Let's put a pin in that.",
				"deferred|The vendor contract is long|Let's sit on that one for a while.",
				"deferred|the export wizard|Let's put the export wizard in the parking lot.",
			},
		},
		{
			name:  "typographic apostrophe",
			lines: []string{"Ana Lopez: We argued about the cache layer.", "Ben Ortiz: Let’s come back to it."},
			want:  []string{"deferred|We argued about the cache layer|Let’s come back to it."},
		},
		{
			name:  "take it offline and to be continued",
			lines: []string{"Ana Lopez: Let's take this offline.", "Ben Ortiz: Sure.", "Cleo Park: Moving on.", "Dana Kim: Okay.", "Cleo Park: On the budget: to be continued."},
			want:  []string{"deferred||Let's take this offline.", "deferred|the budget|On the budget: to be continued."},
		},
		{
			name:  "we didn't get to",
			lines: []string{"Ana Lopez: We didn't get to the hiring plan."},
			want:  []string{"deferred|the hiring plan|We didn't get to the hiring plan."},
		},
		{
			name:  "TBD names its subject",
			lines: []string{"Ana Lopez: The launch venue is TBD."},
			want:  []string{"deferred|The launch venue|The launch venue is TBD."},
		},
		{
			name:  "no decision yet",
			lines: []string{"Ana Lopez: So no decision yet on the vendor."},
			want:  []string{"deferred|the vendor|So no decision yet on the vendor."},
		},
		{
			name:  "let's discuss next time",
			lines: []string{"Ana Lopez: Let's discuss the roadmap next time."},
			want:  []string{"deferred|the roadmap|Let's discuss the roadmap next time."},
		},
		{
			name:  "a decision reopened",
			lines: []string{"Ana Lopez: I'd like to reopen the database choice."},
			want:  []string{"reopened|the database choice|I'd like to reopen the database choice."},
		},
		{
			name:  "decided last week, but",
			lines: []string{"Ana Lopez: We decided on Postgres last week, but the costs have changed."},
			want:  []string{"reopened|Postgres|We decided on Postgres last week, but the costs have changed."},
		},
		{
			name:  "minutes status line",
			lines: []string{"## 4. Budget", "Deferred."},
			want:  []string{"deferred|Budget|Deferred."},
		},
		{
			name:  "minutes status with the item",
			lines: []string{"Postponed - the office move"},
			want:  []string{"deferred|the office move|Postponed - the office move"},
		},
		{
			name:  "we can cover that later, then moves on",
			lines: []string{"María Farías: The onboarding flow still has the old illustrations, I think we should—", "Ana Lopez: We can cover that later.", "Priya Natarajan: The API docs are done."},
			want:  []string{"deferred|The onboarding flow still has the old illustrations…|We can cover that later."},
		},
		{
			name: "put off in passing, an unrelated promise later",
			lines: []string{
				"Ben Ortiz: The thing is, the search index —",
				"Ana Lopez: We can talk about the index later. The rewrite goes first. We're going with the rewrite in January.",
				"Cara Diaz: OK.",
				"Ana Lopez: Good. I'll share the roadmap doc tomorrow.",
			},
			want: []string{"deferred|the index|We can talk about the index later."},
		},
		// Traps: none of these is an open thread.
		{name: "covered later, with an owner and a date next", lines: []string{"Ana Lopez: We can cover that later. Ben, can you share the new onboarding mockups before Thursday's review?", "Ben Ortiz: Sure, I'll post them in the design channel tomorrow."}},
		{name: "a question", lines: []string{"Ana Lopez: Should we revisit the pricing tiers?"}},
		{name: "a question without its mark", lines: []string{"Ana Lopez: can we come back to this later"}},
		{name: "past tense", lines: []string{"Ana Lopez: We revisited it last week and kept three tiers."}},
		{name: "dated by a weekday", lines: []string{"Ana Lopez: Let's revisit on Friday."}},
		{name: "dated by a quarter", lines: []string{"Ana Lopez: Let's revisit in Q2."}},
		{name: "dated by the next meeting", lines: []string{"Ana Lopez: Let's park it until the next meeting."}},
		{name: "dated in the next turn", lines: []string{"Ana Lopez: Let's come back to the pricing tiers.", "Ben Ortiz: Put it on Friday's agenda then."}},
		{name: "owned in the same turn", lines: []string{"Ana Lopez: Let's park the pricing tiers. Ben will come back with a proposal."}},
		{name: "owned in the next turn", lines: []string{"Ana Lopez: Let's park the pricing tiers.", "Ben Ortiz: I'll send a proposal by Thursday."}},
		{name: "not yet, because", lines: []string{"Ana Lopez: Let's table the hiring plan because the budget is not approved."}},
		{name: "waits for something", lines: []string{"Ana Lopez: Let's revisit once we have the load test results."}},
		{name: "a decision follows", lines: []string{"Ana Lopez: Let's revisit the pricing tiers.", "Ben Ortiz: Actually, we decided to go with three pricing tiers."}},
		{name: "negated", lines: []string{"Ana Lopez: I don't think we need to revisit the pricing tiers."}},
		{name: "a heading is not said", lines: []string{"## Revisit the roadmap", "Ana Lopez: Here is where we are."}},
		{name: "TBD as an argument", lines: []string{"Ana Lopez: I argue for TBD in the spec."}},
		{name: "carried over is not a status at the start", lines: []string{"Ana Lopez: Three tickets carried over: the export docs and the CSV bug."}},
		{name: "table as a noun", lines: []string{"Ana Lopez: Table of contents is good!"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := meetingOf(t, "2026-11-16", []string{"Ben Ortiz"}, tt.lines...)
			for i := range m.Turns {
				if strings.HasPrefix(m.Turns[i].Text, "#") {
					m.Turns[i].Heading = true
				}
			}
			x := newMeetingText(m)
			got := findOpenThreads(x, findCommitmentsIn(x), findDecisionsIn(x))
			var gotS []string
			for _, o := range got {
				if len(o.Evidence) != 1 {
					t.Fatalf("thread %+v: want one piece of evidence", o)
				}
				gotS = append(gotS, o.Kind+"|"+o.Topic+"|"+o.Evidence[0].Quote)
				checkEvidence(t, m, o.Evidence)
			}
			if strings.Join(gotS, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(gotS, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestThreadClauseQuotesALongSentenceInPart(t *testing.T) {
	s := "we only have kenneth for part of the day let's use Kenneth's time wisely we need to come back to this parallel road to WAM let's go back to next best step we can figure this out"
	start := strings.Index(s, "come back to")
	got := threadClause(s, start, start+len("come back to"))
	if !strings.Contains(s, got) || !strings.Contains(got, "we need to come back to this") {
		t.Errorf("threadClause = %q, want a part of the sentence around the deferral", got)
	}
	if countWords(got) > 2*threadQuoteWords+3 {
		t.Errorf("threadClause = %q (%d words), want at most %d words either side", got, countWords(got), threadQuoteWords)
	}
	if short := "Let's park it."; threadClause(short, 6, 10) != short {
		t.Errorf("a short sentence is quoted whole")
	}
}

// TestOpenThreadQuotesAreOnTheirLines runs the engine on every fixture meeting and labelled
// meeting and checks that each open thread's quote starts on the line it cites and is found
// verbatim in the input there.
func TestOpenThreadQuotesAreOnTheirLines(t *testing.T) {
	var files []string
	for _, g := range []string{"../../testdata/meetings/*", "../../testdata/eval/*", filepath.Join(evalDevDir, "*.md")} {
		fs, err := filepath.Glob(g)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, fs...)
	}
	found := 0
	for _, path := range files {
		if strings.HasSuffix(path, ".json") {
			continue
		}
		data, f := analyzeFile(t, path)
		lines := strings.Split(string(data), "\n")
		for _, o := range f.OpenThreads {
			found++
			if o.ID == "" || o.Kind == "" || len(o.Evidence) == 0 {
				t.Errorf("%s: incomplete open thread %+v", filepath.Base(path), o)
			}
			for _, e := range o.Evidence {
				if e.Line < 1 || e.Line > len(lines) {
					t.Errorf("%s: quote %q cites line %d, outside the input", filepath.Base(path), e.Quote, e.Line)
					continue
				}
				rest := strings.Join(strings.Fields(strings.Join(lines[e.Line-1:min(len(lines), e.Line+8)], " ")), " ")
				first := strings.Join(strings.Fields(lines[e.Line-1]), " ")
				words := strings.Fields(e.Quote)
				if !strings.Contains(rest, strings.Join(words, " ")) || !strings.Contains(first, words[0]) {
					t.Errorf("%s: quote %q is not on line %d", filepath.Base(path), e.Quote, e.Line)
				}
			}
		}
	}
	if found == 0 {
		t.Error("no open thread found in any fixture: the check checked nothing")
	}
}

func TestCoachOpenThreads(t *testing.T) {
	m := meetingOf(t, "2026-11-16", nil,
		"Ana Lopez: Let's revisit the pricing tiers.",
		"Ben Ortiz: We decided on Postgres last week, but the costs have changed.",
		"Ana Lopez: Let's go with Kafka.",
	)
	f, err := Offline{}.Analyze(context.Background(), m, Options{Me: "Ana Lopez"})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.OpenThreads) != 2 {
		t.Fatalf("open threads = %+v, want the deferral and the reopened decision", f.OpenThreads)
	}
	var got []Coaching
	why, clear := -1, -1
	for i, c := range f.Coaching {
		switch c.Principle {
		case PrincipleDecideClearly:
			got = append(got, c)
			clear = i
		case PrincipleExplainWhy:
			why = i
		}
	}
	if len(got) != 2 {
		t.Fatalf("decide-clearly items = %+v, want one per open thread", got)
	}
	if why < 0 || clear < why {
		t.Errorf("coaching order %+v: want decide-clearly after explain-why", f.Coaching)
	}
	want := []struct{ obs, sug, ref string }{
		{`You put off "the pricing tiers" with no owner and no date: "Let's revisit the pricing tiers." (line 1).`,
			`Close "the pricing tiers" with a decision, an owner or a date: e.g. ask who will bring a proposal, and by when.`, "o1"},
		{`A decision was reopened and no new call followed: "We decided on Postgres last week, but the costs have changed." (line 2).`,
			`Settle "Postgres" again: make the call, name who will decide and by when, or say "not yet, because…" and when it will be decided.`, "o2"},
	}
	for i, w := range want {
		if got[i].Observation != w.obs || got[i].Suggestion != w.sug || len(got[i].Refs) != 1 || got[i].Refs[0] != w.ref {
			t.Errorf("item %d = %+v\nwant %+v", i, got[i], w)
		}
	}
}

// TestThreadHints checks that the cheap tests in front of reopenRE and deferRE never turn away
// a sentence the pattern matches.
func TestThreadHints(t *testing.T) {
	corpus := testCorpus(t)
	corpus = append(corpus, madeUp([]string{"let's", "let’s", "lets", "let us", "we'll", "we will", "we can", "we need to",
		"i'd like to", "i would like to", "i want to", "we should", "revisit", "park", "table", "shelve", "come back to",
		"circle back to", "return to", "leave", "this", "that", "it", "for", "now", "later", "hold off on", "pick", "back",
		"up", "take", "offline", "discuss", "the roadmap", "next time", "another time", "continue", "punt on", "to be",
		"continued", "picked up again", "discussed", "revisited", "we", "i", "didn't", "never", "get to", "ran out of time",
		"no decision", "yet", "is", "still", "tbd", "reopen", "re-open", "reconsider", "decision on", "decided", "agreed",
		"on", "pricing", "last week", ", but", "we have to", "i’d like to", "lets", "x", ".", ","}, 30000)...)
	for _, s := range corpus {
		lower := asciiLower(s)
		hints := threadHints.find(lower)
		if reopenRE.MatchString(lower) && hints&hintReopen == 0 {
			t.Fatalf("reopenRE matches %q, which holds none of reopenHints", lower)
		}
		if deferRE.MatchString(lower) && !mayDefer(hints) {
			t.Fatalf("deferRE matches %q, but mayDefer is false", lower)
		}
	}
}
