import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateClient } from '../../lib/criteria/index';
import { buildHistories, type Entry } from '../../lib/history';
import { readExport } from '../../lib/import/index';
import type { ClientHistory, VerdictStatus } from '../../lib/model';
import { invoiceSchema } from '../../lib/message-schemas';
import { SignalsDb } from '../../lib/store/db';
import { importObservations } from '../../lib/store/import';
import { loadHistories } from '../../lib/store/queries';

/**
 * IBM's accounts-receivable sample imported as a file (readExport → importObservations into a
 * store) must judge its 100 customers exactly as the page path does (the same rows as
 * observations, replayed by buildHistories; see ibm-accounts-receivable.test.ts).
 */
const CSV = fileURLToPath(new URL('../../../shared/data/ibm-accounts-receivable.csv', import.meta.url));
const NOW = new Date('2014-01-10T12:00:00Z');
const AT = '2014-01-10T09:00:00Z';
const SETTINGS = { timeZone: 'UTC', language: 'en' } as const;

type Row = { customerID: string; invoiceNumber: string; InvoiceDate: string; DueDate: string; SettledDate: string; InvoiceAmount: string };

/** 'M/D/YYYY' → 'yyyy-MM-dd', by hand: the page path's ground truth owes nothing to the importer. */
function isoDate(usDate: string): string {
  const [month, day, year] = usDate.split('/');
  return `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

function tally(histories: ClientHistory[]): Map<string, VerdictStatus> {
  return new Map(histories.map((history) => [history.client.name, evaluateClient(history, { now: NOW, settings: SETTINGS })[0]!.status]));
}

const db = new SignalsDb(`import-ibm-${process.pid}`);
/** 2,466 rows through a fake IndexedDB: generous on a loaded machine (2 cores shared). */
const SLOW = { timeout: 60_000 };
afterAll(() => db.delete());

describe('IBM accounts receivable, imported as a file', () => {
  it('reads all 2,466 invoices, each passing the background\'s schema', SLOW, async () => {
    const read = await readExport({ name: 'ibm-accounts-receivable.csv', bytes: new Uint8Array(readFileSync(CSV)) }, { now: NOW });
    expect(read).toMatchObject({ kind: 'invoices', rows: 2466, warnings: [] });
    expect(read.observations).toHaveLength(2466);
    expect(read.observations.filter((observation) => !invoiceSchema.safeParse(observation).success)).toEqual([]);
    expect(read.columns.filter((column) => column.field)).toEqual([
      { header: 'customerID', field: 'client' },
      { header: 'invoiceNumber', field: 'number' },
      { header: 'InvoiceDate', field: 'issued' },
      { header: 'DueDate', field: 'due' },
      { header: 'InvoiceAmount', field: 'amount' },
      { header: 'SettledDate', field: 'paid' },
    ]);
  });

  it('gives the same 100 late-payment statuses as the page path at 2014-01-10: met 19, watch 23, clear 58', SLOW, async () => {
    const read = await readExport({ name: 'ibm-accounts-receivable.csv', bytes: new Uint8Array(readFileSync(CSV)) }, { now: NOW });
    await importObservations(db, { at: AT, source: 'ibm.example', observations: read.observations, timeZone: 'UTC' });
    const imported = tally(await loadHistories(db));

    const rows = Papa.parse<Row>(readFileSync(CSV, 'utf8'), { header: true, skipEmptyLines: true }).data;
    const entries: Entry[] = rows.map((row) => ({
      at: AT,
      source: 'ibm.example',
      observation: {
        kind: 'invoice', client: { name: row.customerID }, number: row.invoiceNumber, issued: isoDate(row.InvoiceDate),
        due: isoDate(row.DueDate), paid: isoDate(row.SettledDate), amount: Number(row.InvoiceAmount), status: 'paid',
      },
    }));
    const pagePath = tally(buildHistories(entries, [], { timeZone: 'UTC' }));

    expect(imported.size).toBe(100);
    expect(imported).toEqual(pagePath);
    const counts = { met: 0, watch: 0, clear: 0, unknown: 0 };
    for (const status of imported.values()) counts[status] += 1;
    expect(counts).toEqual({ met: 19, watch: 23, clear: 58, unknown: 0 });
  });

  it('importing the file again changes no row count', SLOW, async () => {
    const before = [await db.clients.count(), await db.invoices.count(), await db.changes.count()];
    const read = await readExport({ name: 'ibm-accounts-receivable.csv', bytes: new Uint8Array(readFileSync(CSV)) }, { now: NOW });
    await importObservations(db, { at: '2014-01-11T09:00:00Z', source: 'ibm.example', observations: read.observations, timeZone: 'UTC' });
    expect([await db.clients.count(), await db.invoices.count(), await db.changes.count()]).toEqual(before);
    expect(before).toEqual([100, 2466, 0]);
  });
});
