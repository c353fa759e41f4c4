-- Hourly sums of turns for Stats. Summing raw turns grows with the range (415k rows for 30 days
-- at 1M turns: seconds); these tables hold one row per hour and attribution, so a month is a few
-- thousand rows. They are derived, not captured: a trigger keeps them on every INSERT into turns
-- (whoever writes: the gateway, a seeder's COPY, a fixture), and because turns are append-only
-- (no UPDATE, DELETE or TRUNCATE ever reaches them) the sums stay exact. Stats reads whole hours
-- here and raw turns only at the partial hours at the edges of a range.
CREATE TABLE turn_hours (
    hour                  TIMESTAMPTZ NOT NULL, -- start of the UTC hour
    provider              TEXT COLLATE "C" NOT NULL,
    model                 TEXT COLLATE "C" NOT NULL,
    developer             TEXT COLLATE "C" NOT NULL,
    team                  TEXT COLLATE "C" NOT NULL,
    repo                  TEXT COLLATE "C" NOT NULL,
    turns                 BIGINT NOT NULL,
    input_tokens          BIGINT NOT NULL,
    cache_read_tokens     BIGINT NOT NULL,
    cache_write_5m_tokens BIGINT NOT NULL,
    cache_write_1h_tokens BIGINT NOT NULL,
    output_tokens         BIGINT NOT NULL,
    reasoning_tokens      BIGINT NOT NULL,
    cost_micros           BIGINT NOT NULL, -- of the priced turns
    unpriced_turns        BIGINT NOT NULL,
    incomplete_turns      BIGINT NOT NULL,
    error_turns           BIGINT NOT NULL,
    PRIMARY KEY (hour, provider, model, developer, team, repo)
);

-- Which sessions had turns in each hour and attribution: distinct sessions cannot be summed.
CREATE TABLE session_hours (
    hour       TIMESTAMPTZ NOT NULL,
    provider   TEXT COLLATE "C" NOT NULL,
    model      TEXT COLLATE "C" NOT NULL,
    developer  TEXT COLLATE "C" NOT NULL,
    team       TEXT COLLATE "C" NOT NULL,
    repo       TEXT COLLATE "C" NOT NULL,
    session_id TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (hour, provider, model, developer, team, repo, session_id)
);

CREATE FUNCTION turns_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    h TIMESTAMPTZ := date_bin(INTERVAL '1 hour', NEW.started_at, TIMESTAMPTZ '1970-01-01 00:00:00+00');
BEGIN
    INSERT INTO turn_hours AS t (hour, provider, model, developer, team, repo, turns, input_tokens,
        cache_read_tokens, cache_write_5m_tokens, cache_write_1h_tokens, output_tokens, reasoning_tokens,
        cost_micros, unpriced_turns, incomplete_turns, error_turns)
    VALUES (h, NEW.provider, NEW.model, NEW.developer, NEW.team, NEW.repo,
        1, NEW.input_tokens, NEW.cache_read_tokens, NEW.cache_write_5m_tokens, NEW.cache_write_1h_tokens,
        NEW.output_tokens, NEW.reasoning_tokens, COALESCE(NEW.cost_micros, 0),
        (NEW.cost_micros IS NULL)::int, (NOT NEW.complete)::int, (NEW.error != '' OR NEW.status >= 400)::int)
    ON CONFLICT (hour, provider, model, developer, team, repo) DO UPDATE SET
        turns = t.turns + 1,
        input_tokens = t.input_tokens + EXCLUDED.input_tokens,
        cache_read_tokens = t.cache_read_tokens + EXCLUDED.cache_read_tokens,
        cache_write_5m_tokens = t.cache_write_5m_tokens + EXCLUDED.cache_write_5m_tokens,
        cache_write_1h_tokens = t.cache_write_1h_tokens + EXCLUDED.cache_write_1h_tokens,
        output_tokens = t.output_tokens + EXCLUDED.output_tokens,
        reasoning_tokens = t.reasoning_tokens + EXCLUDED.reasoning_tokens,
        cost_micros = t.cost_micros + EXCLUDED.cost_micros,
        unpriced_turns = t.unpriced_turns + EXCLUDED.unpriced_turns,
        incomplete_turns = t.incomplete_turns + EXCLUDED.incomplete_turns,
        error_turns = t.error_turns + EXCLUDED.error_turns;
    INSERT INTO session_hours (hour, provider, model, developer, team, repo, session_id)
    VALUES (h, NEW.provider, NEW.model, NEW.developer, NEW.team, NEW.repo, NEW.session_id)
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

CREATE TRIGGER turns_rollup AFTER INSERT ON turns FOR EACH ROW EXECUTE FUNCTION turns_rollup();
-- Like the append-only triggers: session_replication_role=replica (a bulk load) must not skip it.
ALTER TABLE turns ENABLE ALWAYS TRIGGER turns_rollup;

-- The turns captured before this migration.
INSERT INTO turn_hours
SELECT date_bin(INTERVAL '1 hour', started_at, TIMESTAMPTZ '1970-01-01 00:00:00+00'), provider, model, developer, team, repo,
    COUNT(*), SUM(input_tokens), SUM(cache_read_tokens), SUM(cache_write_5m_tokens), SUM(cache_write_1h_tokens),
    SUM(output_tokens), SUM(reasoning_tokens), COALESCE(SUM(cost_micros), 0), COUNT(*) FILTER (WHERE cost_micros IS NULL),
    COUNT(*) FILTER (WHERE NOT complete), COUNT(*) FILTER (WHERE error != '' OR status >= 400)
FROM turns GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO session_hours
SELECT DISTINCT date_bin(INTERVAL '1 hour', started_at, TIMESTAMPTZ '1970-01-01 00:00:00+00'), provider, model, developer, team, repo, session_id
FROM turns;
-- Plan the rollups from their real sizes at once, not from an empty table's estimate until
-- autovacuum gets to them.
ANALYZE turn_hours;
ANALYZE session_hours;
