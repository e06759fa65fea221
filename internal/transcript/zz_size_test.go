package transcript

import "testing"

func TestZZSize(t *testing.T) {
	t.Log(len(genTeamsVTT(1000)), len(genTeamsVTT(50<<20/150)), len(genSRT(1000)), len(genSRT(50<<20/120)))
	p, _ := parseVTT(genTeamsVTT(1000))
	t.Log(len(p.Turns))
}
