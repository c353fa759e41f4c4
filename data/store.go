package data

import "context"

// Store is the contract each database engine (data/sqlite, data/postgres) implements for the read
// side. It returns captured values as stored; API wraps it to apply limits and path masking, so
// transports use API and never a Store directly. Implementations are safe for concurrent use and
// return *Error with ENOTFOUND for missing ids and EINVALID for bad cursors.
type Store interface {
	GovernanceStore
	// ListSessions returns at most f.Limit sessions, newest first, and a cursor when more exist.
	ListSessions(ctx context.Context, f SessionFilter) (SessionPage, error)
	GetSession(ctx context.Context, id string) (Session, error)
	// GetSessions returns the sessions with these ids that exist, in no particular order; it is
	// the batch read behind dataloaders.
	GetSessions(ctx context.Context, ids []string) ([]Session, error)
	// ListTurns returns a session's turns in sequence order.
	ListTurns(ctx context.Context, f TurnFilter) ([]Turn, error)
	// ListTurnsOfSessions returns every turn of these sessions, ordered by session then sequence.
	ListTurnsOfSessions(ctx context.Context, sessionIDs []string) ([]Turn, error)
	GetTurn(ctx context.Context, id string) (Turn, error)
	// ListToolCalls returns the tool calls of these turns, ordered by turn then index, with the
	// result fields joined in from the turn that carried each result.
	ListToolCalls(ctx context.Context, turnIDs []string) ([]ToolCall, error)
	ListTurnTexts(ctx context.Context, turnID string) ([]TurnText, error)
	// Search returns hits whose Snippet holds the whole matching text; API cuts the snippet.
	Search(ctx context.Context, q SearchQuery) (SearchPage, error)
	Stats(ctx context.Context, q StatsQuery) ([]StatsRow, error)
	ListAnomalies(ctx context.Context, f AnomalyFilter) (AnomalyPage, error)
	// FindTurns and FindToolCalls page through turns and tool calls across sessions (query.go).
	FindTurns(ctx context.Context, q TurnQuery) (TurnPage, error)
	FindToolCalls(ctx context.Context, q ToolCallQuery) (ToolCallPage, error)
	// LatencyPercentiles returns percentiles of a duration (MeasureTotal, MeasureFirstByte) over
	// the turns Stats(q) sums, with Stats' groups and buckets, ordered by bucket then key.
	LatencyPercentiles(ctx context.Context, q StatsQuery, measure string) ([]LatencyRow, error)
	// ListTurnHashes pages through the hashes of one session's turns ("" = every session), in
	// turn id order after afterID.
	ListTurnHashes(ctx context.Context, sessionID, afterID string, limit int) ([]TurnHashes, error)
	// ListSessionArtifacts returns the files and commands one session touched, oldest first.
	ListSessionArtifacts(ctx context.Context, sessionID string) ([]Artifact, error)
	// ListPathArtifacts returns every touch of one path, newest first.
	ListPathArtifacts(ctx context.Context, path, cursor string, limit int) (ArtifactPage, error)
	// AppendAccess appends to the access audit log (the only write a reader makes to it).
	AppendAccess(ctx context.Context, e AccessEntry) error
	ListAccess(ctx context.Context, f AccessFilter) ([]AccessEntry, error)

	// ListPrices returns the prices added at run time (model_prices) by provider, model and date.
	ListPrices(ctx context.Context) ([]ModelPrice, error)
	// AddPrice stores a price (governance data); ECONFLICT when one exists for the same provider,
	// model and effective date.
	AddPrice(ctx context.Context, p ModelPrice) error
	// DeletePrice removes a price; ENOTFOUND when no price has this id.
	DeletePrice(ctx context.Context, id string) error
	// UnpricedModels lists the models of the turns captured without a price.
	UnpricedModels(ctx context.Context) ([]UnpricedModel, error)
	// UnpricedUsageOfSessions sums the usage of these sessions' turns captured without a price,
	// per session, provider, model, UTC day and tier: LongContext is input > longContextTokens.
	UnpricedUsageOfSessions(ctx context.Context, ids []string, longContextTokens int64) ([]UnpricedUsage, error)
	// UnpricedUsageForStats does the same per group and bucket of Stats(q) (Key and Bucket as
	// in its rows).
	UnpricedUsageForStats(ctx context.Context, q StatsQuery, longContextTokens int64) ([]UnpricedUsage, error)
	Close() error
}
