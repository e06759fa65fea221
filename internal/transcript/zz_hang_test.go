package transcript

import (
	"math/rand/v2"
	"testing"
	"time"
)

func TestZZHang(t *testing.T) {
	seeds := fixtures(t, "vtt-")
	rng := rand.New(rand.NewPCG(9, 9))
	for i := 0; i < 20000; i++ {
		b := append([]byte(nil), seeds[rng.IntN(len(seeds))]...)
		for k := rng.IntN(8); k >= 0; k-- {
			p := rng.IntN(len(b))
			switch rng.IntN(3) {
			case 0:
				b[p] = byte(rng.IntN(256))
			case 1:
				b = append(b[:p], b[min(len(b), p+rng.IntN(50)):]...)
			case 2:
				b = append(b[:p], append([]byte{byte(rng.IntN(128))}, b[p:]...)...)
			}
			if len(b) == 0 {
				b = []byte("x")
			}
		}
		done := make(chan bool)
		go func() {
			_, _ = parseVTT(string(b))
			_, _ = Parse(b, Options{Format: FormatVTT})
			_, _ = Parse(b, Options{Source: "meeting.vtt"})
			_, _ = Parse(b, Options{Format: FormatSRT})
			_, _ = Parse(b, Options{Source: "meeting.srt"})
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(2 * time.Second):
			t.Fatalf("hang on %q", b)
		}
	}
}
