package analyze

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/debrief-cli/debrief/internal/transcript"
)

// wantCommitment is the part of a Commitment a test checks. Flags lists every flag, in any
// order; due is only checked when dueText is set.
type wantCommitment struct {
	owner, task, due, dueText string
	flags                     []string
}

func TestFindCommitments(t *testing.T) {
	const wed = "2026-11-18"
	noDate := []string{FlagNoDate}
	tests := []struct {
		name  string
		date  string
		extra []string
		lines []string
		want  []wantCommitment
	}{
		// First-person promises.
		{"I'll with due", wed, nil, []string{"Ana Lopez: I'll send the revised deck to sales by Friday."},
			[]wantCommitment{{owner: "Ana Lopez", task: "send the revised deck to sales", due: "2026-11-20", dueText: "by Friday"}}},
		{"I will", wed, nil, []string{"Ana Lopez: I will update the roadmap tomorrow."},
			[]wantCommitment{{owner: "Ana Lopez", task: "update the roadmap", due: "2026-11-19", dueText: "tomorrow"}}},
		{"let me", wed, nil, []string{"Ben Ode: Let me follow up with legal on the contract."},
			[]wantCommitment{{owner: "Ben Ode", task: "follow up with legal on the contract", flags: noDate}}},
		{"I can take", wed, nil, []string{"Ben Ode: I can take the release notes."},
			[]wantCommitment{{owner: "Ben Ode", task: "take the release notes", flags: noDate}}},
		{"I'm going to", wed, nil, []string{"Ben Ode: I'm going to rerun the benchmark by EOD."},
			[]wantCommitment{{owner: "Ben Ode", task: "rerun the benchmark", due: wed, dueText: "by EOD"}}},
		{"I'll take care of", wed, nil, []string{"Ben Ode: I'll take care of the invoices."},
			[]wantCommitment{{owner: "Ben Ode", task: "take care of the invoices", flags: noDate}}},
		{"curly apostrophe", wed, nil, []string{"Ben Ode: I’ll draft the FAQ by end of month."},
			[]wantCommitment{{owner: "Ben Ode", task: "draft the FAQ", due: "2026-11-30", dueText: "by end of month"}}},
		{"promise mid-turn", wed, nil, []string{"Ana Lopez: The numbers look off. So I'll rerun the export tonight, and we can compare."},
			[]wantCommitment{{owner: "Ana Lopez", task: "rerun the export", due: wed, dueText: "tonight"}}},
		{"leave it with me takes the named task", wed, nil, []string{
			"Ana Lopez: Someone needs to email the vendor about the outage.",
			"Ben Ode: Leave it with me.",
		}, []wantCommitment{{owner: "Ben Ode", task: "email the vendor about the outage", flags: noDate}}},
		{"I can do that takes the named task", wed, nil, []string{
			"Ana Lopez: We need to book the venue for the offsite.",
			"Ben Ode: I can do that by Monday.",
		}, []wantCommitment{{owner: "Ben Ode", task: "book the venue for the offsite", due: "2026-11-23", dueText: "by Monday"}}},
		{"on it", wed, nil, []string{
			"Ana Lopez: Could you restart the staging server?",
			"Ben Ode: On it.",
		}, []wantCommitment{{owner: "Ben Ode", task: "restart the staging server", flags: noDate}}},
		{"this week is a due text, not task words", wed, nil, []string{"Ana Lopez: I'll audit the billing exports this week."},
			[]wantCommitment{{owner: "Ana Lopez", task: "audit the billing exports", dueText: "this week"}}},
		{"a day said after this week dates the task", wed, nil, []string{"Ana Lopez: Can we fix the reindex lag without her?", "Ben Ode: Let me dig into it this week and I'll report back at Thursday's sync."},
			[]wantCommitment{{owner: "Ben Ode", task: "dig into it", due: "2026-11-19", dueText: "Thursday"}}},
		{"next weeks' call is a due text", wed, nil, []string{"Ana Lopez: I'll get a draft out that we can review at next weeks' call."},
			[]wantCommitment{{owner: "Ana Lopez", task: "get a draft out that we can review", dueText: "next weeks' call"}}},
		{"conditional", wed, nil, []string{"Ana Lopez: I'll review the PR if I have time."},
			[]wantCommitment{{owner: "Ana Lopez", task: "review the PR", flags: []string{FlagNoDate, FlagConditional}}}},
		{"conditional assuming", wed, nil, []string{"Ana Lopez: Assuming we get approval, I'll order the laptops next week."},
			[]wantCommitment{{owner: "Ana Lopez", task: "order the laptops", dueText: "next week", flags: []string{FlagConditional}}}},

		// Not commitments.
		{"question will you", wed, nil, []string{"Ana Lopez: Will you send it?"}, nil},
		{"question should I", wed, nil, []string{"Ana Lopez: Should I take it?"}, nil},
		{"question I'll?", wed, nil, []string{"Ana Lopez: So I'll just send it to everyone?"}, nil},
		{"negation won't", wed, nil, []string{"Ana Lopez: I won't have time to send it."}, nil},
		{"negation can't", wed, nil, []string{"Ana Lopez: I can't take the notes this week."}, nil},
		{"negation will not", wed, nil, []string{"Ana Lopez: I will not update the doc."}, nil},
		{"negation not going to", wed, nil, []string{"Ana Lopez: I'm not going to rewrite the parser."}, nil},
		{"past sent", wed, nil, []string{"Ana Lopez: I sent it yesterday."}, nil},
		{"past already", wed, nil, []string{"Ana Lopez: I already did that."}, nil},
		{"past I've", wed, nil, []string{"Ana Lopez: I've updated the doc."}, nil},
		{"hypothetical would", wed, nil, []string{"Ana Lopez: I would do it if I had the access."}, nil},
		{"hypothetical if I were", wed, nil, []string{"Ana Lopez: If I were you, I would ship it."}, nil},
		{"hypothetical could maybe", wed, nil, []string{"Ana Lopez: I could maybe look at it."}, nil},
		{"reported she said", wed, nil, []string{"Ana Lopez: She said she'd do it."}, nil},
		{"reported he said he will", wed, nil, []string{"Ana Lopez: He said he will send it on Friday."}, nil},
		{"quoted email", wed, nil, []string{"Ana Lopez: The customer wrote: \"I'll send the logs tomorrow.\""}, nil},
		{"sarcasm yeah right", wed, nil, []string{"Ana Lopez: Yeah right, I'll get right on that."}, nil},
		{"sarcasm sure just", wed, nil, []string{"Ana Lopez: Sure, I'll just rewrite everything by tomorrow, no problem."}, nil},
		{"sarcasm lol", wed, nil, []string{"Ana Lopez: I'll fix all the flaky tests tonight lol"}, nil},
		{"sarcasm /s", wed, nil, []string{"Ana Lopez: I'll rewrite it in Rust /s"}, nil},
		{"discourse be honest", wed, nil, []string{"Ana Lopez: I'll be honest, the launch is at risk."}, nil},
		{"discourse say", wed, nil, []string{"Ana Lopez: I'll say this: the data is thin."}, nil},
		{"discourse admit", wed, nil, []string{"Ana Lopez: I'll admit I was wrong about the cache."}, nil},
		{"discourse add that", wed, nil, []string{"Ana Lopez: I'll add that the sales team agrees."}, nil},
		{"discourse pass", wed, nil, []string{"Ana Lopez: I'll pass."}, nil},
		{"let me know", wed, nil, []string{"Ana Lopez: Let me know if you need anything."}, nil},
		{"let me think", wed, nil, []string{"Ana Lopez: Let me think about it."}, nil},
		{"be out", wed, nil, []string{"Ana Lopez: I'll be out next week."}, nil},
		{"vague we should", wed, nil, []string{"Ana Lopez: We should be careful with the rollout."}, nil},
		{"let's move on", wed, nil, []string{"Ana Lopez: Let's move on to the next item."}, nil},
		{"third person status", wed, []string{"Ben Ode"}, []string{"Ana Lopez: Ben will be out next week."}, nil},
		{"unknown name", wed, nil, []string{"Ana Lopez: Chrome will ship the feature next month."}, nil},

		// Third-person assignments.
		{"assigned not accepted", wed, []string{"Ben Ode"}, []string{
			"Ana Lopez: Ben will have the migration plan by Friday.",
			"Ana Lopez: Next topic.",
		}, []wantCommitment{{owner: "Ben Ode", task: "have the migration plan", due: "2026-11-20", dueText: "by Friday", flags: []string{FlagAssignedNotAccepted}}}},
		{"assigned and accepted", wed, nil, []string{
			"Ana Lopez: Ben will have the migration plan by Friday.",
			"Ben Ode: Sure, sounds good.",
		}, []wantCommitment{{owner: "Ben Ode", task: "have the migration plan", due: "2026-11-20", dueText: "by Friday"}}},
		{"assigned and refused", wed, nil, []string{
			"Ana Lopez: Ben will write the postmortem.",
			"Ben Ode: No, I can't this week.",
		}, []wantCommitment{{owner: "Ben Ode", task: "write the postmortem", flags: []string{FlagNoDate, FlagAssignedNotAccepted}}}},
		{"two owners", wed, []string{"Ben Ode", "Cara Diaz"}, []string{
			"Ana Lopez: Ben and Cara will pair on the login bug.",
			"Cara Diaz: Will do.",
		}, []wantCommitment{{owner: "Ben Ode / Cara Diaz", task: "pair on the login bug", flags: noDate}}},
		{"initials owner", wed, []string{"Ben Ode"}, []string{"Ana Lopez: BO will check the logs.", "Ben Ode: Ok."},
			[]wantCommitment{{owner: "Ben Ode", task: "check the logs", flags: noDate}}},
		{"self third person", wed, nil, []string{"Ana Lopez: Ana will send the agenda."},
			[]wantCommitment{{owner: "Ana Lopez", task: "send the agenda", flags: noDate}}},
		{"scribe line Name to", wed, []string{"Ben Ode"}, []string{"Ben to update the doc by Monday."},
			[]wantCommitment{{owner: "Ben Ode", task: "update the doc", due: "2026-11-23", dueText: "by Monday"}}},

		// Requests accepted in the next turn.
		{"request accepted", wed, nil, []string{
			"Ana Lopez: Can you send it to the board by Thursday?",
			"Ben Ode: Sure.",
		}, []wantCommitment{{owner: "Ben Ode", task: "send it to the board", due: "2026-11-19", dueText: "by Thursday"}}},
		{"request with name accepted", wed, nil, []string{
			"Ana Lopez: Ben, could you please file a ticket for the crash?",
			"Ben Ode: Yes, will do.",
		}, []wantCommitment{{owner: "Ben Ode", task: "file a ticket for the crash", flags: noDate}}},
		{"request answered with promise", wed, nil, []string{
			"Ana Lopez: Who can take the notes?",
			"Ben Ode: I'll do it.",
		}, []wantCommitment{{owner: "Ben Ode", task: "take the notes", flags: noDate}}},
		{"request not accepted", wed, nil, []string{
			"Ana Lopez: Can you send it?",
			"Ben Ode: Not sure I have the file.",
		}, nil},
		{"request answered by asker only", wed, nil, []string{
			"Ana Lopez: Can someone review the PR?",
			"Ana Lopez: Ok.",
		}, nil},

		// No owner.
		{"someone should", wed, nil, []string{"Ana Lopez: Someone should file a bug with the vendor."},
			[]wantCommitment{{owner: "", task: "file a bug with the vendor", flags: []string{FlagNoOwner, FlagNoDate}}}},
		{"we need to", wed, nil, []string{"Ana Lopez: We need to update the pricing page before launch."},
			[]wantCommitment{{owner: "", task: "update the pricing page before launch", flags: []string{FlagNoOwner, FlagNoDate}}}},
		{"I propose we", wed, nil, []string{"Tim Berners: I propose we remove the owner issue from the October milestone."},
			[]wantCommitment{{owner: "", task: "remove the owner issue from the October milestone", flags: []string{FlagNoOwner, FlagNoDate}}}},
		{"I propose to", wed, nil, []string{"Tim Berners: I propose to rename October to 0.9."},
			[]wantCommitment{{owner: "", task: "rename October to 0.9", flags: []string{FlagNoOwner, FlagNoDate}}}},
		{"a proposed choice is no work", wed, nil, []string{"Tim Berners: I propose we adopt the notifications draft as the basis."}, nil},
		{"a proposal to move on is no work", wed, nil, []string{"Tim Berners: I propose we move on to the next item."}, nil},
		{"a conditional proposal is no work yet", wed, nil, []string{"Tim Berners: If nobody objects, I propose we merge the pull request."}, nil},
		{"a proposal reported is not made", wed, nil, []string{"Tim Berners: Ana said I propose we merge the pull request."}, nil},

		// Scribe markers.
		{"ACTION Name to", "2021-09-22", []string{"Kjetil Kjernsmo", "Sarven Capadisli"}, []string{"ACTION: Kjetil to open an issue about storage discovery"},
			[]wantCommitment{{owner: "Kjetil Kjernsmo", task: "open an issue about storage discovery", flags: noDate}}},
		{"ACTION initials", "2021-09-22", []string{"Sarven Capadisli"}, []string{"ACTION: SC to move m/4 to m/5"},
			[]wantCommitment{{owner: "Sarven Capadisli", task: "move m/4 to m/5", flags: noDate}}},
		{"ACTION several owners", "2022-03-30", []string{"Kjetil Kjernsmo", "Justin Bingham", "Sarven Capadisli"}, []string{"ACTION: KK, JB, SC to review PR."},
			[]wantCommitment{{owner: "Kjetil Kjernsmo / Justin Bingham / Sarven Capadisli", task: "review PR", flags: noDate}}},
		{"ACTION trailing owner", "2022-06-08", []string{"Sarven Capadisli"}, []string{"ACTION: Publish 0.9.1 with that ED, SC."},
			[]wantCommitment{{owner: "Sarven Capadisli", task: "Publish 0.9.1 with that ED", flags: noDate}}},
		{"ACTION trailing owners", "2022-06-08", []string{"Kjetil Kjernsmo", "Sarven Capadisli"}, []string{"ACTION: Follow up in issue 355. KK, SC."},
			[]wantCommitment{{owner: "Kjetil Kjernsmo / Sarven Capadisli", task: "Follow up in issue 355", flags: noDate}}},
		{"ACTION no owner", "2022-06-08", nil, []string{"ACTION: Reach out to solid-ui maintainers"},
			[]wantCommitment{{owner: "", task: "Reach out to solid-ui maintainers", flags: []string{FlagNoOwner, FlagNoDate}}}},
		{"ACTION unknown initials", "2022-11-16", nil, []string{"ACTION: WT to comment on PR"},
			[]wantCommitment{{owner: "WT", task: "comment on PR", flags: noDate}}},
		{"ACTION Name colon", "2022-11-16", []string{"Henry Story"}, []string{"ACTION: Henry: write the test suite"},
			[]wantCommitment{{owner: "Henry Story", task: "write the test suite", flags: noDate}}},
		{"ACTION several in one line", "2021-11-03", []string{"Ruben Verborgh", "Kjetil Kjernsmo"}, []string{"ACTION: RV to make initial draft. KK to assign relevant issues to RV."},
			[]wantCommitment{{owner: "Ruben Verborgh", task: "make initial draft", flags: noDate}, {owner: "Kjetil Kjernsmo", task: "assign relevant issues to RV", flags: noDate}}},
		{"ACTION due", "2018-04-05", nil, []string{"ACTION: Revisit on Saturday."},
			[]wantCommitment{{owner: "", task: "Revisit", due: "2018-04-07", dueText: "on Saturday", flags: []string{FlagNoOwner}}}},
		{"ACTION template text", "2021-09-29", nil, []string{"ACTION: text"}, nil},
		{"blockquote ACTION", "2022-06-08", []string{"Sarven Capadisli"}, []string{"> ACTION: Update ED version. Include a change log for 0.9.1, SC."},
			[]wantCommitment{{owner: "Sarven Capadisli", task: "Update ED version. Include a change log for 0.9.1", flags: noDate}}},
		{"Action #n with owner in parentheses", "2017-09-25", []string{"George Kerscher"}, []string{"> ***Action #1: get in touch with a key person in each of those houses (George)***"},
			[]wantCommitment{{owner: "George Kerscher", task: "get in touch with a key person in each of those houses", flags: noDate}}},
		{"bold Action item", "2018-04-03", []string{"Dan Gohman"}, []string{"**Action item**: Dan to write up the proposal for the next meeting"},
			[]wantCommitment{{owner: "Dan Gohman", task: "write up the proposal", dueText: "the next meeting"}}},
		{"Action item dash said by speaker", "2017-09-25", nil, []string{"Garth Conboy: Action item - throw this as a high level item on the TPAC list"},
			[]wantCommitment{{owner: "", task: "throw this as a high level item on the TPAC list", flags: []string{FlagNoOwner, FlagNoDate}}}},
		{"AI and TODO and box", wed, []string{"Ben Ode", "Ana Lopez"}, []string{"AI: Ben to fix the build", "TODO: Ana to rotate the keys", "- [ ] Cara to book the room", "- [x] Ana to send the invite"},
			[]wantCommitment{{owner: "Ben Ode", task: "fix the build", flags: noDate}, {owner: "Ana Lopez", task: "rotate the keys", flags: noDate}, {owner: "Cara", task: "book the room", flags: noDate}}},
		{"TODO as a sentence reports status", wed, []string{"Sarven Capadisli"}, []string{"Sarven Capadisli: TODO. Same as above re https://github.com/solid/specification/pull/409"},
			nil},
		{"TODO with a colon still marks", wed, []string{"Sarven Capadisli"}, []string{"Sarven Capadisli: TODO: SC to publish the draft"},
			[]wantCommitment{{owner: "Sarven Capadisli", task: "publish the draft", flags: noDate}}},
		{"marker speaker", wed, []string{"Ben Ode"}, []string{"ACTION: Ben to fix the build"},
			[]wantCommitment{{owner: "Ben Ode", task: "fix the build", flags: noDate}}},
		{"@mention", wed, []string{"Ben Ode"}, []string{"ACTION: rotate the API keys @ben"},
			[]wantCommitment{{owner: "Ben Ode", task: "rotate the API keys", flags: noDate}}},
		{"action list heading", wed, []string{"Ben Ode", "Ana Lopez"}, []string{
			"## Action items",
			"Ben Ode: update the doc by Friday",
			"- Ana to send the survey",
			"- Draft the Q3 plan",
			"## Notes",
			"- Cara to do something else",
		}, []wantCommitment{
			{owner: "Ben Ode", task: "update the doc", due: "2026-11-20", dueText: "by Friday"},
			{owner: "Ana Lopez", task: "send the survey", flags: noDate},
			{owner: "", task: "Draft the Q3 plan", flags: []string{FlagNoOwner, FlagNoDate}},
		}},

		// A promise said again later, with its date or its delivery.
		{"I'd like to, then get that done", wed, nil, []string{
			"Kenji Sato: So I'd like to mute the test merchants in PagerDuty. Any objections?",
			"Ana Lopez: None from me. Go ahead and mute them.",
			"Kenji Sato: Cool, I'll get that done today.",
		}, []wantCommitment{{owner: "Kenji Sato", task: "mute the test merchants in PagerDuty", due: wed, dueText: "today"}}},
		{"delivery dates the promise before it", wed, nil, []string{
			"Ben Ode: I can cap the renderer's cache on low-memory devices. I'll have a fix up for review on Monday.",
		}, []wantCommitment{{owner: "Ben Ode", task: "cap the renderer's cache on low-memory devices", due: "2026-11-23", dueText: "on Monday"}}},
		{"report back dates the promise before it", wed, nil, []string{
			"Kenji Sato: Let me dig into the indexing lag and I'll report back at Thursday's sync.",
		}, []wantCommitment{{owner: "Kenji Sato", task: "dig into the indexing lag", due: "2026-11-19", dueText: "Thursday"}}},
		{"a new deliverable is its own promise", wed, nil, []string{
			"Ben Ode: I'll write the spec. I'll have the prototype ready by Friday.",
		}, []wantCommitment{{owner: "Ben Ode", task: "write the spec", flags: noDate}, {owner: "Ben Ode", task: "have the prototype ready", due: "2026-11-20", dueText: "by Friday"}}},
		{"two tasks with two deadlines", wed, nil, []string{
			"Ana Lopez: I'll update the board after this call and send the sprint summary to the stakeholders by tomorrow.",
		}, []wantCommitment{
			{owner: "Ana Lopez", task: "update the board", due: wed, dueText: "after this call"},
			{owner: "Ana Lopez", task: "send the sprint summary to the stakeholders", due: "2026-11-19", dueText: "by tomorrow"},
		}},
		{"two tasks with one deadline stay one", wed, nil, []string{
			"Ana Lopez: I'll ping Priya and get the copy approved by Thursday.",
		}, []wantCommitment{{owner: "Ana Lopez", task: "ping Priya and get the copy approved", due: "2026-11-19", dueText: "by Thursday"}}},
		{"a short sentence after dates the promise", wed, nil, []string{
			"Tom Weber: Sure, I'll take the smoke test. End of next week.",
		}, []wantCommitment{{owner: "Tom Weber", task: "take the smoke test", due: "2026-11-27", dueText: "End of next week"}}},
		{"a long sentence after does not date the promise", wed, nil, []string{
			"Tom Weber: I'll take the smoke test. The release itself moved to the end of next week after the vendor call.",
		}, []wantCommitment{{owner: "Tom Weber", task: "take the smoke test", flags: noDate}}},
		{"a wish is not a promise", wed, nil, []string{"Ben Ode: I'd like to own something bigger."}, nil},
		{"a second task that points back stays one", wed, nil, []string{
			"Tom Weber: I'll talk to Ana on Monday and ask her to have the list ready by Wednesday.",
		}, []wantCommitment{{owner: "Tom Weber", task: "talk to Ana and ask her to have the list ready by Wednesday", due: "2026-11-23", dueText: "on Monday"}}},
		{"work named first, then asked of someone", wed, []string{"Priya Natarajan"}, []string{
			"Priya Natarajan: And the design QA for the new settings page, who does that?",
			"Ana Lopez: Can you do it, Priya?",
			"Priya Natarajan: Sure, I'll do the design QA once María has the first build.",
		}, []wantCommitment{{owner: "Priya Natarajan", task: "do the design QA", flags: noDate}}},
		{"a promise that points back joins the action item", wed, []string{"Kenji Sato"}, []string{
			"Kenji Sato: That one needs an egress allowlist for the preview workers. I'll do it this week.",
			"ACTION: Kenji: egress allowlist for the preview workers (Friday)",
		}, []wantCommitment{{owner: "Kenji Sato", task: "egress allowlist for the preview workers", due: "2026-11-20", dueText: "Friday"}}},
		{"on it ends a task", wed, nil, []string{"Ben Ode: If you want, I can pair on it this afternoon."},
			[]wantCommitment{{owner: "Ben Ode", task: "pair on it", due: wed, dueText: "this afternoon", flags: []string{FlagConditional}}}},
		{"sure, on it", wed, nil, []string{"Ana Lopez: Can you file the ticket?", "Ben Ode: Sure, on it."},
			[]wantCommitment{{owner: "Ben Ode", task: "file the ticket", flags: noDate}}},
		{"once ends the task", wed, nil, []string{"Priya Natarajan: I'll do the design QA once María has the first build."},
			[]wantCommitment{{owner: "Priya Natarajan", task: "do the design QA", flags: noDate}}},
		{"we should really", wed, nil, []string{"Ben Ode: We should really find out why that test keeps flaking."},
			[]wantCommitment{{owner: "", task: "find out why that test keeps flaking", flags: []string{FlagNoOwner, FlagNoDate}}}},

		// The same commitment in the discussion and in the action list.
		{"dedupe", wed, nil, []string{
			"Ben Ode: I'll update the design doc by Friday.",
			"Ana Lopez: Great, thanks.",
			"Next steps",
			"- Ben to update the design doc",
		}, []wantCommitment{{owner: "Ben Ode", task: "update the design doc", due: "2026-11-20", dueText: "by Friday"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := meetingOf(t, tt.date, tt.extra, tt.lines...)
			got := findCommitments(m)
			checkCommitmentEvidence(t, m, got)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d commitments, want %d:\n%s", len(got), len(tt.want), dumpCommitments(got))
			}
			for i, w := range tt.want {
				c := got[i]
				if c.Owner != w.owner || c.Task != w.task || c.DueText != w.dueText || w.dueText != "" && c.Due != w.due {
					t.Errorf("commitment %d = %q %q %q %q; want %q %q %q %q", i, c.Owner, c.Task, c.Due, c.DueText, w.owner, w.task, w.due, w.dueText)
				}
				gf, wf := slices.Clone(c.Flags), slices.Clone(w.flags)
				slices.Sort(gf)
				slices.Sort(wf)
				if !slices.Equal(gf, wf) {
					t.Errorf("commitment %d flags = %v, want %v", i, c.Flags, w.flags)
				}
				if c.Confidence <= 0 || c.Confidence > 1 {
					t.Errorf("commitment %d confidence = %v", i, c.Confidence)
				}
			}
		})
	}
}

func TestFindCommitmentsCitesWhatTheTaskLeavesOut(t *testing.T) {
	m := meetingOf(t, "2026-11-05", nil,
		"Ben Ortiz: That sounds like the session length setting. Your admin can set it up to twelve hours.",
		"Grace Kim: Oh, I didn't know that. I'll check with our admin today.")
	got := findCommitments(m)
	checkCommitmentEvidence(t, m, got)
	if len(got) != 1 || got[0].Task != "check with our admin" {
		t.Fatalf("got:\n%s", dumpCommitments(got))
	}
	cited := false
	for _, e := range got[0].Evidence {
		cited = cited || strings.Contains(e.Quote, "session length setting")
	}
	if !cited {
		t.Errorf("the evidence does not cite what to check: %+v", got[0].Evidence)
	}
}

func TestFindCommitmentsNotesDoNotFlagAssignments(t *testing.T) {
	m := meetingOf(t, "2026-11-18", []string{"Ben Ode"}, "Ana Lopez: Ben will fix the build.", "Ana Lopez: Moving on.")
	m.Format = transcript.FormatNotes
	got := findCommitments(m)
	if len(got) != 1 || got[0].HasFlag(FlagAssignedNotAccepted) {
		t.Fatalf("in notes, the scribe records and does not assign:\n%s", dumpCommitments(got))
	}
}

func TestFindCommitmentsDedupeKeepsBothEvidences(t *testing.T) {
	m := meetingOf(t, "2026-11-18", nil,
		"Ben Ode: I'll update the design doc by Friday.",
		"Ana Lopez: Thanks.",
		"ACTION: Ben to update the design doc",
	)
	got := findCommitments(m)
	if len(got) != 1 {
		t.Fatalf("want one commitment:\n%s", dumpCommitments(got))
	}
	if n := len(got[0].Evidence); n != 2 {
		t.Fatalf("want both evidences, got %d", n)
	}
	if got[0].Evidence[0].Line != 1 || got[0].Evidence[1].Line != 3 {
		t.Errorf("evidence lines = %d, %d; want 1, 3", got[0].Evidence[0].Line, got[0].Evidence[1].Line)
	}
}

func TestFindCommitmentsEvidenceLineOfJoinedTurn(t *testing.T) {
	m := meetingOf(t, "2026-11-18", nil, "Ana Lopez: We looked at the numbers.")
	m.Turns[0].Join("I'll send the summary tomorrow.", 2)
	got := findCommitments(m)
	if len(got) != 1 || got[0].Evidence[0].Line != 2 {
		t.Fatalf("want the quote on line 2:\n%s", dumpCommitments(got))
	}
}

// checkCommitmentEvidence fails the test when an evidence quote is not in the text of a turn of its
// speaker that starts on or before its line.
func checkCommitmentEvidence(t *testing.T, m *transcript.Meeting, cs []Commitment) {
	t.Helper()
	for _, c := range cs {
		if len(c.Evidence) == 0 {
			t.Errorf("commitment %q has no evidence", c.Task)
		}
		for _, e := range c.Evidence {
			ok := false
			for _, turn := range m.Turns {
				if turn.Speaker == e.Speaker && strings.Contains(turn.Text, e.Quote) && e.Line >= turn.Line {
					ok = true
				}
			}
			if !ok || strings.TrimSpace(e.Quote) == "" {
				t.Errorf("evidence %q (%s, line %d) is not in a turn", e.Quote, e.Speaker, e.Line)
			}
		}
	}
}

// dumpCommitments formats commitments for a failure message.
func dumpCommitments(cs []Commitment) string {
	var b strings.Builder
	for _, c := range cs {
		fmt.Fprintf(&b, "  owner=%q task=%q due=%q due_text=%q flags=%v conf=%.2f\n", c.Owner, c.Task, c.Due, c.DueText, c.Flags, c.Confidence)
		for _, e := range c.Evidence {
			fmt.Fprintf(&b, "    %d %s: %q\n", e.Line, e.Speaker, e.Quote)
		}
	}
	return b.String()
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"I'll send it. Thanks!", []string{"I'll send it.", "Thanks!"}},
		{"See e.g. the doc. Ok?", []string{"See e.g. the doc.", "Ok?"}},
		{"Version 0.9.1 is out. Dr. Smith agreed.", []string{"Version 0.9.1 is out.", "Dr. Smith agreed."}},
		{"He said \"no.\" Then left", []string{"He said \"no.\"", "Then left"}},
		{"line one\nline two", []string{"line one", "line two"}},
		{"  ", nil},
		{"Really?! Yes...  fine", []string{"Really?!", "Yes...", "fine"}},
		{"Ask J. Smith at example.com now.", []string{"Ask J. Smith at example.com now."}},
	}
	for _, tt := range tests {
		got := splitSentences(tt.in)
		if !slices.Equal(got, tt.want) {
			t.Errorf("splitSentences(%q) = %q, want %q", tt.in, got, tt.want)
		}
		for _, s := range got {
			if !strings.Contains(tt.in, s) {
				t.Errorf("sentence %q is not in %q", s, tt.in)
			}
		}
	}
}

func TestIsQuestion(t *testing.T) {
	tests := map[string]bool{
		"Will you send it?":            true,
		"Can you send it":              true,
		"what about the budget":        true,
		"So, should we ship":           true,
		"Any thoughts":                 true,
		"When we ship, I'll tell you.": false,
		"When we ship I'll tell you":   false,
		"I'll send it.":                false,
		"Is it done (really)?":         true,
		"\"Is it done?\"":              true,
		"":                             false,
	}
	for s, want := range tests {
		if got := isQuestion(s); got != want {
			t.Errorf("isQuestion(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestCountWords(t *testing.T) {
	tests := map[string]int{"": 0, "one": 1, " two  words ": 2, "a - b": 2, "it's 3.5 km.": 3}
	for s, want := range tests {
		if got := countWords(s); got != want {
			t.Errorf("countWords(%q) = %d, want %d", s, got, want)
		}
	}
}

func BenchmarkFindCommitments(b *testing.B) {
	lines := []string{
		"Ana Lopez: Thanks everyone for joining, let's get started with the roadmap review.",
		"Ben Ode: I looked at the numbers and the churn is up two points since last month.",
		"Cara Diaz: Can you send the breakdown by region?",
		"Ben Ode: Sure, I'll send it by Friday.",
		"Ana Lopez: We need to update the pricing page before the launch, and someone should file a ticket.",
		"Cara Diaz: I'll be honest, I'm not sure the launch date holds. What do we do about the vendor?",
		"Ana Lopez: Ben will draft the migration plan for next week's call.",
		"Ben Ode: Ok, will do. I already sent the summary to the team yesterday.",
		"ACTION: Cara to review the contract with legal.",
		"Cara Diaz: If I have time I'll also look at the onboarding flow, but no promises.",
	}
	var all []string
	words := 0
	for words < 10000 {
		for _, l := range lines {
			all = append(all, l)
			words += countWords(l)
		}
	}
	m := meetingOf(b, "2026-11-18", nil, all...)
	b.ResetTimer()
	for b.Loop() {
		findCommitments(m)
	}
}

// TestMaySarcasm checks that the cheap test in front of sarcasmRe never turns away a sentence
// the pattern matches.
func TestMaySarcasm(t *testing.T) {
	corpus := testCorpus(t)
	corpus = append(corpus, madeUp([]string{"oh", "Oh,", "sure", "SURE,", "I'll", "i will", "just", "also",
		"personally", "rewrite", "the", "entire", "whole", "every", "all of", "everything", "no problem",
		"at all", "of course", "in my sleep", "yeah", "right", "as", "if", "lol", "lmao", "/s", "in my spare time",
		"why", "not", "what could", "possibly", "go", "wrong", "great", "let me", "\u212a", "\u017f", "x", "!", ".", "?"}, 30000)...)
	for _, s := range corpus {
		lower := strings.ToLower(s)
		if sarcasmRe.MatchString(s) && !maySarcasm(s, lower, sentenceHints.find(lower)) {
			t.Fatalf("maySarcasm(%q) = false, but sarcasmRe matches", s)
		}
	}
}

// TestCheapTestsBeforePatterns checks that the cheap tests in front of reportedRe, quotedRe
// and nextPromiseRe never turn away a string the pattern matches.
func TestCheapTestsBeforePatterns(t *testing.T) {
	corpus := testCorpus(t)
	corpus = append(corpus, madeUp([]string{"She", "he", "Ben", "They", "said", "SAYS", "told", "us", "wrote:",
		"mentioned", "claimed", "promised", "replied", "emailed", "texted", "writes", "quote", "quoting", ",", ":",
		"\"", "“", "'", "‘", "and", "then", "but", "also", "plus", "I'll", "i’ll", "I will", "i can", "I'm going to",
		"let me", "LET ME", "\u212a", "\u017f", "x", "\t", "So", "that", "As long as", "IF", "unless",
		"assuming", "provided", "though", "which", "otherwise", "and then we", "and they can", "depending on",
		"once we get", ";", "(", "-", "–", "—", "ok?", "right", "xif", "ifx", "we'll", "We will", "I’m going to",
		"am gonna", "i'd be happy to", "volunteer to", "can take", "can look into", "take an action item to",
		"have the action to", "leave it with me", "I'm on it", "on it", "let", "me", "(i'll", ":we", "ON IT",
		"someone", "Somebody else", "one of us", "should", "need to", "must", "has to", "ought to", "will need to",
		"send", "be honest", "be", "out", "say", "just", "Just say", "push back", "need", "  ", "see if i understand",
		"I\tcan", "we\nwill", "Leave", "LET\tME", "one", "One of us", "SOMEONE\fshould", "we’ll", "I’m on it", "in", "went",
		"lets", "leaves", "onto", "weed", "someones", "I would", "we AM", "I'd", "we're", "I\tvolunteer", "we commit",
		"I promise", "i can take", "I\u00a0will", "leave\tthis", "on\nit", "someone else", "one\tof us", "We  must",
		"we’re", "I’d be happy to", "I am happy to", "we are going to", "WE SHALL", "we take action to", "i will take"}, 30000)...)
	for _, s := range corpus {
		if reportedRe.MatchString(s) != isReported(s) {
			t.Fatalf("isReported(%q) differs from reportedRe", s)
		}
		if quotedRe.MatchString(s) != isQuoted(s) {
			t.Fatalf("isQuoted(%q) differs from quotedRe", s)
		}
		if got, want := findPromise(s), promiseRe.FindStringIndex(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("findPromise(%q) = %v, want %v", s, got, want)
		}
		if got, want := findNeed(s), needRe.FindStringSubmatchIndex(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("findNeed(%q) = %v, want %v", s, got, want)
		}
		if isDiscourse(s) != discourseRe.MatchString(s) {
			t.Fatalf("isDiscourse(%q) differs from discourseRe", s)
		}
		if clauseEndRe.MatchString(s) && !mayEndClause(s) {
			t.Fatalf("mayEndClause(%q) = false, but clauseEndRe matches", s)
		}
		if conditionalRe.MatchString(s) != isConditional(s) {
			t.Fatalf("isConditional(%q) differs from conditionalRe", s)
		}
		if nextPromiseRe.MatchString(s) && !hasIWord(s) && !mayHold(s, []string{"let"}) {
			t.Fatalf("promiseClauses(%q) skips a second promise", s)
		}
	}
}
