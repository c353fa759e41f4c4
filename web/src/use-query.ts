// One hook for every read: runs a query when its text or variables change, drops answers that
// arrive after the view moved on, and exposes reload for the key prompt.
import { useCallback, useEffect, useState } from 'react';
import { asQueryError, query, type QueryError } from './graphql';

export interface QueryState<T> {
  data: T | undefined;
  error: QueryError | undefined;
  loading: boolean;
  reload: () => void;
}

export function useQuery<T>(text: string, variables: Record<string, unknown>, skip = false): QueryState<T> {
  // Answers carry the variables they answer: while new ones load, the old answer is not shown
  // under the new labels (a 30-day total under "last 365 days").
  const [state, setState] = useState<{ vars?: string; data?: T; error?: QueryError; loading: boolean }>({ loading: !skip });
  const [generation, setGeneration] = useState(0);
  const vars = JSON.stringify(variables);
  useEffect(() => {
    if (skip) {
      setState({ loading: false });
      return;
    }
    let current = true;
    setState((s) => ({ vars: s.vars, data: s.data, loading: true }));
    query<T>(text, JSON.parse(vars))
      .then((data) => current && setState({ vars, data, loading: false }))
      .catch((err: unknown) => {
        if (!current) return;
        const error = asQueryError(err);
        setState({ error, loading: false });
      });
    return () => {
      current = false;
    };
  }, [text, vars, skip, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  // A reload of the same variables keeps showing the answer it refreshes.
  return { data: state.vars === vars ? state.data : undefined, error: state.error, loading: state.loading, reload };
}
