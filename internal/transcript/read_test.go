package transcript

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadInput checks that every kind of unusable input is refused with an InputError whose
// message says what is wrong, and never a panic.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	huge := filepath.Join(dir, "huge.vtt")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(200 << 20); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	f.Close()
	longLine := write("long.txt", []byte("Ana: "+strings.Repeat("word ", 2<<20)))
	tests := []struct {
		name, path, want string
	}{
		{"missing", filepath.Join(dir, "nope.vtt"), "no such file"},
		{"directory", dir, "is a directory"},
		{"empty", write("empty.txt", nil), "empty"},
		{"blank", write("blank.txt", []byte(" \n\n\t\n")), "empty"},
		{"binary", write("image.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")), "binary"},
		{"huge", huge, "over the 64 MB limit"},
		{"one 10 MB line", longLine, "MB long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadFile(tt.path, nil, Options{})
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("got %v, want an InputError", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("message %q does not say %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("message is more than one line: %q", err)
			}
		})
	}
}

func TestInvalidUTF8IsRepairedWithWarning(t *testing.T) {
	m, err := Parse([]byte("Ana Lopez: caf\xe9 at ten\nBen Ortiz: fine\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Warnings) == 0 || !strings.Contains(m.Warnings[0], "UTF-8") {
		t.Errorf("warnings = %q, want one about UTF-8", m.Warnings)
	}
	if !strings.Contains(m.Turns[0].Text, "\uFFFD") {
		t.Errorf("bad byte not replaced: %q", m.Turns[0].Text)
	}
}

func TestDateFallbacks(t *testing.T) {
	tests := []struct {
		name, text, source, flag, want, from string
	}{
		{"content wins", "# Planning 2026-11-18\n\nAna: hi\n", "2026-11-01-x.md", "2026-10-01", "2026-11-18", "content"},
		{"file name", "Ana: hi\nBen: hello\n", "notes/2026-11-18-planning.txt", "2026-10-01", "2026-11-18", "filename"},
		{"compact file name", "Ana: hi\nBen: hello\n", "standup_20261118.txt", "", "2026-11-18", "filename"},
		{"flag", "Ana: hi\nBen: hello\n", "planning.txt", "2026-10-01", "2026-10-01", "flag"},
		{"unknown", "Ana: hi\nBen: hello\n", "planning.txt", "", "", ""},
		{"invalid date in name", "Ana: hi\nBen: hello\n", "2026-02-30-x.txt", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Parse([]byte(tt.text), Options{Source: tt.source, Date: tt.flag})
			if err != nil {
				t.Fatal(err)
			}
			if m.Date != tt.want || m.DateFrom != tt.from {
				t.Errorf("date = %q from %q, want %q from %q", m.Date, m.DateFrom, tt.want, tt.from)
			}
		})
	}
}

func TestFindDate(t *testing.T) {
	tests := map[string]string{
		"Minutes of 2021-09-29":        "2021-09-29",
		"Weekly sync, Nov 18, 2026":    "2026-11-18",
		"18 November 2026 — planning":  "2026-11-18",
		"Thursday 3rd December 2026":   "2026-12-03",
		"no date here":                 "",
		"version 2026-13-45 of a spec": "",
	}
	for in, want := range tests {
		if got, _ := FindDate(in); got != want {
			t.Errorf("FindDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseFormat(t *testing.T) {
	if f, err := ParseFormat("auto"); err != nil || f != "" {
		t.Errorf("auto: %v %v", f, err)
	}
	if f, err := ParseFormat("vtt-teams"); err != nil || f != FormatTeamsVTT {
		t.Errorf("vtt-teams: %v %v", f, err)
	}
	if _, err := ParseFormat("docx"); err == nil || !strings.Contains(err.Error(), "vtt-zoom") {
		t.Errorf("docx: want an error listing the formats, got %v", err)
	}
}

func TestFindPerson(t *testing.T) {
	m := &Meeting{Attendees: []Person{
		{Name: "Ana Lopez", Aliases: []string{"AL"}},
		{Name: "Ben Ortiz"},
		{Name: "Ben Walsh"},
		{Name: "Tim Berners-Lee"},
	}}
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"ana lopez", "Ana Lopez", true},
		{"Ana", "Ana Lopez", true},
		{"AL", "Ana Lopez", true},
		{"TBL", "Tim Berners-Lee", true},
		{"Ortiz", "Ben Ortiz", true},
		{"Ben", "Ben", false},
		{"Zoe", "Zoe", false},
	}
	for _, tt := range tests {
		got, ok := m.FindPerson(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("FindPerson(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestBracketOpeningIsNotJSON(t *testing.T) {
	tests := map[string]Format{
		"[00:00:05] Ana Lopez: Hello all.\n[00:00:09] Ben Ortiz: Hi.\n":                    FormatPlain,
		"[Planning notes](https://example.com/doc)\n\nPresent: Ana, Ben\n\n* Ana: hello\n": FormatNotes,
		`[{"text": "not a format we read"}]`:                                               FormatWhisper,
		`{"segments": [{"start": 0, "end": 1, "text": "hi"}]`:                              FormatWhisper,
	}
	for text, want := range tests {
		if got := detect(text, "stdin"); got != want {
			t.Errorf("detect(%.30q) = %s, want %s", text, got, want)
		}
	}
	if _, err := Parse([]byte("[00:00:05] Ana Lopez: Hello all.\n[00:00:09] Ben Ortiz: Hi.\n"), Options{}); err != nil {
		t.Errorf("a stamped plain transcript fails: %v", err)
	}
}

func TestSpeakersByNumberAndUnusedLabels(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(formatsDir, "deepgram-utterances.json"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Parse(data, Options{Speakers: map[string]string{"0": "Ana Lopez", "SPEAKER_09": "Zed"}})
	if err != nil {
		t.Fatal(err)
	}
	if m.Turns[0].Speaker != "Ana Lopez" && m.Turns[1].Speaker != "Ana Lopez" {
		t.Errorf("--speakers 0=Ana Lopez did not name Deepgram's speaker 0: %q, %q", m.Turns[0].Speaker, m.Turns[1].Speaker)
	}
	warned := false
	for _, w := range m.Warnings {
		warned = warned || strings.Contains(w, "SPEAKER_09")
	}
	if !warned {
		t.Errorf("no warning for a --speakers label nobody has: %q", m.Warnings)
	}
}

func TestOneBlockOtter(t *testing.T) {
	m, err := Parse([]byte("Ana Lopez  0:03\nOkay, we ship on 2026-12-01.\n"), Options{Source: "2026-11-18-sync.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if m.Format != FormatOtter || len(m.Turns) != 1 || m.Turns[0].Speaker != "Ana Lopez" || m.Turns[0].Start != 3 || m.Date != "2026-11-18" {
		t.Errorf("got %s, %+v, date %s", m.Format, m.Turns, m.Date)
	}
}

func TestFormatsIsAFreshCopy(t *testing.T) {
	first := Formats()
	if len(first) != 12 {
		t.Fatalf("Formats() has %d formats, want 12", len(first))
	}
	for _, f := range first {
		if got, err := ParseFormat(string(f)); err != nil || got != f {
			t.Errorf("ParseFormat(%q) = %q, %v; want the format back", f, got, err)
		}
	}
	first[0] = "changed"
	if again := Formats(); again[0] != FormatZoomVTT {
		t.Errorf("a caller's change to Formats() leaked into the next call: %q", again[0])
	}
}
