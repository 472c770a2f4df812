import type { Observation } from '../model';
import type { SignalsDb } from './db';
import { ingestPage } from './ingest';

export type ImportBatch = {
  /** When the import happened (ISO instant): every row counts as seen then. */
  at: string;
  /** The host the export came from, or a name the user gives it: with the number, an invoice's natural key. */
  source: string;
  observations: Observation[];
  /** The user's zone, in which `at` becomes a calendar day (an estimated paid date); default: this browser's. */
  timeZone?: string;
};

/** An invoice or a ticket by its natural key within one source (counts have none: ingest keeps only changed ones). */
function identity(observation: Observation): string | undefined {
  if (observation.kind === 'invoice') return `invoice\u0000${observation.number}`;
  if (observation.kind === 'ticket') return `ticket\u0000${observation.id}`;
  return undefined;
}

/**
 * Stores an imported file's observations through the very merge page reads go through
 * (`ingestPage`: one transaction, the same rules as `buildHistories`), as if one page had shown
 * them all at `at` on `source`. Importing the same file again changes no row count; only
 * `lastSeen` moves. An invoice or ticket listed twice is kept once (its first sighting): two
 * rows of one file are one sighting, and must not log changes between themselves, or a second
 * import would log them again. Observations are trusted here: the background validates them
 * at its message boundary.
 *
 * @example await importObservations(db, { at: '2026-03-10T09:00:00Z', source: 'import:invoices.csv', observations }) // ['acme', …]
 * @returns the client keys the file named (not yet resolved to their groups)
 */
export async function importObservations(db: SignalsDb, batch: ImportBatch): Promise<string[]> {
  const seen = new Set<string>();
  const observations = batch.observations.filter((observation) => {
    const key = identity(observation);
    if (key === undefined) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return ingestPage(db, { at: batch.at, source: batch.source, extract: { observations, warnings: [] }, ...(batch.timeZone ? { timeZone: batch.timeZone } : {}) });
}
