package providertest

import (
	"encoding/base64"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/recondo/recondo/gateway/providers"
)

// EnvFixtures names a fixture root to use instead of searching for one.
const EnvFixtures = "RECONDO_PROVIDER_FIXTURES"

// rootCandidates are where the fixtures live relative to an ancestor of the test's directory:
// inside the repository, or in the workspace's shared folder beside it.
var rootCandidates = []string{
	filepath.Join("testdata", "providers"),
	filepath.Join("shared", "fixtures", "providers"),
}

// Root returns the fixture root: $RECONDO_PROVIDER_FIXTURES, else the first candidate found
// walking up from the working directory. It fails the test rather than skipping, so a missing
// fixture set cannot pass silently.
func Root(t testing.TB) string {
	t.Helper()
	if dir := os.Getenv(EnvFixtures); dir != "" {
		return dir
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatalf("providertest: working directory: %v", err)
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		for _, c := range rootCandidates {
			if st, err := os.Stat(filepath.Join(dir, c)); err == nil && st.IsDir() {
				return filepath.Join(dir, c)
			}
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	t.Fatalf("providertest: no provider fixtures found above %s; set %s", wd, EnvFixtures)
	return ""
}

// Dir returns the fixture directory whose name starts with prefix (e.g. "02" or "02_anthropic").
func Dir(t testing.TB, prefix string) string {
	t.Helper()
	root := Root(t)
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatalf("providertest: read %s: %v", root, err)
	}
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), prefix) {
			return filepath.Join(root, e.Name())
		}
	}
	t.Fatalf("providertest: no fixture %q in %s", prefix, root)
	return ""
}

// ReadFile returns one file of a fixture directory.
func ReadFile(t testing.TB, dir, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatalf("providertest: %v", err)
	}
	return b
}

// headersFile is the shape of a fixture's headers.json.
type headersFile struct {
	Request struct {
		Method  string            `json:"method"`
		Scheme  string            `json:"scheme"`
		Host    string            `json:"host"`
		Path    string            `json:"path"`
		Headers map[string]string `json:"headers"`
	} `json:"request"`
	Response struct {
		Status  int               `json:"status"`
		Headers map[string]string `json:"headers"`
	} `json:"response"`
}

// wsFrame is one frame of a WebSocket fixture's response.raw.
type wsFrame struct {
	Direction  string  `json:"direction"`
	Opcode     int     `json:"opcode"`
	Payload    *string `json:"payload"`
	PayloadB64 *string `json:"payload_b64"`
}

// Load builds the Exchange a parser would see for a fixture directory: request.json as the
// request body, response.raw as the (already decoded) response body, and headers.json for the
// method, host, path, status and headers. A ws/wss fixture becomes a WebSocket exchange whose
// Messages are the data frames of response.raw, as the capture pipeline hands them over.
func Load(t testing.TB, dir string) *providers.Exchange {
	t.Helper()
	var h headersFile
	if err := json.Unmarshal(ReadFile(t, dir, "headers.json"), &h); err != nil {
		t.Fatalf("providertest: %s/headers.json: %v", dir, err)
	}
	x := &providers.Exchange{
		Host:            hostOnly(h.Request.Host),
		Method:          h.Request.Method,
		Path:            h.Request.Path,
		Status:          h.Response.Status,
		RequestHeaders:  header(h.Request.Headers),
		ResponseHeaders: header(h.Response.Headers),
		Request:         ReadFile(t, dir, "request.json"),
	}
	raw := ReadFile(t, dir, "response.raw")
	if h.Request.Scheme != "ws" && h.Request.Scheme != "wss" {
		x.Response = raw
		return x
	}
	x.WebSocket = true
	var frames []wsFrame
	if err := json.Unmarshal(raw, &frames); err != nil {
		t.Fatalf("providertest: %s/response.raw frames: %v", dir, err)
	}
	for i, f := range frames {
		if f.Opcode != 1 && f.Opcode != 2 { // only text and binary frames carry messages
			continue
		}
		var data []byte
		switch {
		case f.Payload != nil:
			data = []byte(*f.Payload)
		case f.PayloadB64 != nil:
			b, err := base64.StdEncoding.DecodeString(*f.PayloadB64)
			if err != nil {
				t.Fatalf("providertest: %s frame %d: %v", dir, i, err)
			}
			data = b
		}
		x.Messages = append(x.Messages, providers.WSMessage{FromClient: f.Direction == "client->server", Data: data})
	}
	return x
}

func header(m map[string]string) http.Header {
	h := make(http.Header, len(m))
	for k, v := range m {
		h.Set(k, v)
	}
	return h
}

func hostOnly(host string) string {
	if h, _, err := net.SplitHostPort(host); err == nil {
		return h
	}
	return host
}
