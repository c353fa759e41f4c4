package seed

import (
	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/write"
)

// Rare findings besides unpriced models, per turn.
const (
	secretRate    = 0.0003
	injectionRate = 0.0002
	driftRate     = 0.0002
)

// anomalies attaches what the gateway's detectors would have found in this turn. Every unpriced
// turn gets exactly one unpriced_model event, as the issue asks.
func (g *sessionGen) anomalies(x *write.Exchange, s data.Session) {
	t := &x.Turn
	add := func(kind, severity, msg, detail string) {
		x.Anomalies = append(x.Anomalies, data.Anomaly{
			ID: uuid7(g.r, t.StartedAt), CreatedAt: t.StartedAt, Kind: kind, Severity: severity,
			SessionID: s.ID, TurnID: t.ID, Message: msg, Detail: detail,
		})
	}
	if t.CostMicros == nil {
		add(data.AnomalyUnpricedModel, data.SeverityWarning, "model "+t.Model+" has no price",
			jobj([]kv{{"model", jstr(t.Model)}, {"provider", jstr(t.Provider)}}))
	}
	switch x := g.r.Float64(); {
	case x < secretRate:
		add(data.AnomalySecretExposure, data.SeverityCritical, "AWS access key in prompt",
			jobj([]kv{{"detector", jstr("aws-access-key")}, {"role", jstr("user")}}))
	case x < secretRate+injectionRate:
		add(data.AnomalyPromptInjection, data.SeverityWarning, "instructions to ignore the system prompt in tool output",
			jobj([]kv{{"detector", jstr("ignore-previous")}, {"role", jstr("tool_result")}}))
	case x < secretRate+injectionRate+driftRate:
		add(data.AnomalyDrift, data.SeverityInfo, "response model differs from the requested model",
			jobj([]kv{{"requested", jstr(t.RequestModel)}, {"answered", jstr(t.Model)}}))
	}
}
