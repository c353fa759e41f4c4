// The dashboard's only way to data: POST /graphql on the server that served the page, with the
// API key the person entered (kept for this browser tab only) unless the server runs --dev.

const KEY_STORAGE = 'recondo.apiKey';

/** A GraphQL or HTTP failure, with the server's error code (UNAUTHORIZED, FORBIDDEN, ...). */
export class QueryError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'QueryError';
  }
  get needsKey(): boolean {
    return this.code === 'UNAUTHORIZED';
  }
}

/** Any failure of a read as a QueryError, so every view shows it the same way. */
export function asQueryError(err: unknown): QueryError {
  return err instanceof QueryError ? err : new QueryError(String(err), 'ERROR', 0);
}

export function apiKey(): string {
  return sessionStorage.getItem(KEY_STORAGE) ?? '';
}

export function setAPIKey(key: string): void {
  if (key) sessionStorage.setItem(KEY_STORAGE, key);
  else sessionStorage.removeItem(KEY_STORAGE);
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Runs one query. fetchFn is a seam for tests; the page uses the browser's fetch. */
export async function query<T>(
  text: string,
  variables: Record<string, unknown> = {},
  fetchFn: typeof fetch = fetch,
  key: string = apiKey(),
): Promise<T> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (key) headers.Authorization = `Bearer ${key}`;
  let res: Response;
  try {
    res = await fetchFn('/graphql', { method: 'POST', headers, body: JSON.stringify({ query: text, variables }) });
  } catch (err) {
    throw new QueryError(`the server could not be reached (${String(err)})`, 'UNREACHABLE', 0);
  }
  let body: GraphQLResponse<T>;
  try {
    body = (await res.json()) as GraphQLResponse<T>;
  } catch {
    throw new QueryError(`the server answered HTTP ${res.status} without a GraphQL body`, 'BAD_RESPONSE', res.status);
  }
  const first = body.errors?.[0];
  if (first) {
    throw new QueryError(first.message, first.extensions?.code ?? 'ERROR', res.status);
  }
  if (!res.ok || body.data == null) {
    throw new QueryError(`the server answered HTTP ${res.status} with no data`, 'BAD_RESPONSE', res.status);
  }
  return body.data;
}
