import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
const body: string[] = [];
for (let index = 0; index < 5000; index += 1) body.push(`<tr><td><input type="checkbox"></td><td><a href="/i/${index}">INV-${index}</a></td><td>Acme</td><td>1/2/2025</td><td>1/2/2026</td><td>$${index}.00</td><td>$0.00</td><td><span class="badge">Paid</span></td></tr>`);
const html = `<!doctype html><html><body><table><tbody>${body.join('')}</tbody></table></body></html>`;
const server = createServer((_q, r) => { r.writeHead(200, { 'content-type': 'text/html' }); r.end(html); });
await new Promise<void>((d) => server.listen(0, '127.0.0.1', () => d()));
const port = (server.address() as { port: number }).port;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
for (let run = 0; run < 3; run++) {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  console.log(await page.evaluate(`(() => {
    const out = [];
    const rows = Array.from(document.querySelector('tbody').children);
    const time = (label, fn) => { const t = performance.now(); let n = 0; for (const r of rows) n += fn(r); out.push(label + ' ' + (performance.now() - t).toFixed(1)); };
    for (let k = 0; k < 2; k++) { if (k === 0) {
    time('floorRow', (r) => { let n = 0; for (let c = r.firstElementChild; c; c = c.nextElementSibling) n += c.textContent.length; return n; });
    time('manual3', (r) => { const cells = []; for (let c = r.firstElementChild; c; c = c.nextElementSibling) { if (c.localName !== 'td' && c.localName !== 'th') continue; cells.push(c); const s = c.colSpan || 1; } return cells.length; });
    time('manual1', (r) => { const cells = []; for (let c = r.firstElementChild; c; c = c.nextElementSibling) cells.push(c); return cells.length; });
    time('arrayFrom', (r) => Array.from(r.children).length);
    time('cellsIdx', (r) => { const c = r.cells; return (c[1] ? 1 : 0) + (c[2] ? 1 : 0) + (c[3] ? 1 : 0) + (c[4] ? 1 : 0) + (c[5] ? 1 : 0) + (c[7] ? 1 : 0); });
    time('childrenIdx', (r) => { const c = r.children; return (c[1] ? 1 : 0) + (c[2] ? 1 : 0) + (c[3] ? 1 : 0) + (c[4] ? 1 : 0) + (c[5] ? 1 : 0) + (c[7] ? 1 : 0); });
    time('hasColspan', (r) => r.querySelector('[colspan]') ? 1 : 0); }
    const q = (label, sel) => { const t0 = performance.now(); const n = document.querySelectorAll(sel).length; out.push(label + ' ' + (performance.now() - t0).toFixed(1) + '/' + n); };
    q('table', 'table'); q('h1h2', 'h1, h2'); q('aria', '[role=grid], [role=table], [role=treegrid]'); q('role', '[role]'); q('itemscope', '[itemscope][itemtype]'); q('typeof', '[typeof]'); q('ld', 'script[type="application/ld+json"]');
    q('combined', 'h1, h2, table, [role=grid], [role=table], [role=treegrid], script[type="application/ld+json"], [itemscope][itemtype], [typeof]');
    let t1 = performance.now(); const sc = document.getElementsByTagName('script').length; out.push('scriptsByTag ' + (performance.now() - t1).toFixed(1));
    t1 = performance.now(); const tb = document.getElementsByTagName('table').length; out.push('tablesByTag ' + (performance.now() - t1).toFixed(1));
    }
    return out.join(' | ');
  })()`));
  await page.close();
}
await browser.close(); server.close();
