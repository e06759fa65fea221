package llm

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/cenkalti/backoff/v5"
	"golang.org/x/time/rate"
)

// retryDoer is the HTTP layer under go-openai: each attempt waits for the rate limiter, runs
// under its own timeout, and is retried with exponential backoff on 429, 5xx and timeouts.
// A Retry-After (or retry-after-ms) header sets the next wait, capped by MaxRetryAfter.
type retryDoer struct {
	cfg     Config
	limiter *rate.Limiter
}

// TimeoutError is an attempt that got no answer within the per-request timeout, on every try.
type TimeoutError struct {
	Timeout time.Duration
	Tries   uint
}

func (e *TimeoutError) Error() string {
	return fmt.Sprintf("the LLM endpoint did not answer within %s (%d tries): raise --timeout or check the server", e.Timeout, e.Tries)
}

// retryableStatus carries a response worth retrying; the last one is handed to go-openai so it
// can report the server's error.
type retryableStatus struct {
	resp  *http.Response
	after *backoff.RetryAfterError
}

func (e *retryableStatus) Error() string { return "HTTP " + strconv.Itoa(e.resp.StatusCode) }

// Unwrap exposes the Retry-After wait to backoff.
func (e *retryableStatus) Unwrap() error {
	if e.after == nil {
		return nil
	}
	return e.after
}

// Do sends req, retrying as described on retryDoer.
func (d *retryDoer) Do(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	var body []byte
	if req.Body != nil {
		b, err := io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, fmt.Errorf("read request body: %w", err)
		}
		body = b
	}
	exp := backoff.NewExponentialBackOff()
	exp.InitialInterval = d.cfg.InitialBackoff
	exp.MaxInterval = d.cfg.MaxBackoff
	tries := uint(0)
	op := func() (*http.Response, error) {
		tries++
		if d.limiter != nil {
			if err := d.limiter.Wait(ctx); err != nil {
				return nil, backoff.Permanent(ctx.Err())
			}
		}
		return d.attempt(ctx, req, body)
	}
	opts := []backoff.RetryOption{
		backoff.WithBackOff(exp),
		backoff.WithMaxTries(d.cfg.MaxTries),
		backoff.WithMaxElapsedTime(0),
	}
	if d.cfg.OnRetry != nil {
		opts = append(opts, backoff.WithNotify(backoff.Notify(d.cfg.OnRetry)))
	}
	resp, err := backoff.Retry(ctx, op, opts...)
	if err == nil {
		return resp, nil
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	var rs *retryableStatus
	if errors.As(err, &rs) {
		return rs.resp, nil
	}
	var te *TimeoutError
	if errors.As(err, &te) {
		te.Tries = tries
		return nil, te
	}
	return nil, err
}

// attempt sends one try, reading the whole answer under the attempt's timeout.
func (d *retryDoer) attempt(ctx context.Context, req *http.Request, body []byte) (*http.Response, error) {
	actx, cancel := context.WithTimeout(ctx, d.cfg.Timeout)
	defer cancel()
	r := req.Clone(actx)
	if body != nil {
		r.Body = io.NopCloser(bytes.NewReader(body))
		r.ContentLength = int64(len(body))
		r.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	}
	resp, err := d.cfg.HTTPClient.Do(r)
	var data []byte
	if err == nil {
		data, err = io.ReadAll(resp.Body)
		resp.Body.Close()
	}
	if err != nil {
		switch {
		case ctx.Err() != nil:
			return nil, backoff.Permanent(ctx.Err())
		case actx.Err() != nil:
			return nil, &TimeoutError{Timeout: d.cfg.Timeout}
		case isDialError(err):
			return nil, backoff.Permanent(&UnreachableError{BaseURL: d.cfg.BaseURL, Err: err})
		}
		return nil, fmt.Errorf("LLM request: %w", err)
	}
	resp.Body = io.NopCloser(bytes.NewReader(data))
	resp.ContentLength = int64(len(data))
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 {
		return nil, &retryableStatus{resp: resp, after: d.retryAfter(resp.Header)}
	}
	return resp, nil
}

// retryAfter reads retry-after-ms or Retry-After (seconds or an HTTP date), capped.
func (d *retryDoer) retryAfter(h http.Header) *backoff.RetryAfterError {
	var wait time.Duration
	if ms, err := strconv.ParseFloat(h.Get("Retry-After-Ms"), 64); err == nil && ms >= 0 {
		wait = time.Duration(ms * float64(time.Millisecond))
	} else if v := h.Get("Retry-After"); v != "" {
		if s, err := strconv.ParseFloat(v, 64); err == nil && s >= 0 {
			wait = time.Duration(s * float64(time.Second))
		} else if t, err := http.ParseTime(v); err == nil {
			wait = time.Until(t)
		} else {
			return nil
		}
	} else {
		return nil
	}
	wait = max(0, min(wait, d.cfg.MaxRetryAfter))
	return &backoff.RetryAfterError{Duration: wait}
}

// isDialError reports whether err is a failure to connect (nothing listening, no such host),
// which retrying will not fix.
func isDialError(err error) bool {
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return true
	}
	var dns *net.DNSError
	return errors.As(err, &dns)
}
