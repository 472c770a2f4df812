/**
 * `npm run demo`: builds the extension, serves the demo CRM from tests/fixtures/demo on
 * 127.0.0.1 and opens Chromium with the extension loaded. With a display it is headed, for a
 * person to click around, with the dashboard open in a second tab; without one it visits the
 * demo pages headless, prints each demo client's verdicts as a table and saves popup and
 * dashboard screenshots (the list, the client meeting most criteria, its parting assistant) in
 * English and Russian to demo-output/.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ensureBrowsers } from './ensure-browsers.mjs';
import { startFixtureServer } from '../tests/fixtures/server';
import { launchChromium, ROOT, storeRows, waitFor, type ChromiumSession } from '../tests/e2e/browsers';

const OUT = path.join(ROOT, 'demo-output');
const PAGES = ['demo/invoices-ru.html', 'demo/tickets-ru.html', 'demo/client-acme.html', 'demo/clients.html', 'demo/about.html'];
const headed = process.argv.includes('--headed') || (!process.argv.includes('--headless') && Boolean(process.env.DISPLAY));

ensureBrowsers(['chromium']);
console.log('Building the extension (test build: also reads pages on 127.0.0.1)…');
if (spawnSync('npx', ['wxt', 'build', '--mode', 'test'], { stdio: ['ignore', 'ignore', 'inherit'] }).status !== 0) process.exit(1);
const server = await startFixtureServer();
console.log(`Demo CRM: ${server.url}/demo/clients.html`);

if (headed) {
  const session = await launchChromium({ headless: false });
  // The dashboard first, so the demo CRM's tab is the one in front; it fills as pages are read.
  const dashboard = await session.context.newPage();
  await dashboard.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
  const page = await session.context.newPage();
  await page.goto(`${server.url}/demo/clients.html`);
  console.log('Chromium is open with Client Signals loaded. Browse the demo CRM and click the toolbar icon; the dashboard of all clients is in the first tab. Close the browser to end.');
  await new Promise((resolve) => session.context.on('close', resolve));
  await server.close();
  process.exit(0);
}

mkdirSync(OUT, { recursive: true });
for (const locale of ['en-US', 'ru-RU']) {
  const session = await launchChromium({ locale });
  const lang = locale.slice(0, 2);
  for (const file of PAGES) {
    const { tabId } = await visit(session, `${server.url}/${file}`);
    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 420, height: 640 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('[data-client-name], [data-empty]');
    const shot = path.join(OUT, `popup-${path.basename(file, '.html')}-${lang}.png`);
    await popup.screenshot({ path: shot, fullPage: true });
    console.log(`  ${file} → ${path.relative(ROOT, shot)}`);
    await popup.close();
  }
  await saveDashboard(session, lang);
  if (lang === 'en') await printVerdicts(session);
  await session.close();
}
await server.close();

async function visit(session: ChromiumSession, url: string): Promise<{ tabId: number }> {
  const page = await session.context.newPage();
  await page.goto(url);
  const tabId = await waitFor(() => session.worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1, url), (id) => id > 0, url);
  // The reader reports within a second of the page settling; the badge title then names the page.
  await waitFor(() => session.worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId), (title) => title !== 'Client Signals', `the badge of ${url}`);
  return { tabId };
}

/** The dashboard's list, the client that meets the most criteria, and its parting assistant, as screenshots. */
async function saveDashboard(session: ChromiumSession, lang: string): Promise<void> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
  // Ranked: the first row is the client that meets the most criteria, once its verdicts are in.
  await page.waitForSelector('[data-client-key]:not([data-met="0"])');
  const shots = [path.join(OUT, `dashboard-${lang}.png`), path.join(OUT, `dashboard-client-${lang}.png`), path.join(OUT, `dashboard-assistant-${lang}.png`)];
  await page.screenshot({ path: shots[0] });
  await page.click('[data-client-key] .cell--name a');
  await page.waitForSelector('[data-chart="invoices"]');
  await page.screenshot({ path: shots[1], fullPage: true });
  await page.click('[data-client-view] [data-action="prepare-conversation"]');
  await page.waitForSelector('[data-assistant] [data-letter]');
  await page.screenshot({ path: shots[2] });
  for (const shot of shots) console.log(`  dashboard → ${path.relative(ROOT, shot)}`);
  await page.close();
}

/** Reads the stored clients and verdicts (as the popup does) and prints one row per client. */
async function printVerdicts(session: ChromiumSession): Promise<void> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
  const clients = (await page.evaluate(storeRows, 'clients')) as { key: string; name: string }[];
  const verdicts = (await page.evaluate(storeRows, 'verdicts')) as { clientKey: string; id: string; status: string }[];
  const byKey = new Map<string, Record<string, string>>();
  for (const v of verdicts) byKey.set(v.clientKey, { ...byKey.get(v.clientKey), [v.id]: v.status });
  const rows = clients.filter((c) => byKey.has(c.key)).map((c) => ({ name: c.name, verdicts: byKey.get(c.key)! }));
  await page.close();
  const ids = ['late-payment', 'price-pressure', 'disrespect', 'ignored-advice', 'scope-creep', 'excess-attention', 'out-of-scope', 'low-income'];
  const width = Math.max(6, ...rows.map((r) => r.name.length));
  console.log(`\nVerdicts of the demo clients\n${'client'.padEnd(width)}  ${ids.map((id) => id.padEnd(18)).join('')}met`);
  for (const row of rows) {
    const met = ids.filter((id) => row.verdicts[id] === 'met').length;
    console.log(`${row.name.padEnd(width)}  ${ids.map((id) => (row.verdicts[id] ?? '-').padEnd(18)).join('')}${met}`);
  }
  console.log('');
}
