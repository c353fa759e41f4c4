package app_test

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"net/http/httptrace"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/recondo/recondo/data"
)

const anthropicStream = `{"model":"claude-sonnet-4-5","max_tokens":256,"stream":true,"messages":[{"role":"user","content":"say hello"}]}`
const anthropicJSON = `{"model":"claude-sonnet-4-5","max_tokens":256,"messages":[{"role":"user","content":"say hello"}]}`

func sum(b []byte) string { h := sha256.Sum256(b); return hex.EncodeToString(h[:]) }

func post(t *testing.T, c *http.Client, url, body string, hdr map[string]string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("x-api-key", "sk-ant-api03-SECRET-never-persist-me")
	req.Header.Set("anthropic-version", "2023-06-01")
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestStreamFlushesEachEvent: SSE events reach the client as the provider sends them, not at
// the end; the bytes are the provider's; the capture's hashes are the wire bytes' hashes.
func TestStreamFlushesEachEvent(t *testing.T) {
	r := newRig(t, 40*time.Millisecond)
	res := post(t, r.client(t), "https://api.anthropic.com/v1/messages", anthropicStream, map[string]string{"X-Fake-Events": "25"})
	defer res.Body.Close()
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/event-stream") {
		t.Fatalf("status %d, content type %q", res.StatusCode, res.Header.Get("Content-Type"))
	}
	start := time.Now()
	var arrivals []time.Duration
	var got bytes.Buffer
	br := bufio.NewReader(io.TeeReader(res.Body, &got))
	for {
		line, err := br.ReadString('\n')
		if strings.HasPrefix(line, "data:") {
			arrivals = append(arrivals, time.Since(start))
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	total := time.Since(start)
	if len(arrivals) < 25 {
		t.Fatalf("got %d events, want at least 25", len(arrivals))
	}
	// 25+ events 40 ms apart take about a second; buffered delivery would bring them all at the
	// end. The first must arrive in the first fifth of the stream.
	if arrivals[0] > total/5 {
		t.Fatalf("first event after %v of %v: the stream was held back", arrivals[0], total)
	}
	ex := r.fake.Exchanges()
	if len(ex) != 1 {
		t.Fatalf("fake provider saw %d exchanges", len(ex))
	}
	if sum(got.Bytes()) != ex[0].ResponseSHA256 {
		t.Fatal("client bytes differ from the bytes the provider sent")
	}
	turns := r.turns(t, 1)
	tr := turns[0]
	if tr.RequestSHA256 != ex[0].RequestSHA256 || tr.RequestSHA256 != sum([]byte(anthropicStream)) {
		t.Errorf("request hash %s; provider received %s", tr.RequestSHA256, ex[0].RequestSHA256)
	}
	if tr.ResponseSHA256 != ex[0].ResponseSHA256 || tr.ResponseSize != int64(got.Len()) {
		t.Errorf("response hash %s size %d; provider sent %s, client got %d bytes", tr.ResponseSHA256, tr.ResponseSize, ex[0].ResponseSHA256, got.Len())
	}
	if !tr.Complete || tr.Transport != data.TransportHTTPSSE || tr.Provider != "anthropic" || tr.Status != 200 {
		t.Errorf("turn = %+v", tr)
	}
	if tr.FirstByteAt == nil || tr.EndedAt == nil || !tr.FirstByteAt.Before(*tr.EndedAt) {
		t.Errorf("timing: first byte %v, end %v", tr.FirstByteAt, tr.EndedAt)
	}
	rep, err := r.api(t).Verify(context.Background(), "", data.VerifyOptions{})
	if err != nil || !rep.OK() || rep.Objects != 2 {
		t.Fatalf("verify = %+v, %v", rep, err)
	}
}

// TestNonStreamedExchangeKeepsConnectionAlive: JSON responses go through martian unchanged and
// the client's connection is reused for the next request.
func TestNonStreamedExchangeKeepsConnectionAlive(t *testing.T) {
	r := newRig(t, time.Millisecond)
	c := r.client(t)
	reused := 0
	for i := 0; i < 3; i++ {
		req, _ := http.NewRequest(http.MethodPost, "https://api.anthropic.com/v1/messages", strings.NewReader(anthropicJSON))
		req.Header.Set("Content-Type", "application/json")
		req = req.WithContext(httptrace.WithClientTrace(req.Context(), &httptrace.ClientTrace{
			GotConn: func(i httptrace.GotConnInfo) {
				if i.Reused {
					reused++
				}
			},
		}))
		res, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || !bytes.Contains(body, []byte(`"type":"message"`)) {
			t.Fatalf("response %d %s", res.StatusCode, body)
		}
	}
	if reused != 2 {
		t.Errorf("connection reused %d times, want 2", reused)
	}
	turns := r.turns(t, 3)
	for i, tr := range turns {
		if tr.Transport != data.TransportHTTPJSON || !tr.Complete || tr.ResponseSize == 0 {
			t.Errorf("turn %d = %+v", i, tr)
		}
	}
}

// TestCredentialsNeverPersisted: API keys sent by the client appear nowhere under the data dir.
func TestCredentialsNeverPersisted(t *testing.T) {
	r := newRig(t, time.Millisecond)
	res := post(t, r.client(t), "https://api.anthropic.com/v1/messages", anthropicJSON, map[string]string{
		"Authorization": "Bearer sk-ant-oat01-ALSO-SECRET", "Cookie": "session=COOKIE-SECRET"})
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	r.turns(t, 1)
	r.gw.Close(context.Background()) // flush the WAL and database files
	for _, secret := range []string{"SECRET-never-persist-me", "ALSO-SECRET", "COOKIE-SECRET"} {
		filepath.Walk(r.dataDir, func(path string, info os.FileInfo, err error) error {
			if err != nil || info.IsDir() {
				return nil
			}
			b, _ := os.ReadFile(path)
			if bytes.Contains(b, []byte(secret)) {
				t.Errorf("%s holds the credential %q", path, secret)
			}
			return nil
		})
	}
	metas, _ := filepath.Glob(filepath.Join(r.dataDir, "captures", "*.json"))
	if len(metas) != 1 {
		t.Fatalf("%d metadata files, want 1", len(metas))
	}
	b, _ := os.ReadFile(metas[0])
	if !bytes.Contains(b, []byte(`"fp:`)) {
		t.Errorf("metadata has no credential fingerprint: %s", b)
	}
}

// TestUpstreamDeathEndsClientStreamAndIsRecordedIncomplete.
func TestUpstreamDeathEndsClientStreamAndIsRecordedIncomplete(t *testing.T) {
	r := newRig(t, 5*time.Millisecond)
	res := post(t, r.client(t), "https://api.anthropic.com/v1/messages", anthropicStream, map[string]string{"X-Fake-Fault": "die-midstream", "X-Fake-Events": "20"})
	_, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err == nil || !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Fatalf("client read error = %v, want unexpected EOF (the stream must not look complete)", err)
	}
	tr := r.turns(t, 1)[0]
	if tr.Complete || !strings.Contains(tr.Error, "upstream") {
		t.Fatalf("turn complete=%v error=%q", tr.Complete, tr.Error)
	}
}

// TestClientDisconnectCancelsUpstream: a client that leaves mid-stream ends the provider's
// request too, and the turn is recorded incomplete.
func TestClientDisconnectCancelsUpstream(t *testing.T) {
	r := newRig(t, 50*time.Millisecond)
	res := post(t, r.client(t), "https://api.anthropic.com/v1/messages", anthropicStream, map[string]string{"X-Fake-Events": "200"})
	br := bufio.NewReader(res.Body)
	if _, err := br.ReadString('\n'); err != nil {
		t.Fatal(err)
	}
	res.Body.Close() // the agent was interrupted
	tr := r.turns(t, 1)[0]
	if tr.Complete || !strings.Contains(tr.Error, "client went away") {
		t.Fatalf("turn complete=%v error=%q", tr.Complete, tr.Error)
	}
	// 200 events at 50 ms would take 10 s; the provider must see its request end long before.
	deadline := time.Now().Add(5 * time.Second)
	for len(r.fake.Exchanges()) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("the provider's request was not cancelled")
		}
		time.Sleep(20 * time.Millisecond)
	}
}
