// Asks for an API key when the server wants one (every server not run with --dev). The key stays
// in this tab's sessionStorage: it is gone when the tab closes and never reaches a URL.
import { useState, type FormEvent } from 'react';
import { setAPIKey } from '../graphql';

export function KeyForm({ rejected }: { rejected: boolean }) {
  const [key, setKey] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAPIKey(key.trim());
    window.location.reload();
  };
  return (
    <form className="key-form" onSubmit={submit} data-testid="key-form">
      <h2>API key needed</h2>
      <p>
        {rejected ? 'The server refused the key this tab holds. ' : ''}
        This server needs an API key. Create one with <code>recondo keys create --name you --role reader</code>{' '}
        and paste it here; it is kept for this tab only.
      </p>
      <input
        type="password"
        autoComplete="off"
        placeholder="rcd_…"
        value={key}
        onChange={(e) => setKey(e.target.value)}
        aria-label="API key"
        name="apiKey"
      />
      <button type="submit" disabled={!key.trim()}>
        Use key
      </button>
    </form>
  );
}
