package app_test

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/klauspost/compress/zstd"
	"github.com/recondo/recondo/data"
)

// TestOtherHostsAreTunnelledNotIntercepted: a CONNECT to a host that is not a provider reaches
// that host's own certificate (no MITM) and nothing is captured.
func TestOtherHostsAreTunnelledNotIntercepted(t *testing.T) {
	r := newRig(t, time.Millisecond)
	origin := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "registry says hi") }))
	defer origin.Close()
	pool := x509.NewCertPool()
	pool.AddCert(origin.Certificate()) // trusts only the origin: a MITM certificate would fail
	c := &http.Client{Transport: &http.Transport{Proxy: http.ProxyURL(r.proxy), TLSClientConfig: &tls.Config{RootCAs: pool}}}
	res, err := c.Get(origin.URL)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if string(b) != "registry says hi" {
		t.Fatalf("body %q", b)
	}
	time.Sleep(200 * time.Millisecond)
	if n := r.gw.Pipeline.Stats().Committed.Load(); n != 0 {
		t.Fatalf("%d captures for a tunnelled host", n)
	}
}

// TestCurlThroughGateway: curl with --proxy and --cacert, as the README tells a user.
func TestCurlThroughGateway(t *testing.T) {
	curl, err := exec.LookPath("curl")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("curl is required under CI=true")
		}
		t.Skip("curl not installed")
	}
	r := newRig(t, time.Millisecond)
	out, err := exec.Command(curl, "-sS", "--fail", "--proxy", r.proxy.String(), "--cacert", r.caFile,
		"-H", "content-type: application/json", "-H", "x-api-key: sk-dummy",
		"--data", anthropicJSON, "https://api.anthropic.com/v1/messages").CombinedOutput()
	if err != nil {
		t.Fatalf("curl: %v\n%s", err, out)
	}
	ex := r.fake.Exchanges()
	if len(ex) != 1 || sum(out) != ex[0].ResponseSHA256 {
		t.Fatalf("curl got bytes other than the provider's (%d exchanges)", len(ex))
	}
	if tr := r.turns(t, 1)[0]; tr.ResponseSHA256 != sum(out) || tr.Client != "curl" {
		t.Fatalf("turn %+v", tr)
	}
}

// TestNodeClientWithExtraCACerts: a Node TLS client that trusts the gateway through
// NODE_EXTRA_CA_CERTS, the way Claude Code and Gemini CLI do.
func TestNodeClientWithExtraCACerts(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("node is required under CI=true")
		}
		t.Skip("node not installed")
	}
	r := newRig(t, 10*time.Millisecond)
	script := filepath.Join(t.TempDir(), "client.js")
	os.WriteFile(script, []byte(nodeClient), 0o600)
	cmd := exec.Command(node, script, r.proxy.Host, anthropicStream)
	cmd.Env = append(os.Environ(), "NODE_EXTRA_CA_CERTS="+r.caFile)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	if !bytes.Contains(out, []byte("message_stop")) {
		t.Fatalf("node got %s", out)
	}
	if tr := r.turns(t, 1)[0]; !tr.Complete || tr.RequestSHA256 != sum([]byte(anthropicStream)) {
		t.Fatalf("turn %+v", tr)
	}
}

// nodeClient CONNECTs through the proxy and speaks HTTPS over the tunnel with Node's own TLS
// (which honours NODE_EXTRA_CA_CERTS), printing the response body.
const nodeClient = `
const http = require('http'), tls = require('tls');
const [proxy, body] = process.argv.slice(2);
const [host, port] = proxy.split(':');
http.request({host, port, method: 'CONNECT', path: 'api.anthropic.com:443'}).on('connect', (res, socket) => {
  if (res.statusCode !== 200) { console.error('CONNECT', res.statusCode); process.exit(1); }
  const s = tls.connect({socket, servername: 'api.anthropic.com'}, () => {
    s.write('POST /v1/messages HTTP/1.1\r\nHost: api.anthropic.com\r\nContent-Type: application/json\r\n' +
      'x-api-key: sk-dummy\r\nUser-Agent: node-test/1.0\r\nContent-Length: ' + Buffer.byteLength(body) + '\r\nConnection: close\r\n\r\n' + body);
  });
  let out = ''; s.on('data', d => out += d); s.on('end', () => { process.stdout.write(out); });
  s.on('error', e => { console.error(e.message); process.exit(1); });
}).end();
`

// TestZstdRequestBodyHashedAsSent: Codex compresses request bodies; the hash is over the bytes
// as they crossed the wire, not the decoded JSON.
func TestZstdRequestBodyHashedAsSent(t *testing.T) {
	r := newRig(t, time.Millisecond)
	enc, _ := zstd.NewWriter(nil)
	body := enc.EncodeAll([]byte(`{"model":"gpt-5.1-codex","stream":true,"input":[{"role":"user","content":"hi"}]}`), nil)
	req, _ := http.NewRequest(http.MethodPost, "https://api.openai.com/v1/responses", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Content-Encoding", "zstd")
	res, err := r.client(t).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("status %d", res.StatusCode)
	}
	tr := r.turns(t, 1)[0]
	if tr.RequestSHA256 != sum(body) || tr.RequestEncoding != "zstd" {
		t.Fatalf("request hash %s encoding %q, want %s zstd", tr.RequestSHA256, tr.RequestEncoding, sum(body))
	}
}

// TestWebSocketRelayedAndTranscribed: Codex's Responses-over-WebSocket through the gateway, with
// permessage-deflate; two responses on one socket become two turns with framed transcripts.
func TestWebSocketRelayedAndTranscribed(t *testing.T) {
	r := newRig(t, 2*time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	c, _, err := websocket.Dial(ctx, "wss://chatgpt.com/backend-api/codex/responses", &websocket.DialOptions{
		HTTPClient: r.client(t), CompressionMode: websocket.CompressionContextTakeover,
		HTTPHeader: http.Header{"OpenAI-Beta": {"responses_websockets=2026-02-06"}, "Session_id": {"0199-codex-session"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer c.CloseNow()
	prev, callID := "", ""
	for i, frame := range []string{
		`{"type":"response.create","model":"gpt-5.1-codex","input":[{"role":"user","content":"list files"}],"tools":[{"type":"function","name":"shell","parameters":{"type":"object"}}]}`,
		`{"type":"response.create","model":"gpt-5.1-codex","previous_response_id":"PREV","input":[{"type":"function_call_output","call_id":"CALL","output":"a.txt"}]}`,
	} {
		if err := c.Write(ctx, websocket.MessageText, []byte(strings.NewReplacer("PREV", prev, "CALL", callID).Replace(frame))); err != nil {
			t.Fatal(err)
		}
		for {
			_, msg, err := c.Read(ctx)
			if err != nil {
				t.Fatalf("response %d: %v", i, err)
			}
			var ev struct {
				Type     string `json:"type"`
				Response struct {
					ID string `json:"id"`
				} `json:"response"`
				Item struct {
					Type   string `json:"type"`
					CallID string `json:"call_id"`
				} `json:"item"`
			}
			json.Unmarshal(msg, &ev)
			if ev.Type == "response.output_item.done" && ev.Item.Type == "function_call" {
				callID = ev.Item.CallID
			}
			if ev.Type == "error" {
				t.Fatalf("response %d: %s", i, msg)
			}
			if ev.Type == "response.completed" {
				prev = ev.Response.ID
				break
			}
		}
	}
	c.Close(websocket.StatusNormalClosure, "done")
	turns := r.turns(t, 2)
	for i, tr := range turns[:2] {
		if tr.Transport != "websocket" || !tr.Complete || tr.Status != 101 {
			t.Errorf("turn %d = %+v", i, tr)
		}
	}
	if turns[0].SessionID != turns[1].SessionID || !turns[0].Parsed || turns[0].Model != "gpt-5.1-codex" || turns[0].Usage.OutputTokens == 0 {
		t.Errorf("websocket turns not parsed into one session: %+v", turns[:2])
	}
	sess, err := r.api(t).GetSession(ctx, turns[0].SessionID, data.ReadOptions{})
	if err != nil || sess.ExternalID != "0199-codex-session" {
		t.Errorf("session %+v, %v: want the handshake's session_id", sess, err)
	}
	d, err := r.api(t).GetTurn(ctx, turns[0].ID, dataTurnOptions())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.Request.Text, `"response.create"`) || !strings.Contains(d.Response.Text, `"dir":"server"`) || !strings.Contains(d.Response.Text, "response.completed") {
		t.Fatalf("turn bodies: request %q response %.300q", d.Request.Text, d.Response.Text)
	}
	if len(d.ToolCalls) != 1 || !d.ToolCalls[0].ResultSeen {
		t.Errorf("the first response's function call and its output in the second request: %+v", d.ToolCalls)
	}
}
