package analyze

import "testing"

// TestCleanTask checks that a task is cut from the words as said, down to the action: no
// due phrase, no filler, and no clause that comments on the task rather than naming it.
func TestCleanTask(t *testing.T) {
	tests := []struct {
		name, task, dueText, want string
	}{
		{"due phrase cut", "send the revised deck to sales by Friday", "by Friday", "send the revised deck to sales"},
		{"comment after a comma", "send the revised deck to sales, it's nearly done", "", "send the revised deck to sales"},
		{"comment with a pronoun and a verb", "forward you the note from Lena, she called you out by name", "", "forward you the note from Lena"},
		{"comment after the due", "look into the CI runner costs at some point too, they've crept up", "", "look into the CI runner costs"},
		{"second comment sentence", "tell Olu he's covering your January shifts, he's been asking for more on-call experience anyway", "", "tell Olu he's covering your January shifts"},
		{"as promised", "send the revised deck to sales, as promised on Monday", "on Monday", "send the revised deck to sales"},
		{"as I said", "send the numbers as I said", "", "send the numbers"},
		{"then we", "draft the plan then we review it together", "", "draft the plan"},
		{"and then we", "draft the plan and then we review it together", "", "draft the plan"},
		{"which clause", "fix the flaky test, which keeps failing on main", "", "fix the flaky test"},
		{"once clause", "do the design QA once María has the first build", "", "do the design QA"},
		{"once as a count stays", "run the migration once more", "", "run the migration once more"},
		{"a purpose clause stays", "update the deploy bot so it warns after 2pm on Fridays", "", "update the deploy bot so it warns after 2pm on Fridays"},
		{"two tasks stay", "rework the 2027 budget with phased hiring, circulate", "", "rework the 2027 budget with phased hiring, circulate"},
		{"a name after a comma stays", "ask Ben, Ana and Tom for their slides", "", "ask Ben, Ana and Tom for their slides"},
		{"this week cut", "dig into it this week", "this week", "dig into it"},
		{"this week before a clause", "get something out this week that we can review", "this week", "get something out that we can review"},
		{"dangling preposition", "report back at Thursday's sync", "Thursday", "report back"},
		{"filler", "just quickly send it", "", "send it"},
		{"really", "really find out why the test flakes", "", "find out why the test flakes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cleanTask(tt.task, tt.dueText); got != tt.want {
				t.Errorf("cleanTask(%q, %q) = %q, want %q", tt.task, tt.dueText, got, tt.want)
			}
		})
	}
}
