// One session's trace: who ran which agent where, what it cost, what it touched, and every turn
// in order with its texts and tool calls; "Verify" re-hashes the stored bodies on the server.
import { useEffect, useState } from 'react';
import { Empty, Failure, Loading } from '../components/status';
import { ToolCalls, TurnTexts } from '../components/turn-detail';
import { asQueryError, query, QueryError } from '../graphql';
import { between, count, instant, money, moneyAtLeast, shortHash } from '../format';
import { MORE_TURNS, SESSION, VERIFY } from '../queries';
import { href } from '../router';
import { tokensIn, type Artifact, type Connection, type Session, type Turn, type VerifyReport } from '../types';
import { useQuery } from '../use-query';

// The turn page's cost limit allows about 25 turns with their texts and tool calls per request.
const TURNS_PER_PAGE = 25;

interface Answer {
  session: (Session & { turns: Connection<Turn> }) | null;
  sessionArtifacts: Artifact[];
}

export function SessionPage({ id }: { id: string }) {
  const q = useQuery<Answer>(SESSION, { id, first: TURNS_PER_PAGE });
  const [more, setMore] = useState<{ turns: Turn[]; cursor: string | null; error?: QueryError; loading: boolean }>({
    turns: [],
    cursor: null,
    loading: false,
  });
  useEffect(() => setMore({ turns: [], cursor: null, loading: false }), [id]);

  if (q.error) return <Failure error={q.error} />;
  if (!q.data) return <Loading />;
  const s = q.data.session;
  if (!s) return <Failure error={new QueryError(`no session has the id ${id}`, 'NOT_FOUND', 200)} />;
  const first = s.turns.edges.map((e) => e.node);
  const turns = [...first, ...more.turns];
  const cursor = more.cursor ?? (s.turns.pageInfo.hasNextPage ? s.turns.pageInfo.endCursor : null);
  const loadMore = () => {
    setMore((m) => ({ ...m, loading: true }));
    query<{ turns: Connection<Turn> }>(MORE_TURNS, { id, first: TURNS_PER_PAGE, after: cursor })
      .then((a) =>
        setMore((m) => ({
          turns: [...m.turns, ...a.turns.edges.map((e) => e.node)],
          cursor: a.turns.pageInfo.hasNextPage ? a.turns.pageInfo.endCursor : '',
          loading: false,
        })),
      )
      .catch((err: unknown) => setMore((m) => ({ ...m, error: asQueryError(err), loading: false })));
  };

  return (
    <section>
      <p className="crumbs">
        <a href={href({ page: 'sessions', params: {} })}>Sessions</a> / {s.id}
      </p>
      <h1 data-testid="session-title">
        {s.client || 'unknown agent'} · {s.developer || 'unknown developer'}
      </h1>
      {s.intent ? <p className="intent-line">{s.intent}</p> : null}
      <SessionFacts s={s} />
      <VerifyBox id={s.id} />
      <Artifacts artifacts={q.data.sessionArtifacts} />
      <h2>Turns</h2>
      {turns.length === 0 ? <Empty>This session has no turns.</Empty> : null}
      {turns.length > 0 ? (
        <div className="turn-head legend" aria-hidden="true">
          <span>#</span>
          <span>Started (UTC)</span>
          <span>Model</span>
          <span>Status</span>
          <span>First byte / total</span>
          <span>Tokens</span>
          <span>Cost</span>
          <span>Tools</span>
        </div>
      ) : null}
      <ol className="turns" data-testid="turns">
        {turns.map((t) => (
          <TurnItem key={t.id} turn={t} />
        ))}
      </ol>
      {more.error ? <Failure error={more.error} /> : null}
      {cursor && !more.loading ? (
        <button className="more" onClick={loadMore}>
          Load more turns
        </button>
      ) : null}
      {more.loading ? <Loading /> : null}
    </section>
  );
}

function SessionFacts({ s }: { s: Session }) {
  const facts: [string, React.ReactNode][] = [
    ['Team', s.team || '—'],
    ['Repo', s.repo ? `${s.repo}${s.branch ? ` @ ${s.branch}` : ''}` : '—'],
    ['Agent', `${s.client || '—'} ${s.clientVersion}`],
    ['Provider / model', `${s.provider} / ${s.model}`],
    ['Started (UTC)', instant(s.startedAt)],
    ['Duration', between(s.startedAt, s.lastActivityAt)],
    ['Turns', count(s.turnCount)],
    ['Tokens in / out', `${count(tokensIn(s.usage))} / ${count(s.usage.outputTokens)}`],
    ['Cost', moneyAtLeast(s.costMicros, s.unpricedTurns)],
  ];
  if (s.unpricedTurns > 0) facts.push(['Unpriced turns', `${s.unpricedTurns} (no price known for their model)`]);
  if (s.externalId) facts.push(["Agent's session id", <code key="x">{s.externalId}</code>]);
  if (s.parentSessionId) facts.push(['Parent session', <a key="p" href={href({ page: 'session', id: s.parentSessionId })}>{s.parentSessionId}</a>]);
  return (
    <dl className="facts" data-testid="facts">
      {facts.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function VerifyBox({ id }: { id: string }) {
  const [state, setState] = useState<{ report?: VerifyReport; error?: QueryError; running: boolean }>({ running: false });
  const run = () => {
    setState({ running: true });
    query<{ verify: VerifyReport }>(VERIFY, { id })
      .then((a) => setState({ report: a.verify, running: false }))
      .catch((err: unknown) => setState({ error: asQueryError(err), running: false }));
  };
  const r = state.report;
  return (
    <div className="verify" data-testid="verify">
      <button onClick={run} disabled={state.running}>
        {state.running ? 'Verifying…' : 'Verify stored bodies'}
      </button>
      {r && r.ok ? (
        <span className="good">
          {' '}
          verified: {r.objects} stored bodies of {r.turns} turns match the hashes recorded at capture
        </span>
      ) : null}
      {r && !r.ok ? (
        <div className="bad">
          {r.mismatches.length} stored bodies do not match what was captured:
          <ul>
            {r.mismatches.map((m) => (
              <li key={m.turnId + m.kind}>
                turn <a href={href({ page: 'turn', id: m.turnId })}>{m.turnId}</a> {m.kind}: {m.problem} (recorded{' '}
                <code title={m.want}>{shortHash(m.want)}</code>, stored <code title={m.got}>{shortHash(m.got)}</code>)
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {state.error ? <Failure error={state.error} /> : null}
    </div>
  );
}

function Artifacts({ artifacts }: { artifacts: Artifact[] }) {
  if (artifacts.length === 0) return null;
  return (
    <details className="artifacts" data-testid="artifacts">
      <summary>What it read, changed and ran ({artifacts.length})</summary>
      <table className="grid">
        <tbody>
          {artifacts.map((a) => (
            <tr key={a.id}>
              <td>{a.action}</td>
              <td>
                <code>{a.path || a.command}</code>
              </td>
              <td>
                <a href={href({ page: 'turn', id: a.turnId })}>{instant(a.createdAt)}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function TurnItem({ turn: t }: { turn: Turn }) {
  const [open, setOpen] = useState(false);
  const failed = t.status >= 400 || t.error !== '';
  return (
    <li className={`turn${failed ? ' failed' : ''}`} data-turn={t.id}>
      <button className="turn-head" onClick={() => setOpen(!open)} aria-expanded={open}>
        <span className="seq">#{t.seq}</span>
        <span>{instant(t.startedAt)}</span>
        <span>{t.model || t.requestModel || `${t.method} ${t.path}`}</span>
        <span className={failed ? 'bad' : ''}>{t.status}</span>
        <span title="time to first byte / total">
          {between(t.startedAt, t.firstByteAt)} / {between(t.startedAt, t.endedAt)}
        </span>
        <span>
          {count(tokensIn(t.usage))} in · {count(t.usage.outputTokens)} out
        </span>
        <span title={t.costSource === 'REPRICED' ? 'priced after capture from a price added since' : ''}>
          {money(t.costMicros)}
          {t.costSource === 'REPRICED' ? '*' : ''}
        </span>
        <span className="tools-summary">{t.toolCalls.map((c) => c.name).join(', ')}</span>
      </button>
      {open ? (
        <div className="turn-body">
          {t.error ? <p className="bad">Error: {t.error}</p> : null}
          <TurnTexts texts={t.texts} />
          <ToolCalls calls={t.toolCalls} />
          <p>
            <a href={href({ page: 'turn', id: t.id })}>Request and response bodies →</a>
          </p>
        </div>
      ) : null}
    </li>
  );
}
