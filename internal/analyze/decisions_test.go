package analyze

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/debrief-cli/debrief/internal/transcript"
)

// wantDecision is what a test expects of one decision; empty strings are not checked.
type wantDecision struct {
	text         string
	by           string
	rationale    string // a part of the rationale; "-" for none
	alternatives bool
	evidence     int // number of pieces of evidence; 0 means 1
}

// minutes builds a meeting as meetingOf does, except that a line starting "= " is taken as it
// stands for a turn with no speaker (a heading, a marker line), even when it holds ": ".
func minutes(t testing.TB, lines ...string) *transcript.Meeting {
	t.Helper()
	m := meetingOf(t, "2024-03-04", nil, lines...)
	m.HasSpeakers = false
	for i, l := range lines {
		if rest, ok := strings.CutPrefix(l, "= "); ok {
			m.Turns[i].Speaker, m.Turns[i].Text = "", rest
		}
		m.HasSpeakers = m.HasSpeakers || m.Turns[i].Speaker != ""
	}
	kept := m.Attendees[:0]
	for _, a := range m.Attendees {
		if !strings.HasPrefix(a.Name, "= ") {
			kept = append(kept, a)
		}
	}
	m.Attendees = kept
	return m
}

func TestFindDecisions(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []wantDecision
	}{
		{
			name: "notes markers",
			lines: []string{
				"KK: We went through the draft again.",
				"= RESOLUTION: adopt the notifications draft as the basis",
				"= > ***Resolution #1: move to Gotomeeting***",
				"= RESOLVED: dates still good.  Confirmed.",
				"= **Decision**: use Postgres",
				"= Agreed: weekly releases",
				"= * [Resolution #2: use wpub and pwpub](#resolution2)",
				// A parser that reads the marker as a speaker.
				"RESOLUTION: Discuss next meeting.",
			},
			want: []wantDecision{
				{text: "adopt the notifications draft as the basis", by: "", rationale: "-"},
				{text: "move to Gotomeeting"},
				{text: "dates still good.  Confirmed."},
				{text: "use Postgres"},
				{text: "weekly releases"},
				{text: "use wpub and pwpub"},
				{text: "Discuss next meeting."},
			},
		},
		{
			name: "bare RESOLVED adopts the proposal",
			lines: []string{
				"= PROPOSAL: Editors to assign themselves on nominated issues that's agreed to go into a milestone.",
				"= RESOLVED - no apparent discent",
			},
			want: []wantDecision{{text: "Editors to assign themselves on nominated issues that's agreed to go into a milestone.", evidence: 2}},
		},
		{
			name: "a proposal alone is not a decision",
			lines: []string{
				"= *(ivan)* **Proposed resolution: use wpub and pwpub**",
				"= PROPOSAL: Editors to assign themselves on nominated issues.",
				"PROPOSAL: Move the call to Thursdays.",
				"Ana Lopez: I propose we go with weekly releases.",
			},
		},
		{
			name: "items under a heading",
			lines: []string{
				"= ## Decisions",
				"= * Ship the beta on Monday",
				"= * Keep the old API for a quarter",
				"= ## Action items",
				"= * Ana to write the changelog",
			},
			want: []wantDecision{{text: "Ship the beta on Monday"}, {text: "Keep the old API for a quarter"}},
		},
		{
			name: "heading without marks, ended by a speaker",
			lines: []string{
				"= Outcome",
				"= - Move the offsite to June",
				"Ben Ortiz: Anything else?",
			},
			want: []wantDecision{{text: "Move the offsite to June"}},
		},
		{
			name:  "empty heading",
			lines: []string{"= Decisions:", "= * None", "Ana Lopez: Nothing to decide today."},
		},
		{
			name: "summary section repeats a resolution",
			lines: []string{
				"Ivan Herman: need a resolution to close issue 27.",
				"= > ***Resolution #4: Close issue 27, hand over the PR to the editor***",
				"Tzviya Siegman: thanks",
				"= ### 3. Resolutions",
				"= {: #res}",
				"= * [Resolution #4](#resolution4): Close issue 27, hand over the PR to the editor",
			},
			want: []wantDecision{{text: "Close issue 27, hand over the PR to the editor", evidence: 2}},
		},
		{
			name: "phrasing by a speaker",
			lines: []string{
				"Ana Lopez: OK, we decided to drop IE11 support.",
				"Ben Ortiz: Let's go with the smaller rollout.",
				"Cleo Park: We're going with the blue theme.",
				"Ana Lopez: The decision is to freeze the API in May.",
				"Ben Ortiz: Going forward we ship on Tuesdays.",
				"Cleo Park: So we will use Stripe for payments.",
			},
			want: []wantDecision{
				{text: "drop IE11 support", by: "Ana Lopez", rationale: "-"},
				{text: "the smaller rollout", by: "Ben Ortiz"},
				{text: "the blue theme", by: "Cleo Park"},
				{text: "freeze the API in May", by: "Ana Lopez"},
				{text: "ship on Tuesdays", by: "Ben Ortiz"},
				{text: "use Stripe for payments", by: "Cleo Park"},
			},
		},
		{
			name: "not decisions: questions, proposals, negations, hypotheticals, old news",
			lines: []string{
				"Ana Lopez: Should we go with Postgres?",
				"Ben Ortiz: Maybe we could go with the managed service.",
				"Cleo Park: What if we go with the old vendor.",
				"Ana Lopez: We haven't decided on the vendor yet.",
				"Ben Ortiz: If we decided to drop it, support would suffer.",
				"Cleo Park: We agreed last week to hold the launch.",
				"Ana Lopez: We don't agree on the timeline.",
				"Ben Ortiz: We agree to disagree.",
				"Leonard Rosenthol: we all agree about the first part. but we haven't agreed on what's gonna be in the manifest.",
			},
			want: []wantDecision{{text: "about the first part", by: "Leonard Rosenthol"}},
		},
		{
			name: "rationale three turns later",
			lines: []string{
				"Ana Lopez: Let's go with Postgres.",
				"Ben Ortiz: OK.",
				"Cleo Park: Fine by me.",
				"Ben Ortiz: The team already knows it, and that way we avoid a new on-call rota.",
			},
			want: []wantDecision{{text: "Postgres", rationale: "that way we avoid a new on-call rota"}},
		},
		{
			name: "rationale too far away",
			lines: []string{
				"Ana Lopez: Let's go with Postgres.",
				"Ben Ortiz: OK.",
				"Cleo Park: Fine by me.",
				"Dev Shah: Noted.",
				"Ben Ortiz: It is cheaper because we have credits.",
			},
			want: []wantDecision{{text: "Postgres", rationale: "-"}},
		},
		{
			name: "rationale as data and customer evidence",
			lines: []string{
				"Ana Lopez: We decided to cache the search results. Latency dropped 40% in the trial.",
				"Ben Ortiz: Unrelated, the offsite is booked.",
				"Ben Ortiz: Unrelated, lunch is here.",
				"Ben Ortiz: Unrelated, the printer is fixed.",
				"Ben Ortiz: Unrelated, Dev is out.",
				"Cleo Park: Customers asked for dark mode. We'll go with a dark theme first.",
			},
			want: []wantDecision{
				{text: "cache the search results", rationale: "Latency dropped 40% in the trial."},
				{text: "a dark theme first", rationale: "Customers asked for dark mode."},
			},
		},
		{
			name: "rationale in the sentence itself",
			lines: []string{
				"= RESOLUTION: since there are no implementations of epub:type other than internal workflows, do not move forward with broad replacements for epub:type",
			},
			want: []wantDecision{{text: "since there are no implementations of epub:type other than internal workflows, do not move forward with broad replacements for epub:type", rationale: "since there are no implementations"}},
		},
		{
			name: "alternatives",
			lines: []string{
				"Ana Lopez: We'll go with Postgres over MySQL.",
				"Ben Ortiz: Unrelated, lunch is here.",
				"Ben Ortiz: Unrelated, the printer is fixed.",
				"Ben Ortiz: Unrelated, Dev is out.",
				"Ben Ortiz: Unrelated, the bus is late.",
				"Ben Ortiz: Unrelated, the kettle is broken.",
				"Cleo Park: The trade-off is slower writes. We decided to shard by customer.",
				"Ben Ortiz: Unrelated, lunch is here.",
				"Ben Ortiz: Unrelated, the printer is fixed.",
				"Ben Ortiz: Unrelated, Dev is out.",
				"Ben Ortiz: Unrelated, the bus is late.",
				"Ana Lopez: We decided to meet over the weekend.",
			},
			want: []wantDecision{
				{text: "Postgres over MySQL", alternatives: true},
				{text: "shard by customer", alternatives: true},
				{text: "meet over the weekend", alternatives: false},
			},
		},
		{
			name: "said twice: discussion and summary",
			lines: []string{
				"Ana Lopez: So we decided to move the launch to May 12.",
				"Ben Ortiz: Because the SDK is late.",
				"= Summary",
				"= Decision: move the launch to May 12",
			},
			want: []wantDecision{{text: "move the launch to May 12", by: "Ana Lopez", rationale: "Because the SDK is late.", evidence: 2}},
		},
		{
			name:  "decider named in notes",
			lines: []string{"= RESOLVED: accept the budget (Ana Lopez)", "Ana Lopez: thanks all"},
			want:  []wantDecision{{text: "accept the budget (Ana Lopez)", by: "Ana Lopez"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := minutes(t, tc.lines...)
			got := findDecisions(m)
			if got == nil {
				t.Fatal("findDecisions returned nil, want a non-nil list")
			}
			if len(got) != len(tc.want) {
				for _, d := range got {
					t.Logf("got %q", d.Decision)
				}
				t.Fatalf("got %d decisions, want %d", len(got), len(tc.want))
			}
			for i, w := range tc.want {
				d := got[i]
				checkEvidence(t, m, d.Evidence)
				if d.Decision != w.text {
					t.Errorf("decision %d = %q, want %q", i, d.Decision, w.text)
				}
				if w.by != "" && d.DecidedBy != w.by {
					t.Errorf("decision %d decided by %q, want %q", i, d.DecidedBy, w.by)
				}
				switch w.rationale {
				case "":
				case "-":
					if d.RationaleStated || d.Rationale != "" {
						t.Errorf("decision %d has rationale %q, want none", i, d.Rationale)
					}
				default:
					if !d.RationaleStated || !strings.Contains(d.Rationale, w.rationale) {
						t.Errorf("decision %d rationale = %q (%v), want %q", i, d.Rationale, d.RationaleStated, w.rationale)
					}
				}
				if d.AlternativesMentioned != w.alternatives {
					t.Errorf("decision %d alternatives = %v, want %v", i, d.AlternativesMentioned, w.alternatives)
				}
				n := w.evidence
				if n == 0 {
					n = 1
				}
				if len(d.Evidence) != n {
					t.Errorf("decision %d has %d pieces of evidence, want %d", i, len(d.Evidence), n)
				}
			}
		})
	}
}

func BenchmarkFindDecisions(b *testing.B) {
	m := benchMeeting(b)
	for b.Loop() {
		findDecisions(m)
	}
}

func TestSpokenDecision(t *testing.T) {
	for _, tc := range []struct {
		s         string
		want      string // "" for no decision
		anaphoric bool
	}{
		{"Okay, Postgres it is.", "Postgres", false},
		{"Right. Let's drop the invoice PDF rework from this sprint.", "drop the invoice PDF rework from this sprint", false},
		{"Let's not pre-fill at all for now.", "not pre-fill at all for now", false},
		{"Let's do it.", "", true},
		{"Then we do CSV only for now.", "we do CSV only for now", false},
		{"We're moving to weekly releases from December.", "We're moving to weekly releases from December", false},
		{"From now on, schema migrations ship in their own deploy.", "From now on, schema migrations ship in their own deploy", false},
		{"Okay, agreed: no progress bar, just the step text.", "no progress bar, just the step text", false},
		{"Agreed, start fresh on January 1st.", "start fresh on January 1st", false},
		{"So the plan is grouped notifications and a digest.", "grouped notifications and a digest", false},
		{"Okay, both go in: bulk edit and the rate limiter.", "both go in: bulk edit and the rate limiter", false},
		{"Then the treasurer's report is accepted.", "the treasurer's report is accepted", false},
		{"The group settled on the brewery, pending a quote.", "the brewery, pending a quote", false},
		{"Then it goes into the next sprint as a proper ticket.", "it goes into the next sprint as a proper ticket", false},
		{"Looks like wpub and pwpub are the winners.", "wpub and pwpub", false},
		{"I think the brewery is the winner.", "", false},
		// Not decisions: meeting process, descriptions, hedges, questions, old news.
		{"Let's get started.", "", false},
		{"Let's move on to the demo.", "", false},
		{"Let's talk about the integrations next week.", "", false},
		{"Let's do two o'clock.", "", false},
		{"Let's not let it lapse.", "", false},
		{"We show recent items and a hint about filters.", "", false},
		{"We're listing requirements, not making decisions.", "", false},
		{"Okay, we're recording.", "", false},
		{"Then I'll test it on the old iPad.", "", false},
		{"Then we're done.", "", false},
		{"Then, profile from that, and explain how to use it.", "", false},
		{"Maybe we go with the managed service from now on.", "", false},
		{"Should we drop annotations from the beta?", "", false},
		{"Need to clearly specify what it IS", "", false},
		{"That's just how it is.", "", false},
		{"We moved the release to Q2 last week.", "", false},
		{"I'd like to point out that the feed is separate.", "", false},
		{"Agreed, the empty states matter more.", "", false},
		{"DRM is out of scope.", "", false},
		// How to talk or think, and where a thing is said or stored: no choice.
		{"And let's not mix up navigation with default reading order.", "", false},
		{"Let's not complicate the reading order with traversal.", "", false},
		{"Let's sleep on it.", "", false},
		{"Let's sit on that one for a while.", "", false},
		{"Let's not go into linguistic analysis.", "", false},
		{"It goes into PR 346.", "", false},
		{"Somebody will write an RDF source, it simply goes into the data of the resource.", "", false},
	} {
		got, anaphoric, ok := spokenDecision(tc.s)
		if tc.want == "" && !tc.anaphoric {
			if ok {
				t.Errorf("spokenDecision(%q) = %q, want no decision", tc.s, got)
			}
			continue
		}
		if !ok || got != tc.want || anaphoric != tc.anaphoric {
			t.Errorf("spokenDecision(%q) = %q, %v, %v; want %q, %v", tc.s, got, anaphoric, ok, tc.want, tc.anaphoric)
		}
	}
}

func TestFindDecisionsAcrossTurns(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []wantDecision
	}{
		{
			name: "proposal and assent",
			lines: []string{
				"Kenji Sato: So I'd like to mute the test merchants in PagerDuty. Any objections?",
				"Ana Lopez: None from me. Go ahead and mute them, they're not real traffic so there's nothing to wake up for.",
			},
			want: []wantDecision{{text: "mute the test merchants in PagerDuty", by: "Kenji Sato", rationale: "so there's nothing", evidence: 2}},
		},
		{
			name: "proposal and assent, no reason",
			lines: []string{
				"María Farías: I'd want to debounce the queries at 200 milliseconds.",
				"Priya Natarajan: Works for me.",
			},
			want: []wantDecision{{text: "debounce the queries at 200 milliseconds", rationale: "200 milliseconds", evidence: 2}},
		},
		{
			name: "proposal without assent, or conditional, is no decision",
			lines: []string{
				"Ben Ortiz: I'd like to interview five admins.",
				"Olu Adeyemi: I can line up the admins.",
				"Kenji Sato: I'd take that on if I had time.",
				"Fatima Haddad: Sounds good.",
			},
		},
		{
			name: "choice put as a question, settled by the answer",
			lines: []string{
				"Ben Ortiz: Should we also drop the annotations feature from the beta? It's not finished.",
				"Ana Lopez: Yes, annotations are out of the beta.",
			},
			want: []wantDecision{{text: "annotations are out of the beta", rationale: "It's not finished."}},
		},
		{
			name: "question answered with a promise is not a decision",
			lines: []string{
				"Fatima Haddad: Can we get both highs closed before the audit?",
				"Kenji Sato: Yes, the allowlist will be in by Friday.",
				"Lena Fischer: Are we doing the demo on the 13th or the 16th?",
				"Ana Lopez: The 13th, same as always.",
			},
		},
		{
			name: "let's do it points at the next sentence",
			lines: []string{
				"Kenji Sato: Can we please stop doing deploys on Friday afternoons?",
				"Ben Ortiz: Yes. Two of the last three incidents started on a Friday.",
				"Tom Weber: Let's do it. No deploys after 2pm on Fridays, starting next week.",
			},
			want: []wantDecision{{text: "No deploys after 2pm on Fridays, starting next week", by: "Tom Weber", rationale: "Two of the last three", evidence: 2}},
		},
		{
			name: "a reason for another decision is not this one's",
			lines: []string{
				"Ana Lopez: Let's drop the PDF rework, because finance won't switch until January.",
				"Ana Lopez: Then we do CSV only for now.",
			},
			want: []wantDecision{{text: "drop the PDF rework", rationale: "because finance"}, {text: "we do CSV only for now", rationale: "-"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := meetingOf(t, "2024-03-04", nil, tc.lines...)
			got := findDecisions(m)
			if len(got) != len(tc.want) {
				t.Fatalf("found %d decisions, want %d: %+v", len(got), len(tc.want), got)
			}
			for i, w := range tc.want {
				d := got[i]
				if d.Decision != w.text {
					t.Errorf("decision %d = %q, want %q", i, d.Decision, w.text)
				}
				if w.by != "" && d.DecidedBy != w.by {
					t.Errorf("decision %d by %q, want %q", i, d.DecidedBy, w.by)
				}
				switch {
				case w.rationale == "-" && d.RationaleStated:
					t.Errorf("decision %d rationale = %q, want none", i, d.Rationale)
				case w.rationale != "" && w.rationale != "-" && !strings.Contains(d.Rationale, w.rationale):
					t.Errorf("decision %d rationale = %q, want it to hold %q", i, d.Rationale, w.rationale)
				}
				n := w.evidence
				if n == 0 {
					n = 1
				}
				if len(d.Evidence) < n {
					t.Errorf("decision %d has %d pieces of evidence, want at least %d", i, len(d.Evidence), n)
				}
				for _, e := range d.Evidence {
					found := false
					for _, turn := range m.Turns {
						if strings.Contains(turn.Text, e.Quote) {
							found = true
						}
					}
					if !found {
						t.Errorf("evidence %q is not in the meeting", e.Quote)
					}
				}
			}
		})
	}
}

func TestArgues(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		// A consequence.
		{"Otherwise we hammer the API on every keystroke.", true},
		{"They're not real traffic so there's nothing to wake up for.", true},
		{"We only add a filter, so nobody notices.", true},
		// A judgement of cost, benefit or risk; some words only after a verb of being.
		{"It's not worth it for closed years.", true},
		{"Technically yes, but it's wrong for gmail users.", true},
		{"Four steps with a bar feels heavy.", true},
		{"That's fine for Postgres if it's partitioned by month.", true},
		{"Fine.", false},
		{"We need a fast path for admins.", false},
		{"Anything shared becomes a place where EU data leaks into the US.", true},
		{"It has credentials references in it.", true},
		// A comparison.
		{"It's the riskiest.", true},
		{"Deskly is easier than Helply to set up.", true},
		{"Two hours is too much.", true},
		{"One less system to run.", true},
		{"The company moves to the smaller floor.", false},
		// The point of the matter.
		{"The main gap I see is design work that other teams use.", true},
		{"The problem is the pool cached the DNS entry.", true},
		// Evidence and data.
		{"We tested three and people kept clicking see all.", true},
		{"Lumen's customers mostly ask for single sign-on.", true},
		{"Bulk edit is the top customer request.", true},
		{"Two of the last three incidents started on a Friday.", true},
		{"The vendor is about ninety thousand a year.", true},
		{"Latency is down 40% since the change.", true},
		// An estimate alone is not an argument; an estimate compared is.
		{"Three points.", false},
		{"Saved filters is eight, I can take those.", false},
		{"Thirteen points if we do CSV only.", true},
		// Neither.
		{"Let's look at the keyboard navigation next.", false},
		{"I'll have the mobile screens ready by next Wednesday.", false},
	} {
		if got := argues(tc.s); got != tc.want {
			t.Errorf("argues(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

func TestTopicWords(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"grouped results", "results per group"},
		{"a test that flakes twice", "the flaky tests"},
		{"partitioned by month", "monthly partitions"},
		{"starting fresh instead of migrating", "we migrate the history"},
	} {
		if !sharesWord(topicWords(tc.a), topicWords(tc.b)) {
			t.Errorf("topicWords(%q) = %v and topicWords(%q) = %v share no word", tc.a, topicWords(tc.a), tc.b, topicWords(tc.b))
		}
	}
	// The words that only say a choice was made are not a topic.
	if w := topicWords("Okay, we decided: keeping it."); len(w) != 0 {
		t.Errorf("topicWords = %v, want none", w)
	}
}

func TestDecisionRationale(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []wantDecision
	}{
		{
			name: "argument on the topic long before, as the answer to a question on it",
			lines: []string{
				"María Farías: How many results per group before we show see all?",
				"Priya Natarajan: Five. We tested three and people kept clicking see all for files.",
				"Ben Ortiz: The index lives in Postgres.",
				"Ana Lopez: Let's look at the keyboard navigation next.",
				"Priya Natarajan: Arrow keys move through results.",
				"Ana Lopez: And we go with grouped results, five per group.",
			},
			want: []wantDecision{{text: "grouped results, five per group", rationale: "We tested three"}},
		},
		{
			name: "an argument on another topic is not this decision's",
			lines: []string{
				"Ana Lopez: Let's look at the keyboard navigation.",
				"Ben Ortiz: Two hours of meetings is too much.",
				"Ana Lopez: Okay.",
				"Ana Lopez: We go with arrow keys for the results.",
			},
			want: []wantDecision{{text: "arrow keys for the results", rationale: "-"}},
		},
		{
			name: "the reasons given for an earlier decision are not the next one's",
			lines: []string{
				"Fatima Haddad: Agreed, start fresh on January 1st.",
				"María Farías: And the reason for starting fresh instead of migrating?",
				"Fatima Haddad: It's not worth it for closed years.",
				"María Farías: Okay, makes sense.",
				"Fatima Haddad: Let's do a phased rollout.",
			},
			want: []wantDecision{
				{text: "start fresh on January 1st", rationale: "It's not worth it"},
				{text: "do a phased rollout", rationale: "-"},
			},
		},
		{
			name: "the reply to an earlier decision is not the next one's reason",
			lines: []string{
				"Ana Lopez: Then for restricted-plan customers the digest shows counts only.",
				"Lena Fischer: Good, that keeps us inside their data policy.",
				"Priya Natarajan: Are we keeping the bell icon or switching to the inbox icon?",
				"María Farías: Keeping the bell.",
			},
			want: []wantDecision{
				{text: "for restricted-plan customers the digest shows counts only", rationale: "that keeps us inside"},
				{text: "Keeping the bell", rationale: "-"},
			},
		},
		{
			name: "the question the decision answers carries its argument",
			lines: []string{
				"Fatima Haddad: We decided to run a failover drill every quarter.",
				"Olu Adeyemi: And the customer side? I don't want to find out from customers again.",
				"Fatima Haddad: From now on the account team joins the incident channel.",
			},
			want: []wantDecision{
				{text: "run a failover drill every quarter"},
				{text: "From now on the account team joins the incident channel", rationale: "I don't want to find out"},
			},
		},
		{
			name: "an estimate alone is no reason",
			lines: []string{
				"Priya Natarajan: Can we squeeze in the onboarding checklist tweaks? Three points.",
				"Ana Lopez: Yes, the checklist goes in too.",
			},
			want: []wantDecision{{text: "the checklist goes in too", rationale: "-"}},
		},
		{
			name: "a because on another topic just before is not the decision's reason",
			lines: []string{
				"Ana Lopez: Thanks for coming. I want to walk everyone through the roadmap, because a lot has moved since October.",
				"Ana Lopez: We're going with a phased rewrite of the mobile app.",
			},
			want: []wantDecision{{text: "a phased rewrite of the mobile app", rationale: "-"}},
		},
		{
			name: "a reason on the decision's topic just before is its reason",
			lines: []string{
				"Ben Ortiz: Postgres is the safe bet, since the team already runs it.",
				"Ana Lopez: We're going with Postgres for the search index.",
			},
			want: []wantDecision{{text: "Postgres for the search index", rationale: "since the team already runs it"}},
		},
		{
			name: "a reason after another topic came up is not the decision's",
			lines: []string{
				"Ana Lopez: Let's go with Postgres.",
				"Ben Ortiz: Separately, the office wifi was down again this morning.",
				"Cleo Park: It dropped because the router restarted overnight.",
			},
			want: []wantDecision{{text: "Postgres", rationale: "-"}},
		},
		{
			name: "a reason beyond the next decision belongs to that one",
			lines: []string{
				"Ana Lopez: Let's go with Postgres.",
				"Ben Ortiz: OK.",
				"Ana Lopez: And we drop the Friday demo.",
				"Cleo Park: Good, because nobody comes to the Friday demo anyway.",
			},
			want: []wantDecision{
				{text: "Postgres", rationale: "-"},
				{text: "we drop the Friday demo", rationale: "nobody comes"},
			},
		},
		{
			name: "an argument before moving on belongs to the earlier topic",
			lines: []string{
				"Ben Ortiz: The release train is too slow for the release notes.",
				"Ana Lopez: Moving on, the demo.",
				"Ana Lopez: We're moving to weekly release notes from December.",
			},
			want: []wantDecision{{text: "We're moving to weekly release notes from December", rationale: "-"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := meetingOf(t, "2024-03-04", nil, tc.lines...)
			checkRationales(t, findDecisions(m), tc.want)
		})
	}
}

func TestDecisionRationaleInNotes(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []wantDecision
	}{
		{
			name: "approving a report takes no reason from the report",
			lines: []string{
				"= ## 2. Q3 financials",
				"Ana Lopez: Net churn is close to zero because of the expansions.",
				"= RESOLVED: The Q3 financial report is accepted.",
			},
			want: []wantDecision{{text: "The Q3 financial report is accepted.", rationale: "-"}},
		},
		{
			name: "a marked resolution argued in its section",
			lines: []string{
				"= ## 2. Dependency updates",
				"Lena Fischer: Should we also turn on automatic dependency PRs?",
				"Kenji Sato: Yes, it's free and it keeps us from falling this far behind again.",
				"= RESOLVED: Automatic dependency PRs are enabled for all repositories.",
			},
			want: []wantDecision{{text: "Automatic dependency PRs are enabled for all repositories.", rationale: "it's free"}},
		},
		{
			name: "a section heading ends the discussion",
			lines: []string{
				"= ## 1. Dependency updates",
				"Kenji Sato: Dependency PRs would be free and keep us current.",
				"= ## 2. Access review",
				"= RESOLVED: Automatic dependency PRs are enabled for all repositories.",
			},
			want: []wantDecision{{text: "Automatic dependency PRs are enabled for all repositories.", rationale: "-"}},
		},
		{
			name: "a listed decision argued in the discussion, and one never discussed",
			lines: []string{
				"= ## Discussion",
				"= - Lumen's customers mostly ask for single sign-on between the two products.",
				"= ## Decisions",
				"= - Single sign-on goes ahead, SAML only, in Q1.",
				"= - We will not give Lumen access to our staging environment.",
			},
			want: []wantDecision{
				{text: "Single sign-on goes ahead, SAML only, in Q1.", rationale: "customers mostly ask"},
				{text: "We will not give Lumen access to our staging environment.", rationale: "-"},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := minutes(t, tc.lines...)
			for i := range m.Turns {
				m.Turns[i].Heading = strings.HasPrefix(m.Turns[i].Text, "#")
			}
			checkRationales(t, findDecisions(m), tc.want)
		})
	}
}

// checkRationales compares the decisions found with the ones wanted, by text and rationale.
func checkRationales(t *testing.T, got []Decision, want []wantDecision) {
	t.Helper()
	if len(got) != len(want) {
		for _, d := range got {
			t.Logf("got %q (rationale %q)", d.Decision, d.Rationale)
		}
		t.Fatalf("found %d decisions, want %d", len(got), len(want))
	}
	for i, w := range want {
		d := got[i]
		if d.Decision != w.text {
			t.Errorf("decision %d = %q, want %q", i, d.Decision, w.text)
		}
		switch {
		case w.rationale == "-" && (d.RationaleStated || d.Rationale != ""):
			t.Errorf("decision %d rationale = %q, want none", i, d.Rationale)
		case w.rationale != "" && w.rationale != "-" && (!d.RationaleStated || !strings.Contains(d.Rationale, w.rationale)):
			t.Errorf("decision %d rationale = %q, want it to hold %q", i, d.Rationale, w.rationale)
		}
	}
}

// TestDecisionCheapTestsMatchPatterns checks the cheap tests and scans that stand in front of,
// or in for, the patterns of the decision rules against the patterns themselves, on every line
// and sentence of the test data and on made-up strings.
func TestDecisionCheapTestsMatchPatterns(t *testing.T) {
	corpus := testCorpus(t)
	corpus = append(corpus, madeUp([]string{"We decided to", "we've decided", "WE HAVE DECIDED that", "it's decided",
		"it was decided", "Let's go with", "let us go with", "then", "and", "so", "okay,", "Ok", "we go with",
		"we're going with", "we are going to go with", "we'll go with", "agreed to", "Agreed", "agreed:", "we all agree",
		"we agree", "the final call is", "final call:", "the decision is:", "we will use", "we'll use", "use",
		"going forward,", "going forward", "we", "we're", "weeks", "it", "the", "because", "Since", "so that",
		"given that", "given", "due to", "as it", "the reason", "that way", "in order to", "12%", "3.5 ms", "2x faster",
		"10 times cheaper", "40 percent", "$5", "€ 4", "£", "customers asked", "users", "clients need", "instead of",
		"rather than", "vs.", "vs", "versus", "alternatives", "option", "other approaches", "trade-off", "tradeoffs",
		"cost", "costs", "downside", "at the expense of", "over", "over the", "OVER", "next", "time", "Postgres",
		"go with", "picked", "favour", "favor", "keep", "chose", "RESOLVED:", "Resolution #2:", "**Decision**:",
		"> ", ">", "[", "[Resolution #1](#r1):", "*", "_", "-", "•", "poll", "outcome", "conclusion", "proposal:",
		"PROPOSED -", "propose", "yes", "Yeah", "+1", "no objections", "sounds good", "i like the", "i'd like to",
		"I'd say we", "I say we", "i want to", "i'd rather", "i'd vote for", "i would like to", "we could", "I propose", "i suggest", "my proposal is", "for the tests,",
		"\u212a", "\u017f", "\u0130", "last week", "last", "previously", "earlier this year", "earlier", "maybe",
		"would", "might", "if", "not", "never", "don't", "can't", "propos", "suggested", "undecided", "disagree",
		"how about", "what if", "in case", "ing", "moving", "x,", ",", ";", ".", ":", "—", "\t", "\n", " ", "_x",
		"9", "it is", "let's", "plan is", "decisions and resolutions", "#", "Decisions", "action items", "’"}, 30000)...)
	// hits counts the strings each pattern matches, so that none goes untried.
	hits := map[string]int{}
	for _, s := range corpus {
		lower := asciiLower(s)
		for name, re := range map[string]*regexp.Regexp{"phraseRE": phraseRE, "notDecisionRE": notDecisionRE,
			"hedgeRE": hedgeRE, "pastRE": pastRE, "cueRE": cueRE, "weChoiceRE": weChoiceRE, "rationaleRE": rationaleRE,
			"alternativesRE": alternativesRE, "assentRE": assentRE, "spokenProposalRE": spokenProposalRE} {
			if re.MatchString(lower) {
				hits[name]++
			}
		}
		for name, re := range map[string]*regexp.Regexp{"reasonClauseRE": reasonClauseRE, "overRE": overRE,
			"markerRE": markerRE, "proposalRE": proposalRE} {
			if re.MatchString(s) {
				hits[name]++
			}
		}
		if got, want := findPhrase(lower), phraseRE.FindStringSubmatchIndex(lower); !reflect.DeepEqual(got, want) {
			t.Fatalf("findPhrase(%q) = %v, want %v", lower, got, want)
		}
		if !mayDeny(lower) && notDecisionRE.MatchString(lower) {
			t.Fatalf("mayDeny(%q) = false, but notDecisionRE matches", lower)
		}
		if isHedge(lower) != hedgeRE.MatchString(lower) {
			t.Fatalf("isHedge(%q) differs from hedgeRE", lower)
		}
		if reportsPast(lower) != pastRE.MatchString(lower) {
			t.Fatalf("reportsPast(%q) differs from pastRE", lower)
		}
		want := -1
		if loc := reasonClauseRE.FindStringIndex(s); loc != nil {
			want = loc[0]
		}
		if got := reasonClauseAt(s); got != want {
			t.Fatalf("reasonClauseAt(%q) = %d, want %d", s, got, want)
		}
		for n := range 4 {
			if got, want := firstWords(s, n), fieldsFirstWords(s, n); got != want {
				t.Fatalf("firstWords(%q, %d) = %q, want %q", s, n, got, want)
			}
		}
		if !mayCue(lower) && cueRE.MatchString(lower) {
			t.Fatalf("mayCue(%q) = false, but cueRE matches", lower)
		}
		if hedged(lower) != fieldsHedged(lower) {
			t.Fatalf("hedged(%q) differs from a split into words", lower)
		}
		if !mayChooseWe(lower) && weChoiceRE.MatchString(lower) {
			t.Fatalf("mayChooseWe(%q) = false, but weChoiceRE matches", lower)
		}
		if statesReason(s) != rationaleRE.MatchString(lower) {
			t.Fatalf("statesReason(%q) differs from rationaleRE", s)
		}
		if mentionsOption(s) != alternativesRE.MatchString(lower) {
			t.Fatalf("mentionsOption(%q) differs from alternativesRE", s)
		}
		if choosesOver(s) != overRE.MatchString(s) {
			t.Fatalf("choosesOver(%q) differs from overRE", s)
		}
		if got, want := matchMarker(s), markerRE.FindStringSubmatch(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("matchMarker(%q) = %q, want %q", s, got, want)
		}
		if !opensWith(s, false, []string{"propos"}) && proposalRE.MatchString(s) {
			t.Fatalf("opensWith(%q) = false, but proposalRE matches", s)
		}
		if isAssent(lower) != assentRE.MatchString(lower) {
			t.Fatalf("isAssent(%q) differs from assentRE", lower)
		}
		if got, want := findProposal(lower), spokenProposalRE.FindStringSubmatchIndex(lower); !reflect.DeepEqual(got, want) {
			t.Fatalf("findProposal(%q) = %v, want %v", lower, got, want)
		}
		hints := decisionHints.find(lower)
		for g, list := range [][]string{phrasedWords, earlierWords, pastWords, proposalWords, policyWords, scopeWords, settledWords} {
			if want := containsAny(lower, list...); (hints&(1<<g) != 0) != want {
				t.Fatalf("decisionHints.find(%q) list %d = %v, want %v", lower, g, !want, want)
			}
		}
		clean, full := cleanLine(s), strings.ToLower(stripDecoration(s))
		if isDecisionHeading(clean) != isDecisionHeading(full) || isOtherHeading(clean) != isOtherHeading(full) {
			t.Fatalf("cleanLine(%q) = %q reads as another heading than %q", s, clean, full)
		}
	}
	for _, name := range []string{"phraseRE", "notDecisionRE", "hedgeRE", "pastRE", "cueRE", "weChoiceRE",
		"rationaleRE", "alternativesRE", "assentRE", "spokenProposalRE", "reasonClauseRE", "overRE", "markerRE",
		"proposalRE"} {
		if hits[name] < 20 {
			t.Errorf("%s matches only %d strings of the corpus", name, hits[name])
		}
	}
}

// TestLongestHeading checks that no heading is longer than longestHeading.
func TestLongestHeading(t *testing.T) {
	for _, h := range []string{"decisions and resolutions", "resolutions and decisions", "summary of resolutions",
		"summary of decisions", "summary of action items", "action items summary"} {
		if !isDecisionHeading(h) && !isOtherHeading(h) {
			t.Errorf("%q is not a heading", h)
		}
		if len(h) > longestHeading {
			t.Errorf("%q is longer than longestHeading", h)
		}
	}
	long := strings.Repeat("\u212a", longestHeading+1)
	if got := cleanLine(long); got != "" {
		t.Errorf("cleanLine of %d Kelvin signs = %q, want \"\"", longestHeading+1, got)
	}
}

// fieldsFirstWords is firstWords as strings.Fields reads the words.
func fieldsFirstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}

// fieldsHedged is hedged reading the words with strings.FieldsFunc.
func fieldsHedged(lower string) bool {
	if containsAny(lower, "how about", "i guess", "i think", "in case") {
		return true
	}
	for _, w := range strings.FieldsFunc(lower, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r == '\'') }) {
		switch w {
		case "if", "unless", "whether", "would", "could", "might", "maybe", "perhaps", "should",
			"probably", "i'd", "wonder", "suppose", "assuming":
			return true
		}
	}
	return false
}

// TestDecisionsSharedReading checks that findDecisionsIn, reading the turns through a
// meetingText other rules have read first, finds what findDecisions finds alone.
func TestDecisionsSharedReading(t *testing.T) {
	m := benchMeeting(t)
	x := newMeetingText(m)
	findCommitmentsIn(x)
	if got, want := findDecisionsIn(x), findDecisions(m); !reflect.DeepEqual(got, want) {
		t.Fatalf("findDecisionsIn = %v, want %v", got, want)
	}
}

func TestPhrasedDecision(t *testing.T) {
	for _, tc := range []struct {
		s, want string // want "" for no decision
	}{
		{"We decided to drop IE11.", "drop IE11"},
		{"Let's go with Postgres.", "Postgres"},
		{"We will use Kafka for the events.", "use Kafka for the events"},
		{"We decided to push the release to December because the SDK isn't certified.", "push the release to December"},
		{"Okay, we go with the phased rollout.", "the phased rollout"},
		{"Going forward, we review every migration in pairs.", "review every migration in pairs"},
		{"Should we go with Postgres?", ""},
		{"We haven't decided to drop IE11.", ""},
		{"Maybe we go with Postgres.", ""},
		{"Last week we decided to drop IE11.", ""},
		{"We agree it might slip.", ""},
		{"We agreed to disagree.", ""},
	} {
		got, ok := phrasedDecision(tc.s)
		if !ok {
			got = ""
		}
		if got != tc.want {
			t.Errorf("phrasedDecision(%q) = %q, want %q", tc.s, got, tc.want)
		}
	}
}
