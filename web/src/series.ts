// Turns the server's sparse time buckets (only buckets with turns come back) into a full series
// from the range's start to its end, so an idle day shows as an empty bar, not as no bar.
export type Bucket = 'HOUR' | 'DAY';

export interface Point {
  start: string; // RFC 3339, UTC
  value: number;
}

export const BUCKET_MS: Record<Bucket, number> = { HOUR: 3_600_000, DAY: 86_400_000 };
const STEP = BUCKET_MS;

/** The start of the UTC bucket that holds t. */
export function bucketStart(t: number, bucket: Bucket): number {
  return t - (((t % STEP[bucket]) + STEP[bucket]) % STEP[bucket]);
}

/** Every bucket in [from, to), with the values given for some of them and 0 for the rest. */
export function fillSeries(values: Point[], from: string, to: string, bucket: Bucket): Point[] {
  const byStart = new Map<number, number>();
  for (const v of values) {
    const k = bucketStart(Date.parse(v.start), bucket);
    byStart.set(k, (byStart.get(k) ?? 0) + v.value);
  }
  const out: Point[] = [];
  const end = Date.parse(to);
  for (let t = bucketStart(Date.parse(from), bucket); t < end; t += STEP[bucket]) {
    out.push({ start: new Date(t).toISOString(), value: byStart.get(t) ?? 0 });
  }
  return out;
}
