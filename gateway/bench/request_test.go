package bench

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
)

const messagesURL = "https://api.anthropic.com/v1/messages"

// jsonEvents makes the fake provider's non-streamed answer about 4 KB: X-Fake-Events pads the
// answer text to that many words.
const jsonEvents = "630"

// filler is prose for padding request bodies: real prompts are text, and gzip-able like it.
var filler = strings.Repeat("The agent reads the repository, runs the tests and edits the failing function. ", 60)

var bodySeq atomic.Int64

// messagesBody is an Anthropic Messages request of about size bytes. Each body is unique, as an
// agent's growing conversation is, so the object store cannot deduplicate it away.
func messagesBody(size int, stream bool) []byte {
	head := fmt.Sprintf(`{"model":"claude-sonnet-4-5","max_tokens":1024,"stream":%t,"messages":[{"role":"user","content":"request %d: `,
		stream, bodySeq.Add(1))
	tail := `"}]}`
	pad := max(size-len(head)-len(tail), 0)
	return []byte(head + filler[:min(pad, len(filler))] + tail)
}

// newRequest builds a POST to the Messages API with the headers a Claude client sends plus the
// fake provider's steering headers (pairs of name, value).
func newRequest(ctx context.Context, body []byte, hdr ...string) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, messagesURL, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("anthropic-version", "2023-06-01")
	req.Header.Set("x-api-key", "sk-ant-api03-bench")
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	return req, nil
}

// postJSON sends one non-streamed ~4 KB request and reads the whole ~4 KB answer.
func postJSON(ctx context.Context, c *client, body []byte) (int64, error) {
	req, err := newRequest(ctx, body, "X-Fake-Events", jsonEvents)
	if err != nil {
		return 0, err
	}
	res, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	n, err := io.Copy(io.Discard, res.Body)
	if err != nil {
		return n, err
	}
	if res.StatusCode != http.StatusOK {
		return n, fmt.Errorf("status %d", res.StatusCode)
	}
	if want := res.Header.Get("Content-Length"); want != "" && want != strconv.FormatInt(n, 10) {
		return n, fmt.Errorf("read %d bytes of %s", n, want)
	}
	return n, nil
}
