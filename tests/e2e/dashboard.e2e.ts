import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { startFixtureServer } from '../fixtures/server';
import { launchChromium, ROOT, sessionTabRow, storeRows, waitFor, type ChromiumSession } from './browsers';

/*
 * The dashboard in real Chromium, on the demo CRM (tests/fixtures/demo, see its README): the
 * demo pages fill the store through the extension, then the dashboard lists, filters, searches,
 * shows one client's charts, and the parting assistant's letter is copied. Screenshots of each,
 * in English and in Russian, go to test-output/screenshots/.
 */

const SHOTS = path.join(ROOT, 'test-output/screenshots');
const DEMO_PAGES = ['demo/invoices-ru.html', 'demo/tickets-ru.html', 'demo/client-acme.html'];
/** The demo's clients by the criteria each meets once all three pages are read (demo README). */
const ROMASHKA = 'ООО «Ромашка»';
const GRANIT = 'ОДО «Гранит-Строй»';
const ACME = 'Acme Trading LLC';

let session: ChromiumSession;
let server: Awaited<ReturnType<typeof startFixtureServer>>;
let dashboardUrl: string;

type StoredVerdict = { clientKey: string; id: string; status: string; summary: string };
type StoredClient = { key: string; name: string; root?: string };

/** The stored verdicts, read from inside an extension page. */
async function verdictsIn(page: Page): Promise<StoredVerdict[]> {
  return (await page.evaluate(storeRows, 'verdicts')) as StoredVerdict[];
}

/** Criteria met per client name, as stored. */
async function metByName(page: Page): Promise<Map<string, number>> {
  const clients = (await page.evaluate(storeRows, 'clients')) as StoredClient[];
  const verdicts = await verdictsIn(page);
  const names = new Map(clients.map((client) => [client.key, client.name]));
  const met = new Map<string, number>();
  for (const verdict of verdicts) {
    const name = names.get(verdict.clientKey) ?? verdict.clientKey;
    met.set(name, (met.get(name) ?? 0) + (verdict.status === 'met' ? 1 : 0));
  }
  return met;
}

/** Opens a demo page and waits until the background has stored its read (the tab's row). */
async function visit(file: string): Promise<void> {
  const page = await session.context.newPage();
  const url = `${server.url}/${file}`;
  const started = new Date().toISOString();
  await page.goto(url);
  const tabId = await waitFor(
    () => session.worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1, url),
    (id) => id > 0,
    `a tab at ${url}`,
  );
  await waitFor(() => session.worker.evaluate(sessionTabRow, tabId), (row) => row !== null && row.at > started, `the read of ${url}`);
}

async function openDashboard(hash = ''): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(`${dashboardUrl}${hash}`);
  return page;
}

/** The listed rows in order: name, data-met, and the statuses of their cells. */
async function listedRows(page: Page) {
  return page.$$eval('[data-client-key]', (rows) =>
    rows.map((row) => ({
      key: row.getAttribute('data-client-key') ?? '',
      name: row.getAttribute('data-client-name') ?? '',
      met: Number(row.getAttribute('data-met')),
      statuses: [...row.querySelectorAll('[data-cell]')].map((cell) => cell.getAttribute('data-status') ?? ''),
    })),
  );
}

async function waitForRows(page: Page, done: (names: string[]) => boolean, what: string): Promise<string[]> {
  return waitFor(async () => (await listedRows(page)).map((row) => row.name), done, what);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startFixtureServer();
  session = await launchChromium();
  dashboardUrl = `chrome-extension://${session.extensionId}/dashboard.html`;
  for (const file of DEMO_PAGES) await visit(file);
  // Every page is read and stored; the verdicts follow in the background's next run.
  const probe = await openDashboard();
  await waitFor(() => metByName(probe), (met) => met.get(ROMASHKA) === 3 && met.get(GRANIT) === 1 && met.has(ACME), 'the demo clients’ verdicts');
  await probe.close();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('Chromium: the dashboard on the demo CRM', () => {
  it('lists every demo client, ranked by criteria met, then by criteria on watch, then by name', async () => {
    const page = await openDashboard();
    await waitForRows(page, (names) => names.length >= 5, 'the demo clients in the list');
    const rows = await listedRows(page);
    const stored = await metByName(page);
    expect(rows.map((row) => row.name).sort()).toEqual([...stored.keys()].sort());
    expect([rows[0]!.name, rows[0]!.met]).toEqual([ROMASHKA, 3]);
    expect(rows.find((row) => row.name === GRANIT)?.met).toBe(1);
    for (const row of rows) {
      expect(row.statuses).toHaveLength(8);
      expect(row.met).toBe(row.statuses.filter((status) => status === 'met').length);
      expect(row.met).toBe(stored.get(row.name));
    }
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    const watch = (row: (typeof rows)[number]) => row.statuses.filter((status) => status === 'watch').length;
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1]!, rows[i]!];
      const order = b.met - a.met || watch(b) - watch(a) || collator.compare(a.name, b.name);
      expect(order, `${a.name} before ${b.name}`).toBeLessThanOrEqual(0);
    }
    // Where each client was last seen: the demo server's host.
    expect(await page.textContent(`[data-client-name="${ACME}"] .cell--where`)).toBe(new URL(server.url).hostname);
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-en.png') });
    await page.close();
  });

  it('filters by criterion and status, and searches by name', async () => {
    const page = await openDashboard();
    await waitForRows(page, (names) => names.length >= 5, 'the list');
    await page.selectOption('select[name="criterion"]', 'late-payment');
    await page.selectOption('select[name="status"]', 'met');
    expect((await waitForRows(page, (names) => names.length === 2, 'late payers only')).sort()).toEqual([GRANIT, ROMASHKA].sort());
    await page.selectOption('select[name="criterion"]', 'any');
    await page.selectOption('select[name="status"]', 'watch');
    const watching = await waitForRows(page, (names) => names.includes(ACME) && !names.includes('ИП Ковалёва Е. С.'), 'clients with a criterion on watch');
    for (const row of await listedRows(page)) expect(row.statuses, row.name).toContain('watch');
    expect(watching).toContain(ROMASHKA);
    await page.click('[data-action="reset-filters"]');
    await waitForRows(page, (names) => names.length >= 5, 'every client again');
    await page.fill('input[name="search"]', 'acme');
    expect(await waitForRows(page, (names) => names.length === 1, 'one client found')).toEqual([ACME]);
    // Russian names are found in any letter case, with е for ё.
    await page.fill('input[name="search"]', 'ковалева');
    expect(await waitForRows(page, (names) => names.length === 1, 'the Russian name')).toEqual(['ИП Ковалёва Е. С.']);
    await page.fill('input[name="search"]', 'nobody by this name');
    await page.waitForSelector('[data-empty="no-match"]');
    await page.close();
  });

  it('opens a client view with its eight verdicts, evidence and charts of its history', async () => {
    const page = await openDashboard();
    await waitForRows(page, (names) => names.includes(ROMASHKA), 'the list');
    await page.click(`[data-client-name="${ROMASHKA}"] .cell--name a`);
    await page.waitForSelector('[data-client-view] [data-criterion]');
    const statuses = await page.$$eval('[data-client-view] [data-criterion]', (rows) => rows.map((row) => [row.getAttribute('data-criterion'), row.getAttribute('data-status')]));
    expect(statuses).toHaveLength(8);
    expect(Object.fromEntries(statuses)).toMatchObject({ 'late-payment': 'met', disrespect: 'met', 'excess-attention': 'met' });
    // Met criteria show their evidence at once: the late invoices by number.
    expect(await page.textContent('[data-criterion="late-payment"] .evidence')).toMatch(/СЧ-0114[\s\S]*|СЧ-0101/);
    // Invoices: one bar per judged invoice, and the 15- and 30-day lines from settings.
    await page.waitForSelector('[data-chart="invoices"] svg rect[data-bar]');
    const invoiceBars = await page.$$eval('[data-chart="invoices"] rect[data-bar]', (bars) => bars.map((bar) => [bar.getAttribute('data-bar'), Number(bar.getAttribute('height'))]));
    expect(invoiceBars.map(([number]) => number)).toEqual(expect.arrayContaining(['СЧ-0101', 'СЧ-0114', 'СЧ-0127']));
    const tallest = Math.max(...invoiceBars.map(([, height]) => Number(height)));
    expect(tallest).toBeGreaterThan(20);
    const thresholds = await page.$$eval('[data-chart="invoices"] [data-threshold]', (lines) => lines.map((line) => Number(line.getAttribute('data-threshold'))));
    expect(thresholds).toEqual([DEFAULT_SETTINGS.latePayment.lateDays, DEFAULT_SETTINGS.latePayment.overdueDays]);
    // Tickets per week: seven tickets in all, some after hours and urgent.
    const weeks = await page.$$eval('[data-chart="tickets"] [data-bar]', (bars) => bars.map((bar) => Number(bar.getAttribute('data-total'))));
    expect(weeks.reduce((sum, total) => sum + total, 0)).toBe(7);
    expect(await page.locator('[data-chart="tickets"] rect.bar--after').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-chart="tickets"] rect.bar--urgent').count()).toBeGreaterThan(0);
    // Billed per month, in roubles.
    expect(await page.locator('[data-chart="billed"] rect[data-bar]').count()).toBeGreaterThan(0);
    expect(await page.textContent('[data-chart="billed"] figcaption')).toContain('RUB');
    // Every bar says what it is, as text.
    expect(await page.textContent('[data-chart="invoices"] rect[data-bar="СЧ-0114"] title')).toMatch(/№ СЧ-0114: due .+, paid .+, 18 days late/);
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-client-en.png'), fullPage: true });
    await page.close();
  });

  it('prepares the conversation: the steps and the letter, which Copy puts on the clipboard', async () => {
    // Granted to every origin: Chromium refuses a grant to a chrome-extension:// origin by name.
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await openDashboard();
    const key = (await listedRowsWhenReady(page)).find((row) => row.name === ROMASHKA)!.key;
    await page.goto(`${dashboardUrl}#client=${encodeURIComponent(key)}`);
    await page.click('[data-client-view] [data-action="prepare-conversation"]');
    await page.waitForSelector('[data-assistant] [data-letter]');
    const steps = await page.$$eval('[data-assistant] [data-step]', (items) => items.map((item) => item.getAttribute('data-step')));
    expect(steps.slice(0, 3)).toEqual(['late-payment', 'disrespect', 'excess-attention']);
    const letter = (await page.textContent('[data-assistant] [data-letter]')) ?? '';
    expect(letter).toContain('СЧ-0114');
    expect(letter).toContain('СЧ-0101');
    await page.click('[data-action="copy-letter"]');
    await page.waitForSelector('[data-copy-status="copied"]');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(`Subject: ${await page.textContent('[data-letter-subject]')}`);
    expect(copied).toContain(letter.trim().split('\n')[0]!);
    expect(copied).toContain('СЧ-0101');
    // Copy scrolled the page to its button: the picture starts at the client's heading and the steps.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-assistant-en.png') });
    await page.close();
  });

  it('is opened from the popup and the settings page, and the popup prepares the conversation too', async () => {
    const demo = await session.context.newPage();
    await demo.goto(`${server.url}/demo/invoices-ru.html`);
    const tabId = await waitFor(
      () => session.worker.evaluate(async (u) => Math.max(-1, ...(await chrome.tabs.query({})).filter((t) => t.url === u).map((t) => t.id ?? -1)), demo.url()),
      (id) => id > 0,
      'the demo tab',
    );
    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 420, height: 640 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector(`[data-client-name="${ROMASHKA}"] .client__toggle`);
    const opened = session.context.waitForEvent('page');
    await popup.click('[data-action="open-dashboard"]');
    const dashboard = await opened;
    await dashboard.waitForSelector('[data-client-key]');
    expect(dashboard.url()).toBe(dashboardUrl);
    await dashboard.close();
    await popup.click(`[data-client-name="${ROMASHKA}"] .client__toggle`);
    await popup.click(`[data-client-name="${ROMASHKA}"] [data-action="prepare-conversation"]`);
    await popup.waitForSelector('[data-assistant] [data-letter]');
    expect(await popup.textContent('[data-assistant] [data-letter]')).toContain('СЧ-0114');
    // A client that meets nothing is offered no conversation.
    await popup.click(`[data-client-name="ЧУП «Вектор»"] .client__toggle`);
    expect(await popup.locator(`[data-client-name="ЧУП «Вектор»"] [data-action="prepare-conversation"]`).count()).toBe(0);
    // Back on the client, the assistant is still open where it was left.
    await popup.click(`[data-client-name="${ROMASHKA}"] .client__toggle`);
    await popup.waitForSelector('[data-assistant] [data-letter]');
    // The popup scrolls within its own height: bring the letter and its Copy button into the picture.
    await popup.locator('[data-action="copy-letter"]').scrollIntoViewIfNeeded();
    await popup.screenshot({ path: path.join(SHOTS, 'popup-assistant-en.png'), fullPage: true });
    await popup.close();
    await demo.close();
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const link = await options.waitForSelector('a[data-action="open-dashboard"]');
    const fromOptions = session.context.waitForEvent('page');
    await link.click();
    const second = await fromOptions;
    await second.waitForSelector('[data-client-key]');
    expect(second.url()).toBe(dashboardUrl);
    await second.close();
    await options.close();
  });

  it('speaks Russian when the setting says so: list, client view and assistant', async () => {
    await session.worker.evaluate((settings) => chrome.storage.local.set({ settings }), { ...DEFAULT_SETTINGS, language: 'ru' as const });
    const page = await openDashboard();
    // The background re-judges everyone on the change: the stored summaries turn Russian.
    await waitFor(() => verdictsIn(page), (rows) => rows.length > 0 && rows.every((row) => /[а-яё]/i.test(row.summary)), 'verdicts in Russian');
    await page.reload();
    await waitForRows(page, (names) => names.length >= 5, 'the list in Russian');
    expect(await page.textContent('h1')).toBe('Все клиенты');
    expect(await page.textContent('.table__row--head')).toContain('Оплата');
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-ru.png') });
    await page.click(`[data-client-name="${ROMASHKA}"] .cell--name a`);
    await page.waitForSelector('[data-chart="invoices"] rect[data-bar]');
    expect(await page.textContent('[data-chart="tickets"] figcaption')).toBe('Обращения по неделям');
    expect(await page.textContent('[data-chart="invoices"] rect[data-bar="СЧ-0114"] title')).toMatch(/срок .+, оплачен .+, опоздание 18 дней/);
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-client-ru.png'), fullPage: true });
    await page.click('[data-client-view] [data-action="prepare-conversation"]');
    await page.waitForSelector('[data-assistant] [data-letter]');
    expect(await page.textContent('[data-assistant] [data-letter]')).toContain('Здравствуйте!');
    await page.click('[data-action="copy-letter"]');
    await page.waitForSelector('[data-copy-status="copied"]');
    expect(await page.textContent('[data-copy-status]')).toContain('Скопировано');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^Тема: /);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-assistant-ru.png') });
    await page.close();
  });
});

async function listedRowsWhenReady(page: Page) {
  await waitForRows(page, (names) => names.length >= 5, 'the list');
  return listedRows(page);
}
