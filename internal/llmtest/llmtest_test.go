package llmtest

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// recorder is a testing.TB that records failures and runs cleanups on demand.
type recorder struct {
	testing.TB
	errors   []string
	cleanups []func()
}

func (r *recorder) Helper()          {}
func (r *recorder) Cleanup(f func()) { r.cleanups = append(r.cleanups, f) }
func (r *recorder) Errorf(format string, a ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, a...))
}
func (r *recorder) finish() {
	for i := len(r.cleanups) - 1; i >= 0; i-- {
		r.cleanups[i]()
	}
}

func TestExpectedCallNeverCame(t *testing.T) {
	rec := &recorder{TB: t}
	s := New(rec)
	s.Expect(Reply{Content: "{}"})
	rec.finish()
	if len(rec.errors) != 1 || !strings.Contains(rec.errors[0], "never came") {
		t.Errorf("errors %q, want one about the missing request", rec.errors)
	}
}

func TestUnexpectedCallFails(t *testing.T) {
	rec := &recorder{TB: t}
	s := New(rec)
	resp, err := http.Post(s.URL()+"/chat/completions", "application/json", strings.NewReader(`{"model":"m"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	rec.finish()
	if resp.StatusCode != 500 || len(rec.errors) != 1 || !strings.Contains(rec.errors[0], "unexpected request") {
		t.Errorf("status %d errors %q", resp.StatusCode, rec.errors)
	}
}
