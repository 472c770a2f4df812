import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer } from '../fixtures/server';
import { launchChromium, sessionTabRow, storeRows, storeRowsBetween, waitFor, type ChromiumSession } from './browsers';

/*
 * The store survives what real browsers do to it: the service worker stopped in the middle of
 * an ingest (Chromium stops idle workers, and kills them on updates), and many tabs reading at
 * once. Counts must be exact: nothing lost, nothing stored twice, no client half written.
 */

let session: ChromiumSession;
let server: Awaited<ReturnType<typeof startFixtureServer>>;
let probe: Page;
let cdp: CDPSession;

beforeAll(async () => {
  server = await startFixtureServer();
  session = await launchChromium();
  probe = await session.context.newPage();
  await probe.goto(`chrome-extension://${session.extensionId}/options.html`);
  cdp = await session.context.newCDPSession(probe);
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

type InvoiceRow = { number: string; clientKey: string; source: string };
type ClientRow = { key: string; name: string };

/** Invoice numbers stored for one generated page (seed), and the clients they name. */
async function storedFor(seed: number): Promise<{ numbers: string[]; clientKeys: string[] }> {
  // Invoices are keyed [source, number]: one page's rows are one key range.
  const range: [string, string[], string[]] = ['invoices', ['127.0.0.1', `G${seed}-`], ['127.0.0.1', `G${seed}-\uffff`]];
  const invoices = (await probe.evaluate(storeRowsBetween, range)) as InvoiceRow[];
  return { numbers: invoices.map((row) => row.number), clientKeys: [...new Set(invoices.map((row) => row.clientKey))] };
}

/**
 * Runs in an extension page: holds a write transaction on the invoices table (kept open by a
 * chain of cheap reads) until `releaseInvoices()`, which resolves once it has ended. Resolves
 * once the transaction holds the table.
 */
function holdInvoices(): Promise<void> {
  const scope = globalThis as { releaseInvoices?: () => Promise<void> };
  return new Promise<void>((held, failed) => {
    const open = indexedDB.open('client-signals');
    open.onerror = () => failed(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('invoices', 'readwrite');
      const store = tx.objectStore('invoices');
      let release = false;
      const ended = new Promise<void>((done) => {
        tx.oncomplete = tx.onabort = () => {
          db.close();
          done();
        };
      });
      scope.releaseInvoices = () => {
        release = true;
        return ended;
      };
      const spin = () => {
        if (!release) store.get(['', '']).onsuccess = spin;
      };
      store.get(['', '']).onsuccess = () => {
        held();
        spin();
      };
    };
  });
}

/** The extension's service worker as it runs now (a stopped one is replaced by a new one). */
function liveWorker() {
  const worker = session.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${session.extensionId}/`));
  if (!worker) throw new Error('no service worker running');
  return worker;
}

/** Stops the extension's service worker as Chromium does when it is idle or updated (CDP). */
async function stopWorker(): Promise<boolean> {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((target) => target.type === 'service_worker' && target.url.startsWith(`chrome-extension://${session.extensionId}/`));
  if (!worker) return false;
  await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  return true;
}

describe('Chromium: the store survives faults and load', () => {
  it('loses nothing and stores nothing twice when the worker is stopped mid-ingest, 20 times', async () => {
    const ROWS = 500;
    const locker = await session.context.newPage();
    await locker.goto(`chrome-extension://${session.extensionId}/options.html`);
    for (let seed = 1; seed <= 20; seed++) {
      // The invoices table is held by a write transaction of another extension page, so the
      // page's rows cannot be stored before the stop: the worker is stopped with the read on its
      // way, or received and waiting for the store, and never after it landed.
      await locker.evaluate(holdInvoices);
      const page = await session.context.newPage();
      await page.goto(`${server.url}/generated/invoices.html?seed=${seed}&rows=${ROWS}&clients=25`);
      await page.waitForFunction((rows) => document.querySelectorAll('tbody tr').length >= rows, ROWS);
      expect(await stopWorker()).toBe(true);
      await locker.evaluate(() => (globalThis as { releaseInvoices?: () => Promise<void> }).releaseInvoices?.());
      // The reader sends again what did not land; the worker starts again for it.
      const stored = await waitFor(() => storedFor(seed), (found) => found.numbers.length >= ROWS, `page ${seed}'s ${ROWS} invoices after the stop`, 30_000);
      expect(stored.numbers).toHaveLength(ROWS);
      expect(new Set(stored.numbers).size).toBe(ROWS);
      expect(stored.clientKeys).toHaveLength(25);
      await page.close();
    }
    await locker.close();
    // Every page's rows are there once; every invoice's client exists, and every client has its invoices.
    const invoices = ((await probe.evaluate(storeRows, 'invoices')) as InvoiceRow[]).filter((row) => /^G\d+-/.test(row.number));
    const clients = ((await probe.evaluate(storeRows, 'clients')) as ClientRow[]).filter((row) => row.name.startsWith('Gen '));
    expect(invoices).toHaveLength(20 * ROWS);
    expect(new Set(invoices.map((row) => row.number)).size).toBe(20 * ROWS);
    expect(new Set(invoices.map((row) => row.clientKey))).toEqual(new Set(clients.map((row) => row.key)));
    expect(clients).toHaveLength(20 * 25);
  }, 300_000);

  it('20 tabs reading at once give exact counts, and reloading all 20 changes nothing', async () => {
    const seeds = Array.from({ length: 20 }, (_, i) => 101 + i);
    const pages = await Promise.all(seeds.map(() => session.context.newPage()));
    await Promise.all(pages.map((page, i) => page.goto(`${server.url}/generated/invoices.html?seed=${seeds[i]}&rows=50&clients=5`)));
    for (const seed of seeds) {
      const stored = await waitFor(() => storedFor(seed), (found) => found.numbers.length >= 50, `tab ${seed}'s invoices`, 30_000);
      expect(stored.numbers).toHaveLength(50);
    }
    const count = async () => (await Promise.all(seeds.map((seed) => storedFor(seed)))).reduce((sum, found) => sum + found.numbers.length, 0);
    const clientCount = async () => ((await probe.evaluate(storeRows, 'clients')) as ClientRow[]).filter((row) => /^Gen 1[0-2]\d-/.test(row.name)).length;
    expect(await count()).toBe(20 * 50);
    expect(await clientCount()).toBe(20 * 5);

    // Reload all 20 at once: each tab's row is written again only once its page is read again.
    const tabIds = await Promise.all(
      pages.map((page) => waitFor(() => liveWorker().evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1, page.url()), (id) => id > 0, 'a tab')),
    );
    const before = await Promise.all(tabIds.map((id) => liveWorker().evaluate(sessionTabRow, id)));
    await Promise.all(pages.map((page) => page.reload()));
    await Promise.all(tabIds.map((id, i) => waitFor(() => liveWorker().evaluate(sessionTabRow, id), (row) => row !== null && row.at > before[i]!.at, `tab ${id} read again`, 30_000)));
    expect(await count()).toBe(20 * 50);
    expect(await clientCount()).toBe(20 * 5);
    await Promise.all(pages.map((page) => page.close()));
  }, 300_000);
});
