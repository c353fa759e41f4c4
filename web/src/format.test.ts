import { describe, expect, it } from 'vitest';
import { between, count, duration, instant, money, moneyAtLeast, prettyJSON, shortHash } from './format';

describe('money', () => {
  it.each([
    [0, '$0.00'],
    [1, '$0.000001'],
    [4200, '$0.0042'],
    [10_000, '$0.01'],
    [1_500_000, '$1.50'],
    [1_234_567_891, '$1,234.567891'],
    [-2_000_000, '-$2.00'],
    [null, 'unpriced'],
  ])('%s micro-dollars read %s', (micros, want) => {
    expect(money(micros)).toBe(want);
  });
  it('marks a total with unpriced turns as a lower bound', () => {
    expect(moneyAtLeast(3_000_000, 2)).toBe('≥ $3.00');
    expect(moneyAtLeast(3_000_000, 0)).toBe('$3.00');
    expect(moneyAtLeast(0, 2)).toBe('unpriced');
    expect(moneyAtLeast(0, 0)).toBe('$0.00');
  });
});

describe('count', () => {
  it.each([
    [0, '0'],
    [99_999, '99,999'],
    [100_000, '100k'],
    [123_456, '123.46k'],
    [2_500_000, '2.5M'],
    [999_994, '999.99k'],
    [999_999, '1M'],
  ])('%s reads %s', (n, want) => expect(count(n)).toBe(want));
});

describe('time', () => {
  it.each([
    [850, '850 ms'],
    [12_340, '12.3 s'],
    [245_000, '4 min 05 s'],
    [7_620_000, '2 h 07 min'],
    [-1, '—'],
  ])('%s ms reads %s', (ms, want) => expect(duration(ms)).toBe(want));
  it('measures between instants, and says so when one is missing', () => {
    expect(between('2026-03-01T09:00:00Z', '2026-03-01T09:00:01.5Z')).toBe('1.5 s');
    expect(between('2026-03-01T09:00:00Z', null)).toBe('—');
  });
  it('shows instants in UTC whatever the zone they were written in', () => {
    expect(instant('2026-03-01T10:00:05.123456789+01:00')).toBe('2026-03-01 09:00:05');
    expect(instant('not a time')).toBe('not a time');
  });
});

describe('text', () => {
  it('shortens hashes and pretty-prints JSON only when it is JSON', () => {
    expect(shortHash('a'.repeat(64))).toBe('aaaaaaaaaaaa…');
    expect(prettyJSON('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyJSON('{not json')).toBe('{not json');
  });
});
