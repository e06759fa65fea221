package cli

import (
	"strings"
	"testing"
)

// TestChecklistPeriod checks that checklist keeps the meetings of --since/--until, as week
// does, and says so when none is in range.
func TestChecklistPeriod(t *testing.T) {
	tests := []struct {
		name         string
		args         []string
		code         int
		want, absent []string
		stderr       string
	}{
		{
			name:   "since keeps the later meetings",
			args:   []string{"--since", "2026-11-19"},
			want:   []string{"3 meetings", "Update the pricing page", "Sprint retro, 20 Nov"},
			absent: []string{"Mobile standup", "Design review"},
		},
		{
			name:   "until keeps the earlier ones",
			args:   []string{"--until", "2026-11-17"},
			want:   []string{"2 meetings", "Have the migration script ready"},
			absent: []string{"Sales sync", "Sprint retro"},
		},
		{
			name:   "a span back from the clock",
			args:   []string{"--since", "4d"},
			want:   []string{"Sales sync, 19 Nov"},
			absent: []string{"Design review, 18 Nov"},
		},
		{
			name:   "none in range",
			args:   []string{"--since", "2026-12-01"},
			stderr: "none of the 6 meetings found is on or after 2026-12-01: widen --since or --until",
		},
		{
			name:   "since after until",
			args:   []string{"--since", "2026-11-20", "--until", "2026-11-16"},
			code:   ExitUsage,
			stderr: "--since 2026-11-20 is after --until 2026-11-16: swap them",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"checklist", "../../testdata/week", "--engine", "offline"}, tt.args...)
			r := runCLI(t, "", false, args...)
			if r.code != tt.code {
				t.Fatalf("exit %d, want %d; stderr %q", r.code, tt.code, r.stderr)
			}
			if !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("stderr %q, want %q", r.stderr, tt.stderr)
			}
			if tt.want == nil && r.stdout != "" {
				t.Errorf("stdout should be empty:\n%s", r.stdout)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.stdout, w) {
					t.Errorf("missing %q in:\n%s", w, r.stdout)
				}
			}
			for _, a := range tt.absent {
				if strings.Contains(r.stdout, a) {
					t.Errorf("%q should be filtered out:\n%s", a, r.stdout)
				}
			}
		})
	}
}
