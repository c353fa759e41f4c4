package gemini

import "encoding/json"

// content is a Content of a request or response: a role and its parts.
type content struct {
	Role  string `json:"role"`
	Parts []part `json:"parts"`
}

// part is one Part; exactly one of its data fields is normally set.
type part struct {
	Text             *string       `json:"text"`
	Thought          bool          `json:"thought"`
	ThoughtSignature string        `json:"thoughtSignature"`
	FunctionCall     *functionCall `json:"functionCall"`
	FunctionResponse *struct {
		Name     string          `json:"name"`
		Response json.RawMessage `json:"response"`
	} `json:"functionResponse"`
}

type functionCall struct {
	ID   string          `json:"id"`
	Name string          `json:"name"`
	Args json.RawMessage `json:"args"`
}

// generateResponse is a GenerateContentResponse: a whole response, or one streamed chunk. Code
// Assist wraps it as {response: …, traceId}; the wrapper's fields sit beside the bare ones so one
// decode serves both.
type generateResponse struct {
	Candidates []struct {
		Content      content `json:"content"`
		FinishReason string  `json:"finishReason"`
		Index        int     `json:"index"`
	} `json:"candidates"`
	UsageMetadata  json.RawMessage `json:"usageMetadata"`
	ModelVersion   string          `json:"modelVersion"`
	ResponseID     string          `json:"responseId"`
	PromptFeedback *struct {
		BlockReason string `json:"blockReason"`
	} `json:"promptFeedback"`
	Error *apiError `json:"error"`

	Response *generateResponse `json:"response"` // Code Assist wrapper
	TraceID  string            `json:"traceId"`  // Code Assist wrapper
}

// apiError is Google's error object, {"error": {code, message, status}}.
type apiError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
	Status  string `json:"status"`
}
