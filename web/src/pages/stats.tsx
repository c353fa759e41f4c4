// Spend and usage over a time range: totals, a cost-per-day (or per-hour) chart, and the same
// sums grouped by team, developer, model, provider or repo.
import { useMemo } from 'react';
import { BarChart } from '../components/bar-chart';
import { Empty, Failure, Loading } from '../components/status';
import { count, day, instant, money, moneyAtLeast } from '../format';
import { STATS } from '../queries';
import { replaceParams, type Route } from '../router';
import { BUCKET_MS, bucketStart, fillSeries, type Bucket } from '../series';
import { tokensIn, type StatsRow } from '../types';
import { useQuery } from '../use-query';

const RANGES: Record<string, { label: string; hours: number; bucket: Bucket }> = {
  '24h': { label: 'last 24 hours', hours: 24, bucket: 'HOUR' },
  '7d': { label: 'last 7 days', hours: 7 * 24, bucket: 'DAY' },
  '30d': { label: 'last 30 days', hours: 30 * 24, bucket: 'DAY' },
  '90d': { label: 'last 90 days', hours: 90 * 24, bucket: 'DAY' },
  '365d': { label: 'last 365 days', hours: 365 * 24, bucket: 'DAY' },
};
const DIMENSIONS = ['TEAM', 'DEVELOPER', 'MODEL', 'PROVIDER', 'REPO'] as const;

export function StatsPage({ route }: { route: Route & { page: 'stats' } }) {
  const rangeKey = route.params.range in RANGES ? route.params.range : '30d';
  const by = (DIMENSIONS as readonly string[]).includes(route.params.by) ? route.params.by : 'TEAM';
  const range = RANGES[rangeKey];
  // The window is fixed when the range is chosen, not on every render (the query's variables must
  // not change while the page shows it), and made of whole buckets ending with the current one,
  // so the totals, the chart's bars and the table all sum the same turns.
  const span = useMemo(() => {
    const to = bucketStart(Date.now(), range.bucket) + BUCKET_MS[range.bucket];
    return { from: new Date(to - range.hours * 3_600_000).toISOString(), to: new Date(to).toISOString() };
  }, [range]);
  const totals = useQuery<{ stats: StatsRow[] }>(STATS, span);
  const series = useQuery<{ stats: StatsRow[] }>(STATS, { ...span, bucket: range.bucket });
  const grouped = useQuery<{ stats: StatsRow[] }>(STATS, { ...span, groupBy: by });
  const set = (k: string, v: string) => replaceParams(route, { ...route.params, [k]: v });

  const error = totals.error ?? series.error ?? grouped.error;
  // Ungrouped, the answer is one row of sums; a range with no turns may come back as no row or
  // as a row of zeros.
  const total = totals.data?.stats.find((r) => r.turns > 0);
  return (
    <section>
      <h1>Spend and usage</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="stats range">
        <label>
          Range
          <select name="range" value={rangeKey} onChange={(e) => set('range', e.target.value)}>
            {Object.entries(RANGES).map(([k, r]) => (
              <option key={k} value={k}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Group by
          <select name="by" value={by} onChange={(e) => set('by', e.target.value)}>
            {DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {d.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">
          {instant(span.from)} – {instant(span.to)} UTC
        </span>
      </form>
      {error ? <Failure error={error} /> : null}
      {!error && !total && !totals.loading ? <Empty>Nothing was captured in this range.</Empty> : null}
      {total ? <Totals row={total} /> : null}
      {series.data && total ? <h2>Cost per {range.bucket === 'HOUR' ? 'hour' : 'day'} (UTC)</h2> : null}
      {series.data && total ? (
        <BarChart
          bars={fillSeries(
            series.data.stats.filter((r) => r.bucket).map((r) => ({ start: r.bucket!, value: r.costMicros })),
            span.from,
            span.to,
            range.bucket,
          ).map((p) => ({
            key: p.start,
            label: range.bucket === 'HOUR' ? p.start.slice(11, 13) + 'h' : day(p.start).slice(5),
            value: p.value,
            title: `${instant(p.start)}: ${money(p.value)}`,
          }))}
        />
      ) : null}
      {grouped.data && grouped.data.stats.length > 0 ? <h2>By {by.toLowerCase()}</h2> : null}
      {grouped.data && grouped.data.stats.length > 0 ? <GroupTable rows={grouped.data.stats} by={by} /> : null}
      {totals.loading || grouped.loading ? <Loading /> : null}
    </section>
  );
}

function Totals({ row }: { row: StatsRow }) {
  const cells: [string, string][] = [
    ['Cost', moneyAtLeast(row.costMicros, row.unpricedTurns)],
    ['Sessions', count(row.sessions)],
    ['Turns', count(row.turns)],
    ['Tokens in', count(tokensIn(row.usage))],
    ['Tokens out', count(row.usage.outputTokens)],
    ['Failed turns', count(row.errorTurns)],
  ];
  return (
    <div className="totals" data-testid="totals">
      {cells.map(([k, v]) => (
        <div key={k} className="total">
          <div className="value">{v}</div>
          <div className="label">{k}</div>
        </div>
      ))}
      {row.unpricedTurns > 0 ? (
        <p className="muted">
          {row.unpricedTurns} turns used a model with no known price: the cost is a lower bound. Add a price with{' '}
          <code>recondo pricing add</code>.
        </p>
      ) : null}
    </div>
  );
}

function GroupTable({ rows, by }: { rows: StatsRow[]; by: string }) {
  const sorted = [...rows].sort((a, b) => b.costMicros - a.costMicros || a.key.localeCompare(b.key));
  return (
    <table className="grid" data-testid="grouped">
      <thead>
        <tr>
          <th>{by.toLowerCase()}</th>
          <th className="num">Cost</th>
          <th className="num">Sessions</th>
          <th className="num">Turns</th>
          <th className="num">Tokens in</th>
          <th className="num">Tokens out</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((r) => (
          <tr key={r.key}>
            <td>{r.key || '(none)'}</td>
            <td className="num">{moneyAtLeast(r.costMicros, r.unpricedTurns)}</td>
            <td className="num">{count(r.sessions)}</td>
            <td className="num">{count(r.turns)}</td>
            <td className="num">{count(tokensIn(r.usage))}</td>
            <td className="num">{count(r.usage.outputTokens)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
