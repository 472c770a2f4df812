import { clientKey } from '../identity';
import type { Backup } from '../backup';
import type { SignalsDb } from './db';

const PENDING_SETTINGS = 'restore:settings';

/**
 * Replaces everything the store knows with a backup's data, in one transaction: either all of
 * it lands or nothing changes. The backup's settings are written in the same transaction, to the
 * meta table: the settings themselves live in storage.local, which no IndexedDB transaction
 * covers, so `takePendingSettings` carries them over after the commit (and again at start-up if
 * the worker died in between). Verdicts are dropped and recomputed by the caller.
 */
export async function restoreBackup(db: SignalsDb, backup: Backup): Promise<number> {
  const { data } = backup;
  const tables = [db.clients, db.invoices, db.tickets, db.counts, db.changes, db.notes, db.merges, db.verdicts, db.verdictLog];
  await db.transaction('rw', [...tables, db.meta], async () => {
    await Promise.all(tables.map((table) => table.clear()));
    await db.clients.bulkAdd(data.clients);
    await db.invoices.bulkAdd(data.invoices);
    await db.tickets.bulkAdd(data.tickets);
    await db.counts.bulkAdd(data.counts);
    await db.changes.bulkAdd(data.changes);
    await db.notes.bulkAdd(data.notes.map((note) => ({ ...note, clientKey: clientKey(note.client) })));
    await db.merges.bulkAdd(data.merges);
    await db.meta.put({ key: PENDING_SETTINGS, value: backup.settings });
  });
  return data.invoices.length + data.tickets.length + data.counts.length + data.notes.length;
}

/**
 * Writes a restored backup's settings with `write`, then forgets them; a no-op when no restore
 * is pending. Safe to call twice: the settings are only dropped once written.
 */
export async function takePendingSettings(db: SignalsDb, write: (settings: Backup['settings']) => Promise<void>): Promise<boolean> {
  const pending = await db.meta.get(PENDING_SETTINGS);
  if (!pending) return false;
  await write(pending.value as Backup['settings']);
  await db.meta.delete(PENDING_SETTINGS);
  return true;
}
