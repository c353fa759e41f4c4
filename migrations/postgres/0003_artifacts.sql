-- artifacts: the files a session read, wrote, edited or deleted, and the commands it ran, taken
-- from tool-call arguments. Append-only like the tool calls they come from.
CREATE TABLE artifacts (
    id           TEXT COLLATE "C" PRIMARY KEY,
    session_id   TEXT COLLATE "C" NOT NULL REFERENCES sessions (id),
    turn_id      TEXT COLLATE "C" NOT NULL REFERENCES turns (id),
    tool_call_id TEXT COLLATE "C" NOT NULL REFERENCES tool_calls (id),
    action       TEXT COLLATE "C" NOT NULL CHECK (action IN ('read', 'write', 'edit', 'delete', 'run')),
    path         TEXT COLLATE "C" NOT NULL DEFAULT '',
    command      TEXT COLLATE "C" NOT NULL DEFAULT '',
    created_at   TIMESTAMPTZ NOT NULL
);

CREATE INDEX artifacts_path ON artifacts (path, created_at DESC) WHERE path != '';
CREATE INDEX artifacts_session ON artifacts (session_id, created_at);

CREATE TRIGGER artifacts_no_change BEFORE UPDATE OR DELETE ON artifacts FOR EACH ROW EXECUTE FUNCTION recondo_refuse_change();
CREATE TRIGGER artifacts_no_truncate BEFORE TRUNCATE ON artifacts FOR EACH STATEMENT EXECUTE FUNCTION recondo_refuse_change();
ALTER TABLE artifacts ENABLE ALWAYS TRIGGER artifacts_no_change;
ALTER TABLE artifacts ENABLE ALWAYS TRIGGER artifacts_no_truncate;
