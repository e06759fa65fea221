package transcript

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// MaxInputBytes is the largest input debrief reads. A ten-hour transcript is well under 10 MB;
// anything past this limit is not a meeting.
const MaxInputBytes = 64 << 20

// MaxLineBytes is the longest line a text format may have. JSON formats are exempt: a whole
// Whisper file may sit on one line.
const MaxLineBytes = 1 << 20

// InputError is an input that cannot be read or understood. The CLI maps it to exit code 3.
type InputError struct {
	Source string
	// Reason is one line saying what is wrong and what to do.
	Reason string
	Err    error
}

func (e *InputError) Error() string {
	if e.Source == "" {
		return e.Reason
	}
	return e.Source + ": " + e.Reason
}

func (e *InputError) Unwrap() error { return e.Err }

// Options steer how an input is read. The zero value auto-detects everything.
type Options struct {
	// Source is the file name ("-" or "" for stdin); its extension is a hint for detection
	// and its base name may carry the meeting date.
	Source string
	// Format forces a format instead of detecting it.
	Format Format
	// Attendees adds people to the attendee list (--attendees).
	Attendees []string
	// Speakers maps diarization labels to names (--speakers SPEAKER_00=Ana).
	Speakers map[string]string
	// Date is the meeting date to use when neither the content nor the file name has one.
	Date string
}

// parsed is what a format parser reads out of the text, before names and dates are resolved.
type parsed struct {
	Title string
	// Format refines the detected format (a VTT parser tells Zoom from Teams); "" keeps it.
	Format Format
	// Date is an ISO date found in the content, or "".
	Date string
	// Attendees are the people the content lists (notes), with any abbreviations it gives.
	Attendees []Person
	// Turns carry speaker labels as written.
	Turns    []Turn
	Warnings []string
}

// parser reads one format. text has LF line endings and no BOM; line numbers in Turn.Line count
// from 1 at the start of text.
type parser func(text string) (*parsed, error)

func parserFor(f Format) (parser, bool) {
	switch f {
	case FormatZoomVTT, FormatTeamsVTT, FormatVTT:
		return parseVTT, true
	case FormatSRT:
		return parseSRT, true
	case FormatOtter:
		return parseOtter, true
	case FormatMeet:
		return parseMeet, true
	case FormatPlain:
		return parsePlain, true
	case FormatNotes:
		return parseNotes, true
	case FormatWhisper, FormatWhisperX:
		return parseWhisper, true
	case FormatAssemblyAI:
		return parseAssemblyAI, true
	case FormatDeepgram:
		return parseDeepgram, true
	}
	return nil, false
}

// ParseFormat checks a --input-format value.
func ParseFormat(name string) (Format, error) {
	if name == "" || name == "auto" {
		return "", nil
	}
	formats := Formats()
	for _, f := range formats {
		if string(f) == name {
			return f, nil
		}
	}
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = string(f)
	}
	return "", fmt.Errorf("unknown input format %q: use auto or one of %s", name, strings.Join(names, ", "))
}

// ReadFile reads and parses one file. path "-" reads r instead.
func ReadFile(path string, stdin io.Reader, opts Options) (*Meeting, error) {
	opts.Source = path
	var data []byte
	if path == "-" {
		b, err := io.ReadAll(io.LimitReader(stdin, MaxInputBytes+1))
		if err != nil {
			return nil, &InputError{Source: "stdin", Reason: "cannot read standard input: " + err.Error(), Err: err}
		}
		data = b
	} else {
		st, err := os.Stat(path)
		switch {
		case errors.Is(err, os.ErrNotExist):
			return nil, &InputError{Source: path, Reason: "no such file: check the path", Err: err}
		case err != nil:
			return nil, &InputError{Source: path, Reason: "cannot read: " + unwrapPathError(err), Err: err}
		case st.IsDir():
			return nil, &InputError{Source: path, Reason: "is a directory: give a transcript file (use 'debrief week DIR' for a folder)"}
		case st.Size() > MaxInputBytes:
			return nil, tooBig(path, st.Size())
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, &InputError{Source: path, Reason: "cannot read: " + unwrapPathError(err), Err: err}
		}
		defer f.Close()
		data, err = io.ReadAll(io.LimitReader(f, MaxInputBytes+1))
		if err != nil {
			return nil, &InputError{Source: path, Reason: "cannot read: " + unwrapPathError(err), Err: err}
		}
	}
	if len(data) > MaxInputBytes {
		return nil, tooBig(opts.Source, int64(len(data)))
	}
	return Parse(data, opts)
}

func unwrapPathError(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func tooBig(src string, n int64) error {
	return &InputError{Source: src, Reason: fmt.Sprintf("input is %.0f MB, over the %d MB limit: split it into one file per meeting",
		float64(n)/(1<<20), MaxInputBytes>>20)}
}

// Parse reads one meeting from data.
func Parse(data []byte, opts Options) (*Meeting, error) {
	src := opts.Source
	if src == "-" {
		src = "stdin"
	}
	text, warnings, err := clean(data)
	if err != nil {
		return nil, &InputError{Source: src, Reason: err.Error()}
	}
	format := opts.Format
	if format == "" {
		format = detect(text, opts.Source)
	}
	if !isJSON(format) {
		if n, line := longestLine(text); n > MaxLineBytes {
			return nil, &InputError{Source: src, Reason: fmt.Sprintf("line %d is %.1f MB long: this is not a transcript or notes file", line, float64(n)/(1<<20))}
		}
	}
	parse, _ := parserFor(format)
	p, err := parse(text)
	if err != nil {
		return nil, &InputError{Source: src, Reason: fmt.Sprintf("cannot read as %s: %v", format, err), Err: err}
	}
	if p.Format != "" && opts.Format == "" {
		format = p.Format
	}
	m := &Meeting{
		Title:    p.Title,
		Source:   opts.Source,
		Format:   format,
		Turns:    p.Turns,
		Warnings: append(warnings, p.Warnings...),
	}
	if m.Turns == nil {
		m.Turns = []Turn{}
	}
	resolvePeople(m, p.Attendees, opts.Attendees, opts.Speakers)
	resolveDate(m, p.Date, opts)
	for _, t := range m.Turns {
		if t.Speaker != "" {
			m.HasSpeakers = true
		}
		if t.Start.Known() {
			m.HasTimes = true
		}
	}
	if len(m.Turns) == 0 && len(m.Attendees) == 0 {
		return nil, &InputError{Source: src, Reason: fmt.Sprintf("read as %s but found nothing said: check the file, or force a format with --input-format", format)}
	}
	return m, nil
}

func isJSON(f Format) bool {
	switch f {
	case FormatWhisper, FormatWhisperX, FormatAssemblyAI, FormatDeepgram:
		return true
	}
	return false
}

// clean turns raw bytes into text with LF endings and no BOM, repairing invalid UTF-8.
func clean(data []byte) (string, []string, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return "", nil, errors.New("input is empty: nothing to analyze")
	}
	if looksBinary(data) {
		return "", nil, errors.New("input is binary, not text: give a transcript (.vtt, .srt, .txt, .md or .json)")
	}
	var warnings []string
	if !utf8.Valid(data) {
		data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
		warnings = append(warnings, "input had invalid UTF-8; the bad bytes were replaced with \uFFFD")
	}
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	return string(data), warnings, nil
}

// looksBinary is true for NUL bytes or many control characters in the first 8 KB: the signs of
// an image, an archive or an audio file given by mistake.
func looksBinary(data []byte) bool {
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctrl := 0
	for _, b := range head {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			ctrl++
		}
	}
	return ctrl*100 > len(head)*2
}

func longestLine(text string) (n, line int) {
	ln := 1
	for len(text) > 0 {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			i = len(text)
		}
		if i > n {
			n, line = i, ln
		}
		if i == len(text) {
			break
		}
		text = text[i+1:]
		ln++
	}
	return n, line
}

// baseName is the file name without directories, or "" for stdin.
func baseName(source string) string {
	if source == "" || source == "-" {
		return ""
	}
	return filepath.Base(source)
}
