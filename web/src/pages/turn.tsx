// One turn in full: where it went, what it cost, its texts and tool calls, and the request and
// response bodies as stored (content-decoded and path-masked by the server).
import { Failure, Loading } from '../components/status';
import { ToolCalls, TurnTexts } from '../components/turn-detail';
import { QueryError } from '../graphql';
import { between, count, instant, money, prettyJSON } from '../format';
import { TURN } from '../queries';
import { href } from '../router';
import type { Body, Turn } from '../types';
import { useQuery } from '../use-query';

interface Answer {
  turn: (Turn & { session: { id: string; developer: string; client: string }; request: Body; response: Body }) | null;
}

export function TurnPage({ id }: { id: string }) {
  const q = useQuery<Answer>(TURN, { id });
  if (q.error) return <Failure error={q.error} />;
  if (!q.data) return <Loading />;
  const t = q.data.turn;
  if (!t) return <Failure error={new QueryError(`no turn has the id ${id}`, 'NOT_FOUND', 200)} />;
  const u = t.usage;
  const facts: [string, string][] = [
    ['Request', `${t.method} https://${t.host}${t.path} (${t.transport})`],
    ['API', `${t.provider} ${t.api}`],
    ['Model asked / answered', `${t.requestModel || '—'} / ${t.model || '—'}`],
    ['Status', `${t.status}${t.complete ? '' : ' (incomplete)'}${t.stopReason ? `, stopped: ${t.stopReason}` : ''}`],
    ['Started (UTC)', instant(t.startedAt)],
    ['First byte / total', `${between(t.startedAt, t.firstByteAt)} / ${between(t.startedAt, t.endedAt)}`],
    ['Input tokens', `${count(u.inputTokens)} fresh, ${count(u.cacheReadTokens)} cache read, ${count(u.cacheWrite5mTokens + u.cacheWrite1hTokens)} cache write`],
    ['Output tokens', `${count(u.outputTokens)}${u.reasoningTokens ? ` (${count(u.reasoningTokens)} reasoning)` : ''}`],
    ['Cost', `${money(t.costMicros)}${t.costSource === 'REPRICED' ? ' (priced after capture)' : ''}`],
  ];
  return (
    <section>
      <p className="crumbs">
        <a href={href({ page: 'sessions', params: {} })}>Sessions</a> /{' '}
        <a href={href({ page: 'session', id: t.sessionId })}>{t.sessionId}</a> / turn #{t.seq}
      </p>
      <h1 data-testid="turn-title">Turn #{t.seq}</h1>
      <dl className="facts">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {t.error ? <p className="bad">Error: {t.error}</p> : null}
      <h2>Conversation</h2>
      <TurnTexts texts={t.texts} />
      <ToolCalls calls={t.toolCalls} />
      <h2>Bodies</h2>
      <BodyView title="Request" body={t.request} />
      <BodyView title="Response" body={t.response} />
    </section>
  );
}

function BodyView({ title, body }: { title: string; body: Body }) {
  // The server answers a body it cannot read from the object store as empty and truncated.
  const missing = body.truncated && body.text === '' && body.wireSize > 0;
  const notes = [
    `${count(body.wireSize)} bytes on the wire`,
    body.encoding ? `sent ${body.encoding}-encoded` : '',
    missing ? 'NOT in the object store (run Verify on the session)' : body.truncated ? 'shown up to 1 MiB' : '',
    body.binary ? 'binary, shown as base64' : '',
  ].filter(Boolean);
  return (
    <details className="body" data-testid={`body-${title.toLowerCase()}`}>
      <summary>
        {title} <span className="muted">— {notes.join(', ')}</span>{' '}
        <code className="hash" title="SHA-256 of the bytes as they crossed the wire">
          sha256 {body.sha256}
        </code>
      </summary>
      <pre>{body.binary ? body.text : prettyJSON(body.text)}</pre>
    </details>
  );
}
