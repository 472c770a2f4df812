/**
 * `npm run bench -- ingest`: page reads of 500 invoices stored through the real background (the
 * test build in real Chromium: each message sent from our content script's world in a tab,
 * validated, ingested with the replay's merge in one transaction, the tab row written, its
 * clients re-judged), in rows per second, next to a raw Dexie `bulkPut` of the same rows into a
 * table of the same keys in the same browser, in the same run. Target: ≥ 0.5× the floor.
 */
import type { InvoiceObservation } from '../../lib/model';
import { launchExtension, loadDexie } from './extension';
import { median, writeResult } from './results';

const PAGES = 20;
const ROWS = 500;

function page(seed: number): InvoiceObservation[] {
  return Array.from({ length: ROWS }, (_, i) => ({
    kind: 'invoice',
    client: { name: `Bench ${seed}-${i % 50} Ltd` },
    number: `B${seed}-${i}`,
    issued: '2026-01-05',
    due: '2026-02-04',
    paid: `2026-02-${String(1 + (i % 27)).padStart(2, '0')}`,
    amount: 100 + i,
    currency: 'EUR',
    status: 'paid',
  }));
}

const ext = await launchExtension();
const probe = await ext.context.newPage();
await probe.goto(`chrome-extension://${ext.extensionId}/options.html`);
await loadDexie(probe);

const ingestMs: number[] = [];
const floorMs: number[] = [];
// One warm-up page each, not counted.
for (let seed = 0; seed <= PAGES; seed++) {
  const observations = page(seed);
  const { reply, ms } = await ext.sendFromContent('pageRead', { url: `http://127.0.0.1/bench/${seed}`, extract: { observations, warnings: [] } });
  if (!(reply as { res?: { ok?: boolean } }).res?.ok) throw new Error(`pageRead refused: ${JSON.stringify(reply)}`);
  // The floor: the same rows, shaped as stored, into a table with the store's keys, in one bulkPut.
  const floor = await probe.evaluate(async ([rows, name]) => {
    const DexieClass = (globalThis as unknown as { Dexie: new (name: string) => { version(n: number): { stores(s: object): void }; table(t: string): { bulkPut(rows: object[]): Promise<unknown> }; open(): Promise<unknown> } }).Dexie;
    const db = new DexieClass(name);
    db.version(1).stores({ invoices: '[source+number], clientKey' });
    await db.open();
    const records = rows.map((row) => ({ ...row, source: '127.0.0.1', clientKey: row.client.name.toLowerCase(), firstSeen: new Date().toISOString(), lastSeen: new Date().toISOString() }));
    const start = performance.now();
    await db.table('invoices').bulkPut(records);
    return performance.now() - start;
  }, [observations, `bench-floor-${seed}`] as const);
  if (seed > 0) {
    ingestMs.push(ms);
    floorMs.push(floor);
  }
}
const ingestRowsPerSecond = ROWS / (median(ingestMs) / 1000);
const floorRowsPerSecond = ROWS / (median(floorMs) / 1000);
const figures = {
  pages: PAGES,
  rowsPerPage: ROWS,
  ingestMedianMs: Math.round(median(ingestMs)),
  ingestSpreadMs: { min: Math.round(Math.min(...ingestMs)), max: Math.round(Math.max(...ingestMs)) },
  floorMedianMs: Math.round(median(floorMs)),
  ingestRowsPerSecond: Math.round(ingestRowsPerSecond),
  floorRowsPerSecond: Math.round(floorRowsPerSecond),
  ratio: Math.round((ingestRowsPerSecond / floorRowsPerSecond) * 100) / 100,
  target: '≥ 0.5× the raw bulkPut',
};
writeResult('ingest', figures);
console.log(
  `ingest through the background: ${figures.ingestRowsPerSecond} rows/s (median ${figures.ingestMedianMs} ms per ${ROWS}-row page, ${figures.ingestSpreadMs.min}–${figures.ingestSpreadMs.max} ms); ` +
    `raw Dexie bulkPut: ${figures.floorRowsPerSecond} rows/s; ratio ${figures.ratio}× (target ≥ 0.5×)`,
);
await ext.close();
