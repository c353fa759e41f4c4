// What a view shows while it waits or when a read failed: a failure names the server's code and
// message, and an UNAUTHORIZED one becomes the key prompt.
import { apiKey, type QueryError } from '../graphql';
import { KeyForm } from './key-form';

export function Loading() {
  return <p className="muted" role="status">Loading…</p>;
}

export function Failure({ error }: { error: QueryError }) {
  if (error.needsKey) return <KeyForm rejected={apiKey() !== ''} />;
  return (
    <div className="failure" role="alert" data-testid="failure">
      <strong>{error.code === 'NOT_FOUND' ? 'Not found' : 'The read failed'}</strong> ({error.code}): {error.message}
    </div>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="muted empty">{children}</p>;
}
