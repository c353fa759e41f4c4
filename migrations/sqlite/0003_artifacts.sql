-- artifacts: the files a session read, wrote, edited or deleted, and the commands it ran, taken
-- from tool-call arguments. Append-only like the tool calls they come from. "Which sessions
-- touched file X" is one index lookup on path; "what did this session change" one on session.
CREATE TABLE artifacts (
    id           TEXT PRIMARY KEY,
    session_id   TEXT NOT NULL REFERENCES sessions (id),
    turn_id      TEXT NOT NULL REFERENCES turns (id),
    tool_call_id TEXT NOT NULL REFERENCES tool_calls (id),
    action       TEXT NOT NULL CHECK (action IN ('read', 'write', 'edit', 'delete', 'run')),
    path         TEXT NOT NULL DEFAULT '', -- the file, as the agent named it ('' for commands)
    command      TEXT NOT NULL DEFAULT '', -- the command line, for action 'run'
    created_at   INTEGER NOT NULL
) STRICT;

CREATE INDEX artifacts_path ON artifacts (path, created_at DESC) WHERE path != '';
CREATE INDEX artifacts_session ON artifacts (session_id, created_at);

CREATE TRIGGER artifacts_no_update BEFORE UPDATE ON artifacts BEGIN SELECT RAISE(ABORT, 'artifacts is append-only: UPDATE refused'); END;
CREATE TRIGGER artifacts_no_delete BEFORE DELETE ON artifacts BEGIN SELECT RAISE(ABORT, 'artifacts is append-only: DELETE refused'); END;
