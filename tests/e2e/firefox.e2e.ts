import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer } from '../fixtures/server';
import { launchFirefox, popupStatuses, ROOT, sessionTabRow, storeRows, waitFor, type FirefoxSession } from './browsers';

const SHOTS = path.join(ROOT, 'test-output/screenshots');
const AMBER = [217, 119, 6, 255];
const NEUTRAL = [107, 114, 128, 255];

let session: FirefoxSession;
let server: Awaited<ReturnType<typeof startFixtureServer>>;
/** An extension page kept open to query tabs, badges and IndexedDB with the extension's rights. */
let probe: Page;

/** The promise-based `browser` of a Firefox extension page (what the evaluated functions use). */
type FirefoxApi = {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  browserAction: {
    getBadgeText(d: { tabId: number }): Promise<string>;
    getBadgeBackgroundColor(d: { tabId: number }): Promise<number[]>;
    getTitle(d: { tabId: number }): Promise<string>;
  };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startFixtureServer();
  session = await launchFirefox();
  probe = await openExtensionPage('popup.html?tab=0');
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

/** BiDi never reports an extension page as loaded: navigate without waiting, then wait for the DOM. */
async function openExtensionPage(file: string): Promise<Page> {
  const page = await session.browser.newPage();
  page.goto(`${session.base}/${file}`).catch(() => {});
  // Polled with errors tolerated: while the page swaps realms a BiDi evaluate can fail outright.
  await waitFor(
    () => page.evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete' && 'browser' in globalThis),
    (ready) => ready,
    `${file} to load`,
    20_000,
  );
  return page;
}

async function tabIdOf(url: string): Promise<number> {
  // The newest tab at that address: earlier tests may have left others open there.
  const newest = async (u: string) => Math.max(-1, ...(await (globalThis as unknown as { browser: FirefoxApi }).browser.tabs.query({})).filter((t) => t.url === u).map((t) => t.id ?? -1));
  return waitFor(() => probe.evaluate(newest, url), (id) => id > 0, `a tab at ${url}`);
}

type BadgeState = { text: string; color: number[]; title: string };
async function badge(tabId: number): Promise<BadgeState> {
  return probe.evaluate(async (id) => {
    const action = (globalThis as unknown as { browser: FirefoxApi }).browser.browserAction;
    const [text, color, title] = await Promise.all([action.getBadgeText({ tabId: id }), action.getBadgeBackgroundColor({ tabId: id }), action.getTitle({ tabId: id })]);
    return { text, color: [...color], title };
  }, tabId);
}

/** Waits until the background has stored a read of this tab at `url` made after `after` (ISO instant). */
async function reported(tabId: number, url: string, after: string) {
  return waitFor(() => probe.evaluate(sessionTabRow, tabId), (row) => row !== null && row.url === url && row.at > after, `a read of ${url} after ${after}`, 20_000);
}

/** Opens a fixture page and waits until the reader has reported it. */
async function visit(file: string): Promise<{ page: Page; tabId: number; at: string }> {
  const page = await session.browser.newPage();
  const url = `${server.url}/${file}`;
  const started = new Date().toISOString();
  await page.goto(url);
  const tabId = await tabIdOf(url);
  return { page, tabId, at: (await reported(tabId, url, started))!.at };
}

async function statuses(popup: Page): Promise<Record<string, string>> {
  await popup.waitForSelector('[data-criterion]', { timeout: 20_000 });
  return popup.evaluate(popupStatuses);
}

async function countRows(table: string): Promise<number> {
  return (await probe.evaluate(storeRows, table)).length;
}

describe('Firefox: the extension on real pages', () => {
  it('flags a late client: badge 1 in amber, late-payment met in the popup', async () => {
    const { tabId } = await visit('e2e/late-client.html');
    const state = await waitFor(() => badge(tabId), (b) => b.text !== '', 'the badge of the late client', 20_000);
    expect(state.text).toBe('1');
    expect(state.color).toEqual(AMBER);
    const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
    const rows = await statuses(popup);
    expect(rows['late-payment']).toBe('met');
    expect(Object.keys(rows)).toHaveLength(8);
    await popup.setViewport({ width: 420, height: 600 });
    await popup.screenshot({ path: path.join(SHOTS, 'firefox-popup-late-client.png'), fullPage: true });
    await popup.close();
  });

  it('shows 0 in neutral grey for a client who pays on time', async () => {
    const { tabId } = await visit('e2e/ontime-client.html');
    const state = await waitFor(() => badge(tabId), (b) => b.text !== '', 'the badge of the on-time client', 20_000);
    expect(state).toMatchObject({ text: '0', color: NEUTRAL });
    const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
    expect((await statuses(popup))['late-payment']).toBe('clear');
    await popup.close();
  });

  it('shows no badge on a page with no client', async () => {
    const { tabId } = await visit('e2e/no-client.html');
    const state = await waitFor(() => badge(tabId), (b) => /no client/i.test(b.title), 'the no-client title', 20_000);
    expect(state.text).toBe('');
  });

  it('stores the same invoice visited twice once', async () => {
    const { page, tabId, at } = await visit('e2e/late-client.html');
    await waitFor(() => badge(tabId), (b) => b.text === '1', 'the badge', 20_000);
    const numbers = async () => ((await probe.evaluate(storeRows, 'invoices')) as { number: string }[]).map((row) => row.number).filter((n) => n.startsWith('LT-')).sort();
    const before = await numbers();
    expect(before).toEqual(['LT-101', 'LT-102', 'LT-103']);
    await page.reload();
    // This tab's row is written again only once the reloaded page has been read and stored.
    await reported(tabId, page.url(), at);
    await waitFor(() => badge(tabId), (b) => b.text === '1', 'the badge after reload', 20_000);
    expect(await numbers()).toEqual(before);
  });

  it('refuses a forged or oversized message and changes nothing', async () => {
    const tables = ['invoices', 'clients', 'tickets', 'changes', 'notes'];
    const before = await Promise.all(tables.map(countRows));
    const replies = await probe.evaluate(async () => {
      const send = (data: unknown, type = 'pageRead') => (globalThis as unknown as { browser: FirefoxApi }).browser.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() });
      const forgedInvoice = { kind: 'invoice', client: { name: '<img src=x onerror=alert(1)>' }, number: 'X-1', due: '2026-02-31' };
      return Promise.all([
        send({ url: 'https://crm.example/', extract: { observations: [forgedInvoice], warnings: [] } }),
        send({ url: 'https://crm.example/', extract: { observations: [], warnings: [] }, padding: 'x'.repeat(2_100_000) }),
        send({ id: 'not-a-number' }, 'deleteNote'),
      ]);
    });
    for (const reply of replies) expect(reply).toMatchObject({ res: { ok: false } });
    expect(await Promise.all(tables.map(countRows))).toEqual(before);
  });
});
