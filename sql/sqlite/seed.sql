-- Bulk loading for the dataset seeder (data/internal/seed). Turns and their children reuse the
-- capture inserts in write.sql; only sessions differ: they arrive whole, with totals precomputed
-- from their turns, instead of being upserted once per turn.

-- name: InsertSeedSession :exec
INSERT INTO sessions (id, external_id, parent_session_id, provider, model, client, client_version,
    developer, team, repo, branch, intent, started_at, last_activity_at, turn_count,
    input_tokens, cache_read_tokens, cache_write_5m_tokens, cache_write_1h_tokens, output_tokens,
    reasoning_tokens, cost_micros, unpriced_turns)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
