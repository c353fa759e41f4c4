package fakeprovider

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"strconv"
	"testing"
	"time"
)

func TestDieMidstream(t *testing.T) {
	srv, _ := startServer(t, Options{})
	plain := map[string]any{"contents": []any{geminiPrompt}}
	tests := []struct {
		name     string
		url      string
		body     any
		terminal func(sseEvent) bool
	}{
		{"anthropic", anthropicURL, claudeBody(true, map[string]any{"role": "user", "content": "hi"}),
			func(e sseEvent) bool { return e.Event == "message_stop" }},
		{"chat", "https://api.openai.com/v1/chat/completions", chatBody(true, map[string]any{"role": "user", "content": "hi"}),
			func(e sseEvent) bool { return e.Data == "[DONE]" }},
		{"responses", "https://api.openai.com/v1/responses", codexBody(codexPrompt),
			func(e sseEvent) bool { return e.Event == "response.completed" }},
		{"gemini", "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", plain,
			func(e sseEvent) bool { return path(decodeJSON(t, e.Data), "candidates", 0, "finishReason") != nil }},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := post(t, srv, tt.url, mustMarshal(t, tt.body), map[string]string{HeaderFault: FaultDieMidstream})
			st := readSSE(r.resp.Body)
			if st.Err == nil {
				t.Error("body ended cleanly; want a truncated chunked body")
			}
			if len(st.Events) == 0 {
				t.Fatal("no events before the cut")
			}
			for _, e := range st.Events {
				if tt.terminal(e) {
					t.Fatalf("terminal event %q arrived", e.Event)
				}
			}
			ex := waitExchanges(t, srv, i+1)[i]
			if ex.Complete || ex.Error == "" || ex.ResponseSHA256 != sha(st.Raw) {
				t.Errorf("exchange complete %v error %q hash match %v", ex.Complete, ex.Error, ex.ResponseSHA256 == sha(st.Raw))
			}
		})
	}
}

func TestStatusFaults(t *testing.T) {
	srv, _ := startServer(t, Options{})
	tests := []struct {
		name   string
		url    string
		body   any
		fault  string
		status int
		field  []any
		want   string
	}{
		{"anthropic 529", anthropicURL, claudeBody(true), FaultStatus529, 529, []any{"error", "type"}, "overloaded_error"},
		{"anthropic 429", anthropicURL, claudeBody(true), FaultStatus429, 429, []any{"error", "type"}, "rate_limit_error"},
		{"openai 429", "https://api.openai.com/v1/responses", codexBody(), FaultStatus429, 429, []any{"error", "code"}, "rate_limit_exceeded"},
		{"gemini 429", "https://generativelanguage.googleapis.com/v1beta/models/g:generateContent", map[string]any{}, FaultStatus429, 429, []any{"error", "status"}, "RESOURCE_EXHAUSTED"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := post(t, srv, tt.url, mustMarshal(t, tt.body), map[string]string{HeaderFault: tt.fault})
			b, _ := io.ReadAll(r.resp.Body)
			if r.resp.StatusCode != tt.status {
				t.Fatalf("status = %d, want %d", r.resp.StatusCode, tt.status)
			}
			body := decodeJSON(t, string(b))
			if got := path(body, tt.field...); got != tt.want {
				t.Errorf("%v = %v, want %s (body %s)", tt.field, got, tt.want, b)
			}
			if r.resp.Header.Get("Content-Type") != "application/json" && r.resp.Header.Get("Content-Type") != "application/json; charset=UTF-8" {
				t.Errorf("content-type = %q", r.resp.Header.Get("Content-Type"))
			}
			if tt.name == "anthropic 529" && body["request_id"] != r.resp.Header.Get("Request-Id") {
				t.Errorf("request_id %v, header %q", body["request_id"], r.resp.Header.Get("Request-Id"))
			}
		})
	}
}

// TestHuge streams several MB without holding them and checks size and hash against the log.
func TestHuge(t *testing.T) {
	srv, _ := startServer(t, Options{})
	const mb = 3
	r := post(t, srv, anthropicURL, mustMarshal(t, claudeBody(true, map[string]any{"role": "user", "content": "hi"})),
		map[string]string{HeaderFault: FaultHuge, HeaderSizeMB: strconv.Itoa(mb)})
	h := sha256.New()
	n, err := io.Copy(h, r.resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if n < mb<<20 {
		t.Errorf("body = %d bytes, want at least %d", n, mb<<20)
	}
	ex := waitExchanges(t, srv, 1)[0]
	if ex.ResponseBytes != n || ex.ResponseSHA256 != hex.EncodeToString(h.Sum(nil)) || !ex.Complete {
		t.Errorf("exchange bytes %d complete %v, read %d", ex.ResponseBytes, ex.Complete, n)
	}
}

func TestEventsHeaderAndTiming(t *testing.T) {
	srv, logPath := startServer(t, Options{EventDelay: 10 * time.Millisecond})
	const n = 20
	body := map[string]any{"model": "claude-haiku-4-5", "max_tokens": 10, "stream": true,
		"messages": []map[string]any{{"role": "user", "content": "count"}}}
	r := post(t, srv, anthropicURL, mustMarshal(t, body), map[string]string{HeaderEvents: strconv.Itoa(n)})
	st := readSSE(r.resp.Body)
	deltas := 0
	for _, e := range st.Events {
		if e.Event == "content_block_delta" {
			deltas++
		}
	}
	if deltas != n {
		t.Errorf("text deltas = %d, want %d", deltas, n)
	}
	// Streaming, not buffering: events arrive in order over many separate reads, and the
	// first one well before the last.
	distinct := 1
	for i := 1; i < len(st.Events); i++ {
		if st.Events[i].At.Before(st.Events[i-1].At) {
			t.Fatalf("event %d arrived before event %d", i, i-1)
		}
		if st.Events[i].At.After(st.Events[i-1].At) {
			distinct++
		}
	}
	first, last := st.Events[0].At, st.Events[len(st.Events)-1].At
	if !first.Before(last) || distinct < len(st.Events)/2 {
		t.Errorf("events arrived at %d distinct instants out of %d", distinct, len(st.Events))
	}
	waitExchanges(t, srv, 1)
	if ex := readLog(t, logPath)[0]; ex.ResponseSHA256 != sha(st.Raw) || ex.RequestSHA256 != sha(r.body) || ex.Events != len(st.Events) {
		t.Errorf("log = %+v", ex)
	}
}

func TestPacer(t *testing.T) {
	s := &Server{opt: Options{EventDelay: 15 * time.Millisecond, FirstByteDelay: 50 * time.Millisecond}}
	tests := []struct {
		name        string
		f           faults
		first, next time.Duration
	}{
		{"default", faults{}, 50 * time.Millisecond, 15 * time.Millisecond},
		{"slow", faults{slow: true}, 500 * time.Millisecond, 150 * time.Millisecond},
		{"huge is unpaced", faults{hugeMB: 1}, 50 * time.Millisecond, 0},
	}
	for _, tt := range tests {
		p := s.newPacer(context.Background(), tt.f)
		if p.first != tt.first || p.every != tt.next {
			t.Errorf("%s: first %v every %v, want %v %v", tt.name, p.first, p.every, tt.first, tt.next)
		}
	}
}

func TestParseFaults(t *testing.T) {
	h := http.Header{}
	h.Set(HeaderFault, "slow, die-midstream,bogus")
	h.Set(HeaderEvents, "7")
	f := parseFaults(h)
	if !f.slow || !f.die || f.nEvents != 7 || len(f.names) != 2 {
		t.Errorf("faults = %+v", f)
	}
}
