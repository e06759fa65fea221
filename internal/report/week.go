package report

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/debrief-cli/debrief/internal/analyze"
	"github.com/debrief-cli/debrief/internal/transcript"
)

// WeekSchema names the JSON document of `debrief week`. It changes only by adding fields.
const WeekSchema = "debrief.week/v1"

// Where a meeting's date came from (MeetingReport.DateFrom).
const (
	DateFromContent  = "content"
	DateFromFileName = "filename"
	DateFromFlag     = "flag"
	// DateFromMTime marks a date taken from the file's modification time, the last resort.
	DateFromMTime = "mtime"
)

// MeetingReport is one meeting of a batch (a week, a checklist): its report and where it came
// from. It holds no transcript text, so that a batch of hundreds of meetings stays small.
type MeetingReport struct {
	// Path is the file as it was found or given ("stdin" for standard input).
	Path string `json:"path"`
	// DateFrom says where the meeting date came from: content, filename, flag, mtime or "".
	DateFrom string `json:"date_from"`
	// Me is the --me name resolved among this meeting's attendees, or "" when they were not
	// there (or no --me was given).
	Me     string   `json:"-"`
	Report Document `json:"report"`
}

// Failure is a file of a batch that could not be read or analyzed.
type Failure struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// WeekOptions are what a week report needs besides the meetings.
type WeekOptions struct {
	// Now is the day overdue is measured against.
	Now time.Time
	// Me is the person the report speaks to, as given with --me; "" for a neutral report.
	Me string
	// Since and Until are the date range asked for (YYYY-MM-DD), "" when open.
	Since, Until string
	// Skipped counts the files passed over as not meetings; OutOfRange the meetings outside
	// Since..Until.
	Skipped, OutOfRange int
	// Failures are the files that could not be read, with their reasons.
	Failures []Failure
}

// Week is the debrief.week/v1 document: every meeting of a period at once. Lists are always
// present, empty rather than null.
type Week struct {
	Schema string `json:"schema"`
	// Now is the day overdue is measured against (YYYY-MM-DD).
	Now   string `json:"now"`
	Since string `json:"since"`
	Until string `json:"until"`
	Me    string `json:"me"`
	Files Files  `json:"files"`
	// Meetings are in date order, each with its full debrief.report/v1 document.
	Meetings []WeekMeeting `json:"meetings"`
	// Themes are the principles whose coaching recurs most across the meetings, at most three.
	Themes []Theme `json:"themes"`
	// Commitments are every commitment of the period, said once or repeated, by owner and due date.
	Commitments []TrackedCommitment `json:"commitments"`
	// QuietPeople were silent or had a small share of the talk in two or more meetings.
	QuietPeople []QuietPerson `json:"quiet_people"`
	// UnexplainedDecisions are the decisions announced without a stated reason.
	UnexplainedDecisions []MeetingDecision `json:"unexplained_decisions"`
	// OpenThreads are the discussions left with no call, owner or date, the same topic left
	// open in several meetings once (see TrackThreads), that no later meeting settled.
	OpenThreads []TrackedThread `json:"open_threads"`
	// SettledThreads are the threads left open in one meeting and settled by a decision or a
	// commitment of a later one.
	SettledThreads []TrackedThread `json:"settled_threads"`
	// MyWeek is the --me person's own week, or null without --me.
	MyWeek   *MyWeek   `json:"my_week"`
	Failures []Failure `json:"failures"`
}

// Files counts what was found: meetings reported, files skipped as not meetings, meetings
// outside the date range, and files that failed.
type Files struct {
	Meetings   int `json:"meetings"`
	Skipped    int `json:"skipped"`
	OutOfRange int `json:"out_of_range"`
	Failed     int `json:"failed"`
}

// WeekMeeting is one row of the table of meetings, with the meeting's report.
type WeekMeeting struct {
	Date     string `json:"date"`
	DateFrom string `json:"date_from"`
	Title    string `json:"title"`
	Path     string `json:"path"`
	// People is the number of attendees, or of speakers when no attendee list was given.
	People int `json:"people"`
	// TalkBalance is null when the input names no speakers.
	TalkBalance          *TalkBalance `json:"talk_balance"`
	Commitments          int          `json:"commitments"`
	UnexplainedDecisions int          `json:"unexplained_decisions"`
	Unheard              int          `json:"unheard"`
	// OpenThreads counts the discussions the meeting left with no call, owner or date.
	OpenThreads int      `json:"open_threads"`
	Report      Document `json:"report"`
}

// TalkBalance says how evenly a meeting's talk was shared: who spoke most, their share of
// the words, and the share each person would have had in an even split.
type TalkBalance struct {
	TopSpeaker string  `json:"top_speaker"`
	TopShare   float64 `json:"top_share"`
	EvenShare  float64 `json:"even_share"`
}

// Mention is one meeting in which something was said.
type Mention struct {
	Title string `json:"title"`
	Date  string `json:"date"`
	Path  string `json:"path"`
	// ID is the finding's id in that meeting's report (c1, d2, u3).
	ID       string             `json:"id"`
	Evidence []analyze.Evidence `json:"evidence"`
}

// TrackedCommitment is a commitment followed across meetings: the same owner and task said in
// several meetings is one TrackedCommitment with a Mention for each.
type TrackedCommitment struct {
	Owner string `json:"owner"`
	Task  string `json:"task"`
	// Due is the latest resolved due date said (YYYY-MM-DD), or "".
	Due     string   `json:"due"`
	DueText string   `json:"due_text"`
	Flags   []string `json:"flags"`
	// Overdue is true when Due is before the report's "now".
	Overdue bool `json:"overdue"`
	// Mentions are the meetings where it was said, earliest first.
	Mentions []Mention `json:"mentions"`
	// Done is where the owner reported the work finished, after the last time it was
	// promised, with the quote; null while the promise is open.
	Done *Mention `json:"done"`
	// DueMoves are the changes of due date from one mention to the next, in order.
	DueMoves []DueMove `json:"due_moves"`
	// Repeated is true when the promise was made in three or more meetings and is still open.
	Repeated bool `json:"repeated"`
	// firstTask is the task as first said, which keeps its ICS UID stable as meetings are added.
	firstTask string
	// last is where it was last promised: a report of it done must come after.
	last position
}

// DueMove is a due date that changed between two mentions of a commitment.
type DueMove struct {
	// From and To are the due dates before and after (YYYY-MM-DD).
	From string `json:"from"`
	To   string `json:"to"`
	// Meeting is where the new date was said.
	Meeting Mention `json:"meeting"`
}

// position is a place in a batch of meetings in date order: the meeting's index and a line.
type position struct {
	meeting, line int
}

// before reports whether p comes before q.
func (p position) before(q position) bool {
	return p.meeting < q.meeting || p.meeting == q.meeting && p.line < q.line
}

// positionOf is where a finding of meeting mi is: the line of its first evidence.
func positionOf(mi int, ev []analyze.Evidence) position {
	p := position{meeting: mi}
	if len(ev) > 0 {
		p.line = ev[0].Line
	}
	return p
}

// QuietPerson is someone who was silent, or had a small share of the talk, in two or more
// meetings.
type QuietPerson struct {
	Name     string    `json:"name"`
	Meetings []QuietIn `json:"meetings"`
}

// QuietIn is one meeting where a person was quiet.
type QuietIn struct {
	Title string `json:"title"`
	Date  string `json:"date"`
	Path  string `json:"path"`
	// Kind is silent-attendee or low-share.
	Kind string `json:"kind"`
	// WordShare is the person's share of the words (0 when silent).
	WordShare float64 `json:"word_share"`
}

// MeetingDecision is a decision with the meeting it was made in.
type MeetingDecision struct {
	analyze.Decision
	Meeting Mention `json:"meeting"`
}

// MyWeek is the --me person's week: their talk share in each meeting they attended and the
// promises they made that are still open.
type MyWeek struct {
	Name     string              `json:"name"`
	Shares   []MyShare           `json:"shares"`
	Promises []TrackedCommitment `json:"promises"`
}

// MyShare is the --me person's share of one meeting's talk.
type MyShare struct {
	Title string `json:"title"`
	Date  string `json:"date"`
	Path  string `json:"path"`
	// Assessed is false when the input names no speakers.
	Assessed  bool    `json:"assessed"`
	WordShare float64 `json:"word_share"`
	// TimeShare is null when the input has no times to measure it by.
	TimeShare *float64 `json:"time_share"`
	EvenShare float64  `json:"even_share"`
}

// Theme is a coaching principle that recurs across meetings.
type Theme struct {
	Principle string `json:"principle"`
	// Meetings counts the meetings whose coaching names the principle; Findings the items.
	Meetings int    `json:"meetings"`
	Findings int    `json:"findings"`
	Advice   string `json:"advice"`
	// Example is one suggestion of the most recent meeting that names the principle.
	Example Example `json:"example"`
}

// Example is one piece of a meeting's coaching, with the meeting.
type Example struct {
	Suggestion string  `json:"suggestion"`
	Meeting    Mention `json:"meeting"`
}

// themeAdvice is what to do across the week about a principle, from shared/principles.md.
func themeAdvice(principle string) string {
	switch principle {
	case analyze.PrincipleFollowThrough:
		return "Close the loop on the promises below: confirm an owner and a date for each, and say which are done."
	case analyze.PrincipleHeard:
		return "Ask the quiet people below for their view directly, and answer the questions and concerns left open."
	case analyze.PrincipleExplainWhy:
		return "Write down the why and the tradeoff of the decisions below, and share it with the people they affect."
	case analyze.PrincipleDecideClearly:
		return "Close each open thread below with a decision, a named decider, or a date."
	case analyze.PrincipleGatherInput:
		return "Check with the people a decision affects before it is final."
	case analyze.PrincipleNoDictating:
		return "Confirm with each owner the work that was assigned to them without their OK."
	case analyze.PrincipleShareCredit:
		return "Thank by name the people whose work moved things forward."
	case analyze.PrincipleWriteItDown:
		return "Send owners, dates and decisions to everyone after each meeting: `debrief checklist` prints them."
	}
	return ""
}

// principleRank orders principles that recur equally as shared/principles.md does.
func principleRank(principle string) int {
	switch principle {
	case analyze.PrincipleFollowThrough:
		return 0
	case analyze.PrincipleHeard:
		return 1
	case analyze.PrincipleExplainWhy:
		return 2
	case analyze.PrincipleDecideClearly:
		return 3
	case analyze.PrincipleGatherInput:
		return 4
	case analyze.PrincipleNoDictating:
		return 5
	case analyze.PrincipleWriteItDown:
		return 6
	case analyze.PrincipleShareCredit:
		return 7
	}
	return 8
}

// NewWeek builds the week document from the meetings' reports. The meetings may come in any
// order: the week sorts them by date, then path.
func NewWeek(meetings []MeetingReport, opts WeekOptions) Week {
	meetings = sortedMeetings(meetings)
	names := newNameIndex(meetings)
	now := opts.Now.Format(time.DateOnly)
	tracked := TrackCommitments(meetings, now)
	threads := TrackThreads(meetings)
	w := Week{
		Schema:               WeekSchema,
		Now:                  now,
		Since:                opts.Since,
		Until:                opts.Until,
		Me:                   opts.Me,
		Files:                Files{Meetings: len(meetings), Skipped: opts.Skipped, OutOfRange: opts.OutOfRange, Failed: len(opts.Failures)},
		Meetings:             make([]WeekMeeting, 0, len(meetings)),
		Themes:               themes(meetings, closedIDs(tracked, threads)),
		Commitments:          tracked,
		QuietPeople:          quietPeople(meetings, names),
		UnexplainedDecisions: unexplained(meetings),
		OpenThreads:          openOnly(threads),
		SettledThreads:       settledOnly(threads),
		Failures:             nonNil(opts.Failures),
	}
	for _, m := range meetings {
		w.Meetings = append(w.Meetings, weekMeeting(m))
	}
	if opts.Me != "" {
		w.MyWeek = myWeek(meetings, w.Commitments, names, opts.Me)
	}
	return w
}

// sortedMeetings returns the meetings by date (unknown dates last), then path.
func sortedMeetings(ms []MeetingReport) []MeetingReport {
	out := slices.Clone(ms)
	slices.SortStableFunc(out, func(a, b MeetingReport) int {
		da, db := a.Report.Meeting.Date, b.Report.Meeting.Date
		if (da == "") != (db == "") {
			if da == "" {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(da, db), cmp.Compare(a.Path, b.Path))
	})
	return out
}

func weekMeeting(m MeetingReport) WeekMeeting {
	d := m.Report
	wm := WeekMeeting{
		Date:        d.Meeting.Date,
		DateFrom:    m.DateFrom,
		Title:       meetingTitle(m),
		Path:        m.Path,
		People:      people(d),
		Commitments: len(d.Commitments),
		Unheard:     len(d.Unheard),
		OpenThreads: len(d.OpenThreads),
		Report:      d,
	}
	for _, x := range d.Decisions {
		if !x.RationaleStated {
			wm.UnexplainedDecisions++
		}
	}
	if d.Meeting.HasSpeakers && len(d.Participation) > 0 {
		top := d.Participation[0]
		for _, p := range d.Participation[1:] {
			if p.WordShare > top.WordShare {
				top = p
			}
		}
		wm.TalkBalance = &TalkBalance{TopSpeaker: top.Name, TopShare: top.WordShare, EvenShare: evenShare(d)}
	}
	return wm
}

// people is the number of people in a meeting: attendees or speakers, whichever is more.
func people(d Document) int {
	return max(len(d.Meeting.Attendees), len(d.Participation))
}

// evenShare is the share of the talk each person would have in an even split.
func evenShare(d Document) float64 {
	n := people(d)
	if n == 0 {
		return 0
	}
	return round3(1 / float64(n))
}

func round3(x float64) float64 {
	return float64(int(x*1000+0.5)) / 1000
}

// meetingTitle is the meeting's title or, when it has none, its file name in words:
// "2026-11-18_design-review.srt" is "Design review".
func meetingTitle(m MeetingReport) string {
	if t := strings.TrimSpace(m.Report.Meeting.Title); t != "" {
		return t
	}
	name := m.Report.Meeting.Source
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		name = name[:i]
	}
	words := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || r == ' ' || r == '.' })
	var kept []string
	for i := 0; i < len(words); i++ {
		w := words[i]
		// Drop the date: 20261118, or 2026-11-18 split into three words.
		if len(w) == 8 && allDigits(w) {
			continue
		}
		if len(w) == 4 && allDigits(w) && i+2 < len(words) && len(words[i+1]) == 2 && allDigits(words[i+1]) && len(words[i+2]) == 2 && allDigits(words[i+2]) {
			i += 2
			continue
		}
		kept = append(kept, w)
	}
	if len(kept) == 0 {
		return name
	}
	return upperFirst(strings.Join(kept, " "))
}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func mentionOf(m MeetingReport, id string, ev []analyze.Evidence) Mention {
	return Mention{Title: meetingTitle(m), Date: m.Report.Meeting.Date, Path: m.Path, ID: id, Evidence: nonNil(ev)}
}

// TrackCommitments follows the commitments of meetings (in date order) across them: the same
// owner and task said in two meetings become one TrackedCommitment, with the shortest wording
// of the task, the latest due date said (and each move of it), and both meetings. A promise
// its owner later reports done (the same task words, after the last time it was promised) is
// marked done and is not overdue; one made in three or more meetings and still open is marked
// repeated. The result is ordered by owner (commitments without an owner last), open before
// done, then due date (undated last), then first mention. now (YYYY-MM-DD) marks the overdue
// ones.
func TrackCommitments(meetings []MeetingReport, now string) []TrackedCommitment {
	names := newNameIndex(meetings)
	var out []TrackedCommitment
	var words [][]string
	accepted := map[int]bool{}
	byOwner := map[string][]int{}
	exact := map[string]int{}
	for mi, m := range meetings {
		for _, c := range m.Report.Commitments {
			owner := names.canonical(c.Owner)
			key := transcript.FoldName(owner)
			w := taskKey(c.Task)
			mention := mentionOf(m, c.ID, c.Evidence)
			at := positionOf(mi, c.Evidence)
			i, ok := exact[key+"\x00"+strings.Join(w, " ")]
			if !ok {
				i = similarTask(byOwner[key], words, w)
			}
			if i < 0 {
				byOwner[key] = append(byOwner[key], len(out))
				exact[key+"\x00"+strings.Join(w, " ")] = len(out)
				words = append(words, w)
				accepted[len(out)] = !c.HasFlag(analyze.FlagAssignedNotAccepted)
				out = append(out, TrackedCommitment{
					Owner: owner, Task: c.Task, Due: c.Due, DueText: c.DueText,
					Flags: slices.Clone(c.Flags), Mentions: []Mention{mention}, DueMoves: []DueMove{},
					firstTask: c.Task, last: at,
				})
				continue
			}
			t := &out[i]
			t.Mentions = append(t.Mentions, mention)
			if t.last.before(at) {
				t.last = at
			}
			if len(c.Task) < len(t.Task) {
				t.Task = c.Task
			}
			if c.Due != "" && t.Due != "" && c.Due != t.Due {
				t.DueMoves = append(t.DueMoves, DueMove{From: t.Due, To: c.Due, Meeting: mentionOf(m, c.ID, nil)})
			}
			if c.Due != "" || (c.DueText != "" && t.Due == "") {
				t.Due, t.DueText = c.Due, c.DueText
			}
			t.Flags = slices.Clone(c.Flags)
			if !c.HasFlag(analyze.FlagAssignedNotAccepted) {
				accepted[i] = true
			}
		}
	}
	markDone(out, words, byOwner, meetings, names)
	for i := range out {
		t := &out[i]
		t.Flags = slices.DeleteFunc(t.Flags, func(f string) bool {
			return (f == analyze.FlagNoDate && (t.Due != "" || t.DueText != "")) ||
				(f == analyze.FlagAssignedNotAccepted && accepted[i])
		})
		t.Flags = nonNil(t.Flags)
		t.Overdue = t.Done == nil && t.Due != "" && now != "" && t.Due < now
		t.Repeated = t.Done == nil && meetingCount(t.Mentions) >= 3
	}
	slices.SortStableFunc(out, compareTracked)
	return nonNil(out)
}

// markDone marks the commitments of out that their owner reported done: a report by the same
// person, with the same task words (sameTask, as the tracker merges promises), after the last
// time the promise was made. A report that could close two open promises closes neither: a
// promise wrongly shown kept costs more trust than one shown open.
func markDone(out []TrackedCommitment, words [][]string, byOwner map[string][]int, meetings []MeetingReport, names nameIndex) {
	for mi, m := range meetings {
		for _, r := range m.Report.Done {
			key := transcript.FoldName(names.canonical(r.Person))
			if key == "" {
				continue
			}
			w := taskKey(r.Task)
			at := positionOf(mi, r.Evidence)
			match := -1
			for _, i := range byOwner[key] {
				if out[i].Done != nil || !out[i].last.before(at) || !sameTask(words[i], w) {
					continue
				}
				if match >= 0 {
					match = -2
					break
				}
				match = i
			}
			if match >= 0 {
				done := mentionOf(m, r.ID, r.Evidence)
				out[match].Done = &done
			}
		}
	}
}

// meetingCount is the number of different meetings among the mentions.
func meetingCount(ms []Mention) int {
	seen := map[string]bool{}
	for _, m := range ms {
		seen[m.Path+"\x00"+m.Date+"\x00"+m.Title] = true
	}
	return len(seen)
}

func compareTracked(a, b TrackedCommitment) int {
	if (a.Owner == "") != (b.Owner == "") {
		if a.Owner == "" {
			return 1
		}
		return -1
	}
	if c := cmp.Compare(transcript.FoldName(a.Owner), transcript.FoldName(b.Owner)); c != 0 {
		return c
	}
	if (a.Done == nil) != (b.Done == nil) {
		if a.Done != nil {
			return 1
		}
		return -1
	}
	if (a.Due == "") != (b.Due == "") {
		if a.Due == "" {
			return 1
		}
		return -1
	}
	return cmp.Or(cmp.Compare(a.Due, b.Due), cmp.Compare(a.Mentions[0].Date, b.Mentions[0].Date))
}

// isTaskStopWord reports whether w does not tell two tasks apart.
func isTaskStopWord(w string) bool {
	switch w {
	case "a", "an", "the", "to", "of", "for", "on", "in", "and", "with", "it", "its", "it's",
		"this", "that", "our", "my", "your", "their", "by", "as", "at", "be", "is", "up", "all",
		"too", "also", "then":
		return true
	}
	return false
}

// taskKey is the set of a task's telling words, lowercased, sorted and without repeats.
func taskKey(task string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(task), func(r rune) bool {
		return !(r == '\'' || r == '’' || r == '-' || ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') || r > 127)
	}) {
		w = strings.Trim(strings.ReplaceAll(w, "’", "'"), "'-")
		if w == "" || isTaskStopWord(w) {
			continue
		}
		if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			w = w[:len(w)-1]
		}
		out = append(out, w)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// similarWindow is how many of an owner's latest tasks a new one is compared with word by
// word; older ones match only when their words are the same. It keeps a year of meetings
// from costing the square of its commitments.
const similarWindow = 256

// similarTask returns the index of the latest of an owner's tasks (indexes into words) that is
// the same as w, or -1.
func similarTask(owned []int, words [][]string, w []string) int {
	for k := len(owned) - 1; k >= 0 && k >= len(owned)-similarWindow; k-- {
		if sameTask(words[owned[k]], w) {
			return owned[k]
		}
	}
	return -1
}

// sameTask reports whether two tasks of the same owner are one: four in five of the telling
// words of the shorter one are among the other's, and any numbers are the same ("account 5"
// is not "account 6"). A task of one word matches only itself.
func sameTask(a, b []string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) < 2 {
		return slices.Equal(a, b)
	}
	shared := 0
	for _, w := range a {
		if _, ok := slices.BinarySearch(b, w); ok {
			shared++
		} else if hasDigit(w) {
			return false
		}
	}
	for _, w := range b {
		if _, ok := slices.BinarySearch(a, w); !ok && hasDigit(w) {
			return false
		}
	}
	return shared*5 >= len(a)*4
}

// nameIndex unifies the names a person goes by across meetings: "Ana" in one meeting's notes
// is "Ana Lopez" of another's transcript when she is the only Ana of the week.
type nameIndex struct {
	full map[string]string
}

func newNameIndex(meetings []MeetingReport) nameIndex {
	firsts := map[string][]string{}
	seen := map[string]bool{}
	add := func(name string) {
		f := transcript.FoldName(name)
		if !strings.Contains(f, " ") || seen[f] {
			return
		}
		seen[f] = true
		first, _, _ := strings.Cut(f, " ")
		firsts[first] = append(firsts[first], name)
	}
	for _, m := range meetings {
		for _, a := range m.Report.Meeting.Attendees {
			add(a)
		}
		for _, p := range m.Report.Participation {
			add(p.Name)
		}
	}
	full := map[string]string{}
	for first, names := range firsts {
		if len(names) == 1 {
			full[first] = names[0]
		}
	}
	return nameIndex{full: full}
}

// canonical is the full name a name stands for across the week, or the name itself.
func (n nameIndex) canonical(name string) string {
	f := transcript.FoldName(name)
	if f == "" || strings.Contains(f, " ") {
		return name
	}
	if full, ok := n.full[f]; ok {
		return full
	}
	return name
}

// quietPeople finds the people silent or with a small share in two or more meetings.
func quietPeople(meetings []MeetingReport, names nameIndex) []QuietPerson {
	byKey := map[string]*QuietPerson{}
	var order []string
	for _, m := range meetings {
		seen := map[string]bool{}
		for _, u := range m.Report.Unheard {
			if u.Kind != analyze.KindSilentAttendee && u.Kind != analyze.KindLowShare || u.Person == "" {
				continue
			}
			name := names.canonical(u.Person)
			key := transcript.FoldName(name)
			if seen[key] {
				continue
			}
			seen[key] = true
			q, ok := byKey[key]
			if !ok {
				q = &QuietPerson{Name: name}
				byKey[key] = q
				order = append(order, key)
			}
			in := QuietIn{Title: meetingTitle(m), Date: m.Report.Meeting.Date, Path: m.Path, Kind: u.Kind}
			for _, p := range m.Report.Participation {
				if transcript.FoldName(names.canonical(p.Name)) == key {
					in.WordShare = p.WordShare
				}
			}
			q.Meetings = append(q.Meetings, in)
		}
	}
	out := []QuietPerson{}
	for _, k := range order {
		if q := byKey[k]; len(q.Meetings) >= 2 {
			out = append(out, *q)
		}
	}
	slices.SortStableFunc(out, func(a, b QuietPerson) int {
		return cmp.Or(cmp.Compare(len(b.Meetings), len(a.Meetings)), cmp.Compare(transcript.FoldName(a.Name), transcript.FoldName(b.Name)))
	})
	return out
}

// unexplained lists the decisions without a stated reason, in meeting order.
func unexplained(meetings []MeetingReport) []MeetingDecision {
	out := []MeetingDecision{}
	for _, m := range meetings {
		for _, d := range m.Report.Decisions {
			if !d.RationaleStated {
				out = append(out, MeetingDecision{Decision: d, Meeting: mentionOf(m, d.ID, nil)})
			}
		}
	}
	return out
}

// TrackedThread is an open thread followed across meetings: a discussion put off with no
// owner and no date, or a decision reopened with no new call. The threads of several meetings
// whose topics have the same content words (sameTopic) are one TrackedThread with a mention
// for each.
type TrackedThread struct {
	// Topic is the shortest wording of the topic said, or "" when no meeting named one.
	Topic string `json:"topic"`
	// Mentions are where the thread was left open, earliest first.
	Mentions []ThreadMention `json:"mentions"`
	// DeferredAgain is true when the thread was left open in two or more meetings: the
	// strongest sign that a call is owed.
	DeferredAgain bool `json:"deferred_again"`
	// Settled is the decision or commitment of a later meeting that closed the thread, or
	// null while it is open.
	Settled *Settlement `json:"settled"`
	// words are the content words of the topic as first said, that later threads match.
	words []string
	// last is the index of the last meeting that left the thread open.
	last int
}

// What settled a thread (Settlement.Kind).
const (
	SettledByDecision   = "decision"
	SettledByCommitment = "commitment"
)

// Settlement is what closed an open thread in a later meeting: a decision on its topic, or a
// commitment to it with an owner.
type Settlement struct {
	Mention
	// Kind is decision or commitment.
	Kind string `json:"kind"`
	// What is the decision, or the commitment's owner and task ("Tom Weber: draft the tiers").
	What string `json:"what"`
}

// ThreadMention is one meeting where a thread was left open.
type ThreadMention struct {
	Mention
	// Kind is deferred or reopened.
	Kind string `json:"kind"`
}

// TrackThreads follows the open threads of meetings (in date order) across them: threads on
// the same topic (sameTopic) become one TrackedThread, with the shortest wording of the topic
// and every meeting that left it open. A thread without a topic stands alone. The threads
// left open in two or more meetings come first, then the others, each in the order they were
// first left open.
func TrackThreads(meetings []MeetingReport) []TrackedThread {
	out := []TrackedThread{}
	exact := map[string]int{}
	for mi, m := range meetings {
		for _, o := range m.Report.OpenThreads {
			mention := ThreadMention{Mention: mentionOf(m, o.ID, o.Evidence), Kind: o.Kind}
			w := topicKey(o.Topic)
			i, ok := exact[strings.Join(w, " ")]
			if !ok {
				i = similarThread(out, w)
			}
			if i < 0 {
				if len(w) > 0 {
					exact[strings.Join(w, " ")] = len(out)
				}
				out = append(out, TrackedThread{Topic: o.Topic, Mentions: []ThreadMention{mention}, words: w, last: mi})
				continue
			}
			t := &out[i]
			t.Mentions = append(t.Mentions, mention)
			t.last = mi
			if len(o.Topic) < len(t.Topic) {
				t.Topic = o.Topic
			}
		}
	}
	for i := range out {
		out[i].DeferredAgain = meetingCount(out[i].mentions()) >= 2
		out[i].Settled = settlement(meetings, out[i])
	}
	slices.SortStableFunc(out, func(a, b TrackedThread) int {
		if a.DeferredAgain != b.DeferredAgain {
			if a.DeferredAgain {
				return -1
			}
			return 1
		}
		return 0
	})
	return out
}

// settlement finds the first decision, or commitment with an owner, of a meeting after the
// last one that left t open whose words name t's topic (settles), or nil.
func settlement(meetings []MeetingReport, t TrackedThread) *Settlement {
	for _, m := range meetings[min(t.last+1, len(meetings)):] {
		for _, d := range m.Report.Decisions {
			if settles(t.words, taskKey(d.Decision)) {
				return &Settlement{Mention: mentionOf(m, d.ID, d.Evidence), Kind: SettledByDecision, What: d.Decision}
			}
		}
		for _, c := range m.Report.Commitments {
			if c.Owner != "" && settles(t.words, taskKey(c.Task)) {
				return &Settlement{Mention: mentionOf(m, c.ID, c.Evidence), Kind: SettledByCommitment, What: c.Owner + ": " + c.Task}
			}
		}
	}
	return nil
}

// settles reports whether a decision or task whose telling words are text closes the thread
// on topic, as strictly as threads are matched to each other: the same topic (sameTopic), or
// every telling word of the topic, two at least, among the text's ("Keep three pricing tiers"
// settles "the pricing tiers"; "Drop the annual plan from the pricing page" does not, nor does
// anything settle "the roadmap" but the roadmap itself).
func settles(topic, text []string) bool {
	if sameTopic(topic, text) {
		return true
	}
	if len(topic) < 2 {
		return false
	}
	for _, w := range topic {
		if _, ok := slices.BinarySearch(text, w); !ok {
			return false
		}
	}
	return true
}

// openOnly returns the threads no later meeting settled.
func openOnly(threads []TrackedThread) []TrackedThread {
	return slices.DeleteFunc(slices.Clone(threads), func(t TrackedThread) bool { return t.Settled != nil })
}

// settledOnly returns the threads a later meeting settled.
func settledOnly(threads []TrackedThread) []TrackedThread {
	return slices.DeleteFunc(slices.Clone(threads), func(t TrackedThread) bool { return t.Settled == nil })
}

// mentions are the meetings of the thread's mentions.
func (t TrackedThread) mentions() []Mention {
	out := make([]Mention, len(t.Mentions))
	for i, m := range t.Mentions {
		out[i] = m.Mention
	}
	return out
}

// reopened reports whether every mention of the thread is a decision reopened.
func (t TrackedThread) reopened() bool {
	for _, m := range t.Mentions {
		if m.Kind != analyze.KindReopened {
			return false
		}
	}
	return len(t.Mentions) > 0
}

// similarThread returns the index of the latest of the tracked threads (among the last
// similarWindow) whose topic is the same as w, or -1.
func similarThread(tracked []TrackedThread, w []string) int {
	if len(w) == 0 {
		return -1
	}
	for k := len(tracked) - 1; k >= 0 && k >= len(tracked)-similarWindow; k-- {
		if sameTopic(tracked[k].words, w) {
			return k
		}
	}
	return -1
}

// isTopicStopWord reports whether w names no topic by itself: "the pricing decision" is the
// pricing, "the roadmap discussion" the roadmap.
func isTopicStopWord(w string) bool {
	switch w {
	case "decision", "discussion", "topic", "question", "item", "issue", "point", "thing", "conversation", "again":
		return true
	}
	return false
}

// topicKey is the set of a topic's telling words (taskKey without the words that name no
// topic), lowercased, sorted and without repeats.
func topicKey(topic string) []string {
	return slices.DeleteFunc(taskKey(topic), isTopicStopWord)
}

// sameTopic reports whether two topics are one, strictly: the same telling words, or every
// telling word of the shorter (two at least) among the longer's, which has one word more at
// most and no other number ("the pricing tiers" is "the enterprise pricing tiers", but not
// "the pricing page", "pricing" alone, or "the pricing tiers for the annual plan").
func sameTopic(a, b []string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return false
	}
	if slices.Equal(a, b) {
		return true
	}
	if len(a) < 2 || len(b)-len(a) > 1 {
		return false
	}
	for _, w := range a {
		if _, ok := slices.BinarySearch(b, w); !ok {
			return false
		}
	}
	for _, w := range b {
		if _, ok := slices.BinarySearch(a, w); !ok && hasDigit(w) {
			return false
		}
	}
	return true
}

// closedIDs gives, for each meeting path, the ids of its findings that a later meeting closed:
// the commitments later reported done, and the open threads later settled.
func closedIDs(tracked []TrackedCommitment, threads []TrackedThread) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	add := func(m Mention) {
		if out[m.Path] == nil {
			out[m.Path] = map[string]bool{}
		}
		out[m.Path][m.ID] = true
	}
	for _, t := range tracked {
		if t.Done != nil {
			for _, m := range t.Mentions {
				add(m)
			}
		}
	}
	for _, t := range threads {
		if t.Settled != nil {
			for _, m := range t.Mentions {
				add(m.Mention)
			}
		}
	}
	return out
}

// aboutKept reports whether a piece of coaching is only about findings a later meeting closed
// (kept holds their ids in its meeting: promises kept, threads settled), so that it no longer
// calls for anything.
func aboutKept(c analyze.Coaching, kept map[string]bool) bool {
	if len(c.Refs) == 0 || len(kept) == 0 {
		return false
	}
	for _, id := range c.Refs {
		if !kept[id] {
			return false
		}
	}
	return true
}

// themes ranks the principles by the number of meetings whose coaching names them, then the
// number of items. write-it-down applies to every meeting with an outcome, so it is a theme
// only when nothing else recurs. Coaching about commitments since kept or threads since
// settled (kept, by meeting path) does not count: the themes are what is still to do.
func themes(meetings []MeetingReport, kept map[string]map[string]bool) []Theme {
	byPrinciple := map[string]*Theme{}
	for _, m := range meetings {
		seen := map[string]bool{}
		for _, c := range m.Report.Coaching {
			if aboutKept(c, kept[m.Path]) {
				continue
			}
			t, ok := byPrinciple[c.Principle]
			if !ok {
				t = &Theme{Principle: c.Principle, Advice: themeAdvice(c.Principle)}
				byPrinciple[c.Principle] = t
			}
			t.Findings++
			// Meetings are in date order: the last one seen is the most recent.
			if !seen[c.Principle] {
				seen[c.Principle] = true
				t.Meetings++
				t.Example = Example{Suggestion: c.Suggestion, Meeting: mentionOf(m, "", nil)}
			}
		}
	}
	var all []Theme
	for _, t := range byPrinciple {
		all = append(all, *t)
	}
	slices.SortFunc(all, func(a, b Theme) int {
		aw, bw := a.Principle == analyze.PrincipleWriteItDown, b.Principle == analyze.PrincipleWriteItDown
		if aw != bw {
			if aw {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(b.Meetings, a.Meetings), cmp.Compare(b.Findings, a.Findings),
			cmp.Compare(principleRank(a.Principle), principleRank(b.Principle)), cmp.Compare(a.Principle, b.Principle))
	})
	out := []Theme{}
	for _, t := range all {
		if len(out) == 3 || (t.Principle == analyze.PrincipleWriteItDown && len(out) > 0) {
			break
		}
		out = append(out, t)
	}
	return out
}

// myWeek gathers the --me person's shares and open promises.
func myWeek(meetings []MeetingReport, tracked []TrackedCommitment, names nameIndex, me string) *MyWeek {
	mw := &MyWeek{Name: me, Shares: []MyShare{}, Promises: []TrackedCommitment{}}
	counts := map[string]int{}
	for _, m := range meetings {
		if m.Me == "" {
			continue
		}
		name := names.canonical(m.Me)
		counts[name]++
		key := transcript.FoldName(name)
		d := m.Report
		s := MyShare{Title: meetingTitle(m), Date: d.Meeting.Date, Path: m.Path, Assessed: d.Meeting.HasSpeakers, EvenShare: evenShare(d)}
		timed := false
		for _, p := range d.Participation {
			timed = timed || p.TimeShare > 0
		}
		for _, p := range d.Participation {
			if transcript.FoldName(names.canonical(p.Name)) == key {
				s.WordShare = p.WordShare
				if timed {
					ts := p.TimeShare
					s.TimeShare = &ts
				}
			}
		}
		if s.TimeShare == nil && timed {
			zero := 0.0
			s.TimeShare = &zero
		}
		mw.Shares = append(mw.Shares, s)
	}
	best := 0
	for name, n := range counts {
		if n > best || (n == best && name < mw.Name) {
			mw.Name, best = name, n
		}
	}
	key := transcript.FoldName(names.canonical(mw.Name))
	for _, t := range tracked {
		if t.Done == nil && t.Owner != "" && transcript.FoldName(t.Owner) == key {
			mw.Promises = append(mw.Promises, t)
		}
	}
	return mw
}

// WeekMarkdown writes w as Markdown: the table of meetings, the recurring themes, the
// commitments by owner, the quiet people, the decisions without a why, the open threads (a
// topic deferred again first), the --me person's own week, and the files that could not be read.
func WeekMarkdown(out io.Writer, w Week) error {
	var b strings.Builder
	writeWeek(&b, w)
	if _, err := io.WriteString(out, b.String()); err != nil {
		return fmt.Errorf("write Markdown week report: %w", err)
	}
	return nil
}

// WeekTerminal writes the Markdown week report styled for a terminal with glamour, like
// Terminal does for one meeting.
func WeekTerminal(out io.Writer, w Week, width int, color bool) error {
	var b strings.Builder
	writeWeek(&b, w)
	return renderGlamour(out, b.String(), width, color)
}

func writeWeek(b *strings.Builder, w Week) {
	dates := make([]string, len(w.Meetings))
	for i, m := range w.Meetings {
		dates[i] = m.Date
	}
	b.WriteString("# Week in review: " + dateRange(dates) + "\n\n")
	parts := []string{plural(w.Files.Meetings, "meeting", "meetings")}
	if w.Since != "" || w.Until != "" {
		parts = append(parts, "from "+orOpen(w.Since, "the start")+" to "+orOpen(w.Until, "today"))
	}
	if w.Files.OutOfRange > 0 {
		parts = append(parts, plural(w.Files.OutOfRange, "meeting", "meetings")+" outside the dates left out")
	}
	if w.Files.Skipped > 0 {
		parts = append(parts, plural(w.Files.Skipped, "other file", "other files")+" skipped")
	}
	if w.Files.Failed > 0 {
		parts = append(parts, "**"+plural(w.Files.Failed, "file", "files")+" not read** (listed at the end)")
	}
	parts = append(parts, "overdue as of "+longDay(w.Now))
	b.WriteString(strings.Join(parts, " · ") + "\n\n")
	writeWeekTable(b, w)
	writeThemes(b, w)
	writeWeekCommitments(b, w)
	writeQuiet(b, w)
	writeUnexplained(b, w)
	writeWeekThreads(b, w)
	writeMyWeek(b, w)
	writeFailures(b, w)
}

func orOpen(s, open string) string {
	if s == "" {
		return open
	}
	return s
}

// dateRange is the span of ISO dates: "16–20 Nov 2026".
func dateRange(dates []string) string {
	var first, last time.Time
	for _, d := range dates {
		t, err := time.Parse(time.DateOnly, d)
		if err != nil {
			continue
		}
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if t.After(last) {
			last = t
		}
	}
	switch {
	case first.IsZero():
		return "no dated meetings"
	case first.Equal(last):
		return first.Format("Mon 2 Jan 2006")
	case first.Year() == last.Year() && first.Month() == last.Month():
		return first.Format("2") + "–" + last.Format("2 Jan 2006")
	case first.Year() == last.Year():
		return first.Format("2 Jan") + " – " + last.Format("2 Jan 2006")
	}
	return first.Format("2 Jan 2006") + " – " + last.Format("2 Jan 2006")
}

// shortDay writes an ISO date as "Mon 16 Nov"; a date it cannot read as it is.
func shortDay(iso string) string {
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		if iso == "" {
			return "date unknown"
		}
		return iso
	}
	return t.Format("Mon 2 Jan")
}

// longDay writes an ISO date as "Mon 23 Nov 2026".
func longDay(iso string) string {
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return iso
	}
	return t.Format("Mon 2 Jan 2006")
}

// dayMonth writes an ISO date as "18 Nov", or "" when unknown.
func dayMonth(iso string) string {
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return ""
	}
	return t.Format("2 Jan")
}

// where names a meeting for a list item: "Planning, 18 Nov".
func where(m Mention) string {
	s := escape(m.Title)
	if d := dayMonth(m.Date); d != "" {
		s += ", " + d
	}
	return s
}

func wheres(ms []Mention) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = where(m)
	}
	return strings.Join(parts, "; ")
}

func writeWeekTable(b *strings.Builder, w Week) {
	b.WriteString("## Meetings\n\n")
	if len(w.Meetings) == 0 {
		b.WriteString("No meetings found.\n\n")
		return
	}
	row(b, []string{"Date", "Meeting", "People", "Talk balance", "Commitments", "No why", "Unheard"})
	row(b, []string{"---", "---", "---:", "---", "---:", "---:", "---:"})
	mtime := false
	for _, m := range w.Meetings {
		date := shortDay(m.Date)
		if m.DateFrom == DateFromMTime {
			date += " †"
			mtime = true
		}
		balance := "not assessed"
		if tb := m.TalkBalance; tb != nil {
			balance = escape(tb.TopSpeaker) + " " + percent(tb.TopShare) + " vs " + percent(tb.EvenShare)
		}
		row(b, []string{date, escape(m.Title), strconv.Itoa(m.People), balance, strconv.Itoa(m.Commitments),
			strconv.Itoa(m.UnexplainedDecisions), strconv.Itoa(m.Unheard)})
	}
	b.WriteString("\nTalk balance: who said the most words, and their share vs an even split. No why: decisions\n" +
		"announced without a reason. Unheard: silent people, small shares, interruptions, questions and concerns\n" +
		"nobody took up.\n")
	if mtime {
		b.WriteString("† No date in the content or the file name: the date is the file's modification time. Pass --date or rename the file to be sure.\n")
	}
	b.WriteString("\n")
}

func writeThemes(b *strings.Builder, w Week) {
	b.WriteString("## Themes of the week\n\n")
	if len(w.Themes) == 0 {
		b.WriteString("Nothing recurs.\n\n")
		return
	}
	for i, t := range w.Themes {
		fmt.Fprintf(b, "%d. **%s**, in %d of %s (%s). %s\n", i+1, principleTitle(t.Principle),
			t.Meetings, plural(len(w.Meetings), "meeting", "meetings"), plural(t.Findings, "finding", "findings"), t.Advice)
		fmt.Fprintf(b, "   For example: %s *(%s)*\n", code(t.Example.Suggestion), where(t.Example.Meeting))
	}
	b.WriteString("\n")
}

// dueWords says when a commitment is due: "due Fri 20 Nov", "due moved from Fri 20 Nov to Tue
// 24 Nov", `due "next sprint"`, "no date".
func dueWords(c TrackedCommitment) string {
	switch {
	case c.Due != "" && len(c.DueMoves) > 0:
		s := "due moved from " + shortDay(c.DueMoves[0].From)
		for _, m := range c.DueMoves {
			s += " to " + shortDay(m.To)
		}
		return s
	case c.Due != "":
		return "due " + shortDay(c.Due)
	case c.DueText != "":
		return "due " + escape(quote(c.DueText))
	}
	return "no date"
}

// commitmentNotes are the flags worth saying beside a commitment, overdue, and a promise
// repeated but still open.
func commitmentNotes(c TrackedCommitment) []string {
	var notes []string
	if c.Overdue {
		notes = append(notes, "**overdue**")
	}
	if c.Repeated {
		notes = append(notes, "*promised in "+strconv.Itoa(meetingCount(c.Mentions))+" meetings, still open*")
	}
	for _, f := range c.Flags {
		if f == analyze.FlagNoOwner || f == analyze.FlagNoDate {
			continue
		}
		notes = append(notes, "*"+flagWords(f)+"*")
	}
	return notes
}

func writeWeekCommitments(b *strings.Builder, w Week) {
	b.WriteString("## Commitments by owner\n\n")
	if len(w.Commitments) == 0 {
		b.WriteString("No commitments found.\n\n")
		return
	}
	for i, c := range w.Commitments {
		if i == 0 || c.Owner != w.Commitments[i-1].Owner {
			name := "No owner"
			if c.Owner != "" {
				name = escape(c.Owner)
			}
			b.WriteString("### " + name + "\n\n")
		}
		b.WriteString(taskItem(c) + "\n")
		if i+1 == len(w.Commitments) || w.Commitments[i+1].Owner != c.Owner {
			b.WriteString("\n")
		}
	}
}

// taskItem writes a commitment as an item of a task list: "- [ ] " and the commitment while
// it is open, "- [x] " and where it was promised and reported done once it is kept.
func taskItem(c TrackedCommitment) string {
	if c.Done != nil {
		return "- [x] " + keptLine(c)
	}
	return "- [ ] " + commitmentLine(c)
}

// keptLine writes a kept commitment: "Have the migration script ready · promised Mobile
// standup, 16 Nov; done: Sprint retro, 20 Nov".
func keptLine(c TrackedCommitment) string {
	return escape(upperFirst(trimEnd(c.Task))) + " · promised " + wheres(c.Mentions) + "; done: " + where(*c.Done)
}

// commitmentLine writes a commitment for a list: task, due, notes, and where it was said.
func commitmentLine(c TrackedCommitment) string {
	s := escape(upperFirst(trimEnd(c.Task))) + " (" + dueWords(c)
	if notes := commitmentNotes(c); len(notes) > 0 {
		s += ", " + strings.Join(notes, ", ")
	}
	s += ") · " + wheres(c.Mentions)
	return s
}

// trimEnd drops the full stop a task or decision may end with.
func trimEnd(s string) string {
	return strings.TrimRight(strings.TrimSpace(s), ".;:, ")
}

func writeQuiet(b *strings.Builder, w Week) {
	b.WriteString("## Quiet in two or more meetings\n\n")
	if len(w.QuietPeople) == 0 {
		b.WriteString("Nobody was quiet more than once.\n\n")
		return
	}
	for _, q := range w.QuietPeople {
		var in []string
		for _, m := range q.Meetings {
			how := "never spoke"
			if m.Kind == analyze.KindLowShare {
				how = percent(m.WordShare) + " of the words"
			}
			in = append(in, where(Mention{Title: m.Title, Date: m.Date})+" ("+how+")")
		}
		fmt.Fprintf(b, "- **%s**, quiet in %d meetings: %s. Ask %s directly for their view before the next one.\n",
			escape(q.Name), len(q.Meetings), strings.Join(in, "; "), escape(firstName(q.Name)))
	}
	b.WriteString("\n")
}

func firstName(name string) string {
	first, _, _ := strings.Cut(strings.TrimSpace(name), " ")
	return first
}

func writeUnexplained(b *strings.Builder, w Week) {
	b.WriteString("## Decisions without a stated why\n\n")
	if len(w.UnexplainedDecisions) == 0 {
		b.WriteString("Every decision came with a reason.\n\n")
		return
	}
	for _, d := range w.UnexplainedDecisions {
		line := "- **" + escape(upperFirst(trimEnd(d.Decision.Decision))) + "** · " + where(d.Meeting)
		if d.DecidedBy != "" {
			line += ", decided by " + escape(d.DecidedBy)
		}
		b.WriteString(line + "\n")
		if len(d.Evidence) > 0 {
			writeEvidence(b, d.Evidence[:1])
		}
	}
	b.WriteString("\n")
}

// writeWeekThreads lists the threads still open, each with every meeting that left it open,
// then the threads a later meeting settled, with what settled them.
func writeWeekThreads(b *strings.Builder, w Week) {
	b.WriteString("## Open threads\n\n")
	switch {
	case len(w.OpenThreads) > 0:
		b.WriteString("Discussions left with no call, owner or date: each is a call owed. Close it with a decision, a\n" +
			"named decider or a date.\n\n")
		for _, t := range w.OpenThreads {
			b.WriteString("- " + threadName(t) + ": " + threadState(t) + "\n")
			for _, m := range t.Mentions {
				b.WriteString("  - " + threadMention(m) + "\n")
			}
		}
		b.WriteString("\n")
	case len(w.SettledThreads) > 0:
		b.WriteString("None still open: every thread left open was settled later in the week.\n\n")
	default:
		b.WriteString("No open threads found.\n\n")
	}
	if len(w.SettledThreads) == 0 {
		return
	}
	b.WriteString("Settled later in the week:\n\n")
	for _, t := range w.SettledThreads {
		b.WriteString("- " + threadName(t) + ": left open in " + wheres(t.mentions()) + "; settled: " + where(t.Settled.Mention) + "\n")
		writeEvidence(b, t.Settled.Evidence[:min(1, len(t.Settled.Evidence))])
	}
	b.WriteString("\n")
}

// threadMention writes where a thread was left open, with the words: "Planning, 17 Nov:
// "Let's come back to the pricing tiers next time." (Ana Lopez, line 43, 00:01:36)".
func threadMention(m ThreadMention) string {
	s := where(m.Mention)
	if len(m.Evidence) > 0 {
		s += ": " + escape(quote(m.Evidence[0].Quote)) + " (" + citation(m.Evidence[0]) + ")"
	}
	return s
}

// threadName names an open thread for a list item: its topic in bold, or "A thread" when no
// meeting named one (the quote below says what it was).
func threadName(t TrackedThread) string {
	if topic := trimEnd(t.Topic); topic != "" {
		return "**" + escape(upperFirst(topic)) + "**"
	}
	return "A thread"
}

// threadState says how a thread was left open: "put off with no owner and no date", "a
// decision reopened, with no new call", or, when it was left open in two meetings or more,
// "**deferred again**, left open in 2 meetings".
func threadState(t TrackedThread) string {
	switch {
	case t.DeferredAgain:
		return "**deferred again**, left open in " + strconv.Itoa(meetingCount(t.mentions())) + " meetings"
	case t.reopened():
		return "a decision reopened, with no new call"
	}
	return "put off with no owner and no date"
}

func writeMyWeek(b *strings.Builder, w Week) {
	if w.MyWeek == nil {
		return
	}
	me := w.MyWeek
	b.WriteString("## Your week (" + escape(me.Name) + ")\n\n")
	if len(me.Shares) == 0 {
		b.WriteString("You were not among the attendees of any of these meetings.\n\n")
	} else {
		row(b, []string{"Date", "Meeting", "Your share of the words", "Your share of the time", "Even split"})
		row(b, []string{"---", "---", "---:", "---:", "---:"})
		for _, s := range me.Shares {
			words, tm := "not assessed", "no times"
			if s.Assessed {
				words = percent(s.WordShare)
			}
			if s.TimeShare != nil {
				tm = percent(*s.TimeShare)
			}
			row(b, []string{shortDay(s.Date), escape(s.Title), words, tm, percent(s.EvenShare)})
		}
		b.WriteString("\n")
	}
	b.WriteString("### Your open promises\n\n")
	if len(me.Promises) == 0 {
		b.WriteString("None found.\n\n")
		return
	}
	for _, c := range me.Promises {
		b.WriteString(taskItem(c) + "\n")
	}
	b.WriteString("\n")
}

func writeFailures(b *strings.Builder, w Week) {
	if len(w.Failures) == 0 {
		return
	}
	b.WriteString("## Files not read\n\n")
	for _, f := range w.Failures {
		b.WriteString("- " + escape(f.Path) + ": " + escape(f.Reason) + "\n")
	}
	b.WriteString("\n")
}

// Detach returns a copy of d whose strings share no memory with the transcript they were
// quoted from, so that keeping the report does not keep the whole transcript text alive.
func Detach(d Document) Document {
	c := strings.Clone
	cs := func(ss []string) []string {
		out := make([]string, len(ss))
		for i, s := range ss {
			out[i] = c(s)
		}
		return out
	}
	ev := func(es []analyze.Evidence) []analyze.Evidence {
		out := make([]analyze.Evidence, len(es))
		for i, e := range es {
			out[i] = analyze.Evidence{Quote: c(e.Quote), Speaker: c(e.Speaker), Line: e.Line, Time: c(e.Time)}
		}
		return out
	}
	d.Meeting.Title, d.Meeting.Date, d.Meeting.Source = c(d.Meeting.Title), c(d.Meeting.Date), c(d.Meeting.Source)
	d.Meeting.Attendees = cs(d.Meeting.Attendees)
	d.Engine.Name, d.Engine.Model = c(d.Engine.Name), c(d.Engine.Model)
	d.Participation = slices.Clone(d.Participation)
	for i := range d.Participation {
		d.Participation[i].Name = c(d.Participation[i].Name)
	}
	d.Commitments = slices.Clone(d.Commitments)
	for i := range d.Commitments {
		x := &d.Commitments[i]
		x.ID, x.Owner, x.Task, x.Due, x.DueText = c(x.ID), c(x.Owner), c(x.Task), c(x.Due), c(x.DueText)
		x.Flags, x.Evidence = cs(x.Flags), ev(x.Evidence)
	}
	d.Decisions = slices.Clone(d.Decisions)
	for i := range d.Decisions {
		x := &d.Decisions[i]
		x.ID, x.Decision, x.DecidedBy, x.Rationale = c(x.ID), c(x.Decision), c(x.DecidedBy), c(x.Rationale)
		x.Evidence = ev(x.Evidence)
	}
	d.Unheard = slices.Clone(d.Unheard)
	for i := range d.Unheard {
		x := &d.Unheard[i]
		x.ID, x.Kind, x.Person, x.Detail = c(x.ID), c(x.Kind), c(x.Person), c(x.Detail)
		x.Evidence = ev(x.Evidence)
	}
	d.Done = slices.Clone(d.Done)
	for i := range d.Done {
		x := &d.Done[i]
		x.ID, x.Person, x.Task = c(x.ID), c(x.Person), c(x.Task)
		x.Evidence = ev(x.Evidence)
	}
	d.OpenThreads = slices.Clone(d.OpenThreads)
	for i := range d.OpenThreads {
		x := &d.OpenThreads[i]
		x.ID, x.Kind, x.Topic = c(x.ID), c(x.Kind), c(x.Topic)
		x.Evidence = ev(x.Evidence)
	}
	d.Coaching = slices.Clone(d.Coaching)
	for i := range d.Coaching {
		x := &d.Coaching[i]
		x.Principle, x.Observation, x.Suggestion = c(x.Principle), c(x.Observation), c(x.Suggestion)
		x.Refs = cs(x.Refs)
	}
	d.Next = slices.Clone(d.Next)
	d.Limits = cs(d.Limits)
	return d
}
