// @vitest-environment happy-dom
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import App from '../../entrypoints/dashboard/App';
import { evaluateClient } from '../../lib/criteria';
import { daysAgo, history, invoice, note, NOW, ticket } from '../../lib/criteria/test-histories';
import { textOf } from '../../lib/i18n';
import { CRITERION_IDS, type CriterionId, type InvoiceObservation, type TicketObservation, type VerdictStatus } from '../../lib/model';
import { partingPlan } from '../../lib/parting';
import { withDefaults } from '../../lib/settings';
import { settingsItem } from '../../lib/settings-storage';
import { getDb, type ClientRow, type VerdictRow } from '../../lib/store/db';
import { ingestPage } from '../../lib/store/ingest';
import { recomputeAll } from '../../lib/store/verdicts';
import { BilledChart } from '../charts/BilledChart';
import { InvoicesChart } from '../charts/InvoicesChart';
import { billedMonths, invoiceBars, ticketWeeks } from '../charts/series';
import { TicketsChart } from '../charts/TicketsChart';
import { PartingAssistant } from '../PartingAssistant';
import { ClientTable } from './ClientTable';
import { dashboardRows, filterRows, NO_FILTER, rankRows, type DashboardRow, type RowFilter } from './rows';

// React's act() warns unless the environment says it is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const SETTINGS = withDefaults({ timeZone: 'Europe/Minsk', language: 'en' });
const en = textOf('en');
const ru = textOf('ru');
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

let root: Root | undefined;
let container: HTMLDivElement;

async function flush() {
  for (let i = 0; i < 8; i++) await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}

async function render(node: ReactNode) {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root!.render(node));
  await flush();
}

afterEach(() => {
  if (root) act(() => root!.unmount());
  root = undefined;
  container?.remove();
});

/** A stored client and its verdicts, one status per criterion in table order (the rest unknown). */
function stored(key: string, name: string, statuses: VerdictStatus[], client: Partial<ClientRow> = {}): { client: ClientRow; verdicts: VerdictRow[] } {
  return {
    client: { key, name, firstSeen: '2026-01-01T00:00:00Z', ...client },
    verdicts: CRITERION_IDS.map((id, i) => ({ clientKey: key, id, status: statuses[i] ?? 'unknown', summary: `${id} of ${name}`, evidence: [], since: '2026-01-01', computedAt: '2026-01-01' })),
  };
}

function rowsOf(...clients: { client: ClientRow; verdicts: VerdictRow[] }[]): DashboardRow[] {
  return rankRows(
    dashboardRows(
      clients.map((c) => c.client),
      clients.flatMap((c) => c.verdicts),
    ),
    collator,
  );
}

describe('the dashboard list as data', () => {
  const list = () =>
    rowsOf(
      stored('zeta', 'Zeta', ['met', 'met', 'clear']),
      stored('alpha', 'Alpha', ['met', 'watch', 'watch']),
      stored('beta', 'Beta', ['met', 'clear', 'watch']),
      stored('gamma', 'Gamma', ['clear', 'clear', 'clear', 'watch']),
      stored('elka', 'Ёлка ООО', ['met', 'clear', 'watch']),
      stored('new', 'Brand New', []),
    );

  it('ranks by criteria met, then by criteria on watch, then by name', () => {
    expect(list().map((row) => [row.name, row.met, row.watch])).toEqual([
      ['Zeta', 2, 0],
      ['Alpha', 1, 2],
      ['Beta', 1, 1],
      ['Ёлка ООО', 1, 1],
      ['Gamma', 0, 1],
      ['Brand New', 0, 0],
    ]);
  });

  it('lists tied names once, under their root, last seen where the latest of them was', () => {
    const rows = rowsOf(
      stored('romashka', 'ООО «Ромашка»', ['met'], { lastSeen: '2026-03-01T10:00:00Z', lastSource: 'crm.example' }),
      { client: { key: 'romashka trade', name: 'Romashka Trade', root: 'romashka', firstSeen: '2026-01-01T00:00:00Z', lastSeen: '2026-04-01T10:00:00Z', lastSource: 'helpdesk.example' }, verdicts: [] },
    );
    expect(rows.map((row) => [row.key, row.lastSeen, row.lastSource])).toEqual([['romashka', '2026-04-01T10:00:00Z', 'helpdesk.example']]);
  });

  it('counts a criterion with no stored verdict yet as unknown', () => {
    const row = list().find((candidate) => candidate.key === 'new')!;
    expect(Object.values(row.statuses)).toEqual(CRITERION_IDS.map(() => 'unknown'));
  });

  it.each<[string, Partial<RowFilter>, string[]]>([
    ['nothing', {}, ['Zeta', 'Alpha', 'Beta', 'Ёлка ООО', 'Gamma', 'Brand New']],
    ['a status alone: some criterion at it', { status: 'watch' }, ['Alpha', 'Beta', 'Ёлка ООО', 'Gamma']],
    ['a criterion alone: the clients it flags', { criterion: 'price-pressure' }, ['Zeta', 'Alpha']],
    ['a criterion and a status', { criterion: 'disrespect', status: 'watch' }, ['Alpha', 'Beta', 'Ёлка ООО']],
    ['an unknown status on a criterion', { criterion: 'ignored-advice', status: 'unknown' }, ['Zeta', 'Alpha', 'Beta', 'Ёлка ООО', 'Brand New']],
    ['a search, in any case', { query: 'ALP' }, ['Alpha']],
    ['a search with е for ё', { query: 'елка' }, ['Ёлка ООО']],
    ['a search and a filter', { query: 'a', status: 'met' }, ['Zeta', 'Alpha', 'Beta']],
  ])('filters by %s', (_case, filter, names) => {
    expect(filterRows(list(), { ...NO_FILTER, ...filter }).map((row) => row.name)).toEqual(names);
  });
});

describe('the list, windowed', () => {
  const many = () =>
    rankRows(
      dashboardRows(
        Array.from({ length: 5000 }, (_, i) => ({ key: `c${i}`, name: `Client ${i}`, firstSeen: '2026-01-01T00:00:00Z' })),
        Array.from({ length: 5000 }, (_, i) => stored(`c${i}`, `Client ${i}`, i % 7 === 0 ? ['met', 'met'] : i % 3 === 0 ? ['met'] : []).verdicts).flat(),
      ),
      collator,
    );

  it('draws only the rows in view of 5,000, each with its key, criteria met and name', async () => {
    await render(<ClientTable rows={many()} text={en} lang="en" hrefOf={(key) => `#client=${key}`} />);
    const rows = [...container.querySelectorAll('[data-client-key]')];
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(80);
    expect(rows[0]!.getAttribute('data-met')).toBe('2');
    expect(rows[0]!.getAttribute('data-client-name')).toBe('Client 0');
    expect(rows[0]!.querySelectorAll('[data-cell][data-status]')).toHaveLength(8);
    expect(container.querySelector('[role="table"]')!.getAttribute('aria-rowcount')).toBe('5001');
  });

  it('draws the rows further down once scrolled there', async () => {
    await render(<ClientTable rows={many()} text={en} lang="en" hrefOf={(key) => `#client=${key}`} />);
    const body = container.querySelector<HTMLDivElement>('.table__body')!;
    await act(async () => {
      body.scrollTop = 40 * 3000;
      body.dispatchEvent(new Event('scroll'));
    });
    const indexes = [...container.querySelectorAll('[data-client-key]')].map((row) => Number(row.getAttribute('aria-rowindex')));
    expect(Math.min(...indexes)).toBeGreaterThan(2900);
    expect(Math.max(...indexes)).toBeLessThan(3100);
  });

  it('renders a script-like name as text', async () => {
    const rows = rowsOf(stored('x', '<img src=x onerror=alert(1)>', ['met']));
    await render(<ClientTable rows={rows} text={en} lang="en" hrefOf={(key) => `#client=${key}`} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.cell--name a')!.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});

/** Invoices due `due` days ago and paid `paid` days ago (unpaid when undefined). */
const paidLate = (number: string, due: number, paid?: number, fields = {}) =>
  invoice({ number, issued: daysAgo(due + 14), due: daysAgo(due), paid: paid === undefined ? undefined : daysAgo(paid), status: paid === undefined ? 'overdue' : 'paid', currency: 'RUB', amount: 1000, ...fields });

describe('chart series', () => {
  it('draws an invoice by its days late, unpaid ones to today, and leaves out what cannot be judged', () => {
    const h = history({
      invoices: [
        paidLate('A-3', 60, 33),
        paidLate('A-1', 200, 200),
        paidLate('A-4', 40),
        paidLate('A-5', -5), // not due yet
        paidLate('A-6', 100, 90, { status: 'void' }),
        paidLate('A-7', 800, 700), // over two years ago
        invoice({ number: 'A-8', due: daysAgo(50), status: 'paid' }), // paid on a date never seen
      ],
    });
    const { bars } = invoiceBars(h, SETTINGS, NOW);
    expect(bars.map((bar) => [bar.number, bar.late, bar.unpaid])).toEqual([
      ['A-1', 0, false],
      ['A-3', 27, false],
      ['A-4', 40, true],
    ]);
  });

  it('counts tickets per week, with those outside business hours and the urgent ones, empty weeks included', () => {
    // NOW is Friday 27 November 2026; 21 November is a Saturday.
    const h = history({
      tickets: [
        ticket(0),
        ticket(0, { priority: 'urgent' }, '20:30:00'),
        ticket(6),
        ticket(21, { priority: 'urgent' }),
        ticket(400), // long ago: not on the chart
      ],
    });
    const weeks = ticketWeeks(h, SETTINGS, NOW);
    expect(weeks.map((week) => [week.total, week.afterHours, week.urgent])).toEqual([
      [1, 0, 1],
      [0, 0, 0],
      [1, 1, 0],
      [2, 1, 1],
    ]);
    expect(ticketWeeks(history(), SETTINGS, NOW)).toEqual([]);
  });

  it('sums the billed amount per month in the currency billed most, and names the others', () => {
    const h = history({
      invoices: [
        invoice({ issued: '2026-09-10', amount: 100, currency: 'RUB' }),
        invoice({ issued: '2026-09-20', amount: 50, currency: 'RUB' }),
        invoice({ issued: '2026-11-02', amount: -30, currency: 'RUB' }),
        invoice({ issued: '2026-11-03', amount: 999, currency: 'RUB', status: 'draft' }),
        invoice({ issued: '2026-10-03', amount: 70, currency: 'BYN' }),
      ],
    });
    expect(billedMonths(h, SETTINGS, NOW)).toEqual({
      currency: 'RUB',
      months: [
        { month: '2026-09', amount: 150 },
        { month: '2026-10', amount: 0 },
        { month: '2026-11', amount: -30 },
      ],
      others: ['BYN'],
    });
  });
});

describe('charts', () => {
  const h = history({ invoices: [paidLate('A-1', 100, 82), paidLate('A-2', 40)], tickets: [ticket(1), ticket(2, { priority: 'urgent' }, '22:00:00')] });

  it('draws each invoice as a bar that says what it is, and the two late-payment lines from settings', async () => {
    const { bars, today } = invoiceBars(h, SETTINGS, NOW);
    await render(<InvoicesChart bars={bars} today={today} lateDays={10} overdueDays={20} text={en} lang="en" />);
    expect(container.querySelectorAll('[data-chart="invoices"] svg rect[data-bar]')).toHaveLength(2);
    expect(container.querySelector('rect[data-bar="A-1"] title')!.textContent).toMatch(/^№ A-1: due \d+ \w+ 2026, paid \d+ \w+ 2026, 18 days late$/);
    expect(container.querySelector('rect[data-bar="A-2"]')!.getAttribute('class')).toContain('bar--unpaid');
    expect([...container.querySelectorAll('[data-threshold]')].map((line) => line.textContent)).toEqual(['10 days: late', '20 days: long overdue']);
  });

  it('speaks Russian, and says so when there is nothing to draw', async () => {
    await render(
      <>
        <TicketsChart weeks={ticketWeeks(h, SETTINGS, NOW)} text={ru} lang="ru" />
        <BilledChart {...billedMonths(history(), SETTINGS, NOW)} text={ru} lang="ru" />
      </>,
    );
    expect(container.querySelector('[data-chart="tickets"] figcaption')!.textContent).toBe('Обращения по неделям');
    expect(container.querySelector('[data-chart="tickets"] .chart__note')!.textContent).toBe('2 обращения: 50 % вне рабочего времени, 50 % срочных');
    expect(container.querySelector('[data-chart="billed"] svg')).toBeNull();
    expect(container.querySelector('[data-chart="billed"]')!.textContent).toContain(ru.charts.billed.none);
  });
});

describe('the parting assistant', () => {
  const judged = { ...history({ invoices: [paidLate('A-1', 100, 80), paidLate('A-2', 60, 35)], notes: [note('incident', 5)] }), client: { name: '<b>Acme</b>', key: 'acme' } };
  const plan = () => partingPlan(judged, evaluateClient(judged, { now: NOW, settings: SETTINGS }), { lang: 'en', now: NOW });

  it('shows the steps and the letter as text, and Copy puts subject and letter on the clipboard', async () => {
    const onCopy = vi.fn(async () => {});
    await render(<PartingAssistant plan={plan()} text={en} onCopy={onCopy} onClose={() => {}} />);
    expect([...container.querySelectorAll('[data-step]')].map((step) => step.getAttribute('data-step'))).toEqual(['late-payment', 'disrespect']);
    const letter = container.querySelector('[data-letter]')!;
    expect(letter.textContent).toContain('To: <b>Acme</b>');
    expect(letter.querySelector('b')).toBeNull();
    await act(async () => container.querySelector<HTMLButtonElement>('[data-action="copy-letter"]')!.click());
    await flush();
    expect(onCopy).toHaveBeenCalledWith(`Subject: ${plan().letter!.subject}\n\n${plan().letter!.body}`);
    expect(container.querySelector('[data-copy-status]')!.textContent).toBe(`✓ ${en.assistant.copied}`);
  });

  it('says so when the browser refuses to copy', async () => {
    await render(<PartingAssistant plan={plan()} text={ru} onCopy={() => Promise.reject(new Error('denied'))} onClose={() => {}} />);
    await act(async () => container.querySelector<HTMLButtonElement>('[data-action="copy-letter"]')!.click());
    await flush();
    expect(container.querySelector('[data-copy-status="failed"]')!.textContent).toBe(ru.assistant.copyFailed);
  });

  it('offers no letter when nothing is met, only the early steps', async () => {
    const watched = history({ invoices: [paidLate('A-1', 100, 80)] });
    const early = partingPlan(watched, evaluateClient(watched, { now: NOW, settings: SETTINGS }), { lang: 'en', now: NOW });
    await render(<PartingAssistant plan={early} text={en} onCopy={async () => {}} onClose={() => {}} />);
    expect(container.querySelectorAll('[data-step]')).toHaveLength(1);
    expect(container.querySelector('[data-letter]')).toBeNull();
    expect(container.textContent).toContain(en.assistant.noLetter);
  });
});

describe('the dashboard page, on a store filled as the background fills it', () => {
  const seen = (n: number) => `${daysAgo(n)}T09:00:00Z`;
  const client = (name: string) => ({ name });
  const bill = (name: string, number: string, due: number, paid?: number): InvoiceObservation => ({
    kind: 'invoice', client: client(name), number, issued: daysAgo(due + 14), due: daysAgo(due), ...(paid === undefined ? { status: 'overdue' } : { paid: daysAgo(paid), status: 'paid' }), amount: 500, currency: 'BYN',
  });
  const call = (name: string, id: string, n: number, time = '10:00:00'): TicketObservation => ({ kind: 'ticket', client: client(name), id, created: `${daysAgo(n)}T${time}`, priority: 'urgent' });

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    const db = getDb();
    await ingestPage(db, {
      at: seen(1),
      source: 'crm.example',
      extract: {
        observations: [
          bill('Latecomer Ltd', 'L-1', 100, 70),
          bill('Latecomer Ltd', 'L-2', 60, 40),
          bill('Latecomer Ltd', 'L-3', 45),
          bill('Prompt Payer', 'P-1', 50, 50),
          bill('Almost Late', 'M-1', 50, 30),
          ...[1, 2, 3, 4, 5, 6].map((n) => call('Latecomer Ltd', `T-${n}`, n, '23:00:00')),
        ],
        warnings: [],
      },
    });
    await recomputeAll(db, SETTINGS, NOW);
  });
  afterAll(async () => {
    vi.useRealTimers();
    await getDb().delete();
  });

  const names = () => [...container.querySelectorAll('[data-client-key]')].map((row) => [row.getAttribute('data-client-name'), row.getAttribute('data-met')]);

  it('lists the stored clients ranked, filters them and finds one by name', async () => {
    fakeBrowser.reset();
    await settingsItem.setValue(SETTINGS);
    location.hash = '';
    await render(<App />);
    expect(names()).toEqual([
      ['Latecomer Ltd', '2'],
      ['Almost Late', '0'],
      ['Prompt Payer', '0'],
    ]);
    const select = container.querySelector<HTMLSelectElement>('select[name="status"]')!;
    await act(async () => {
      select.value = 'watch';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(names().map(([name]) => name)).toEqual(['Almost Late']);
    expect(container.querySelector('.filters__count')!.textContent).toBe('1 of 3 clients');
  });

  it('shows one client: the eight verdicts from the store, its notes and charts, and prepares the conversation', async () => {
    fakeBrowser.reset();
    await settingsItem.setValue(withDefaults({ ...SETTINGS, language: 'ru' }));
    location.hash = '#client=latecomer';
    await render(<App />);
    const view = container.querySelector('[data-client-view="latecomer"]')!;
    expect(view).not.toBeNull();
    const stored = await getDb().verdicts.where('clientKey').equals('latecomer').toArray();
    const statuses = Object.fromEntries([...view.querySelectorAll('[data-criterion]')].map((row) => [row.getAttribute('data-criterion'), row.getAttribute('data-status')]));
    expect(statuses).toEqual(Object.fromEntries(stored.map((row) => [row.id, row.status])) as Record<CriterionId, VerdictStatus>);
    expect(view.querySelectorAll('[data-chart="invoices"] rect[data-bar]')).toHaveLength(3);
    expect(view.querySelector('[data-chart="tickets"]')!.getAttribute('data-points')).toBe('6');
    expect(document.documentElement.lang).toBe('ru');
    await act(async () => view.querySelector<HTMLButtonElement>('[data-action="prepare-conversation"]')!.click());
    await flush();
    expect(view.querySelector('[data-letter]')!.textContent).toContain('№ L-3');
  });
});
