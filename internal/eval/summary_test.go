package eval

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseGates(t *testing.T) {
	got, err := ParseGates(" commitments=0.8, decisions = 0.7,unexplained-decisions=0.75,")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{CategoryCommitments: 0.8, CategoryDecisions: 0.7, CategoryUnexplained: 0.75}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParseGates = %v, want %v", got, want)
	}
	if got, err := ParseGates(""); err != nil || len(got) != 0 {
		t.Errorf("ParseGates(\"\") = %v, %v: want no gates", got, err)
	}
	bad := []struct{ in, msg string }{
		{"commitment=0.8", "valid: commitments, decisions, unexplained_decisions, silent_attendees, unanswered_questions"},
		{"commitments", "CATEGORY=MIN_F1"},
		{"commitments=high", "from 0 to 1"},
		{"commitments=1.5", "from 0 to 1"},
		{"commitments=-0.1", "from 0 to 1"},
	}
	for _, b := range bad {
		_, err := ParseGates(b.in)
		if err == nil || !strings.Contains(err.Error(), b.msg) {
			t.Errorf("ParseGates(%q) error = %v, want one saying %q", b.in, err, b.msg)
		}
	}
}

func TestFailures(t *testing.T) {
	// Commitments F1 = 6/11 = 0.545; decisions labelled in one file with nothing in it (n/a);
	// the other categories labelled nowhere.
	s := Summarize([]FileResult{{Categories: []CategoryResult{
		{Category: CategoryCommitments, TP: 3, FP: 2, FN: 3},
		{Category: CategoryDecisions},
	}}})
	tests := []struct {
		gates string
		want  []string
	}{
		{"commitments=0.5", nil},
		{"commitments=0.545", nil},
		{"commitments=0.55", []string{"commitments: F1 0.545 is below the minimum 0.550"}},
		{"decisions=0.9", nil},
		{"silent_attendees=1,commitments=0.6", []string{
			"commitments: F1 0.545 is below the minimum 0.600",
			"silent_attendees: no file labels it, so F1 >= 1.00 cannot be checked",
		}},
	}
	for _, tt := range tests {
		gates, err := ParseGates(tt.gates)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.Failures(gates); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Failures(%s) = %q, want %q", tt.gates, got, tt.want)
		}
	}
}
