package gemini

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/recondo/recondo/gateway/providers"
	"github.com/recondo/recondo/gateway/providers/internal/wire"
	"github.com/recondo/recondo/gateway/sse"
)

// Hosts this parser claims.
const (
	HostPublic     = "generativelanguage.googleapis.com"
	HostCodeAssist = "cloudcode-pa.googleapis.com"
	hostVertex     = "aiplatform.googleapis.com" // also <region>-aiplatform.googleapis.com
)

const (
	methodGenerate = ":generateContent"
	methodStream   = ":streamGenerateContent"
)

type parser struct{}

// New returns the Gemini parser.
func New() providers.Parser { return parser{} }

// Match claims generateContent and streamGenerateContent on the public API, Vertex AI and
// Code Assist. Other methods (countTokens, loadCodeAssist, …) generate nothing.
func (parser) Match(x *providers.Exchange) bool {
	if x == nil || x.WebSocket {
		return false
	}
	host := strings.ToLower(x.Host)
	path := wire.PathOnly(x.Path)
	if !strings.HasSuffix(path, methodGenerate) && !strings.HasSuffix(path, methodStream) {
		return false
	}
	switch {
	case host == HostCodeAssist:
		return true
	case host == HostPublic, host == hostVertex, strings.HasSuffix(host, "-"+hostVertex):
		return modelFromPath(path) != ""
	}
	return false
}

// Parse reads one exchange, branching on the response body rather than the URL: a failed
// streaming call answers with a JSON error.
func (parser) Parse(x *providers.Exchange) providers.Result {
	r := providers.Result{Provider: "google", API: providers.APIGeminiGenerate}
	if x == nil {
		r.Unparsed, r.Reason = true, "no exchange"
		return r
	}
	path := wire.PathOnly(x.Path)
	req, reqErr := parseRequest(x.Request)
	r.Request = req.info
	r.Request.Stream = strings.HasSuffix(path, methodStream)
	if req.codeAssist || strings.EqualFold(x.Host, HostCodeAssist) || strings.Contains(path, "/v1internal:") {
		r.API = providers.APIGeminiCodeAssist
		r.RequestModel = req.model
	} else {
		r.RequestModel = modelFromPath(path)
	}
	if r.RequestModel == "" { // a relay may move things; take whichever names a model
		r.RequestModel = req.model
	}
	r.SessionID, r.SessionIDSource = sessionID(&r.Request)
	r.Client, r.ClientVersion = client(x.RequestHeaders)
	r.RequestID = x.ResponseHeaders.Get("X-Request-Id")

	body := x.Response
	f := &fold{r: &r, status: x.Status}
	switch {
	case x.Status != 0 && (x.Status < 200 || x.Status > 299):
		parseHTTPError(&r, x.Status, body)
	case wire.FirstByte(body) == '{':
		r.Transport = "http-json"
		parseWhole(f, body)
	case wire.FirstByte(body) == '[':
		// streamGenerateContent without alt=sse streams a JSON array of responses.
		r.Transport, r.Streaming = "http-json", true
		parseArray(f, body)
	default:
		r.Transport, r.Streaming = "http-sse", true
		parseSSE(f, body)
	}
	if reqErr != nil && !r.Unparsed {
		r.Unparsed, r.Reason = true, reqErr.Error()
	}
	return r
}

// modelFromPath returns {model} from ".../models/{model}:method" (or ".../tunedModels/{model}:…").
func modelFromPath(path string) string {
	i := max(strings.LastIndex(path, "/models/"), strings.LastIndex(path, "/tunedModels/"))
	if i < 0 {
		return ""
	}
	m := path[i+1:]
	m = m[strings.IndexByte(m, '/')+1:]
	if j := strings.IndexByte(m, ':'); j >= 0 {
		m = m[:j]
	}
	return m
}

// Where a Gemini session id came from (Result.SessionIDSource).
const (
	sourceSessionID    = "body.request.session_id"
	sourceUserPromptID = "body.user_prompt_id (prefix before '########')"
)

// sessionID is Code Assist's request.session_id, else the session part of user_prompt_id
// ("<sessionId>########<n>"). The public API carries no session.
func sessionID(info *providers.RequestInfo) (id, source string) {
	if info.GeminiSessionID != "" {
		return info.GeminiSessionID, sourceSessionID
	}
	if sid, _, ok := strings.Cut(info.UserPromptID, "########"); ok && sid != "" {
		return sid, sourceUserPromptID
	}
	return "", ""
}

func parseWhole(f *fold, body []byte) {
	f.whole = true
	var g generateResponse
	if err := json.Unmarshal(body, &g); err != nil {
		f.r.Unparsed, f.r.Reason = true, "response JSON: "+err.Error()
		return
	}
	if g.Error != nil && g.Candidates == nil && g.Response == nil {
		parseHTTPError(f.r, f.status, body)
		return
	}
	f.add(&g)
	f.finishResult()
	if len(g.Candidates) == 0 && g.Response == nil && g.UsageMetadata == nil && g.PromptFeedback == nil {
		f.r.Unparsed, f.r.Reason = true, "response JSON is not a GenerateContentResponse"
	}
}

func parseArray(f *fold, body []byte) {
	var chunks []generateResponse
	if err := json.Unmarshal(body, &chunks); err != nil {
		// A stream cut mid-array is not valid JSON; read the complete elements before the cut.
		chunks = completeElements(body)
		if len(chunks) == 0 {
			f.r.Unparsed, f.r.Reason = true, "response JSON array: "+err.Error()
			return
		}
	}
	for i := range chunks {
		f.add(&chunks[i])
	}
	f.finishResult()
}

// completeElements decodes the array elements of a truncated JSON array up to the first broken one.
func completeElements(body []byte) []generateResponse {
	dec := json.NewDecoder(bytes.NewReader(body))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return nil
	}
	var out []generateResponse
	for dec.More() {
		var g generateResponse
		if dec.Decode(&g) != nil {
			break
		}
		out = append(out, g)
	}
	return out
}

func parseSSE(f *fold, body []byte) {
	events, bad := 0, 0
	p := sse.NewParser(func(e sse.Event) {
		events++
		var g generateResponse
		if json.Unmarshal(e.Data, &g) != nil {
			bad++
			return
		}
		f.add(&g)
	})
	p.Write(body)
	p.Close()
	f.finishResult()
	switch {
	case events == 0 && len(bytes.TrimSpace(body)) > 0:
		f.r.Unparsed, f.r.Reason = true, "response is neither JSON nor an event stream"
	case events > 0 && bad == events:
		f.r.Unparsed, f.r.Reason = true, "no event of the stream is a GenerateContentResponse"
	}
}
