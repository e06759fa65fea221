package transcript

import (
	"strings"
	"testing"
)

// TestLooksLikeSpeaker covers the labels the two former rules (nameLike for cue text,
// isSpeakerLabel for plain transcripts) were tested with. Where they disagreed, the row says
// which one the unified rule follows and why.
func TestLooksLikeSpeaker(t *testing.T) {
	tests := []struct {
		label string
		want  bool
		why   string // for rows where the former rules disagreed
	}{
		// Names both rules accepted.
		{"Ana", true, ""},
		{"Ana Lopez", true, ""},
		{"María Farías", true, ""},
		{"Zoë", true, ""},
		{"Zoë Faría", true, ""},
		{"Speaker 1", true, ""},
		{"SPEAKER_00", true, ""},
		{"TBL", true, ""},
		{"Q", true, ""},
		{"Lopez, Ana", true, ""},
		{"Ana de la Cruz", true, ""},
		{"Ana van der Berg", true, ""},
		{"Dr. Kim", true, ""},
		{"Dr. Ana Lopez", true, ""},
		{"Dr. Tom Weber", true, ""},
		{"St. John", true, ""},
		{"J. R. Smith", true, ""},
		{"J.B. Smith", true, ""},
		{"U.S. Team", true, ""},
		{"Tom Weber Jr.", true, ""},
		{"O'Neil", true, ""},
		{"Jean-Luc Picard", true, ""},
		{"Mary-Jane O'Neil", true, ""},
		{"Ai Tanaka", true, ""},
		// Labels both rules refused.
		{"", false, ""},
		{"Note", false, ""},
		{"note", false, ""},
		{"NOTE", false, ""},
		{"Update", false, ""},
		{"Action", false, ""},
		{"Agenda", false, ""},
		{"ACTION ITEMS", false, ""},
		{"Next Steps", false, ""},
		{"https", false, ""},
		{"10", false, ""},
		{"9", false, ""},
		{"the plan", false, ""},
		{"The plan", false, ""},
		{"so", false, ""},
		{"So the plan", false, ""},
		{"Step one", false, ""},
		{"Ben said", false, ""},
		{"Ana Lopez said", false, ""},
		{"What?", false, ""},
		{"A B C D E", false, ""},
		{"Ana Lopez Maria Faria Tom Weber", false, ""},
		{"Ana; Ben", false, ""},
		{`"Ana"`, false, ""},
		{"ana", false, ""},
		{"de la Cruz", false, ""},
		{"Lopez,Ana", false, ""},
		{"Ana/ben", false, ""},
		{strings.Repeat("Ana", 30), false, ""},
		// Labels the two rules answered differently.
		{"Ana/Ben", true, "a shared room microphone (cue rule); the plain rule refused any slash"},
		{"Alex/Dan", true, "as Ana/Ben; seen in real minutes"},
		{"David/Dan/Yves", true, "as Ana/Ben: three names, within four words"},
		{"Juan Carlos de la Cruz", true, "particles do not count towards four words (plain rule); the cue rule counted them"},
		{"Room 4B", true, "a later word may start with a digit (plain rule); the cue rule wanted digits only"},
		{"李明", true, "scripts without case are names too (plain rule); the cue rule wanted a capital"},
		{"محمد", true, "as 李明"},
		{"Mohammed ibn Salman", true, "ibn is a particle in the cue rule's list, missing from the plain rule's"},
		{"Ana.", false, "a dot ends a sentence unless it is in initials or a title (cue rule)"},
		{"Thanks Ana. Next", false, "as Ana."},
		{"Ana.Lopez", false, "as Ana."},
		{"Dr.", false, "a title alone names nobody (cue rule)"},
		{"Wed May 31st. 5", false, "a date, refused for its dot (cue rule)"},
		{"Monday", false, "opens a remark (cue rule's first words); the plain rule accepted it"},
		{"Yes", false, "as Monday"},
		{"Thanks", false, "as Monday"},
		{"Kind", false, "as Monday"},
		{"Language", false, "as Monday: an Otter-style header"},
		{"URL", false, "as Monday: a link line in minutes"},
		{"VERSION", false, "as Monday"},
		{"Sprint 12", false, "as Monday: the first word opens the remark"},
		{"Action Item 3", false, "as Sprint 12; the plain rule only refused the exact phrase"},
		{"Sunday Adeyemi", false, "the price of the first-word list: weekdays open remarks far more often than they are names"},
		{"RESOLUTION", false, "a minutes keyword (plain rule's list); the cue rule took it for a name"},
		{"RESOLVED", false, "as RESOLUTION"},
		{"PROPOSAL", false, "as RESOLUTION"},
		{"Regrets", false, "as RESOLUTION"},
		{"Scribe", false, "as RESOLUTION"},
		{"Scribes", false, "as RESOLUTION"},
		{"Chair", false, "as RESOLUTION"},
		{"Open Question", false, "as RESOLUTION: the whole label is a notes phrase"},
		{"Key Points", false, "as Open Question"},
		{"Q&A", false, "a section, not a person (plain rule); the cue rule allowed &"},
		{"AT&T", false, "as Q&A"},
		{"Ana,", false, "a comma must separate two words (plain rule)"},
		{"Lopez,", false, "as Ana,"},
		{"Ana, Ben, Cleo", false, "a list of people is not one speaker (plain rule)"},
		{"Ana/", false, "an empty name after the slash"},
		{"Abcdefghij Abcdefghij Abcdefghij Abcdefghij", false, "over 40 runes (plain rule); the cue rule allowed 60 bytes"},
	}
	for _, tt := range tests {
		if got := looksLikeSpeaker(tt.label); got != tt.want {
			t.Errorf("looksLikeSpeaker(%q) = %v, want %v %s", tt.label, got, tt.want, tt.why)
		}
	}
}

// TestSpeakerRuleIsShared checks that cue text and plain lines now agree on labels the former
// rules split on. Both cut a trailing parenthetical before the rule: the cue reader used to cut
// only "(…)", so "Ana Lopez [Guest]:" named nobody in a caption.
func TestSpeakerRuleIsShared(t *testing.T) {
	for _, tt := range []struct {
		label, speaker string
	}{
		{"Ana Lopez [Guest]", "Ana Lopez"},
		{"Priya Natarajan (she/her)", "Priya Natarajan"},
		{"Alex/Dan", "Alex/Dan"},
		{"李明", "李明"},
		{"RESOLUTION", ""},
		{"Regrets", ""},
		{"Sprint 12", ""},
		{"URL", ""},
	} {
		line := tt.label + ": we agreed"
		p, err := parseVTT("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n" + line + "\n")
		if err != nil {
			t.Fatalf("parseVTT(%q): %v", line, err)
		}
		if got := p.Turns[0].Speaker; got != tt.speaker {
			t.Errorf("cue %q: speaker %q, want %q", line, got, tt.speaker)
		}
		sl, ok := splitSpeakerLine(line)
		if ok != (tt.speaker != "") {
			t.Errorf("plain %q: ok = %v, want %v", line, ok, tt.speaker != "")
		}
		if ok && sl.Text != "we agreed" {
			t.Errorf("plain %q: text %q", line, sl.Text)
		}
	}
}
