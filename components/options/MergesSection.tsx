import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { sendMessage } from '../../lib/messages';
import { getDb } from '../../lib/store/db';
import type { UiText } from '../../lib/ui-text';
import { Section } from './Section';

/** Tie two client names together by hand (and undo it); the background does the writing. */
export function MergesSection({ text }: { text: UiText }) {
  const t = text.options.merges;
  const data = useLiveQuery(async () => {
    const db = getDb();
    const [clients, merges] = await Promise.all([db.clients.orderBy('key').toArray(), db.merges.toArray()]);
    return { clients, merges, names: new Map(clients.map((client) => [client.key, client.name])) };
  }, []);
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [error, setError] = useState<string>();

  async function merge(event: FormEvent) {
    event.preventDefault();
    if (!first || !second || first === second) return setError(t.same);
    const reply = await sendMessage('mergeClients', { a: first, b: second });
    setError(reply.ok ? undefined : reply.error);
    if (reply.ok) setSecond('');
  }

  async function undo(id: number) {
    const reply = await sendMessage('unmergeClients', { id });
    setError(reply.ok ? undefined : reply.error);
  }

  const nameOf = (key: string) => data?.names.get(key) ?? key;
  const options = data?.clients.map((client) => (
    <option key={client.key} value={client.key}>
      {client.name}
    </option>
  ));
  return (
    <Section id="merges" title={t.title} description={t.description}>
      {data && data.merges.length === 0 && <p className="hint">{t.none}</p>}
      <ul className="site-list">
        {data?.merges.map((row) => (
          <li key={row.id} className="site-row" data-merge={`${row.a}|${row.b}`}>
            <span>
              {nameOf(row.a)} = {nameOf(row.b)}
            </span>
            <button type="button" onClick={() => row.id !== undefined && void undo(row.id)}>
              {t.undo}
            </button>
          </li>
        ))}
      </ul>
      <form className="site-add" onSubmit={(event) => void merge(event)}>
        <label>
          <span>{t.first}</span>
          <select name="merge-a" value={first} onChange={(event) => setFirst(event.target.value)}>
            <option value="" />
            {options}
          </select>
        </label>
        <label>
          <span>{t.second}</span>
          <select name="merge-b" value={second} onChange={(event) => setSecond(event.target.value)}>
            <option value="" />
            {options}
          </select>
        </label>
        <button type="submit">{t.merge}</button>
      </form>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Section>
  );
}
