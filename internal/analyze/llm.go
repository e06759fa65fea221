package analyze

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/sashabaranov/go-openai/jsonschema"

	"github.com/debrief-cli/debrief/internal/llm"
	"github.com/debrief-cli/debrief/internal/transcript"
)

// Completer sends one chat completion; *llm.Client is the real one.
type Completer interface {
	Complete(ctx context.Context, req llm.Request) (llm.Response, error)
}

// TokenCounter counts tokens offline; *llm.Counter is the real one.
type TokenCounter interface {
	Count(s string) int
}

// LLM is the engine that asks a language model what the meeting's words mean ("leave it with
// me", a decision made by silence, a concern phrased as a joke) and keeps only what it can
// ground: every item's quote must be on the line it cites. Its findings are merged with the
// offline engine's, so the deterministic ones (silent attendees, markers) are never lost, and
// participation is always computed locally. It is safe for concurrent use.
type LLM struct {
	Client Completer
	// Model and BaseURL name the endpoint; both are part of the cache key.
	Model   string
	BaseURL string
	// Mode is llm.ModeSchema (strict JSON schema) or llm.ModeObject (JSON mode, the schema in
	// the instructions).
	Mode string
	// System is the analysis prompt; Repair asks for a fixed answer and holds {{problem}}.
	System string
	Repair string
	// PromptDigest identifies the prompt files, for the cache key.
	PromptDigest string
	// ContextTokens is the model's context window; longer meetings are split.
	ContextTokens int
	Counter       TokenCounter
	// PartsAtOnce bounds how many parts of a long meeting are requested at once (0:
	// DefaultPartsAtOnce). The client's rate limit still spaces the requests.
	PartsAtOnce int
	// Cache, when not nil, keeps answers so that a rerun makes no request.
	Cache *llm.Cache
	// Log, when not nil, gets one line per meeting with the requests and tokens used.
	Log io.Writer
}

// llmPlan is the work for one meeting: the instructions and one request per part.
type llmPlan struct {
	system string
	schema *jsonschema.Definition
	users  []string
}

// cachedAnswer is a cache entry: the model's usable answer and what it cost.
type cachedAnswer struct {
	Content string    `json:"content"`
	Usage   llm.Usage `json:"usage"`
}

// Analyze runs the offline rules, asks the model, grounds its answer and merges the two.
// Authentication and model errors are returned (the caller exits 4); an answer that cannot be
// used, even after one repair, leaves the offline findings with a warning.
func (e *LLM) Analyze(ctx context.Context, m *transcript.Meeting, opts Options) (*Findings, error) {
	f, err := Offline{}.Analyze(ctx, m, opts)
	if err != nil {
		return nil, err
	}
	plan, err := e.plan(m)
	if err != nil {
		return nil, err
	}
	results := e.askParts(ctx, plan)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	var usage llm.Usage
	requests, cached := 0, 0
	answers := make([]llmAnswer, 0, len(results))
	for _, r := range results {
		usage = addUsage(usage, r.usage)
		requests += r.requests
		if r.cached {
			cached++
		}
		answers = append(answers, r.answer)
	}
	if err := firstFailure(results); err != nil {
		if isSettingError(err) {
			// A setting to fix: every other meeting would fail the same way.
			return nil, err
		}
		f.Engine.Usage = Usage{PromptTokens: usage.PromptTokens, CompletionTokens: usage.CompletionTokens}
		f.Engine.Warnings = append(f.Engine.Warnings, fmt.Sprintf("the %s answer could not be used (%s); these are the offline findings", e.Model, err))
		e.logUsage(m, requests, cached, len(plan.users), usage, true)
		return f, nil
	}
	f.Engine = EngineInfo{
		Name:  "llm",
		Model: e.Model,
		Usage: Usage{PromptTokens: usage.PromptTokens, CompletionTokens: usage.CompletionTokens},
	}
	e.merge(f, m, mergeParts(answers), opts)
	e.logUsage(m, requests, cached, len(plan.users), usage, false)
	return f, nil
}

func (e *LLM) logUsage(m *transcript.Meeting, requests, cached, parts int, u llm.Usage, failed bool) {
	if e.Log == nil {
		return
	}
	src := m.Source
	if src == "" || src == "-" {
		src = "stdin"
	}
	note := ""
	if cached > 0 {
		note = fmt.Sprintf(", %d of %d parts from the cache", cached, parts)
	}
	if failed {
		note += ", fell back to offline"
	}
	fmt.Fprintf(e.Log, "debrief: %s: %s: %d request(s), %d prompt + %d completion tokens%s\n",
		src, e.Model, requests, u.PromptTokens, u.CompletionTokens, note)
}

// instructions returns the system message and the schema.
func (e *LLM) instructions() (string, *jsonschema.Definition, error) {
	schema, err := LLMSchema()
	if err != nil {
		return "", nil, fmt.Errorf("build the answer schema: %w", err)
	}
	system := e.System
	if e.Mode == llm.ModeObject {
		b, err := json.Marshal(schema)
		if err != nil {
			return "", nil, fmt.Errorf("encode the answer schema: %w", err)
		}
		system += "\n\n# Schema\n\n" + string(b)
	}
	return system, schema, nil
}

// outputReserve is the part of the context kept for the answer.
func outputReserve(contextTokens int) int { return min(8192, contextTokens/4) }

// plan splits the meeting into parts that fit the context window, on turn boundaries, each
// part after the first starting with the last few turns of the one before.
func (e *LLM) plan(m *transcript.Meeting) (llmPlan, error) {
	system, schema, err := e.instructions()
	if err != nil {
		return llmPlan{}, err
	}
	p := llmPlan{system: system, schema: schema}
	lines := make([]string, len(m.Turns))
	costs := make([]int, len(m.Turns))
	total := 0
	for i, t := range m.Turns {
		lines[i] = transcriptLine(t)
		costs[i] = e.Counter.Count(lines[i]) + 1
		total += costs[i]
	}
	fixed := e.Counter.Count(system) + e.Counter.Count(userMessage(m, nil, 1, 2)) + 64
	if e.Mode == llm.ModeSchema {
		b, _ := json.Marshal(schema)
		fixed += e.Counter.Count(string(b))
	}
	budget := e.ContextTokens - fixed - outputReserve(e.ContextTokens)
	if budget < 200 {
		return llmPlan{}, fmt.Errorf("--context-tokens %d is too small: the instructions alone take %d tokens; give the model's real context size", e.ContextTokens, fixed)
	}
	if total <= budget {
		p.users = []string{userMessage(m, lines, 1, 1)}
		return p, nil
	}
	overlap := budget / 10
	var parts [][2]int
	for start := 0; start < len(lines); {
		end, used := start, 0
		for end < len(lines) && (end == start || used+costs[end] <= budget) {
			used += costs[end]
			end++
		}
		parts = append(parts, [2]int{start, end})
		if end == len(lines) {
			break
		}
		next, back := end, 0
		for next-1 > start+1 && back+costs[next-1] <= overlap {
			next--
			back += costs[next]
		}
		start = next
	}
	for i, r := range parts {
		p.users = append(p.users, userMessage(m, lines[r[0]:r[1]], i+1, len(parts)))
	}
	return p, nil
}

// DefaultPartsAtOnce is how many parts of a long meeting are requested at once when
// LLM.PartsAtOnce is 0: enough to cut the wait for a split meeting to that of its slowest part
// or two, few enough not to meet a provider's concurrent-request limit.
const DefaultPartsAtOnce = 4

// partResult is what asking for one part came to. A part that was never asked, because the
// meeting was cancelled or another part failed first, holds only the context's error.
type partResult struct {
	answer   llmAnswer
	usage    llm.Usage
	requests int
	cached   bool
	err      error
}

// askParts asks for every part, at most PartsAtOnce at a time, and returns the results in the
// order of the parts, whatever order the answers come in. The first part that fails stops the
// others: its meeting falls back to the offline findings, so their answers would be thrown
// away. Cancelling ctx stops every part in flight.
func (e *LLM) askParts(ctx context.Context, p llmPlan) []partResult {
	results := make([]partResult, len(p.users))
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	slots := make(chan struct{}, e.partsAtOnce())
	var wg sync.WaitGroup
	for i, user := range p.users {
		wg.Go(func() {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				results[i].err = ctx.Err()
				return
			}
			defer func() { <-slots }()
			if ctx.Err() != nil {
				results[i].err = ctx.Err()
				return
			}
			r := &results[i]
			r.answer, r.usage, r.requests, r.cached, r.err = e.ask(ctx, p, user)
			if r.err != nil {
				stop()
			}
		})
	}
	wg.Wait()
	return results
}

func (e *LLM) partsAtOnce() int {
	if e.PartsAtOnce > 0 {
		return e.PartsAtOnce
	}
	return DefaultPartsAtOnce
}

// firstFailure is the error that decides a meeting whose parts did not all succeed: a setting
// to fix (key, model, endpoint) before anything else, then the failure of the earliest part.
// The cancellations that a failure caused in the other parts are not failures of their own.
func firstFailure(results []partResult) error {
	var first error
	for _, r := range results {
		if r.err == nil || errors.Is(r.err, context.Canceled) {
			continue
		}
		if isSettingError(r.err) {
			return r.err
		}
		if first == nil {
			first = r.err
		}
	}
	return first
}

// isSettingError reports whether err is an authentication, model or endpoint problem: a
// setting to fix, which every other request would meet too.
func isSettingError(err error) bool {
	var ae *llm.AuthError
	var me *llm.ModelError
	var ue *llm.UnreachableError
	return errors.As(err, &ae) || errors.As(err, &me) || errors.As(err, &ue)
}

// ask gets a usable answer for one part: from the cache, or from the model with one repair
// attempt. It returns the answer, the tokens spent, the requests made and whether it came
// from the cache.
func (e *LLM) ask(ctx context.Context, p llmPlan, user string) (llmAnswer, llm.Usage, int, bool, error) {
	key := llm.Key(e.Model, e.BaseURL, e.PromptDigest, LLMSchemaVersion, e.Mode, user)
	if data, ok, err := e.Cache.Get(key); err == nil && ok {
		var c cachedAnswer
		if json.Unmarshal(data, &c) == nil {
			if a, err := parseAnswer(c.Content, p.schema); err == nil {
				return a, llm.Usage{}, 0, true, nil
			}
		}
	}
	req := llm.Request{
		Model:      e.Model,
		Messages:   []llm.Message{{Role: "system", Content: p.system}, {Role: "user", Content: user}},
		Mode:       e.Mode,
		SchemaName: "meeting_findings",
		Schema:     p.schema,
	}
	var usage llm.Usage
	resp, err := e.Client.Complete(ctx, req)
	if err != nil {
		return llmAnswer{}, usage, 1, false, err
	}
	usage = addUsage(usage, resp.Usage)
	a, problem := check(resp, p.schema)
	requests := 1
	if problem != nil {
		req.Messages = append(req.Messages,
			llm.Message{Role: "assistant", Content: resp.Content},
			llm.Message{Role: "user", Content: strings.ReplaceAll(e.Repair, "{{problem}}", problem.Error())})
		resp, err = e.Client.Complete(ctx, req)
		requests++
		if err != nil {
			return llmAnswer{}, usage, requests, false, err
		}
		usage = addUsage(usage, resp.Usage)
		if a, problem = check(resp, p.schema); problem != nil {
			return llmAnswer{}, usage, requests, false, fmt.Errorf("after one repair, %v", problem)
		}
	}
	if data, err := json.Marshal(cachedAnswer{Content: resp.Content, Usage: usage}); err == nil {
		// A cache that cannot be written costs a request next time, nothing more.
		_ = e.Cache.Put(key, data)
	}
	return a, usage, requests, false, nil
}

// check parses a response, treating a cut-off answer as unusable.
func check(resp llm.Response, schema *jsonschema.Definition) (llmAnswer, error) {
	if resp.Truncated() {
		return llmAnswer{}, errors.New("it was cut off at the length limit (finish_reason length)")
	}
	return parseAnswer(resp.Content, schema)
}

func addUsage(a, b llm.Usage) llm.Usage {
	return llm.Usage{PromptTokens: a.PromptTokens + b.PromptTokens, CompletionTokens: a.CompletionTokens + b.CompletionTokens}
}
