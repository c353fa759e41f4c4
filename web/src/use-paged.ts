// A list read page by page: the first page loads with the view, "Load more" appends the next one
// (Relay cursors), and new variables start over.
import { useCallback, useEffect, useRef, useState } from 'react';
import { asQueryError, query, type QueryError } from './graphql';
import type { PageInfo } from './types';

export interface Paged<T> {
  items: T[];
  error: QueryError | undefined;
  loading: boolean;
  hasMore: boolean;
  loadMore: () => void;
}

/** pick takes a query's answer to its items and pageInfo. */
export function usePaged<R, T>(
  text: string,
  variables: Record<string, unknown>,
  pick: (answer: R) => { items: T[]; pageInfo: PageInfo },
): Paged<T> {
  const vars = JSON.stringify(variables);
  const [state, setState] = useState<{ items: T[]; cursor: string | null; hasMore: boolean; error?: QueryError; loading: boolean }>({
    items: [],
    cursor: null,
    hasMore: false,
    loading: true,
  });
  const generation = useRef(0);
  const pickRef = useRef(pick);
  pickRef.current = pick;

  const load = useCallback(
    (after: string | null, append: boolean) => {
      const mine = generation.current;
      setState((s) => ({ ...s, loading: true, error: undefined }));
      query<R>(text, { ...JSON.parse(vars), after })
        .then((answer) => {
          if (mine !== generation.current) return;
          const page = pickRef.current(answer);
          setState((s) => ({
            items: append ? [...s.items, ...page.items] : page.items,
            cursor: page.pageInfo.endCursor,
            hasMore: page.pageInfo.hasNextPage,
            loading: false,
          }));
        })
        .catch((err: unknown) => {
          if (mine !== generation.current) return;
          const error = asQueryError(err);
          setState((s) => ({ ...s, error, loading: false }));
        });
    },
    [text, vars],
  );

  useEffect(() => {
    generation.current++;
    setState({ items: [], cursor: null, hasMore: false, loading: true });
    load(null, false);
  }, [load]);

  const loadMore = useCallback(() => {
    if (state.cursor && !state.loading) load(state.cursor, true);
  }, [load, state.cursor, state.loading]);

  return { items: state.items, error: state.error, loading: state.loading, hasMore: state.hasMore, loadMore };
}
