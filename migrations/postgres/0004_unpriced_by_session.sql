-- Read-time repricing looks up the unpriced turns of the sessions on a page: index exactly those.
CREATE INDEX turns_unpriced_session ON turns (session_id) WHERE cost_micros IS NULL;
