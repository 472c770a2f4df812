import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer } from '../fixtures/server';
import { type ChromiumSession, launchChromium, newestTabId, ROOT, sessionTabRow, storeRows, waitFor } from './browsers';

/*
 * Issue 9's acceptance in real Chromium with the test build: product lists that redraw without a
 * page load are read again after every redraw by their own site reader, and rows seen on several
 * views add up in the store, each invoice once. Three look-alikes (tests/fixtures/e2e), served at
 * their product's own paths (PRODUCT_ADDRESSES in tests/fixtures/server.ts) because each reader's
 * detect tests the address:
 * - Odoo's OWL list of customer invoices, patched in place after a filter and after "next page";
 * - a Bitrix24 main.ui.grid, whose tbody an AJAX reload replaces, after a filter preset and "Next";
 * - HubSpot's virtualised invoices index (about 20 rows in the DOM), scrolled through in steps.
 * Every wait names a state that only the step before it can bring about.
 */

const SHOTS = path.join(ROOT, 'test-output/screenshots');
const ODOO = '/odoo/customer-invoices';
const BITRIX24 = '/crm/type/31/list/category/0/';
const HUBSPOT = '/contacts/4711/objects/0-53/views/all/list';

let session: ChromiumSession;
let server: Awaited<ReturnType<typeof startFixtureServer>>;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startFixtureServer();
  session = await launchChromium();
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

type TabRowSeen = NonNullable<Awaited<ReturnType<typeof sessionTabRow>>> & { readBy?: string; observations: number };

function tabRow(tabId: number): Promise<TabRowSeen | null> {
  return session.worker.evaluate(sessionTabRow, tabId) as Promise<TabRowSeen | null>;
}

/** Opens a product address of the fixture server and waits until the reader has reported it. */
async function visit(address: string): Promise<{ page: Page; tabId: number }> {
  const page = await session.context.newPage();
  const url = `${server.url}${address}`;
  const started = new Date().toISOString();
  await page.goto(url);
  const tabId = await newestTabId(session, url);
  await waitFor(() => tabRow(tabId), (row) => row !== null && row.url === url && row.at > started, `a read of ${url}`);
  return { page, tabId };
}

async function openPopup(tabId: number): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

type PopupView = { readBy: string | null; line: string; clients: string[] };

/** What the popup shows: who read the page ("Read by: …") and the clients listed, sorted by name. */
function popupView(popup: Page): Promise<PopupView> {
  return popup.evaluate(() => ({
    readBy: document.querySelector('[data-read-by]')?.getAttribute('data-read-by') ?? null,
    line: document.querySelector('.read-by__line')?.textContent ?? '',
    clients: [...document.querySelectorAll('section.client[data-client-name]')].map((card) => card.getAttribute('data-client-name') ?? '').sort(),
  }));
}

/** Waits until the popup names exactly these clients, read by this site reader. */
async function popupShows(popup: Page, readBy: string, clients: readonly string[], what: string): Promise<PopupView> {
  const wanted = [...clients].sort();
  return waitFor(() => popupView(popup), (view) => view.readBy === readBy && JSON.stringify(view.clients) === JSON.stringify(wanted), what);
}

type InvoiceRow = { number: string; clientKey: string; source: string };

/** This scenario's invoice numbers in the store, one entry per stored row (so a duplicate would show), sorted. */
async function storedNumbers(popup: Page, prefix: string): Promise<string[]> {
  return ((await popup.evaluate(storeRows, 'invoices')) as InvoiceRow[])
    .filter((row) => row.number.startsWith(prefix))
    .map((row) => row.number)
    .sort();
}

/** Change records about this scenario's invoices: reading an unchanged row again must make none. */
async function changesFor(popup: Page, prefix: string): Promise<unknown[]> {
  return ((await popup.evaluate(storeRows, 'changes')) as { id: string }[]).filter((change) => change.id.startsWith(prefix));
}

async function badgeTitle(tabId: number): Promise<string> {
  return session.worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);
}

const sorted = (values: Iterable<string>) => [...values].sort();
const same = (a: readonly string[], b: readonly string[]) => JSON.stringify(a) === JSON.stringify(b);

/** Invoice numbers prefix + n for n in [from, to], formatted like the page's. */
function numbers(prefix: string, from: number, to: number, width: number): string[] {
  const out: string[] = [];
  for (let n = from; n <= to; n++) out.push(`${prefix}${String(n).padStart(width, '0')}`);
  return out.sort();
}

describe('Chromium: product lists that redraw without a page load', () => {
  it('Odoo: reads the OWL invoice list again after a filter and after "next page", each invoice stored once', async () => {
    const { page, tabId } = await visit(ODOO);
    const popup = await openPopup(tabId);
    const stored = () => storedNumbers(popup, 'INV/OD/');
    // The list's table is patched in place, never replaced: the same element throughout.
    const table = await page.waitForSelector('table.o_list_table');

    // Page 1 of the full list (1-80 / 180): the 80 newest invoices, of four customers.
    const first = await popupShows(popup, 'odoo-invoices', ['Alder & Finch Ltd', 'Brightwater Foods', 'Copperline Studio', 'Dunmore Freight'], 'page 1 of the Odoo list in the popup');
    expect(first.line).toBe('Read by: Odoo invoice list');
    expect(await page.textContent('.o_pager_counter')).toBe('1-80 / 180');
    expect(await tabRow(tabId)).toMatchObject({ observations: 80, warnings: [] });
    expect(await stored()).toEqual(numbers('INV/OD/', 101, 180, 5));

    // The "Overdue" filter: 105 invoices; its page 1 starts with Dunmore's five, seen on page 1 already.
    await page.click('.o_filter_menu_toggle');
    await page.click('[data-filter="overdue"]');
    await popupShows(popup, 'odoo-invoices', ['Dunmore Freight', 'Ellesmere Tiles', 'Fairhaven Print Co', 'Greyfield Dairy', 'Holloway Builders'], 'the filtered list in the popup');
    expect(await page.textContent('.o_pager_counter')).toBe('1-80 / 105');
    expect(await page.textContent('.o_searchview_facet')).toBe('Overdue');
    expect(await tabRow(tabId)).toMatchObject({ observations: 80, warnings: [] });
    // 80 + 75 new: Dunmore's five are not stored again.
    expect(await stored()).toEqual(numbers('INV/OD/', 26, 180, 5));

    // "Next page" of the filtered list (81-105 / 105): Holloway's last five and Ivybridge's twenty.
    await page.click('.o_pager_next');
    await popupShows(popup, 'odoo-invoices', ['Holloway Builders', 'Ivybridge Optics'], 'page 2 of the filtered list in the popup');
    expect(await page.textContent('.o_pager_counter')).toBe('81-105 / 105');
    expect(await tabRow(tabId)).toMatchObject({ observations: 25, warnings: [] });
    const all = await stored();
    expect(all).toHaveLength(180);
    expect(new Set(all).size).toBe(180);
    expect(all).toEqual(numbers('INV/OD/', 1, 180, 5));
    expect(await changesFor(popup, 'INV/OD/')).toEqual([]);
    // No reload: the first table element is still the one on the page.
    expect(await table.evaluate((element) => element.isConnected)).toBe(true);
    await waitFor(() => badgeTitle(tabId), (title) => /of 2 listed clients/.test(title), 'the badge to follow page 2');
    await popup.screenshot({ path: path.join(SHOTS, 'popup-odoo-redraw-en.png'), fullPage: true });
    await popup.close();
    await page.close();
  });

  it('Bitrix24: reads the main.ui.grid again after each AJAX reload (filter preset, next page), each invoice stored once', async () => {
    const { page, tabId } = await visit(BITRIX24);
    const popup = await openPopup(tabId);
    const stored = () => storedNumbers(popup, 'BX-');
    const ids = (...list: number[]) => sorted(list.map((id) => `BX-${id}`));
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

    // "All invoices", page 1: ids 1060-1041 of two companies.
    const first = await popupShows(popup, 'bitrix24-invoices', ['Avalon Textiles', 'Baltic Amber Trading'], 'page 1 of the grid in the popup');
    expect(first.line).toBe('Read by: Bitrix24 invoice list');
    expect(await tabRow(tabId)).toMatchObject({ observations: 20, warnings: [] });
    expect(await stored()).toEqual(ids(...range(1041, 1060)));

    // The "Unpaid" preset: the grid's tbody is replaced by the one the reload brought.
    let body = await page.$('table.main-grid-table > tbody');
    await page.click('.main-ui-filter-search-filter');
    await page.click('.main-ui-filter-sidebar-item[data-id="unpaid"]');
    await popupShows(popup, 'bitrix24-invoices', ['Baltic Amber Trading', 'Cedar Point Clinics', 'Dovetail Robotics'], 'the Unpaid preset in the popup');
    expect(await body!.evaluate((element) => element.isConnected)).toBe(false);
    expect(await page.textContent('.main-grid-counter-total')).toBe('25');
    expect(await tabRow(tabId)).toMatchObject({ observations: 20, warnings: [] });
    // Baltic's five unpaid invoices were on page 1 already: 20 + 15.
    const afterFilter = ids(...range(1041, 1060), ...range(1031, 1040), 1030, 1028, 1026, 1024, 1022);
    expect(afterFilter).toHaveLength(35);
    expect(await stored()).toEqual(afterFilter);

    // "Next": page 2 of the preset, five of Emberly's.
    body = await page.$('table.main-grid-table > tbody');
    await page.click('a.main-ui-pagination-next');
    await popupShows(popup, 'bitrix24-invoices', ['Emberly Catering'], 'page 2 of the Unpaid preset in the popup');
    expect(await body!.evaluate((element) => element.isConnected)).toBe(false);
    expect(await tabRow(tabId)).toMatchObject({ observations: 5, warnings: [] });
    const all = await stored();
    expect(all).toHaveLength(40);
    expect(new Set(all).size).toBe(40);
    expect(all).toEqual(sorted([...afterFilter, ...ids(1020, 1016, 1012, 1008, 1004)]));
    expect(await changesFor(popup, 'BX-')).toEqual([]);
    await waitFor(() => badgeTitle(tabId), (title) => /Emberly Catering/.test(title), 'the badge to follow page 2');
    await popup.screenshot({ path: path.join(SHOTS, 'popup-bitrix24-redraw-en.png'), fullPage: true });
    await popup.close();
    await page.close();
  });

  it('HubSpot: collects the virtualised index as it is scrolled, keyed by record id, every invoice stored once', async () => {
    const { page, tabId } = await visit(HUBSPOT);
    const popup = await openPopup(tabId);
    // The list scrolled is in the page in front, as for a user (a tab in the background may be throttled).
    await page.bringToFront();
    const stored = () => storedNumbers(popup, 'HS-INV-');
    const SCROLLER = '[data-test-id="fdt-scroll-window"]';
    type DomRow = { id: string; index: number; number: string; company: string };
    const domRows = (): Promise<DomRow[]> =>
      page.$$eval('tr[data-test-id^="row-"]', (rows) =>
        rows.map((row) => ({
          id: (row.getAttribute('data-test-id') ?? '').slice('row-'.length),
          index: Number(row.getAttribute('aria-rowindex')),
          number: row.querySelector('[data-test-id*="-hs_number-"]')?.textContent?.trim() ?? '',
          company: row.querySelector('[data-test-id*="-associatedcompanyid-"]')?.textContent?.trim() ?? '',
        })),
      );

    const seen = new Map<string, string>(); // record id → invoice number
    let lowest = Number.POSITIVE_INFINITY;
    let deepest = 0;
    let steps = 0;
    for (;;) {
      // The rows this scroll position brought (one deeper than any seen before), every one filled in.
      const rows = await waitFor(domRows, (list) => list.length > 0 && list.every((row) => row.number !== '') && Math.max(...list.map((row) => row.index)) > deepest, `the rows of scroll step ${steps}`);
      expect(rows.length).toBeLessThanOrEqual(21);
      deepest = Math.max(...rows.map((row) => row.index));
      lowest = Math.min(lowest, ...rows.map((row) => row.index));
      const before = seen.size;
      for (const row of rows) seen.set(row.id, row.number);
      expect(seen.size).toBeGreaterThan(before);
      const expected = sorted(seen.values());
      // The store holds exactly the rows seen so far: the new ones added, none twice.
      await waitFor(stored, (numbers) => same(numbers, expected), `the ${expected.length} invoices seen up to step ${steps}`);
      await popupShows(popup, 'hubspot-invoices', [...new Set(rows.map((row) => row.company))], `the clients in view at step ${steps}`);
      const atEnd = await page.$eval(SCROLLER, (element) => element.scrollTop + element.clientHeight >= element.scrollHeight - 1);
      if (atEnd) break;
      await page.$eval(SCROLLER, (element) => {
        element.scrollTop = Math.min(element.scrollHeight - element.clientHeight, element.scrollTop + Math.round(element.clientHeight * 0.6));
      });
      steps += 1;
    }
    expect(steps).toBeGreaterThanOrEqual(8);
    expect([lowest, deepest]).toEqual([2, 101]);
    expect(seen.size).toBe(100);
    const all = await stored();
    expect(all).toHaveLength(100);
    expect(all).toEqual(numbers('HS-INV-', 1, 100, 4));
    const clients = ((await popup.evaluate(storeRows, 'clients')) as { name: string }[]).map((client) => client.name);
    expect(clients).toEqual(expect.arrayContaining(['Kestrel Analytics', 'Lumen Harbor Inc', 'Marlow & Quince', 'Northgate Ceramics', 'Orchard Lane Media']));
    await popup.screenshot({ path: path.join(SHOTS, 'popup-hubspot-scroll-en.png'), fullPage: true });

    // Back to the top in one jump: rows read before are read again, and nothing is stored twice.
    await page.$eval(SCROLLER, (element) => {
      element.scrollTop = 0;
    });
    await popupShows(popup, 'hubspot-invoices', ['Kestrel Analytics'], 'the top of the list in the popup again');
    expect(await stored()).toEqual(all);
    expect(await changesFor(popup, 'HS-INV-')).toEqual([]);
    await popup.close();
    await page.close();
  });
});
