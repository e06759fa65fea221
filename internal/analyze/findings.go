// Package analyze turns a Meeting into Findings: participation, commitments, decisions, unheard
// voices and the coaching drawn from them. Engines (the offline rules, an LLM) sit behind one
// interface; participation is always computed here, never guessed.
package analyze

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/debrief-cli/debrief/internal/transcript"
)

// Engine analyzes one meeting.
type Engine interface {
	Analyze(ctx context.Context, m *transcript.Meeting, opts Options) (*Findings, error)
}

// Options steer an analysis.
type Options struct {
	// Me is the attendee the report speaks to ("you promised…"); "" for a neutral report.
	Me string
	// Now is the clock used for "overdue"; due dates resolve against the meeting date.
	Now time.Time
}

// The principles of shared/principles.md; every finding maps to one.
const (
	PrincipleFollowThrough = "follow-through"
	PrincipleHeard         = "heard"
	PrincipleExplainWhy    = "explain-why"
	PrincipleDecideClearly = "decide-clearly"
	PrincipleGatherInput   = "gather-input"
	PrincipleNoDictating   = "no-dictating"
	PrincipleWriteItDown   = "write-it-down"
	PrincipleShareCredit   = "share-credit"
)

// Commitment flags.
const (
	FlagNoOwner             = "no-owner"
	FlagNoDate              = "no-date"
	FlagAssignedNotAccepted = "assigned-not-accepted"
	FlagConditional         = "conditional"
)

// Kinds of unheard voice.
const (
	KindSilentAttendee     = "silent-attendee"
	KindLowShare           = "low-share"
	KindInterrupted        = "interrupted"
	KindUnansweredQuestion = "unanswered-question"
	KindUnaddressedConcern = "unaddressed-concern"
)

// Findings is everything an engine found in one meeting.
type Findings struct {
	Meeting       *transcript.Meeting `json:"-"`
	Engine        EngineInfo          `json:"engine"`
	Participation []Participation     `json:"participation"`
	Commitments   []Commitment        `json:"commitments"`
	Decisions     []Decision          `json:"decisions"`
	Unheard       []Unheard           `json:"unheard"`
	// Done are the reports of finished work: a promise kept, perhaps one from an earlier
	// meeting.
	Done     []DoneReport `json:"done"`
	Coaching []Coaching   `json:"coaching"`
	// Next holds the three things most worth doing next, as indexes into Coaching.
	Next []int `json:"-"`
	// Limits says which parts could not be assessed and why (no speakers, no times).
	Limits []string `json:"limits"`
	// OpenThreads are the discussions left with no call, owner or date (decide-clearly).
	OpenThreads []OpenThread `json:"open_threads"`
}

// EngineInfo names the engine that produced the findings and what it cost.
type EngineInfo struct {
	Name  string `json:"name"`
	Model string `json:"model"`
	Usage Usage  `json:"usage"`
	// Dropped counts the LLM's items thrown away because their quote was not found on the
	// lines they cited.
	Dropped int `json:"dropped"`
	// Warnings says what went wrong in a way the report survived, such as an LLM answer that
	// could not be used, so that these are the offline findings.
	Warnings []string `json:"warnings"`
}

// MarshalJSON writes the engine info with warnings as [] rather than null.
func (e EngineInfo) MarshalJSON() ([]byte, error) {
	type plain EngineInfo
	if e.Warnings == nil {
		e.Warnings = []string{}
	}
	return json.Marshal(plain(e))
}

// Usage counts the tokens an LLM engine used.
type Usage struct {
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
}

// Evidence is what a finding rests on: exact words from the input.
type Evidence struct {
	Quote   string `json:"quote"`
	Speaker string `json:"speaker"`
	Line    int    `json:"line"`
	// Time is HH:MM:SS where the format has times, else "".
	Time string `json:"time"`
}

// Participation is one person's share of the talk, computed exactly from the turns.
type Participation struct {
	Name      string  `json:"name"`
	Turns     int     `json:"turns"`
	Words     int     `json:"words"`
	WordShare float64 `json:"word_share"`
	// Seconds, TimeShare and LongestTurnSeconds are 0 when the input has no times.
	Seconds            float64 `json:"seconds"`
	TimeShare          float64 `json:"time_share"`
	LongestTurnSeconds float64 `json:"longest_turn_seconds"`
	Questions          int     `json:"questions"`
	Interrupted        int     `json:"interrupted"`
	Interrupting       int     `json:"interrupting"`
}

// Commitment is a person taking on a future task.
type Commitment struct {
	ID    string `json:"id"`
	Owner string `json:"owner"`
	Task  string `json:"task"`
	// Due is YYYY-MM-DD when it could be resolved from the meeting date, else "".
	Due string `json:"due"`
	// DueText is the due date in the words said ("by Friday"), else "".
	DueText    string     `json:"due_text"`
	Flags      []string   `json:"flags"`
	Confidence float64    `json:"confidence"`
	Evidence   []Evidence `json:"evidence"`
}

// HasFlag reports whether c carries flag.
func (c Commitment) HasFlag(flag string) bool {
	for _, f := range c.Flags {
		if f == flag {
			return true
		}
	}
	return false
}

// Decision is a settled choice.
type Decision struct {
	ID                    string     `json:"id"`
	Decision              string     `json:"decision"`
	DecidedBy             string     `json:"decided_by"`
	Rationale             string     `json:"rationale"`
	RationaleStated       bool       `json:"rationale_stated"`
	AlternativesMentioned bool       `json:"alternatives_mentioned"`
	Evidence              []Evidence `json:"evidence"`
}

// Unheard is a voice the meeting did not hear: a silent attendee, a small share, an
// interruption, or a question or concern nobody took up.
type Unheard struct {
	ID       string     `json:"id"`
	Kind     string     `json:"kind"`
	Person   string     `json:"person"`
	Detail   string     `json:"detail"`
	Evidence []Evidence `json:"evidence"`
}

// DoneReport is a person reporting their own work finished: "I sent the revised deck", "the
// migration script is done", or a scribe's "Ben: migration script done".
type DoneReport struct {
	ID string `json:"id"`
	// Person is who did the work: the speaker, or the owner the notes name.
	Person string `json:"person"`
	// Task is what was done, in a short phrase: "send the revised deck to sales".
	Task     string     `json:"task"`
	Evidence []Evidence `json:"evidence"`
}

// Kinds of open thread.
const (
	// KindDeferred is a topic put off with no owner and no date ("let's revisit this").
	KindDeferred = "deferred"
	// KindReopened is a decision taken up again ("let's reopen the pricing decision").
	KindReopened = "reopened"
)

// OpenThread is a discussion the meeting left open: put off with no owner and no date, or a
// decision reopened. Topic is a few words of the text saying what the thread is about.
type OpenThread struct {
	ID       string     `json:"id"`
	Kind     string     `json:"kind"`
	Topic    string     `json:"topic"`
	Evidence []Evidence `json:"evidence"`
}

// Coaching is one piece of advice: what was seen, what to do, and the findings behind it.
type Coaching struct {
	Principle   string   `json:"principle"`
	Observation string   `json:"observation"`
	Suggestion  string   `json:"suggestion"`
	Refs        []string `json:"refs"`
}

// EvidenceFor cites a turn: the given part of its text (all of it when quote is ""), the
// speaker, the input line where the quote starts, and the turn's time.
func EvidenceFor(t transcript.Turn, quote string) Evidence {
	line := t.Line
	if quote == "" {
		quote = t.Text
	} else if i := strings.Index(t.Text, quote); i >= 0 {
		line = t.LineOf(i)
	}
	return Evidence{Quote: quote, Speaker: t.Speaker, Line: line, Time: t.Start.Clock()}
}
