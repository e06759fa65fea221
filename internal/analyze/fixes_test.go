package analyze

import "testing"

func TestEvidenceIsNotCitedTwice(t *testing.T) {
	m := meetingOf(t, "2026-11-16", nil,
		"Ana Lopez: Can you chase them today? We need it for Thursday.",
		"Priya Natarajan: Sure, I'll ping them after this.")
	got := findCommitments(m)
	if len(got) != 1 {
		t.Fatalf("got %d commitments, want 1: %+v", len(got), got)
	}
	lines := map[int]int{}
	for _, e := range got[0].Evidence {
		lines[e.Line]++
	}
	for line, n := range lines {
		if n > 1 {
			t.Errorf("line %d cited %d times: %+v", line, n, got[0].Evidence)
		}
	}
	if got[0].Owner != "Priya Natarajan" || got[0].Due != "2026-11-16" {
		t.Errorf("owner %q due %q", got[0].Owner, got[0].Due)
	}
}

func TestUnownedActionItemDropsSomeoneShould(t *testing.T) {
	m := meetingOf(t, "2026-11-20", nil, "Action items", "- Someone should set up disk alerts on staging.")
	m.Turns[0].Heading = true
	got := findCommitments(m)
	if len(got) != 1 || got[0].Task != "set up disk alerts on staging" || !got[0].HasFlag(FlagNoOwner) {
		t.Errorf("got %+v, want the task without \"Someone should\", flagged no-owner", got)
	}
}

func TestNextIsMovingOn(t *testing.T) {
	m := meetingOf(t, "2026-11-18", nil,
		"Kenji Sato: I'm worried the tab state won't survive a page reload on Android.",
		"María Farías: Next, the colour tokens. I'll update the Figma library by Friday.",
		"Ben Ortiz: Sounds good.")
	got := findUnheard(m, Participate(m))
	found := false
	for _, u := range got {
		found = found || u.Kind == KindUnaddressedConcern && u.Person == "Kenji Sato"
	}
	if !found {
		t.Errorf("Kenji's concern, answered only by \"Next, …\", is not reported: %+v", got)
	}
}

func TestSparseTimesAreNotTalkTime(t *testing.T) {
	m := meetingOf(t, "", nil, "Ana Lopez: a long opening with many words in it", "Ben Ortiz: a reply", "Ana Lopez: more", "Ben Ortiz: and more")
	m.Turns[0].Start = 0
	m.Turns[2].Start = 120
	m.HasTimes = true
	if TimesMeasurable(m) {
		t.Fatal("two of four turns timed counted as measurable")
	}
	for _, p := range Participate(m) {
		if p.Seconds != 0 || p.TimeShare != 0 {
			t.Errorf("%s has talk time %v from block markers", p.Name, p.Seconds)
		}
	}
	limits := Limits(m)
	if len(limits) == 0 || limits[0] == "" {
		t.Errorf("no limit says talk time could not be measured: %q", limits)
	}
	timed(m, 0, 5, 6, 8, 9, 12, 13, 20)
	if !TimesMeasurable(m) {
		t.Error("every turn timed, yet not measurable")
	}
}

func TestDeadlineNamedByAMeeting(t *testing.T) {
	m := meetingOf(t, "2026-11-18", nil,
		"Ana Lopez: María, can you share the new onboarding mockups before Thursday's review?",
		"María Farías: Sure, I'll post them in the design channel.")
	got := findCommitments(m)
	if len(got) != 1 || got[0].Task != "share the new onboarding mockups" || got[0].Due != "2026-11-19" {
		t.Errorf("got %+v, want the mockups due Thursday 2026-11-19", got)
	}
}
