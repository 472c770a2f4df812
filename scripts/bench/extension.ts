/**
 * The real extension in real Chromium for the benchmarks: the test build loaded in a fresh
 * profile, a page of a granted origin, and a way to send a message from our own content
 * script's world in that page (CDP, its isolated world), so a benchmark drives the background
 * exactly as a page read does, with nothing in between.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '../..');
const BUILD = resolve(ROOT, '.output/chrome-mv3-test');

export type BenchExtension = {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** A page on 127.0.0.1 (granted in the test build) whose reader world sends the messages. */
  page: Page;
  /** The tab id of `page`. */
  tabId: number;
  /** Sends `{ type, data }` from the content script's world; resolves with the reply and the milliseconds it took there. */
  sendFromContent(type: string, data: unknown): Promise<{ reply: unknown; ms: number }>;
  close(): Promise<void>;
};

export async function launchExtension(): Promise<BenchExtension> {
  const profile = mkdtempSync(resolve(tmpdir(), 'client-signals-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--disable-extensions-except=${BUILD}`, `--load-extension=${BUILD}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // A page with nothing to read: the reader runs there (its world is what sends) but stores nothing.
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><html lang="en"><head><title>Bench</title></head><body><p>Nothing to read here.</p></body></html>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bench.html`;
  for (let i = 0; i < 100 && (await worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length)) === 0; i++) await new Promise((r) => setTimeout(r, 100));
  const page = await context.newPage();
  await page.goto(url);
  const tabId = await worker.evaluate(async (u) => (await chrome.tabs.query({})).find((tab) => tab.url === u)?.id ?? -1, url);
  const cdp: CDPSession = await context.newCDPSession(page);
  const worlds: { id: number; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: world }) => worlds.push(world));
  await cdp.send('Runtime.enable');
  let contentWorld = -1;
  for (let i = 0; i < 100 && contentWorld < 0; i++) {
    for (const world of worlds.filter((w) => w.auxData?.type === 'isolated')) {
      const { result } = await cdp.send('Runtime.evaluate', { contextId: world.id, expression: 'globalThis.chrome?.runtime?.id ?? null', returnByValue: true });
      if (result.value === extensionId) contentWorld = world.id;
    }
    if (contentWorld < 0) await new Promise((r) => setTimeout(r, 100));
  }
  if (contentWorld < 0) throw new Error('the content script world was not found');
  return {
    context,
    worker,
    extensionId,
    page,
    tabId,
    async sendFromContent(type, data) {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        contextId: contentWorld,
        awaitPromise: true,
        returnByValue: true,
        expression: `(async () => { const start = performance.now(); const reply = await chrome.runtime.sendMessage({ id: 1, type: ${JSON.stringify(type)}, data: ${JSON.stringify(data)}, timestamp: Date.now() }); return { reply, ms: performance.now() - start }; })()`,
      });
      if (exceptionDetails) throw new Error(exceptionDetails.text);
      return result.value as { reply: unknown; ms: number };
    },
    async close() {
      await context.close();
      server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Evaluates Dexie's own build in an extension page, so a floor can use a raw Dexie there (CDP evaluation is not subject to the page's CSP). */
export async function loadDexie(page: Page): Promise<void> {
  const { readFileSync } = await import('node:fs');
  await page.evaluate(readFileSync(resolve(ROOT, 'node_modules/dexie/dist/dexie.js'), 'utf8'));
}
