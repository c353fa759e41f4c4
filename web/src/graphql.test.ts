import { describe, expect, it } from 'vitest';
import { asQueryError, query, QueryError } from './graphql';

// A fetch that answers with a fixed status and body and records what it was sent.
function fakeFetch(status: number, body: string) {
  const sent: { url: string; init: RequestInit }[] = [];
  const fn = (async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    return new Response(body, { status, headers: { 'Content-Type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { fn, sent };
}

describe('query', () => {
  it('POSTs the query with the key as a bearer token and returns data', async () => {
    const f = fakeFetch(200, '{"data":{"teams":[{"name":"platform"}]}}');
    const got = await query<{ teams: { name: string }[] }>('{ teams { name } }', { a: 1 }, f.fn, 'rcd_k');
    expect(got.teams[0].name).toBe('platform');
    expect(f.sent[0].url).toBe('/graphql');
    expect(f.sent[0].init.method).toBe('POST');
    expect((f.sent[0].init.headers as Record<string, string>).Authorization).toBe('Bearer rcd_k');
    expect(JSON.parse(f.sent[0].init.body as string)).toEqual({ query: '{ teams { name } }', variables: { a: 1 } });
  });
  it('sends no Authorization header without a key', async () => {
    const f = fakeFetch(200, '{"data":{}}');
    await query('{ teams { name } }', {}, f.fn, '');
    expect((f.sent[0].init.headers as Record<string, string>).Authorization).toBeUndefined();
  });
  it('turns a 401 into an error that asks for a key', async () => {
    const f = fakeFetch(401, '{"errors":[{"message":"an API key is required","extensions":{"code":"UNAUTHORIZED"}}]}');
    const err = await query('{ teams { name } }', {}, f.fn, '').catch((e: QueryError) => e);
    expect(err).toBeInstanceOf(QueryError);
    expect((err as QueryError).needsKey).toBe(true);
    expect((err as QueryError).status).toBe(401);
  });
  it('keeps the code and message of a GraphQL error', async () => {
    const f = fakeFetch(200, '{"errors":[{"message":"no session s-9","extensions":{"code":"NOT_FOUND"}}],"data":null}');
    await expect(query('{ x }', {}, f.fn, 'k')).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'no session s-9' });
  });
  it('explains an answer that is not GraphQL', async () => {
    const f = fakeFetch(502, '<html>bad gateway</html>');
    await expect(query('{ x }', {}, f.fn, 'k')).rejects.toMatchObject({ code: 'BAD_RESPONSE', status: 502 });
  });
  it('explains an unreachable server', async () => {
    const fail = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    await expect(query('{ x }', {}, fail, 'k')).rejects.toMatchObject({ code: 'UNREACHABLE' });
  });
});

describe('asQueryError', () => {
  it('keeps a QueryError and wraps anything else', () => {
    const q = new QueryError('no', 'NOT_FOUND', 200);
    expect(asQueryError(q)).toBe(q);
    expect(asQueryError(new TypeError('boom'))).toMatchObject({ code: 'ERROR', message: 'TypeError: boom' });
  });
});
