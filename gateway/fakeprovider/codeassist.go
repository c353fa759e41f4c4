package fakeprovider

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// Gemini Code Assist (cloudcode-pa.googleapis.com/v1internal:<method>), used by Gemini CLI
// with Google login. Generation requests wrap the Gemini request as {model, project,
// user_prompt_id, request:{...}} and each answer chunk as {response:{...}, traceId}; see
// fixture 11 and gemini-cli code_assist/converter.ts. The account-setup methods get minimal
// valid answers so that the CLI's start-up gets through.

type codeAssistRequest struct {
	Model        string          `json:"model"`
	Project      string          `json:"project"`
	UserPromptID string          `json:"user_prompt_id"`
	Request      json.RawMessage `json:"request"`
}

const fakeProject = "recondo-fake-project"

func serveCodeAssist(s *Server, w *recorder, rq *request) {
	method := strings.TrimPrefix(rq.r.URL.Path, "/v1internal:")
	rq.ex.API = "gemini.code_assist." + method
	var q codeAssistRequest
	if err := json.Unmarshal(rq.body, &q); err != nil {
		styleGoogle.fail(s, w, http.StatusBadRequest, "Invalid JSON payload received. "+err.Error())
		return
	}
	rq.ex.Model = q.Model
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	switch method {
	case "generateContent", "streamGenerateContent":
		var g geminiRequest
		if err := json.Unmarshal(q.Request, &g); err != nil {
			styleGoogle.fail(s, w, http.StatusBadRequest, "Invalid request: "+err.Error())
			return
		}
		p := s.planGemini(&g, q.Model, len(rq.body), rq.faults, true)
		// LF framing: cloudcode-pa's line endings are unverified and the CLI accepts both.
		serveGeminiPlan(s, w, rq, p, method == "streamGenerateContent", sseFormat{eol: "\n"})
	case "countTokens":
		var g geminiRequest
		_ = json.Unmarshal(q.Request, &g) // an empty request counts as one token
		n := usageFor(g.convo(q.Model, len(rq.body)), turn{}).prompt
		s.serveJSON(w, rq, http.StatusOK, prettyJSON(obj{{"totalTokens", n}}))
	case "loadCodeAssist":
		tier := obj{
			{"id", "standard-tier"}, {"name", "Gemini Code Assist"},
			{"description", "Unlimited coding assistant with the most powerful Gemini models"},
			{"userDefinedCloudaicompanionProject", true}, {"isDefault", true},
		}
		s.serveJSON(w, rq, http.StatusOK, prettyJSON(obj{
			{"currentTier", tier}, {"allowedTiers", []obj{tier}}, {"cloudaicompanionProject", fakeProject}, {"gcpManaged", false},
		}))
	case "onboardUser":
		s.serveJSON(w, rq, http.StatusOK, prettyJSON(obj{
			{"name", "operations/fake-onboard"}, {"done", true},
			{"response", obj{
				{"@type", "type.googleapis.com/google.internal.cloud.code.v1internal.OnboardUserResponse"},
				{"cloudaicompanionProject", obj{{"id", fakeProject}, {"name", fakeProject}}},
			}},
		}))
	case "listExperiments":
		s.serveJSON(w, rq, http.StatusOK, prettyJSON(obj{{"experimentIds", []int{}}, {"flags", []any{}}}))
	case "retrieveUserQuota":
		s.serveJSON(w, rq, http.StatusOK, prettyJSON(obj{{"buckets", []any{}}}))
	case "recordCodeAssistMetrics":
		s.serveJSON(w, rq, http.StatusOK, prettyJSON(obj{}))
	default:
		styleGoogle.fail(s, w, http.StatusNotFound, fmt.Sprintf("Method not found: %s", method))
	}
}
