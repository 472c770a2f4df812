// @vitest-environment happy-dom
import { get } from 'node:http';
import { differenceInCalendarDays, parse } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer } from '../fixtures/server';

/**
 * The demo CRM says (tests/fixtures/demo/README.md) which late-payment status each client must
 * get. This checks the served pages against the DESIGN.md rule, derived here independently of
 * lib/extract and lib/criteria, on several "todays", so the demo cannot drift out of its story.
 */

type Row = { client: string; number: string; due: Date; paid?: Date; unpaid: boolean };
type Status = 'met' | 'watch' | 'clear' | 'unknown';

/** DESIGN.md late-payment defaults: 365-day window on due dates; 15 days late; 30 overdue. */
function latePaymentStatus(rows: Row[], now: Date): Status {
  const judged: { late: number; unpaid: boolean }[] = [];
  for (const row of rows) {
    const sinceDue = differenceInCalendarDays(now, row.due);
    if (sinceDue < 0 || sinceDue > 365) continue; // due in [now − 365, now], both ends included
    if (row.paid) judged.push({ late: Math.max(0, differenceInCalendarDays(row.paid, row.due)), unpaid: false });
    else if (row.unpaid && sinceDue > 0) judged.push({ late: sinceDue, unpaid: true });
  }
  if (judged.length === 0) return 'unknown';
  const late = judged.filter((item) => item.late >= 15).length;
  if (late >= 2 || judged.some((item) => item.unpaid && item.late >= 30)) return 'met';
  const mean = judged.reduce((sum, item) => sum + item.late, 0) / judged.length;
  return late === 1 || mean > 3 ? 'watch' : 'clear';
}

function tableRows(doc: Document, tableId: string): Record<string, string>[] {
  const table = doc.getElementById(tableId);
  if (!table) throw new Error(`no table #${tableId}`);
  const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
  return [...table.querySelectorAll('tbody tr')].map((tr) =>
    Object.fromEntries([...tr.querySelectorAll('td')].map((td, i) => [headers[i]!, td.textContent!.trim()])),
  );
}

const PAID = new Set(['Оплачен', 'Paid']);

/** Node's own http (happy-dom's fetch enforces CORS against the test's origin). */
function readPage(url: string): Promise<Document> {
  return new Promise((resolve, reject) => {
    get(url, (response) => {
      let html = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (html += chunk));
      // Stylesheets dropped: happy-dom would try (and refuse) to load them.
      response.on('end', () => resolve(new DOMParser().parseFromString(html.replace(/<link\b[^>]*>/g, ''), 'text/html')));
    }).on('error', reject);
  });
}

async function demoVerdicts(baseUrl: string, now: Date): Promise<Record<string, Status>> {
  const read = (page: string) => readPage(`${baseUrl}/demo/${page}`);
  const byClient = new Map<string, Row[]>();
  const add = (row: Row) => byClient.set(row.client, [...(byClient.get(row.client) ?? []), row]);

  const ru = await read('invoices-ru.html');
  for (const cells of tableRows(ru, 'invoices')) {
    const date = (text: string) => (text === '—' ? undefined : parse(text, 'dd.MM.yyyy', now));
    add({
      client: cells['Клиент']!,
      number: cells['Номер']!,
      due: date(cells['Срок оплаты']!)!,
      paid: date(cells['Дата оплаты']!),
      unpaid: !PAID.has(cells['Статус']!),
    });
  }

  const acme = await read('client-acme.html');
  const subject = acme.querySelector('h1')!.textContent!.trim();
  for (const cells of tableRows(acme, 'client-invoices')) {
    add({
      client: subject,
      number: cells['Invoice #']!,
      due: parse(cells['Due']!, 'd MMM yyyy', now),
      paid: cells['Paid'] ? parse(cells['Paid'], 'yyyy-MM-dd', now) : undefined,
      unpaid: !PAID.has(cells['Status']!),
    });
  }
  return Object.fromEntries([...byClient].map(([client, rows]) => [client, latePaymentStatus(rows, now)]));
}

describe('demo CRM', () => {
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  const now = new Date();

  beforeAll(async () => {
    server = await startFixtureServer({ now });
  });
  afterAll(() => server.close());

  it('gives each client the late-payment status its README promises', async () => {
    expect(await demoVerdicts(server.url, now)).toEqual({
      'ООО «Ромашка»': 'met',
      'ЧУП «Вектор»': 'clear',
      'ОДО «Гранит-Строй»': 'met',
      'ИП Ковалёва Е. С.': 'unknown',
      'Acme Trading LLC': 'watch',
    });
  });

  it.each([new Date(2026, 2, 29, 12), new Date(2027, 0, 1, 0, 5), new Date(2028, 1, 29, 23, 50)])(
    'keeps the same story on %s (dates are relative)',
    async (day) => {
      const dated = await startFixtureServer({ now: day });
      try {
        expect(await demoVerdicts(dated.url, day)).toEqual(await demoVerdicts(server.url, now));
      } finally {
        await dated.close();
      }
    },
  );

  it.each(['clients.html', 'about.html'])('%s has no invoice table and no client heading', async (page) => {
    const doc = await readPage(`${server.url}/demo/${page}`);
    const headers = [...doc.querySelectorAll('th')].map((th) => th.textContent!.trim());
    expect(headers).not.toContain('Invoice #');
    expect(headers).not.toContain('Due');
    expect(doc.querySelector('h1')?.textContent).not.toMatch(/LLC|ООО|ЧУП|ОДО|ИП /);
  });
});
