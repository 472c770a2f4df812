import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { startFixtureServer } from '../fixtures/server';
import { type ChromiumSession, launchChromium, newestTabId, popupStatuses, ROOT, sessionTabRow, storeRows, waitFor } from './browsers';

const SHOTS = path.join(ROOT, 'test-output/screenshots');
const AMBER = [217, 119, 6, 255];
const NEUTRAL = [107, 114, 128, 255];

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

type BadgeState = { text: string; color: number[]; title: string };
async function badge(tabId: number): Promise<BadgeState> {
  return session.worker.evaluate(async (id) => {
    const [text, color, title] = await Promise.all([
      chrome.action.getBadgeText({ tabId: id }),
      chrome.action.getBadgeBackgroundColor({ tabId: id }),
      chrome.action.getTitle({ tabId: id }),
    ]);
    return { text, color: [...color], title };
  }, tabId);
}

/** Waits until the background has stored a read of this tab at `url` made after `after` (ISO instant). */
async function reported(tabId: number, url: string, after: string) {
  return waitFor(() => session.worker.evaluate(sessionTabRow, tabId), (row) => row !== null && row.url === url && row.at > after, `a read of ${url} after ${after}`);
}

/** Opens a fixture page and waits until the reader has reported it. */
async function visit(file: string): Promise<{ page: Page; tabId: number; at: string }> {
  const page = await session.context.newPage();
  const url = `${server.url}/${file}`;
  const started = new Date().toISOString();
  await page.goto(url);
  const tabId = await newestTabId(session, url);
  const row = await reported(tabId, url, started);
  return { page, tabId, at: row!.at };
}

async function openPopup(tabId: number): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

async function statuses(popup: Page): Promise<Record<string, string>> {
  await popup.waitForSelector('[data-criterion]');
  return popup.evaluate(popupStatuses);
}

async function countRows(extensionPage: Page, table: string): Promise<number> {
  return (await extensionPage.evaluate(storeRows, table)).length;
}

describe('Chromium: the extension on real pages', () => {
  it('flags a late client: badge 1 in amber, late-payment met in the popup', async () => {
    const { tabId } = await visit('e2e/late-client.html');
    const state = await waitFor(() => badge(tabId), (b) => b.text !== '', 'the badge of the late client');
    expect(state.text).toBe('1');
    expect(state.color).toEqual(AMBER);
    expect(state.title).toContain('Latecomer Ltd');
    const popup = await openPopup(tabId);
    const rows = await statuses(popup);
    expect(rows['late-payment']).toBe('met');
    expect(Object.keys(rows)).toHaveLength(8);
    expect(await popup.getAttribute('[data-criterion="late-payment"]', 'data-client-name')).toBe('Latecomer Ltd');
    await popup.click('[data-criterion="late-payment"] .criterion__head');
    await popup.waitForSelector('[data-criterion="late-payment"] .evidence__item');
    expect(await popup.locator('[data-criterion="late-payment"] .evidence__item').count()).toBe(3);
    // Readable text: Chrome's own stylesheet shrinks an extension page's body to 75 % unless we set it.
    expect(await popup.$eval('[data-criterion="late-payment"] .criterion__summary', (el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(12);
    await popup.screenshot({ path: path.join(SHOTS, 'popup-late-client-en.png'), fullPage: true });
    await popup.close();
  });

  it('shows 0 in neutral grey for a client who pays on time', async () => {
    const { tabId } = await visit('e2e/ontime-client.html');
    const state = await waitFor(() => badge(tabId), (b) => b.text !== '', 'the badge of the on-time client');
    expect(state).toMatchObject({ text: '0', color: NEUTRAL });
    const popup = await openPopup(tabId);
    expect((await statuses(popup))['late-payment']).toBe('clear');
    await popup.close();
  });

  it('shows no badge and an explanation on a page with no client', async () => {
    const { tabId } = await visit('e2e/no-client.html');
    const state = await waitFor(() => badge(tabId), (b) => /no client/i.test(b.title), 'the no-client title');
    expect(state.text).toBe('');
    const popup = await openPopup(tabId);
    await popup.waitForSelector('[data-empty="no-client"]');
    expect(await popup.locator('[data-criterion]').count()).toBe(0);
    await popup.screenshot({ path: path.join(SHOTS, 'popup-no-client-en.png'), fullPage: true });
    await popup.close();
  });

  it('stores the same invoice visited twice once', async () => {
    const { page, tabId, at } = await visit('e2e/late-client.html');
    await waitFor(() => badge(tabId), (b) => b.text === '1', 'the badge');
    const popup = await openPopup(tabId);
    const numbers = async () => ((await popup.evaluate(storeRows, 'invoices')) as { number: string }[]).map((row) => row.number).filter((n) => n.startsWith('LT-')).sort();
    const before = await numbers();
    expect(before).toEqual(['LT-101', 'LT-102', 'LT-103']);
    await page.reload();
    // This tab's row is written again only once the reloaded page has been read and stored.
    await reported(tabId, page.url(), at);
    await waitFor(() => badge(tabId), (b) => b.text === '1', 'the badge after reload');
    expect(await numbers()).toEqual(before);
    await popup.close();
  });

  it('refuses a forged or oversized message and changes nothing', async () => {
    const { tabId } = await visit('e2e/late-client.html');
    await waitFor(() => badge(tabId), (b) => b.text === '1', 'the badge');
    const popup = await openPopup(tabId);
    const tables = ['invoices', 'clients', 'tickets', 'changes', 'notes'];
    const before = await Promise.all(tables.map((t) => countRows(popup, t)));
    const replies = await popup.evaluate(async () => {
      const send = (data: unknown, type = 'pageRead') => chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() });
      const forgedInvoice = { kind: 'invoice', client: { name: '<img src=x onerror=alert(1)>' }, number: 'X-1', due: '2026-02-31' };
      return Promise.all([
        send({ url: location.href, extract: { observations: [forgedInvoice], warnings: [] } }),
        send({ url: 'https://evil.example/', extract: { observations: [{ ...forgedInvoice, due: '2026-01-01', extra: 'field' }], warnings: [] } }),
        send({ url: 'https://crm.example/', extract: { observations: [], warnings: [] }, padding: 'x'.repeat(2_100_000) }),
        send('just a string'),
        send({ id: 'not-a-number' }, 'deleteNote'),
      ]);
    });
    for (const reply of replies) expect(reply).toMatchObject({ res: { ok: false } });
    expect(await Promise.all(tables.map((t) => countRows(popup, t)))).toEqual(before);
    expect((await badge(tabId)).text).toBe('1');
    await popup.close();
  });

  it('notes update the verdicts at once: three "rude" notes make disrespect met (badge 2), deleting one brings it back', async () => {
    const { tabId } = await visit('e2e/late-client.html');
    await waitFor(() => badge(tabId), (b) => b.text === '1', 'the badge');
    const popup = await openPopup(tabId);
    await statuses(popup);
    for (let i = 0; i < 3; i++) {
      await popup.click('button[data-note-kind="incident"]');
      await popup.waitForFunction((n) => document.querySelectorAll('.note[data-note-kind="incident"]').length === n, i + 1);
    }
    await popup.waitForSelector('[data-criterion="disrespect"][data-status="met"]');
    expect((await waitFor(() => badge(tabId), (b) => b.text === '2', 'the badge after three notes')).color).toEqual(AMBER);
    await popup.screenshot({ path: path.join(SHOTS, 'popup-notes-en.png'), fullPage: true });
    await popup.click('.note[data-note-kind="incident"] .link--danger');
    await popup.waitForSelector('[data-criterion="disrespect"][data-status="watch"]');
    await waitFor(() => badge(tabId), (b) => b.text === '1', 'the badge after deleting a note');
    await popup.close();
  });

  it('an edited threshold in the options page changes the verdict in the popup', async () => {
    const { tabId } = await visit('e2e/late-client.html');
    const popup = await openPopup(tabId);
    await popup.waitForSelector('[data-criterion="late-payment"][data-status="met"]');
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    // LT-103 is 40 days overdue, the others 25 and 20 days late: with 60 days for "overdue" and
    // 30 for "late", exactly one invoice is late, which is "watch".
    await options.fill('[name="latePayment.overdueDays"]', '60');
    await options.fill('[name="latePayment.lateDays"]', '30');
    await options.click('button[type=submit]');
    await options.waitForSelector('.save-status[data-status="saved"]');
    await popup.waitForSelector('[data-criterion="late-payment"][data-status="watch"]');
    // A refused value keeps the old one.
    await options.fill('[name="latePayment.lateDays"]', '-5');
    await options.click('button[type=submit]');
    await options.waitForSelector('.field-error');
    await options.screenshot({ path: path.join(SHOTS, 'options-error-en.png') });
    await options.close();
    expect((await statuses(popup))['late-payment']).toBe('watch');
    await popup.close();
    // Back to defaults for the tests that follow.
    const restore = await session.context.newPage();
    await restore.goto(`chrome-extension://${session.extensionId}/options.html`);
    await restore.evaluate(() => chrome.storage.local.remove('settings'));
    await restore.close();
  });

  it('reads a single-page app again after each redraw and page change, storing nothing twice', async () => {
    const { page, tabId } = await visit('e2e/spa.html');
    const probe = await openPopup(tabId);
    const invoicesOf = async () =>
      ((await probe.evaluate(storeRows, 'invoices')) as { number: string; amount?: number }[])
        .filter((row) => row.number.startsWith('S-'))
        .map((row) => row.number)
        .sort();
    // The app draws its table a moment after load: wait for this app's own rows.
    expect(await waitFor(invoicesOf, (numbers) => numbers.length === 3, 'page 1 of the app')).toEqual(['S-1', 'S-2', 'S-3']);
    await page.click('#next');
    await waitFor(invoicesOf, (numbers) => numbers.length === 6, 'page 2 of the app');
    // Page 2 lists Contoso (on time), Fabrikam and Initech (both 30+ days overdue).
    await waitFor(() => badge(tabId), (b) => b.text === '2' && /2 of 3 listed clients/.test(b.title), 'the badge of page 2');
    await page.click('#prev');
    // "Refresh" redraws page 1 with S-3 re-priced: the redraw is read when that change is stored.
    await page.click('#redraw');
    const s3Changes = async () => ((await probe.evaluate(storeRows, 'changes')) as { id: string; field: string }[]).filter((c) => c.id === 'S-3' && c.field === 'amount').length;
    await waitFor(s3Changes, (n) => n === 1, 'the redraw of page 1 to be read');
    expect(await invoicesOf()).toEqual(['S-1', 'S-2', 'S-3', 'S-4', 'S-5', 'S-6']);
    // The badge follows the app: page 1 lists Northwind (paid 20 and 30 days late: met) and Contoso (on time).
    const state = await waitFor(() => badge(tabId), (b) => /of 2 listed clients/.test(b.title), 'the badge of page 1 again');
    expect(state).toMatchObject({ text: '1', color: AMBER });
    expect(state.title).toMatch(/1 of 2 listed clients/);
    await probe.close();
  });
});

describe('Chromium: messages by direction', () => {
  it('refuses commands sent from a content script (deleteNote, importBackup) and changes nothing', async () => {
    const { page, tabId } = await visit('e2e/late-client.html');
    const popup = await openPopup(tabId);
    await statuses(popup);
    const notesBefore = ((await popup.evaluate(storeRows, 'notes')) as unknown[]).length;
    await popup.click('button[data-note-kind="advice"]');
    await popup.waitForFunction((n) => document.querySelectorAll('.note').length > n, notesBefore);
    const notes = (await popup.evaluate(storeRows, 'notes')) as { id: number }[];
    const noteId = Math.max(...notes.map((note) => note.id));
    const tables = ['invoices', 'clients', 'tickets', 'changes', 'notes', 'merges'];
    const before = await Promise.all(tables.map((t) => countRows(popup, t)));
    // A valid backup of an empty store: were it accepted, it would wipe everything.
    const wipe = JSON.stringify({ format: 'client-signals-backup', version: 1, exportedAt: new Date().toISOString(), settings: DEFAULT_SETTINGS, data: { clients: [], invoices: [], tickets: [], counts: [], changes: [], notes: [], merges: [] } });

    // Run the forged calls inside our own content script's world in that tab (its isolated world).
    const cdp = await session.context.newCDPSession(page);
    const worlds: { id: number; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
    await cdp.send('Runtime.enable');
    const contentWorld = await waitFor(
      async () => {
        for (const world of worlds.filter((w) => w.auxData?.type === 'isolated')) {
          const { result } = await cdp.send('Runtime.evaluate', { contextId: world.id, expression: 'globalThis.chrome?.runtime?.id ?? null', returnByValue: true });
          if (result.value === session.extensionId) return world.id;
        }
        return -1;
      },
      (id) => id > 0,
      'the content script world',
    );
    const { result } = await cdp.send('Runtime.evaluate', {
      contextId: contentWorld,
      awaitPromise: true,
      returnByValue: true,
      expression: `Promise.all([
        chrome.runtime.sendMessage({ id: 1, type: 'deleteNote', data: { id: ${noteId} }, timestamp: Date.now() }),
        chrome.runtime.sendMessage({ id: 2, type: 'importBackup', data: { json: ${JSON.stringify(wipe)} }, timestamp: Date.now() }),
        chrome.runtime.sendMessage({ id: 3, type: 'disableSite', data: { origin: location.origin }, timestamp: Date.now() }),
      ])`,
    });
    const replies = result.value as { res: { ok: boolean; error?: string } }[];
    expect(replies).toHaveLength(3);
    for (const reply of replies) expect(reply.res).toMatchObject({ ok: false, error: expect.stringMatching(/own pages/) });
    expect(await Promise.all(tables.map((t) => countRows(popup, t)))).toEqual(before);
    expect(((await popup.evaluate(storeRows, 'notes')) as { id: number }[]).some((note) => note.id === noteId)).toBe(true);
    expect(await session.worker.evaluate(() => chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }))).toBe(true);
    await cdp.detach();
    await popup.close();
  });
});

describe('Chromium: one client under two names', () => {
  it('ties two clients by hand in the options page and undoes it; the badge follows', async () => {
    await visit('e2e/late-client.html');
    const { tabId } = await visit('e2e/ontime-client.html');
    await waitFor(() => badge(tabId), (b) => b.text === '0', 'the on-time badge');
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    // Each client is found by typing part of its name, and chosen from the matches.
    await options.fill('input[name="merge-a"]', 'latecomer');
    await options.click('[role=option][data-client-key="latecomer"]');
    await options.fill('input[name="merge-b"]', 'punct');
    await options.keyboard.press('ArrowDown');
    await options.keyboard.press('ArrowUp');
    await options.keyboard.press('Enter');
    expect(await options.inputValue('input[name="merge-b"]')).toBe('Punctual Partners LLC');
    await options.click('[data-section="merges"] button[type=submit]');
    await options.waitForSelector('[data-merge="latecomer|punctual partners"]');
    // The on-time page now shows the tied client, who pays late.
    await waitFor(() => badge(tabId), (b) => b.text === '1', 'the badge of the tied client');
    const popup = await openPopup(tabId);
    await popup.waitForSelector('[data-client-name="Latecomer Ltd"] [data-criterion="late-payment"][data-status="met"]');
    await options.click('[data-merge="latecomer|punctual partners"] button');
    await waitFor(() => badge(tabId), (b) => b.text === '0', 'the badge after undo');
    await popup.waitForSelector('[data-client-name="Punctual Partners LLC"]');
    await options.screenshot({ path: path.join(SHOTS, 'options-en.png'), fullPage: true });
    await popup.close();
    await options.close();
  });
});

describe('Chromium: hostile pages', () => {
  it('renders script-like client names as text and keeps invalid dates out', async () => {
    const { tabId } = await visit('e2e/hostile.html');
    await waitFor(() => badge(tabId), (b) => b.text !== '', 'the badge of the hostile page');
    const popup = await openPopup(tabId);
    await popup.waitForSelector('[data-client-name]');
    const names = await popup.$$eval('[data-client-name]', (cards) => cards.map((card) => card.getAttribute('data-client-name')));
    expect(names).toContain('<img src=x onerror="document.title=\'pwned\'">');
    expect(names).toContain('__proto__');
    // Shown as text: no element was made from the name, no handler ran.
    expect(await popup.locator('main img, main script').count()).toBe(0);
    expect(await popup.title()).not.toBe('pwned');
    const warnings = (await popup.evaluate(sessionTabRow, tabId))!.warnings;
    expect(warnings.join(' ')).toMatch(/31\.02\.2026|13\/45\/2026/);
    await popup.screenshot({ path: path.join(SHOTS, 'popup-hostile-en.png'), fullPage: true });
    await popup.close();
  });
});

describe('Chromium in Russian', () => {
  let ru: ChromiumSession;
  beforeAll(async () => {
    ru = await launchChromium({ locale: 'ru-RU' });
  });
  afterAll(async () => {
    await ru?.close();
  });

  it('shows the popup and the options page in Russian', async () => {
    const page = await ru.context.newPage();
    const url = `${server.url}/demo/invoices-ru.html`;
    await page.goto(url);
    const tabId = await waitFor(() => ru.worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1, url), (id) => id > 0, 'the tab');
    await waitFor(() => ru.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId), (text) => text !== '', 'the badge');
    const popup = await ru.context.newPage();
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.goto(`chrome-extension://${ru.extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('[data-client-name]');
    await popup.click('.client__toggle');
    await popup.waitForSelector('[data-criterion]');
    expect(await popup.textContent('[data-criterion="late-payment"] .criterion__title')).toBe('Платит с опозданием');
    await popup.screenshot({ path: path.join(SHOTS, 'popup-list-ru.png'), fullPage: true });
    const options = await ru.context.newPage();
    await options.goto(`chrome-extension://${ru.extensionId}/options.html`);
    await options.waitForSelector('[data-section="sites"]');
    expect(await options.textContent('h1')).toContain('настройки');
    await options.screenshot({ path: path.join(SHOTS, 'options-ru.png'), fullPage: true });
    await popup.close();
    await options.close();
  });
});
