package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/debrief-cli/debrief/internal/analyze"
	"github.com/debrief-cli/debrief/internal/config"
	"github.com/debrief-cli/debrief/internal/iostreams"
	"github.com/debrief-cli/debrief/internal/llm"
)

// DoctorOptions are the parsed flags of `debrief doctor`.
type DoctorOptions struct {
	IO      *iostreams.IOStreams
	Factory *Factory
	LLM     llmFlags
}

// NewCmdDoctor builds `debrief doctor`, which checks the LLM setup line by line.
func NewCmdDoctor(f *Factory, runF func(*DoctorOptions) error) *cobra.Command {
	opts := &DoctorOptions{IO: f.IOStreams, Factory: f}
	cmd := &cobra.Command{
		Use:   "doctor",
		Short: "Check the LLM setup: config, key, endpoint, model, structured output",
		Long: `Check that debrief can use an LLM, one line per check: ok, or what to fix.

  config             the config file ($XDG_CONFIG_HOME/debrief/config.yaml) reads, if present
  api key            the key variable is set (the key itself is never printed)
  prompts            the prompt files, with any override directory, are usable
  endpoint           the base URL answers (GET /models)
  model              the model is among those the endpoint lists (Azure lists no
                     deployments: the structured-output request checks the deployment)
  structured output  the endpoint accepts a strict JSON schema (one tiny request)

Exits 4 when a check fails.`,
		Example: `  debrief doctor
  debrief doctor --base-url http://localhost:11434/v1 --model llama3.1`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runDoctor(cmd.Context(), opts)
		},
	}
	// A health check makes no analysis: the cache, the context size and the rate do not apply.
	opts.LLM.register(cmd, false, "no-cache", "context-tokens", "rps")
	return cmd
}

// doctorReport prints the check lines and remembers whether one failed.
type doctorReport struct {
	w      io.Writer
	failed bool
}

func (d *doctorReport) ok(check, detail string) {
	fmt.Fprintf(d.w, "ok    %-18s %s\n", check, detail)
}

func (d *doctorReport) note(check, detail string) {
	fmt.Fprintf(d.w, "--    %-18s %s\n", check, detail)
}

func (d *doctorReport) fail(check, detail string) {
	d.failed = true
	fmt.Fprintf(d.w, "FAIL  %-18s %s\n", check, detail)
}

func runDoctor(ctx context.Context, opts *DoctorOptions) error {
	f := opts.Factory
	if err := opts.LLM.check(); err != nil {
		return err
	}
	f.LLMOptions = opts.LLM.values()
	d := &doctorReport{w: opts.IO.Out}
	s, err := f.llmSettings()
	if err != nil {
		d.fail("config", err.Error())
		return &silentError{code: ExitLLM}
	}
	if s.ConfigFound {
		d.ok("config", s.ConfigPath)
	} else {
		d.note("config", "no file at "+s.ConfigPath+" (optional)")
	}
	d.ok("settings", settingsLine(s))
	switch {
	case s.APIKey != "":
		d.ok("api key", s.APIKeyVar+" is set")
	case s.BaseURLSet:
		d.note("api key", s.APIKeyVar+" is not set: fine for a local server (Ollama, vLLM, llama.cpp)")
	default:
		d.fail("api key", fmt.Sprintf("set %s, or point --base-url (%s) at a local server", s.APIKeyVar, config.EnvBaseURL))
	}
	if set, dir, err := f.loadPrompts(s); err != nil {
		d.fail("prompts", err.Error())
	} else {
		var over []string
		for _, n := range set.Names() {
			if p, _ := set.Get(n); p.Source != "embedded" {
				over = append(over, n)
			}
		}
		if len(over) == 0 {
			d.ok("prompts", "built-in (no overrides in "+dir+")")
		} else {
			d.ok("prompts", "overridden from "+dir+": "+strings.Join(over, ", "))
		}
	}
	if d.failed && !s.Configured() {
		return &silentError{code: ExitLLM}
	}
	cfg := f.llmClientConfig(s)
	cfg.MaxTries = 1
	client := llm.New(cfg)
	models, err := client.Models(ctx)
	switch {
	case ctx.Err() != nil:
		return ctx.Err()
	case err != nil:
		var ae *llm.AuthError
		var me *llm.ModelError
		switch {
		case errors.As(err, &ae):
			d.fail("endpoint", ae.Error())
		case errors.As(err, &me):
			d.fail("endpoint", s.BaseURL+" has no /models: check the base URL (it usually ends in /v1)")
		default:
			d.fail("endpoint", llm.Scrub(err.Error(), s.APIKey))
		}
	default:
		d.ok("endpoint", fmt.Sprintf("%s answers (%d models)", s.BaseURL, len(models)))
		switch {
		case s.APIType == "azure":
			// Azure lists the models it offers, not the resource's deployments: the request
			// below is what shows whether the deployment exists.
			d.note("model", s.Model+" is an Azure deployment name, which Azure does not list: the next check uses it")
			d.structuredOutput(ctx, client, s)
		case slices.Contains(models, s.Model):
			d.ok("model", s.Model+" is listed")
			d.structuredOutput(ctx, client, s)
		default:
			d.fail("model", fmt.Sprintf("%s is not listed; set --model or %s to one of: %s", s.Model, config.EnvModel, shortList(models, 8)))
		}
	}
	if d.failed {
		return &silentError{code: ExitLLM}
	}
	return nil
}

// structuredOutput sends one tiny request with a strict JSON schema.
func (d *doctorReport) structuredOutput(ctx context.Context, client *llm.Client, s config.Settings) {
	schema, err := analyze.LLMSchema()
	if err != nil {
		d.fail("structured output", err.Error())
		return
	}
	resp, err := client.Complete(ctx, llm.Request{
		Model: s.Model, Mode: s.JSONMode, SchemaName: "meeting_findings", Schema: schema,
		Messages: []llm.Message{
			{Role: "system", Content: "Reply with JSON that matches the schema, with every list empty."},
			{Role: "user", Content: "No meeting today."},
		},
	})
	var me *llm.ModelError
	switch {
	case errors.As(err, &me):
		d.fail("structured output", me.Error())
	case err != nil && s.JSONMode == llm.ModeSchema:
		d.fail("structured output", llm.Scrub(err.Error(), s.APIKey)+": if the server does not support JSON schemas, use --json-mode object (or json_mode: object in the config file)")
	case err != nil:
		d.fail("structured output", llm.Scrub(err.Error(), s.APIKey))
	case !strings.HasPrefix(strings.TrimSpace(resp.Content), "{"):
		d.fail("structured output", "the answer was not JSON: try --json-mode object, or a model that supports structured output")
	default:
		d.ok("structured output", "json mode "+s.JSONMode+" accepted")
	}
}

// settingsLine describes the settings in effect and where each came from; for Azure, the API
// version too.
func settingsLine(s config.Settings) string {
	line := fmt.Sprintf("model %s (%s), base URL %s (%s), json mode %s", s.Model, s.Sources["model"], s.BaseURL, s.Sources["base_url"], s.JSONMode)
	if s.APIType == "azure" {
		version := s.APIVersion
		if version == "" {
			version = llm.DefaultAzureAPIVersion
		}
		line += ", Azure API version " + version
	}
	return line
}

func shortList(items []string, n int) string {
	if len(items) == 0 {
		return "(the server lists none)"
	}
	if len(items) > n {
		return strings.Join(items[:n], ", ") + fmt.Sprintf(" and %d more", len(items)-n)
	}
	return strings.Join(items, ", ")
}
