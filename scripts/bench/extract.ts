/**
 * `npm run bench -- extract`: the page reader in real Chromium on generated invoice tables.
 * Figures, medians of RUNS fresh loads:
 * - extraction time, first read (cold code) and re-read, next to a floor measured on the same page
 *   in the same run (one loop reading every cell's textContent); on a 10,000-row page (extraction
 *   stops at the cap) and on a page within the LIMITS.maxObservations cap, where both read every
 *   row. Read as the always-on content script reads a page no site reader's hint matches
 *   (lib/extract/read-page, the generic reader), and again with the whole registry of site readers
 *   (extractPage, every reader's detect run first);
 * - the fingerprint that lets the content script skip an unchanged page (pageFingerprint);
 * - the longest main-thread task while the chunked read runs (Long Tasks API), and each idle
 *   slice timed directly;
 * - the 50,000-row hostile page: capped, with a warning, no task of 50 ms or more;
 * - the reader corpus (in-house and blind pages) scored in Chromium (the unit test scores it in happy-dom);
 * - the gzip size of the built content script (.output/chrome-mv3/content-scripts/reader.js, `npx wxt build`).
 */
import { build } from 'esbuild';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { LIMITS } from '../../lib/limits';
import type { PageExtract } from '../../lib/model';
import { BLIND_DIR, corpusPages, scorePage } from '../../tests/fixtures/pages/corpus';
import { median, writeResult } from './results';

const ROOT = resolve(import.meta.dirname, '../..');
const ROWS = 10_000;
const HOSTILE_ROWS = 50_000;
const RUNS = 7;
const CLIENTS = ['Acme Widgets Ltd', 'Globex Corporation', 'ООО «Ромашка»', 'Initech', 'Umbrella Corp'];
const STATUSES = ['Paid', 'Unpaid', 'Overdue', 'Partially paid', 'Draft'];

/** An en-US invoice list of `rows` rows, eight columns, as staff lists look (SITE_FACTS §8). */
function invoicePage(rows: number): string {
  const body: string[] = [];
  for (let index = 0; index < rows; index += 1) {
    const month = (index % 12) + 1;
    const day = (index % 28) + 1;
    body.push(
      `<tr><td><input type="checkbox"></td><td><a href="/invoices/${index}">INV-${String(index).padStart(6, '0')}</a></td>` +
        `<td>${CLIENTS[index % CLIENTS.length]}</td><td>${month}/${day}/2025</td><td>${month}/${day}/2026</td>` +
        `<td>$${(index * 13.37).toFixed(2)}</td><td>$${(index % 3 ? 0 : index).toFixed(2)}</td><td><span class="badge">${STATUSES[index % STATUSES.length]}</span></td></tr>`,
    );
  }
  return (
    '<!doctype html><html lang="en-US"><head><meta charset="utf-8"><title>Invoices</title></head><body><h1>Invoices</h1>' +
    '<table><thead><tr><th></th><th>Invoice #</th><th>Customer</th><th>Invoice Date</th><th>Due Date</th><th>Total</th><th>Amount Due</th><th>Status</th></tr></thead>' +
    `<tbody>${body.join('')}</tbody></table></body></html>`
  );
}

/**
 * The reader bundled for the page, exposed as window.clientSignalsExtract: as the always-on
 * content script has it (read-page: the generic reader, no site reader), or with the registry.
 */
async function bundleExtractor(withRegistry: boolean): Promise<string> {
  const contents = withRegistry
    ? "import { extractPage, extractPageInChunks, pageFingerprint } from './lib/extract'; (globalThis as any).clientSignalsExtract = { extractPage, extractPageInChunks, pageFingerprint };"
    : "import { readPageNow, readPageInChunks } from './lib/extract/read-page'; import { pageFingerprint } from './lib/extract/fingerprint'; (globalThis as any).clientSignalsExtract = { extractPage: readPageNow, extractPageInChunks: readPageInChunks, pageFingerprint };";
  const result = await build({
    stdin: {
      contents,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    write: false,
  });
  return result.outputFiles[0]!.text;
}

function serve(pages: Record<string, string>): Promise<Server> {
  const server = createServer((request, response) => {
    const body = pages[request.url ?? ''];
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': request.url?.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8' });
    response.end(body ?? 'not found');
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

type PageApi = {
  extractPage(doc: Document, url: string, opts?: { now?: Date }): { observations: unknown[]; warnings: string[] };
  extractPageInChunks(doc: Document, url: string): Promise<{ observations: unknown[]; warnings: string[] }>;
  pageFingerprint(doc: Document, url: string): string;
};
declare const clientSignalsExtract: PageApi;

/** The floor and extractPage, timed in one task. */
function measureSync(page: Page) {
  return page.evaluate(() => {
    const floorStart = performance.now();
    let characters = 0;
    for (const cell of Array.from(document.querySelectorAll('td'))) characters += (cell.textContent ?? '').length;
    const floorMs = performance.now() - floorStart;
    const extractStart = performance.now();
    const result = clientSignalsExtract.extractPage(document, location.href);
    const extractMs = performance.now() - extractStart;
    // A re-read of the same page (the content script re-reads on every change), with the code compiled.
    const warmStart = performance.now();
    clientSignalsExtract.extractPage(document, location.href);
    const extractWarmMs = performance.now() - warmStart;
    // What the content script does first on every change: the fingerprint, which skips an unchanged page.
    const printStart = performance.now();
    const print = clientSignalsExtract.pageFingerprint(document, location.href);
    const fingerprintMs = performance.now() - printStart;
    const unchanged = print === clientSignalsExtract.pageFingerprint(document, location.href);
    return { floorMs, extractMs, extractWarmMs, fingerprintMs, unchanged, characters, result: JSON.stringify(result), observations: result.observations.length, warnings: result.warnings };
  });
}

/** Starts watching long tasks and timing idle slices, in a task of its own before the chunked read. */
function watchTasks(page: Page) {
  return page.evaluate(() => {
    const state = { longTasks: [] as number[], slices: [] as number[] };
    (window as unknown as { taskWatch: typeof state }).taskWatch = state;
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => state.longTasks.push(entry.duration))).observe({ type: 'longtask' });
    const original = window.requestIdleCallback.bind(window);
    // The slice runs in the microtask the callback's resolve() queues; a microtask queued after it ends with it.
    window.requestIdleCallback = (callback, options) =>
      original((deadline) => {
        const start = performance.now();
        callback(deadline);
        queueMicrotask(() => state.slices.push(performance.now() - start));
      }, options);
  });
}

/** extractPageInChunks, in its own tasks, with the longest task it caused. */
async function measureChunked(page: Page) {
  await watchTasks(page);
  await page.waitForTimeout(100);
  return page.evaluate(async () => {
    const state = (window as unknown as { taskWatch: { longTasks: number[]; slices: number[] } }).taskWatch;
    const start = performance.now();
    const result = await clientSignalsExtract.extractPageInChunks(document, location.href);
    const chunkedMs = performance.now() - start;
    await new Promise((done) => setTimeout(done, 200));
    return {
      chunkedMs, result: JSON.stringify(result),
      longestLongTaskMs: Math.max(0, ...state.longTasks), longestSliceMs: Math.max(0, ...state.slices), slices: state.slices.length,
    };
  });
}

async function measureOnce(page: Page) {
  const sync = await measureSync(page);
  const chunked = await measureChunked(page);
  return { ...sync, ...chunked, same: sync.result === chunked.result };
}

/** The built content scripts, the always-on reader first: it is the one every enabled page loads. */
function contentScripts(): { file: string; bytes: number; gzipBytes: number }[] | undefined {
  const dir = ['.output/chrome-mv3/content-scripts', '.output/chrome-mv3-test/content-scripts'].map((path) => resolve(ROOT, path)).find(existsSync);
  if (!dir) return undefined;
  const files = readdirSync(dir).filter((file) => file.endsWith('.js'));
  if (!files.length) return undefined;
  return files
    .map((file) => {
      const bytes = readFileSync(resolve(dir, file));
      return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
    })
    .sort((a, b) => Number(b.file === 'reader.js') - Number(a.file === 'reader.js') || b.gzipBytes - a.gzipBytes);
}

type Run = Awaited<ReturnType<typeof measureOnce>>;

const ms = (value: number): number => Number(value.toFixed(2));

/** Where the site readers' fixture pages are (own and blind), beside the generic corpus. */
const SITE_DIRS = [resolve(BLIND_DIR, '../sites'), resolve(BLIND_DIR, '../../sites')];

/**
 * The whole reader corpus (generic pages, in-house and blind, and every site reader's pages, own
 * and blind) read in real Chromium, each page served at its own address and scored as the unit
 * tests score it; with each page's time to read (median of 3) and to fingerprint, against the
 * targets: no read of a corpus page is a long task (≥ 50 ms), no fingerprint takes 5 ms.
 */
async function corpusInChromium(browser: Browser, bundle: string) {
  const page = await browser.newPage();
  const total = { pages: 0, matched: 0, expected: 0, falsePositives: 0, failing: [] as string[], slowestReadMs: 0, slowestPage: '', medianReadMs: 0, slowestFingerprintMs: 0 };
  const reads: number[] = [];
  for (const fixture of [...corpusPages(), ...corpusPages(BLIND_DIR), ...SITE_DIRS.flatMap((dir) => corpusPages(dir))]) {
    await page.route('**/*', (route) => route.fulfill({ body: fixture.html, contentType: 'text/html; charset=utf-8' }));
    await page.goto(fixture.expected.url);
    await page.unroute('**/*');
    await page.addScriptTag({ content: bundle });
    const { actual, readMs, fingerprintMs } = await page.evaluate(
      ([url, now]) => {
        const times: number[] = [];
        let actual: unknown;
        for (let run = 0; run < 3; run++) {
          const start = performance.now();
          actual = clientSignalsExtract.extractPage(document, url, now ? { now: new Date(now) } : {});
          times.push(performance.now() - start);
        }
        const start = performance.now();
        clientSignalsExtract.pageFingerprint(document, url);
        return { actual, readMs: times.sort((a, b) => a - b)[1]!, fingerprintMs: performance.now() - start };
      },
      [fixture.expected.url, fixture.expected.now ?? ''] as const,
    );
    const score = scorePage(actual as PageExtract, fixture.expected);
    total.pages += 1;
    total.matched += score.matched;
    total.expected += score.expected;
    total.falsePositives += score.falsePositives;
    if (score.matched !== score.expected || score.falsePositives) total.failing.push(fixture.name);
    reads.push(readMs);
    if (readMs > total.slowestReadMs) Object.assign(total, { slowestReadMs: ms(readMs), slowestPage: fixture.name });
    total.slowestFingerprintMs = Math.max(total.slowestFingerprintMs, ms(fingerprintMs));
  }
  total.medianReadMs = ms(median(reads));
  await page.close();
  return total;
}

/** Figures of `times` fresh loads of one page. */
async function measurePage(browser: Browser, url: string, times = RUNS, script = '/extract.js'): Promise<Run[]> {
  const runs: Run[] = [];
  for (let run = 0; run < times; run += 1) {
    const page = await browser.newPage();
    // The 50,000-row page is some 9 MB of markup: loading it takes a while on a busy machine.
    await page.goto(url, { timeout: 180_000 });
    await page.addScriptTag({ url: script });
    runs.push(await measureOnce(page));
    await page.close();
  }
  return runs;
}

function summary(rows: number, runs: Run[]) {
  const floorMs = median(runs.map((run) => run.floorMs));
  const extractMs = median(runs.map((run) => run.extractMs));
  return {
    rows,
    floorMs: ms(floorMs),
    extractMs: ms(extractMs),
    extractOverFloor: ms(extractMs / floorMs),
    extractWarmMs: ms(median(runs.map((run) => run.extractWarmMs))),
    extractWarmOverFloor: ms(median(runs.map((run) => run.extractWarmMs)) / floorMs),
    fingerprintMs: ms(median(runs.map((run) => run.fingerprintMs))),
    fingerprintSkipsUnchanged: runs.every((run) => run.unchanged),
    chunkedMs: ms(median(runs.map((run) => run.chunkedMs))),
    longestLongTaskMs: ms(median(runs.map((run) => run.longestLongTaskMs))),
    longestSliceMs: ms(median(runs.map((run) => run.longestSliceMs))),
    chunkedSameAsSync: runs.every((run) => run.same),
    observations: runs[0]?.observations,
    warnings: runs[0]?.warnings,
  };
}

async function main(): Promise<void> {
  const bundle = await bundleExtractor(false);
  const withRegistry = await bundleExtractor(true);
  const server = await serve({
    '/invoices': invoicePage(ROWS),
    '/within-cap': invoicePage(LIMITS.maxObservations),
    '/hostile': invoicePage(HOSTILE_ROWS),
    '/extract.js': bundle,
    '/extract-registry.js': withRegistry,
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const figures = {
      runs: RUNS,
      // The 10,000-row page: extraction stops at LIMITS.maxObservations rows, the floor reads them all.
      ...summary(ROWS, await measurePage(browser, `${base}/invoices`)),
      // A page within the cap, so extraction and floor read the same rows.
      withinCap: summary(LIMITS.maxObservations, await measurePage(browser, `${base}/within-cap`)),
      // The same page read with the whole registry: every site reader's detect runs first.
      withinCapAllReaders: summary(LIMITS.maxObservations, await measurePage(browser, `${base}/within-cap`, RUNS, '/extract-registry.js')),
      // The hostile page, three times: capped, and never blocking for long.
      hostile: summary(HOSTILE_ROWS, await measurePage(browser, `${base}/hostile`, 3)),
      corpusInChromium: await corpusInChromium(browser, withRegistry),
      extractorBundleGzipBytes: gzipSync(bundle).length,
      withRegistryBundleGzipBytes: gzipSync(withRegistry).length,
      contentScripts: contentScripts() ?? 'not built (run npx wxt build)',
      targets: { extractOverFloor: '≤ 2 (withinCap)', longestTaskMs: '< 50 (hostile)', fingerprintMs: '< 5', contentScriptGzipBytes: '< 30720 (reader.js)' },
    };
    writeResult('extract', figures);
    console.log(JSON.stringify(figures, null, 2));
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
