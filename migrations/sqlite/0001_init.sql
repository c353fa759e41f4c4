-- Recondo schema, SQLite engine. Timestamps are INTEGER microseconds since the Unix epoch (UTC);
-- money is INTEGER micro-dollars; NULL cost means "no price known" and is never 0.
-- Captured tables (written only by the gateway) are append-only: triggers refuse UPDATE and DELETE.

-- ── Captured data ───────────────────────────────────────────────────────────────────────────

-- sessions holds one row per agent session. Its totals are the only mutable part of captured data:
-- the gateway adds each new turn to them in the same transaction that inserts the turn.
CREATE TABLE sessions (
    id                    TEXT PRIMARY KEY,
    external_id           TEXT,
    parent_session_id     TEXT,
    provider              TEXT NOT NULL DEFAULT '',
    model                 TEXT NOT NULL DEFAULT '',
    client                TEXT NOT NULL DEFAULT '',
    client_version        TEXT NOT NULL DEFAULT '',
    developer             TEXT NOT NULL DEFAULT '',
    team                  TEXT NOT NULL DEFAULT '',
    repo                  TEXT NOT NULL DEFAULT '',
    branch                TEXT NOT NULL DEFAULT '',
    intent                TEXT NOT NULL DEFAULT '',
    started_at            INTEGER NOT NULL,
    last_activity_at      INTEGER NOT NULL,
    turn_count            INTEGER NOT NULL DEFAULT 0,
    input_tokens          INTEGER NOT NULL DEFAULT 0,
    cache_read_tokens     INTEGER NOT NULL DEFAULT 0,
    cache_write_5m_tokens INTEGER NOT NULL DEFAULT 0,
    cache_write_1h_tokens INTEGER NOT NULL DEFAULT 0,
    output_tokens         INTEGER NOT NULL DEFAULT 0,
    reasoning_tokens      INTEGER NOT NULL DEFAULT 0,
    cost_micros           INTEGER NOT NULL DEFAULT 0, -- sum over priced turns only
    unpriced_turns        INTEGER NOT NULL DEFAULT 0  -- turns whose cost was unknown at capture
) STRICT;

CREATE INDEX sessions_started ON sessions (started_at DESC, id DESC);
CREATE INDEX sessions_provider ON sessions (provider, started_at DESC, id DESC);
CREATE INDEX sessions_model ON sessions (model, started_at DESC, id DESC);
CREATE INDEX sessions_developer ON sessions (developer, started_at DESC, id DESC);
CREATE INDEX sessions_team ON sessions (team, started_at DESC, id DESC);
CREATE INDEX sessions_repo ON sessions (repo, started_at DESC, id DESC);
CREATE INDEX sessions_external ON sessions (external_id) WHERE external_id IS NOT NULL;

-- turns holds one row per captured exchange (an HTTP request/response, or one response on a
-- WebSocket). The id is the gateway's capture id, which makes WAL replay idempotent.
CREATE TABLE turns (
    id                      TEXT PRIMARY KEY,
    session_id              TEXT NOT NULL REFERENCES sessions (id),
    seq                     INTEGER NOT NULL,
    started_at              INTEGER NOT NULL,
    first_byte_at           INTEGER,
    ended_at                INTEGER,
    host                    TEXT NOT NULL,
    method                  TEXT NOT NULL,
    path                    TEXT NOT NULL,
    status                  INTEGER NOT NULL,
    transport               TEXT NOT NULL CHECK (transport IN ('http-json', 'http-sse', 'websocket', 'http')),
    provider                TEXT NOT NULL DEFAULT '',
    api                     TEXT NOT NULL DEFAULT '',
    request_model           TEXT NOT NULL DEFAULT '',
    model                   TEXT NOT NULL DEFAULT '',
    response_id             TEXT NOT NULL DEFAULT '',
    request_id              TEXT NOT NULL DEFAULT '',
    request_sha256          TEXT NOT NULL,
    request_size            INTEGER NOT NULL,
    response_sha256         TEXT NOT NULL,
    response_size           INTEGER NOT NULL,
    request_encoding        TEXT NOT NULL DEFAULT '',
    response_encoding       TEXT NOT NULL DEFAULT '',
    input_tokens            INTEGER NOT NULL DEFAULT 0,
    cache_read_tokens       INTEGER NOT NULL DEFAULT 0,
    cache_write_5m_tokens   INTEGER NOT NULL DEFAULT 0,
    cache_write_1h_tokens   INTEGER NOT NULL DEFAULT 0,
    output_tokens           INTEGER NOT NULL DEFAULT 0,
    reasoning_tokens        INTEGER NOT NULL DEFAULT 0,
    usage_native            TEXT NOT NULL DEFAULT '{}',
    cost_micros             INTEGER, -- cache of the price known at capture; NULL when unpriced
    stop_reason             TEXT NOT NULL DEFAULT '',
    stop_reason_normalized  TEXT NOT NULL DEFAULT '',
    complete                INTEGER NOT NULL CHECK (complete IN (0, 1)),
    parsed                  INTEGER NOT NULL DEFAULT 1 CHECK (parsed IN (0, 1)),
    error                   TEXT NOT NULL DEFAULT '',
    developer               TEXT NOT NULL DEFAULT '',
    team                    TEXT NOT NULL DEFAULT '',
    repo                    TEXT NOT NULL DEFAULT '',
    client                  TEXT NOT NULL DEFAULT '',
    client_version          TEXT NOT NULL DEFAULT '',
    UNIQUE (session_id, seq)
) STRICT;

-- Stats scan turns by time; the covering columns let grouped sums run from the index alone.
CREATE INDEX turns_started ON turns (started_at, team, developer, provider, model, repo);
CREATE INDEX turns_request_hash ON turns (request_sha256);
CREATE INDEX turns_response_hash ON turns (response_sha256);

-- tool_calls holds one row per tool use the model asked for.
CREATE TABLE tool_calls (
    id          TEXT PRIMARY KEY,
    turn_id     TEXT NOT NULL REFERENCES turns (id),
    session_id  TEXT NOT NULL REFERENCES sessions (id),
    idx         INTEGER NOT NULL,
    tool_use_id TEXT NOT NULL DEFAULT '',
    name        TEXT NOT NULL,
    arguments   TEXT NOT NULL DEFAULT '{}', -- parsed JSON (re-serialised)
    arguments_raw TEXT,                     -- exact concatenation of streamed fragments
    created_at  INTEGER NOT NULL,
    UNIQUE (turn_id, idx)
) STRICT;

CREATE INDEX tool_calls_session ON tool_calls (session_id, tool_use_id);
CREATE INDEX tool_calls_name ON tool_calls (name, created_at);

-- tool_results records that a later request carried the result of a tool use. tool_calls stays
-- append-only; the read side joins the two to show is_error.
CREATE TABLE tool_results (
    id             TEXT PRIMARY KEY,
    session_id     TEXT NOT NULL REFERENCES sessions (id),
    tool_use_id    TEXT NOT NULL,
    result_turn_id TEXT NOT NULL REFERENCES turns (id),
    is_error       INTEGER NOT NULL CHECK (is_error IN (0, 1)),
    seen_at        INTEGER NOT NULL,
    UNIQUE (session_id, tool_use_id, result_turn_id)
) STRICT;

-- turn_texts holds the readable text of each turn (prompt, answer, thinking, tool I/O), the
-- corpus of full-text search. Bodies stay in the object store; this is derived, append-only text.
CREATE TABLE turn_texts (
    rowid      INTEGER PRIMARY KEY,
    turn_id    TEXT NOT NULL REFERENCES turns (id),
    session_id TEXT NOT NULL REFERENCES sessions (id),
    started_at INTEGER NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('user', 'assistant', 'thinking', 'tool_use', 'tool_result', 'system')),
    body       TEXT NOT NULL
) STRICT;

CREATE INDEX turn_texts_turn ON turn_texts (turn_id);

CREATE VIRTUAL TABLE turn_texts_fts USING fts5 (body, content = 'turn_texts', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 0');

CREATE TRIGGER turn_texts_index AFTER INSERT ON turn_texts BEGIN
    INSERT INTO turn_texts_fts (rowid, body) VALUES (new.rowid, new.body);
END;

-- anomaly_events are findings about captured traffic (secret exposure, prompt injection, drift,
-- unpriced model, policy block, unparsed body ...). Append-only like the traffic they describe.
CREATE TABLE anomaly_events (
    id         TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    severity   TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    session_id TEXT REFERENCES sessions (id),
    turn_id    TEXT REFERENCES turns (id),
    message    TEXT NOT NULL,
    detail     TEXT NOT NULL DEFAULT '{}'
) STRICT;

CREATE INDEX anomaly_events_created ON anomaly_events (created_at DESC, id DESC);
CREATE INDEX anomaly_events_session ON anomaly_events (session_id);

-- access_audit_log records who read what through which surface, including refused attempts.
CREATE TABLE access_audit_log (
    id           TEXT PRIMARY KEY,
    at           INTEGER NOT NULL,
    key_id       TEXT NOT NULL DEFAULT '',
    principal    TEXT NOT NULL DEFAULT '',
    surface      TEXT NOT NULL CHECK (surface IN ('graphql', 'rest', 'mcp', 'cli', 'gateway')),
    operation    TEXT NOT NULL,
    resource_ids TEXT NOT NULL DEFAULT '[]',
    client_addr  TEXT NOT NULL DEFAULT '',
    outcome      TEXT NOT NULL CHECK (outcome IN ('allowed', 'denied')),
    unmasked     INTEGER NOT NULL DEFAULT 0 CHECK (unmasked IN (0, 1)),
    detail       TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX access_audit_log_at ON access_audit_log (at DESC, id DESC);

-- Append-only enforcement. RAISE(ABORT) undoes the statement whatever the connection does.
CREATE TRIGGER turns_no_update BEFORE UPDATE ON turns BEGIN SELECT RAISE(ABORT, 'turns is append-only: UPDATE refused'); END;
CREATE TRIGGER turns_no_delete BEFORE DELETE ON turns BEGIN SELECT RAISE(ABORT, 'turns is append-only: DELETE refused'); END;
CREATE TRIGGER tool_calls_no_update BEFORE UPDATE ON tool_calls BEGIN SELECT RAISE(ABORT, 'tool_calls is append-only: UPDATE refused'); END;
CREATE TRIGGER tool_calls_no_delete BEFORE DELETE ON tool_calls BEGIN SELECT RAISE(ABORT, 'tool_calls is append-only: DELETE refused'); END;
CREATE TRIGGER tool_results_no_update BEFORE UPDATE ON tool_results BEGIN SELECT RAISE(ABORT, 'tool_results is append-only: UPDATE refused'); END;
CREATE TRIGGER tool_results_no_delete BEFORE DELETE ON tool_results BEGIN SELECT RAISE(ABORT, 'tool_results is append-only: DELETE refused'); END;
CREATE TRIGGER turn_texts_no_update BEFORE UPDATE ON turn_texts BEGIN SELECT RAISE(ABORT, 'turn_texts is append-only: UPDATE refused'); END;
CREATE TRIGGER turn_texts_no_delete BEFORE DELETE ON turn_texts BEGIN SELECT RAISE(ABORT, 'turn_texts is append-only: DELETE refused'); END;
CREATE TRIGGER anomaly_events_no_update BEFORE UPDATE ON anomaly_events BEGIN SELECT RAISE(ABORT, 'anomaly_events is append-only: UPDATE refused'); END;
CREATE TRIGGER anomaly_events_no_delete BEFORE DELETE ON anomaly_events BEGIN SELECT RAISE(ABORT, 'anomaly_events is append-only: DELETE refused'); END;
CREATE TRIGGER access_audit_log_no_update BEFORE UPDATE ON access_audit_log BEGIN SELECT RAISE(ABORT, 'access_audit_log is append-only: UPDATE refused'); END;
CREATE TRIGGER access_audit_log_no_delete BEFORE DELETE ON access_audit_log BEGIN SELECT RAISE(ABORT, 'access_audit_log is append-only: DELETE refused'); END;

-- ── Governance metadata (mutable) ───────────────────────────────────────────────────────────

CREATE TABLE teams (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE developers (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    email      TEXT NOT NULL DEFAULT '',
    team_id    TEXT REFERENCES teams (id),
    created_at INTEGER NOT NULL
) STRICT;

-- api_keys stores only a SHA-256 of each key; the key itself is shown once at creation.
CREATE TABLE api_keys (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    prefix     TEXT NOT NULL,
    key_sha256 TEXT NOT NULL UNIQUE,
    role       TEXT NOT NULL CHECK (role IN ('reader', 'admin')),
    team       TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
) STRICT;

CREATE TABLE policies (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL,
    spec       TEXT NOT NULL DEFAULT '{}',
    enabled    INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE alerts (
    id              TEXT PRIMARY KEY,
    created_at      INTEGER NOT NULL,
    kind            TEXT NOT NULL,
    severity        TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    session_id      TEXT,
    anomaly_id      TEXT,
    message         TEXT NOT NULL,
    acknowledged_at INTEGER,
    acknowledged_by TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX alerts_created ON alerts (created_at DESC, id DESC);

CREATE TABLE reports (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    spec       TEXT NOT NULL DEFAULT '{}',
    created_by TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
) STRICT;
