import { clientKey } from '../identity';
import type { Backup } from '../backup';
import type { SignalsDb } from './db';

/**
 * Replaces everything the store knows with a backup's data, in one transaction: either all of
 * it lands or nothing changes. Verdicts are dropped and recomputed by the caller.
 */
export async function restoreBackup(db: SignalsDb, backup: Backup): Promise<number> {
  const { data } = backup;
  await db.transaction('rw', [db.clients, db.invoices, db.tickets, db.counts, db.changes, db.notes, db.merges, db.verdicts, db.verdictLog], async () => {
    await Promise.all([db.clients, db.invoices, db.tickets, db.counts, db.changes, db.notes, db.merges, db.verdicts, db.verdictLog].map((table) => table.clear()));
    await db.clients.bulkAdd(data.clients);
    await db.invoices.bulkAdd(data.invoices);
    await db.tickets.bulkAdd(data.tickets);
    await db.counts.bulkAdd(data.counts);
    await db.changes.bulkAdd(data.changes);
    await db.notes.bulkAdd(data.notes.map((note) => ({ ...note, clientKey: clientKey(note.client) })));
    await db.merges.bulkAdd(data.merges);
  });
  return data.invoices.length + data.tickets.length + data.counts.length + data.notes.length;
}
