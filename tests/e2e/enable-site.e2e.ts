import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import puppeteer, { type Browser, type Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer } from '../fixtures/server';
import { CHROME_RELEASE, CHROMIUM_ARGS, CHROMIUM_PATH, FIREFOX_PATH, FIREFOX_RELEASE, FIREFOX_UUID, GECKO_ID, popupStatuses, requireBuild, ROOT, sessionTabRow, storeRows, waitFor } from './browsers';
import { startDisplay, type Display } from './display';

/*
 * "Enable on this site" as a user meets it, with the release build (nothing pre-granted), in a
 * real window on a real X display: the toolbar popup opened by its keyboard shortcut (a user
 * gesture, so activeTab applies), its "Enable" button pressed (Enter on the focused button in
 * Chromium, a mouse click in Firefox), and the browser's own permission prompt answered with the
 * keyboard (Chromium; Firefox is told by a pref to grant without a prompt). One site with a port (http://127.0.0.1:<port>) and one without
 * (http://localhost, port 80).
 */

const SHOTS = path.join(ROOT, 'test-output/screenshots');
/** The toolbar button's shortcut in each browser (wxt.config.ts). */
const SHORTCUT = { chromium: 'alt+shift+s', firefox: 'alt+shift+c' };
/** Where Chromium draws its permission prompt's "Allow" button in a 1200×850 window at the screen's top left. */
const ALLOW_BUTTON = { x: 795, y: 258 };

/** A light blue (an enabled Chromium button), not the grey of a disabled one. */
function isBlue(colour: string): boolean {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16)) as [number, number, number];
  return b - r > 20 && b - g > 10;
}

let display: Display;
let withPort: Awaited<ReturnType<typeof startFixtureServer>>;
let noPort: Awaited<ReturnType<typeof startFixtureServer>>;

beforeAll(async () => {
  display = await startDisplay();
  withPort = await startFixtureServer();
  noPort = await startFixtureServer({ host: 'localhost', port: 80 });
});
afterAll(async () => {
  await withPort?.close();
  await noPort?.close();
  await display?.close();
});

/** What the popup shows, read from an extension page: its address and the focused control's action. */
type PopupView = { url: string; focused?: string; enabled?: string | null; error?: string };

describe('Chromium, release build: enabling a site as a user does', () => {
  let context: BrowserContext;
  let worker: Worker;
  let probe: Page;
  let profile: string;

  beforeAll(async () => {
    requireBuild(CHROME_RELEASE);
    profile = mkdtempSync(path.join(tmpdir(), 'client-signals-enable-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: false,
      env: display.env,
      viewport: null,
      args: [...CHROMIUM_ARGS, `--disable-extensions-except=${CHROME_RELEASE}`, `--load-extension=${CHROME_RELEASE}`, '--window-size=1200,850', '--lang=en-US'],
    });
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    // An extension page kept in a background tab: it sees the popup (extension.getViews) and the store.
    probe = context.pages()[0] ?? (await context.newPage());
    await probe.goto(worker.url().replace('background.js', 'options.html'));
    expect(await worker.evaluate(() => chrome.permissions.getAll().then((all) => all.origins ?? []))).toEqual([]);
  });
  afterAll(async () => {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  const popupView = () =>
    probe.evaluate(() =>
      chrome.extension.getViews({ type: 'popup' }).map((view): PopupView => {
        const focused = view.document.activeElement as HTMLElement | null;
        return { url: view.location.href, focused: focused?.dataset.action, enabled: view.document.querySelector('[data-site-enabled]')?.getAttribute('data-site-enabled'), error: view.document.querySelector('.error')?.textContent ?? undefined };
      }),
    );
  /** The page's tab id. Before a site is enabled the extension cannot see tab addresses: take the page's tab as the active one. */
  async function tabOf(page: Page): Promise<number> {
    await page.bringToFront();
    return waitFor(() => worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1), (id) => id > 0, 'the active tab');
  }
  const badgeText = (tabId: number) => worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  const granted = (pattern: string) => worker.evaluate((p) => chrome.permissions.contains({ origins: [p] }), pattern);

  /** The toolbar popup of the page's tab, opened with the keyboard shortcut; waits until `action` has the focus. */
  async function openToolbarPopup(page: Page, action: string): Promise<void> {
    await page.bringToFront();
    await display.activate('chromium');
    await display.key(SHORTCUT.chromium);
    await waitFor(popupView, (views) => views.length === 1 && views[0]!.focused === action, `the toolbar popup with "${action}" focused`);
  }

  /** Enables the page's site through the popup, answering the browser's prompt as a user would. */
  async function enableThroughPopup(page: Page, pattern: string): Promise<void> {
    await openToolbarPopup(page, 'enable-site');
    await display.key('Return');
    // The browser's permission prompt closes the popup as it opens (so the popup's follow-up is
    // lost). Its "Allow" button starts greyed out and turns blue once it may be pressed.
    await waitFor(popupView, (views) => views.length === 0, 'the permission prompt to replace the popup');
    await waitFor(() => display.pixel(ALLOW_BUTTON.x, ALLOW_BUTTON.y), isBlue, 'the prompt\'s "Allow" to be enabled');
    // The prompt opens with "Deny" focused: Tab to "Allow", then Enter.
    await display.key('Tab', 'Return');
    await waitFor(() => granted(pattern), Boolean, `the grant of ${pattern}`);
  }

  async function visit(url: string): Promise<{ page: Page; tabId: number }> {
    const page = await context.newPage();
    await page.goto(url);
    return { page, tabId: await tabOf(page) };
  }

  it('enables a site with a port on its open page: read at once, badge and popup follow, no reload', async () => {
    const url = `${withPort.url}/e2e/late-client.html`;
    const { page, tabId } = await visit(url);
    expect(await badgeText(tabId)).toBe('');
    await enableThroughPopup(page, 'http://127.0.0.1/*');
    const row = await waitFor(() => worker.evaluate(sessionTabRow, tabId), (r) => r !== null && r.url === url, 'the open tab to be read');
    expect(row!.clientKeys).toEqual(['latecomer']);
    expect(await waitFor(() => badgeText(tabId), (text) => text !== '', 'the badge')).toBe('1');
    expect(page.url()).toBe(url);
    const popup = await context.newPage();
    await popup.goto(`${worker.url().replace('background.js', 'popup.html')}?tab=${tabId}`);
    await popup.waitForSelector('[data-criterion="late-payment"][data-status="met"]');
    expect(await popup.evaluate(popupStatuses)).toMatchObject({ 'late-payment': 'met' });
    await popup.close();
  });

  it('enables a site without a port the same way', async () => {
    const url = `${noPort.url}/e2e/ontime-client.html`;
    const { page, tabId } = await visit(url);
    await enableThroughPopup(page, 'http://localhost/*');
    await waitFor(() => worker.evaluate(sessionTabRow, tabId), (r) => r !== null && r.url === url, 'the open tab to be read');
    expect(await waitFor(() => badgeText(tabId), (text) => text !== '', 'the badge')).toBe('0');
  });

  it('disables with no error and stops recording the open tab at once; enabling again reads the page again', async () => {
    const url = `${withPort.url}/e2e/late-client.html`;
    const { page, tabId } = await visit(url);
    await waitFor(() => worker.evaluate(sessionTabRow, tabId), (r) => r !== null && r.url === url, 'the page to be read');
    const popup = await context.newPage();
    await popup.goto(`${worker.url().replace('background.js', 'popup.html')}?tab=${tabId}`);
    await popup.click('[data-action="disable-site"]');
    await popup.waitForSelector('[data-site-enabled="false"]');
    expect(await popup.locator('.error').count()).toBe(0);
    expect(await granted('http://127.0.0.1/*')).toBe(false);
    // The reader stays registered for the other site enabled (localhost), and for it only.
    expect(await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts().then((scripts) => scripts.flatMap((script) => script.matches ?? [])))).toEqual(['http://localhost/*']);
    await waitFor(() => worker.evaluate(sessionTabRow, tabId), (r) => r === null, 'the tab row to be forgotten');
    expect(await waitFor(() => badgeText(tabId), (text) => text === '', 'the badge to clear')).toBe('');

    // The reader in the open tab has stopped: nothing is left there that could record a change.
    const cdp = await context.newCDPSession(page);
    const worlds: { id: number; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context: world }) => worlds.push(world));
    await cdp.send('Runtime.enable');
    const readerState = async () => {
      for (const world of worlds.filter((w) => w.auxData?.type === 'isolated')) {
        const { result } = await cdp.send('Runtime.evaluate', { contextId: world.id, returnByValue: true, expression: `globalThis.chrome?.runtime?.id ? (globalThis[Symbol.for('client-signals.reader')] ? 'running' : 'stopped') : null` });
        if (result.value) return result.value as string;
      }
      return 'no reader world';
    };
    expect(await waitFor(readerState, (state) => state === 'stopped', 'the reader in the open tab to stop')).toBe('stopped');
    await page.evaluate(() => {
      const row = document.querySelector('tbody tr')!.cloneNode(true) as HTMLTableRowElement;
      row.cells[0]!.textContent = 'LT-104';
      document.querySelector('tbody')!.append(row);
    });
    const numbers = async () => ((await probe.evaluate(storeRows, 'invoices')) as { number: string }[]).map((r) => r.number);
    expect(await numbers()).not.toContain('LT-104');

    // Enable again (Chromium grants a site it granted before without a prompt): the open page is read again, its change too.
    await popup.close();
    const enabledAt = new Date().toISOString();
    await openToolbarPopup(page, 'enable-site');
    await display.key('Return');
    await waitFor(() => granted('http://127.0.0.1/*'), Boolean, 'the grant again');
    const lt104 = await waitFor(async () => ((await probe.evaluate(storeRows, 'invoices')) as { number: string; firstSeen: string }[]).find((r) => r.number === 'LT-104'), Boolean, 'the change to be read after enabling again');
    expect(lt104!.firstSeen > enabledAt).toBe(true);
    expect(await waitFor(() => badgeText(tabId), (text) => text !== '', 'the badge again')).toBe('1');
    expect(await readerState()).toBe('running');
    await cdp.detach();
  });
});

describe('Firefox, release build: enabling a site as a user does', () => {
  let browser: Browser;
  let probe: FirefoxPage;
  const base = `moz-extension://${FIREFOX_UUID}`;
  /** The promise-based `browser` of a Firefox extension page. */
  type Api = {
    tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
    browserAction: { getBadgeText(d: { tabId: number }): Promise<string> };
    permissions: { contains(p: { origins: string[] }): Promise<boolean> };
    extension: { getViews(q: { type: string }): Window[] };
  };

  beforeAll(async () => {
    requireBuild(FIREFOX_RELEASE);
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: false,
      env: display.env,
      args: ['--remote-allow-system-access', '--width=1200', '--height=850'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
        // Firefox grants optional permissions without its prompt (TESTING.md); the rest is as a user clicks.
        'extensions.webextOptionalPermissionPrompts': false,
        'intl.locale.requested': 'en-US',
      },
    });
    await browser.installExtension(FIREFOX_RELEASE);
    probe = await browser.newPage();
    probe.goto(`${base}/options.html`).catch(() => {});
    await waitFor(() => probe.evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete'), Boolean, 'the probe page', 20_000);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const popupView = () =>
    probe.evaluate(() =>
      (globalThis as unknown as { browser: Api }).browser.extension.getViews({ type: 'popup' }).map((view) => ({
        enabled: view.document.querySelector('[data-site-enabled]')?.getAttribute('data-site-enabled'),
        error: view.document.querySelector('.error')?.textContent ?? undefined,
      })),
    );
  /** The page's tab id: the active tab once the page is in front (no tab address is visible before a site is enabled). */
  async function tabOf(page: FirefoxPage): Promise<number> {
    await page.bringToFront();
    return waitFor(() => probe.evaluate(async () => (await (globalThis as unknown as { browser: Api }).browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1), (id) => id > 0, 'the active tab', 20_000);
  }
  const badgeText = (tabId: number) => probe.evaluate((id) => (globalThis as unknown as { browser: Api }).browser.browserAction.getBadgeText({ tabId: id }), tabId);
  const granted = (pattern: string) => probe.evaluate((p) => (globalThis as unknown as { browser: Api }).browser.permissions.contains({ origins: [p] }), pattern);

  async function visit(url: string): Promise<{ page: FirefoxPage; tabId: number }> {
    const page = await browser.newPage();
    await page.goto(url);
    return { page, tabId: await tabOf(page) };
  }

  /**
   * Opens the toolbar popup of the page's tab by its shortcut and clicks its `action` button with
   * the mouse (Firefox opens a shortcut's popup without moving the keyboard focus into it).
   */
  async function clickInToolbarPopup(page: FirefoxPage, action: string): Promise<void> {
    // A popup still open from before would be closed, not opened, by the shortcut.
    await probe.evaluate(() => (globalThis as unknown as { browser: Api }).browser.extension.getViews({ type: 'popup' }).forEach((view) => view.close()));
    await waitFor(popupView, (views) => views.length === 0, 'no popup open', 20_000);
    await page.bringToFront();
    await display.activate('firefox');
    // The shortcut toggles the popup: after a popup closed by script Firefox may take the first
    // press as "close". Press again until the popup is there (a few tries at most).
    for (let tries = 0; tries < 5; tries++) {
      await display.key(SHORTCUT.firefox);
      const opened = await waitFor(popupView, (views) => views.length === 1, 'the toolbar popup', 3000).catch(() => null);
      if (opened) break;
    }
    let last: { x: number; y: number } | null = null;
    let steady = 0;
    const where = await waitFor(
      () =>
        probe.evaluate((wanted) => {
          const [view] = (globalThis as unknown as { browser: Api }).browser.extension.getViews({ type: 'popup' });
          const button = view?.document.querySelector(`[data-action="${wanted}"]`);
          if (!view || !button) return null;
          const box = button.getBoundingClientRect();
          // mozInnerScreenX/Y: where the popup's viewport is on the screen.
          const screen = view as unknown as { mozInnerScreenX: number; mozInnerScreenY: number };
          return { x: screen.mozInnerScreenX + box.left + box.width / 2, y: screen.mozInnerScreenY + box.top + box.height / 2 };
        }, action),
      // Where the button is once the popup has stopped growing: Firefox sizes a popup to its
      // content and keeps it aligned to the toolbar button, so the button moves while the
      // popup's data arrives, and a click at an earlier place lands outside (closing it).
      (point) => {
        steady = point !== null && last !== null && point.x === last.x && point.y === last.y ? steady + 1 : 0;
        last = point;
        return steady >= 2;
      },
      `the toolbar popup with its "${action}" button, standing still`,
      // Slow at times on http://localhost (Firefox takes long to give the popup the tab's address).
      45_000,
    );
    await display.click(where!.x, where!.y);
  }

  it.each([
    ['with a port', () => `${withPort.url}/e2e/late-client.html`, 'http://127.0.0.1/*', '1'],
    ['without a port', () => `${noPort.url}/e2e/ontime-client.html`, 'http://localhost/*', '0'],
  ])('enables a site %s on its open page: read at once, badge follows, no reload', async (_label, address, pattern, badge) => {
    const url = address();
    const { page, tabId } = await visit(url);
    await clickInToolbarPopup(page, 'enable-site');
    await waitFor(() => granted(pattern), Boolean, `the grant of ${pattern}`, 20_000);
    await waitFor(() => probe.evaluate(sessionTabRow, tabId), (r) => r !== null && r.url === url, 'the open tab to be read', 20_000);
    expect(await waitFor(() => badgeText(tabId), (text) => text !== '', 'the badge', 20_000)).toBe(badge);
    // The popup stayed open (no prompt) and shows the site enabled, with no error.
    const [view] = await waitFor(popupView, (views) => views[0]?.enabled === 'true', 'the popup to show the site enabled', 20_000);
    expect(view!.error).toBeUndefined();
  });

  it('disables with no error, forgets the open tab, and reads it again when enabled again', async () => {
    const url = `${withPort.url}/e2e/late-client.html`;
    const { page, tabId } = await visit(url);
    await waitFor(() => probe.evaluate(sessionTabRow, tabId), (r) => r !== null && r.url === url, 'the page to be read', 20_000);
    await clickInToolbarPopup(page, 'disable-site');
    await waitFor(popupView, (views) => views[0]?.enabled === 'false', 'the popup to show the site disabled', 20_000);
    expect((await popupView())[0]!.error).toBeUndefined();
    expect(await granted('http://127.0.0.1/*')).toBe(false);
    await waitFor(() => probe.evaluate(sessionTabRow, tabId), (r) => r === null, 'the tab row to be forgotten', 20_000);
    expect(await waitFor(() => badgeText(tabId), (text) => text === '', 'the badge to clear', 20_000)).toBe('');
    await page.evaluate(() => {
      const row = document.querySelector('tbody tr')!.cloneNode(true) as HTMLTableRowElement;
      row.cells[0]!.textContent = 'LT-105';
      document.querySelector('tbody')!.append(row);
    });
    const enabledAt = new Date().toISOString();
    await clickInToolbarPopup(page, 'enable-site');
    const lt105 = await waitFor(async () => ((await probe.evaluate(storeRows, 'invoices')) as { number: string; firstSeen: string }[]).find((r) => r.number === 'LT-105'), Boolean, 'the page to be read again', 20_000);
    expect(lt105!.firstSeen > enabledAt).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'firefox-enabled-again.png') });
  });
});
