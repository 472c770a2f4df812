import { afterEach, describe, expect, it, vi } from 'vitest';
import { evaluateClient, peerStats } from '../criteria/index';
import { change, countSnapshot, daysAgo, history, invoice, note, NOW, SETTINGS, ticket } from '../criteria/test-histories';
import { formatMoney } from '../i18n';
import { en as english } from '../i18n/en';
import { CRITERION_IDS, type ClientHistory, type CriterionId, type Evidence, type HistoryInvoice, type PeerStats, type Verdict } from '../model';
import { partingPlan } from './index';

const en = english.parting;

/**
 * Histories built with the criteria's test helpers (now = 2026-11-27, a Friday, in Minsk) and
 * judged by evaluateClient, so the plan reads the evidence shapes the criteria really build.
 */

type Judged = 'met' | 'watch';
type Fixture = { history: ClientHistory; peers?: PeerStats };

/** A ticket on a Friday `weeks` weeks ago at 10:00: a business hour, so only what a case adds counts. */
const friday = (weeks: number, fields: Parameters<typeof ticket>[1] = {}) => ticket(7 * weeks, fields);
const fridays = (weeks: number[], fields: Parameters<typeof ticket>[1] = {}) => weeks.map((w) => friday(w, fields));

/** An invoice due `due` days ago and paid `paid` days ago (undefined: unpaid), in euros. */
const paidLate = (due: number, paid?: number, fields: Partial<HistoryInvoice> = {}) =>
  invoice({ issued: daysAgo(due + 30), due: daysAgo(due), paid: paid === undefined ? undefined : daysAgo(paid), status: paid === undefined ? 'open' : 'paid', currency: 'EUR', ...fields });
/** An invoice issued `issued` days ago and paid on its due date. */
const paidOnTime = (issued: number, fields: Partial<HistoryInvoice> = {}) =>
  invoice({ issued: daysAgo(issued), due: daysAgo(issued - 10), paid: daysAgo(issued - 10), status: 'paid', currency: 'EUR', ...fields });

/** Three ordinary clients (2 tickets and 10,000 billed each), the peers low-income compares with. */
const peerHistories = () =>
  [1, 2, 3].map((i) => ({ ...history({ invoices: [paidOnTime(30, { amount: 10_000 })], tickets: fridays([1, 2]) }), client: { name: `Peer ${i}`, key: `peer ${i}` } }));
const withPeers = (target: ClientHistory): Fixture => ({ history: target, peers: peerStats([target, ...peerHistories()], { now: NOW, settings: SETTINGS }) });

/** For each criterion, a history that meets it and one that puts it on watch, and nothing else. */
const FIXTURES: Record<CriterionId, Record<Judged, () => Fixture>> = {
  'late-payment': {
    met: () => ({ history: history({ invoices: [paidLate(100, 85), paidLate(60, 33), paidLate(40)] }) }),
    watch: () => ({ history: history({ invoices: [paidLate(100, 85), paidLate(60, 60)] }) }),
  },
  'price-pressure': {
    met: () => ({ history: history({ invoices: [paidOnTime(20, { discount: 100 }), paidOnTime(50, { discount: 50 })], notes: [note('discount-request', 30)] }) }),
    watch: () => ({ history: history({ notes: [note('discount-request', 30)] }) }),
  },
  disrespect: {
    met: () => ({
      history: history({ notes: [note('incident', 10), note('incident', 30), note('incident', 60, { text: 'Shouted at our manager, called us idiots' })] }),
    }),
    watch: () => ({ history: history({ notes: [note('incident', 15, { text: 'Rude again, the idiot' })] }) }),
  },
  'ignored-advice': {
    met: () => ({ history: history({ notes: [note('advice', 40, { outcome: 'ignored' }), note('advice', 100, { outcome: 'ignored' })] }) }),
    watch: () => ({
      history: history({ notes: [note('advice', 40, { outcome: 'ignored' }), note('advice', 50, { outcome: 'followed' }), note('advice', 60, { outcome: 'followed' })] }),
    }),
  },
  'scope-creep': {
    met: () => ({ history: history({ tickets: fridays([1, 2, 3, 4, 5, 6, 7, 8, 14, 16, 18, 20]), invoices: [paidOnTime(40), paidOnTime(130)] }) }),
    watch: () => ({ history: history({ tickets: fridays([1, 2, 3, 4, 5, 14, 16, 18, 20]), invoices: [paidOnTime(40), paidOnTime(130)] }) }),
  },
  'excess-attention': {
    met: () => ({ history: history({ tickets: [...fridays([1, 2], { priority: 'urgent' }), ...fridays([3, 4, 5])] }) }),
    watch: () => ({ history: history({ tickets: [...fridays([1], { priority: 'urgent' }), ...fridays([2, 3, 4, 5])] }) }),
  },
  'out-of-scope': {
    met: () => ({ history: history({ notes: [note('ethics', 10, { text: 'Wanted us to backdate the contract, crooks' })] }) }),
    watch: () => ({ history: history({ notes: [note('out-of-scope', 20)] }) }),
  },
  'low-income': {
    met: () => withPeers(history({ invoices: [paidOnTime(30, { amount: 1000 })], tickets: fridays([1, 2, 3, 4]) })),
    watch: () => withPeers(history({ invoices: [paidOnTime(30, { amount: 6000 })], tickets: fridays([1, 2]) })),
  },
};

/** Euros as the Russian letter writes them (Intl puts no-break spaces between the groups and before the sign). */
const euroRu = (amount: number) => formatMoney('ru', amount, 'EUR');

const judge = ({ history: h, peers }: Fixture) => evaluateClient(h, { now: NOW, settings: SETTINGS, peers });
const plan = (h: ClientHistory, verdicts: Verdict[], lang: 'en' | 'ru' = 'en') => partingPlan(h, verdicts, { lang, now: NOW });
const judgedOf = (verdicts: Verdict[]) => Object.fromEntries(verdicts.filter((v) => v.status === 'met' || v.status === 'watch').map((v) => [v.id, v.status]));

const CASES = CRITERION_IDS.flatMap((id) => (['met', 'watch'] as const).map((status) => [id, status] as const));

/** One history of several fixtures, and each criterion's verdict taken from its own fixture. */
function mixed(statuses: Partial<Record<CriterionId, Judged>>): { history: ClientHistory; verdicts: Verdict[] } {
  const empty = evaluateClient(history(), { now: NOW, settings: SETTINGS });
  const parts = CRITERION_IDS.map((id) => {
    const status = statuses[id];
    if (!status) return { history: history(), verdict: empty.find((v) => v.id === id)! };
    const fixture = FIXTURES[id][status]();
    return { history: fixture.history, verdict: judge(fixture).find((v) => v.id === id)! };
  });
  const merged = history({
    invoices: parts.flatMap((p) => p.history.invoices),
    tickets: parts.flatMap((p) => p.history.tickets),
    notes: parts.flatMap((p) => p.history.notes),
  });
  return { history: merged, verdicts: reorder(parts.map((p) => p.verdict)) };
}

/** A fixed shuffle (no randomness in tests): odd positions reversed, then the even ones. */
function reorder<T>(items: readonly T[]): T[] {
  return [...items.filter((_, i) => i % 2 === 1).reverse(), ...items.filter((_, i) => i % 2 === 0)];
}

/** The letter with the client's name and the invoice numbers taken out: what is left is our own wording. */
function ownWords(body: string, h: ClientHistory): string {
  let text = body.split(h.client.name).join(' ');
  for (const inv of h.invoices) text = text.split(inv.number).join(' ');
  return text;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('partingPlan: steps', () => {
  it.each(CASES)('gives one step for %s alone at %s, and a letter only when it is met', (id, status) => {
    const fixture = FIXTURES[id][status]();
    const verdicts = judge(fixture);
    expect(judgedOf(verdicts)).toEqual({ [id]: status });
    for (const lang of ['en', 'ru'] as const) {
      const { steps, letter } = plan(fixture.history, verdicts, lang);
      expect(steps.map((s) => s.criterion)).toEqual([id]);
      expect(letter === null).toBe(status === 'watch');
    }
    expect(plan(fixture.history, verdicts).steps[0]!.text.startsWith(en.steps[id][status])).toBe(true);
  });

  it.each([
    ['every criterion met', Object.fromEntries(CRITERION_IDS.map((id) => [id, 'met'])) as Record<CriterionId, Judged>],
    ['every criterion on watch', Object.fromEntries(CRITERION_IDS.map((id) => [id, 'watch'])) as Record<CriterionId, Judged>],
    ['met and watch alternating', { 'late-payment': 'watch', 'price-pressure': 'met', disrespect: 'watch', 'ignored-advice': 'met', 'scope-creep': 'watch', 'excess-attention': 'met', 'out-of-scope': 'watch', 'low-income': 'met' }],
    ['met only at the end of the table, watch at the start', { 'late-payment': 'watch', 'price-pressure': 'watch', 'out-of-scope': 'met', 'low-income': 'met' }],
    ['two met, the rest clear or unknown', { disrespect: 'met', 'scope-creep': 'met' }],
    ['one watch among clear and unknown', { 'excess-attention': 'watch' }],
  ] as const)('with %s: a step for exactly the met and watch criteria, met first, each in the table order', (_name, statuses) => {
    const { history: h, verdicts } = mixed(statuses);
    const byStatus = (status: Judged) => CRITERION_IDS.filter((id) => statuses[id as keyof typeof statuses] === status);
    const { steps, letter } = plan(h, verdicts);
    expect(steps.map((s) => s.criterion)).toEqual([...byStatus('met'), ...byStatus('watch')]);
    expect(letter !== null).toBe(byStatus('met').length > 0);
  });

  it('orders the steps of one real history by status, then table order', () => {
    const h = history({
      invoices: [paidLate(100, 85), paidLate(60, 60)],
      notes: [note('ethics', 10), note('incident', 20), note('advice', 40, { outcome: 'ignored' }), note('advice', 70, { outcome: 'ignored' })],
    });
    const verdicts = judge({ history: h });
    expect(judgedOf(verdicts)).toEqual({ 'late-payment': 'watch', disrespect: 'watch', 'ignored-advice': 'met', 'out-of-scope': 'met' });
    expect(plan(h, verdicts).steps.map((s) => s.criterion)).toEqual(['ignored-advice', 'out-of-scope', 'late-payment', 'disrespect']);
  });

  it('gives no steps and no letter for empty verdicts, or for clear and unknown ones', () => {
    expect(plan(history(), [])).toEqual({ steps: [], letter: null });
    const quiet = history({ invoices: [paidLate(60, 60)] });
    expect(plan(quiet, judge({ history: quiet }))).toEqual({ steps: [], letter: null });
  });

  it.each([
    ['late-payment', 'met', ['Invoices INV-', '(15 days late)', '(27 days late)', '(unpaid, 40 days overdue)']],
    ['price-pressure', 'met', ['Discount on INV-', 'discount asked for on 28 October 2026']],
    ['disrespect', 'met', ['Incidents noted on 28 September, 28 October and 17 November 2026']],
    ['ignored-advice', 'met', ['Advice not followed: 19 August and 18 October 2026']],
    ['scope-creep', 'met', ['8 requests from 30 August to 27 November 2026 against 4 from 1 June to 29 August 2026', 'billed €1,000.00 and €1,000.00']],
    ['excess-attention', 'met', ['2 requests marked urgent, from 13 November to 20 November 2026']],
    ['out-of-scope', 'watch', ['1 out-of-scope request on 7 November 2026']],
    ['low-income', 'met', ['Billed €1,000.00 for 4 requests from 27 November 2025 to 27 November 2026']],
  ] as const)('states the facts behind the %s step (%s)', (id, status, facts) => {
    const fixture = FIXTURES[id][status]();
    const [step] = plan(fixture.history, judge(fixture)).steps;
    for (const fact of facts) expect(step?.text).toContain(fact);
  });
});

describe('partingPlan: the letter', () => {
  const lateHistory = (): ClientHistory => ({
    ...history({
      invoices: [
        paidLate(100, 79, { number: 'A-21' }),
        paidLate(90, 68, { number: 'A-22' }),
        paidLate(80, 55, { number: 'A-25', amount: 1234.5 }),
        paidLate(31, undefined, { number: 'A-31', status: 'partial' }),
        paidLate(70, 30, { number: 'A-40', paidEstimated: true, lastSeenUnpaid: daysAgo(35) }),
        paidLate(50, 50, { number: 'A-00' }),
      ],
    }),
    client: { name: 'ООО «Ромашка»', key: 'ромашка' },
  });

  it.each(['en', 'ru'] as const)('names every late-payment invoice of the evidence (%s)', (lang) => {
    const h = lateHistory();
    const verdicts = judge({ history: h });
    const late = verdicts.find((v) => v.id === 'late-payment')!;
    expect(late.status).toBe('met');
    const numbers = late.evidence.flatMap((e) => (e.kind === 'invoice' ? [e.number] : []));
    expect(numbers).toHaveLength(5);
    const { letter } = plan(h, verdicts, lang);
    for (const number of numbers) expect(letter?.body).toContain(number);
  });

  it('writes dates, money and days late in English style', () => {
    const h = lateHistory();
    const body = plan(h, judge({ history: h }), 'en').letter?.body ?? '';
    expect(body).toContain('Invoice A-21 for €1,000.00: due 19 August 2026, paid 9 September 2026, 21 days late.');
    expect(body).toContain(`Invoice A-25 for ${formatMoney('en', 1234.5, 'EUR')}: due 8 September 2026, paid 3 October 2026, 25 days late.`);
    expect(body).toContain('Invoice A-31 for €1,000.00: due 27 October 2026, paid in part; the balance is 31 days past the due date as of 27 November 2026.');
    expect(body).toContain('Invoice A-40 for €1,000.00: due 18 September 2026, paid between 23 October and 28 October 2026, 35–40 days late.');
    expect(body).toContain('We would also ask you to settle invoice A-31.');
    expect(body).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('writes dates, money and Russian plurals of days late in Russian style', () => {
    const h = lateHistory();
    const body = plan(h, judge({ history: h }), 'ru').letter?.body ?? '';
    expect(body).toContain(`Счёт № A-21 на сумму ${euroRu(1000)}: срок оплаты — 19 августа 2026 г., оплачен 9 сентября 2026 г., с опозданием на 21 день.`);
    expect(body).toContain(`Счёт № A-22 на сумму ${euroRu(1000)}: срок оплаты — 29 августа 2026 г., оплачен 20 сентября 2026 г., с опозданием на 22 дня.`);
    expect(body).toContain(`Счёт № A-25 на сумму ${euroRu(1234.5)}: срок оплаты — 8 сентября 2026 г., оплачен 3 октября 2026 г., с опозданием на 25 дней.`);
    expect(body).toContain('срок оплаты — 27 октября 2026 г., оплачен частично; на 27 ноября 2026 г. просрочка по остатку составляет 31 день.');
    expect(body).toContain('оплачен в период с 23 октября по 28 октября 2026 г., с опозданием на 35–40 дней.');
    expect(body).toContain('Также просим погасить задолженность по счёту № A-31.');
    expect(body).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it.each(CRITERION_IDS)('writes the %s letter in Russian only: Cyrillic, no Latin words but names and numbers', (id) => {
    const fixture = FIXTURES[id].met();
    const verdicts = judge(fixture);
    const ru = plan(fixture.history, verdicts, 'ru').letter!;
    const english = plan(fixture.history, verdicts, 'en').letter!;
    const russianWords = ownWords(`${ru.subject}\n${ru.body}`, fixture.history);
    expect(russianWords).toMatch(/[а-яё]/i);
    expect(russianWords).not.toMatch(/[a-z]/i);
    const englishWords = new Set(ownWords(`${english.subject}\n${english.body}`, fixture.history).match(/[a-z]{3,}/gi));
    expect(englishWords.size).toBeGreaterThan(20);
    for (const word of englishWords) expect(`${ru.subject}\n${ru.body}`).not.toContain(word);
    expect(ownWords(english.body, fixture.history)).not.toMatch(/[а-яё]/i);
  });

  it('proposes the way forward of each met criterion, and parting when the terms or the price are at stake', () => {
    const { history: h, verdicts } = mixed({ 'late-payment': 'met', disrespect: 'met', 'excess-attention': 'watch' });
    const body = plan(h, verdicts).letter?.body ?? '';
    expect(body).toContain(en.letter.proposals.disrespect);
    expect(body).toContain('For new work, we propose prepayment or shorter payment terms.');
    expect(body).toContain(en.letter.parting);
    expect(body).not.toContain(en.letter.proposals.excessAttention);
    const calm = mixed({ disrespect: 'met' });
    expect(plan(calm.history, calm.verdicts).letter?.body).not.toContain(en.letter.parting);
  });

  it('states a note by its kind and date, never its text', () => {
    for (const [id, status] of [['disrespect', 'met'], ['disrespect', 'watch'], ['out-of-scope', 'met']] as const) {
      const fixture = FIXTURES[id][status]();
      for (const lang of ['en', 'ru'] as const) {
        const { steps, letter } = plan(fixture.history, judge(fixture), lang);
        const everything = JSON.stringify({ steps, letter });
        expect(everything).not.toMatch(/idiot|crooks|shouted|backdate/i);
      }
    }
    const fixture = FIXTURES.disrespect.met();
    expect(plan(fixture.history, judge(fixture)).letter?.body).toContain(
      'On 28 September, 28 October and 17 November 2026 our team noted conversations in which the tone became sharp.',
    );
    expect(plan(fixture.history, judge(fixture), 'ru').letter?.body).toContain(
      '28 сентября, 28 октября и 17 ноября 2026 г. наша команда отметила разговоры, в которых тон общения стал резким.',
    );
  });

  it('counts work and billing per period, from tickets or from ticket counts', () => {
    const fixture = FIXTURES['scope-creep'].met();
    expect(plan(fixture.history, judge(fixture), 'ru').letter?.body).toContain(
      `Число Ваших обращений с 30 августа по 27 ноября 2026 г. — 8, с 1 июня по 29 августа 2026 г. — 4; сумма выставленных счетов за эти периоды — ${euroRu(1000)} и ${euroRu(1000)} соответственно.`,
    );
    const counted = history({
      counts: [countSnapshot(10, 170), countSnapshot(14, 100), countSnapshot(20, 60), countSnapshot(30, 10)],
      invoices: [paidOnTime(40), paidOnTime(130)],
    });
    const verdicts = judge({ history: counted });
    expect(judgedOf(verdicts)).toEqual({ 'scope-creep': 'met' });
    expect(plan(counted, verdicts).letter?.body).toContain('The number of your requests rose from 20 to 30 (as of 17 November 2026).');
  });

  it('says how many requests came when volume alone decided excess attention', () => {
    const busy = history({ tickets: fridays([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) });
    const fixture = withPeers(busy);
    const verdicts = judge(fixture);
    expect(verdicts.find((v) => v.id === 'excess-attention')?.status).toBe('met');
    expect(plan(busy, verdicts).letter?.body).toContain('From 29 August to 27 November 2026 we received 12 requests from you.');
  });

  it('states price pressure from discounts, credit notes, lowered amounts, deferrals and requests', () => {
    const h = history({
      invoices: [
        paidOnTime(20, { number: 'P-1', discount: 100 }),
        paidOnTime(30, { number: 'P-2', amount: -200 }),
        paidOnTime(40, { number: 'P-3' }),
        paidOnTime(50, { number: 'P-4' }),
      ],
      changes: [change('P-3', 'amount', 1000, 800, 35), change('P-4', 'due', daysAgo(40), daysAgo(25), 38)],
      notes: [note('discount-request', 12), note('discount-request', 33)],
    });
    const verdicts = judge({ history: h });
    expect(verdicts.find((v) => v.id === 'price-pressure')?.status).toBe('met');
    expect(plan(h, verdicts).letter?.body).toContain(
      'Over recent months the price and terms of our work have come up several times: a discount of €100.00 on invoice P-1; credit note P-2 for -€200.00; ' +
        'the amount of invoice P-3 was lowered from €1,000.00 to €800.00 (23 October 2026); the due date of invoice P-4 was moved from 18 October 2026 to 2 November 2026; ' +
        'requests for a discount on 25 October and 15 November 2026.',
    );
    expect(plan(h, verdicts, 'ru').letter?.body).toContain('перенос срока оплаты счёта № P-4 с 18 октября 2026 г. на 2 ноября 2026 г.');
  });
});

describe('partingPlan: determinism and hostile text', () => {
  it('gives deep-equal plans for the same input, whatever the clock says', () => {
    const { history: h, verdicts } = mixed({ 'late-payment': 'met', 'price-pressure': 'watch', 'scope-creep': 'met', 'low-income': 'met' });
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-01-01T00:00:00Z'));
    const first = plan(h, verdicts, 'ru');
    vi.setSystemTime(new Date('2019-06-15T23:59:59Z'));
    expect(plan(h, verdicts, 'ru')).toEqual(first);
  });

  it.each(['en', 'ru'] as const)('gives the same plan for shuffled evidence and history rows (%s)', (lang) => {
    const { history: h, verdicts } = mixed(Object.fromEntries(CRITERION_IDS.map((id) => [id, 'met'])));
    const shuffledVerdicts = reorder(verdicts).map((v) => ({ ...v, evidence: reorder<Evidence>(v.evidence) }));
    const shuffledHistory = { ...h, invoices: reorder(h.invoices), tickets: reorder(h.tickets), notes: reorder(h.notes) };
    expect(verdicts.some((v) => v.evidence.length > 1 && JSON.stringify(reorder(v.evidence)) !== JSON.stringify(v.evidence))).toBe(true);
    expect(plan(shuffledHistory, shuffledVerdicts, lang)).toEqual(plan(h, verdicts, lang));
  });

  const HOSTILE = `<img src=x onerror=alert(1)>\n=HYPERLINK("http://evil.example","click")\r\n\t\u0007${'x'.repeat(600)}`;

  it.each(['en', 'ru'] as const)('keeps a hostile client name plain text: one line, cut at 500, never interpreted (%s)', (lang) => {
    const h = { ...FIXTURES['late-payment'].met().history, client: { name: HOSTILE, key: 'hostile' } };
    const { letter } = plan(h, judge({ history: h }), lang);
    const body = letter?.body ?? '';
    const shown = `<img src=x onerror=alert(1)> =HYPERLINK("http://evil.example","click") ${'x'.repeat(600)}`.slice(0, 500);
    const nameLine = body.split('\n').find((line) => line.includes('<img'));
    expect(nameLine).toBe(`${lang === 'en' ? 'To:' : 'Кому:'} ${shown}`);
    expect(body).not.toMatch(/[\r\t\u0007]/);
    expect(body.split('\n').some((line) => /^[=+@-]/.test(line))).toBe(false);
    // Apart from the name, nothing of ours looks like markup: no HTML, no markdown.
    expect(body.replace(nameLine ?? '', '')).not.toMatch(/[<>*_`#[\]]/);
    expect(letter?.subject).not.toMatch(/[<>\n]/);
  });

  it('keeps a hostile invoice number on one line', () => {
    const h = history({ invoices: [paidLate(100, 80, { number: 'INV\n1<b>' }), paidLate(60, 40)] });
    const body = plan(h, judge({ history: h })).letter?.body ?? '';
    expect(body).toContain('Invoice INV 1<b> for €1,000.00');
  });
});

