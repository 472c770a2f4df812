import { clientKey } from '../identity';
import { countId, sortEntries, MemoryState, naturalKey, type Entry } from '../history';
import type { PageExtract } from '../model';
import Dexie, { type Table } from 'dexie';
import type { SignalsDb } from './db';

/** `timeZone`: the user's, in which a sighting becomes a calendar day (default: this browser's). */
export type PageSighting = { at: string; source: string; extract: PageExtract; timeZone?: string };

/**
 * Stores what one page showed, in one transaction: the rows the page touches are loaded into a
 * MemoryState, the page's entries are applied with the same merge rules as `buildHistories`
 * (and in the same order), and what changed is written back. Idempotent: the same page read
 * twice changes nothing but `lastSeen`.
 *
 * @returns the client keys the page named (not yet resolved to their groups)
 */
export async function ingestPage(db: SignalsDb, sighting: PageSighting): Promise<string[]> {
  const { at, source, extract } = sighting;
  const entries: Entry[] = sortEntries(extract.observations.map((observation) => ({ at, source, observation })));
  const keys = [...new Set(extract.observations.map((obs) => clientKey(obs.client)))];
  if (entries.length === 0) return keys;
  const state = new MemoryState(sighting.timeZone);
  await db.transaction('rw', [db.clients, db.invoices, db.tickets, db.counts, db.changes], async () => {
    const invoiceIds = unique(extract.observations.flatMap((obs) => (obs.kind === 'invoice' ? [obs.number] : [])));
    const ticketIds = unique(extract.observations.flatMap((obs) => (obs.kind === 'ticket' ? [obs.id] : [])));
    const [clients, invoices, tickets] = await Promise.all([
      db.clients.bulkGet(keys),
      sightingsOf(db.invoices, source, invoiceIds, (row) => row.number),
      sightingsOf(db.tickets, source, ticketIds, (row) => row.id),
    ]);
    for (const client of clients) if (client) state.clients.set(client.key, client);
    for (const invoice of invoices) if (invoice) state.invoices.set(naturalKey(invoice.source, invoice.number), invoice);
    for (const ticket of tickets) if (ticket) state.tickets.set(naturalKey(ticket.source, ticket.id), ticket);
    if (extract.observations.some((obs) => obs.kind === 'ticket-count')) {
      const counts = await db.counts.where('clientKey').anyOf(keys).sortBy('at');
      for (const count of counts) state.lastCounts.set(countId(count.clientKey, count.source, count.scope), count);
    }

    for (const entry of entries) state.apply(entry);

    // mergeClient keeps every field of the stored row (its `root` included).
    await db.clients.bulkPut([...state.clients.values()]);
    await db.invoices.bulkPut([...state.invoices.values()]);
    await db.tickets.bulkPut([...state.tickets.values()]);
    if (state.counts.length) await db.counts.bulkAdd(state.counts);
    if (state.changes.length) await db.changes.bulkAdd(state.changes);
  });
  return keys;
}

/** Above this many ids, one range read of the host's rows beats a look-up per id (an import of 100,000 rows). */
const RANGE_READ_FROM = 2000;

/** The stored rows of these ids on this host ([source, id] keys); `idOf` reads a row's id. */
async function sightingsOf<T>(table: Table<T, [string, string]>, source: string, ids: string[], idOf: (row: T) => string): Promise<(T | undefined)[]> {
  if (ids.length < RANGE_READ_FROM) return table.bulkGet(ids.map((id) => [source, id] as [string, string]));
  const wanted = new Set(ids);
  // Only the rows asked for come back: the others are not written again.
  return table.where(':id').between([source, Dexie.minKey], [source, Dexie.maxKey]).filter((row) => wanted.has(idOf(row))).toArray();
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
