import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientKey } from '../../lib/identity';
import type { ClientRef } from '../../lib/model';
import { startFixtureServer } from '../fixtures/server';
import { type ChromiumSession, launchChromium, newestTabId, ROOT, sessionTabRow, storeRows, waitFor } from './browsers';

/*
 * Issue 10 and 11 in real Chromium: an export imported through the options page (preview, a
 * column remapped, imported; the popup of a client page then shows the imported history; a second
 * import changes no row count), and a page taught by clicking through the picker (in a closed
 * shadow root, so driven by the mouse at positions the DevTools protocol gives), whose second
 * page is then read with the taught profile.
 */

const SHOTS = path.join(ROOT, 'test-output/screenshots');
const EXPORT_FILE = path.join(ROOT, 'tests/fixtures/exports/preamble.csv');

let server: Awaited<ReturnType<typeof startFixtureServer>>;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.close();
});

type TabRowSeen = Awaited<ReturnType<typeof sessionTabRow>> & { readBy?: string };

function tabRow(session: ChromiumSession, tabId: number): Promise<TabRowSeen | null> {
  return session.worker.evaluate(sessionTabRow, tabId) as Promise<TabRowSeen | null>;
}

async function visit(session: ChromiumSession, file: string): Promise<{ page: Page; tabId: number }> {
  const page = await session.context.newPage();
  // Tall enough that the picker's panel (fixed at the bottom right) covers none of the list's first row.
  await page.setViewportSize({ width: 1400, height: 1400 });
  const url = `${server.url}/${file}`;
  const started = new Date().toISOString();
  await page.goto(url);
  const tabId = await newestTabId(session, url);
  await waitFor(() => tabRow(session, tabId), (row) => row !== null && row.url === url && row.at > started, `a read of ${url}`);
  return { page, tabId };
}

async function openPopup(session: ChromiumSession, tabId: number): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

async function rowCounts(extensionPage: Page): Promise<Record<string, number>> {
  const tables = ['clients', 'invoices', 'tickets', 'changes', 'counts'];
  const counts = await Promise.all(tables.map(async (table) => (await extensionPage.evaluate(storeRows, table)).length));
  return Object.fromEntries(tables.map((table, i) => [table, counts[i]!]));
}

function expectedClients(file: string): string[] {
  const expected = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/teach', file), 'utf8')) as { observations: { client: ClientRef }[] };
  return [...new Set(expected.observations.map((observation) => clientKey(observation.client)))].sort();
}

// ——— The picker, in a closed shadow root: seen through the DevTools protocol's pierced DOM ———

type DomNode = { backendNodeId: number; nodeName: string; nodeValue?: string; attributes?: string[]; children?: DomNode[]; shadowRoots?: DomNode[] };
type PickerView = { prompt: string; summary: string; actions: Map<string, { node: DomNode; disabled: boolean }> };

function attr(node: DomNode, name: string): string | undefined {
  const list = node.attributes ?? [];
  for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1];
  return undefined;
}

function* walk(node: DomNode): Generator<DomNode> {
  yield node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) yield* walk(child);
}

function textIn(node: DomNode): string {
  return [...walk(node)].filter((n) => n.nodeName === '#text').map((n) => n.nodeValue ?? '').join('');
}

/** What the picker shows now, or null when it is not open. */
async function pickerView(cdp: CDPSession): Promise<PickerView | null> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const host = [...walk(root)].find((node) => node.nodeName === 'CLIENT-SIGNALS-PICKER');
  const shadow = host?.shadowRoots?.[0];
  if (!shadow) return null;
  const nodes = [...walk(shadow)];
  const byClass = (name: string) => nodes.find((node) => attr(node, 'class') === name);
  const actions = new Map<string, { node: DomNode; disabled: boolean }>();
  for (const node of nodes) {
    const action = node.nodeName === 'BUTTON' ? attr(node, 'data-action') : undefined;
    if (action) actions.set(action, { node, disabled: attr(node, 'disabled') !== undefined });
  }
  const summary = byClass('preview');
  return { prompt: textIn(byClass('prompt') ?? shadow), summary: summary ? textIn(summary) : '', actions };
}

async function clickNode(page: Page, cdp: CDPSession, node: DomNode): Promise<void> {
  const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendNodeId })) as { model: { content: number[] } };
  const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
  await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
}

/** Clicks one of the picker's buttons and waits until its prompt moves on. */
async function pickerButton(page: Page, cdp: CDPSession, action: string): Promise<PickerView> {
  const before = await waitFor(() => pickerView(cdp), (view) => view?.actions.has(action) === true && !view.actions.get(action)!.disabled, `the picker's ${action} button`);
  await clickNode(page, cdp, before!.actions.get(action)!.node);
  if (action === 'save' || action === 'cancel') return before!;
  return (await waitFor(() => pickerView(cdp), (view) => view !== null && view.prompt !== before!.prompt, `the picker to move on from "${before!.prompt}"`))!;
}

/** Clicks an element of the page while the picker is open, and waits until the picker's prompt moves on. */
async function pickOnPage(page: Page, cdp: CDPSession, selector: string): Promise<PickerView> {
  const before = (await pickerView(cdp))!;
  const box = (await page.locator(selector).first().boundingBox())!;
  await page.mouse.click(box.x + Math.min(box.width / 2, 20), box.y + box.height / 2);
  return (await waitFor(() => pickerView(cdp), (view) => view !== null && view.prompt !== before.prompt, `the picker to take ${selector}`))!;
}

/** Presses "Teach this page" in the popup for that tab, and waits for the picker in the page. */
async function startTeaching(session: ChromiumSession, tabId: number, cdp: CDPSession): Promise<PickerView> {
  const popup = await openPopup(session, tabId);
  await popup.click('button[data-action="teach"]');
  const view = await waitFor(() => pickerView(cdp), (found) => found !== null, 'the picker in the page');
  if (!popup.isClosed()) await popup.close();
  return view!;
}

const CELL = (index: number) => `main .css-r0w9a1 >> nth=0 >> .css-c3l1a0 >> nth=${index}`;

describe('Chromium: importing history and teaching a page', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('imports an export through the options page; the popup of a client page shows the imported history; a second import changes nothing', async () => {
    const options = await session.context.newPage();
    await options.setViewportSize({ width: 1000, height: 1400 });
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const section = options.locator('[data-section="import"]');
    await section.waitFor();

    await options.setInputFiles('input[type=file][name="import-file"]', EXPORT_FILE);
    await options.locator('[data-import-count="invoices"]', { hasText: '4 invoices' }).waitFor();
    expect(await options.locator('[data-import-count="clients"]').textContent()).toBe('3 clients');
    expect(await options.locator('[data-import-column]').evaluateAll((selects) => selects.map((s) => (s as HTMLSelectElement).value))).toEqual([
      'number',
      'client',
      'issued',
      'due',
      'amount',
      'balance',
    ]);

    // The issue date is remapped to nothing: the file is read again, and the preview loses it.
    await options.selectOption('[data-import-column="2"]', 'ignore');
    await waitFor(() => options.locator('[data-import-preview] tbody tr >> nth=0 >> td >> nth=2').textContent(), (issued) => issued === '', 'the preview without issue dates');
    expect(await options.locator('[data-import-column="2"]').inputValue()).toBe('ignore');
    expect(await options.locator('[data-import-count="invoices"]').textContent()).toBe('4 invoices');

    await options.fill('input[name="import-source"]', '127.0.0.1');
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: path.join(SHOTS, 'options-import-en.png') });
    await options.click('button[data-action="import"]');
    await options.locator('[data-import-result="ok"]').waitFor();
    expect(await options.locator('[data-import-result]').textContent()).toBe('Imported 4 records for 3 clients.');
    const afterFirst = await rowCounts(options);
    expect(afterFirst.invoices).toBe(4);

    // Initech's page shows only the invoice it paid; its unpaid one is known from the import.
    const { tabId } = await visit(session, 'e2e/imported-client.html');
    const popup = await openPopup(session, tabId);
    await popup.locator('section[data-client-name="Initech"]').waitFor();
    const late = popup.locator('[data-criterion="late-payment"][data-status="met"]');
    await late.waitFor();
    await late.locator('button').first().click();
    await late.locator('text=INV-2026-002').first().waitFor();
    expect(await popup.locator('[data-read-by]').getAttribute('data-read-by')).toBe('generic');
    await popup.screenshot({ path: path.join(SHOTS, 'popup-imported-read-by-en.png') });
    const afterPage = await rowCounts(options);
    // The page's invoice has the import's natural key (source + number): still one invoice.
    expect(afterPage.invoices).toBe(4);

    // The same file again: the host seen is offered, and nothing changes.
    await options.setInputFiles('input[type=file][name="import-file"]', EXPORT_FILE);
    await options.locator('[data-import-count="invoices"]', { hasText: '4 invoices' }).waitFor();
    expect(await options.locator('select[name="import-source-seen"]').inputValue()).toBe('127.0.0.1');
    await options.click('button[data-action="import"]');
    await options.locator('[data-import-result="ok"]').waitFor();
    expect(await rowCounts(options)).toEqual(afterPage);
  });

  it('teaches a page by clicking through the picker; the page and its second page are read with the taught profile', async () => {
    const { page, tabId } = await visit(session, 'teach/invoices-page1.html');
    const cdp = await session.context.newCDPSession(page);

    let view = await startTeaching(session, tabId, cdp);
    expect([...view.actions.keys()]).toEqual(expect.arrayContaining(['kind-invoice', 'kind-ticket', 'save', 'cancel']));
    view = await pickerButton(page, cdp, 'kind-invoice');
    view = await pickOnPage(page, cdp, CELL(1));
    expect(view.actions.has('skip')).toBe(true);
    // client, number, issued, due, paid, amount, status: one cell each, at the value's element.
    for (const [index, inner] of [
      [0, ' a'],
      [1, ' span'],
      [2, ' span'],
      [3, ' time'],
      [4, ' span'],
      [5, ''],
      [6, ' [role=img]'],
    ] as const) {
      view = await pickOnPage(page, cdp, `${CELL(index)}${inner ? ` >>${inner}` : ''}`);
    }
    expect(view.actions.get('save')?.disabled).toBe(false);
    expect(view.summary).toMatch(/\d/);
    await page.screenshot({ path: path.join(SHOTS, 'picker-en.png') });

    const before = await tabRow(session, tabId);
    await pickerButton(page, cdp, 'save');
    await waitFor(() => pickerView(cdp), (found) => found === null, 'the picker to close');
    const taught = await waitFor(() => tabRow(session, tabId), (row) => row?.readBy === 'profile' && row.at > (before?.at ?? ''), 'the page read with the taught profile');
    expect([...taught!.clientKeys].sort()).toEqual(expectedClients('invoices-page1.expected.json'));
    const profiles = (await session.worker.evaluate(() => chrome.storage.local.get('profiles'))) as { profiles?: { pathPattern: string }[] };
    expect(profiles.profiles?.map((profile) => profile.pathPattern)).toEqual(['/teach/*']);

    const popup = await openPopup(session, tabId);
    await popup.locator('[data-read-by="profile"]').waitFor();
    expect(await popup.locator('[data-read-by] .read-by__line').textContent()).toBe('Read by: your taught profile');
    await popup.screenshot({ path: path.join(SHOTS, 'popup-read-by-profile-en.png') });

    // The second page of the same list: read with the taught profile, and its badge follows.
    const second = await visit(session, 'teach/invoices-page2.html');
    const row = await waitFor(() => tabRow(session, second.tabId), (found) => found?.readBy === 'profile', 'page 2 read with the taught profile');
    expect([...row!.clientKeys].sort()).toEqual(expectedClients('invoices-page2.expected.json'));
    const badge = await waitFor(() => session.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), second.tabId), (text) => /^\d+$/.test(text), 'the badge of page 2');
    expect(Number(badge)).toBeGreaterThanOrEqual(0);

    const options = await session.context.newPage();
    await options.setViewportSize({ width: 1000, height: 900 });
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.locator('[data-section="profiles"] [data-profile]').first().waitFor();
    expect(await options.locator('[data-profile]').count()).toBe(1);
  });
});

describe('Chromium in Russian: the picker and the Read-by line', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium({ locale: 'ru-RU' });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('opens the picker in Russian from «Научить эту страницу»', async () => {
    const { page, tabId } = await visit(session, 'teach/invoices-page1.html');
    const cdp = await session.context.newCDPSession(page);

    const popup = await openPopup(session, tabId);
    const teach = popup.locator('button[data-action="teach"]');
    await teach.waitFor();
    expect(await teach.textContent()).toBe('Научить эту страницу');
    expect(await popup.locator('[data-read-by] .read-by__line').textContent()).toMatch(/^Прочитано: /);
    await popup.screenshot({ path: path.join(SHOTS, 'popup-read-by-ru.png') });

    await teach.click();
    let view = await waitFor(() => pickerView(cdp), (found) => found !== null, 'the picker in the page');
    view = await pickerButton(page, cdp, 'kind-invoice');
    view = await pickOnPage(page, cdp, CELL(1));
    view = await pickOnPage(page, cdp, `${CELL(0)} >> a`);
    view = await pickOnPage(page, cdp, `${CELL(1)} >> span`);
    expect(view.prompt).toMatch(/[а-яё]/i);
    await page.screenshot({ path: path.join(SHOTS, 'picker-ru.png') });
    await page.keyboard.press('Escape');
    await waitFor(() => pickerView(cdp), (found) => found === null, 'the picker to close on Esc');
  });
});
