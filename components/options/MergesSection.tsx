import { useState, type FormEvent } from 'react';
import type { UiText } from '../../lib/i18n';
import { ActionList } from './ActionList';
import { ClientPicker } from './ClientPicker';
import { Section } from './Section';

type MergesSectionProps = {
  /** Every stored client by key, in key order; undefined while loading. */
  clients: { key: string; name: string }[] | undefined;
  merges: { id?: number; a: string; b: string }[] | undefined;
  text: UiText;
  /** Ties two clients; resolves to the error, or undefined. */
  onMerge: (a: string, b: string) => Promise<string | undefined>;
  onUndo: (id: number) => Promise<string | undefined>;
};

/** Tie two client names together by hand, and undo it. */
export function MergesSection({ clients, merges, text, onMerge, onUndo }: MergesSectionProps) {
  const t = text.options.merges;
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [error, setError] = useState<string>();
  const names = new Map(clients?.map((client) => [client.key, client.name]));

  async function merge(event: FormEvent) {
    event.preventDefault();
    if (!first || !second || first === second) return setError(t.same);
    const refused = await onMerge(first, second);
    setError(refused);
    if (!refused) setSecond('');
  }

  const nameOf = (key: string) => names.get(key) ?? key;
  return (
    <Section id="merges" title={t.title} description={t.description}>
      <ActionList
        rows={merges?.map((row) => ({
          key: String(row.id),
          label: `${nameOf(row.a)} = ${nameOf(row.b)}`,
          data: { 'data-merge': `${row.a}|${row.b}` },
          action: { text: t.undo, run: () => row.id !== undefined && void onUndo(row.id).then(setError) },
        }))}
        empty={t.none}
        error={error}
      />
      <form className="site-add" onSubmit={(event) => void merge(event)}>
        <ClientPicker name="merge-a" label={t.first} clients={clients} value={first} onChange={setFirst} placeholder={t.search} noMatch={t.noMatch} />
        <ClientPicker name="merge-b" label={t.second} clients={clients} value={second} onChange={setSecond} placeholder={t.search} noMatch={t.noMatch} />
        <button type="submit">{t.merge}</button>
      </form>
    </Section>
  );
}
