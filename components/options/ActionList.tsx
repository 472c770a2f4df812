import type { ReactNode } from 'react';

export type ActionRow = { key: string; label: ReactNode; action?: { text: string; run: () => void }; note?: string; data?: Record<string, string> };

/** Rows of "a thing, and what can be done to it" (enabled sites, tied names), with a line for an error. */
export function ActionList({ rows, empty, error }: { rows: ActionRow[] | undefined; empty: string; error?: string }) {
  return (
    <>
      {rows && rows.length === 0 && <p className="hint">{empty}</p>}
      <ul className="site-list">
        {rows?.map((row) => (
          <li key={row.key} className="site-row" {...row.data}>
            <span className="site-origin">{row.label}</span>
            {row.action ? (
              <button type="button" onClick={row.action.run}>
                {row.action.text}
              </button>
            ) : (
              <span className="hint">{row.note}</span>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
