package llm_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/debrief-cli/debrief/internal/llm"
	"github.com/debrief-cli/debrief/internal/llmtest"
)

const key = "sk-proj-UNITSECRET-abcdef123456"

func client(srv *llmtest.Server, waits *[]time.Duration) *llm.Client {
	var mu sync.Mutex
	return llm.New(llm.Config{
		BaseURL: srv.URL(), APIKey: key, Timeout: 100 * time.Millisecond,
		InitialBackoff: time.Millisecond, MaxBackoff: 2 * time.Millisecond, MaxRetryAfter: 40 * time.Millisecond,
		OnRetry: func(_ error, d time.Duration) {
			mu.Lock()
			defer mu.Unlock()
			if waits != nil {
				*waits = append(*waits, d)
			}
		},
	})
}

var hello = llm.Request{Model: "gpt-4o-mini", Messages: []llm.Message{{Role: "user", Content: "hi"}}}

func TestRetryAfterHonoured(t *testing.T) {
	tests := []struct {
		name  string
		reply llmtest.Reply
		want  time.Duration
	}{
		{"retry-after-ms", llmtest.RateLimited(30, 15), 15 * time.Millisecond},
		{"Retry-After seconds, capped", llmtest.RateLimited(30, 0), 40 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := llmtest.New(t)
			srv.Expect(tt.reply, llmtest.Reply{Content: "ok"})
			var waits []time.Duration
			start := time.Now()
			resp, err := client(srv, &waits).Complete(context.Background(), hello)
			if err != nil || resp.Content != "ok" {
				t.Fatalf("%v %+v", err, resp)
			}
			if len(waits) != 1 || waits[0] != tt.want {
				t.Errorf("waits %v, want [%v]", waits, tt.want)
			}
			if time.Since(start) < tt.want {
				t.Errorf("did not wait %v", tt.want)
			}
		})
	}
}

func TestRetriesGiveUp(t *testing.T) {
	srv := llmtest.New(t)
	srv.Expect(llmtest.ServerError(), llmtest.ServerError(), llmtest.ServerError(), llmtest.ServerError())
	_, err := client(srv, nil).Complete(context.Background(), hello)
	var se *llm.StatusError
	if !errors.As(err, &se) || se.Status != 500 {
		t.Errorf("error %v, want a StatusError 500", err)
	}
}

func TestTimeout(t *testing.T) {
	srv := llmtest.New(t)
	srv.Always(llmtest.Hang())
	c := llm.New(llm.Config{BaseURL: srv.URL(), Timeout: 20 * time.Millisecond, InitialBackoff: time.Millisecond, MaxBackoff: time.Millisecond})
	_, err := c.Complete(context.Background(), hello)
	var te *llm.TimeoutError
	if !errors.As(err, &te) || te.Tries != 4 || !strings.Contains(err.Error(), "--timeout") {
		t.Errorf("error %v, want a TimeoutError after 4 tries", err)
	}
}

func TestRateLimit(t *testing.T) {
	srv := llmtest.New(t)
	srv.Always(llmtest.Reply{Content: "ok"})
	c := llm.New(llm.Config{BaseURL: srv.URL(), RPS: 50})
	start := time.Now()
	for range 4 {
		if _, err := c.Complete(context.Background(), hello); err != nil {
			t.Fatal(err)
		}
	}
	if d := time.Since(start); d < 55*time.Millisecond {
		t.Errorf("4 requests at 50 rps took %v, want at least 60ms", d)
	}
}

func TestAuthErrorNeverHoldsTheKey(t *testing.T) {
	srv := llmtest.New(t)
	srv.Expect(llmtest.Unauthorized())
	c := llm.New(llm.Config{BaseURL: srv.URL(), APIKey: key, APIKeyVar: "WORK_KEY"})
	_, err := c.Complete(context.Background(), hello)
	var ae *llm.AuthError
	if !errors.As(err, &ae) || !strings.Contains(err.Error(), "WORK_KEY") {
		t.Fatalf("error %v", err)
	}
	if strings.Contains(err.Error(), key) || strings.Contains(err.Error(), "UNITSECRET") {
		t.Errorf("key in error: %v", err)
	}
}

func TestScrub(t *testing.T) {
	msg := "Incorrect API key provided: " + key + " (" + key[:8] + "****" + key[len(key)-6:] + ")"
	got := llm.Scrub(msg, key)
	if strings.Contains(got, key[:8]) || strings.Contains(got, key[len(key)-6:]) {
		t.Errorf("Scrub left the key: %q", got)
	}
}

func TestCache(t *testing.T) {
	c := &llm.Cache{Dir: filepath.Join(t.TempDir(), "llm")}
	k := llm.Key("model", "url", "prompts", "v1", "transcript")
	if k == llm.Key("model", "url", "prompts", "v1", "transcript!") || k == llm.Key("mode", "lurl", "prompts", "v1", "transcript") {
		t.Error("keys collide")
	}
	if _, ok, err := c.Get(k); ok || err != nil {
		t.Fatalf("empty cache: %v %v", ok, err)
	}
	if err := c.Put(k, []byte(`{"a":1}`)); err != nil {
		t.Fatal(err)
	}
	data, ok, err := c.Get(k)
	if !ok || err != nil || string(data) != `{"a":1}` {
		t.Fatalf("get: %q %v %v", data, ok, err)
	}
	st, _ := os.Stat(filepath.Join(c.Dir, k+".json"))
	dst, _ := os.Stat(c.Dir)
	if st.Mode().Perm() != 0o600 || dst.Mode().Perm() != 0o700 {
		t.Errorf("modes: file %v dir %v", st.Mode().Perm(), dst.Mode().Perm())
	}
	if n, err := c.Clear(); n != 1 || err != nil {
		t.Errorf("clear: %d %v", n, err)
	}
	var nilCache *llm.Cache
	if err := nilCache.Put(k, nil); err != nil {
		t.Error(err)
	}
}

func TestStructuredOutputRequest(t *testing.T) {
	srv := llmtest.New(t)
	srv.Expect(llmtest.Reply{Content: "{}"}, llmtest.Reply{Content: "{}"})
	c := client(srv, nil)
	req := hello
	req.Mode, req.SchemaName, req.Schema = llm.ModeSchema, "x", rawSchema(`{"type":"object"}`)
	if _, err := c.Complete(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	req.Mode = llm.ModeObject
	if _, err := c.Complete(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	rs := srv.Requests()
	if rf := rs[0].ResponseFormat; rf == nil || rf.Type != "json_schema" || !rf.JSONSchema.Strict || rf.JSONSchema.Name != "x" {
		t.Errorf("schema mode: %+v", rf)
	}
	if rf := rs[1].ResponseFormat; rf == nil || rf.Type != "json_object" || rf.JSONSchema != nil {
		t.Errorf("object mode: %+v", rf)
	}
}

type rawSchema string

func (r rawSchema) MarshalJSON() ([]byte, error) { return []byte(r), nil }

func TestCounter(t *testing.T) {
	c, err := llm.NewCounter("some-local-model")
	if err != nil {
		t.Fatal(err)
	}
	if n := c.Count("Ana Lopez: I'll send the deck by Friday."); n < 8 || n > 14 {
		t.Errorf("count %d", n)
	}
}

func azureClient(srv *llmtest.Server, version string) *llm.Client {
	return llm.New(llm.Config{
		BaseURL: srv.AzureURL(), APIKey: key, APIKeyVar: "AZURE_OPENAI_API_KEY", APIType: "azure", APIVersion: version,
		Timeout: 100 * time.Millisecond, InitialBackoff: time.Millisecond, MaxBackoff: 2 * time.Millisecond,
	})
}

// TestAzure: an Azure client sends the request to the deployment's path with the API version,
// the key in the api-key header and never as a bearer token, and reads the answer.
func TestAzure(t *testing.T) {
	tests := []struct{ name, version, wantVersion string }{
		{"default version", "", llm.DefaultAzureAPIVersion},
		{"configured version", "2024-10-21", "2024-10-21"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := llmtest.New(t)
			srv.Expect(llmtest.Reply{Content: `{"ok":true}`, PromptTokens: 7, CompletionTokens: 3})
			req := hello
			// A deployment name with "3.5" in it keeps its dots.
			req.Model = "team-gpt-3.5-turbo"
			resp, err := azureClient(srv, tt.version).Complete(context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			if resp.Content != `{"ok":true}` || resp.Usage != (llm.Usage{PromptTokens: 7, CompletionTokens: 3}) {
				t.Errorf("response %+v", resp)
			}
			r := srv.Requests()[0]
			if r.Path != "/openai/deployments/team-gpt-3.5-turbo/chat/completions" || r.Deployment != "team-gpt-3.5-turbo" {
				t.Errorf("path %q, deployment %q", r.Path, r.Deployment)
			}
			if v := r.Query.Get("api-version"); v != tt.wantVersion {
				t.Errorf("api-version %q, want %q", v, tt.wantVersion)
			}
			if h := r.Header.Get("api-key"); h != key {
				t.Errorf("api-key header %q", h)
			}
			if h := r.Header.Get("Authorization"); h != "" {
				t.Errorf("Authorization header %q: Azure keys go in api-key only", h)
			}
		})
	}
}

func TestAzureErrors(t *testing.T) {
	t.Run("401", func(t *testing.T) {
		srv := llmtest.New(t)
		srv.Expect(llmtest.Unauthorized())
		_, err := azureClient(srv, "").Complete(context.Background(), hello)
		var ae *llm.AuthError
		if !errors.As(err, &ae) || !strings.Contains(err.Error(), "AZURE_OPENAI_API_KEY") {
			t.Fatalf("error %v, want an AuthError naming AZURE_OPENAI_API_KEY", err)
		}
		if strings.Contains(err.Error(), key) || strings.Contains(err.Error(), "UNITSECRET") {
			t.Errorf("key in error: %v", err)
		}
	})
	t.Run("deployment not found", func(t *testing.T) {
		srv := llmtest.New(t)
		srv.Expect(llmtest.Reply{Status: 404, Body: `{"error":{"code":"DeploymentNotFound","message":"The API deployment for this resource does not exist."}}`})
		_, err := azureClient(srv, "").Complete(context.Background(), hello)
		var me *llm.ModelError
		if !errors.As(err, &me) || !strings.Contains(err.Error(), `Azure deployment "gpt-4o-mini"`) || !strings.Contains(err.Error(), "api_version") {
			t.Errorf("error %v, want a ModelError naming the deployment", err)
		}
	})
}
