package transcript

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// jsonParsers are the JSON format parsers by the format they are registered for.
var jsonParsers = map[string]parser{
	"whisper":    parseWhisper,
	"assemblyai": parseAssemblyAI,
	"deepgram":   parseDeepgram,
}

func TestParseJSONErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"truncated", "{\"segments\": [\n  {\"start\": 0", "invalid JSON at byte 28 (line 2): unexpected end of JSON input"},
		{"trailing comma", "{\"segments\": [1,]}", "invalid JSON at byte 17 (line 1): invalid character ']'"},
		{"trailing garbage", `{"segments": []} x`, "invalid JSON at byte 18"},
		{"not JSON", "Ana: hello", "invalid JSON at byte 1"},
		{"empty object", `{}`, "no segments or utterances found"},
		{"array", `[{"start": 0, "text": "hi"}]`, "no segments or utterances found"},
		{"number", `42`, "no segments or utterances found"},
		{"null", `null`, "no segments or utterances found"},
		{"segments object", `{"segments": {"text": "hi"}}`, "no segments or utterances found"},
		{"segments null", `{"segments": null, "text": "hello"}`, "no segments or utterances found"},
		{"utterances string", `{"utterances": "A: hi"}`, "no segments or utterances found"},
		{"results array", `{"results": []}`, "no segments or utterances found"},
		{"deepgram no channels", `{"results": {"channels": []}}`, "no segments or utterances found"},
		{"deepgram no words", `{"results": {"channels": [{"alternatives": [{"transcript": "hi"}]}]}}`, "no segments or utterances found"},
	}
	for _, tt := range tests {
		for name, parse := range jsonParsers {
			t.Run(name+"/"+tt.name, func(t *testing.T) {
				p, err := parse(tt.in)
				if err == nil {
					t.Fatalf("got %d turns, want error %q", len(p.Turns), tt.want)
				}
				if !strings.Contains(err.Error(), tt.want) {
					t.Errorf("error %q, want it to contain %q", err, tt.want)
				}
			})
		}
	}
}

// turn is a Turn without spans, for comparing in tables.
type turn struct {
	Speaker    string
	Start, End Seconds
	Text       string
	Line       int
}

func TestParseJSON(t *testing.T) {
	const U = Unknown
	tests := []struct {
		name   string
		parse  parser
		in     string
		format Format
		want   []turn
	}{
		{
			name:  "whisper pretty-printed lines",
			parse: parseWhisper,
			in: `{
  "text": " Hello. Bye.",
  "segments": [
    {
      "id": 0, "start": 0.0, "end": 2.4,
      "text": " Hello."
    },
    {"id": 1, "start": 2.4, "end": 3.0, "text": " Bye. "}
  ],
  "language": "en"
}`,
			format: FormatWhisper,
			want:   []turn{{"", 0, 2.4, "Hello.", 4}, {"", 2.4, 3, "Bye.", 8}},
		},
		{
			name:   "whisper odd values are unknown",
			parse:  parseWhisper,
			in:     `{"segments": [{"start": null, "end": "2", "text": "a"}, {"start": -1, "end": 1e400, "text": "b"}, {"start": 1e300, "end": true, "text": "c"}, {"start": 5, "end": 4, "text": "d"}]}`,
			format: FormatWhisper,
			want:   []turn{{"", U, U, "a", 1}, {"", U, U, "b", 1}, {"", U, U, "c", 1}, {"", 5, U, "d", 1}},
		},
		{
			name:   "whisper skips empty and malformed segments",
			parse:  parseWhisper,
			in:     `{"segments": [1, "x", null, [], {"text": 7}, {"text": "   "}, {"start": 1, "words": "x", "text": "kept"}]}`,
			format: FormatWhisper,
			want:   []turn{{"", 1, U, "kept", 1}},
		},
		{
			name:   "whisper escapes",
			parse:  parseWhisper,
			in:     `{"segments": [{"start": 0, "end": 1, "text": " caf\u00e9 \"ok\"\n"}]}`,
			format: FormatWhisper,
			want:   []turn{{"", 0, 1, `café "ok"`, 1}},
		},
		{
			name:   "whisper does not merge unlabelled segments",
			parse:  parseWhisper,
			in:     `{"segments": [{"start": 0, "end": 1, "text": "a"}, {"start": 1, "end": 2, "text": "b"}]}`,
			format: FormatWhisper,
			want:   []turn{{"", 0, 1, "a", 1}, {"", 1, 2, "b", 1}},
		},
		{
			name:  "whisperx merges close segments of one speaker",
			parse: parseWhisper,
			in: `{"segments": [
{"start": 0, "end": 1, "text": "a", "speaker": "SPEAKER_00"},
{"start": 1.5, "end": 2, "text": "b", "speaker": "SPEAKER_00"},
{"start": 3.2, "end": 4, "text": "c", "speaker": "SPEAKER_00"},
{"start": 4, "end": 5, "text": "d", "speaker": "SPEAKER_01"},
{"start": 5, "end": 6, "text": "e"}
]}`,
			format: FormatWhisperX,
			want: []turn{
				{"SPEAKER_00", 0, 2, "a b", 2},
				{"SPEAKER_00", 3.2, 4, "c", 4},
				{"SPEAKER_01", 4, 5, "d", 5},
				{"", 5, 6, "e", 6},
			},
		},
		{
			name:  "whisperx speaker from the majority of words",
			parse: parseWhisper,
			in: `{"segments": [
{"start": 0, "end": 1, "text": "a", "words": [{"word": "a", "speaker": "SPEAKER_00"}, {"word": "b", "speaker": "SPEAKER_01"}, {"word": "c"}, {"word": "d", "speaker": "SPEAKER_01"}]},
{"start": 2, "end": 3, "text": "b", "words": [{"word": "a", "speaker": "SPEAKER_02"}, {"word": "b", "speaker": "SPEAKER_00"}]},
{"start": 4, "end": 5, "text": "c", "words": [{"word": "a"}, 5, null]}
]}`,
			format: FormatWhisperX,
			want:   []turn{{"SPEAKER_01", 0, 1, "a", 2}, {"SPEAKER_02", 2, 3, "b", 3}, {"", 4, 5, "c", 4}},
		},
		{
			name:   "whisper duplicate key: the last one counts",
			parse:  parseWhisper,
			in:     `{"segments": [{"text": "old"}], "segments": [{"text": "new", "text": "newer"}]}`,
			format: FormatWhisper,
			want:   []turn{{"", U, U, "newer", 1}},
		},
		{
			name:   "assemblyai milliseconds",
			parse:  parseAssemblyAI,
			in:     `{"utterances": [{"speaker": "A", "text": " Hi there. ", "start": 250, "end": 26950, "confidence": 0.9}, {"speaker": 2, "text": "x", "start": "1", "end": -5}], "text": "Hi there."}`,
			format: FormatAssemblyAI,
			want:   []turn{{"A", 0.25, 26.95, "Hi there.", 1}, {"Speaker 2", U, U, "x", 1}},
		},
		{
			name:  "assemblyai words by speaker",
			parse: parseAssemblyAI,
			in: `{"utterances": null, "words": [
{"text": "Hello,", "start": 0, "end": 400, "speaker": "A"},
{"text": "all.", "start": 450, "end": 800, "speaker": null},
{"text": "Hi", "start": 900, "end": 1100, "speaker": "B"},
{"text": "Ana.", "start": 1150, "end": 1400, "speaker": "B"},
{"text": "Later", "start": 4000, "end": 4400, "speaker": "B"},
{"text": "", "start": 4400, "end": 4500, "speaker": "A"}
]}`,
			format: FormatAssemblyAI,
			want:   []turn{{"A", 0, 0.8, "Hello, all.", 2}, {"B", 0.9, 1.4, "Hi Ana.", 4}, {"B", 4, 4.4, "Later", 6}},
		},
		{
			name:  "assemblyai unlabelled words after a sentence end go to the next speaker",
			parse: parseAssemblyAI,
			in: `{"utterances": null, "words": [
{"text": "x", "speaker": null},
{"text": "Ready?", "speaker": "A"},
{"text": "We", "speaker": null},
{"text": "are", "speaker": "B"},
{"text": "set", "speaker": null}
]}`,
			format: FormatAssemblyAI,
			want:   []turn{{"A", U, U, "x Ready?", 2}, {"B", U, U, "We are set", 4}},
		},
		{
			name:   "assemblyai empty utterances fall back to words without speakers",
			parse:  parseAssemblyAI,
			in:     `{"utterances": [], "words": [{"text": "One.", "start": 0, "end": 300}, {"text": "Two", "start": 350, "end": 600}, {"text": "three", "start": 650, "end": 900}, {"text": "four", "start": 2500, "end": 2800}]}`,
			format: FormatAssemblyAI,
			want:   []turn{{"", 0, 0.3, "One.", 1}, {"", 0.35, 0.9, "Two three", 1}, {"", 2.5, 2.8, "four", 1}},
		},
		{
			name:  "deepgram utterances",
			parse: parseDeepgram,
			in: `{"metadata": {"channels": 1}, "results": {"channels": [{"alternatives": [{"transcript": "x", "words": []}]}],
"utterances": [
  {"start": 0.5, "end": 2.25, "transcript": "Morning.", "speaker": 0},
  {"start": 2.5, "end": 3, "transcript": "Hi.", "speaker": 1.5},
  {"start": 3, "end": 4, "transcript": "Yo.", "speaker": -1},
  {"start": 4, "end": 5, "transcript": "Hey.", "speaker": "host"},
  {"start": 5, "end": 6, "transcript": "Big.", "speaker": 1e30}
]}}`,
			format: FormatDeepgram,
			want: []turn{
				{"Speaker 0", 0.5, 2.25, "Morning.", 3},
				{"", 2.5, 3, "Hi.", 4},
				{"", 3, 4, "Yo.", 5},
				{"host", 4, 5, "Hey.", 6},
				{"", 5, 6, "Big.", 7},
			},
		},
		{
			name:  "deepgram words by speaker and pause",
			parse: parseDeepgram,
			in: `{"results": {"utterances": [], "channels": [{"alternatives": [{"words": [
{"word": "so", "punctuated_word": "So,", "start": 0, "end": 0.2, "speaker": 0},
{"word": "yes", "start": 0.3, "end": 0.5, "speaker": 0},
{"word": "ok", "punctuated_word": "Okay.", "start": 0.6, "end": 0.9, "speaker": 1},
{"word": "next", "punctuated_word": "Next", "start": 2.5, "end": 2.9, "speaker": 1}
]}]}]}}`,
			format: FormatDeepgram,
			want:   []turn{{"Speaker 0", 0, 0.5, "So, yes", 2}, {"Speaker 1", 0.6, 0.9, "Okay.", 4}, {"Speaker 1", 2.5, 2.9, "Next", 5}},
		},
		{
			name:   "deepgram parser reads an assemblyai file",
			parse:  parseDeepgram,
			in:     `{"words": [{"text": "results"}], "utterances": [{"speaker": "A", "text": "Hi.", "start": 1000, "end": 2000}]}`,
			format: FormatAssemblyAI,
			want:   []turn{{"A", 1, 2, "Hi.", 1}},
		},
		{
			name:   "assemblyai parser reads a whisper file",
			parse:  parseAssemblyAI,
			in:     `{"text": "Hi.", "segments": [{"start": 1, "end": 2, "text": "Hi."}]}`,
			format: FormatWhisper,
			want:   []turn{{"", 1, 2, "Hi.", 1}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := tt.parse(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if p.Format != tt.format {
				t.Errorf("format %q, want %q", p.Format, tt.format)
			}
			var got []turn
			for _, x := range p.Turns {
				got = append(got, turn{x.Speaker, x.Start, x.End, x.Text, x.Line})
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("turns\n got %v\nwant %v", got, tt.want)
			}
		})
	}
}

func TestParseJSONSpans(t *testing.T) {
	in := `{"segments": [
{"start": 0, "end": 1, "text": "first", "speaker": "SPEAKER_00"},
{"start": 1.2, "end": 2, "text": "second", "speaker": "SPEAKER_00"}
]}`
	p, err := parseWhisper(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Turns) != 1 {
		t.Fatalf("got %d turns, want 1", len(p.Turns))
	}
	tr := p.Turns[0]
	if got := tr.LineOf(strings.Index(tr.Text, "second")); got != 3 {
		t.Errorf("line of the second segment's text = %d, want 3", got)
	}
	if got := tr.LineOf(0); got != 2 {
		t.Errorf("line of the first segment's text = %d, want 2", got)
	}
}

func TestParseJSONWarnings(t *testing.T) {
	p, err := parseWhisper(`{"segments": [{"start": -3, "end": "x", "text": "a"}, {"start": null, "text": "b"}]}`)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Warnings) != 1 || !strings.HasPrefix(p.Warnings[0], "2 start or end times") {
		t.Errorf("warnings %q, want one about 2 times", p.Warnings)
	}
}

// TestParseJSONMeeting checks what the rest of debrief sees: speakers known or not, labels
// mapped with --speakers.
func TestParseJSONMeeting(t *testing.T) {
	m, err := ReadFile(formatsDir+"/whisper-basic.json", nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if m.HasSpeakers || !m.HasTimes || m.Format != FormatWhisper {
		t.Errorf("whisper: HasSpeakers %v HasTimes %v Format %s, want false true whisper", m.HasSpeakers, m.HasTimes, m.Format)
	}
	m, err = ReadFile(formatsDir+"/deepgram-utterances.json", nil, Options{Speakers: map[string]string{"Speaker 0": "Ana Ruiz"}})
	if err != nil {
		t.Fatal(err)
	}
	if !m.HasSpeakers || m.Turns[0].Speaker != "Ana Ruiz" {
		t.Errorf("deepgram: HasSpeakers %v, first speaker %q, want Ana Ruiz", m.HasSpeakers, m.Turns[0].Speaker)
	}
}

// fuzzJSON checks that a JSON parser and Parse never panic and that every turn they return
// is well formed.
func fuzzJSON(f *testing.F, prefix string, parse parser) {
	for _, b := range fixtures(f, prefix) {
		f.Add(b)
	}
	f.Add([]byte(`{"segments":[{"start":1e999,"end":-0,"text":"\ud800","speaker":1.0,"words":[{"speaker":[]}]}]}`))
	f.Add([]byte(`{"results":{"channels":[{"alternatives":[{"words":[{"word":"a","speaker":"0"}]}]}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		text := string(data)
		if p, err := parse(text); err == nil {
			lines := strings.Count(text, "\n") + 1
			for _, tr := range p.Turns {
				if tr.Line < 1 || tr.Line > lines {
					t.Errorf("turn line %d outside 1..%d", tr.Line, lines)
				}
				if tr.Text == "" || tr.Text != strings.TrimSpace(tr.Text) {
					t.Errorf("turn text %q is empty or untrimmed", tr.Text)
				}
				for _, s := range []Seconds{tr.Start, tr.End} {
					if s != Unknown && (s < 0 || s > maxTime) {
						t.Errorf("time %v is neither known nor Unknown", s)
					}
				}
			}
		}
		_, _ = Parse(data, Options{})
	})
}

func FuzzParseWhisper(f *testing.F)    { fuzzJSON(f, "whisper", parseWhisper) }
func FuzzParseAssemblyAI(f *testing.F) { fuzzJSON(f, "assemblyai", parseAssemblyAI) }
func FuzzParseDeepgram(f *testing.F)   { fuzzJSON(f, "deepgram", parseDeepgram) }

// hourMeeting is a generated one-hour meeting: four speakers taking turns of 2-8 seconds.
type benchSegment struct {
	speaker    int
	start, end float64
	words      []benchWord
}

type benchWord struct {
	text       string
	start, end float64
}

func hourMeeting() []benchSegment {
	vocab := strings.Fields("okay so the plan for the release is to freeze on Monday and ship the beta " +
		"on Thursday I'll send the timeline we decided to move dark mode to the next sprint can you " +
		"check the load test results before Friday yes that works for me")
	r := rand.New(rand.NewPCG(1, 2))
	var segs []benchSegment
	t := 0.0
	for t < 3600 {
		s := benchSegment{speaker: r.IntN(4), start: t}
		n := 5 + r.IntN(20)
		for i := 0; i < n; i++ {
			w := benchWord{text: vocab[r.IntN(len(vocab))], start: t, end: t + 0.3}
			if i == n-1 {
				w.text += "."
			}
			s.words = append(s.words, w)
			t += 0.35
		}
		s.end = t
		segs = append(segs, s)
		t += 0.2 + r.Float64()*2
	}
	return segs
}

func (s benchSegment) text() string {
	parts := make([]string, len(s.words))
	for i, w := range s.words {
		parts[i] = w.text
	}
	return strings.Join(parts, " ")
}

// benchDoc renders the generated meeting in one of the JSON shapes, pretty-printed as the
// services' SDKs save it.
func benchDoc(b *testing.B, shape string) string {
	segs := hourMeeting()
	var doc any
	switch shape {
	case "whisper", "whisperx":
		var out []map[string]any
		for _, s := range segs {
			m := map[string]any{"start": s.start, "end": s.end, "text": " " + s.text()}
			if shape == "whisperx" {
				label := fmt.Sprintf("SPEAKER_%02d", s.speaker)
				m["speaker"] = label
				var ws []map[string]any
				for _, w := range s.words {
					ws = append(ws, map[string]any{"word": w.text, "start": w.start, "end": w.end, "score": 0.9, "speaker": label})
				}
				m["words"] = ws
			}
			out = append(out, m)
		}
		doc = map[string]any{"segments": out, "language": "en"}
	case "assemblyai":
		var utts []map[string]any
		for _, s := range segs {
			label := string(rune('A' + s.speaker))
			var ws []map[string]any
			for _, w := range s.words {
				ws = append(ws, map[string]any{"text": w.text, "start": int(w.start * 1000), "end": int(w.end * 1000), "confidence": 0.9, "speaker": label})
			}
			utts = append(utts, map[string]any{"speaker": label, "text": s.text(), "start": int(s.start * 1000), "end": int(s.end * 1000), "confidence": 0.9, "words": ws})
		}
		doc = map[string]any{"utterances": utts}
	case "deepgram", "deepgram-words":
		var utts, words []map[string]any
		for _, s := range segs {
			var ws []map[string]any
			for _, w := range s.words {
				ws = append(ws, map[string]any{"word": strings.TrimSuffix(w.text, "."), "punctuated_word": w.text, "start": w.start, "end": w.end, "confidence": 0.9, "speaker": s.speaker})
			}
			words = append(words, ws...)
			utts = append(utts, map[string]any{"start": s.start, "end": s.end, "transcript": s.text(), "speaker": s.speaker, "channel": 0, "words": ws})
		}
		results := map[string]any{"channels": []any{map[string]any{"alternatives": []any{map[string]any{"words": words}}}}}
		if shape == "deepgram" {
			results["utterances"] = utts
		}
		doc = map[string]any{"metadata": map[string]any{"duration": 3600}, "results": results}
	}
	out, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		b.Fatal(err)
	}
	return string(out)
}

func benchParse(b *testing.B, shape string, parse parser) {
	text := benchDoc(b, shape)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		p, err := parse(text)
		if err != nil || len(p.Turns) == 0 {
			b.Fatalf("got %v turns, err %v", p, err)
		}
	}
}

func BenchmarkParseWhisper(b *testing.B)       { benchParse(b, "whisper", parseWhisper) }
func BenchmarkParseWhisperX(b *testing.B)      { benchParse(b, "whisperx", parseWhisper) }
func BenchmarkParseAssemblyAI(b *testing.B)    { benchParse(b, "assemblyai", parseAssemblyAI) }
func BenchmarkParseDeepgram(b *testing.B)      { benchParse(b, "deepgram", parseDeepgram) }
func BenchmarkParseDeepgramWords(b *testing.B) { benchParse(b, "deepgram-words", parseDeepgram) }
