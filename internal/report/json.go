// Package report renders Findings for people and programs: Markdown to paste into a doc, the
// same Markdown styled for a terminal with glamour, and the stable debrief.report/v1 JSON
// document. It never reads the environment: the caller decides width and color.
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"

	"github.com/debrief-cli/debrief/internal/analyze"
	"github.com/debrief-cli/debrief/internal/transcript"
)

// Schema names the JSON document format. It changes only by adding fields.
const Schema = "debrief.report/v1"

// Document is the debrief.report/v1 JSON document: one meeting's findings. Lists are always
// present, empty rather than null.
type Document struct {
	Schema        string                  `json:"schema"`
	Meeting       MeetingInfo             `json:"meeting"`
	Engine        analyze.EngineInfo      `json:"engine"`
	Participation []analyze.Participation `json:"participation"`
	Commitments   []analyze.Commitment    `json:"commitments"`
	Decisions     []analyze.Decision      `json:"decisions"`
	Unheard       []analyze.Unheard       `json:"unheard"`
	// Done are the reports of finished work, each with its evidence.
	Done []analyze.DoneReport `json:"done"`
	// OpenThreads are the discussions left with no call, owner or date, each with its evidence.
	OpenThreads []analyze.OpenThread `json:"open_threads"`
	Coaching    []analyze.Coaching   `json:"coaching"`
	// Next holds the indexes into Coaching of the three things most worth doing next.
	Next []int `json:"next"`
	// Limits says which parts of the analysis the input did not allow, and why.
	Limits []string `json:"limits"`
}

// MeetingInfo describes the meeting a Document is about.
type MeetingInfo struct {
	Title string `json:"title"`
	// Date is YYYY-MM-DD, or "" when unknown.
	Date string `json:"date"`
	// Source is the base name of the input file, or "stdin".
	Source string            `json:"source"`
	Format transcript.Format `json:"format"`
	// DurationSeconds is null when the input has no times.
	DurationSeconds transcript.Seconds `json:"duration_seconds"`
	Attendees       []string           `json:"attendees"`
	HasSpeakers     bool               `json:"has_speakers"`
	HasTimes        bool               `json:"has_times"`
}

// NewDocument builds the JSON document for f, with every nil list made empty.
func NewDocument(f *analyze.Findings) Document {
	d := Document{
		Schema:        Schema,
		Meeting:       meetingInfo(f.Meeting),
		Engine:        f.Engine,
		Participation: nonNil(f.Participation),
		Commitments:   make([]analyze.Commitment, len(f.Commitments)),
		Decisions:     make([]analyze.Decision, len(f.Decisions)),
		Unheard:       make([]analyze.Unheard, len(f.Unheard)),
		Coaching:      make([]analyze.Coaching, len(f.Coaching)),
		Done:          make([]analyze.DoneReport, len(f.Done)),
		OpenThreads:   make([]analyze.OpenThread, len(f.OpenThreads)),
		Next:          nonNil(f.Next),
		Limits:        nonNil(f.Limits),
	}
	for i, c := range f.Commitments {
		c.Flags = nonNil(c.Flags)
		c.Evidence = nonNil(c.Evidence)
		d.Commitments[i] = c
	}
	for i, x := range f.Decisions {
		x.Evidence = nonNil(x.Evidence)
		d.Decisions[i] = x
	}
	for i, u := range f.Unheard {
		u.Evidence = nonNil(u.Evidence)
		d.Unheard[i] = u
	}
	for i, r := range f.Done {
		r.Evidence = nonNil(r.Evidence)
		d.Done[i] = r
	}
	for i, o := range f.OpenThreads {
		o.Evidence = nonNil(o.Evidence)
		d.OpenThreads[i] = o
	}
	for i, c := range f.Coaching {
		c.Refs = nonNil(c.Refs)
		d.Coaching[i] = c
	}
	return d
}

// JSON writes f as one compact debrief.report/v1 document on one line, so that the reports
// of several meetings make JSON Lines.
func JSON(w io.Writer, f *analyze.Findings) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(NewDocument(f)); err != nil {
		return fmt.Errorf("write JSON report: %w", err)
	}
	return nil
}

// meetingInfo describes m; a nil meeting gives an empty description.
func meetingInfo(m *transcript.Meeting) MeetingInfo {
	if m == nil {
		return MeetingInfo{Source: sourceName(""), DurationSeconds: transcript.Unknown, Attendees: []string{}}
	}
	return MeetingInfo{
		Title:           m.Title,
		Date:            m.Date,
		Source:          sourceName(m.Source),
		Format:          m.Format,
		DurationSeconds: m.Duration(),
		Attendees:       nonNil(m.AttendeeNames()),
		HasSpeakers:     m.HasSpeakers,
		HasTimes:        m.HasTimes,
	}
}

// sourceName is the base name of an input path, or "stdin" for "-" or "".
func sourceName(path string) string {
	if path == "" || path == "-" {
		return "stdin"
	}
	return filepath.Base(path)
}

// nonNil returns s, or an empty slice when s is nil, so that JSON shows [] and not null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
