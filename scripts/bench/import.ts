/**
 * `npm run bench -- import`: a generated export of 100,000 invoice rows (CSV, 1,000 clients)
 * read by readExport and stored by importObservations into a fake-indexeddb store, next to a
 * raw Dexie `bulkPut` of the same rows into the same table in the same run (the floor: what
 * storing the rows costs at all). Figures are medians of RUNS fresh databases; peak memory is
 * the highest process.memoryUsage() sample taken while the imports ran.
 * Target (issue 10): import rows per second ≥ 0.5 × the bulkPut's.
 * Also timed, to show where the time goes: ingestPage's own look-up of the file's invoices
 * (`bulkGet` of every natural key, on an empty store) in a database of its own.
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { clientKey } from '../../lib/identity';
import type { InvoiceRecord } from '../../lib/history';
import { readExport } from '../../lib/import/index';
import type { InvoiceObservation } from '../../lib/model';
import { SignalsDb } from '../../lib/store/db';
import { importObservations } from '../../lib/store/import';
import { median, writeResult } from './results';

const ROWS = 100_000;
const CLIENTS = 1_000;
const RUNS = 4;
const WARM_UP = 1;
const AT = '2026-03-10T09:00:00.000Z';
const SOURCE = 'import:bench.csv';
const STATUSES = ['Paid', 'Open', 'Overdue', 'Partially paid', 'Paid', 'Paid'];

const pad = (n: number) => String(n).padStart(2, '0');
/** M/D/YYYY of a day counted from 2024-01-01 (UTC arithmetic: the machine's zone plays no part). */
function usDate(offset: number): string {
  const day = new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000);
  return `${pad(day.getUTCMonth() + 1)}/${pad(day.getUTCDate())}/${day.getUTCFullYear()}`;
}

/** An en-US invoice export as QuickBooks-like tools write it: a title line, then the table. */
function exportCsv(): Uint8Array {
  const lines = ['"Invoice list, exported 03/10/2026"', '', 'Invoice #,Customer,Invoice Date,Due Date,Paid Date,Total,Amount Due,Status'];
  for (let index = 0; index < ROWS; index += 1) {
    const issued = index % 790;
    const status = STATUSES[index % STATUSES.length]!;
    const total = 100 + ((index * 7919) % 900_000) / 100;
    const due = status === 'Paid' ? 0 : status === 'Partially paid' ? total / 2 : total;
    const paid = status === 'Paid' ? usDate(issued + 20 + (index % 30)) : '';
    lines.push(
      `INV-${String(index).padStart(6, '0')},Client ${index % CLIENTS} LLC,${usDate(issued)},${usDate(issued + 30)},${paid},` +
        `"$${total.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}",${due.toFixed(2)},${status}`,
    );
  }
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}

/** `npm run bench` runs node with --expose-gc: each timing starts with a clean heap. */
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

let peakRss = 0;
let peakHeap = 0;
function sample(): void {
  const usage = process.memoryUsage();
  peakRss = Math.max(peakRss, usage.rss);
  peakHeap = Math.max(peakHeap, usage.heapUsed);
}

let serial = 0;
async function freshDb(): Promise<SignalsDb> {
  const db = new SignalsDb(`bench-import-${process.pid}-${++serial}`);
  await db.open();
  return db;
}

/** The rows the store ends up with, built outside the timing: what the floor writes. */
function recordsOf(observations: InvoiceObservation[]): InvoiceRecord[] {
  return observations.map(({ client, ...fields }) => ({ ...fields, client, source: SOURCE, clientKey: clientKey(client), firstSeen: AT, lastSeen: AT }));
}

async function main(): Promise<void> {
  const bytes = exportCsv();
  console.log(`export: ${ROWS.toLocaleString('en-US')} rows, ${(bytes.length / 1024 / 1024).toFixed(1)} MB of CSV`);
  const readMs: number[] = [];
  const storeMs: number[] = [];
  const importMs: number[] = [];
  const floorMs: number[] = [];
  const lookupMs: number[] = [];
  let observed = 0;
  for (let run = -WARM_UP; run < RUNS; run += 1) {
    const importDb = await freshDb();
    collect();
    const timer = setInterval(sample, 20);
    sample();
    const start = performance.now();
    const read = await readExport({ name: 'bench.csv', bytes });
    const readDone = performance.now();
    sample();
    await importObservations(importDb, { at: AT, source: SOURCE, observations: read.observations });
    const stored = performance.now();
    sample();
    clearInterval(timer);
    observed = read.observations.length;
    if (read.kind !== 'invoices' || observed !== ROWS || (await importDb.invoices.count()) !== ROWS) {
      throw new Error(`import read ${read.kind} with ${observed} observations: ${read.warnings.join(' | ')}`);
    }
    const records = recordsOf(read.observations as InvoiceObservation[]);
    await importDb.delete();

    const floorDb = await freshDb();
    collect();
    const floorStart = performance.now();
    await floorDb.transaction('rw', floorDb.invoices, () => floorDb.invoices.bulkPut(records));
    const floorDone = performance.now();
    await floorDb.delete();

    const lookupDb = await freshDb();
    const keys = records.map((record) => [record.source, record.number] as [string, string]);
    const lookupStart = performance.now();
    await lookupDb.transaction('r', lookupDb.invoices, () => lookupDb.invoices.bulkGet(keys));
    const lookupDone = performance.now();
    await lookupDb.delete();

    if (run >= 0) {
      lookupMs.push(lookupDone - lookupStart);
      readMs.push(readDone - start);
      storeMs.push(stored - readDone);
      importMs.push(stored - start);
      floorMs.push(floorDone - floorStart);
    }
  }
  const rowsPerSecond = (ms: number) => Math.round(ROWS / (ms / 1000));
  const figures = {
    rows: ROWS,
    clients: CLIENTS,
    runs: RUNS,
    csvMB: round(bytes.length / 1024 / 1024),
    readExportMs: round(median(readMs)),
    importObservationsMs: round(median(storeMs)),
    totalMs: round(median(importMs)),
    bulkPutMs: round(median(floorMs)),
    ingestLookupMs: round(median(lookupMs)),
    importRowsPerSecond: rowsPerSecond(median(importMs)),
    bulkPutRowsPerSecond: rowsPerSecond(median(floorMs)),
    ratio: round(median(floorMs) / median(importMs)),
    peakRssMB: round(peakRss / 1024 / 1024),
    peakHeapUsedMB: round(peakHeap / 1024 / 1024),
    observations: observed,
    targets: { ratio: 0.5 },
  };
  writeResult('import', figures);
  console.log(
    [
      `readExport ${figures.readExportMs} ms + importObservations ${figures.importObservationsMs} ms = ${figures.totalMs} ms: ${figures.importRowsPerSecond.toLocaleString('en-US')} rows/s`,
      `raw bulkPut of the same rows: ${figures.bulkPutMs} ms: ${figures.bulkPutRowsPerSecond.toLocaleString('en-US')} rows/s`,
      `ratio ${figures.ratio}× of bulkPut (target ≥ 0.5×); peak rss ${figures.peakRssMB} MB, heap used ${figures.peakHeapUsedMB} MB`,
      `of the import, ingestPage's bulkGet of the ${ROWS.toLocaleString('en-US')} invoice keys alone: ${figures.ingestLookupMs} ms`,
    ].join('\n'),
  );
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

await main();
