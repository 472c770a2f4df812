import { assembleHistories, groupClients, type HistoryState } from '../history';
import type { ClientHistory } from '../model';
import type { SignalsDb } from './db';

/** Everything the store knows about clients, as the shapes the replay uses. */
export async function loadState(db: SignalsDb): Promise<HistoryState> {
  return db.transaction('r', [db.clients, db.invoices, db.tickets, db.counts, db.changes, db.notes, db.merges], async () => {
    const [clients, invoices, tickets, counts, changes, notes, merges] = await Promise.all([
      db.clients.toArray(),
      db.invoices.toArray(),
      db.tickets.toArray(),
      db.counts.toArray(),
      db.changes.toArray(),
      db.notes.toArray(),
      db.merges.toArray(),
    ]);
    return {
      clients: clients.map(({ root: _root, ...client }) => client),
      invoices,
      tickets,
      counts: counts.map(({ id: _id, ...count }) => count),
      changes: changes.map(({ seq: _seq, ...change }) => change),
      notes: notes.map(({ clientKey: _key, ...note }) => note),
      merges,
    };
  });
}

/** The histories of every client in the store (the same as `buildHistories` over what was ingested). */
export async function loadHistories(db: SignalsDb): Promise<ClientHistory[]> {
  return assembleHistories(await loadState(db));
}

/**
 * The histories of the clients `keys` name (each with every key of its group), read through the
 * clientKey indexes instead of the whole store: what a page read needs re-judged.
 */
export async function loadHistoriesOf(db: SignalsDb, keys: string[]): Promise<ClientHistory[]> {
  return db.transaction('r', [db.clients, db.invoices, db.tickets, db.counts, db.changes, db.notes, db.merges], async () => {
    const [clients, merges] = await Promise.all([db.clients.toArray(), db.merges.toArray()]);
    const groups = groupClients(clients, merges);
    const roots = new Set(keys.map((key) => groups.find(key)));
    const members = clients.filter((client) => roots.has(groups.find(client.key))).map((client) => client.key);
    const [invoices, tickets, counts, changes, notes] = await Promise.all([
      db.invoices.where('clientKey').anyOf(members).toArray(),
      db.tickets.where('clientKey').anyOf(members).toArray(),
      db.counts.where('clientKey').anyOf(members).toArray(),
      db.changes.where('clientKey').anyOf(members).sortBy('seq'),
      db.notes.where('clientKey').anyOf(members).sortBy('id'),
    ]);
    const memberSet = new Set(members);
    return assembleHistories({
      clients: clients.filter((client) => memberSet.has(client.key)).map(({ root: _root, ...client }) => client),
      invoices,
      tickets,
      counts: counts.sort((a, b) => (a.id ?? 0) - (b.id ?? 0)).map(({ id: _id, ...count }) => count),
      changes: changes.map(({ seq: _seq, ...change }) => change),
      notes: notes.map(({ clientKey: _key, ...note }) => note),
      merges: merges.filter((merge) => memberSet.has(merge.a) || memberSet.has(merge.b)),
    });
  });
}
