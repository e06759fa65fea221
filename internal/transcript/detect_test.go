package transcript

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// detectCorpus returns every line of the test transcripts, and lines made to sit at the edges of
// the cheap tests in front of detect's patterns.
func detectCorpus(t testing.TB) []string {
	t.Helper()
	var lines []string
	for _, dir := range []string{"../../testdata/formats", "../../testdata/meetings", "../../testdata/eval", "../../testdata/week"} {
		files, err := filepath.Glob(filepath.Join(dir, "*"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			lines = append(lines, strings.Split(string(b), "\n")...)
		}
	}
	return append(lines, "Ana Lopez  0:03", "Ana Lopez  1:02:03 \r", "Ana Lopez\t\t12:03\f", "Ana  3:0", "Ana  3:004",
		"Ana  :03", "Ana  03", "x  1:23\v", "", ":12", "a  1:2a")
}

// TestMayBeOtterHead checks that the cheap test in front of otterHeadRe never turns away a line
// the pattern matches, and does turn away lines that end in no time.
func TestMayBeOtterHead(t *testing.T) {
	matched := 0
	for _, l := range detectCorpus(t) {
		if otterHeadRe.MatchString(l) {
			matched++
			if !mayBeOtterHead(l) {
				t.Fatalf("otterHeadRe matches %q, but mayBeOtterHead is false", l)
			}
		}
	}
	if matched == 0 {
		t.Fatal("no line of the corpus is an Otter header: the test checks nothing")
	}
	for _, l := range []string{"Ana: we ship on Friday.", "Ana Lopez  0:0", "Ana  3:004", "[00:00:05] Ana: hi"} {
		if mayBeOtterHead(l) {
			t.Errorf("mayBeOtterHead(%q) = true, want false", l)
		}
	}
}

// TestMentionsTranscript checks the case-blind search for a Meet export's "transcript".
func TestMentionsTranscript(t *testing.T) {
	for text, want := range map[string]bool{
		"TRANSCRIPTION ENDED AFTER 00:41:07": true,
		"# Transcript\n00:00:00":             true,
		"Notes\n00:00:00\nAna: hi":           false,
	} {
		if got := mentionsTranscript(text); got != want {
			t.Errorf("mentionsTranscript(%q) = %v, want %v", text, got, want)
		}
	}
}

// BenchmarkDetect guesses the format of a long plain transcript with stamped "Name: text" lines.
func BenchmarkDetect(b *testing.B) {
	var sb strings.Builder
	for i := range 600 {
		sb.WriteString("[00:12:34] Ana Lopez: The main risk is the migration of the orders table because it has grown a lot since the spring, and we should keep the scope small.\n")
		if i%50 == 0 {
			sb.WriteString("\n")
		}
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if f := detect(text, "meeting.txt"); f != FormatPlain {
			b.Fatalf("detect = %v, want plain", f)
		}
	}
}
