// Package config resolves debrief's LLM settings from three places, in order of precedence:
// command-line flags, then environment variables, then the config file
// $XDG_CONFIG_HOME/debrief/config.yaml. It never reads the process environment itself: the
// caller passes a Getenv function, so tests stay hermetic.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Environment variables debrief reads.
const (
	EnvModel         = "DEBRIEF_MODEL"
	EnvBaseURL       = "DEBRIEF_BASE_URL"
	EnvOpenAIKey     = "OPENAI_API_KEY"
	EnvOpenAIBaseURL = "OPENAI_BASE_URL"
	EnvConfigHome    = "XDG_CONFIG_HOME"
	EnvCacheHome     = "XDG_CACHE_HOME"
)

// Defaults used when nothing sets a value.
const (
	DefaultModel         = "gpt-4o-mini"
	DefaultBaseURL       = "https://api.openai.com/v1"
	DefaultTimeout       = 120 * time.Second
	DefaultContextTokens = 128000
	DefaultJSONMode      = "schema"
)

// File is the config file's content. Every field is optional. The API key itself is never
// read from the file: api_key_env names the variable that holds it.
type File struct {
	Model         string  `yaml:"model"`
	BaseURL       string  `yaml:"base_url"`
	APIKeyEnv     string  `yaml:"api_key_env"`
	APIType       string  `yaml:"api_type"`
	APIVersion    string  `yaml:"api_version"`
	RPS           float64 `yaml:"rps"`
	Timeout       string  `yaml:"timeout"`
	ContextTokens int     `yaml:"context_tokens"`
	JSONMode      string  `yaml:"json_mode"`
	PromptsDir    string  `yaml:"prompts_dir"`
	NoCache       bool    `yaml:"no_cache"`
}

// Flags are the values given on the command line. A zero value (or nil pointer) means the flag
// was not given.
type Flags struct {
	Model         string
	BaseURL       string
	APIKeyEnv     string
	PromptsDir    string
	JSONMode      string
	RPS           *float64
	Timeout       time.Duration
	ContextTokens int
	NoCache       bool
}

// Settings are the resolved LLM settings.
type Settings struct {
	Model   string
	BaseURL string
	// APIKey is the secret. It must never be printed, logged, cached or put in an error.
	APIKey string
	// APIKeyVar is the name of the environment variable the key is read from.
	APIKeyVar string
	// APIType is "openai" or "azure".
	APIType       string
	APIVersion    string
	RPS           float64
	Timeout       time.Duration
	ContextTokens int
	JSONMode      string
	PromptsDir    string
	NoCache       bool
	// BaseURLSet is true when a base URL was configured anywhere (not the default).
	BaseURLSet bool
	// ConfigPath is the config file looked at; ConfigFound says whether it exists.
	ConfigPath  string
	ConfigFound bool
	// Sources says where each setting came from ("flag", "env DEBRIEF_MODEL", "config", "default").
	Sources map[string]string
}

// Configured reports whether an LLM endpoint is configured: a key or a base URL.
func (s Settings) Configured() bool { return s.APIKey != "" || s.BaseURLSet }

// String describes the settings without the key.
func (s Settings) String() string {
	key := "not set"
	if s.APIKey != "" {
		key = "set"
	}
	return fmt.Sprintf("model=%s base_url=%s key(%s)=%s", s.Model, s.BaseURL, s.APIKeyVar, key)
}

// Dir returns debrief's config directory: $XDG_CONFIG_HOME/debrief, or the platform's user
// config directory when XDG_CONFIG_HOME is not set.
func Dir(getenv func(string) string) (string, error) {
	if d := getenv(EnvConfigHome); d != "" {
		return filepath.Join(d, "debrief"), nil
	}
	d, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the config directory: %w (set %s)", err, EnvConfigHome)
	}
	return filepath.Join(d, "debrief"), nil
}

// CacheDir returns debrief's cache directory: $XDG_CACHE_HOME/debrief, or the platform's user
// cache directory when XDG_CACHE_HOME is not set.
func CacheDir(getenv func(string) string) (string, error) {
	if d := getenv(EnvCacheHome); d != "" {
		return filepath.Join(d, "debrief"), nil
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("find the cache directory: %w (set %s)", err, EnvCacheHome)
	}
	return filepath.Join(d, "debrief"), nil
}

// Load reads the config file at path. A missing file is not an error: found is false.
// Unknown keys are an error, so that a typo does not go unnoticed.
func Load(path string) (f File, found bool, err error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return File{}, false, nil
	}
	if err != nil {
		return File{}, false, fmt.Errorf("read config file: %w", err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil && !errors.Is(err, io.EOF) {
		msg := strings.TrimPrefix(err.Error(), "yaml: unmarshal errors:\n")
		msg = strings.Join(strings.Fields(strings.ReplaceAll(msg, "\n", "; ")), " ")
		return File{}, true, fmt.Errorf("config file %s: %s", path, msg)
	}
	return f, true, nil
}

// Resolve merges flags, environment and file: flags beat environment beat file beat defaults.
// configPath and found describe the file that f came from.
func Resolve(fl Flags, getenv func(string) string, f File, configPath string, found bool) (Settings, error) {
	s := Settings{ConfigPath: configPath, ConfigFound: found, Sources: map[string]string{}}
	pick := func(name string, flag string, envs []string, file, def string) string {
		if flag != "" {
			s.Sources[name] = "flag"
			return flag
		}
		for _, e := range envs {
			if v := strings.TrimSpace(getenv(e)); v != "" {
				s.Sources[name] = "env " + e
				return v
			}
		}
		if file != "" {
			s.Sources[name] = "config"
			return file
		}
		s.Sources[name] = "default"
		return def
	}
	s.Model = pick("model", fl.Model, []string{EnvModel}, f.Model, DefaultModel)
	s.BaseURL = strings.TrimRight(pick("base_url", fl.BaseURL, []string{EnvBaseURL, EnvOpenAIBaseURL}, f.BaseURL, DefaultBaseURL), "/")
	s.BaseURLSet = s.Sources["base_url"] != "default"
	s.APIKeyVar = pick("api_key_env", fl.APIKeyEnv, nil, f.APIKeyEnv, EnvOpenAIKey)
	s.APIKey = strings.TrimSpace(getenv(s.APIKeyVar))
	s.PromptsDir = pick("prompts_dir", fl.PromptsDir, nil, f.PromptsDir, "")
	s.JSONMode = pick("json_mode", fl.JSONMode, nil, f.JSONMode, DefaultJSONMode)
	if s.JSONMode != "schema" && s.JSONMode != "object" {
		return s, fmt.Errorf("json mode %q: use schema or object", s.JSONMode)
	}
	s.APIVersion = strings.TrimSpace(f.APIVersion)
	apiType, baseURL, err := resolveAPIType(f.APIType, s.BaseURL)
	if err != nil {
		return s, err
	}
	s.APIType, s.BaseURL = apiType, baseURL
	switch {
	case fl.RPS != nil:
		s.RPS = *fl.RPS
	default:
		s.RPS = f.RPS
	}
	if s.RPS < 0 {
		return s, fmt.Errorf("rps %v: use a positive number, or 0 for no limit", s.RPS)
	}
	s.Timeout = DefaultTimeout
	switch {
	case fl.Timeout > 0:
		s.Timeout = fl.Timeout
	case f.Timeout != "":
		d, err := time.ParseDuration(f.Timeout)
		if err != nil || d <= 0 {
			return s, fmt.Errorf("config timeout %q: write a duration such as 90s or 2m", f.Timeout)
		}
		s.Timeout = d
	}
	s.ContextTokens = DefaultContextTokens
	switch {
	case fl.ContextTokens > 0:
		s.ContextTokens = fl.ContextTokens
	case f.ContextTokens > 0:
		s.ContextTokens = f.ContextTokens
	}
	s.NoCache = fl.NoCache || f.NoCache
	return s, nil
}

// resolveAPIType decides how the endpoint is spoken to: "azure" when the config file says so
// or the base URL is an Azure OpenAI resource endpoint, "openai" otherwise. For Azure the
// base URL is the resource endpoint; a trailing /openai, which the client adds itself, is
// removed. Azure's v1 API (a base URL ending in /openai/v1) speaks the OpenAI protocol, so it
// is "openai" unless the file says otherwise, which is an error.
func resolveAPIType(configured, baseURL string) (apiType, base string, err error) {
	lower := strings.ToLower(baseURL)
	v1 := strings.HasSuffix(lower, "/openai/v1")
	switch strings.ToLower(strings.TrimSpace(configured)) {
	case "":
		if !isAzureEndpoint(lower) || v1 {
			return "openai", baseURL, nil
		}
	case "openai":
		return "openai", baseURL, nil
	case "azure":
		if v1 {
			return "", "", fmt.Errorf("base URL %s is Azure's v1 API, which speaks the OpenAI protocol: remove api_type: azure from the config file, or use the resource endpoint without /openai/v1", baseURL)
		}
	default:
		return "", "", fmt.Errorf("config api_type %q: use openai or azure", configured)
	}
	if strings.HasSuffix(lower, "/openai") {
		baseURL = baseURL[:len(baseURL)-len("/openai")]
	}
	return "azure", baseURL, nil
}

// isAzureEndpoint reports whether a (lower-case) base URL is on an Azure OpenAI resource
// endpoint: NAME.openai.azure.com, or NAME.cognitiveservices.azure.com for resources made in
// Azure AI Foundry.
func isAzureEndpoint(baseURL string) bool {
	u, err := url.Parse(baseURL)
	if err != nil {
		return false
	}
	host := u.Hostname()
	return strings.HasSuffix(host, ".openai.azure.com") || strings.HasSuffix(host, ".cognitiveservices.azure.com")
}
