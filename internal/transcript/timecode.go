package transcript

// Timecodes as subtitle and transcript formats write them: "01:02:03.450" (WebVTT),
// "01:02:03,450" (SRT), hour-less "02:03.450", and with no fraction at all ("1:02:10", Otter).

// maxTimecodeDigits bounds the leading field so that a run of digits cannot overflow.
const maxTimecodeDigits = 9

// parseTimecode reads s, which must hold one timecode and nothing else but surrounding spaces.
func parseTimecode(s string) (Seconds, bool) {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	sec, n, ok := scanTimecode(s[i:])
	if !ok {
		return Unknown, false
	}
	for _, c := range []byte(s[i+n:]) {
		if c != ' ' && c != '\t' {
			return Unknown, false
		}
	}
	return sec, true
}

// scanTimecode reads a timecode at the start of s: [H:]MM:SS with an optional fraction after
// "." or ",". The hours (or the minutes when there are no hours) may have any number of digits
// up to nine; the later fields have two digits below 60. It returns the time, the number of
// bytes read, and whether a timecode was there.
func scanTimecode(s string) (Seconds, int, bool) {
	var fields [3]int64
	nf := 0
	i := 0
	for {
		start := i
		var v int64
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			v = v*10 + int64(s[i]-'0')
			i++
			if i-start > maxTimecodeDigits {
				return Unknown, 0, false
			}
		}
		digits := i - start
		if digits == 0 {
			return Unknown, 0, false
		}
		if nf > 0 && (digits != 2 || v >= 60) {
			return Unknown, 0, false
		}
		fields[nf] = v
		nf++
		if nf == 3 || i >= len(s) || s[i] != ':' {
			break
		}
		i++ // the colon
	}
	if nf < 2 {
		return Unknown, 0, false
	}
	if nf == 3 && i < len(s) && s[i] == ':' {
		// A fourth field (frames, as in "00:00:01:12") is not a timecode we read.
		return Unknown, 0, false
	}
	var total int64 // milliseconds
	if nf == 3 {
		total = (fields[0]*3600 + fields[1]*60 + fields[2]) * 1000
	} else {
		total = (fields[0]*60 + fields[1]) * 1000
	}
	if i+1 < len(s) && (s[i] == '.' || s[i] == ',') && s[i+1] >= '0' && s[i+1] <= '9' {
		i++
		var ms int64
		scale := int64(100)
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			ms += int64(s[i]-'0') * scale
			scale /= 10
			i++
		}
		total += ms
	}
	return Seconds(float64(total) / 1000), i, true
}
