package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestPrecedence(t *testing.T) {
	file := File{Model: "file-model", BaseURL: "http://file/v1", APIKeyEnv: "FILE_KEY", Timeout: "45s", RPS: 2, ContextTokens: 32000, JSONMode: "object"}
	e := map[string]string{"DEBRIEF_MODEL": "env-model", "OPENAI_BASE_URL": "http://openai-env/v1", "FILE_KEY": "k1", "FLAG_KEY": "k2"}
	s, err := Resolve(Flags{}, env(e), file, "", true)
	if err != nil {
		t.Fatal(err)
	}
	if s.Model != "env-model" || s.BaseURL != "http://openai-env/v1" || s.APIKey != "k1" || s.Timeout != 45*time.Second ||
		s.RPS != 2 || s.ContextTokens != 32000 || s.JSONMode != "object" || !s.Configured() {
		t.Errorf("env over file: %+v", s)
	}
	e["DEBRIEF_BASE_URL"] = "http://debrief-env/v1/"
	rps := 0.5
	s, err = Resolve(Flags{Model: "flag-model", APIKeyEnv: "FLAG_KEY", RPS: &rps, Timeout: time.Second, JSONMode: "schema"}, env(e), file, "", true)
	if err != nil {
		t.Fatal(err)
	}
	if s.Model != "flag-model" || s.BaseURL != "http://debrief-env/v1" || s.APIKey != "k2" || s.APIKeyVar != "FLAG_KEY" ||
		s.RPS != 0.5 || s.Timeout != time.Second || s.JSONMode != "schema" {
		t.Errorf("flags over env: %+v", s)
	}
	if strings.Contains(s.String(), "k2") {
		t.Error("String() shows the key")
	}
}

func TestDefaultsAndAzure(t *testing.T) {
	s, err := Resolve(Flags{}, env(nil), File{}, "", false)
	if err != nil {
		t.Fatal(err)
	}
	if s.Configured() || s.Model != DefaultModel || s.BaseURL != DefaultBaseURL || s.APIKeyVar != "OPENAI_API_KEY" || s.APIType != "openai" {
		t.Errorf("defaults: %+v", s)
	}
	s, _ = Resolve(Flags{BaseURL: "https://acme.openai.azure.com"}, env(nil), File{}, "", false)
	if s.APIType != "azure" || !s.Configured() {
		t.Errorf("azure not detected: %+v", s)
	}
	if _, err := Resolve(Flags{JSONMode: "xml"}, env(nil), File{}, "", false); err == nil {
		t.Error("bad json mode accepted")
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "config.yaml")
	if _, found, err := Load(p); found || err != nil {
		t.Errorf("missing file: %v %v", found, err)
	}
	os.WriteFile(p, []byte("model: llama3.1\nbase_url: http://localhost:11434/v1\ntimeout: 3m\nprompts_dir: /tmp/p\n"), 0o644)
	f, found, err := Load(p)
	if !found || err != nil || f.Model != "llama3.1" || f.Timeout != "3m" || f.PromptsDir != "/tmp/p" {
		t.Errorf("%+v %v %v", f, found, err)
	}
	os.WriteFile(p, []byte(""), 0o644)
	if _, _, err := Load(p); err != nil {
		t.Errorf("empty file: %v", err)
	}
	os.WriteFile(p, []byte("api_key: sk-123\n"), 0o644)
	if _, _, err := Load(p); err == nil || strings.Contains(err.Error(), "\n") {
		t.Errorf("unknown key (a key in the file) must be a one-line error: %v", err)
	}
	if d, _ := Dir(env(map[string]string{"XDG_CONFIG_HOME": "/x"})); d != "/x/debrief" {
		t.Errorf("Dir %q", d)
	}
	if d, _ := CacheDir(env(map[string]string{"XDG_CACHE_HOME": "/c"})); d != "/c/debrief" {
		t.Errorf("CacheDir %q", d)
	}
}

func TestAzureDetection(t *testing.T) {
	tests := []struct {
		name, baseURL, apiType string
		wantType, wantURL      string
		wantErr                string
	}{
		{"resource endpoint", "https://acme.openai.azure.com/", "", "azure", "https://acme.openai.azure.com", ""},
		{"Foundry resource endpoint", "https://acme.cognitiveservices.azure.com", "", "azure", "https://acme.cognitiveservices.azure.com", ""},
		{"trailing /openai removed", "https://acme.openai.azure.com/openai", "", "azure", "https://acme.openai.azure.com", ""},
		{"api_type azure on a proxy", "https://llm-gateway.example.com", "Azure", "azure", "https://llm-gateway.example.com", ""},
		{"v1 API is OpenAI-compatible", "https://acme.openai.azure.com/openai/v1", "", "openai", "https://acme.openai.azure.com/openai/v1", ""},
		{"v1 API with api_type azure", "https://acme.openai.azure.com/openai/v1/", "azure", "", "", "v1 API"},
		{"azure in a path is not Azure", "https://proxy.example.com/x.openai.azure.com/v1", "", "openai", "https://proxy.example.com/x.openai.azure.com/v1", ""},
		{"api_type openai wins", "https://acme.openai.azure.com", "openai", "openai", "https://acme.openai.azure.com", ""},
		{"unknown api_type", "https://acme.openai.azure.com", "aws", "", "", "use openai or azure"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Resolve(Flags{BaseURL: tt.baseURL}, env(nil), File{APIType: tt.apiType, APIVersion: " 2024-10-21 "}, "", false)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one saying %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s.APIType != tt.wantType || s.BaseURL != tt.wantURL || s.APIVersion != "2024-10-21" {
				t.Errorf("api type %q, base URL %q, version %q; want %q, %q", s.APIType, s.BaseURL, s.APIVersion, tt.wantType, tt.wantURL)
			}
		})
	}
}
