// Full-text search over everything captured: every word must match; newest first.
import { useState, type FormEvent } from 'react';
import { Empty, Failure, Loading } from '../components/status';
import { instant } from '../format';
import { SEARCH } from '../queries';
import { href, replaceParams, type Route } from '../router';
import type { PageInfo, SearchHit } from '../types';
import { usePaged } from '../use-paged';

export function SearchPage({ route }: { route: Route & { page: 'search' } }) {
  const text = route.params.q ?? '';
  const [draft, setDraft] = useState(text);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    replaceParams(route, { q: draft.trim() });
  };
  return (
    <section>
      <h1>Search</h1>
      <form className="filters" onSubmit={submit} role="search">
        <input name="q" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="words in prompts, answers, tool output" autoFocus />
        <button type="submit">Search</button>
      </form>
      {text ? <Hits key={text} text={text} /> : <Empty>Type words that were said in a session.</Empty>}
    </section>
  );
}

function Hits({ text }: { text: string }) {
  const hits = usePaged<{ search: { nodes: SearchHit[]; pageInfo: PageInfo } }, SearchHit>(SEARCH, { text, first: 50 }, (a) => ({
    items: a.search.nodes,
    pageInfo: a.search.pageInfo,
  }));
  return (
    <>
      {hits.error ? <Failure error={hits.error} /> : null}
      {!hits.error && !hits.loading && hits.items.length === 0 ? <Empty>Nothing captured says that.</Empty> : null}
      <ul className="hits" data-testid="hits">
        {hits.items.map((h, i) => (
          <li key={`${h.turnId}-${i}`}>
            <div className="hit-head">
              <a href={href({ page: 'turn', id: h.turnId })}>{instant(h.startedAt)}</a> · {h.role.toLowerCase()} ·{' '}
              {h.session.developer || '—'} · {h.session.client || '—'} ·{' '}
              <a href={href({ page: 'session', id: h.sessionId })}>session</a>
            </div>
            <pre>{h.snippet}</pre>
          </li>
        ))}
      </ul>
      {hits.loading ? <Loading /> : null}
      {hits.hasMore && !hits.loading ? (
        <button className="more" onClick={hits.loadMore}>
          More hits
        </button>
      ) : null}
    </>
  );
}
