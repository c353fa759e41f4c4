// A real GraphQL client against recondo-graphql: graphql-js parses the documents, graphql-request
// sends them. Usage: node client.mjs <endpoint-url> <api-key>. Prints one JSON summary line and
// exits 0 when every check passes, 1 (with the reason on stderr) otherwise.
import { parse } from 'graphql';
import { GraphQLClient, ClientError } from 'graphql-request';

const [url, key] = process.argv.slice(2);
if (!url || !key) {
  console.error('usage: node client.mjs <endpoint-url> <api-key>');
  process.exit(2);
}
const client = new GraphQLClient(url, { headers: { authorization: `Bearer ${key}` } });

const sessionsQuery = parse(`
  query Sessions($first: Int!) {
    sessions(first: $first) {
      edges { cursor node { id developer intent turnCount costMicros
        turns(first: 2) { edges { node { id seq costMicros toolCalls { name arguments } } } }
      } }
      pageInfo { hasNextPage endCursor }
    }
  }`);

function check(cond, what) {
  if (!cond) throw new Error(`check failed: ${what}`);
}

try {
  const data = await client.request(sessionsQuery, { first: 2 });
  const { edges, pageInfo } = data.sessions;
  check(Array.isArray(edges) && edges.length === 2, 'two session edges');
  for (const { cursor, node } of edges) {
    check(typeof cursor === 'string' && cursor.length > 0, 'edge cursor');
    check(typeof node.id === 'string' && typeof node.costMicros === 'number', 'session fields');
    check(!node.intent.includes('/home/alice'), 'intent is path-masked');
    check(node.turns.edges.length > 0, 'session has turns');
    for (const t of node.turns.edges) {
      check(Number.isInteger(t.node.seq) && Array.isArray(t.node.toolCalls), 'turn shape');
      for (const c of t.node.toolCalls) check(!c.arguments.includes('/home/alice'), 'arguments are path-masked');
    }
  }
  check(pageInfo.hasNextPage === true && typeof pageInfo.endCursor === 'string', 'pageInfo');

  const next = await client.request(sessionsQuery, { first: 2 }); // same answer twice: read-only
  check(JSON.stringify(next) === JSON.stringify(data), 'reads are stable');

  let refused = null;
  try {
    await client.request(parse('{ sessions(first: 100000) { edges { node { turns(first: 100000) { edges { node { id } } } } } } }'));
  } catch (e) {
    if (!(e instanceof ClientError)) throw e;
    refused = e.response.errors?.[0]?.extensions?.code;
  }
  check(refused === 'COMPLEXITY_LIMIT_EXCEEDED', `hostile query refused (got ${refused})`);

  console.log(JSON.stringify({ ok: true, sessions: edges.map((e) => e.node.id), refused }));
} catch (e) {
  console.error(e instanceof ClientError ? JSON.stringify(e.response) : e.stack || String(e));
  process.exit(1);
}
