package data

import "time"

// Anomaly kinds. The list grows with the gateway's detectors; readers must accept unknown kinds.
const (
	AnomalySecretExposure  = "secret_exposure"
	AnomalyPromptInjection = "prompt_injection"
	AnomalyDrift           = "drift"
	AnomalyUnpricedModel   = "unpriced_model"
	AnomalyPolicyBlock     = "policy_block"
	AnomalyUnparsed        = "unparsed"
)

// Severities of anomalies and alerts.
const (
	SeverityInfo     = "info"
	SeverityWarning  = "warning"
	SeverityCritical = "critical"
)

// Anomaly is a finding about captured traffic. Like the traffic, it is never changed once written.
type Anomaly struct {
	ID        string    `json:"id"`
	CreatedAt time.Time `json:"created_at"`
	Kind      string    `json:"kind"`
	Severity  string    `json:"severity"`
	SessionID string    `json:"session_id,omitempty"`
	TurnID    string    `json:"turn_id,omitempty"`
	Message   string    `json:"message"`
	Detail    string    `json:"detail"` // JSON object
}

// AnomalyFilter selects anomalies, newest first.
type AnomalyFilter struct {
	From, To  time.Time
	Kind      string
	Severity  string
	SessionID string
	Limit     int
	Cursor    string
}

// AnomalyPage is one page of anomalies.
type AnomalyPage struct {
	Anomalies  []Anomaly `json:"anomalies"`
	NextCursor string    `json:"next_cursor,omitempty"`
}
