// One hook for every read: runs a query when its text or variables change, drops answers that
// arrive after the view moved on, and exposes reload for the key prompt.
import { useCallback, useEffect, useState } from 'react';
import { query, QueryError } from './graphql';

export interface QueryState<T> {
  data: T | undefined;
  error: QueryError | undefined;
  loading: boolean;
  reload: () => void;
}

export function useQuery<T>(text: string, variables: Record<string, unknown>, skip = false): QueryState<T> {
  const [state, setState] = useState<{ data?: T; error?: QueryError; loading: boolean }>({ loading: !skip });
  const [generation, setGeneration] = useState(0);
  const vars = JSON.stringify(variables);
  useEffect(() => {
    if (skip) {
      setState({ loading: false });
      return;
    }
    let current = true;
    setState((s) => ({ data: s.data, loading: true }));
    query<T>(text, JSON.parse(vars))
      .then((data) => current && setState({ data, loading: false }))
      .catch((err: unknown) => {
        if (!current) return;
        const error = err instanceof QueryError ? err : new QueryError(String(err), 'ERROR', 0);
        setState({ error, loading: false });
      });
    return () => {
      current = false;
    };
  }, [text, vars, skip, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
