package analyze

import (
	"strings"
	"testing"
)

func TestVoteRuns(t *testing.T) {
	tests := []struct {
		name     string
		lines    []string
		want     string // the decision's text; "" for none
		evidence []string
	}{
		{
			name: "a run of +1s adopts the text put before the call for a vote",
			lines: []string{
				"Romain Deltour: A Web Publication is a collection of one or more primary resources, organized together through a manifest into a single logical work with a default reading order.",
				"Tzviya Siegman: let's vote, +1 / -1",
				"Wolfgang Schindler: +1",
				"Tzviya Siegman: +1",
				"Matt Garrish: +1",
				"Deborah Kaplan: +1",
			},
			want:     "A Web Publication is a collection of one or more primary resources, organized together through a manifest into a single logical work with a default reading order",
			evidence: []string{"Wolfgang Schindler: +1"},
		},
		{
			name: "votes that say what they vote for, and the chair's conclusion, are evidence",
			lines: []string{
				"Ivan Herman: I propose that the document goes to the editor as it is, with the small changes we discussed.",
				"Ivan Herman: any comments?",
				"Marisa DeMeglio: +1",
				"Ben Schroeter: 0",
				"Harriett Green: +1",
				"George Kerscher: +1 to a single way, json",
				"Luc Audrain: +1",
				"Tzviya Siegman: Looks like we have consensus to publish this.",
			},
			want:     "I propose that the document goes to the editor as it is, with the small changes we discussed",
			evidence: []string{"George Kerscher: +1 to a single way, json", "Tzviya Siegman: Looks like we have consensus to publish this."},
		},
		{
			name: "three +1s agree with a view: no decision",
			lines: []string{
				"Leonard Rosenthol: the production workflow won't change.",
				"Luc Audrain: +1",
				"Bill Kasdorf: +1",
				"Tim Cole: +1",
			},
		},
		{
			name: "+1s to an opinion said in the first person: no decision",
			lines: []string{
				"Hadrien Gardeur: I like this option #2 much better, especially the links with nav",
				"Ivan Herman: +1",
				"Bill Kasdorf: +1",
				"Tim Cole: +1",
				"Luc Audrain: +1",
			},
		},
		{
			name: "+1s to a hedge: no decision",
			lines: []string{
				"Ivan Herman: If the reaction is 'no way' we can discuss.",
				"Deborah Kaplan: +1",
				"Bill Kasdorf: +1",
				"Tim Cole: +1",
				"Luc Audrain: +1",
			},
		},
		{
			name: "votes spread over a long discussion are not one run",
			lines: []string{
				"Garth Conboy: We need a list of primary resources in the manifest of every publication.",
				"Ivan Herman: +1",
				"Bill Kasdorf: +1",
				"Laurent Le Meur: the production workflow won't change - they will continue to produce multiple formats",
				"Hadrien Gardeur: Not including a resource won't prevent it from being rendered.",
				"Benjamin Young: it does not manifest anything, it references some icons and a start URL.",
				"Dave Cramer: the Web App lives separately from the publication.",
				"Tim Cole: +1",
				"Luc Audrain: +1",
			},
		},
		{
			name: "a run after the scribe's resolution adds nothing",
			lines: []string{
				"Tzviya Siegman: we can move forward as is, with a caveat that this is a working definition.",
				"= RESOLUTION: the working definition for the FPWD for manifest",
				"Deborah Kaplan: +1",
				"Bill Kasdorf: +1",
				"Benjamin Young: +1",
				"Avneesh Singh: +1",
			},
			want: "the working definition for the FPWD for manifest",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := minutes(t, tt.lines...)
			got := findDecisions(m)
			if tt.want == "" {
				if len(got) != 0 {
					t.Fatalf("want no decision, got %+v", got)
				}
				return
			}
			if len(got) != 1 || got[0].Decision != tt.want {
				t.Fatalf("want one decision %q, got %+v", tt.want, got)
			}
			for _, e := range tt.evidence {
				speaker, quote, _ := strings.Cut(e, ": ")
				found := false
				for _, have := range got[0].Evidence {
					found = found || have.Speaker == speaker && have.Quote == quote
				}
				if !found {
					t.Errorf("evidence %q missing from %+v", e, got[0].Evidence)
				}
			}
		})
	}
}

func TestIsVote(t *testing.T) {
	for s, want := range map[string]bool{
		"+1": true,
		"+1 to closing issue and opening specific tickets":           true,
		"+1, but I think I fell asleep for some of the conversation": true,
		"+.9":                                 true,
		"+1000":                               true,
		"+12% or moving to the smaller floor": false,
		"0":                                   false,
		"-1":                                  false,
		"prese+1 to move forward":             false,
	} {
		if got := isVote(s); got != want {
			t.Errorf("isVote(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestQuestionIsNoDecision(t *testing.T) {
	for _, lines := range [][]string{
		{"Tzviya Siegman: could we merge it?", "Ivan Herman: yes"},
		{"Ivan Herman: Are we going to discuss Locators tomorrow?", "Tzviya Siegman: yes"},
		{"= ## Decisions", "= * Do we want any floating point atomics?", "= * Include float atomics (load and store)"},
	} {
		for _, d := range findDecisions(minutes(t, lines...)) {
			if asksOnly(d.Decision) {
				t.Errorf("%q: a question found as a decision: %q", lines, d.Decision)
			}
		}
	}
	got := findDecisions(minutes(t, "= ## Decisions", "= * Do we want any floating point atomics?", "= * Include float atomics (load and store)"))
	if len(got) != 1 || got[0].Decision != "Include float atomics (load and store)" {
		t.Errorf("want the listed decision only, got %+v", got)
	}
	for s, want := range map[string]bool{
		"could we merge it?": true,
		"Backward compatible change (not keep backward compatible)?": true,
		"close issue 76 (is it a dup?)":                              false,
		"close issue 76":                                             false,
	} {
		if got := asksOnly(s); got != want {
			t.Errorf("asksOnly(%q) = %v, want %v", s, got, want)
		}
	}
}
