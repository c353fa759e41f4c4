// How numbers and instants read on screen. Costs are integers in micro-dollars end to end; only
// here do they become text, so no float ever rounds a total.

/** "$12.345678" trimmed to cents when whole cents, else to the micro-dollar: "$0.0042". */
export function money(micros: number | null | undefined): string {
  if (micros == null) return 'unpriced';
  const sign = micros < 0 ? '-' : '';
  const abs = Math.abs(micros);
  const dollars = Math.floor(abs / 1_000_000);
  let frac = String(abs % 1_000_000).padStart(6, '0').replace(/0+$/, '');
  if (frac.length < 2) frac = frac.padEnd(2, '0');
  return `${sign}$${dollars.toLocaleString('en-US')}.${frac}`;
}

/** A session total that misses unpriced turns is a lower bound: say so. */
export function moneyAtLeast(micros: number, unpricedTurns: number): string {
  if (unpricedTurns === 0) return money(micros);
  return micros === 0 ? 'unpriced' : `≥ ${money(micros)}`;
}

/** 1234 → "1,234"; 1234567 → "1.23M". */
export function count(n: number): string {
  // The unit is chosen after rounding to 2 decimals, so 999,999 reads "1M", not "1000k".
  const a = Math.abs(n);
  if (a >= 1_000_000 || Number((a / 1_000).toFixed(2)) >= 1_000) return `${trim(n / 1_000_000)}M`;
  if (a >= 100_000) return `${trim(n / 1_000)}k`;
  return n.toLocaleString('en-US');
}

function trim(x: number): string {
  return x.toFixed(2).replace(/\.?0+$/, '');
}

/** Milliseconds between two instants as "850 ms", "12.3 s", "4 min 05 s", "2 h 07 min". */
export function duration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(Math.floor(s % 60)).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** The span between two RFC 3339 instants; "—" when either is missing. */
export function between(from: string | null | undefined, to: string | null | undefined): string {
  if (!from || !to) return '—';
  return duration(Date.parse(to) - Date.parse(from));
}

/** An instant as UTC "2026-03-01 09:00:05": the data is UTC, and so is every team's log. */
export function instant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

/** The day of an instant, "2026-03-01". */
export function day(iso: string): string {
  return instant(iso).slice(0, 10);
}

/** A SHA-256 shortened for a table; the full value is in the title. */
export function shortHash(hex: string): string {
  return hex.length > 12 ? `${hex.slice(0, 12)}…` : hex;
}

/** Pretty-prints JSON text; returns it unchanged when it is not JSON. */
export function prettyJSON(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
