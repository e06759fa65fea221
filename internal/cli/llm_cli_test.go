package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/debrief-cli/debrief/internal/iostreams"
	"github.com/debrief-cli/debrief/internal/llm"
	"github.com/debrief-cli/debrief/internal/llmtest"
)

// TestMain keeps every test in this package away from the user's LLM settings: no key, no
// base URL, and config and cache directories that do not exist, so that --engine auto stays
// offline and nothing can reach the network.
func TestMain(m *testing.M) {
	for _, v := range []string{"OPENAI_API_KEY", "OPENAI_BASE_URL", "DEBRIEF_MODEL", "DEBRIEF_BASE_URL"} {
		os.Unsetenv(v)
	}
	dir, err := os.MkdirTemp("", "debrief-cli-test")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	os.Setenv("XDG_CACHE_HOME", filepath.Join(dir, "cache"))
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

const secretKey = "sk-proj-TESTSECRET-9f8e7d6c5b4a"

// llmEnv is a hermetic environment: XDG directories under a temp dir, and vars.
type llmEnv struct {
	vars      map[string]string
	config    string
	cacheDir  string
	stderrTTY bool
}

func newLLMEnv(t *testing.T, vars map[string]string) *llmEnv {
	t.Helper()
	dir := t.TempDir()
	e := &llmEnv{vars: map[string]string{
		"XDG_CONFIG_HOME": filepath.Join(dir, "config"),
		"XDG_CACHE_HOME":  filepath.Join(dir, "cache"),
	}}
	for k, v := range vars {
		e.vars[k] = v
	}
	e.config = filepath.Join(dir, "config", "debrief")
	e.cacheDir = filepath.Join(dir, "cache", "debrief", "llm")
	return e
}

func (e *llmEnv) writeConfig(t *testing.T, yaml string) {
	t.Helper()
	if err := os.MkdirAll(e.config, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(e.config, "config.yaml"), []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
}

// run runs debrief in env with tiny retry timings.
func (e *llmEnv) run(t *testing.T, stdin string, args ...string) run {
	t.Helper()
	ios, in, out, errOut := iostreams.Test()
	in.WriteString(stdin)
	ios.SetStdinTTY(stdin == "")
	ios.SetNoColor(true)
	ios.SetStderrTTY(e.stderrTTY)
	code := execute(ios, func(f *Factory) {
		f.Getenv = func(k string) string { return e.vars[k] }
		f.TuneLLM = func(c *llm.Config) {
			c.InitialBackoff, c.MaxBackoff, c.MaxRetryAfter = time.Millisecond, 5*time.Millisecond, 20*time.Millisecond
			if c.Timeout > time.Second {
				c.Timeout = time.Second
			}
		}
	}, args...)
	return run{code, out.String(), errOut.String()}
}

const recorded = "../../testdata/llm/planning.json"

func TestEngineLLMAgainstFakeServer(t *testing.T) {
	srv := llmtest.New(t)
	srv.Expect(llmtest.Recorded(t, recorded))
	env := newLLMEnv(t, map[string]string{"OPENAI_API_KEY": secretKey})
	r := env.run(t, "", planning, "--engine", "llm", "--base-url", srv.URL(), "--format", "json", "--verbose")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var doc struct {
		Schema string `json:"schema"`
		Engine struct {
			Name     string   `json:"name"`
			Model    string   `json:"model"`
			Dropped  int      `json:"dropped"`
			Warnings []string `json:"warnings"`
			Usage    struct {
				PromptTokens int `json:"prompt_tokens"`
			} `json:"usage"`
		} `json:"engine"`
		Coaching []struct {
			Principle string `json:"principle"`
		} `json:"coaching"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
	if doc.Engine.Name != "llm" || doc.Engine.Model != "gpt-4o-mini" || doc.Engine.Dropped != 1 || doc.Engine.Warnings == nil || doc.Engine.Usage.PromptTokens == 0 {
		t.Errorf("engine %+v", doc.Engine)
	}
	if !strings.Contains(r.stderr, "1 request(s)") || !strings.Contains(r.stderr, "prompt +") {
		t.Errorf("--verbose printed no token usage: %q", r.stderr)
	}
	// A rerun comes from the cache: no request (the server would fail the test).
	r2 := env.run(t, "", planning, "--engine", "llm", "--base-url", srv.URL(), "--format", "json", "--verbose")
	if r2.code != 0 || srv.Count() != 1 || !strings.Contains(r2.stderr, "from the cache") {
		t.Errorf("rerun: exit %d, %d requests, stderr %q", r2.code, srv.Count(), r2.stderr)
	}
	assertNoKey(t, env, r, r2)
	// --no-cache asks again.
	srv.Expect(llmtest.Recorded(t, recorded))
	if r3 := env.run(t, "", planning, "--engine", "llm", "--base-url", srv.URL(), "--no-cache", "--format", "json"); r3.code != 0 || srv.Count() != 2 {
		t.Errorf("--no-cache: exit %d, %d requests", r3.code, srv.Count())
	}
	// cache clear empties it.
	c := env.run(t, "", "cache", "clear")
	if c.code != 0 || !strings.Contains(c.stdout, "Removed 1 cached answer") {
		t.Errorf("cache clear: exit %d %q %q", c.code, c.stdout, c.stderr)
	}
	if files, _ := filepath.Glob(filepath.Join(env.cacheDir, "*")); len(files) != 0 {
		t.Errorf("cache not cleared: %v", files)
	}
}

// assertNoKey fails when the API key shows in any output or any cache file.
func assertNoKey(t *testing.T, env *llmEnv, runs ...run) {
	t.Helper()
	for _, r := range runs {
		if strings.Contains(r.stdout+r.stderr, secretKey) || strings.Contains(r.stdout+r.stderr, secretKey[len(secretKey)-6:]) {
			t.Errorf("the API key leaked into the output:\n%s\n%s", r.stdout, r.stderr)
		}
	}
	files, _ := filepath.Glob(filepath.Join(env.cacheDir, "*"))
	for _, f := range files {
		b, _ := os.ReadFile(f)
		if strings.Contains(string(b), secretKey) {
			t.Errorf("the API key is in the cache file %s", f)
		}
		if st, _ := os.Stat(f); st.Mode().Perm() != 0o600 {
			t.Errorf("cache file %s mode %v", f, st.Mode().Perm())
		}
	}
}

func TestAutoEngine(t *testing.T) {
	t.Run("nothing configured: offline, one line", func(t *testing.T) {
		env := newLLMEnv(t, nil)
		r := env.run(t, "", planning, "--format", "json")
		if r.code != 0 || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, "using the offline engine") {
			t.Errorf("exit %d stderr %q", r.code, r.stderr)
		}
		if r := env.run(t, "", planning, "--engine", "offline"); r.stderr != "" {
			t.Errorf("--engine offline is silent about the engine: %q", r.stderr)
		}
		if !strings.Contains(r.stdout, `"name":"offline"`) {
			t.Errorf("not the offline engine: %.200s", r.stdout)
		}
	})
	t.Run("base URL in the environment: LLM", func(t *testing.T) {
		srv := llmtest.New(t)
		srv.Expect(llmtest.Recorded(t, recorded))
		env := newLLMEnv(t, map[string]string{"DEBRIEF_BASE_URL": srv.URL(), "DEBRIEF_MODEL": "llama3.1"})
		r := env.run(t, "", planning, "--format", "json")
		if r.code != 0 || !strings.Contains(r.stdout, `"name":"llm","model":"llama3.1"`) {
			t.Errorf("exit %d stderr %q stdout %.200s", r.code, r.stderr, r.stdout)
		}
		if got := srv.Requests()[0].Header.Get("Authorization"); got != "" {
			t.Errorf("no key configured but Authorization %q was sent", got)
		}
	})
	t.Run("config file, flags beat env beat file", func(t *testing.T) {
		srv := llmtest.New(t)
		srv.Expect(llmtest.Recorded(t, recorded), llmtest.Recorded(t, recorded))
		env := newLLMEnv(t, map[string]string{"MY_KEY": secretKey, "DEBRIEF_MODEL": "env-model"})
		env.writeConfig(t, "base_url: "+srv.URL()+"\nmodel: file-model\napi_key_env: MY_KEY\njson_mode: object\n")
		r := env.run(t, "", planning, "--format", "json", "--no-cache")
		if r.code != 0 || !strings.Contains(r.stdout, `"model":"env-model"`) {
			t.Errorf("env should beat file: exit %d %q %.200s", r.code, r.stderr, r.stdout)
		}
		r = env.run(t, "", planning, "--format", "json", "--no-cache", "--model", "flag-model")
		if r.code != 0 || !strings.Contains(r.stdout, `"model":"flag-model"`) {
			t.Errorf("flag should beat env: exit %d %q", r.code, r.stderr)
		}
		req := srv.Requests()[0]
		if req.Header.Get("Authorization") != "Bearer "+secretKey || req.ResponseFormat == nil || req.ResponseFormat.Type != "json_object" {
			t.Errorf("api_key_env and json_mode from the file not used: %+v", req.ResponseFormat)
		}
		assertNoKey(t, env, r)
	})
}

func TestLLMConfigErrorsExit4(t *testing.T) {
	t.Run("--engine llm with nothing configured", func(t *testing.T) {
		env := newLLMEnv(t, nil)
		r := env.run(t, "", planning, "--engine", "llm")
		if r.code != ExitLLM || !strings.Contains(r.stderr, "OPENAI_API_KEY") || r.stdout != "" {
			t.Errorf("exit %d stderr %q", r.code, r.stderr)
		}
	})
	t.Run("401 names the variable and never the key", func(t *testing.T) {
		srv := llmtest.New(t)
		srv.Expect(llmtest.Unauthorized())
		env := newLLMEnv(t, map[string]string{"WORK_KEY": secretKey})
		r := env.run(t, "", planning, planning, "--engine", "llm", "--base-url", srv.URL(), "--api-key-env", "WORK_KEY")
		if r.code != ExitLLM || !strings.Contains(r.stderr, "WORK_KEY") {
			t.Errorf("exit %d stderr %q", r.code, r.stderr)
		}
		if srv.Count() != 1 {
			t.Errorf("%d requests: an auth failure should stop the batch", srv.Count())
		}
		assertNoKey(t, env, r)
	})
	t.Run("an endpoint nothing listens on", func(t *testing.T) {
		env := newLLMEnv(t, nil)
		r := env.run(t, "", planning, planning, "--engine", "llm", "--base-url", "http://127.0.0.1:1/v1")
		if r.code != ExitLLM || !strings.Contains(r.stderr, "cannot reach the LLM endpoint") || r.stdout != "" {
			t.Errorf("exit %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
		}
	})
	t.Run("eval stops at the first auth failure", func(t *testing.T) {
		srv := llmtest.New(t)
		srv.Always(llmtest.Unauthorized())
		env := newLLMEnv(t, map[string]string{"OPENAI_API_KEY": secretKey})
		r := env.run(t, "", "eval", "../../testdata/eval", "--engine", "llm", "--base-url", srv.URL(), "--concurrency", "1")
		if r.code != ExitLLM || strings.Count(r.stderr, "\n") != 1 || r.stdout != "" {
			t.Errorf("exit %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
		}
		if srv.Count() > 2 {
			t.Errorf("%d requests after the key was refused", srv.Count())
		}
		assertNoKey(t, env, r)
	})
	t.Run("flag values that cannot work are usage errors", func(t *testing.T) {
		env := newLLMEnv(t, nil)
		for _, args := range [][]string{
			{planning, "--rps", "-1"},
			{planning, "--timeout", "-5s"},
			{planning, "--context-tokens", "-10"},
			{planning, "--json-mode", "yaml", "--engine", "offline"},
			{"week", "../../testdata/week", "--rps", "-1"},
			{"doctor", "--json-mode", "bogus"},
		} {
			if r := env.run(t, "", args...); r.code != ExitUsage || r.stdout != "" {
				t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
			}
		}
		if r := env.run(t, "", "doctor", "--no-cache"); r.code != ExitUsage || !strings.Contains(r.stderr, "unknown flag") {
			t.Errorf("doctor --no-cache: exit %d, stderr %q", r.code, r.stderr)
		}
	})
	t.Run("broken config file", func(t *testing.T) {
		env := newLLMEnv(t, nil)
		env.writeConfig(t, "modle: typo\n")
		r := env.run(t, "", planning)
		if r.code != ExitLLM || !strings.Contains(r.stderr, "modle") {
			t.Errorf("exit %d stderr %q", r.code, r.stderr)
		}
	})
	t.Run("broken prompt override", func(t *testing.T) {
		env := newLLMEnv(t, map[string]string{"OPENAI_API_KEY": secretKey})
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "analyze.md"), []byte("no stamp here\n"), 0o644)
		r := env.run(t, "", planning, "--engine", "llm", "--prompts", dir)
		if r.code != ExitLLM || !strings.Contains(r.stderr, "version stamp") {
			t.Errorf("exit %d stderr %q", r.code, r.stderr)
		}
	})
}

func TestLLMFallbackWarning(t *testing.T) {
	srv := llmtest.New(t)
	srv.Expect(llmtest.InvalidJSON(), llmtest.InvalidJSON())
	env := newLLMEnv(t, map[string]string{"OPENAI_API_KEY": secretKey})
	r := env.run(t, "", planning, "--engine", "llm", "--base-url", srv.URL(), "--format", "json")
	if r.code != 0 || !strings.Contains(r.stderr, "warning") || !strings.Contains(r.stdout, `"warnings":["the gpt-4o-mini answer could not be used`) {
		t.Errorf("exit %d stderr %q stdout %.300s", r.code, r.stderr, r.stdout)
	}
}

func TestDoctor(t *testing.T) {
	srv := llmtest.New(t)
	srv.SetModels("gpt-4o-mini", "llama3.1")
	srv.Expect(llmtest.Reply{Content: `{"commitments":[],"decisions":[],"unheard":[],"credits":[],"open_threads":[],"done":[]}`})
	env := newLLMEnv(t, map[string]string{"OPENAI_API_KEY": secretKey, "OPENAI_BASE_URL": srv.URL()})
	r := env.run(t, "", "doctor")
	if r.code != 0 {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{"OPENAI_API_KEY is set", "2 models", "gpt-4o-mini is listed", "json mode schema accepted", "no file at"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("doctor lacks %q:\n%s", want, r.stdout)
		}
	}
	assertNoKey(t, env, r)

	r = env.run(t, "", "doctor", "--model", "nope")
	if r.code != ExitLLM || !strings.Contains(r.stdout, "FAIL  model") || !strings.Contains(r.stdout, "llama3.1") {
		t.Errorf("missing model: exit %d\n%s", r.code, r.stdout)
	}
	bad := newLLMEnv(t, map[string]string{"OPENAI_API_KEY": secretKey})
	r = bad.run(t, "", "doctor", "--base-url", "http://127.0.0.1:1/v1")
	if r.code != ExitLLM || !strings.Contains(r.stdout, "FAIL  endpoint") {
		t.Errorf("unreachable: exit %d\n%s", r.code, r.stdout)
	}
	assertNoKey(t, bad, r)
}

func TestPromptsCommands(t *testing.T) {
	env := newLLMEnv(t, nil)
	r := env.run(t, "", "prompts", "list")
	if r.code != 0 || !strings.Contains(r.stdout, "analyze") || !strings.Contains(r.stdout, "embedded") {
		t.Errorf("list: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
	r = env.run(t, "", "prompts", "show", "analyze")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "<!-- debrief prompt: analyze, version") {
		t.Errorf("show: exit %d %.100q", r.code, r.stdout)
	}
	if r = env.run(t, "", "prompts", "show", "nope"); r.code != ExitUsage {
		t.Errorf("show nope: exit %d", r.code)
	}
	dir := filepath.Join(t.TempDir(), "p")
	if r = env.run(t, "", "prompts", "export", dir); r.code != 0 || !strings.Contains(r.stdout, "analyze.md") {
		t.Fatalf("export: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r = env.run(t, "", "prompts", "export", dir); r.code == 0 || !strings.Contains(r.stderr, "--force") {
		t.Errorf("export over existing files: exit %d %q", r.code, r.stderr)
	}
	// An override in $XDG_CONFIG_HOME/debrief/prompts replaces that one file.
	over := filepath.Join(env.config, "prompts")
	os.MkdirAll(over, 0o755)
	os.WriteFile(filepath.Join(over, "analyze.md"), []byte("<!-- debrief prompt: analyze, version 7-local -->\nFind commitments.\n"), 0o644)
	r = env.run(t, "", "prompts", "list")
	if !strings.Contains(r.stdout, "7-local") || !strings.Contains(r.stdout, over) || !strings.Contains(r.stdout, "embedded") {
		t.Errorf("override not listed:\n%s", r.stdout)
	}
}

func TestEvalWithLLMFlags(t *testing.T) {
	r := newLLMEnv(t, nil).run(t, "", "eval", "--engine", "llm", "--model", "x", filepath.Dir(planning))
	if r.code != ExitLLM {
		t.Errorf("eval --engine llm with nothing configured: exit %d %q", r.code, r.stderr)
	}
}

// TestAzureAgainstFakeServer: an Azure configuration sends the analysis to the deployment's
// path with the API version and the key in the api-key header, and doctor checks the
// deployment with a request instead of looking for it in the model list.
func TestAzureAgainstFakeServer(t *testing.T) {
	srv := llmtest.New(t)
	srv.SetModels("gpt-4o-mini-2024-07-18")
	env := newLLMEnv(t, map[string]string{"AZURE_OPENAI_API_KEY": secretKey})
	env.writeConfig(t, "base_url: "+srv.AzureURL()+"\nmodel: team-gpt-4o-mini\napi_key_env: AZURE_OPENAI_API_KEY\napi_type: azure\napi_version: 2024-10-21\n")

	srv.Expect(llmtest.Recorded(t, recorded))
	r := env.run(t, "", planning, "--format", "json")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var doc struct {
		Engine struct {
			Name    string `json:"name"`
			Model   string `json:"model"`
			Dropped int    `json:"dropped"`
		} `json:"engine"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
	if doc.Engine.Name != "llm" || doc.Engine.Model != "team-gpt-4o-mini" || doc.Engine.Dropped != 1 {
		t.Errorf("engine %+v: the recorded answer was not used", doc.Engine)
	}
	req := srv.Requests()[0]
	if req.Path != "/openai/deployments/team-gpt-4o-mini/chat/completions" || req.Query.Get("api-version") != "2024-10-21" {
		t.Errorf("request to %s?%s", req.Path, req.Query.Encode())
	}
	if req.Header.Get("api-key") != secretKey || req.Header.Get("Authorization") != "" {
		t.Errorf("api-key header set: %v; Authorization %q", req.Header.Get("api-key") == secretKey, req.Header.Get("Authorization"))
	}

	srv.Expect(llmtest.Reply{Content: `{"commitments":[],"decisions":[],"unheard":[],"credits":[],"open_threads":[],"done":[]}`})
	d := env.run(t, "", "doctor")
	if d.code != 0 {
		t.Fatalf("doctor: exit %d\n%s%s", d.code, d.stdout, d.stderr)
	}
	for _, want := range []string{"Azure API version 2024-10-21", "team-gpt-4o-mini is an Azure deployment name", "json mode schema accepted"} {
		if !strings.Contains(d.stdout, want) {
			t.Errorf("doctor lacks %q:\n%s", want, d.stdout)
		}
	}

	srv.Expect(llmtest.Reply{Status: 404, Body: `{"error":{"code":"DeploymentNotFound","message":"The API deployment for this resource does not exist."}}`})
	nf := env.run(t, "", "doctor", "--model", "no-such-deployment")
	if nf.code != ExitLLM || !strings.Contains(nf.stdout, `FAIL  structured output  Azure deployment "no-such-deployment" not found`) {
		t.Errorf("missing deployment: exit %d\n%s", nf.code, nf.stdout)
	}
	assertNoKey(t, env, r, d, nf)
}
