// The shapes the dashboard reads from GraphQL (graphql/schema/*.graphqls), only the fields it asks
// for. Int64 arrives as a JSON number: exact up to 2^53, far above any token count or cost here.

export interface Usage {
  inputTokens: number;
  cacheReadTokens: number;
  cacheWrite5mTokens: number;
  cacheWrite1hTokens: number;
  outputTokens: number;
  reasoningTokens: number;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface SessionRow {
  id: string;
  externalId: string;
  provider: string;
  model: string;
  client: string;
  clientVersion: string;
  developer: string;
  team: string;
  repo: string;
  branch: string;
  intent: string;
  startedAt: string;
  lastActivityAt: string;
  turnCount: number;
  usage: Usage;
  costMicros: number;
  unpricedTurns: number;
}

export interface Session extends SessionRow {
  parentSessionId: string;
}

export interface ToolCall {
  id: string;
  turnId: string;
  index: number;
  toolUseId: string;
  name: string;
  arguments: string;
  resultSeen: boolean;
  resultError: boolean;
  resultTurnId: string;
}

export type TextRole = 'USER' | 'ASSISTANT' | 'THINKING' | 'TOOL_USE' | 'TOOL_RESULT' | 'SYSTEM';

export interface TurnText {
  role: TextRole;
  body: string;
}

export interface Turn {
  id: string;
  sessionId: string;
  seq: number;
  startedAt: string;
  firstByteAt: string | null;
  endedAt: string | null;
  host: string;
  method: string;
  path: string;
  status: number;
  transport: string;
  provider: string;
  api: string;
  model: string;
  requestModel: string;
  usage: Usage;
  costMicros: number | null;
  costSource: 'CAPTURED' | 'REPRICED' | null;
  stopReason: string;
  complete: boolean;
  error: string;
  requestSha256: string;
  responseSha256: string;
  requestSize: number;
  responseSize: number;
  toolCalls: ToolCall[];
  texts: TurnText[];
}

export interface Body {
  sha256: string;
  wireSize: number;
  encoding: string;
  text: string;
  truncated: boolean;
  binary: boolean;
}

export interface Artifact {
  id: string;
  turnId: string;
  action: string;
  path: string;
  command: string;
  createdAt: string;
}

export interface VerifyReport {
  turns: number;
  objects: number;
  ok: boolean;
  mismatches: { turnId: string; kind: string; want: string; got: string; problem: string }[];
}

export interface StatsRow {
  key: string;
  bucket: string | null;
  turns: number;
  sessions: number;
  usage: Usage;
  costMicros: number;
  unpricedTurns: number;
  errorTurns: number;
}

export interface SearchHit {
  turnId: string;
  sessionId: string;
  startedAt: string;
  role: TextRole;
  snippet: string;
  session: { developer: string; client: string; model: string };
}

export interface Anomaly {
  id: string;
  createdAt: string;
  kind: string;
  severity: 'INFO' | 'WARNING' | 'CRITICAL';
  sessionId: string;
  turnId: string;
  message: string;
}

export interface Connection<T> {
  edges: { node: T }[];
  pageInfo: PageInfo;
}

/** Tokens the model read: fresh input plus cache reads and writes. */
export function tokensIn(u: Usage): number {
  return u.inputTokens + u.cacheReadTokens + u.cacheWrite5mTokens + u.cacheWrite1hTokens;
}
