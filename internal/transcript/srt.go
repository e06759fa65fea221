package transcript

// parseSRT reads a SubRip file: numbered cues with "00:00:05,000 --> 00:00:09,000" timings.
// Speakers come only from a "Name: text" prefix on the text. A missing index, extra blank
// lines, "." before the milliseconds and <i> tags are tolerated.
func parseSRT(text string) (*parsed, error) {
	r := newCueReader(false)
	if err := r.read(text); err != nil {
		return nil, err
	}
	return r.out, nil
}
