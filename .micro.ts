import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
const CLIENTS = ['Acme Widgets Ltd', 'Globex Corporation', 'ООО «Ромашка»', 'Initech', 'Umbrella Corp'];
const STATUSES = ['Paid', 'Unpaid', 'Overdue', 'Partially paid', 'Draft'];
function invoicePage(rows: number): string {
  const body: string[] = [];
  for (let index = 0; index < rows; index += 1) {
    const month = (index % 12) + 1; const day = (index % 28) + 1;
    body.push(`<tr><td><input type="checkbox"></td><td><a href="/invoices/${index}">INV-${String(index).padStart(6, '0')}</a></td><td>${CLIENTS[index % CLIENTS.length]}</td><td>${month}/${day}/2025</td><td>${month}/${day}/2026</td><td>$${(index * 13.37).toFixed(2)}</td><td>$${(index % 3 ? 0 : index).toFixed(2)}</td><td><span class="badge">${STATUSES[index % STATUSES.length]}</span></td></tr>`);
  }
  return '<!doctype html><html lang="en-US"><head><meta charset="utf-8"><title>Invoices</title></head><body><h1>Invoices</h1><table><thead><tr><th></th><th>Invoice #</th><th>Customer</th><th>Invoice Date</th><th>Due Date</th><th>Total</th><th>Amount Due</th><th>Status</th></tr></thead>' + `<tbody>${body.join('')}</tbody></table></body></html>`;
}
const bundle = (await build({ stdin: { contents: "import * as lists from './lib/extract/lists'; import * as grid from './lib/extract/grid'; import { PageReport } from './lib/extract/report'; import { runToEnd } from './lib/extract/steps'; import { text, cellText } from './lib/extract/text'; import { columnAmountReader } from './lib/extract/amounts'; import { invoiceStatusOf } from './lib/extract/vocabulary'; (globalThis as any).K = { lists, grid, PageReport, runToEnd, text, cellText, columnAmountReader, invoiceStatusOf };", resolveDir: '/work/main', loader: 'ts' }, bundle: true, format: 'iife', target: 'es2022', minify: true, write: false })).outputFiles[0]!.text;
const html = invoicePage(5000);
const server = createServer((q, r) => { r.writeHead(200, { 'content-type': q.url === '/k.js' ? 'text/javascript' : 'text/html; charset=utf-8' }); r.end(q.url === '/k.js' ? bundle : html); });
await new Promise<void>((d) => server.listen(0, '127.0.0.1', () => d()));
const port = (server.address() as { port: number }).port;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
for (let run = 0; run < 4; run++) {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.addScriptTag({ url: '/k.js' });
  console.log(await page.evaluate(`(() => {
    const K = globalThis.K;
    const out = [];
    let t = performance.now();
    let n = 0; for (const cell of Array.from(document.querySelectorAll('td'))) n += (cell.textContent ?? '').length;
    out.push(\`floor \${(performance.now() - t).toFixed(1)}\`);
    const table = document.querySelector('table');
    for (let i = 0; i < 2; i++) {
      t = performance.now();
      const g = K.grid.tableGrid(table);
      let c = 0; for (const row of g.rowsAfter(g.headerRows[0])) c += g.cellsOf(row).length;
      out.push(\`rows+cells \${(performance.now() - t).toFixed(1)}\`);
      t = performance.now();
      const header = K.lists.planGrid(g, 'Invoices');
      const report = new K.PageReport();
      const ctx = { now: new Date(), lang: 'en-US', report };
      const pending = K.runToEnd(K.lists.collectList(g, header, ctx));
      const t1 = performance.now();
      K.runToEnd(K.lists.buildList(pending, { ...ctx, dateOrder: { order: 'mdy', conflict: false } }));
      out.push(\`collect \${(t1 - t).toFixed(1)} build \${(performance.now() - t1).toFixed(1)} obs \${report.observations.length}\`);
      const recs = pending.records;
      const time = (label, fn) => { const s0 = performance.now(); for (const r of recs) fn(r.row.children); out.push(\`\${label} \${(performance.now() - s0).toFixed(1)}\`); };
      time('text5', (c) => K.text(c[5]));
      time('cellText7', (c) => K.cellText(c[7]));
      time('tc7', (c) => c[7].textContent);
      const amt = K.columnAmountReader();
      time('amount', (c) => amt(K.text(c[5])));
      const m = new Map();
      time('status', (c) => { const s1 = K.cellText(c[7]); let v = m.get(s1); if (v === undefined) { v = K.invoiceStatusOf(s1); m.set(s1, v); } return v; });
      const rep = new K.PageReport();
      let i2 = 0;
      time('add', (c) => rep.add({ kind: 'invoice', client: { name: 'Acme' }, number: String(i2++) }));
    }
    return out.join(' | ');
})()`));
  await page.close();
}
await browser.close(); server.close();
