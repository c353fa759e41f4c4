// What one turn said and did: its readable texts by role and the tool calls it asked for, each
// with whether its result came back and in which turn. Captured text is shown as text only —
// React escapes it — so nothing an agent or a model wrote can run in this page.
import { prettyJSON } from '../format';
import { href } from '../router';
import type { TextRole, ToolCall, TurnText } from '../types';

const ROLE_LABEL: Record<TextRole, string> = {
  USER: 'user',
  ASSISTANT: 'assistant',
  THINKING: 'thinking',
  TOOL_USE: 'tool use',
  TOOL_RESULT: 'tool result',
  SYSTEM: 'system',
};

export function TurnTexts({ texts }: { texts: TurnText[] }) {
  if (texts.length === 0) return <p className="muted">No readable text in this turn.</p>;
  return (
    <div className="texts">
      {texts.map((t, i) => (
        <div key={i} className={`text role-${t.role.toLowerCase()}`} data-role={t.role}>
          <div className="role">{ROLE_LABEL[t.role] ?? t.role}</div>
          <pre>{t.body}</pre>
        </div>
      ))}
    </div>
  );
}

export function ToolCalls({ calls }: { calls: ToolCall[] }) {
  if (calls.length === 0) return null;
  return (
    <table className="grid tools" data-testid="tool-calls">
      <thead>
        <tr>
          <th>Tool</th>
          <th>Arguments</th>
          <th>Result</th>
        </tr>
      </thead>
      <tbody>
        {calls.map((c) => (
          <tr key={c.id} data-tool={c.name}>
            <td>
              <code>{c.name}</code>
            </td>
            <td>
              <pre>{prettyJSON(c.arguments)}</pre>
            </td>
            <td>{result(c)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function result(c: ToolCall) {
  if (!c.resultSeen) return <span className="muted">not seen</span>;
  const label = c.resultError ? <span className="bad">error</span> : <span className="good">ok</span>;
  if (!c.resultTurnId) return label;
  return (
    <>
      {label} in <a href={href({ page: 'turn', id: c.resultTurnId })}>the next request</a>
    </>
  );
}
