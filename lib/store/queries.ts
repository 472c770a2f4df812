import { assembleHistories, type HistoryState } from '../history';
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
