import { describe, expect, it } from 'vitest';
import { href, parseRoute, type Route } from './router';

describe('routes', () => {
  it.each<[string, Route]>([
    ['', { page: 'sessions', params: {} }],
    ['#/', { page: 'sessions', params: {} }],
    ['#/sessions?team=platform&developer=alice', { page: 'sessions', params: { team: 'platform', developer: 'alice' } }],
    ['#/sessions/s-001', { page: 'session', id: 's-001' }],
    ['#/sessions/a%2Fb', { page: 'session', id: 'a/b' }],
    ['#/turns/t-001-01', { page: 'turn', id: 't-001-01' }],
    ['#/stats?range=7d&by=MODEL', { page: 'stats', params: { range: '7d', by: 'MODEL' } }],
    ['#/search?q=flaky%20test', { page: 'search', params: { q: 'flaky test' } }],
    ['#/anomalies', { page: 'anomalies', params: {} }],
    ['#/sessions/s-1/extra', { page: 'notFound', path: '/sessions/s-1/extra' }],
    ['#/nope', { page: 'notFound', path: '/nope' }],
    ['#/sessions/%E0%A4%A', { page: 'session', id: '%E0%A4%A' }],
  ])('%s', (hash, want) => expect(parseRoute(hash)).toEqual(want));

  it('round-trips every route through its href', () => {
    const routes: Route[] = [
      { page: 'sessions', params: { team: 'platform' } },
      { page: 'session', id: 'id with/slash' },
      { page: 'turn', id: 't-1' },
      { page: 'stats', params: { range: '24h', by: 'TEAM' } },
      { page: 'search', params: { q: 'a&b=c' } },
    ];
    for (const r of routes) expect(parseRoute(href(r))).toEqual(r);
  });

  it('leaves empty filters out of links', () => {
    expect(href({ page: 'sessions', params: { team: '', developer: 'bob' } })).toBe('#/sessions?developer=bob');
  });
});
