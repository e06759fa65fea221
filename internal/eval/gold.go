// Package eval scores an engine's findings against hand-labelled meetings: it finds the
// labelled files, loads their gold labels, matches predictions to labels by the rules of
// shared/eval/README.md, and sums precision, recall and F1 per category over the files.
package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"time"
)

// Gold holds the labels of one meeting, as written in a NAME.gold.json file.
//
// A category whose key is absent from the file is not labelled and is not scored for that
// file: its field is nil. An empty list means "labelled: there are none" and is a pointer to
// an empty slice.
type Gold struct {
	// MeetingDate is the meeting date as YYYY-MM-DD, or "" when not given.
	MeetingDate string `json:"meeting_date,omitempty"`
	// Attendees are the full names of the people present; they help resolve short names.
	Attendees []string `json:"attendees,omitempty"`
	// Commitments are the labelled commitments, nil when not labelled.
	Commitments *[]GoldCommitment `json:"commitments,omitempty"`
	// Decisions are the labelled decisions, nil when not labelled.
	Decisions *[]GoldDecision `json:"decisions,omitempty"`
	// SilentAttendees are the attendees who never spoke, nil when not labelled.
	SilentAttendees *[]string `json:"silent_attendees,omitempty"`
	// UnansweredQuestions are the questions nobody took up, nil when not labelled.
	UnansweredQuestions *[]GoldQuestion `json:"unanswered_questions,omitempty"`
	// Source tells where the labelled meeting came from; informational only.
	Source string `json:"source,omitempty"`
}

// GoldCommitment is one labelled commitment.
type GoldCommitment struct {
	// Owner names who took the task on: "" when the label names nobody (it then matches any
	// owner), or several people joined by " / " (matching any one is enough).
	Owner string `json:"owner"`
	// Task is what was promised.
	Task string `json:"task"`
	// Due is the due date as YYYY-MM-DD, or "" when the label gives none.
	Due string `json:"due,omitempty"`
}

// GoldDecision is one labelled decision.
type GoldDecision struct {
	// Decision is what was decided.
	Decision string `json:"decision"`
	// RationaleStated says whether the meeting gave a reason for the decision; nil when the
	// label does not say, and such a decision does not count for unexplained decisions.
	RationaleStated *bool `json:"rationale_stated,omitempty"`
}

// GoldQuestion is one labelled question that nobody answered.
type GoldQuestion struct {
	// Asker names who asked.
	Asker string `json:"asker"`
	// Question is what was asked.
	Question string `json:"question"`
}

// LoadGold reads and checks the gold labels at path. Keys other than those of Gold are
// ignored; dates must be YYYY-MM-DD.
func LoadGold(path string) (*Gold, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read gold %s: %w", path, err)
	}
	var g Gold
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("parse gold %s: %w (see shared/eval/README.md for the schema)", path, err)
	}
	if err := g.check(); err != nil {
		return nil, fmt.Errorf("gold %s: %w", path, err)
	}
	return &g, nil
}

// check reports the first date that is not YYYY-MM-DD.
func (g *Gold) check() error {
	if err := checkDate("meeting_date", g.MeetingDate); err != nil {
		return err
	}
	if g.Commitments != nil {
		for i, c := range *g.Commitments {
			if err := checkDate(fmt.Sprintf("commitments[%d].due", i), c.Due); err != nil {
				return err
			}
		}
	}
	return nil
}

func checkDate(field, s string) error {
	if s == "" {
		return nil
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return fmt.Errorf("%s %q is not a date: write it as YYYY-MM-DD", field, s)
	}
	return nil
}

// Labelled reports whether the gold labels the given category (one of the Category
// constants). Unexplained decisions are labelled when decisions are and either there are none
// or at least one says whether its rationale was stated.
func (g *Gold) Labelled(category string) bool {
	switch category {
	case CategoryCommitments:
		return g.Commitments != nil
	case CategoryDecisions:
		return g.Decisions != nil
	case CategoryUnexplained:
		if g.Decisions == nil {
			return false
		}
		if len(*g.Decisions) == 0 {
			return true
		}
		for _, d := range *g.Decisions {
			if d.RationaleStated != nil {
				return true
			}
		}
		return false
	case CategorySilent:
		return g.SilentAttendees != nil
	case CategoryUnanswered:
		return g.UnansweredQuestions != nil
	}
	return false
}
