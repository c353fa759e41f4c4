// The sessions list: newest first, filtered by who, which team, which model or what was said,
// each row a link to the session's trace.
import { useState, type FormEvent } from 'react';
import { Empty, Failure, Loading } from '../components/status';
import { between, count, instant, moneyAtLeast } from '../format';
import { FILTER_CHOICES, SESSIONS } from '../queries';
import { href, replaceParams, type Route } from '../router';
import { tokensIn, type Connection, type SessionRow } from '../types';
import { usePaged } from '../use-paged';
import { useQuery } from '../use-query';

const FILTERS = ['developer', 'team', 'provider', 'model', 'repo', 'text'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

export function SessionsPage({ route }: { route: Route & { page: 'sessions' } }) {
  const applied = Object.fromEntries(FILTERS.map((f) => [f, route.params[f] ?? ''])) as Filters;
  const filter = Object.fromEntries(Object.entries(applied).filter(([, v]) => v !== ''));
  const list = usePaged<{ sessions: Connection<SessionRow> }, SessionRow>(
    SESSIONS,
    { first: 50, filter },
    (a) => ({ items: a.sessions.edges.map((e) => e.node), pageInfo: a.sessions.pageInfo }),
  );
  return (
    <section>
      <h1>Sessions</h1>
      <FilterForm key={JSON.stringify(applied)} applied={applied} onApply={(f) => replaceParams(route, f)} />
      {list.error ? <Failure error={list.error} /> : null}
      {!list.error && list.items.length === 0 && !list.loading ? <Empty>No session matches.</Empty> : null}
      {list.items.length > 0 ? <SessionTable sessions={list.items} /> : null}
      {list.loading ? <Loading /> : null}
      {list.hasMore && !list.loading ? (
        <button className="more" onClick={list.loadMore}>
          Load more sessions
        </button>
      ) : null}
    </section>
  );
}

function FilterForm({ applied, onApply }: { applied: Filters; onApply: (f: Filters) => void }) {
  const [draft, setDraft] = useState(applied);
  const choices = useQuery<{ developers: { name: string; team: string }[]; teams: { name: string }[] }>(FILTER_CHOICES, {});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value });
  const clear = () => onApply(Object.fromEntries(FILTERS.map((f) => [f, ''])) as Filters);
  return (
    <form className="filters" onSubmit={submit} aria-label="filter sessions">
      <label>
        Developer
        <select name="developer" value={draft.developer} onChange={set('developer')}>
          <option value="">any</option>
          {(choices.data?.developers ?? []).map((d) => (
            <option key={d.name} value={d.name}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Team
        <select name="team" value={draft.team} onChange={set('team')}>
          <option value="">any</option>
          {(choices.data?.teams ?? []).map((t) => (
            <option key={t.name} value={t.name}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Provider
        <input name="provider" value={draft.provider} onChange={set('provider')} placeholder="anthropic" />
      </label>
      <label>
        Model
        <input name="model" value={draft.model} onChange={set('model')} placeholder="claude-sonnet-4-5" />
      </label>
      <label>
        Repo
        <input name="repo" value={draft.repo} onChange={set('repo')} />
      </label>
      <label>
        Text
        <input name="text" value={draft.text} onChange={set('text')} placeholder="words said in the session" />
      </label>
      <button type="submit">Filter</button>
      <button type="button" onClick={clear}>
        Clear
      </button>
    </form>
  );
}

function SessionTable({ sessions }: { sessions: SessionRow[] }) {
  return (
    <table className="grid" data-testid="sessions">
      <thead>
        <tr>
          <th>Started (UTC)</th>
          <th>Developer</th>
          <th>Team</th>
          <th>Agent</th>
          <th>Model</th>
          <th>Intent</th>
          <th className="num">Turns</th>
          <th className="num">Tokens in</th>
          <th className="num">Tokens out</th>
          <th className="num">Cost</th>
          <th className="num">Duration</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((s) => (
          <tr key={s.id} data-session={s.id}>
            <td>
              <a href={href({ page: 'session', id: s.id })}>{instant(s.startedAt)}</a>
            </td>
            <td>{s.developer || '—'}</td>
            <td>{s.team || '—'}</td>
            <td>{s.client || '—'}</td>
            <td>{s.model}</td>
            <td className="intent" title={s.intent}>
              {s.intent}
            </td>
            <td className="num">{count(s.turnCount)}</td>
            <td className="num">{count(tokensIn(s.usage))}</td>
            <td className="num">{count(s.usage.outputTokens)}</td>
            <td className="num">{moneyAtLeast(s.costMicros, s.unpricedTurns)}</td>
            <td className="num">{between(s.startedAt, s.lastActivityAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
