import { loadPage } from './tests/fixtures/pages/page';
import { SITE_READERS } from './lib/sites';
import { PageReport } from './lib/extract/report';
import { extractPage } from './lib/extract';
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
const doc = loadPage(invoicePage(Number(process.env.ROWS ?? 5000)), 'http://127.0.0.1:1234/within-cap');
for (const reader of SITE_READERS) {
  const t = performance.now();
  const type = reader.detect(doc, 'http://127.0.0.1:1234/within-cap');
  const ms = performance.now() - t;
  if (ms > 2 || type) console.log(reader.id, type, ms.toFixed(1));
}
for (let i = 0; i < 3; i++) { const t = performance.now(); const r = extractPage(doc, 'http://127.0.0.1:1234/within-cap'); console.log('extract', (performance.now() - t).toFixed(1), r.observations.length, r.readBy); }
(SITE_READERS as unknown[]).length = 0;
for (let i = 0; i < 3; i++) { const t = performance.now(); const r = extractPage(doc, 'http://127.0.0.1:1234/within-cap'); console.log('generic', (performance.now() - t).toFixed(1), r.observations.length); }
