package fakeprovider

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Gemini API: POST /v1beta/models/{model}:generateContent, :streamGenerateContent (?alt=sse,
// else a streamed JSON array) and :countTokens. Shapes follow fixtures 10 and 14: chunks are
// whole GenerateContentResponses with usageMetadata repeated, functionCall parts arrive whole
// and without id, and SSE events end with CRLF.

type geminiRequest struct {
	Contents []struct {
		Role  string         `json:"role"`
		Parts []geminiPartIn `json:"parts"`
	} `json:"contents"`
	Tools []struct {
		FunctionDeclarations []struct {
			Name                 string          `json:"name"`
			Parameters           json.RawMessage `json:"parameters"`
			ParametersJSONSchema json.RawMessage `json:"parametersJsonSchema"`
		} `json:"functionDeclarations"`
	} `json:"tools"`
	GenerationConfig struct {
		ResponseMimeType   string          `json:"responseMimeType"`
		ResponseSchema     json.RawMessage `json:"responseSchema"`
		ResponseJSONSchema json.RawMessage `json:"responseJsonSchema"`
		ThinkingConfig     struct {
			IncludeThoughts bool `json:"includeThoughts"`
		} `json:"thinkingConfig"`
	} `json:"generationConfig"`
}

type geminiPartIn struct {
	Text             string `json:"text"`
	Thought          bool   `json:"thought"`
	FunctionResponse *struct {
		Name     string          `json:"name"`
		Response json.RawMessage `json:"response"`
	} `json:"functionResponse"`
}

func (q *geminiRequest) convo(model string, size int) convo {
	c := convo{model: model, size: size, messages: len(q.Contents)}
	for _, t := range q.Tools {
		for _, d := range t.FunctionDeclarations {
			schema := d.ParametersJSONSchema
			if len(schema) == 0 {
				schema = d.Parameters
			}
			c.tools = append(c.tools, toolDecl{name: d.Name, schema: schema})
		}
	}
	g := q.GenerationConfig
	if g.ResponseMimeType == "application/json" {
		c.wantJSON, c.schema = true, g.ResponseJSONSchema
		if len(c.schema) == 0 {
			c.schema = g.ResponseSchema
		}
	}
	c.thinking = g.ThinkingConfig.IncludeThoughts
	for _, m := range q.Contents {
		if m.Role != "user" && m.Role != "" {
			continue
		}
		prompt, hasResult, result := "", false, ""
		for _, p := range m.Parts {
			switch {
			case p.FunctionResponse != nil:
				hasResult, result = true, contentText(p.FunctionResponse.Response)
			case !p.Thought && isPromptText(p.Text):
				prompt = p.Text
			}
		}
		switch {
		case hasResult:
			c.hasResult, c.result = true, result
		case prompt != "":
			c.prompt, c.hasResult, c.result = prompt, false, ""
		}
	}
	return c
}

// geminiPlan is one answer with its ids drawn; wrap adds the Code Assist envelope.
type geminiPlan struct {
	t          turn
	model      string
	responseID string
	signature  string
	traceID    string
	createTime string
	codeAssist bool
}

func (s *Server) planGemini(q *geminiRequest, model string, size int, f faults, codeAssist bool) *geminiPlan {
	return &geminiPlan{
		t: planTurn(q.convo(model, size), f), model: model, responseID: s.ids.geminiRespID(),
		signature: s.ids.b64(120), traceID: s.ids.traceID(), codeAssist: codeAssist,
		createTime: time.Now().UTC().Format("2006-01-02T15:04:05.000000Z"),
	}
}

// usage reports candidates tokens so far; final adds the cache counters, which the API only
// puts on the last chunk.
func (p *geminiPlan) usage(candidates int, final bool) obj {
	u := p.t.usage
	um := obj{{"promptTokenCount", u.prompt}}
	if candidates > 0 {
		um = append(um, kv{"candidatesTokenCount", candidates})
	}
	um = append(um, kv{"totalTokenCount", u.prompt + candidates + u.reasoning})
	if final && u.cached > 0 {
		um = append(um, kv{"cachedContentTokenCount", u.cached})
	}
	um = append(um, kv{"promptTokensDetails", []obj{{{"modality", "TEXT"}, {"tokenCount", u.prompt}}}})
	if final && u.cached > 0 {
		um = append(um, kv{"cacheTokensDetails", []obj{{{"modality", "TEXT"}, {"tokenCount", u.cached}}}})
	}
	if u.reasoning > 0 {
		um = append(um, kv{"thoughtsTokenCount", u.reasoning})
	}
	return um
}

func (p *geminiPlan) chunk(parts []obj, finish bool, candidates int) obj {
	cand := obj{{"content", obj{{"parts", parts}, {"role", "model"}}}}
	if finish {
		cand = append(cand, kv{"finishReason", "STOP"})
	}
	cand = append(cand, kv{"index", 0})
	resp := obj{{"candidates", []obj{cand}}, {"usageMetadata", p.usage(candidates, finish)}, {"modelVersion", p.model}}
	if p.codeAssist {
		resp = append(resp, kv{"createTime", p.createTime}, kv{"responseId", p.responseID})
		return obj{{"response", resp}, {"traceId", p.traceID}}
	}
	return append(resp, kv{"responseId", p.responseID})
}

func (p *geminiPlan) callPart() obj {
	return obj{{"functionCall", obj{{"name", p.t.tool.name}, {"args", json.RawMessage(p.t.tool.args)}}}, {"thoughtSignature", p.signature}}
}

// whole is the non-streamed answer: every part in one candidate.
func (p *geminiPlan) whole() obj {
	var parts []obj
	if p.t.thinking != "" {
		parts = append(parts, obj{{"text", p.t.thinking}, {"thought", true}})
	}
	if p.t.text.count() > 0 {
		parts = append(parts, obj{{"text", p.t.text.full()}})
	}
	if p.t.tool != nil {
		parts = append(parts, p.callPart())
	}
	return p.chunk(parts, true, p.t.usage.output-p.t.usage.reasoning)
}

// events streams a thought chunk, one chunk per text delta and the function call chunk; the
// last chunk carries finishReason and the final usage.
func (p *geminiPlan) events(sk sink) error {
	t := p.t
	send := func(o obj) error { return sk.send("", geminiJSON(o)) }
	if t.thinking != "" {
		if err := send(p.chunk([]obj{{{"text", t.thinking}, {"thought", true}}}, false, 0)); err != nil {
			return err
		}
	}
	i, n, sent := 0, t.text.count(), 0
	for c := range t.text.all() {
		i++
		sent += len(c)
		last := i == n && t.tool == nil
		if err := send(p.chunk([]obj{{{"text", c}}}, last, tokenCount(sent))); err != nil {
			return err
		}
	}
	if t.tool != nil {
		return send(p.chunk([]obj{p.callPart()}, true, t.usage.output-t.usage.reasoning))
	}
	return nil
}

func isGeminiModelPath(path string) bool {
	for _, v := range []string{"/v1beta/models/", "/v1/models/", "/v1alpha/models/"} {
		if strings.HasPrefix(path, v) && strings.Contains(path[len(v):], ":") {
			return true
		}
	}
	return false
}

func splitModelMethod(path string) (model, method string) {
	rest := path[strings.Index(path, "/models/")+len("/models/"):]
	i := strings.LastIndex(rest, ":")
	return rest[:i], rest[i+1:]
}

func serveGemini(s *Server, w *recorder, rq *request) {
	model, method := splitModelMethod(rq.r.URL.Path)
	rq.ex.Model = model
	rq.ex.API = "gemini." + method
	var q geminiRequest
	if err := json.Unmarshal(rq.body, &q); err != nil {
		styleGoogle.fail(s, w, http.StatusBadRequest, "Invalid JSON payload received. "+err.Error())
		return
	}
	switch method {
	case "countTokens":
		n := usageFor(q.convo(model, len(rq.body)), turn{}).prompt
		w.Header().Set("Content-Type", "application/json; charset=UTF-8")
		s.serveJSON(w, rq, http.StatusOK, prettyJSON(obj{{"totalTokens", n}, {"promptTokensDetails", []obj{{{"modality", "TEXT"}, {"tokenCount", n}}}}}))
	case "generateContent", "streamGenerateContent":
		p := s.planGemini(&q, model, len(rq.body), rq.faults, false)
		serveGeminiPlan(s, w, rq, p, method == "streamGenerateContent", sseFormat{eol: "\r\n"})
	default:
		styleGoogle.fail(s, w, http.StatusNotFound, fmt.Sprintf("Method %q is not found for model %s.", method, model))
	}
}

// serveGeminiPlan renders a plan as one pretty JSON body, SSE (alt=sse) or a streamed JSON
// array, which is what the API returns for streamGenerateContent without alt=sse.
func serveGeminiPlan(s *Server, w *recorder, rq *request, p *geminiPlan, stream bool, sse sseFormat) {
	rq.ex.ResponseID = p.responseID
	if p.t.tool != nil {
		rq.ex.Tool = p.t.tool.name
	}
	h := w.Header()
	h.Set("Server", "scaffolding on HTTPServer2")
	h.Set("Vary", "Origin, X-Origin, Referer")
	if !stream {
		h.Set("Content-Type", "application/json; charset=UTF-8")
		s.serveJSON(w, rq, http.StatusOK, prettyJSON(p.whole()))
		return
	}
	ct := "text/event-stream"
	if rq.r.URL.Query().Get("alt") != "sse" {
		sse, ct = sseFormat{array: true}, "application/json; charset=UTF-8"
	}
	begin := func() {
		h.Set("Content-Type", ct)
		w.WriteHeader(http.StatusOK)
	}
	s.serveStream(w, rq, sse, begin, p.events)
}
