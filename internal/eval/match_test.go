package eval

import (
	"reflect"
	"testing"

	"github.com/debrief-cli/debrief/internal/transcript"
)

// testPeople is a meeting whose transcript knew Robert Smith as "Bob" and "Speaker 2", with
// gold attendees added beside it.
func testPeople() people {
	return newPeople(
		[]transcript.Person{
			{Name: "Robert Smith", Aliases: []string{"Bob", "Speaker 2"}},
			{Name: "Tim Berners-Lee", Aliases: []string{"TimBL"}},
			{Name: "Sarven Capadisli", Aliases: []string{}},
		},
		[]string{"Sarven Capadisli", "Eric Prud'hommeaux", "Bill Kasdorf", "Bill McCoy", "Laurent Le Meur", "Kjetil Kjernsmo"},
	)
}

func TestMatchName(t *testing.T) {
	ps := testPeople()
	tests := []struct {
		name string
		a, b string
		want nameMatch
	}{
		{"case, accents and punctuation", "José Núñez", "jose NUNEZ.", nameEqual},
		{"apostrophe and hyphen fold alike", "Eric Prud'hommeaux", "ERIC PRUD-HOMMEAUX", nameEqual},
		{"first name", "Sarven Capadisli", "Sarven", nameRelated},
		{"first name, either side", "sarven", "Sarven Capadisli", nameRelated},
		{"last name", "Capadisli", "Sarven Capadisli", nameRelated},
		{"last name of several words", "Laurent Le Meur", "Le Meur", nameRelated},
		{"hyphenated last name", "Tim Berners-Lee", "Berners-Lee", nameRelated},
		{"initials", "SC", "Sarven Capadisli", nameRelated},
		{"initials by hyphenated parts", "Tim Berners-Lee", "TBL", nameRelated},
		{"same attendee through an alias", "Robert Smith", "Bob", nameRelated},
		{"two aliases of one attendee", "Speaker 2", "Bob", nameRelated},
		{"alias and a first name of one attendee", "TimBL", "Tim", nameRelated},
		{"different people", "Bill Kasdorf", "Bill McCoy", noName},
		{"a first name shared by two still matches each", "Bill", "Bill McCoy", nameRelated},
		{"unrelated", "Sarven Capadisli", "Kjetil", noName},
		{"wrong initials", "KK", "Sarven Capadisli", noName},
		{"empty prediction", "Sarven Capadisli", "", noName},
		{"single names differ", "Ulrik", "Ulrich", noName},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ps.matchName(tt.a, tt.b); got != tt.want {
				t.Errorf("matchName(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestMatchOwner(t *testing.T) {
	ps := testPeople()
	tests := []struct {
		name       string
		gold, pred string
		want       nameMatch
	}{
		{"gold owner empty matches any owner", "", "Anyone At All", nameEqual},
		{"gold owner empty matches no owner", "", "", nameEqual},
		{"several gold owners: any one is enough", "KK / SC", "Sarven", nameRelated},
		{"several gold owners: exact one", "KK / Sarven Capadisli", "Sarven Capadisli", nameEqual},
		{"several gold owners: none", "KK / SC", "Bob", noName},
		{"several predicted owners", "Sarven Capadisli", "Bob / SC", nameRelated},
		{"a named gold owner needs an owner", "SC", "", noName},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ps.matchOwner(tt.gold, tt.pred); got != tt.want {
				t.Errorf("matchOwner(%q, %q) = %v, want %v", tt.gold, tt.pred, got, tt.want)
			}
		})
	}
}

func TestStem(t *testing.T) {
	pairs := [][2]string{
		{"issues", "issue"}, {"planned", "plan"}, {"plans", "plan"}, {"meetings", "meeting"},
		{"meeting", "meet"}, {"agreed", "agree"}, {"policies", "policy"}, {"sending", "send"},
		{"decided", "decide"}, {"agreeing", "agrees"}, {"needed", "need"}, {"reviews", "reviewing"}, {"classes", "class"}, {"running", "run"},
		{"added", "add"}, {"adding", "add"}, {"used", "use"}, {"using", "use"}, {"stopped", "stop"},
	}
	for _, p := range pairs {
		if a, b := stem(p[0]), stem(p[1]); a != b {
			t.Errorf("stem(%q) = %q, stem(%q) = %q: want them equal", p[0], a, p[1], b)
		}
	}
	for _, w := range []string{"bus", "class", "this", "run", "api"} {
		if got := stem(w); got != w {
			t.Errorf("stem(%q) = %q, want it unchanged", w, got)
		}
	}
}

func TestContentWords(t *testing.T) {
	got := contentWords("We will open an Issue about the storage discovery, and the issues' owners.")
	want := []string{"open", "issu", "storag", "discovery", "owner"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("contentWords = %q, want %q", got, want)
	}
}

func TestTextRule(t *testing.T) {
	// "open an issue about storage discovery" has 4 content words: open, issue, storage,
	// discovery.
	const gold = "open an issue about storage discovery"
	tests := []struct {
		name   string
		pred   []string
		cover  float64
		member bool
	}{
		{"all words", []string{"Open an issue about storage discovery"}, 1, true},
		{"half the words, through stems", []string{"I'll be opening issues"}, 0.5, true},
		{"stop words do not count", []string{"open an about the"}, 0.25, false},
		{"evidence quote adds words", []string{"file a ticket", "on storage discovery"}, 0.5, true},
		{"nothing", []string{"book the venue"}, 0, false},
		{"accents folded", []string{"STORAGE DISCOVERY"}, 0.5, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := textCover(gold, tt.pred)
			if c != tt.cover || textMatches(c) != tt.member {
				t.Errorf("textCover = %v (match %v), want %v (match %v)", c, textMatches(c), tt.cover, tt.member)
			}
		})
	}
	if c := textCover("we will do it", []string{"anything"}); c != 1 {
		t.Errorf("a gold text of stop words only: cover %v, want 1", c)
	}
}

func TestNamePunctuationFoldsAway(t *testing.T) {
	var ps people
	if got := ps.matchName("O'Brien", "OBrien"); got != nameEqual {
		t.Errorf("O'Brien and OBrien: %v, want equal", got)
	}
}
