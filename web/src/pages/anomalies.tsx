// Findings about captured traffic (unpriced models, broken streams, ...), newest first.
import { Empty, Failure, Loading } from '../components/status';
import { instant } from '../format';
import { ANOMALIES } from '../queries';
import { href } from '../router';
import type { Anomaly, Connection } from '../types';
import { usePaged } from '../use-paged';

export function AnomaliesPage() {
  const list = usePaged<{ anomalies: Connection<Anomaly> }, Anomaly>(ANOMALIES, { first: 50 }, (a) => ({
    items: a.anomalies.edges.map((e) => e.node),
    pageInfo: a.anomalies.pageInfo,
  }));
  return (
    <section>
      <h1>Anomalies</h1>
      {list.error ? <Failure error={list.error} /> : null}
      {!list.error && !list.loading && list.items.length === 0 ? <Empty>No anomalies.</Empty> : null}
      {list.items.length > 0 ? (
        <table className="grid" data-testid="anomalies">
          <thead>
            <tr>
              <th>When (UTC)</th>
              <th>Severity</th>
              <th>Kind</th>
              <th>Message</th>
              <th>Where</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((a) => (
              <tr key={a.id}>
                <td>{instant(a.createdAt)}</td>
                <td className={`sev-${a.severity.toLowerCase()}`}>{a.severity.toLowerCase()}</td>
                <td>
                  <code>{a.kind}</code>
                </td>
                <td>{a.message}</td>
                <td>
                  {a.turnId ? <a href={href({ page: 'turn', id: a.turnId })}>turn</a> : null}{' '}
                  {a.sessionId ? <a href={href({ page: 'session', id: a.sessionId })}>session</a> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {list.loading ? <Loading /> : null}
      {list.hasMore && !list.loading ? (
        <button className="more" onClick={list.loadMore}>
          More anomalies
        </button>
      ) : null}
    </section>
  );
}
