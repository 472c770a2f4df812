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
const html = invoicePage(Number(process.env.ROWS ?? 5000));
const server = createServer((_q, r) => { r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); r.end(html); });
await new Promise<void>((d) => server.listen(0, '127.0.0.1', () => d()));
const port = (server.address() as { port: number }).port;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
for (let run = 0; run < 3; run++) {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  console.log(await page.evaluate(() => {
    const out: string[] = [];
    for (let i = 0; i < 3; i++) {
      let t = performance.now(); const s = document.body.textContent ?? ''; const tc = performance.now() - t;
      t = performance.now(); let h = 0x811c9dc5; for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193); const hash = performance.now() - t;
      t = performance.now(); const n = document.getElementsByTagName('*').length; const count = performance.now() - t;
      t = performance.now(); const inner = document.body.innerHTML.length; const ih = performance.now() - t;
      out.push(`len ${s.length} textContent ${tc.toFixed(2)} hash ${hash.toFixed(2)} count(${n}) ${count.toFixed(2)} innerHTML(${inner}) ${ih.toFixed(2)} ${h}`);
    }
    return out.join('\n');
  }));
  await page.close();
}
await browser.close(); server.close();
