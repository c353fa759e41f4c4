-- Hourly sums of turns for Stats. Summing raw turns grows with the range (415k rows for 30 days
-- at 1M turns: seconds); these tables hold one row per hour and attribution, so a month is a few
-- thousand rows. They are derived, not captured: a trigger keeps them on every INSERT into turns
-- (whoever writes: the gateway, a seeder, a fixture), and because turns are append-only (no
-- UPDATE or DELETE ever reaches them) the sums stay exact. Stats reads whole hours here and raw
-- turns only at the partial hours at the edges of a range.
CREATE TABLE turn_hours (
    hour                  INTEGER NOT NULL, -- start of the UTC hour, microseconds (floored: before 1970 too)
    provider              TEXT NOT NULL,
    model                 TEXT NOT NULL,
    developer             TEXT NOT NULL,
    team                  TEXT NOT NULL,
    repo                  TEXT NOT NULL,
    turns                 INTEGER NOT NULL,
    input_tokens          INTEGER NOT NULL,
    cache_read_tokens     INTEGER NOT NULL,
    cache_write_5m_tokens INTEGER NOT NULL,
    cache_write_1h_tokens INTEGER NOT NULL,
    output_tokens         INTEGER NOT NULL,
    reasoning_tokens      INTEGER NOT NULL,
    cost_micros           INTEGER NOT NULL, -- of the priced turns
    unpriced_turns        INTEGER NOT NULL,
    incomplete_turns      INTEGER NOT NULL,
    error_turns           INTEGER NOT NULL,
    PRIMARY KEY (hour, provider, model, developer, team, repo)
) WITHOUT ROWID;

-- Which sessions had turns in each hour and attribution: distinct sessions cannot be summed.
CREATE TABLE session_hours (
    hour       INTEGER NOT NULL,
    provider   TEXT NOT NULL,
    model      TEXT NOT NULL,
    developer  TEXT NOT NULL,
    team       TEXT NOT NULL,
    repo       TEXT NOT NULL,
    session_id TEXT NOT NULL,
    PRIMARY KEY (hour, provider, model, developer, team, repo, session_id)
) WITHOUT ROWID;

CREATE TRIGGER turns_rollup AFTER INSERT ON turns
BEGIN
    INSERT INTO turn_hours (hour, provider, model, developer, team, repo, turns, input_tokens,
        cache_read_tokens, cache_write_5m_tokens, cache_write_1h_tokens, output_tokens, reasoning_tokens,
        cost_micros, unpriced_turns, incomplete_turns, error_turns)
    VALUES (NEW.started_at - ((NEW.started_at % 3600000000) + 3600000000) % 3600000000, NEW.provider, NEW.model, NEW.developer, NEW.team, NEW.repo,
        1, NEW.input_tokens, NEW.cache_read_tokens, NEW.cache_write_5m_tokens, NEW.cache_write_1h_tokens,
        NEW.output_tokens, NEW.reasoning_tokens, COALESCE(NEW.cost_micros, 0), NEW.cost_micros IS NULL,
        NEW.complete = 0, NEW.error != '' OR NEW.status >= 400)
    ON CONFLICT (hour, provider, model, developer, team, repo) DO UPDATE SET
        turns = turns + 1,
        input_tokens = input_tokens + excluded.input_tokens,
        cache_read_tokens = cache_read_tokens + excluded.cache_read_tokens,
        cache_write_5m_tokens = cache_write_5m_tokens + excluded.cache_write_5m_tokens,
        cache_write_1h_tokens = cache_write_1h_tokens + excluded.cache_write_1h_tokens,
        output_tokens = output_tokens + excluded.output_tokens,
        reasoning_tokens = reasoning_tokens + excluded.reasoning_tokens,
        cost_micros = cost_micros + excluded.cost_micros,
        unpriced_turns = unpriced_turns + excluded.unpriced_turns,
        incomplete_turns = incomplete_turns + excluded.incomplete_turns,
        error_turns = error_turns + excluded.error_turns;
    INSERT OR IGNORE INTO session_hours (hour, provider, model, developer, team, repo, session_id)
    VALUES (NEW.started_at - ((NEW.started_at % 3600000000) + 3600000000) % 3600000000, NEW.provider, NEW.model, NEW.developer, NEW.team, NEW.repo,
        NEW.session_id);
END;

-- The turns captured before this migration.
INSERT INTO turn_hours
SELECT started_at - ((started_at % 3600000000) + 3600000000) % 3600000000, provider, model, developer, team, repo,
    COUNT(*), SUM(input_tokens), SUM(cache_read_tokens), SUM(cache_write_5m_tokens), SUM(cache_write_1h_tokens),
    SUM(output_tokens), SUM(reasoning_tokens), TOTAL(cost_micros), SUM(cost_micros IS NULL), SUM(complete = 0),
    SUM(error != '' OR status >= 400)
FROM turns GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO session_hours
SELECT DISTINCT started_at - ((started_at % 3600000000) + 3600000000) % 3600000000, provider, model, developer, team, repo, session_id FROM turns;
