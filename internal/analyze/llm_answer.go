package analyze

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/sashabaranov/go-openai/jsonschema"
)

// LLMSchemaVersion names the shape of the answer the LLM engine asks for. It is part of every
// cache key: change it whenever llmAnswer changes.
const LLMSchemaVersion = "debrief.llm-answer/3"

// llmAnswer is what the model returns for one meeting (or one part of a long one). Every
// field is required, as strict structured output demands; "" and [] mean none.
type llmAnswer struct {
	Commitments []llmCommitment `json:"commitments"`
	Decisions   []llmDecision   `json:"decisions"`
	Unheard     []llmUnheard    `json:"unheard"`
	Credits     []llmCredit     `json:"credits"`
	OpenThreads []llmOpenThread `json:"open_threads"`
	Done        []llmDone       `json:"done"`
}

type llmCommitment struct {
	Owner       string `json:"owner" description:"attendee who will do it, or empty"`
	Task        string `json:"task" description:"the task, under 15 words"`
	Due         string `json:"due" description:"YYYY-MM-DD, or empty when the words give no day"`
	DueText     string `json:"due_text" description:"the deadline as said, or empty"`
	Conditional bool   `json:"conditional"`
	Line        int    `json:"line"`
	Quote       string `json:"quote" description:"exact words from that line"`
	// AcceptanceLine and AcceptanceQuote cite the owner taking on work someone else gave: the
	// only way such work counts as accepted.
	AcceptanceLine  int    `json:"acceptance_line" description:"line where the owner accepts work someone else gave, or 0"`
	AcceptanceQuote string `json:"acceptance_quote" description:"the owner's exact words accepting it, or empty"`
}

type llmDecision struct {
	Decision              string `json:"decision"`
	DecidedBy             string `json:"decided_by"`
	Rationale             string `json:"rationale" description:"the reason as stated, or empty"`
	AlternativesMentioned bool   `json:"alternatives_mentioned"`
	Line                  int    `json:"line"`
	Quote                 string `json:"quote"`
}

type llmUnheard struct {
	Kind   string `json:"kind" enum:"interrupted,unanswered-question,unaddressed-concern"`
	Person string `json:"person"`
	Detail string `json:"detail"`
	Line   int    `json:"line"`
	Quote  string `json:"quote"`
}

type llmCredit struct {
	Person       string `json:"person"`
	Contribution string `json:"contribution"`
	Line         int    `json:"line"`
	Quote        string `json:"quote"`
}

// llmOpenThread is a discussion left open: put off with no owner or date, or a decision
// reopened.
type llmOpenThread struct {
	Kind  string `json:"kind" enum:"deferred,reopened"`
	Topic string `json:"topic"`
	Line  int    `json:"line"`
	Quote string `json:"quote"`
}

// llmDone is a person reporting their own work finished.
type llmDone struct {
	Person string `json:"person"`
	Task   string `json:"task"`
	Line   int    `json:"line"`
	Quote  string `json:"quote"`
}

// LLMSchema returns the JSON schema of the answer, generated from the Go types, for strict
// structured output.
func LLMSchema() (*jsonschema.Definition, error) {
	return jsonschema.GenerateSchemaForType(llmAnswer{})
}

// parseAnswer decodes and checks an answer. The error says what is wrong in words the repair
// prompt can pass back to the model.
func parseAnswer(content string, schema *jsonschema.Definition) (llmAnswer, error) {
	var a llmAnswer
	s := strings.TrimSpace(content)
	// Some servers wrap JSON in a Markdown fence even in JSON mode.
	if strings.HasPrefix(s, "```") {
		s = strings.TrimPrefix(s, "```json")
		s = strings.TrimPrefix(s, "```")
		s = strings.TrimSuffix(strings.TrimSpace(s), "```")
	}
	var raw any
	if err := json.Unmarshal([]byte(s), &raw); err != nil {
		return a, fmt.Errorf("it is not valid JSON (%v)", err)
	}
	dec := json.NewDecoder(strings.NewReader(s))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&a); err != nil {
		return a, fmt.Errorf("it does not match the schema (%v)", err)
	}
	if err := jsonschema.VerifySchemaAndUnmarshal(*schema, []byte(s), &llmAnswer{}); err != nil {
		return a, fmt.Errorf("it does not match the schema: a required field is missing or has the wrong type")
	}
	return a, nil
}
