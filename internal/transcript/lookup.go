package transcript

// FindPerson resolves a name as a user typed it (--me "ana", "Ana Lopez", "AL", "mnot") to an
// attendee's canonical name, with the same rules that resolve speaker labels. It returns the
// name unchanged and false when no single attendee matches.
func (m *Meeting) FindPerson(label string) (string, bool) {
	r := newRoster()
	for _, p := range m.Attendees {
		r.add(p)
	}
	i, _ := r.lookup(label)
	if i < 0 {
		return label, false
	}
	return r.people[i].Name, true
}
