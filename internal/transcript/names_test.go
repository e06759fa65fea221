package transcript

import (
	"reflect"
	"testing"
)

func TestFoldName(t *testing.T) {
	for in, want := range map[string]string{
		"María José Fariñas":  "maria jose farinas",
		"Eric Prud'hommeaux":  "eric prud hommeaux",
		"  Tim  Berners-Lee ": "tim berners lee",
		"Łukasz Olejnik":      "lukasz olejnik",
		"**SC**":              "sc",
	} {
		if got := FoldName(in); got != want {
			t.Errorf("FoldName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestInitials(t *testing.T) {
	for in, want := range map[string][]string{
		"Tim Berners-Lee":            {"tb", "tbl"},
		"Sarven Capadisli":           {"sc"},
		"Kenneth Rohde Christiansen": {"krc", "kc"},
		"Ana":                        nil,
	} {
		if got := Initials(in); !reflect.DeepEqual(got, want) {
			t.Errorf("Initials(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestResolvePeople(t *testing.T) {
	listed := []Person{
		{Name: "Sarven Capadisli"}, {Name: "Tim Berners-Lee", Aliases: []string{"timbl"}},
		{Name: "Kjetil Kjernsmo"}, {Name: "Justin Bingham"}, {Name: "Jeff Buehler"},
		{Name: "María José Fariñas"}, {Name: "Daniel Appelquist"}, {Name: "Mark Nottingham"},
		{Name: "elf Pavlik"}, {Name: "Kenneth Rohde Christiansen"}, {Name: "Laurent Le Meur"},
		{Name: "Tzviya Siegman"}, {Name: "Michael Smith"}, {Name: "Speaker 0"},
	}
	tests := []struct {
		label, want string
	}{
		{"Sarven Capadisli", "Sarven Capadisli"},               // exact
		{"sarven capadisli", "Sarven Capadisli"},               // case
		{"SC", "Sarven Capadisli"},                             // initials
		{"TBL", "Tim Berners-Lee"},                             // initials by hyphenated part
		{"TB", "Tim Berners-Lee"},                              // initials by word
		{"kk", "Kjetil Kjernsmo"},                              // lower-case initials
		{"eP", "elf Pavlik"},                                   // mixed-case initials
		{"KC", "Kenneth Rohde Christiansen"},                   // first and last initial of three words
		{"Tim", "Tim Berners-Lee"},                             // first name
		{"Berners-Lee", "Tim Berners-Lee"},                     // hyphenated last name
		{"Le Meur", "Laurent Le Meur"},                         // two-word last name
		{"Kjernsmo", "Kjetil Kjernsmo"},                        // last name
		{"timbl", "Tim Berners-Lee"},                           // alias given by the list
		{"Maria", "María José Fariñas"},                        // accents
		{"Dan", "Daniel Appelquist"},                           // short first name
		{"Mike Smith", "Michael Smith"},                        // nickname and last name
		{"mnot", "Mark Nottingham"},                            // IRC nick
		{"Tzivya", "Tzviya Siegman"},                           // typo
		{"J", "J"},                                             // too short: a new person
		{"JB", "JB"},                                           // Justin Bingham or Jeff Buehler: stays as written
		{"Speaker 1", "Speaker 1"},                             // a different diarization label, not a typo
		{"SPEAKER_00", "Ana"},                                  // --speakers mapping
		{"Ana López", "Ana López"},                             // unlisted full name: added
		{"Zoe", "Zoe"},                                         // unknown first name: added
		{"Deepgram 3", "Deepgram 3"},                           // label with digits
		{"Kenneth Christiansen", "Kenneth Rohde Christiansen"}, // middle name left out
	}
	var turns []Turn
	for _, tc := range tests {
		turns = append(turns, Turn{Speaker: tc.label, Start: Unknown, End: Unknown, Text: "x"})
	}
	m := &Meeting{Turns: turns}
	resolvePeople(m, listed, nil, map[string]string{"SPEAKER_00": "Ana"})
	for i, tc := range tests {
		if got := m.Turns[i].Speaker; got != tc.want {
			t.Errorf("%q resolved to %q, want %q", tc.label, got, tc.want)
		}
	}
	if i, _ := newRosterOf(m.Attendees).lookup("SC"); i < 0 || m.Attendees[i].Name != "Sarven Capadisli" {
		t.Errorf("alias SC not kept on Sarven Capadisli: %+v", m.Attendees)
	}
}

func TestResolvePeopleAmbiguousFirstName(t *testing.T) {
	m := &Meeting{Turns: []Turn{{Speaker: "Ben", Text: "x"}, {Speaker: "Ben Okafor", Text: "y"}}}
	resolvePeople(m, []Person{{Name: "Ben Okafor"}, {Name: "Ben Smith"}}, []string{"Chen Wei"}, nil)
	if m.Turns[0].Speaker != "Ben" || m.Turns[1].Speaker != "Ben Okafor" {
		t.Errorf("speakers %q, %q", m.Turns[0].Speaker, m.Turns[1].Speaker)
	}
	if len(m.Attendees) != 3 || m.Attendees[2].Name != "Chen Wei" {
		t.Errorf("attendees %+v", m.Attendees)
	}
}

func newRosterOf(people []Person) *roster {
	r := newRoster()
	for _, p := range people {
		r.add(p)
	}
	return r
}
