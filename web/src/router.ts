// Hash routing: every view has a link a person can paste (#/sessions/s-1, #/stats?by=team), and
// the server only ever serves one page, so no route needs server support.
import { useEffect, useState } from 'react';

export type Route =
  | { page: 'sessions'; params: Record<string, string> }
  | { page: 'session'; id: string }
  | { page: 'turn'; id: string }
  | { page: 'stats'; params: Record<string, string> }
  | { page: 'search'; params: Record<string, string> }
  | { page: 'anomalies'; params: Record<string, string> }
  | { page: 'notFound'; path: string };

/** Reads a location hash ("#/sessions/s-1?x=y") into a route. */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [path, search = ''] = splitOnce(raw, '?');
  const params = Object.fromEntries(new URLSearchParams(search));
  const parts = path.split('/').filter(Boolean).map(safeDecode);
  if (parts.length === 0) return { page: 'sessions', params };
  const [head, id, ...rest] = parts;
  if (rest.length === 0) {
    if (head === 'sessions' && id === undefined) return { page: 'sessions', params };
    if (head === 'sessions' && id) return { page: 'session', id };
    if (head === 'turns' && id) return { page: 'turn', id };
    if (head === 'stats' && id === undefined) return { page: 'stats', params };
    if (head === 'search' && id === undefined) return { page: 'search', params };
    if (head === 'anomalies' && id === undefined) return { page: 'anomalies', params };
  }
  return { page: 'notFound', path };
}

/** The hash of a route; empty params are left out. */
export function href(route: Route): string {
  switch (route.page) {
    case 'session':
      return `#/sessions/${encodeURIComponent(route.id)}`;
    case 'turn':
      return `#/turns/${encodeURIComponent(route.id)}`;
    case 'notFound':
      return `#${route.path}`;
    default:
      return `#/${route.page}${query(route.params)}`;
  }
}

function query(params: Record<string, string>): string {
  const kept = Object.entries(params).filter(([, v]) => v !== '');
  return kept.length ? `?${new URLSearchParams(kept).toString()}` : '';
}

function splitOnce(s: string, sep: string): [string, string?] {
  const i = s.indexOf(sep);
  return i < 0 ? [s] : [s.slice(0, i), s.slice(i + 1)];
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The current route, following the location hash. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** Replaces the current route's params (filters typed into a form), keeping history short. */
export function replaceParams(route: Route, params: Record<string, string>): void {
  if (!('params' in route)) return;
  const next = href({ ...route, params } as Route);
  window.history.replaceState(null, '', next);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
