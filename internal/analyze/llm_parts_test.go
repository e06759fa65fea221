package analyze_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/debrief-cli/debrief/internal/analyze"
	"github.com/debrief-cli/debrief/internal/llm"
	"github.com/debrief-cli/debrief/internal/llmtest"
	"github.com/debrief-cli/debrief/internal/transcript"
)

// The tests in this file split a meeting of 550 turns with a 6,400-token context: six parts,
// more than DefaultPartsAtOnce.
const (
	splitTurns   = 550
	splitContext = 6400
	splitParts   = 6
)

// splitEngine returns an engine that splits longMeeting(splitTurns) into splitParts parts.
func splitEngine(t *testing.T, srv *llmtest.Server) (*analyze.LLM, *transcript.Meeting) {
	t.Helper()
	e := newEngine(t, srv, "")
	e.ContextTokens = splitContext
	// Several parts answered at once under -race on a busy machine can take longer than the
	// tiny timeout of newEngine; the retries stay quick.
	e.Client = llm.New(llm.Config{
		BaseURL: srv.URL(), APIKey: testKey, Timeout: 10 * time.Second,
		InitialBackoff: time.Millisecond, MaxBackoff: 5 * time.Millisecond, MaxRetryAfter: 50 * time.Millisecond,
	})
	return e, longMeeting(t, splitTurns)
}

// partOf reads "part i of n" from a user message; a meeting that is not split is part 1 of 1.
func partOf(user string) (part, parts int) {
	at := strings.Index(user, "This is part ")
	if at < 0 {
		return 1, 1
	}
	if _, err := fmt.Sscanf(user[at:], "This is part %d of %d", &part, &parts); err != nil {
		return 0, 0
	}
	return part, parts
}

// partAnswer answers a part of longMeeting with a commitment for every third line it was
// sent, whose task names the part. A line in the overlap of two parts is reported by both,
// with different tasks: the merge must keep the earlier part's.
func partAnswer(r llmtest.Request) llmtest.Reply {
	user := r.Message("user")
	part, _ := partOf(user)
	var a struct {
		Commitments []map[string]any `json:"commitments"`
		Decisions   []any            `json:"decisions"`
		Unheard     []any            `json:"unheard"`
		Credits     []any            `json:"credits"`
		OpenThreads []any            `json:"open_threads"`
		Done        []any            `json:"done"`
	}
	a.Commitments, a.Decisions, a.Unheard, a.Credits, a.OpenThreads, a.Done = []map[string]any{}, []any{}, []any{}, []any{}, []any{}, []any{}
	for _, l := range strings.Split(user, "\n") {
		var line int
		if _, err := fmt.Sscanf(l, "L%d ", &line); err != nil || line%3 != 0 {
			continue
		}
		speaker, text, _ := strings.Cut(l[strings.Index(l, " ")+1:], ": ")
		quote, _, _ := strings.Cut(text, ",")
		a.Commitments = append(a.Commitments, map[string]any{
			"owner": speaker, "task": fmt.Sprintf("line %d, part %d", line, part), "due": "", "due_text": "",
			"conditional": false, "line": line, "quote": quote,
			"acceptance_line": 0, "acceptance_quote": "",
		})
	}
	b, _ := json.Marshal(a)
	return llmtest.Reply{Content: string(b), PromptTokens: 1000 + part, CompletionTokens: 10 * part}
}

// usageCompleter adds up the usage of every answer the engine was given.
type usageCompleter struct {
	inner analyze.Completer
	mu    sync.Mutex
	usage llm.Usage
}

func (c *usageCompleter) Complete(ctx context.Context, req llm.Request) (llm.Response, error) {
	resp, err := c.inner.Complete(ctx, req)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.usage.PromptTokens += resp.Usage.PromptTokens
	c.usage.CompletionTokens += resp.Usage.CompletionTokens
	return resp, err
}

// TestLLMPartsAtOnce: the parts are requested at once, never more than DefaultPartsAtOnce,
// and the tokens of every part are counted.
func TestLLMPartsAtOnce(t *testing.T) {
	srv := llmtest.New(t)
	srv.HoldUntil(analyze.DefaultPartsAtOnce, 5*time.Second)
	srv.Always(llmtest.Reply{Func: partAnswer})
	e, m := splitEngine(t, srv)
	// The client (splitEngine's) waits longer than the server holds, so a client that sends
	// one part at a time fails on the hold.
	f, err := e.Analyze(context.Background(), m, opts())
	if err != nil {
		t.Fatal(err)
	}
	if f.Engine.Name != "llm" || len(f.Engine.Warnings) > 0 {
		t.Fatalf("engine %+v", f.Engine)
	}
	if n := srv.Count(); n != splitParts {
		t.Errorf("%d requests, want %d parts", n, splitParts)
	}
	if n := srv.MaxInFlight(); n != analyze.DefaultPartsAtOnce {
		t.Errorf("%d requests in flight at most, want %d", n, analyze.DefaultPartsAtOnce)
	}
	// Part i reports 1000+i prompt and 10*i completion tokens.
	want := analyze.Usage{PromptTokens: 1000*splitParts + 21, CompletionTokens: 210}
	if f.Engine.Usage != want {
		t.Errorf("usage %+v, want %+v", f.Engine.Usage, want)
	}
}

// reverseCompleter hands the engine the answers to a meeting's parts last part first: the
// answer to part i waits until part i+1's has been returned.
type reverseCompleter struct {
	inner    analyze.Completer
	returned []chan struct{} // returned[i] closes when part i+1's answer is returned
	mu       sync.Mutex
	order    []int
}

func newReverseCompleter(inner analyze.Completer, parts int) *reverseCompleter {
	c := &reverseCompleter{inner: inner}
	for range parts {
		c.returned = append(c.returned, make(chan struct{}))
	}
	return c
}

func (c *reverseCompleter) Complete(ctx context.Context, req llm.Request) (llm.Response, error) {
	resp, err := c.inner.Complete(ctx, req)
	part, _ := partOf(req.Messages[len(req.Messages)-1].Content)
	if part < 1 || part > len(c.returned) {
		return llm.Response{}, fmt.Errorf("request for part %d of %d", part, len(c.returned))
	}
	if part < len(c.returned) {
		select {
		case <-c.returned[part]:
		case <-ctx.Done():
			return llm.Response{}, ctx.Err()
		case <-time.After(5 * time.Second):
			return llm.Response{}, fmt.Errorf("part %d never came back: the parts are not requested at once", part+1)
		}
	}
	c.mu.Lock()
	c.order = append(c.order, part)
	c.mu.Unlock()
	close(c.returned[part-1])
	return resp, err
}

// TestLLMPartsMergeInPartOrder: answers that come back last part first give the same findings
// as parts asked one at a time, so the earlier part's version of an overlapping item is kept.
func TestLLMPartsMergeInPartOrder(t *testing.T) {
	analyzeWith := func(t *testing.T, setup func(e *analyze.LLM)) (*analyze.Findings, []llmtest.Request) {
		srv := llmtest.New(t)
		srv.Always(llmtest.Reply{Func: partAnswer})
		e, m := splitEngine(t, srv)
		setup(e)
		f, err := e.Analyze(context.Background(), m, opts())
		if err != nil {
			t.Fatal(err)
		}
		if f.Engine.Name != "llm" || len(f.Engine.Warnings) > 0 {
			t.Fatalf("engine %+v", f.Engine)
		}
		return f, srv.Requests()
	}
	sequential, _ := analyzeWith(t, func(e *analyze.LLM) { e.PartsAtOnce = 1 })
	var rc *reverseCompleter
	reversed, reqs := analyzeWith(t, func(e *analyze.LLM) {
		e.PartsAtOnce = splitParts
		rc = newReverseCompleter(e.Client, splitParts)
		e.Client = rc
	})
	if want := []int{6, 5, 4, 3, 2, 1}; fmt.Sprint(rc.order) != fmt.Sprint(want) {
		t.Fatalf("answers came back in the order %v, want %v", rc.order, want)
	}
	a, _ := json.Marshal(sequential)
	b, _ := json.Marshal(reversed)
	if string(a) != string(b) {
		t.Errorf("findings differ with the answers in reverse order:\n%s\n%s", a, b)
	}
	// The first part each line was sent in: the overlap sends some lines twice, and the
	// earlier part's item must be the one kept.
	firstPart, twice := map[int]int{}, 0
	for _, r := range reqs {
		part, _ := partOf(r.Message("user"))
		for _, l := range strings.Split(r.Message("user"), "\n") {
			var line int
			if _, err := fmt.Sscanf(l, "L%d ", &line); err != nil || line%3 != 0 {
				continue
			}
			if p, ok := firstPart[line]; !ok || part < p {
				if ok {
					twice++
				}
				firstPart[line] = part
			} else {
				twice++
			}
		}
	}
	if twice == 0 {
		t.Fatal("no reported line is in two parts: the test proves nothing")
	}
	for _, c := range reversed.Commitments {
		var line, part int
		if _, err := fmt.Sscanf(c.Task, "line %d, part %d", &line, &part); err == nil && part != firstPart[line] {
			t.Errorf("line %d kept from part %d, not from part %d, the first that has it", line, part, firstPart[line])
		}
	}
}

// TestLLMPartFails: a part that fails after the retries gives the offline findings and a
// warning, as a meeting in one part does, with the tokens of the parts that answered counted;
// a refused key stops the meeting with an error that does not hold the key.
func TestLLMPartFails(t *testing.T) {
	failing := func(fail llmtest.Reply) llmtest.Reply {
		return llmtest.Reply{Func: func(r llmtest.Request) llmtest.Reply {
			if part, _ := partOf(r.Message("user")); part == 2 {
				if fail.Func != nil {
					return fail.Func(r)
				}
				return fail
			}
			return partAnswer(r)
		}}
	}
	t.Run("500 on every try", func(t *testing.T) {
		srv := llmtest.New(t)
		srv.Always(failing(llmtest.ServerError()))
		e, m := splitEngine(t, srv)
		uc := &usageCompleter{inner: e.Client}
		e.Client = uc
		off, _ := analyze.Offline{}.Analyze(context.Background(), m, opts())
		f, err := e.Analyze(context.Background(), m, opts())
		if err != nil {
			t.Fatal(err)
		}
		if f.Engine.Name != "offline" || len(f.Engine.Warnings) != 1 || !strings.Contains(f.Engine.Warnings[0], "HTTP 500") {
			t.Fatalf("engine %+v, want the offline findings with a warning about HTTP 500", f.Engine)
		}
		if len(f.Commitments) != len(off.Commitments) || len(f.Participation) != len(off.Participation) {
			t.Errorf("findings lost: %d commitments, %d participants", len(f.Commitments), len(f.Participation))
		}
		if got := (llm.Usage{PromptTokens: f.Engine.Usage.PromptTokens, CompletionTokens: f.Engine.Usage.CompletionTokens}); got != uc.usage || got.PromptTokens == 0 {
			t.Errorf("usage %+v, want %+v (the parts that answered)", got, uc.usage)
		}
	})
	t.Run("401", func(t *testing.T) {
		srv := llmtest.New(t)
		srv.Always(failing(llmtest.Unauthorized()))
		e, m := splitEngine(t, srv)
		_, err := e.Analyze(context.Background(), m, opts())
		var ae *llm.AuthError
		if !errors.As(err, &ae) || ae.Status != http.StatusUnauthorized {
			t.Fatalf("error %v, want an AuthError", err)
		}
		if strings.Contains(err.Error(), testKey) || strings.Contains(err.Error(), testKey[len(testKey)-6:]) {
			t.Errorf("the API key leaked into the error: %v", err)
		}
	})
}

// TestLLMPartsRateLimitAndRetries: with the parts requested at once, --rps still spaces the
// requests and a 429 on one part is retried.
func TestLLMPartsRateLimitAndRetries(t *testing.T) {
	srv := llmtest.New(t)
	var limited atomic.Bool
	srv.Always(llmtest.Reply{Func: func(r llmtest.Request) llmtest.Reply {
		if part, _ := partOf(r.Message("user")); part == 3 && !limited.Swap(true) {
			return llmtest.RateLimited(0, 1)
		}
		return partAnswer(r)
	}})
	e, m := splitEngine(t, srv)
	const rps = 40
	e.Client = llm.New(llm.Config{
		BaseURL: srv.URL(), APIKey: testKey, Timeout: 10 * time.Second, RPS: rps,
		InitialBackoff: time.Millisecond, MaxBackoff: 5 * time.Millisecond, MaxRetryAfter: 50 * time.Millisecond,
	})
	start := time.Now()
	f, err := e.Analyze(context.Background(), m, opts())
	if err != nil {
		t.Fatal(err)
	}
	if f.Engine.Name != "llm" || len(f.Engine.Warnings) > 0 {
		t.Fatalf("engine %+v", f.Engine)
	}
	if n := srv.Count(); n != splitParts+1 {
		t.Errorf("%d requests, want %d parts and one retry", n, splitParts+1)
	}
	// The limiter lets the first request through at once and one more every 1/rps seconds.
	if d, want := time.Since(start), splitParts*time.Second/rps; d < want {
		t.Errorf("%d requests at %d per second took %v, want at least %v", splitParts+1, rps, d, want)
	}
}

// TestLLMPartsCancel: cancelling stops the parts in flight at once, and the parts still
// waiting for a slot are never sent.
func TestLLMPartsCancel(t *testing.T) {
	srv := llmtest.New(t)
	srv.Always(llmtest.Hang())
	e, m := splitEngine(t, srv)
	e.Client = llm.New(llm.Config{BaseURL: srv.URL(), Timeout: time.Minute})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var cancelled time.Time
	go func() {
		deadline := time.Now().Add(5 * time.Second)
		for srv.Count() < analyze.DefaultPartsAtOnce && time.Now().Before(deadline) {
			time.Sleep(5 * time.Millisecond)
		}
		cancelled = time.Now()
		cancel()
	}()
	_, err := e.Analyze(ctx, m, opts())
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	if d := time.Since(cancelled); d > time.Second {
		t.Errorf("the parts stopped %v after the cancel", d)
	}
	if n := srv.Count(); n != analyze.DefaultPartsAtOnce {
		t.Errorf("%d requests sent, want the %d in flight and no more", n, analyze.DefaultPartsAtOnce)
	}
}
