// Package llmtest is a fake OpenAI-compatible server for tests: it answers chat completions
// from a queue of replies (recorded answers under testdata/llm/, or faults on demand), records
// every request for assertions, and fails the test when an expected call never came. It never
// touches the network beyond the loopback httptest server.
package llmtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Reply is one scripted answer to a chat completion.
type Reply struct {
	// Status is the HTTP status (default 200).
	Status int
	// Header is added to the response (Retry-After, retry-after-ms…).
	Header map[string]string
	// Body, when set, is sent as is instead of a completion built from Content.
	Body string
	// Content is the assistant's message in a normal completion.
	Content string
	// FinishReason defaults to "stop".
	FinishReason string
	// PromptTokens and CompletionTokens fill the usage block (defaults: a rough count).
	PromptTokens, CompletionTokens int
	// Hang makes the server wait until the client gives up (or the server closes).
	Hang bool
	// Func, when set, builds the reply from the request (an echo, a computed answer).
	Func func(Request) Reply
}

// Request is a chat completion the server received.
type Request struct {
	Path string
	// Query is the URL's query (Azure's api-version).
	Query  url.Values
	Header http.Header
	Body   []byte
	// Deployment is the Azure deployment the path names (/openai/deployments/NAME/...), or "".
	Deployment string
	// Model, Messages and ResponseFormat are decoded from Body.
	Model    string `json:"model"`
	Messages []struct {
		Role    string `json:"role"`
		Content string `json:"content"`
	} `json:"messages"`
	ResponseFormat *struct {
		Type       string `json:"type"`
		JSONSchema *struct {
			Name   string          `json:"name"`
			Strict bool            `json:"strict"`
			Schema json.RawMessage `json:"schema"`
		} `json:"json_schema"`
	} `json:"response_format"`
}

// Message returns the content of the first message with role, or "".
func (r Request) Message(role string) string {
	for _, m := range r.Messages {
		if m.Role == role {
			return m.Content
		}
	}
	return ""
}

// Server is the fake endpoint. Use URL() as the client's base URL.
type Server struct {
	*httptest.Server
	t testing.TB

	mu       sync.Mutex
	queue    []Reply
	fallback *Reply
	requests []Request
	models   []string
	latency  time.Duration
	done     chan struct{}

	// inFlight counts the chat completions being answered; maxInFlight is its high mark.
	inFlight, maxInFlight int
	// barrier, when not nil, holds every chat completion until barrierN are in flight.
	barrier        chan struct{}
	barrierN       int
	barrierTimeout time.Duration
}

// New starts a fake server and registers its shutdown with t. When the test ends, any reply
// still queued (an expected call that never came) fails the test.
func New(t testing.TB) *Server {
	t.Helper()
	s := &Server{t: t, models: []string{"gpt-4o-mini"}, done: make(chan struct{})}
	s.Server = httptest.NewServer(http.HandlerFunc(s.handle))
	t.Cleanup(func() {
		close(s.done)
		s.Close()
		s.mu.Lock()
		defer s.mu.Unlock()
		if n := len(s.queue); n > 0 {
			t.Errorf("llmtest: %d expected request(s) never came", n)
		}
	})
	return s
}

// URL is the base URL to give the client: the server's address with /v1.
func (s *Server) URL() string { return s.Server.URL + "/v1" }

// AzureURL is the base URL to give a client configured for Azure OpenAI: the server's address
// alone, as Azure's is the resource endpoint (https://NAME.openai.azure.com). Chat completions
// then come to /openai/deployments/DEPLOYMENT/chat/completions?api-version=VERSION.
func (s *Server) AzureURL() string { return s.Server.URL }

// Expect queues replies, answered in order, one per chat completion.
func (s *Server) Expect(replies ...Reply) *Server {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.queue = append(s.queue, replies...)
	return s
}

// Always answers every chat completion that finds the queue empty with r (benchmarks, reruns).
func (s *Server) Always(r Reply) *Server {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fallback = &r
	return s
}

// SetLatency delays every answer by d.
func (s *Server) SetLatency(d time.Duration) *Server {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.latency = d
	return s
}

// SetModels sets the ids /v1/models lists.
func (s *Server) SetModels(ids ...string) *Server {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.models = ids
	return s
}

// HoldUntil makes every chat completion wait, before it is answered, until n are in flight at
// once: proof that a client sends them concurrently. Once n have met, the hold is over for
// good. When they have not met within timeout, the test fails and the waiting requests are
// answered anyway, so that a client that sends one at a time fails instead of hanging.
func (s *Server) HoldUntil(n int, timeout time.Duration) *Server {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.barrier, s.barrierN, s.barrierTimeout = make(chan struct{}), n, timeout
	return s
}

// MaxInFlight returns the most chat completions that were being answered at once.
func (s *Server) MaxInFlight() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.maxInFlight
}

// Requests returns the chat completions received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Count returns how many chat completions were received.
func (s *Server) Count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.requests)
}

func (s *Server) handle(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	latency := s.latency
	s.mu.Unlock()
	if latency > 0 {
		select {
		case <-time.After(latency):
		case <-r.Context().Done():
			return
		}
	}
	if r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/models") {
		s.mu.Lock()
		var data []map[string]string
		for _, id := range s.models {
			data = append(data, map[string]string{"id": id, "object": "model", "owned_by": "llmtest"})
		}
		s.mu.Unlock()
		writeJSON(w, http.StatusOK, map[string]any{"object": "list", "data": data})
		return
	}
	if !strings.HasSuffix(r.URL.Path, "/chat/completions") {
		writeJSON(w, http.StatusNotFound, errorBody("no such endpoint: "+r.URL.Path))
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		// The client broke off while sending (a cancelled request): nothing to answer.
		return
	}
	req := Request{Path: r.URL.Path, Query: r.URL.Query(), Header: r.Header.Clone(), Body: body}
	if err := json.Unmarshal(body, &req); err != nil {
		s.t.Errorf("llmtest: request body is not JSON: %v", err)
	}
	if name, ok := azureDeployment(r.URL.Path); ok {
		req.Deployment = name
		if req.Query.Get("api-version") == "" {
			// Azure refuses a request without its API version.
			s.t.Errorf("llmtest: Azure request to %s without api-version", r.URL.Path)
			writeJSON(w, http.StatusNotFound, errorBody("Resource not found"))
			return
		}
	}
	s.mu.Lock()
	s.requests = append(s.requests, req)
	s.mu.Unlock()
	defer s.enter(r)()
	s.mu.Lock()
	var reply Reply
	switch {
	case len(s.queue) > 0:
		reply = s.queue[0]
		s.queue = s.queue[1:]
	case s.fallback != nil:
		reply = *s.fallback
	default:
		s.mu.Unlock()
		s.t.Errorf("llmtest: unexpected request %d to %s", len(s.requests), r.URL.Path)
		writeJSON(w, http.StatusInternalServerError, errorBody("llmtest: no reply queued"))
		return
	}
	s.mu.Unlock()
	if reply.Func != nil {
		reply = reply.Func(req)
	}
	s.write(w, r, req, reply)
}

// enter counts a chat completion in flight and holds it while a HoldUntil barrier is up; the
// function it returns counts it out.
func (s *Server) enter(r *http.Request) (leave func()) {
	s.mu.Lock()
	s.inFlight++
	s.maxInFlight = max(s.maxInFlight, s.inFlight)
	barrier, n, timeout := s.barrier, s.barrierN, s.barrierTimeout
	if barrier != nil && s.inFlight >= n {
		close(barrier)
		s.barrier = nil
		barrier = nil
	}
	s.mu.Unlock()
	leave = func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.inFlight--
	}
	if barrier == nil {
		return leave
	}
	select {
	case <-barrier:
	case <-r.Context().Done():
	case <-s.done:
	case <-time.After(timeout):
		s.t.Errorf("llmtest: %d requests were never in flight at once within %v", n, timeout)
		s.mu.Lock()
		if s.barrier == barrier {
			close(barrier)
			s.barrier = nil
		}
		s.mu.Unlock()
	}
	return leave
}

// azureDeployment returns the deployment named by an Azure OpenAI path,
// /openai/deployments/NAME/chat/completions.
func azureDeployment(path string) (string, bool) {
	rest, ok := strings.CutPrefix(path, "/openai/deployments/")
	if !ok {
		return "", false
	}
	name, _, ok := strings.Cut(rest, "/")
	return name, ok && name != ""
}

func (s *Server) write(w http.ResponseWriter, r *http.Request, req Request, reply Reply) {
	if reply.Hang {
		select {
		case <-r.Context().Done():
		case <-s.done:
		}
		return
	}
	for k, v := range reply.Header {
		w.Header().Set(k, v)
	}
	status := reply.Status
	if status == 0 {
		status = http.StatusOK
	}
	if reply.Body != "" {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		io.WriteString(w, reply.Body)
		return
	}
	finish := reply.FinishReason
	if finish == "" {
		finish = "stop"
	}
	pt, ct := reply.PromptTokens, reply.CompletionTokens
	if pt == 0 {
		pt = len(req.Body) / 4
	}
	if ct == 0 {
		ct = len(reply.Content) / 4
	}
	writeJSON(w, status, map[string]any{
		"id": "chatcmpl-test", "object": "chat.completion", "created": 1, "model": req.Model,
		"choices": []map[string]any{{
			"index": 0, "finish_reason": finish,
			"message": map[string]string{"role": "assistant", "content": reply.Content},
		}},
		"usage": map[string]int{"prompt_tokens": pt, "completion_tokens": ct, "total_tokens": pt + ct},
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func errorBody(msg string) map[string]any {
	return map[string]any{"error": map[string]any{"message": msg, "type": "invalid_request_error"}}
}

// Recorded returns a reply whose content is the recorded answer in file (a path under
// testdata/llm/), failing the test when it cannot be read.
func Recorded(t testing.TB, file string) Reply {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("llmtest: read recorded answer: %v", err)
	}
	return Reply{Content: string(b)}
}

// Answer returns a reply whose content is v encoded as JSON.
func Answer(t testing.TB, v any) Reply {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("llmtest: encode answer: %v", err)
	}
	return Reply{Content: string(b)}
}

// RateLimited is a 429 asking the client to wait: retry-after-ms when ms > 0, else Retry-After
// in whole seconds.
func RateLimited(seconds, ms int) Reply {
	h := map[string]string{"Retry-After": strconv.Itoa(seconds)}
	if ms > 0 {
		h["Retry-After-Ms"] = strconv.Itoa(ms)
	}
	return Reply{Status: http.StatusTooManyRequests, Header: h, Body: mustJSON(errorBody("Rate limit reached"))}
}

// ServerError is a 500.
func ServerError() Reply {
	return Reply{Status: http.StatusInternalServerError, Body: mustJSON(errorBody("internal error"))}
}

// Unauthorized is a 401 whose message quotes the key it was sent, as OpenAI's does, so tests
// can check the client never repeats it.
func Unauthorized() Reply {
	return Reply{Func: func(r Request) Reply {
		key := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if k := r.Header.Get("api-key"); k != "" {
			// Azure OpenAI sends the key in its own header.
			key = k
		}
		return Reply{Status: http.StatusUnauthorized, Body: mustJSON(errorBody(fmt.Sprintf("Incorrect API key provided: %s.", key)))}
	}}
}

// Hang never answers; the client's timeout must fire.
func Hang() Reply { return Reply{Hang: true} }

// InvalidJSON answers with content that is not JSON.
func InvalidJSON() Reply {
	return Reply{Content: `Sure! Here are the findings: {"commitments": [`}
}

// Truncated answers with JSON cut off at the length limit (finish_reason "length").
func Truncated() Reply {
	return Reply{Content: `{"commitments":[{"owner":"Ana Lopez","task":"send the`, FinishReason: "length"}
}

// SchemaBreaking answers with valid JSON of the wrong shape.
func SchemaBreaking() Reply {
	return Reply{Content: `{"commitments":"many","decisions":[{"decision":42}],"extra":true}`}
}

// Echo answers with fn's content computed from the request.
func Echo(fn func(Request) string) Reply {
	return Reply{Func: func(r Request) Reply { return Reply{Content: fn(r)} }}
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}
