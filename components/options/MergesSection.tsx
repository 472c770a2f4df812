import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent, type ReactNode } from 'react';
import { sendMessage } from '../../lib/messages/commands';
import { getDb } from '../../lib/store/db';
import type { UiText } from '../../lib/ui-text';
import { ActionList } from './ActionList';
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
      <ActionList
        rows={data?.merges.map((row) => ({
          key: String(row.id),
          label: `${nameOf(row.a)} = ${nameOf(row.b)}`,
          data: { 'data-merge': `${row.a}|${row.b}` },
          action: { text: t.undo, run: () => row.id !== undefined && void undo(row.id) },
        }))}
        empty={t.none}
        error={error}
      />
      <form className="site-add" onSubmit={(event) => void merge(event)}>
        <ClientSelect name="merge-a" label={t.first} value={first} onChange={setFirst} options={options} />
        <ClientSelect name="merge-b" label={t.second} value={second} onChange={setSecond} options={options} />
        <button type="submit">{t.merge}</button>
      </form>
    </Section>
  );
}

function ClientSelect(props: { name: string; label: string; value: string; onChange: (key: string) => void; options: ReactNode }) {
  return (
    <label>
      <span>{props.label}</span>
      <select name={props.name} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        <option value="" />
        {props.options}
      </select>
    </label>
  );
}
