package analyze

import (
	"context"
	"strconv"

	"github.com/debrief-cli/debrief/internal/transcript"
)

// Offline is the rule engine: no network, deterministic, and every finding quoted from the text.
type Offline struct{}

// Analyze runs every rule over the meeting.
func (Offline) Analyze(ctx context.Context, m *transcript.Meeting, opts Options) (*Findings, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	f := &Findings{Meeting: m, Engine: EngineInfo{Name: "offline"}}
	// The rules share one reading of the turns' sentences.
	x := newMeetingText(m)
	f.Participation = participate(x)
	f.Commitments = findCommitmentsIn(x)
	f.Decisions = findDecisionsIn(x)
	f.Unheard = findUnheardIn(x, f.Participation)
	f.Done = findDoneIn(x)
	f.OpenThreads = findOpenThreads(x, f.Commitments, f.Decisions)
	f.Limits = Limits(m)
	Number(f)
	Coach(f, opts)
	return f, nil
}

// Number gives every finding its stable id: c1…, d1…, u1…, r1…, o1… in order of appearance.
func Number(f *Findings) {
	for i := range f.Commitments {
		f.Commitments[i].ID = "c" + strconv.Itoa(i+1)
	}
	for i := range f.Decisions {
		f.Decisions[i].ID = "d" + strconv.Itoa(i+1)
	}
	for i := range f.Unheard {
		f.Unheard[i].ID = "u" + strconv.Itoa(i+1)
	}
	for i := range f.Done {
		f.Done[i].ID = "r" + strconv.Itoa(i+1)
	}
	for i := range f.OpenThreads {
		f.OpenThreads[i].ID = "o" + strconv.Itoa(i+1)
	}
}

// Limits says which parts of the analysis the input does not allow.
func Limits(m *transcript.Meeting) []string {
	var out []string
	if !m.HasSpeakers {
		out = append(out, "The input names no speakers, so participation, interruptions, silent attendees and unanswered questions could not be assessed, and commitments said in the first person have no owner.")
	}
	switch {
	case !m.HasTimes:
		out = append(out, "The input has no times, so talk time and overlaps could not be measured; shares are by words.")
	case m.HasSpeakers && !TimesMeasurable(m):
		out = append(out, "The input gives times only now and then (block markers), so talk time could not be measured; shares are by words.")
	}
	if m.Date == "" {
		out = append(out, "The meeting date is unknown, so due dates like \"Friday\" could not be turned into calendar dates: pass --date YYYY-MM-DD.")
	}
	if out == nil {
		out = []string{}
	}
	return out
}
