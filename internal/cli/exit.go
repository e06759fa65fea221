package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/debrief-cli/debrief/internal/transcript"
)

// Exit codes, documented in the README and in `debrief --help`.
const (
	ExitOK      = 0 // success
	ExitFailure = 1 // anything else went wrong
	ExitUsage   = 2 // bad flags or arguments
	ExitInput   = 3 // input that cannot be read or understood
	ExitLLM     = 4 // LLM configuration or authentication problem
	ExitPartial = 5 // a batch in which some files failed and the others succeeded
)

const exitCodeHelp = `Exit codes:
  0  success
  1  failure
  2  usage error (bad flag or argument)
  3  input that cannot be read or understood (missing, empty, binary, not a transcript)
  4  LLM configuration or authentication problem
  5  some files failed and the others succeeded (their results were still printed)`

// usageError is a mistake in how the command was called.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usageErrorf(format string, a ...any) error {
	return &usageError{fmt.Errorf(format, a...)}
}

// partialError reports a batch where some inputs failed; their messages were already printed.
type partialError struct{ failed, total int }

func (e *partialError) Error() string {
	return fmt.Sprintf("%d of %d inputs failed (see the messages above); the others were reported", e.failed, e.total)
}

// silentError carries an exit code for a failure whose message was already printed.
type silentError struct{ code int }

func (e *silentError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// exitCode maps an error to its exit code and prints it as one line on errOut.
func exitCode(err error, errOut io.Writer) int {
	return exitCodeFor("debrief", err, errOut)
}

// exitCodeFor is exitCode for an error of the command called as command ("debrief week"),
// which a usage error's hint names.
func exitCodeFor(command string, err error, errOut io.Writer) int {
	if err == nil {
		return ExitOK
	}
	var (
		ue *usageError
		ie *transcript.InputError
		pe *partialError
		se *silentError
		le *llmConfigError
	)
	code := ExitFailure
	switch {
	case errors.As(err, &se):
		return se.code
	case errors.As(err, &ue):
		code = ExitUsage
	case errors.As(err, &ie):
		code = ExitInput
	case errors.As(err, &le):
		code = ExitLLM
	case errors.As(err, &pe):
		code = ExitPartial
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(errOut, "debrief: interrupted")
		return 130
	}
	msg := strings.TrimSpace(err.Error())
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	fmt.Fprintln(errOut, "debrief: "+msg)
	if code == ExitUsage {
		fmt.Fprintf(errOut, "Run '%s --help' for usage.\n", command)
	}
	return code
}
