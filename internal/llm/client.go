// Package llm talks to any OpenAI-compatible chat completions endpoint (OpenAI, Azure OpenAI,
// Ollama, vLLM, llama.cpp's server): it retries with backoff on 429, 5xx and timeouts honouring
// Retry-After, limits the request rate, bounds each request with a timeout, asks for structured
// output, counts tokens offline and caches answers on disk. The API key it is given never
// appears in what it returns: errors are scrubbed of it.
package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	openai "github.com/sashabaranov/go-openai"
	"golang.org/x/time/rate"
)

// JSON modes: how the answer's shape is asked for.
const (
	// ModeSchema sends the JSON schema in strict mode (response_format json_schema).
	ModeSchema = "schema"
	// ModeObject asks only for a JSON object (response_format json_object), for servers that do
	// not support schemas; the schema then travels in the instructions.
	ModeObject = "object"
)

// DefaultAzureAPIVersion is the Azure OpenAI API version used when none is configured: the
// first to accept strict JSON schemas (structured outputs).
const DefaultAzureAPIVersion = "2024-08-01-preview"

// Config configures a Client. Zero durations and counts take the defaults documented on each
// field; tests set them tiny.
type Config struct {
	BaseURL string
	// APIKey is the secret; it may be "" for local servers.
	APIKey string
	// APIKeyVar names the environment variable the key came from, for error messages.
	APIKeyVar string
	// APIType is "openai" (default) or "azure". For Azure, BaseURL is the resource endpoint
	// (https://NAME.openai.azure.com), the request's model is the deployment name, and the key
	// travels in the api-key header.
	APIType string
	// APIVersion is the Azure API version (default DefaultAzureAPIVersion).
	APIVersion string
	// Timeout bounds each HTTP attempt (default 120s).
	Timeout time.Duration
	// RPS limits requests per second; 0 means no limit.
	RPS float64
	// MaxTries is the number of attempts per request (default 4).
	MaxTries uint
	// InitialBackoff is the first wait between attempts (default 500ms); it doubles up to
	// MaxBackoff (default 20s).
	InitialBackoff time.Duration
	MaxBackoff     time.Duration
	// MaxRetryAfter caps a server's Retry-After (default 60s).
	MaxRetryAfter time.Duration
	// HTTPClient sends the requests (default: a new http.Client).
	HTTPClient *http.Client
	// OnRetry, when set, is told about each retry: the error and the wait before the next try.
	OnRetry func(err error, wait time.Duration)
}

func (c *Config) defaults() {
	if c.Timeout <= 0 {
		c.Timeout = 120 * time.Second
	}
	if c.MaxTries == 0 {
		c.MaxTries = 4
	}
	if c.InitialBackoff <= 0 {
		c.InitialBackoff = 500 * time.Millisecond
	}
	if c.MaxBackoff <= 0 {
		c.MaxBackoff = 20 * time.Second
	}
	if c.MaxRetryAfter <= 0 {
		c.MaxRetryAfter = 60 * time.Second
	}
	if c.HTTPClient == nil {
		c.HTTPClient = &http.Client{}
	}
	if c.APIKeyVar == "" {
		c.APIKeyVar = "OPENAI_API_KEY"
	}
	if c.APIVersion == "" {
		c.APIVersion = DefaultAzureAPIVersion
	}
}

// Client sends chat completions to one endpoint. It is safe for concurrent use.
type Client struct {
	cfg Config
	oa  *openai.Client
}

// New returns a Client for cfg.
func New(cfg Config) *Client {
	cfg.defaults()
	var oc openai.ClientConfig
	if cfg.APIType == "azure" {
		oc = openai.DefaultAzureConfig(cfg.APIKey, cfg.BaseURL)
		oc.APIVersion = cfg.APIVersion
		// The model is the deployment name, used as given: go-openai's default mapping drops
		// the dots from a name with "3.5" in it, which names another deployment.
		oc.AzureModelMapperFunc = func(model string) string { return model }
	} else {
		oc = openai.DefaultConfig(cfg.APIKey)
		oc.BaseURL = cfg.BaseURL
	}
	var limiter *rate.Limiter
	if cfg.RPS > 0 {
		limiter = rate.NewLimiter(rate.Limit(cfg.RPS), 1)
	}
	oc.HTTPClient = &retryDoer{cfg: cfg, limiter: limiter}
	return &Client{cfg: cfg, oa: openai.NewClientWithConfig(oc)}
}

// Message is one chat message.
type Message struct {
	Role    string // "system", "user" or "assistant"
	Content string
}

// Request is one chat completion.
type Request struct {
	Model    string
	Messages []Message
	// Mode is ModeSchema or ModeObject; "" sends no response format.
	Mode string
	// SchemaName and Schema describe the answer for ModeSchema.
	SchemaName string
	Schema     json.Marshaler
}

// Usage counts tokens, as the server reports them.
type Usage struct {
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
}

// Response is the first choice of a completion.
type Response struct {
	Content string
	// FinishReason is "stop", or "length" when the answer was cut off.
	FinishReason string
	Usage        Usage
}

// Truncated reports whether the server stopped the answer at its length limit.
func (r Response) Truncated() bool { return r.FinishReason == string(openai.FinishReasonLength) }

// Complete sends req and returns the answer. Errors are scrubbed of the API key; 401 and 403
// come back as *AuthError, a missing model as *ModelError.
func (c *Client) Complete(ctx context.Context, req Request) (Response, error) {
	cr := openai.ChatCompletionRequest{Model: req.Model}
	for _, m := range req.Messages {
		cr.Messages = append(cr.Messages, openai.ChatCompletionMessage{Role: m.Role, Content: m.Content})
	}
	switch req.Mode {
	case ModeSchema:
		cr.ResponseFormat = &openai.ChatCompletionResponseFormat{
			Type: openai.ChatCompletionResponseFormatTypeJSONSchema,
			JSONSchema: &openai.ChatCompletionResponseFormatJSONSchema{
				Name: req.SchemaName, Schema: req.Schema, Strict: true,
			},
		}
	case ModeObject:
		cr.ResponseFormat = &openai.ChatCompletionResponseFormat{Type: openai.ChatCompletionResponseFormatTypeJSONObject}
	}
	resp, err := c.oa.CreateChatCompletion(ctx, cr)
	if err != nil {
		return Response{}, c.classify(ctx, req.Model, err)
	}
	if len(resp.Choices) == 0 {
		return Response{}, errors.New("the server returned no answer (no choices)")
	}
	ch := resp.Choices[0]
	return Response{
		Content:      ch.Message.Content,
		FinishReason: string(ch.FinishReason),
		Usage:        Usage{PromptTokens: resp.Usage.PromptTokens, CompletionTokens: resp.Usage.CompletionTokens},
	}, nil
}

// Models lists the model ids the endpoint serves.
func (c *Client) Models(ctx context.Context) ([]string, error) {
	list, err := c.oa.ListModels(ctx)
	if err != nil {
		return nil, c.classify(ctx, "", err)
	}
	ids := make([]string, 0, len(list.Models))
	for _, m := range list.Models {
		ids = append(ids, m.ID)
	}
	return ids, nil
}

// AuthError is a 401 or 403: the key is missing, wrong or not allowed.
type AuthError struct {
	Status int
	// KeyVar names the environment variable that should hold the key.
	KeyVar string
	// KeySet says whether a key was sent at all.
	KeySet bool
}

func (e *AuthError) Error() string {
	if !e.KeySet {
		return fmt.Sprintf("the LLM endpoint refused the request (HTTP %d): no API key; set %s", e.Status, e.KeyVar)
	}
	return fmt.Sprintf("the LLM endpoint refused the API key in %s (HTTP %d): check %s, or --api-key-env to name another variable", e.KeyVar, e.Status, e.KeyVar)
}

// ModelError is a 404: the model (or the endpoint path) does not exist on the server.
type ModelError struct {
	Model   string
	BaseURL string
	// Azure says the model is an Azure deployment name.
	Azure bool
}

func (e *ModelError) Error() string {
	if e.Azure {
		return fmt.Sprintf("Azure deployment %q not found at %s: set --model or DEBRIEF_MODEL to the deployment's name (not the model's), and check api_version in the config file", e.Model, e.BaseURL)
	}
	return fmt.Sprintf("model %q not found at %s: set --model or DEBRIEF_MODEL to a model the server lists (debrief doctor shows them)", e.Model, e.BaseURL)
}

// UnreachableError is an endpoint that cannot be reached at all (connection refused, unknown
// host): a setting to fix, not a moment to retry.
type UnreachableError struct {
	BaseURL string
	Err     error
}

func (e *UnreachableError) Error() string {
	return fmt.Sprintf("cannot reach the LLM endpoint %s (%v): check --base-url or DEBRIEF_BASE_URL, and that the server is running", e.BaseURL, e.Err)
}

func (e *UnreachableError) Unwrap() error { return e.Err }

// StatusError is any other HTTP error from the endpoint, after the retries.
type StatusError struct {
	Status  int
	Message string
}

func (e *StatusError) Error() string {
	if e.Message == "" {
		return fmt.Sprintf("the LLM endpoint answered HTTP %d", e.Status)
	}
	return fmt.Sprintf("the LLM endpoint answered HTTP %d: %s", e.Status, e.Message)
}

// classify turns go-openai's errors into ours, with the key scrubbed.
func (c *Client) classify(ctx context.Context, model string, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return ctxErr
	}
	status, msg := 0, ""
	var apiErr *openai.APIError
	var reqErr *openai.RequestError
	switch {
	case errors.As(err, &apiErr):
		status, msg = apiErr.HTTPStatusCode, apiErr.Message
	case errors.As(err, &reqErr):
		status = reqErr.HTTPStatusCode
		msg = strings.TrimSpace(string(reqErr.Body))
	}
	// The key is scrubbed before the message is shortened, so no part of it survives the cut.
	msg = shorten(c.scrub(msg), 200)
	switch {
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		return &AuthError{Status: status, KeyVar: c.cfg.APIKeyVar, KeySet: c.cfg.APIKey != ""}
	case status == http.StatusNotFound:
		return &ModelError{Model: model, BaseURL: c.cfg.BaseURL, Azure: c.cfg.APIType == "azure"}
	case status != 0:
		return &StatusError{Status: status, Message: msg}
	}
	var te *TimeoutError
	if errors.As(err, &te) {
		return te
	}
	var ue *UnreachableError
	if errors.As(err, &ue) {
		return &UnreachableError{BaseURL: ue.BaseURL, Err: errors.New(c.scrub(ue.Err.Error()))}
	}
	return errors.New(c.scrub(err.Error()))
}

// scrub removes the API key from s.
func (c *Client) scrub(s string) string { return Scrub(s, c.cfg.APIKey) }

// Scrub replaces every occurrence of key in s, and of its long enough prefixes and suffixes as
// servers quote them ("sk-abc…wxyz"), with "[redacted]".
func Scrub(s, key string) string {
	if key == "" {
		return s
	}
	s = strings.ReplaceAll(s, key, "[redacted]")
	if len(key) >= 12 {
		for _, part := range []string{key[:8], key[len(key)-6:]} {
			s = strings.ReplaceAll(s, part, "[redacted]")
		}
	}
	return s
}

// shorten cuts s to at most n bytes on a character boundary, marking the cut with "…".
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
