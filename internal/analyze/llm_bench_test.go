package analyze_test

import (
	"context"
	"testing"
	"time"

	"github.com/debrief-cli/debrief/internal/llm"
	"github.com/debrief-cli/debrief/internal/llmtest"
)

// benchServer is a fake endpoint that takes 200 ms to answer.
func benchServer(b *testing.B) *llmtest.Server {
	srv := llmtest.New(b)
	srv.SetLatency(200 * time.Millisecond)
	srv.Always(llmtest.Reply{Content: `{"commitments":[],"decisions":[],"unheard":[],"credits":[],"open_threads":[],"done":[]}`})
	return srv
}

// reportRequests reports requests and prompt tokens (counted with the tokenizer) per meeting.
func reportRequests(b *testing.B, srv *llmtest.Server, meetings int) {
	c, _ := llm.NewCounter("gpt-4o-mini")
	tokens := 0
	for _, r := range srv.Requests() {
		for _, m := range r.Messages {
			tokens += c.Count(m.Content)
		}
	}
	b.ReportMetric(float64(srv.Count())/float64(meetings), "requests/meeting")
	b.ReportMetric(float64(tokens)/float64(meetings), "prompt-tokens/meeting")
}

// BenchmarkLLMOneHourMeeting analyzes a one-hour meeting (about 10,000 words) with a
// 128k-token context and no cache: one request.
func BenchmarkLLMOneHourMeeting(b *testing.B) { benchOneHour(b, 0) }

// BenchmarkLLMOneHourMeeting8k is the same meeting with an 8k-token context: it is split.
func BenchmarkLLMOneHourMeeting8k(b *testing.B) { benchOneHour(b, 8000) }

// benchOneHour analyzes the one-hour meeting against the slow fake endpoint, with the given
// context size (0 keeps the engine's), and reports requests and tokens per meeting.
func benchOneHour(b *testing.B, contextTokens int) {
	m := longMeeting(b, 550)
	srv := benchServer(b)
	e := newEngine(b, srv, "")
	e.Client = llm.New(llm.Config{BaseURL: srv.URL(), Timeout: 5 * time.Second})
	if contextTokens > 0 {
		e.ContextTokens = contextTokens
	}
	b.ResetTimer()
	for range b.N {
		if _, err := e.Analyze(context.Background(), m, opts()); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	reportRequests(b, srv, b.N)
}

// BenchmarkLLMCachedRerun analyzes the same meeting again: the answer comes from the cache and
// no request is made.
func BenchmarkLLMCachedRerun(b *testing.B) {
	m := longMeeting(b, 550)
	srv := benchServer(b)
	e := newEngine(b, srv, b.TempDir())
	e.Client = llm.New(llm.Config{BaseURL: srv.URL(), Timeout: 5 * time.Second})
	f, err := e.Analyze(context.Background(), m, opts())
	if err != nil {
		b.Fatal(err)
	}
	if len(f.Engine.Warnings) > 0 || srv.Count() != 1 {
		b.Fatalf("the first run made %d requests and warned %q; want one clean request", srv.Count(), f.Engine.Warnings)
	}
	before := srv.Count()
	b.ResetTimer()
	for range b.N {
		if _, err := e.Analyze(context.Background(), m, opts()); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(srv.Count()-before)/float64(b.N), "requests/meeting")
}
