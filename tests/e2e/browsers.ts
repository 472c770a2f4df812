import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser } from 'puppeteer-core';

/** Real-browser helpers: Debian's Chromium (playwright-core) and firefox-esr (puppeteer-core, BiDi). */

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const CHROME_BUILD = path.join(ROOT, '.output/chrome-mv3-test');
export const FIREFOX_BUILD = path.join(ROOT, '.output/firefox-mv2-test');
/** The release builds, as users install them: nothing granted up front. */
export const CHROME_RELEASE = path.join(ROOT, '.output/chrome-mv3');
export const FIREFOX_RELEASE = path.join(ROOT, '.output/firefox-mv2');
export const GECKO_ID = 'client-signals@example.org';
export const FIREFOX_UUID = '5f1c6a1e-2b3d-4c4e-9f00-c11e275161a1';
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Flags for a closed network: without them Chromium keeps calling home and is refused. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function requireBuild(dir: string): void {
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`No test build at ${dir}. Run \`npm run build:test\` first (npm test does).`);
  }
}

export type ChromiumSession = { context: BrowserContext; worker: Worker; extensionId: string; close(): Promise<void> };

/** Chromium with the test build loaded, in a throwaway profile. */
export async function launchChromium(opts: { headless?: boolean; locale?: string } = {}): Promise<ChromiumSession> {
  requireBuild(CHROME_BUILD);
  const profile = mkdtempSync(path.join(tmpdir(), 'client-signals-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: opts.headless ?? true,
    locale: opts.locale ?? 'en-US',
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${CHROME_BUILD}`, `--load-extension=${CHROME_BUILD}`, `--lang=${opts.locale ?? 'en-US'}`],
    viewport: { width: 1100, height: 800 },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // On install the background registers the reader for the enabled origins; pages opened before
  // that finishes would not be read.
  await waitFor(() => worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length), (n) => n > 0, 'the reader to be registered');
  return {
    context,
    worker,
    extensionId,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export type FirefoxSession = { browser: PuppeteerBrowser; base: string; close(): Promise<void> };

/** firefox-esr with the test build installed as a temporary add-on, at a fixed moz-extension:// UUID. */
export async function launchFirefox(opts: { locale?: string } = {}): Promise<FirefoxSession> {
  requireBuild(FIREFOX_BUILD);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      'intl.locale.requested': opts.locale ?? 'en-US',
      'intl.accept_languages': opts.locale ?? 'en-US',
    },
  });
  await browser.installExtension(FIREFOX_BUILD);
  return { browser, base: `moz-extension://${FIREFOX_UUID}`, close: () => browser.close() };
}

/** Polls `probe` until it returns a value `done` accepts, or fails with the last value seen. */
export async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (done(last)) return last;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}${lastError ? `; last error: ${String(lastError)}` : ''}`);
}

/** The id of the newest Chromium tab at `url` (earlier tests may have left others open there), once there is one. */
export function newestTabId(session: ChromiumSession, url: string): Promise<number> {
  return waitFor(
    () => session.worker.evaluate(async (u) => Math.max(-1, ...(await chrome.tabs.query({})).filter((t) => t.url === u).map((t) => t.id ?? -1)), url),
    (id) => id > 0,
    `a tab at ${url}`,
  );
}

/**
 * Reads one object store of the extension's IndexedDB. Runs inside an extension page (pass it
 * to `page.evaluate`), so it must stay self-contained.
 */
export function storeRows(table: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('client-signals');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction(table).objectStore(table).getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    };
  });
}

/**
 * The rows of one object store whose primary key lies between two keys (both included): a cheap
 * look at one page's rows in a large store. Runs inside an extension page; self-contained.
 */
export function storeRowsBetween([table, lower, upper]: [string, string[], string[]]): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('client-signals');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction(table).objectStore(table).getAll(IDBKeyRange.bound(lower, upper));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    };
  });
}

/** What the background last stored for a tab (storage.session); runs inside an extension page or the worker. */
export async function sessionTabRow(tabId: number): Promise<{ url: string; at: string; clientKeys: string[]; warnings: string[] } | null> {
  const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
  const key = `tab:${tabId}`;
  const found = (await api.storage.session.get(key)) as Record<string, unknown>;
  return (found[key] as { url: string; at: string; clientKeys: string[]; warnings: string[] } | undefined) ?? null;
}

/** The popup's criterion rows as { criterion id: status }; runs inside the popup page. */
export function popupStatuses(): Record<string, string> {
  return Object.fromEntries([...document.querySelectorAll('[data-criterion]')].map((row) => [row.getAttribute('data-criterion'), row.getAttribute('data-status')]));
}
