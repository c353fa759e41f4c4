import { describe, expect, it } from 'vitest';
import { bucketStart, fillSeries } from './series';

describe('fillSeries', () => {
  it('fills the days without turns with zero, in order', () => {
    const got = fillSeries(
      [
        { start: '2026-03-03T00:00:00Z', value: 7 },
        { start: '2026-03-01T00:00:00Z', value: 5 },
      ],
      '2026-03-01T12:30:00Z',
      '2026-03-04T12:30:00Z',
      'DAY',
    );
    expect(got.map((p) => [p.start.slice(0, 10), p.value])).toEqual([
      ['2026-03-01', 5],
      ['2026-03-02', 0],
      ['2026-03-03', 7],
      ['2026-03-04', 0],
    ]);
  });
  it('makes 24 hourly buckets of a 24-hour range that starts on the hour', () => {
    const got = fillSeries([{ start: '2026-03-01T05:00:00Z', value: 1 }], '2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z', 'HOUR');
    expect(got).toHaveLength(24);
    expect(got[5]).toEqual({ start: '2026-03-01T05:00:00.000Z', value: 1 });
  });
  it('finds the UTC bucket of an instant', () => {
    expect(new Date(bucketStart(Date.parse('2026-03-01T05:59:59Z'), 'HOUR')).toISOString()).toBe('2026-03-01T05:00:00.000Z');
  });
});
