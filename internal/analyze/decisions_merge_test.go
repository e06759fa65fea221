package analyze

import (
	"strings"
	"testing"
)

// TestRestatedDecisions checks that a decision said twice in one meeting is reported once,
// with the evidence of both sayings and a reason found for either, and that two decisions
// that only share their words are still two.
func TestRestatedDecisions(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []wantDecision
	}{
		{
			name: "a poll in the agenda and the same poll in the minutes",
			lines: []string{
				"= ## Proposal details",
				"= **Poll**:",
				"= > Adopt the v128 value type with its basic operations.",
				"= ## Meeting notes",
				"= **Poll: Adopt the v128 value type with its basic operations.**",
				"JO: A single type keeps the encoding small.",
			},
			want: []wantDecision{{text: "Adopt the v128 value type with its basic operations.", evidence: 2}},
		},
		{
			name: "two motions with the same words in the agenda pair with the two in the minutes",
			lines: []string{
				"= ## Proposal details",
				"= **Poll**:",
				"= > Adopt the following i64x2 integer operations:",
				"= **Poll**:",
				"= > Adopt the following i64x2 integer operations:",
				"= ## Meeting notes",
				"= **Poll: Adopt the following i64x2 integer operations:**",
				"= **Poll: Adopt the following i64x2 integer operations:**",
			},
			want: []wantDecision{
				{text: "Adopt the following i64x2 integer operations:", evidence: 2},
				{text: "Adopt the following i64x2 integer operations:", evidence: 2},
			},
		},
		{
			name: "the same words twice in one section are two motions",
			lines: []string{
				"= ## Meeting notes",
				"= RESOLUTION: Adopt the following i64x2 integer operations",
				"= RESOLUTION: Adopt the following i64x2 integer operations",
			},
			want: []wantDecision{
				{text: "Adopt the following i64x2 integer operations", evidence: 1},
				{text: "Adopt the following i64x2 integer operations", evidence: 1},
			},
		},
		{
			name: "a short outcome under each issue's heading is a decision on each issue",
			lines: []string{
				"= ### Temporal proposal",
				"= RESOLUTION: Extra time.",
				"= ### Wide gamut for canvas",
				"= RESOLUTION: Extra time.",
			},
			want: []wantDecision{{text: "Extra time.", evidence: 1}, {text: "Extra time.", evidence: 1}},
		},
		{
			name: "a decision said, then resolved with a marker",
			lines: []string{
				"= ## 3. Browser support",
				"Ana Lopez: We decided to drop support for IE11 next quarter.",
				"= RESOLUTION: drop support for IE11 next quarter",
			},
			want: []wantDecision{{text: "drop support for IE11 next quarter", evidence: 2}},
		},
		{
			name: "a reason given with the restatement counts for the decision",
			lines: []string{
				"= ## Agenda",
				"= **Poll**:",
				"= > Remove the division instructions from the first version.",
				"= ## Minutes",
				"= **Poll: Remove the division instructions from the first version.**",
				"WR: Division is slow on every target because no chip has a vector divide.",
			},
			want: []wantDecision{{text: "Remove the division instructions from the first version.", rationale: "no chip has a vector divide", evidence: 2}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := minutes(t, tc.lines...)
			for i := range m.Turns {
				m.Turns[i].Heading = strings.HasPrefix(m.Turns[i].Text, "#")
			}
			got := findDecisions(m)
			checkRationales(t, got, tc.want)
			for i, w := range tc.want {
				if n := len(got[i].Evidence); n != max(w.evidence, 1) {
					t.Errorf("decision %d has %d pieces of evidence, want %d", i, n, max(w.evidence, 1))
				}
			}
		})
	}
}
