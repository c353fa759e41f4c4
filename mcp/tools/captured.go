package tools

import (
	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/render"
)

// kindOf maps a text's role to its delimiter. Thinking is the assistant's own text; a system
// prompt and anything unknown are raw captured bytes, never mistaken for a user's words.
func kindOf(role string) render.Kind {
	switch role {
	case data.RoleUser:
		return render.UserMessage
	case data.RoleAssistant, data.RoleThinking:
		return render.AssistantMessage
	case data.RoleToolUse:
		return render.ToolUse
	case data.RoleToolResult:
		return render.ToolResult
	}
	return render.RawBytes
}

// wrapText wraps one piece of captured text (already masked by data) in its delimiter.
func wrapText(role, text string, attrs ...render.Attr) string {
	return render.Wrap(kindOf(role), text, append([]render.Attr{{Key: "role", Value: role}}, attrs...)...)
}

func attr(k, v string) render.Attr { return render.Attr{Key: k, Value: v} }

// sessionView is a session with its captured intent (the first prompt's gist) delimited, and
// the fields read from the wire (headers, the agent's own ids) escaped, so none of them can pose
// as a delimiter.
func sessionView(s data.Session) data.Session {
	for _, f := range []*string{&s.ExternalID, &s.ParentSessionID, &s.Provider, &s.Model, &s.Client, &s.ClientVersion,
		&s.Developer, &s.Team, &s.Repo, &s.Branch} {
		*f = render.Escape(*f)
	}
	if s.Intent != "" {
		s.Intent = render.Wrap(render.UserMessage, s.Intent, attr("session_id", s.ID), attr("field", "intent"))
	}
	return s
}

// turnView is a turn with every string that came from the wire escaped: an upstream error can
// quote captured text, and a client sets its own headers.
func turnView(t data.Turn) data.Turn {
	for _, f := range []*string{&t.Host, &t.Path, &t.Provider, &t.API, &t.RequestModel, &t.Model, &t.ResponseID, &t.RequestID,
		&t.UsageNative, &t.StopReason, &t.StopReasonNormalized, &t.Error, &t.Developer, &t.Team, &t.Repo, &t.Client, &t.ClientVersion} {
		*f = render.Escape(*f)
	}
	return t
}
