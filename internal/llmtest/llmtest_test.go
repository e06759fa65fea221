package llmtest

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
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

func post(t *testing.T, url string) *http.Response {
	t.Helper()
	resp, err := http.Post(url, "application/json", strings.NewReader(`{"model":"m"}`))
	if err != nil {
		t.Error(err)
		return nil
	}
	resp.Body.Close()
	return resp
}

func TestHoldUntilMeets(t *testing.T) {
	s := New(t)
	s.HoldUntil(3, 5*time.Second)
	s.Always(Reply{Content: "{}"})
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() { post(t, s.URL()+"/chat/completions") })
	}
	wg.Wait()
	if n := s.MaxInFlight(); n != 3 {
		t.Errorf("%d in flight at most, want 3", n)
	}
	// The hold is over: a fourth request alone is answered at once.
	if resp := post(t, s.URL()+"/chat/completions"); resp == nil || resp.StatusCode != 200 {
		t.Errorf("after the hold: %v", resp)
	}
}

func TestHoldUntilFailsAlone(t *testing.T) {
	rec := &recorder{TB: t}
	s := New(rec)
	s.HoldUntil(2, 20*time.Millisecond)
	s.Always(Reply{Content: "{}"})
	resp := post(t, s.URL()+"/chat/completions")
	rec.finish()
	if resp == nil || resp.StatusCode != 200 || len(rec.errors) != 1 || !strings.Contains(rec.errors[0], "never in flight at once") {
		t.Errorf("response %v, errors %q", resp, rec.errors)
	}
}

func TestAzurePath(t *testing.T) {
	s := New(t)
	s.Expect(Reply{Content: "{}"})
	resp := post(t, s.AzureURL()+"/openai/deployments/my-gpt-4.1/chat/completions?api-version=2024-08-01-preview")
	if resp == nil || resp.StatusCode != 200 {
		t.Fatalf("response %v", resp)
	}
	r := s.Requests()[0]
	if r.Deployment != "my-gpt-4.1" || r.Query.Get("api-version") != "2024-08-01-preview" {
		t.Errorf("deployment %q, query %v", r.Deployment, r.Query)
	}
}

func TestAzurePathWithoutVersionFails(t *testing.T) {
	rec := &recorder{TB: t}
	s := New(rec)
	s.Always(Reply{Content: "{}"})
	resp := post(t, s.AzureURL()+"/openai/deployments/d/chat/completions")
	rec.finish()
	if resp == nil || resp.StatusCode != 404 || len(rec.errors) != 1 || !strings.Contains(rec.errors[0], "api-version") {
		t.Errorf("response %v, errors %q", resp, rec.errors)
	}
}

func TestUnauthorizedQuotesAzureKey(t *testing.T) {
	s := New(t)
	s.Expect(Unauthorized())
	req, _ := http.NewRequest(http.MethodPost, s.AzureURL()+"/openai/deployments/d/chat/completions?api-version=v", strings.NewReader(`{}`))
	req.Header.Set("api-key", "azure-secret")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 401 || !strings.Contains(string(b), "azure-secret") {
		t.Errorf("status %d body %s", resp.StatusCode, b)
	}
}
