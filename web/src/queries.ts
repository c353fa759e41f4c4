// Every query the dashboard sends, in one place: what it reads from the server is reviewable here.

const USAGE = 'usage { inputTokens cacheReadTokens cacheWrite5mTokens cacheWrite1hTokens outputTokens reasoningTokens }';

const SESSION_FIELDS = `id externalId provider model client clientVersion developer team repo branch intent
  startedAt lastActivityAt turnCount ${USAGE} costMicros unpricedTurns`;

export const SESSIONS = `query Sessions($first: Int, $after: String, $filter: SessionFilter) {
  sessions(first: $first, after: $after, filter: $filter) {
    edges { node { ${SESSION_FIELDS} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const FILTER_CHOICES = `query FilterChoices {
  developers { name team }
  teams { name }
}`;

const TURN_FIELDS = `id sessionId seq startedAt firstByteAt endedAt host method path status transport provider api
  model requestModel ${USAGE} costMicros costSource stopReason complete error
  requestSha256 responseSha256 requestSize responseSize
  toolCalls { id turnId index toolUseId name arguments resultSeen resultError resultTurnId }
  texts { role body }`;

export const SESSION = `query Session($id: ID!, $first: Int, $after: String) {
  session(id: $id) {
    ${SESSION_FIELDS} parentSessionId
    turns(first: $first, after: $after) {
      edges { node { ${TURN_FIELDS} } }
      pageInfo { hasNextPage endCursor }
    }
  }
  sessionArtifacts(sessionId: $id) { id turnId action path command createdAt }
}`;

export const MORE_TURNS = `query MoreTurns($id: ID!, $first: Int, $after: String) {
  turns(sessionId: $id, first: $first, after: $after) {
    edges { node { ${TURN_FIELDS} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const TURN = `query Turn($id: ID!) {
  turn(id: $id) {
    ${TURN_FIELDS}
    session { id developer client model }
    request { sha256 wireSize encoding text truncated binary }
    response { sha256 wireSize encoding text truncated binary }
  }
}`;

export const VERIFY = `query Verify($id: ID!) {
  verify(sessionId: $id) { turns objects ok mismatches { turnId kind want got problem } }
}`;

export const STATS = `query Stats($groupBy: StatsDimension, $bucket: StatsBucket, $from: Time, $to: Time) {
  stats(groupBy: $groupBy, bucket: $bucket, from: $from, to: $to) {
    key bucket turns sessions ${USAGE} costMicros unpricedTurns errorTurns
  }
}`;

export const SEARCH = `query Search($text: String!, $first: Int, $after: String) {
  search(text: $text, first: $first, after: $after) {
    nodes { turnId sessionId startedAt role snippet session { developer client model } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const ANOMALIES = `query Anomalies($first: Int, $after: String, $filter: AnomalyFilter) {
  anomalies(first: $first, after: $after, filter: $filter) {
    edges { node { id createdAt kind severity sessionId turnId message } }
    pageInfo { hasNextPage endCursor }
  }
}`;
