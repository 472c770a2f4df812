import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import type { ColumnMapping, ExportRead, TextEncoding } from '../../lib/import';
import type { ImportKind, InvoiceImportField, TicketImportField } from '../../lib/import/fields';
import { sendMessage } from '../../lib/messages/commands';
import { getDb } from '../../lib/store/db';

export type ColumnChoice = InvoiceImportField | TicketImportField | 'ignore';

/** Where an import is: each step replaces the one before; Cancel goes back to `idle` from any step before sending. */
export type ImportState =
  | { phase: 'idle' }
  | { phase: 'cancelled' }
  | { phase: 'too-large'; name: string; megabytes: number }
  | { phase: 'reading'; name: string }
  | { phase: 'read-failed'; name: string; error: string }
  | { phase: 'preview'; name: string; read: ExportRead }
  | { phase: 'importing'; name: string; read: ExportRead }
  | { phase: 'done'; name: string; read: ExportRead; result: { ok: true; imported: number; clients: number } | { ok: false; error: string } };

/** The fields a column can be read as, per kind of file (lib/import/fields.ts, loaded with the reader). */
export type ImportFields = Readonly<Record<ImportKind, readonly string[]>>;

type Choices = { kind?: ImportKind; encoding?: TextEncoding; columns: ReadonlyMap<number, ColumnChoice> };
const NO_CHOICES: Choices = { columns: new Map() };

/**
 * "Import history": a file is read here with readExport (lib/import, loaded only when a file is
 * picked, so neither the page's first paint nor the popup carries it), previewed, re-read with
 * the user's column choices, and sent to the background in one message. Every step checks that it
 * is still the current one, so Cancel, or another file, discards a read in flight.
 */
export function useImportHistory() {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const [choices, setChoices] = useState<Choices>(NO_CHOICES);
  const [fields, setFields] = useState<ImportFields>();
  const file = useRef<{ name: string; bytes: Uint8Array }>(undefined);
  const generation = useRef(0);
  const sources = useSeenSources();

  async function read(name: string, next: Choices, ticket: number) {
    setState({ phase: 'reading', name });
    try {
      const lib = await import('../../lib/import');
      setFields(lib.IMPORT_FIELDS);
      const bytes = file.current?.bytes;
      if (!bytes || ticket !== generation.current) return;
      const mapping: ColumnMapping = { ...(next.kind ? { kind: next.kind } : {}), ...(next.columns.size ? { columns: next.columns } : {}) };
      const result = await lib.readExport({ name, bytes }, { mapping, ...(next.encoding ? { encoding: next.encoding } : {}) });
      if (ticket === generation.current) setState({ phase: 'preview', name, read: result });
    } catch (error) {
      if (ticket === generation.current) setState({ phase: 'read-failed', name, error: error instanceof Error ? error.message : String(error) });
    }
  }

  async function choose(picked: File) {
    const ticket = ++generation.current;
    file.current = undefined;
    setChoices(NO_CHOICES);
    const { MAX_EXPORT_BYTES } = await import('../../lib/import');
    if (ticket !== generation.current) return;
    // Refused before a byte is read: a 300 MB file would stall the page just to be turned down.
    if (picked.size > MAX_EXPORT_BYTES) return setState({ phase: 'too-large', name: picked.name, megabytes: MAX_EXPORT_BYTES / (1024 * 1024) });
    setState({ phase: 'reading', name: picked.name });
    const bytes = new Uint8Array(await picked.arrayBuffer());
    if (ticket !== generation.current) return;
    file.current = { name: picked.name, bytes };
    await read(picked.name, NO_CHOICES, ticket);
  }

  function rechoose(next: Choices) {
    if (!file.current) return;
    setChoices(next);
    void read(file.current.name, next, ++generation.current);
  }

  async function importNow(source: string) {
    if (state.phase !== 'preview' || !state.read.observations.length) return;
    const ticket = ++generation.current;
    const { name, read: result } = state;
    setState({ phase: 'importing', name, read: result });
    const reply = await sendMessage('importHistory', { source, observations: result.observations }).catch((error: unknown) => ({ ok: false as const, error: String(error) }));
    if (ticket === generation.current) setState({ phase: 'done', name, read: result, result: reply });
  }

  return {
    state,
    fields,
    sources,
    choices,
    choose: (picked: File) => void choose(picked),
    setColumn: (index: number, choice: ColumnChoice) => rechoose({ ...choices, columns: new Map(choices.columns).set(index, choice) }),
    // Another kind of file has other fields: the column choices made for the old one no longer apply.
    setKind: (kind: ImportKind | undefined) => rechoose({ ...(kind ? { kind } : {}), ...(choices.encoding ? { encoding: choices.encoding } : {}), columns: new Map() }),
    setEncoding: (encoding: TextEncoding | undefined) => rechoose({ ...choices, encoding }),
    importNow: (source: string) => void importNow(source),
    /** Drops the file and whatever is being read from it; nothing is sent. */
    cancel: () => {
      generation.current += 1;
      file.current = undefined;
      setChoices(NO_CHOICES);
      setState({ phase: 'cancelled' });
    },
  };
}

/** The sites invoices and tickets were seen on (their `source`), for "Which system is this from?". */
function useSeenSources(): string[] {
  return (
    useLiveQuery(async () => {
      const db = getDb();
      const [invoices, tickets] = await Promise.all([db.invoices.toCollection().primaryKeys(), db.tickets.toCollection().primaryKeys()]);
      return [...new Set([...invoices, ...tickets].map(([source]) => source))].sort();
    }, []) ?? []
  );
}
