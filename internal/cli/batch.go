package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/debrief-cli/debrief/internal/analyze"
	"github.com/debrief-cli/debrief/internal/iostreams"
	"github.com/debrief-cli/debrief/internal/report"
	"github.com/debrief-cli/debrief/internal/transcript"
)

// llmConcurrency is the default number of meetings analyzed at once by an LLM engine: enough
// to overlap the requests, few enough to stay clear of rate limits.
const llmConcurrency = 4

// batchFlags are the flags shared by the commands that read many meetings at once (week,
// checklist).
type batchFlags struct {
	Input       inputFlags
	LLM         llmFlags
	Engine      string
	Me          string
	Output      string
	Now         string
	Concurrency int
}

func (bf *batchFlags) register(cmd *cobra.Command) {
	bf.Input.register(cmd)
	bf.LLM.register(cmd, true)
	fl := cmd.Flags()
	fl.StringVar(&bf.Engine, "engine", "auto", "analysis engine: auto, offline or llm (auto is offline until an LLM is configured)")
	fl.StringVar(&bf.Me, "me", "", "speak to this attendee: their own share of the talk and their own promises")
	fl.StringVarP(&bf.Output, "output", "o", "", "write the result to this file instead of standard output")
	fl.StringVar(&bf.Now, "now", "", "the day overdue is measured against, YYYY-MM-DD (default today)")
	fl.IntVar(&bf.Concurrency, "concurrency", 0, "meetings analyzed at once (default the number of CPUs offline, 4 with an LLM)")
	_ = cmd.RegisterFlagCompletionFunc("engine", fixedCompletion(engineChoices...))
	_ = cmd.RegisterFlagCompletionFunc("me", attendeeCompletion)
}

// now resolves --now, or today by the factory's clock, as the start of that day.
func (bf *batchFlags) now(f *Factory) (time.Time, error) {
	clock := f.Now()
	if bf.Now == "" {
		y, m, d := clock.Date()
		return time.Date(y, m, d, 0, 0, 0, 0, clock.Location()), nil
	}
	t, err := time.ParseInLocation(time.DateOnly, bf.Now, clock.Location())
	if err != nil {
		return time.Time{}, usageErrorf("--now %q: write the date as YYYY-MM-DD", bf.Now)
	}
	return t, nil
}

// check validates the flags that need no engine, so that a usage error comes before any
// message about the engine.
func (bf *batchFlags) check() error {
	if bf.Concurrency < 0 {
		return usageErrorf("--concurrency %d: give a number of meetings, at least 1", bf.Concurrency)
	}
	return bf.LLM.check()
}

// engine returns the --engine engine and the number of meetings to analyze at once:
// --concurrency, else the CPU count for the offline engine and llmConcurrency for an LLM.
func (bf *batchFlags) engine(f *Factory) (analyze.Engine, int, error) {
	f.LLMOptions = bf.LLM.values()
	engine, err := f.Engine(bf.Engine)
	if err != nil {
		return nil, 0, err
	}
	return engine, bf.concurrency(engine), nil
}

// engineFor is engine, for the files found: when none of them exists, nothing will be
// analyzed, so no engine is chosen and nothing is said about one; each file's failure to be
// read is then the only message.
func (bf *batchFlags) engineFor(f *Factory, fd found) (analyze.Engine, int, error) {
	if !fd.openable() {
		return analyze.Offline{}, 1, nil
	}
	return bf.engine(f)
}

// openable reports whether any candidate exists to be read (standard input always may).
func (fd found) openable() bool {
	for _, c := range fd.candidates {
		if c.path == "-" {
			return true
		}
		if _, err := os.Stat(c.path); err == nil {
			return true
		}
	}
	return false
}

// concurrency is --concurrency, or its default for the engine.
func (bf *batchFlags) concurrency(engine analyze.Engine) int {
	if bf.Concurrency > 0 {
		return bf.Concurrency
	}
	return defaultConcurrency(engine)
}

// defaultConcurrency is how many meetings an engine analyzes at once by default: one per CPU
// offline; a few with an LLM, to stay under the endpoint's rate limits.
func defaultConcurrency(engine analyze.Engine) int {
	switch engine.(type) {
	case analyze.Offline, *analyze.Offline:
		return runtime.NumCPU()
	}
	return llmConcurrency
}

// candidate is a file that may hold a meeting. A file the user named is always read; one
// found by walking a directory is passed over when its content is not a meeting.
type candidate struct {
	path     string
	explicit bool
}

// found is what the walk over the arguments turned up.
type found struct {
	candidates []candidate
	// skipped counts the files passed over by their extension (images, archives, code).
	skipped  int
	failures []report.Failure
}

// findMeetingFiles lists the files to read: the files given, and every file under the
// directories given, recursively. Hidden files and folders are ignored; files whose extension
// says they are not meetings (images, audio, archives, code) are skipped and counted.
func findMeetingFiles(args []string) found {
	var fd found
	seen := map[string]bool{}
	add := func(path string, explicit bool) {
		if key := filepath.Clean(path); path == "-" || !seen[key] {
			seen[key] = true
			fd.candidates = append(fd.candidates, candidate{path: path, explicit: explicit})
		}
	}
	for _, arg := range args {
		if arg == "-" {
			add(arg, true)
			continue
		}
		st, err := os.Stat(arg)
		if err != nil || !st.IsDir() {
			// ReadFile says what is wrong with a missing or unreadable file.
			add(arg, true)
			continue
		}
		walkErr := filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				fd.failures = append(fd.failures, report.Failure{Path: path, Reason: "cannot read: " + pathReason(err)})
				if d != nil && d.IsDir() && path != arg {
					return fs.SkipDir
				}
				return nil
			}
			if path != arg && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				if st, err := os.Stat(path); err == nil && st.IsDir() {
					// Links to folders are not followed, so that a loop cannot trap the walk.
					return nil
				}
			}
			if !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
				fd.skipped++
				return nil
			}
			if notMeetingExt(path) {
				fd.skipped++
				return nil
			}
			add(path, false)
			return nil
		})
		if walkErr != nil {
			fd.failures = append(fd.failures, report.Failure{Path: arg, Reason: "cannot read: " + pathReason(walkErr)})
		}
	}
	return fd
}

func pathReason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// notMeetingExt reports whether a file's extension says it holds no meeting transcript or notes.
func notMeetingExt(path string) bool {
	name := strings.ToLower(filepath.Base(path))
	if strings.HasSuffix(name, ".gold.json") {
		return true // eval labels, not meetings
	}
	switch filepath.Ext(name) {
	case ".png", ".jpg", ".jpeg", ".gif", ".webp", ".heic", ".bmp", ".tif", ".tiff", ".svg", ".ico",
		".mp3", ".m4a", ".wav", ".ogg", ".flac", ".aac", ".opus", ".mp4", ".mov", ".mkv", ".webm", ".avi",
		".zip", ".gz", ".tgz", ".tar", ".bz2", ".xz", ".zst", ".7z", ".rar",
		".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".key", ".pages", ".numbers", ".odt", ".ods", ".odp",
		".go", ".mod", ".sum", ".py", ".js", ".ts", ".java", ".c", ".h", ".cpp", ".rs", ".rb", ".sh", ".css", ".html", ".htm",
		".yaml", ".yml", ".toml", ".lock", ".ics", ".csv", ".tsv", ".log", ".db", ".sqlite",
		".exe", ".dll", ".so", ".dylib", ".o", ".a", ".bin", ".class", ".jar", ".wasm":
		return true
	}
	return false
}

// meetingExt reports whether a file's extension says it is a transcript or notes, so that a
// failure to read it is an error rather than a file passed over.
func meetingExt(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".vtt", ".srt", ".txt", ".text", ".md", ".markdown", ".json":
		return true
	}
	return false
}

// looksLikeMeeting tells a meeting found by walking from a file that only parses as one: JSON
// that is not a transcript format, or text with no speakers, no attendees and no date.
func looksLikeMeeting(m *transcript.Meeting, path string) bool {
	if strings.EqualFold(filepath.Ext(path), ".json") {
		switch m.Format {
		case transcript.FormatWhisper, transcript.FormatWhisperX, transcript.FormatAssemblyAI, transcript.FormatDeepgram:
		default:
			return false
		}
	}
	return m.HasSpeakers || len(m.Attendees) > 0 || m.Date != ""
}

// batch is the work shared by week and checklist: the engine and how to read and analyze.
type batch struct {
	ios         *iostreams.IOStreams
	engine      analyze.Engine
	read        transcript.Options
	me          string
	now         time.Time
	concurrency int
	// keep says whether a meeting of this date belongs in the result.
	keep func(date string) bool
}

// batchResult is what came of the batch: the meetings' reports (in no particular order) and
// the files skipped, left out by date, or failed.
type batchResult struct {
	meetings   []report.MeetingReport
	skipped    int
	outOfRange int
	failures   []report.Failure
	// firstErr is the error of the first failed file, for the exit code when all failed.
	firstErr error
	warnings []string
	// meFound is true when --me named an attendee of at least one meeting.
	meFound bool
}

// fileResult is what came of one file.
type fileResult struct {
	meeting    *report.MeetingReport
	skipped    bool
	outOfRange bool
	err        error
	warnings   []string
}

// run reads and analyzes the candidates concurrently. Each worker keeps only the finished
// report of a meeting, never its transcript, so memory grows with the findings, not with the
// size of the input. One bad file never stops the others.
func (b *batch) run(ctx context.Context, fd found, label string) batchResult {
	results := make([]fileResult, len(fd.candidates))
	bar := newBatchProgress(ctx, b.ios, label, len(fd.candidates))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(b.concurrency, len(fd.candidates)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = b.one(ctx, fd.candidates[i])
				bar.increment()
			}
		}()
	}
	for i := range fd.candidates {
		if ctx.Err() != nil {
			break
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	bar.wait()

	res := batchResult{skipped: fd.skipped, failures: fd.failures}
	for i, r := range results {
		path := displayName(fd.candidates[i].path)
		for _, w := range r.warnings {
			res.warnings = append(res.warnings, path+": "+w)
		}
		switch {
		case r.err != nil:
			reason := r.err.Error()
			var ie *transcript.InputError
			if errors.As(r.err, &ie) {
				reason = ie.Reason
			}
			res.failures = append(res.failures, report.Failure{Path: path, Reason: reason})
			if res.firstErr == nil {
				res.firstErr = r.err
			}
		case r.skipped:
			res.skipped++
		case r.outOfRange:
			res.outOfRange++
		case r.meeting != nil:
			if r.meeting.Me != "" {
				res.meFound = true
			}
			res.meetings = append(res.meetings, *r.meeting)
		}
	}
	return res
}

// one reads, dates, filters and analyzes one file.
func (b *batch) one(ctx context.Context, c candidate) fileResult {
	if err := ctx.Err(); err != nil {
		return fileResult{err: err}
	}
	m, err := transcript.ReadFile(c.path, b.ios.In, b.read)
	if err != nil {
		if !c.explicit && (!meetingExt(c.path) || errors.Is(err, transcript.ErrNotTranscript)) {
			// Found by walking a folder and not a meeting: a package.json, an image.
			return fileResult{skipped: true}
		}
		return fileResult{err: err}
	}
	if !c.explicit && !looksLikeMeeting(m, c.path) {
		return fileResult{skipped: true}
	}
	dateFrom := m.DateFrom
	if m.Date == "" && c.path != "-" {
		if st, err := os.Stat(c.path); err == nil {
			m.Date = st.ModTime().In(b.now.Location()).Format(time.DateOnly)
			dateFrom = report.DateFromMTime
		}
	}
	if !b.keep(m.Date) {
		return fileResult{outOfRange: true, warnings: m.Warnings}
	}
	me := ""
	if b.me != "" {
		if name, ok := m.FindPerson(b.me); ok {
			me = name
		}
	}
	f, err := b.engine.Analyze(ctx, m, analyze.Options{Me: me, Now: b.now})
	if err != nil {
		return fileResult{err: fmt.Errorf("analyze: %w", err), warnings: m.Warnings}
	}
	if dateFrom == report.DateFromMTime {
		f.Limits = append(f.Limits, "Neither the content nor the file name gives the meeting date, so the date "+m.Date+
			" is the file's modification time: pass --date YYYY-MM-DD or put the date in the file name to be sure.")
	}
	return fileResult{
		meeting: &report.MeetingReport{
			Path: displayName(c.path), DateFrom: dateFrom, Me: me,
			Report: report.Detach(report.NewDocument(f)),
		},
		warnings: m.Warnings,
	}
}

// finish prints the warnings and failures on stderr and turns the outcome into the command's
// error: nil, exit 5 when some files failed, or the first failure's code when all did.
func (r *batchResult) finish(ios *iostreams.IOStreams, me string) error {
	for _, w := range r.warnings {
		fmt.Fprintln(ios.ErrOut, "debrief: warning: "+w)
	}
	if me != "" && !r.meFound && len(r.meetings) > 0 {
		fmt.Fprintf(ios.ErrOut, "debrief: warning: --me %q is not among the attendees of any meeting\n", me)
	}
	for _, f := range r.failures {
		fmt.Fprintf(ios.ErrOut, "debrief: %s: %s\n", f.Path, f.Reason)
	}
	if len(r.failures) == 0 {
		return nil
	}
	if len(r.meetings) == 0 && r.outOfRange == 0 {
		code := ExitInput
		if r.firstErr != nil {
			code = exitCode(r.firstErr, io.Discard)
		}
		return &silentError{code: code}
	}
	return &partialError{failed: len(r.failures), total: len(r.failures) + len(r.meetings) + r.outOfRange}
}

// noMeetings is the error for arguments that hold no meeting file at all.
func noMeetings(args []string, skipped int) error {
	reason := "no meeting files found in " + strings.Join(args, ", ")
	if skipped > 0 {
		reason += " (" + strconv.Itoa(skipped) + " other files skipped)"
	}
	return &transcript.InputError{Reason: reason + ": give transcripts or notes (.vtt, .srt, .txt, .md, .json)"}
}

// batchProgress is the progress bar on stderr; nil when stderr is not a terminal.
type batchProgress struct {
	p   *mpb.Progress
	bar *mpb.Bar
}

func newBatchProgress(ctx context.Context, ios *iostreams.IOStreams, label string, total int) *batchProgress {
	if !ios.IsStderrTTY() || total == 0 {
		return nil
	}
	p := mpb.NewWithContext(ctx, mpb.WithOutput(ios.ErrOut), mpb.WithWidth(min(ios.TerminalWidth(), 60)),
		// The streams say stderr is a terminal: render even when mpb cannot tell.
		mpb.WithAutoRefresh())
	bar := p.AddBar(int64(total),
		mpb.PrependDecorators(decor.Name(label+" "), decor.CountersNoUnit("%d/%d")),
		mpb.AppendDecorators(decor.Percentage(decor.WCSyncSpace)),
		mpb.BarRemoveOnComplete(),
	)
	return &batchProgress{p: p, bar: bar}
}

func (b *batchProgress) increment() {
	if b != nil {
		b.bar.Increment()
	}
}

func (b *batchProgress) wait() {
	if b == nil {
		return
	}
	if !b.bar.Completed() {
		b.bar.Abort(true)
	}
	b.p.Wait()
}

// batchRun is what week and checklist share: the flags read, and the meeting files of the
// inputs found and analyzed.
type batchRun struct {
	now          time.Time
	since, until string
	inputs       []string
	dest         *output
	res          batchResult
}

// runBatch reads the batch and period flags, then the inputs (inputs is called once the flags
// are checked), checks -o against them, and finds and analyzes their meeting files. It fails
// with noMeetings when the inputs hold no meeting file at all.
func runBatch(ctx context.Context, f *Factory, bf *batchFlags, pf periodFlags, inputs func() ([]string, error)) (*batchRun, error) {
	readOpts, err := bf.Input.options()
	if err != nil {
		return nil, err
	}
	r := &batchRun{}
	if r.now, err = bf.now(f); err != nil {
		return nil, err
	}
	since, until, keep, err := dateFilter(pf.Since, pf.Until, r.now)
	if err != nil {
		return nil, err
	}
	r.since, r.until = since, until
	if err := bf.check(); err != nil {
		return nil, err
	}
	if r.inputs, err = inputs(); err != nil {
		return nil, err
	}
	if r.dest, err = newOutput(f.IOStreams, bf.Output, r.inputs); err != nil {
		return nil, err
	}
	fd := findMeetingFiles(r.inputs)
	if len(fd.candidates) == 0 && len(fd.failures) == 0 {
		return nil, noMeetings(r.inputs, fd.skipped)
	}
	engine, workers, err := bf.engineFor(f, fd)
	if err != nil {
		return nil, err
	}
	b := &batch{ios: f.IOStreams, engine: engine, read: readOpts, me: bf.Me, now: r.now, concurrency: workers, keep: keep}
	r.res = b.run(ctx, fd, "meetings")
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return r, nil
}

// periodFlags are --since and --until, shared by the commands that read many meetings.
type periodFlags struct {
	Since string
	Until string
}

func (pf *periodFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&pf.Since, "since", "", "only meetings on or after this date: 2026-11-16, or 7d / 2w back from today")
	fl.StringVar(&pf.Until, "until", "", "only meetings on or before this date: 2026-11-20, or 1d back from today")
	_ = cmd.RegisterFlagCompletionFunc("since", spanCompletion())
	_ = cmd.RegisterFlagCompletionFunc("until", spanCompletion())
}

// dateFilter parses --since and --until: a date (2026-11-16) or a span back from now (7d, 2w).
// It returns the dates as YYYY-MM-DD ("" when open) and whether a meeting date is in range;
// a meeting with no date is in range only when the range is open.
func dateFilter(since, until string, now time.Time) (string, string, func(string) bool, error) {
	s, err := parseDateBound("--since", since, now)
	if err != nil {
		return "", "", nil, err
	}
	u, err := parseDateBound("--until", until, now)
	if err != nil {
		return "", "", nil, err
	}
	if s != "" && u != "" && s > u {
		return "", "", nil, usageErrorf("--since %s is after --until %s: swap them", s, u)
	}
	keep := func(date string) bool {
		if s == "" && u == "" {
			return true
		}
		return date != "" && (s == "" || date >= s) && (u == "" || date <= u)
	}
	return s, u, keep, nil
}

// periodWords says a --since/--until range in words: "between 2026-11-16 and 2026-11-20",
// "on or after 2026-11-16", "on or before 2026-11-20".
func periodWords(since, until string) string {
	switch {
	case since != "" && until != "":
		return "between " + since + " and " + until
	case since != "":
		return "on or after " + since
	}
	return "on or before " + until
}

func parseDateBound(flag, v string, now time.Time) (string, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", nil
	}
	if t, err := time.Parse(time.DateOnly, v); err == nil {
		return t.Format(time.DateOnly), nil
	}
	unit := v[len(v)-1]
	n, err := strconv.Atoi(v[:len(v)-1])
	if err == nil && n >= 0 && (unit == 'd' || unit == 'w') {
		days := n
		if unit == 'w' {
			days = 7 * n
		}
		return now.AddDate(0, 0, -days).Format(time.DateOnly), nil
	}
	return "", usageErrorf("%s %q: give a date (2026-11-16) or a span back from today (7d, 2w)", flag, v)
}
