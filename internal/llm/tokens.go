package llm

import (
	"strings"

	"github.com/tiktoken-go/tokenizer"
)

// Counter counts tokens offline, with the model's own encoding when tiktoken knows it and
// o200k_base (the encoding of current OpenAI models) otherwise: for local models the count is
// an estimate, good enough to decide whether a transcript fits the context.
type Counter struct {
	codec tokenizer.Codec
}

// NewCounter returns a Counter for model.
func NewCounter(model string) (*Counter, error) {
	codec, err := tokenizer.ForModel(tokenizer.Model(strings.ToLower(model)))
	if err != nil {
		codec, err = tokenizer.Get(tokenizer.O200kBase)
		if err != nil {
			return nil, err
		}
	}
	return &Counter{codec: codec}, nil
}

// Count returns the number of tokens in s.
func (c *Counter) Count(s string) int {
	n, err := c.codec.Count(s)
	if err != nil {
		// Count fails only on invalid UTF-8 in strict mode; estimate from the length.
		return len(s)/4 + 1
	}
	return n
}
