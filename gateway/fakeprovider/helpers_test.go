package fakeprovider

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// startServer runs a fake provider with short delays and an exchange log file.
func startServer(t *testing.T, opt Options) (*Server, string) {
	t.Helper()
	if opt.EventDelay == 0 {
		opt.EventDelay = 2 * time.Millisecond
	}
	if opt.FirstByteDelay == 0 {
		opt.FirstByteDelay = time.Millisecond
	}
	logPath := filepath.Join(t.TempDir(), "exchanges.jsonl")
	f, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	opt.Log = f
	if opt.CADir == "" {
		opt.CADir = t.TempDir()
	}
	opt.Logger = slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelWarn}))
	srv, err := Start(context.Background(), opt)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() {
		if err := srv.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return srv, logPath
}

// readLog parses the JSON Lines exchange log the way an e2e test would.
func readLog(t *testing.T, path string) []Exchange {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []Exchange
	for line := range strings.Lines(string(b)) {
		var ex Exchange
		if err := json.Unmarshal([]byte(line), &ex); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		out = append(out, ex)
	}
	return out
}

// waitExchanges waits until the server has recorded n exchanges: the log line is written
// when the handler returns, which can be just after the client read the last byte.
func waitExchanges(t *testing.T, srv *Server, n int) []Exchange {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		ex := srv.Exchanges()
		if len(ex) >= n || time.Now().After(deadline) {
			if len(ex) < n {
				t.Fatalf("got %d exchanges, want %d", len(ex), n)
			}
			return ex
		}
		time.Sleep(5 * time.Millisecond)
	}
}

type sent struct {
	resp *http.Response
	body []byte // request body bytes as sent
}

func post(t *testing.T, srv *Server, url string, body []byte, header map[string]string) sent {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatalf("POST %s: %v", url, err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return sent{resp: resp, body: body}
}

func mustMarshal(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

type sseEvent struct {
	Event string
	Data  string
	At    time.Time
}

// sseStream is a WHATWG-conformant event stream parser (CR, LF and CRLF line ends, field
// without space, comments, multi-line data) that also keeps the raw bytes and arrival times.
type sseStream struct {
	Events []sseEvent
	Raw    []byte
	Err    error // the body read error, nil at clean EOF
	CRLF   bool  // every line ended with CRLF
	LF     bool  // every line ended with a bare LF
}

type timedReader struct {
	r   io.Reader
	raw *bytes.Buffer
}

func (tr timedReader) Read(p []byte) (int, error) {
	n, err := tr.r.Read(p)
	tr.raw.Write(p[:n])
	return n, err
}

func readSSE(r io.Reader) sseStream {
	var raw bytes.Buffer
	br := bufio.NewReaderSize(timedReader{r: r, raw: &raw}, 64)
	var out sseStream
	allCRLF, allLF := true, true
	var event, data strings.Builder
	hasData := false
	for {
		line, end, err := readLine(br)
		if err != nil {
			if !errors.Is(err, io.EOF) {
				out.Err = err
			}
			break
		}
		allCRLF = allCRLF && end == "\r\n"
		allLF = allLF && end == "\n"
		if line == "" {
			if hasData {
				ev := event.String()
				if ev == "" {
					ev = "message"
				}
				out.Events = append(out.Events, sseEvent{Event: ev, Data: strings.TrimSuffix(data.String(), "\n"), At: time.Now()})
			}
			event.Reset()
			data.Reset()
			hasData = false
			continue
		}
		if strings.HasPrefix(line, ":") {
			continue
		}
		field, value, _ := strings.Cut(line, ":")
		value = strings.TrimPrefix(value, " ")
		switch field {
		case "event":
			event.Reset()
			event.WriteString(value)
		case "data":
			data.WriteString(value + "\n")
			hasData = true
		}
	}
	out.Raw = raw.Bytes()
	out.CRLF, out.LF = allCRLF, allLF
	return out
}

func readLine(br *bufio.Reader) (string, string, error) {
	var b strings.Builder
	for {
		c, err := br.ReadByte()
		if err != nil {
			return "", "", err
		}
		switch c {
		case '\n':
			return b.String(), "\n", nil
		case '\r':
			if next, err := br.Peek(1); err == nil && next[0] == '\n' {
				_, _ = br.ReadByte()
				return b.String(), "\r\n", nil
			}
			return b.String(), "\r", nil
		}
		b.WriteByte(c)
	}
}

func decodeJSON(t *testing.T, s string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatalf("invalid JSON %q: %v", s, err)
	}
	return m
}

// path walks a decoded JSON value by keys and indexes.
func path(v any, keys ...any) any {
	for _, k := range keys {
		switch k := k.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			a, _ := v.([]any)
			if k >= len(a) {
				return nil
			}
			v = a[k]
		}
	}
	return v
}
