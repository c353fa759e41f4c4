-- Recondo schema, PostgreSQL engine. Timestamps are timestamptz (microsecond precision, like the
-- SQLite engine's INTEGER microseconds); money is BIGINT micro-dollars; NULL cost means "no price
-- known" and is never 0. Captured tables are append-only: triggers refuse UPDATE, DELETE and
-- TRUNCATE, and are ENABLE ALWAYS so session_replication_role=replica cannot skip them. Text columns
-- use the "C" collation so ordering and keyset comparisons match SQLite's byte order exactly.

-- ── Captured data ───────────────────────────────────────────────────────────────────────────

CREATE TABLE sessions (
    id                    TEXT COLLATE "C" PRIMARY KEY,
    external_id           TEXT COLLATE "C",
    parent_session_id     TEXT COLLATE "C",
    provider              TEXT COLLATE "C" NOT NULL DEFAULT '',
    model                 TEXT COLLATE "C" NOT NULL DEFAULT '',
    client                TEXT COLLATE "C" NOT NULL DEFAULT '',
    client_version        TEXT COLLATE "C" NOT NULL DEFAULT '',
    developer             TEXT COLLATE "C" NOT NULL DEFAULT '',
    team                  TEXT COLLATE "C" NOT NULL DEFAULT '',
    repo                  TEXT COLLATE "C" NOT NULL DEFAULT '',
    branch                TEXT COLLATE "C" NOT NULL DEFAULT '',
    intent                TEXT COLLATE "C" NOT NULL DEFAULT '',
    started_at            TIMESTAMPTZ NOT NULL,
    last_activity_at      TIMESTAMPTZ NOT NULL,
    turn_count            BIGINT NOT NULL DEFAULT 0,
    input_tokens          BIGINT NOT NULL DEFAULT 0,
    cache_read_tokens     BIGINT NOT NULL DEFAULT 0,
    cache_write_5m_tokens BIGINT NOT NULL DEFAULT 0,
    cache_write_1h_tokens BIGINT NOT NULL DEFAULT 0,
    output_tokens         BIGINT NOT NULL DEFAULT 0,
    reasoning_tokens      BIGINT NOT NULL DEFAULT 0,
    cost_micros           BIGINT NOT NULL DEFAULT 0,
    unpriced_turns        BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX sessions_started ON sessions (started_at DESC, id DESC);
CREATE INDEX sessions_provider ON sessions (provider, started_at DESC, id DESC);
CREATE INDEX sessions_model ON sessions (model, started_at DESC, id DESC);
CREATE INDEX sessions_developer ON sessions (developer, started_at DESC, id DESC);
CREATE INDEX sessions_team ON sessions (team, started_at DESC, id DESC);
CREATE INDEX sessions_repo ON sessions (repo, started_at DESC, id DESC);
CREATE INDEX sessions_external ON sessions (external_id) WHERE external_id IS NOT NULL;

CREATE TABLE turns (
    id                      TEXT COLLATE "C" PRIMARY KEY,
    session_id              TEXT COLLATE "C" NOT NULL REFERENCES sessions (id),
    seq                     BIGINT NOT NULL,
    started_at              TIMESTAMPTZ NOT NULL,
    first_byte_at           TIMESTAMPTZ,
    ended_at                TIMESTAMPTZ,
    host                    TEXT COLLATE "C" NOT NULL,
    method                  TEXT COLLATE "C" NOT NULL,
    path                    TEXT COLLATE "C" NOT NULL,
    status                  INTEGER NOT NULL,
    transport               TEXT COLLATE "C" NOT NULL CHECK (transport IN ('http-json', 'http-sse', 'websocket', 'http')),
    provider                TEXT COLLATE "C" NOT NULL DEFAULT '',
    api                     TEXT COLLATE "C" NOT NULL DEFAULT '',
    request_model           TEXT COLLATE "C" NOT NULL DEFAULT '',
    model                   TEXT COLLATE "C" NOT NULL DEFAULT '',
    response_id             TEXT COLLATE "C" NOT NULL DEFAULT '',
    request_id              TEXT COLLATE "C" NOT NULL DEFAULT '',
    request_sha256          TEXT COLLATE "C" NOT NULL,
    request_size            BIGINT NOT NULL,
    response_sha256         TEXT COLLATE "C" NOT NULL,
    response_size           BIGINT NOT NULL,
    request_encoding        TEXT COLLATE "C" NOT NULL DEFAULT '',
    response_encoding       TEXT COLLATE "C" NOT NULL DEFAULT '',
    input_tokens            BIGINT NOT NULL DEFAULT 0,
    cache_read_tokens       BIGINT NOT NULL DEFAULT 0,
    cache_write_5m_tokens   BIGINT NOT NULL DEFAULT 0,
    cache_write_1h_tokens   BIGINT NOT NULL DEFAULT 0,
    output_tokens           BIGINT NOT NULL DEFAULT 0,
    reasoning_tokens        BIGINT NOT NULL DEFAULT 0,
    usage_native            TEXT COLLATE "C" NOT NULL DEFAULT '{}',
    cost_micros             BIGINT,
    stop_reason             TEXT COLLATE "C" NOT NULL DEFAULT '',
    stop_reason_normalized  TEXT COLLATE "C" NOT NULL DEFAULT '',
    complete                BOOLEAN NOT NULL,
    parsed                  BOOLEAN NOT NULL DEFAULT TRUE,
    error                   TEXT COLLATE "C" NOT NULL DEFAULT '',
    developer               TEXT COLLATE "C" NOT NULL DEFAULT '',
    team                    TEXT COLLATE "C" NOT NULL DEFAULT '',
    repo                    TEXT COLLATE "C" NOT NULL DEFAULT '',
    client                  TEXT COLLATE "C" NOT NULL DEFAULT '',
    client_version          TEXT COLLATE "C" NOT NULL DEFAULT '',
    UNIQUE (session_id, seq)
);

CREATE INDEX turns_started ON turns (started_at) INCLUDE (team, developer, provider, model, repo);
CREATE INDEX turns_request_hash ON turns (request_sha256);
CREATE INDEX turns_response_hash ON turns (response_sha256);

CREATE TABLE tool_calls (
    id            TEXT COLLATE "C" PRIMARY KEY,
    turn_id       TEXT COLLATE "C" NOT NULL REFERENCES turns (id),
    session_id    TEXT COLLATE "C" NOT NULL REFERENCES sessions (id),
    idx           INTEGER NOT NULL,
    tool_use_id   TEXT COLLATE "C" NOT NULL DEFAULT '',
    name          TEXT COLLATE "C" NOT NULL,
    arguments     TEXT COLLATE "C" NOT NULL DEFAULT '{}',
    arguments_raw TEXT COLLATE "C",
    created_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (turn_id, idx)
);

CREATE INDEX tool_calls_session ON tool_calls (session_id, tool_use_id);
CREATE INDEX tool_calls_name ON tool_calls (name, created_at);

CREATE TABLE tool_results (
    id             TEXT COLLATE "C" PRIMARY KEY,
    session_id     TEXT COLLATE "C" NOT NULL REFERENCES sessions (id),
    tool_use_id    TEXT COLLATE "C" NOT NULL,
    result_turn_id TEXT COLLATE "C" NOT NULL REFERENCES turns (id),
    is_error       BOOLEAN NOT NULL,
    seen_at        TIMESTAMPTZ NOT NULL,
    UNIQUE (session_id, tool_use_id, result_turn_id)
);

CREATE TABLE turn_texts (
    id         BIGSERIAL PRIMARY KEY,
    turn_id    TEXT COLLATE "C" NOT NULL REFERENCES turns (id),
    session_id TEXT COLLATE "C" NOT NULL REFERENCES sessions (id),
    started_at TIMESTAMPTZ NOT NULL,
    role       TEXT COLLATE "C" NOT NULL CHECK (role IN ('user', 'assistant', 'thinking', 'tool_use', 'tool_result', 'system')),
    body       TEXT COLLATE "C" NOT NULL,
    -- Non-alphanumerics become spaces first so words split exactly as SQLite's unicode61 splits them
    -- (PostgreSQL's parser would otherwise keep /usr/local/bin or a@b.c as one token).
    body_tsv   TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', regexp_replace(body, '[^[:alnum:]]+', ' ', 'g'))) STORED
);

CREATE INDEX turn_texts_turn ON turn_texts (turn_id);
CREATE INDEX turn_texts_fts ON turn_texts USING GIN (body_tsv);

CREATE TABLE anomaly_events (
    id         TEXT COLLATE "C" PRIMARY KEY,
    created_at TIMESTAMPTZ NOT NULL,
    kind       TEXT COLLATE "C" NOT NULL,
    severity   TEXT COLLATE "C" NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    session_id TEXT COLLATE "C" REFERENCES sessions (id),
    turn_id    TEXT COLLATE "C" REFERENCES turns (id),
    message    TEXT COLLATE "C" NOT NULL,
    detail     TEXT COLLATE "C" NOT NULL DEFAULT '{}'
);

CREATE INDEX anomaly_events_created ON anomaly_events (created_at DESC, id DESC);
CREATE INDEX anomaly_events_session ON anomaly_events (session_id);

CREATE TABLE access_audit_log (
    id           TEXT COLLATE "C" PRIMARY KEY,
    at           TIMESTAMPTZ NOT NULL,
    key_id       TEXT COLLATE "C" NOT NULL DEFAULT '',
    principal    TEXT COLLATE "C" NOT NULL DEFAULT '',
    surface      TEXT COLLATE "C" NOT NULL CHECK (surface IN ('graphql', 'rest', 'mcp', 'cli', 'gateway')),
    operation    TEXT COLLATE "C" NOT NULL,
    resource_ids TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    client_addr  TEXT COLLATE "C" NOT NULL DEFAULT '',
    outcome      TEXT COLLATE "C" NOT NULL CHECK (outcome IN ('allowed', 'denied')),
    unmasked     BOOLEAN NOT NULL DEFAULT FALSE,
    detail       TEXT COLLATE "C" NOT NULL DEFAULT ''
);

CREATE INDEX access_audit_log_at ON access_audit_log (at DESC, id DESC);

-- Append-only enforcement: a row trigger for UPDATE/DELETE and a statement trigger for TRUNCATE
-- (TRUNCATE fires no row triggers).
CREATE FUNCTION recondo_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

DO $$
DECLARE
    t TEXT COLLATE "C";
BEGIN
    FOREACH t IN ARRAY ARRAY['turns', 'tool_calls', 'tool_results', 'turn_texts', 'anomaly_events', 'access_audit_log'] LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION recondo_refuse_change()', t || '_no_change', t);
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION recondo_refuse_change()', t || '_no_truncate', t);
        EXECUTE format('ALTER TABLE %I ENABLE ALWAYS TRIGGER %I', t, t || '_no_change');
        EXECUTE format('ALTER TABLE %I ENABLE ALWAYS TRIGGER %I', t, t || '_no_truncate');
    END LOOP;
END;
$$;

-- ── Governance metadata (mutable) ───────────────────────────────────────────────────────────

CREATE TABLE teams (
    id         TEXT COLLATE "C" PRIMARY KEY,
    name       TEXT COLLATE "C" NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE developers (
    id         TEXT COLLATE "C" PRIMARY KEY,
    name       TEXT COLLATE "C" NOT NULL UNIQUE,
    email      TEXT COLLATE "C" NOT NULL DEFAULT '',
    team_id    TEXT COLLATE "C" REFERENCES teams (id),
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE api_keys (
    id         TEXT COLLATE "C" PRIMARY KEY,
    name       TEXT COLLATE "C" NOT NULL,
    prefix     TEXT COLLATE "C" NOT NULL,
    key_sha256 TEXT COLLATE "C" NOT NULL UNIQUE,
    role       TEXT COLLATE "C" NOT NULL CHECK (role IN ('reader', 'admin')),
    team       TEXT COLLATE "C" NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);

CREATE TABLE policies (
    id         TEXT COLLATE "C" PRIMARY KEY,
    name       TEXT COLLATE "C" NOT NULL UNIQUE,
    kind       TEXT COLLATE "C" NOT NULL,
    spec       TEXT COLLATE "C" NOT NULL DEFAULT '{}',
    enabled    BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE alerts (
    id              TEXT COLLATE "C" PRIMARY KEY,
    created_at      TIMESTAMPTZ NOT NULL,
    kind            TEXT COLLATE "C" NOT NULL,
    severity        TEXT COLLATE "C" NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    session_id      TEXT COLLATE "C",
    anomaly_id      TEXT COLLATE "C",
    message         TEXT COLLATE "C" NOT NULL,
    acknowledged_at TIMESTAMPTZ,
    acknowledged_by TEXT COLLATE "C" NOT NULL DEFAULT ''
);

CREATE INDEX alerts_created ON alerts (created_at DESC, id DESC);

CREATE TABLE reports (
    id         TEXT COLLATE "C" PRIMARY KEY,
    name       TEXT COLLATE "C" NOT NULL,
    spec       TEXT COLLATE "C" NOT NULL DEFAULT '{}',
    created_by TEXT COLLATE "C" NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL
);
