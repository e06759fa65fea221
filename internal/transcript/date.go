package transcript

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

var (
	isoDateRe   = regexp.MustCompile(`(?:^|[^\d])(\d{4})-(\d{2})-(\d{2})(?:[^\d]|$)`)
	dmyNameRe   = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})\b`)
	mdyNameRe   = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	compactRe   = regexp.MustCompile(`(?:^|[^\d])(20\d{2})(\d{2})(\d{2})(?:[^\d]|$)`)
	monthByName = map[string]time.Month{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
)

// FindDate returns the first calendar date written in s as YYYY-MM-DD: ISO dates, "18 November
// 2026", "Nov 18, 2026". Numeric day/month orders other than ISO are ambiguous and ignored.
func FindDate(s string) (string, bool) {
	best, bestAt := "", -1
	try := func(at int, y, mo, d int) {
		if iso, ok := validDate(y, mo, d); ok && (bestAt < 0 || at < bestAt) {
			best, bestAt = iso, at
		}
	}
	if m := isoDateRe.FindStringSubmatchIndex(s); m != nil {
		try(m[0], atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]]))
	}
	if m := dmyNameRe.FindStringSubmatchIndex(s); m != nil {
		try(m[0], atoi(s[m[6]:m[7]]), int(monthByName[strings.ToLower(s[m[4]:m[5]])]), atoi(s[m[2]:m[3]]))
	}
	if m := mdyNameRe.FindStringSubmatchIndex(s); m != nil {
		try(m[0], atoi(s[m[6]:m[7]]), int(monthByName[strings.ToLower(s[m[2]:m[3]])]), atoi(s[m[4]:m[5]]))
	}
	return best, bestAt >= 0
}

// dateFromFileName finds a date in a file name: 2026-11-18-planning.vtt, planning_20261118.srt.
func dateFromFileName(name string) (string, bool) {
	if d, ok := FindDate(name); ok {
		return d, true
	}
	if m := compactRe.FindStringSubmatch(name); m != nil {
		return validDate(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	return "", false
}

func validDate(y, mo, d int) (string, bool) {
	if y < 1970 || y > 2200 || mo < 1 || mo > 12 || d < 1 {
		return "", false
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// resolveDate sets the meeting date from the content, else the file name, else the --date flag.
// It never falls back to the file's modification time.
func resolveDate(m *Meeting, fromContent string, opts Options) {
	switch {
	case fromContent != "":
		m.Date, m.DateFrom = fromContent, "content"
	default:
		if d, ok := dateFromFileName(baseName(opts.Source)); ok {
			m.Date, m.DateFrom = d, "filename"
		} else if opts.Date != "" {
			m.Date, m.DateFrom = opts.Date, "flag"
		}
	}
}
