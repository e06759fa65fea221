package transcript

import "strings"

// FindPerson resolves a name as a user typed it (--me "ana", "Ana Lopez", "AL") to an
// attendee's canonical name. It returns the name unchanged and false when no single attendee
// matches.
func (m *Meeting) FindPerson(label string) (string, bool) {
	key := FoldName(label)
	if key == "" {
		return label, false
	}
	found := -1
	for i, p := range m.Attendees {
		if FoldName(p.Name) == key {
			return p.Name, true
		}
		for _, a := range p.Aliases {
			if FoldName(a) == key {
				return p.Name, true
			}
		}
		if personMatches(p.Name, label, key) {
			if found >= 0 {
				return label, false
			}
			found = i
		}
	}
	if found < 0 {
		return label, false
	}
	return m.Attendees[found].Name, true
}

// personMatches is true when key is the first name, the last name, or the initials of name.
func personMatches(name, label, key string) bool {
	words := strings.Fields(FoldName(name))
	if len(words) < 2 || strings.Contains(key, " ") {
		return false
	}
	if key == words[0] || key == words[len(words)-1] {
		return true
	}
	if isInitials(strings.ToUpper(label)) {
		for _, in := range Initials(name) {
			if in == key {
				return true
			}
		}
	}
	return false
}
