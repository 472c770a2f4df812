/**
 * `npm run bench -- popup`: the popup's time to its first verdict on a client page with 5,000
 * other clients stored, next to the same popup on the same page with an empty store (only that
 * client), in the same run: what the store's size costs the popup. Both from navigation start to
 * the first criterion row on screen (performance.now() in the popup when it appears). Target:
 * ≤ 1.2×. The test build in real Chromium, a fresh profile for each; the store is filled through
 * the real background, as page reads. No other extension page is open while the popup is timed:
 * pages of one extension share a renderer, and another page's large DOM slows the popup's load
 * (an options page listing 5,000 clients in two <select>s did, by 2×, until it stopped doing so).
 */
import { launchExtension, type BenchExtension } from './extension';
import { median, writeResult } from './results';

const CLIENTS = 5000;
const PER_PAGE = 500;
const RUNS = 9;

/** The verdict rows stored, counted in the background worker itself: no extension page is kept open beside the popup. */
async function verdictCount(ext: BenchExtension): Promise<number> {
  // The worker of now: an idle one is stopped and started again, and an old handle is closed.
  const worker = ext.context.serviceWorkers().at(-1) ?? ext.worker;
  return worker.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('client-signals');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('verdicts').objectStore('verdicts').count();
          count.onsuccess = () => {
            open.result.close();
            resolve(count.result);
          };
        };
      }),
  );
}

/** A store with `others` clients besides the page's own, every one judged; returns the popup timings on the client page. */
async function popupTimings(others: number): Promise<number[]> {
  const ext = await launchExtension();
  for (let page = 0; page < others / PER_PAGE; page++) {
    const observations = Array.from({ length: PER_PAGE }, (_, i) => ({
      kind: 'invoice', client: { name: `Client ${page * PER_PAGE + i} Ltd` }, number: `P${page}-${i}`, due: '2026-02-04', paid: '2026-02-20', amount: 100, status: 'paid',
    }));
    await ext.sendFromContent('pageRead', { url: `http://127.0.0.1/list/${page}`, extract: { observations, warnings: [] } });
  }
  const subject = { name: 'Popup Client Ltd' };
  await ext.sendFromContent('pageRead', {
    url: 'http://127.0.0.1/clients/popup',
    extract: { subject, observations: [{ kind: 'invoice', client: subject, number: 'PC-1', due: '2026-01-04', paid: '2026-02-20', amount: 100, status: 'paid' }], warnings: [] },
  });
  // Every client judged: the store is as full as it gets before the popup opens.
  const deadline = Date.now() + 10 * 60_000;
  while ((await verdictCount(ext).catch(() => 0)) < (others + 1) * 8) {
    if (Date.now() > deadline) throw new Error(`the ${others + 1} clients were not all judged within 10 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const times: number[] = [];
  for (let run = -1; run < RUNS; run++) {
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${ext.tabId}`);
    const at = await popup.waitForFunction(() => (document.querySelector('[data-criterion]') ? performance.now() : 0), undefined, { polling: 'raf', timeout: 30_000 });
    if (run >= 0) times.push((await at.jsonValue()) as number);
    await popup.close();
  }
  await ext.close();
  return times;
}

const empty = await popupTimings(0);
const full = await popupTimings(CLIENTS);
const figures = {
  clientsStored: CLIENTS + 1,
  runs: RUNS,
  firstVerdictMedianMs: Math.round(median(full)),
  firstVerdictSpreadMs: { min: Math.round(Math.min(...full)), max: Math.round(Math.max(...full)) },
  emptyStoreMedianMs: Math.round(median(empty)),
  emptyStoreSpreadMs: { min: Math.round(Math.min(...empty)), max: Math.round(Math.max(...empty)) },
  ratio: Math.round((median(full) / median(empty)) * 100) / 100,
  target: '≤ 1.2× the popup over an empty store',
};
writeResult('popup', figures);
console.log(
  `popup first verdict: ${figures.firstVerdictMedianMs} ms with ${CLIENTS + 1} clients stored (${figures.firstVerdictSpreadMs.min}–${figures.firstVerdictSpreadMs.max}), ` +
    `${figures.emptyStoreMedianMs} ms over an empty store (${figures.emptyStoreSpreadMs.min}–${figures.emptyStoreSpreadMs.max}); ratio ${figures.ratio}× (target ≤ 1.2×)`,
);
