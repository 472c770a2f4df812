import { describe, expect, it } from 'vitest';
import type { Observation } from '../model';
import { learnProfile, profileMatches, readWithProfile, siteProfileSchema, type SiteProfile } from './index';
import { loadPage } from '../../tests/fixtures/pages/page';
import { expectedOf, invoiceExample, loadTeachPage, shown, ticketExample } from './test-pages';

const learnt = new Map<string, string>();

/** Taught on one row of page 1, as the user would, and stored as JSON (learnt once per kind). */
function taught(kind: 'invoice' | 'ticket'): SiteProfile {
  let stored = learnt.get(kind);
  if (!stored) {
    const name = kind === 'invoice' ? 'invoices-page1' : 'tickets-ru-page1';
    const doc = loadTeachPage(name);
    const result = learnProfile(doc, expectedOf(name).url, kind === 'invoice' ? invoiceExample(doc) : ticketExample(doc));
    if (!result.ok) throw new Error(result.error);
    stored = JSON.stringify(result.profile);
    learnt.set(kind, stored);
  }
  return JSON.parse(stored) as SiteProfile;
}

function readPage(name: string, profile: unknown, edit?: (doc: Document) => void) {
  const page = expectedOf(name);
  const doc = loadTeachPage(name);
  edit?.(doc);
  return readWithProfile(doc, page.url, profile, { now: page.now });
}

const clientsOf = (observations: Observation[]) => observations.map((observation) => observation.client.name);

describe('a profile taught on one row of page 1', () => {
  it.each([
    ['invoice', 'invoices-page1'],
    ['invoice', 'invoices-page2'],
    ['invoice', 'invoices-redeployed'],
    ['ticket', 'tickets-ru-page1'],
    ['ticket', 'tickets-ru-redeployed'],
  ] as const)('%s profile reads every row of %s, and nothing else', (kind, name) => {
    const extract = readPage(name, taught(kind));
    expect(extract.observations).toEqual(expectedOf(name).observations);
    expect(extract.warnings).toEqual([]);
    expect(extract.subject).toBeUndefined();
  });

  it('keeps reading when a redeploy also wraps every number and client link (no taught path fits as it was)', () => {
    const extract = readPage('invoices-redeployed', taught('invoice'), (doc) => {
      const wrap = (el: Element, tag: string) => {
        const wrapper = doc.createElement(tag);
        el.replaceWith(wrapper);
        wrapper.append(el);
      };
      for (const span of Array.from(doc.querySelectorAll('span'))) if (/^#INV/.test(span.textContent ?? '')) wrap(span, 'div');
      for (const link of Array.from(doc.querySelectorAll('a[href^="/crm/clients"]'))) wrap(link, 'span');
    });
    expect(extract.observations).toEqual(expectedOf('invoices-redeployed').observations);
    expect(extract.warnings).toEqual([]);
  });

  it.each([
    ['invoice', 'invoices-page1', ['Cyberdyne Systems', 'Tyrell Corp', 'Soylent Foods', 'Vandelay Industries']],
    ['invoice', 'invoices-page2', ['Cyberdyne Systems', 'Tyrell Corp', 'Soylent Foods']],
    ['invoice', 'invoices-redeployed', ['Cyberdyne Systems', 'Tyrell Corp', 'Soylent Foods', 'Vandelay Industries']],
    ['ticket', 'tickets-ru-page1', ['АО «Полюс Сервис»', 'ООО «Гвоздика»']],
    ['ticket', 'tickets-ru-redeployed', ['АО «Полюс Сервис»', 'ООО «Гвоздика»']],
  ] as const)('%s profile reads none of the look-alike rows of the filter sidebar and "recently viewed" on %s', (kind, name, outsiders) => {
    const { observations } = readPage(name, taught(kind));
    for (const outsider of outsiders) expect(clientsOf(observations)).not.toContain(outsider);
    const keys = observations.map((observation) => (observation.kind === 'invoice' ? observation.number : observation.kind === 'ticket' ? observation.id : ''));
    // Sidebar rows put counts where the numbers are; "recently viewed" repeats invoices of other pages.
    for (const key of ['4 invoices', '2 invoices', 'INV-0990', 'INV-0991', '12', '4', '9', '4990']) expect(keys).not.toContain(key);
    if (name === 'invoices-page2') expect(keys).not.toContain('INV-1042');
  });

  it.each([
    ['invoice', 'invoices-page1', 'section[aria-labelledby="invoices-title"]'],
    ['ticket', 'tickets-ru-page1', 'section[aria-label="Обращения"]'],
  ] as const)('%s profile reads nothing from the look-alike boxes when the list is gone from %s', (kind, name, list) => {
    const extract = readPage(name, taught(kind), (doc) => doc.querySelector(list)!.remove());
    expect(extract.observations).toEqual([]);
    expect(extract.warnings).toEqual(['The list this profile was taught on is not on this page.']);
  });

  it.each(['invoice', 'ticket'] as const)('%s profile is plain JSON under 10 KB, valid, with no generated class name in it', (kind) => {
    const profile = taught(kind);
    const json = JSON.stringify(profile);
    expect(new TextEncoder().encode(json).length).toBeLessThan(10 * 1024);
    expect(siteProfileSchema.safeParse(profile).success).toBe(true);
    expect(json).not.toMatch(/css-|class/);
    expect(profile).toMatchObject({ version: 1, kind });
  });

  it('records where exact values hide: a date in a title, a datetime, a status in an icon aria-label', () => {
    const { fields, rows, pathPattern, origin } = taught('invoice');
    expect(fields.issued).toMatchObject({ cell: 2, attr: 'title' });
    expect(fields.due).toMatchObject({ cell: 3, attr: 'datetime' });
    expect(fields.paid?.attr).toBeUndefined();
    expect(fields.status).toMatchObject({ cell: 6, attr: 'aria-label', path: [{ tag: 'span', attrs: { role: 'img' } }] });
    expect(rows).toMatchObject({ tag: 'div', heading: 'invoices', cells: 7 });
    expect(rows.chain[1]).toMatchObject({ tag: 'section', label: 'invoices' });
    expect({ origin, pathPattern }).toEqual({ origin: 'https://crm.orbit.test', pathPattern: '/crm/invoices/page/*' });
  });

  it('finds cells by their stable data-col attribute, so a column added in front changes nothing', () => {
    const { fields } = taught('ticket');
    expect(fields.client).toMatchObject({ cell: 2, cellAttrs: { 'data-col': 'org' } });
    expect(fields.created).toMatchObject({ attr: 'title' });
    expect(fields.priority).toMatchObject({ attr: 'aria-label' });
  });

  it('leaves the status unset when the row shows neither a status nor a paid date (never "open")', () => {
    const { observations } = readPage('invoices-page1', taught('invoice'));
    const unknown = observations.find((observation) => observation.kind === 'invoice' && observation.number === 'INV-1045');
    expect(unknown).toEqual({ kind: 'invoice', client: { name: 'Umbrella Health' }, number: 'INV-1045', issued: '2026-02-20', due: '2026-03-22', amount: 640, currency: 'USD' });
  });
});

describe('reading values with the readers\' rules', () => {
  const invoices = taught('invoice');
  const paidCell = (doc: Document, number: string) => shown(doc.querySelector('main')!, number).parentElement!.parentElement!.children[4]!.firstElementChild!;
  const numbered = (observations: Observation[], number: string) =>
    observations.find((observation) => observation.kind === 'invoice' && observation.number === number);

  it.each([
    ['en-US', '2026-03-01'],
    ['en', '2026-03-01'],
    ['', '2026-03-01'],
    ['en-GB', '2026-01-03'],
    ['ru', '2026-01-03'],
    ['de', '2026-01-03'],
  ])('with no proof on the page, lang "%s" reads 03/01/2026 as %s', (lang, paid) => {
    const extract = readPage('invoices-page1', invoices, (doc) => {
      doc.documentElement.setAttribute('lang', lang);
      // Leave one ambiguous paid date: 03/15/2026 would prove month first.
      paidCell(doc, '#INV-1044').textContent = '—';
    });
    expect(numbered(extract.observations, 'INV-1042')).toMatchObject({ paid });
  });

  it('a value valid only day first proves day first for every row, whatever the lang', () => {
    const extract = readPage('invoices-page1', invoices, (doc) => {
      paidCell(doc, '#INV-1044').textContent = '15/03/2026';
    });
    expect(numbered(extract.observations, 'INV-1042')).toMatchObject({ paid: '2026-01-03' });
    expect(numbered(extract.observations, 'INV-1044')).toMatchObject({ paid: '2026-03-15' });
  });

  it('proof both ways drops the ambiguous dates with a warning, never guesses', () => {
    const extract = readPage('invoices-page1', invoices, (doc) => {
      paidCell(doc, '#INV-1043').textContent = '25/03/2026';
    });
    expect(numbered(extract.observations, 'INV-1042')).not.toHaveProperty('paid');
    expect(numbered(extract.observations, 'INV-1043')).toMatchObject({ paid: '2026-03-25' });
    expect(numbered(extract.observations, 'INV-1044')).toMatchObject({ paid: '2026-03-15' });
    expect(extract.warnings).toEqual(['Ambiguous paid date "03/01/2026" dropped: this list writes dates both day first and month first.']);
  });

  it.each([
    ['Overdue 13 days', 'overdue'],
    ['Paid late', 'paid'],
    ['Status: Partially paid', 'partial'],
    ['Просрочен на 5 дней', 'overdue'],
  ])('reads the status "%s" by its leading words as %s', (label, status) => {
    const extract = readPage('invoices-page1', invoices, (doc) => {
      doc.querySelector('main [aria-label="Paid"]')!.setAttribute('aria-label', label);
    });
    expect(numbered(extract.observations, 'INV-1042')).toMatchObject({ status });
  });

  it('warns about a status it does not know and leaves it unset', () => {
    const extract = readPage('invoices-page1', invoices, (doc) => {
      doc.querySelector('main [aria-label="Paid"]')!.setAttribute('aria-label', 'In dispute');
    });
    expect(numbered(extract.observations, 'INV-1042')).not.toHaveProperty('status');
    expect(extract.warnings).toEqual(['Unknown status "In dispute" ignored.']);
  });

  it('drops a row without a client, and one without a number, with a warning each', () => {
    const extract = readPage('invoices-page1', invoices, (doc) => {
      const main = doc.querySelector('main')!;
      shown(main, 'Initech LLC').textContent = '';
      shown(main, '#INV-1046').textContent = ' ';
    });
    expect(extract.observations.map((observation) => (observation.kind === 'invoice' ? observation.number : ''))).toEqual([
      'INV-1042', 'INV-1043', 'INV-1045', 'INV-1047', 'INV-1048',
    ]);
    expect(extract.warnings).toEqual(['Dropped 1 invoice row with no client.', 'Dropped 1 invoice row with no invoice number.']);
  });

  it('warns about an invalid date and keeps the rest of the row', () => {
    const extract = readPage('invoices-page1', invoices, (doc) => {
      paidCell(doc, '#INV-1042').textContent = '02/30/2026';
    });
    expect(numbered(extract.observations, 'INV-1042')).toMatchObject({ number: 'INV-1042', due: '2026-03-04' });
    expect(numbered(extract.observations, 'INV-1042')).not.toHaveProperty('paid');
    expect(extract.warnings).toEqual(['Invalid paid date "02/30/2026" ignored.']);
  });
});

describe('the fields the picker does not ask for', () => {
  const row = (id: string, client: string, tags: string, rating: string, currency: string, discount: string) =>
    `<li class="sc-x1y2z3"><b class="sc-a9b8c7">${id}</b><span>${client}</span><time datetime="2026-03-0${id.slice(-1)}T10:00">x</time>` +
    `<span class="tags">${tags}</span><i aria-label="${rating}"></i><em data-currency="${currency}">${currency === 'BYN' ? 'Br' : '€'}</em><small>${discount}</small></li>`;
  const html =
    '<html lang="ru"><body><main><h2>Обращения</h2><ul class="sc-l1s7a2">' +
    row('T-1', 'ООО «Ромашка»', '<a>жалоба</a><a>вне договора</a>', 'Плохо', 'BYN', '−25,00') +
    row('T-2', 'ЗАО «Вектор»', '', 'Хорошо', 'EUR', '10%') +
    '</ul></main></body></html>';
  const url = 'https://desk.example.test/tickets';

  it('reads tags as chips, the rating from an icon label, currency and discount', () => {
    const doc = loadPage(html, url);
    const first = doc.querySelector('li')!;
    const learnt = learnProfile(doc, url, {
      kind: 'ticket',
      row: first,
      fields: { id: first.querySelector('b')!, client: first.querySelector('span')!, created: first.querySelector('time')!, tags: first.querySelector('.tags')!, satisfaction: first.querySelector('i')! },
    });
    if (!learnt.ok) throw new Error(learnt.error);
    expect(readWithProfile(doc, url, JSON.parse(JSON.stringify(learnt.profile)))).toEqual({
      observations: [
        { kind: 'ticket', client: { name: 'ООО «Ромашка»' }, id: 'T-1', created: '2026-03-01T10:00', satisfaction: 'bad', tags: ['жалоба', 'вне договора'] },
        { kind: 'ticket', client: { name: 'ЗАО «Вектор»' }, id: 'T-2', created: '2026-03-02T10:00', satisfaction: 'good' },
      ],
      warnings: [],
    });
    const invoices = loadPage(html.replace('Обращения', 'Счета'), url);
    const line = invoices.querySelector('li')!;
    const asInvoice = learnProfile(invoices, url, {
      kind: 'invoice',
      row: line,
      fields: { number: line.querySelector('b')!, client: line.querySelector('span')!, due: line.querySelector('time')!, currency: line.querySelector('em')!, discount: line.querySelector('small')! },
    });
    if (!asInvoice.ok) throw new Error(asInvoice.error);
    expect(asInvoice.profile.fields.currency).toMatchObject({ attr: 'data-currency' });
    expect(readWithProfile(invoices, url, asInvoice.profile).observations).toEqual([
      { kind: 'invoice', client: { name: 'ООО «Ромашка»' }, number: 'T-1', due: '2026-03-01', discount: 25 },
      { kind: 'invoice', client: { name: 'ЗАО «Вектор»' }, number: 'T-2', due: '2026-03-02' },
    ]);
  });
});

describe('learnProfile refuses an example it cannot learn from', () => {
  const url = expectedOf('invoices-page1').url;
  type Case = [string, (doc: Document) => Parameters<typeof learnProfile>[2], RegExp];
  const cases: Case[] = [
    ['no client', (doc) => ({ ...invoiceExample(doc), fields: { ...invoiceExample(doc).fields, client: undefined } }), /client's name/],
    ['no invoice number', (doc) => ({ ...invoiceExample(doc), fields: { ...invoiceExample(doc).fields, number: undefined } }), /invoice number/],
    [
      'a row that is not in a list (the page toolbar)',
      (doc) => {
        const toolbar = shown(doc, 'Page 1 of 2').parentElement!;
        return { kind: 'invoice', row: toolbar, fields: { client: shown(toolbar, 'Invoices'), number: shown(toolbar, 'Page 1 of 2') } };
      },
      /not part of a list/,
    ],
    [
      'the header row of the list',
      (doc) => {
        const header = shown(doc, 'Counterparty').parentElement!;
        return { kind: 'invoice', row: header, fields: { client: shown(header, 'Counterparty'), number: shown(header, 'Doc') } };
      },
      /header/,
    ],
    [
      'a field outside the row',
      (doc) => ({ ...invoiceExample(doc), fields: { ...invoiceExample(doc).fields, amount: shown(doc.querySelector('main')!, '$980.50') } }),
      /amount you pointed at is not inside the row/,
    ],
    [
      'a field of the other kind',
      (doc) => ({ ...invoiceExample(doc), fields: { ...invoiceExample(doc).fields, priority: shown(doc, '#INV-1042') } }),
      /no priority in an invoice/,
    ],
    ['a row of another page', () => invoiceExample(loadTeachPage('invoices-page1')), /not on this page/],
  ];

  it.each(cases)('%s', (_name, example, error) => {
    const doc = loadTeachPage('invoices-page1');
    const result = learnProfile(doc, url, example(doc));
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toMatch(error);
  });

  it('a ticket without its created time', () => {
    const doc = loadTeachPage('tickets-ru-page1');
    const example = ticketExample(doc);
    const result = learnProfile(doc, expectedOf('tickets-ru-page1').url, { ...example, fields: { ...example.fields, created: undefined } });
    expect(result).toEqual({ ok: false, error: 'Point at the created time in the row: a ticket cannot be kept without it.' });
  });

  it('an address that is not a web page', () => {
    const doc = loadTeachPage('invoices-page1');
    expect(learnProfile(doc, 'not an address', invoiceExample(doc))).toEqual({ ok: false, error: 'The page address is not valid.' });
    expect(learnProfile(doc, 'file:///tmp/invoices.html', invoiceExample(doc))).toEqual({ ok: false, error: 'Only web pages can be taught.' });
  });
});

describe('readWithProfile with a broken or hostile profile', () => {
  const good = taught('invoice');
  const huge = { ...good, rows: { ...good.rows, heading: 'x'.repeat(1_000_000) } };
  const cyclic: Record<string, unknown> = { ...good };
  cyclic['self'] = cyclic;
  const throwing = Object.defineProperty({ ...good }, 'kind', {
    enumerable: true,
    get() {
      throw new Error('boom');
    },
  });
  const withField = (field: object) => ({ ...good, fields: { ...good.fields, client: { ...good.fields.client, ...field } } });
  const withChain = (step: object) => ({ ...good, rows: { ...good.rows, chain: [step, ...good.rows.chain.slice(1)] } });

  it.each([
    ['null', null, /null/],
    ['a string', JSON.stringify(good), /a string/],
    ['a number', 42, /a number/],
    ['a list', [good], /a list/],
    ['an empty object', {}, /not valid/],
    ['another version', { ...good, version: 2 }, /not valid at version/],
    ['another kind', { ...good, kind: 'order' }, /not valid at kind/],
    ['cells as text', { ...good, rows: { ...good.rows, cells: 'seven' } }, /not valid at rows\.cells/],
    ['a negative cell', withField({ cell: -1 }), /not valid at fields\.client\.cell/],
    ['a selector for a tag', withChain({ tag: 'div[data-x]' }), /not a tag name/],
    ['a selector list for a tag', withChain({ tag: 'script, body' }), /not a tag name/],
    ['an invalid selector for a tag', withChain({ tag: ':has(' }), /not a tag name/],
    ['an event handler as the value attribute', withField({ attr: 'onclick' }), /not a value attribute/],
    ['a path step with a class selector', withField({ path: [{ tag: 'a', attrs: { 'class)': 'x' } }] }), /not valid/],
    ['an extra key', { ...good, script: 'alert(1)' }, /not valid/],
    ['a field of tickets on an invoice profile', { ...good, fields: { ...good.fields, priority: good.fields.client } }, /priority is not a field of an invoice/],
    ['no number field', { ...good, fields: { ...good.fields, number: undefined } }, /needs its number/],
    ['a __proto__ key', JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(good).slice(1)}`), /forbidden key "__proto__"/],
    ['a nested __proto__ key', JSON.parse(JSON.stringify(good).replace('"rows":{', '"rows":{"__proto__":{"tag":"script"},')), /forbidden key "__proto__"/],
    ['a constructor key', JSON.parse(JSON.stringify(good).replace('"fields":{', '"fields":{"constructor":{"prototype":{}},')), /forbidden key "constructor"/],
    ['a 1 MB profile', huge, /larger than 10240 bytes/],
    ['a cyclic object', cyclic, /too large|nested too deeply/],
    ['a getter that throws', throwing, /could not be checked: boom/],
    ['an object with a prototype', Object.create(good) as unknown, /not plain data|not valid/],
    ['a profile of another site', { ...good, origin: 'https://evil.example' }, /taught on https:\/\/evil\.example, not on https:\/\/crm\.orbit\.test/],
  ])('%s: warns, reads nothing, never throws', (_name, profile, warning) => {
    let extract: ReturnType<typeof readWithProfile> | undefined;
    expect(() => {
      extract = readPage('invoices-page1', profile);
    }).not.toThrow();
    expect(extract?.observations).toEqual([]);
    expect(extract?.warnings).toHaveLength(1);
    expect(extract?.warnings[0]).toMatch(warning);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('siteProfileSchema alone (for the background) refuses the hostile ones too', () => {
    for (const hostile of [
      huge,
      JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(good).slice(1)}`),
      JSON.parse(JSON.stringify(good).replace('"rows":{', '"rows":{"__proto__":{"tag":"script"},')),
      withField({ path: [{ tag: 'a', attrs: { constructor: 'x' } }] }),
      withChain({ tag: 'script, body' }),
      { ...good, script: 'alert(1)' },
    ]) {
      expect(siteProfileSchema.safeParse(hostile).success).toBe(false);
    }
    expect(siteProfileSchema.safeParse(good).success).toBe(true);
  });

  it('a valid profile of another list on the same site reads nothing, with a warning', () => {
    const tickets = { ...taught('ticket'), origin: 'https://crm.orbit.test' };
    expect(readPage('invoices-page1', tickets)).toEqual({ observations: [], warnings: ['The list this profile was taught on is not on this page.'] });
  });

  it('a page that breaks while being read gives a warning, not a throw', () => {
    const page = expectedOf('invoices-page1');
    const doc = loadTeachPage('invoices-page1');
    Object.defineProperty(doc, 'getElementsByTagName', { value: () => { throw new Error('page gone'); } });
    expect(readWithProfile(doc, page.url, good, { now: page.now })).toEqual({ observations: [], warnings: ['The taught profile could not read this page: page gone.'] });
  });
});

describe('profileMatches', () => {
  const profile = { origin: 'https://crm.orbit.test', pathPattern: '/crm/invoices/page/*' };
  it.each([
    ['https://crm.orbit.test/crm/invoices/page/2', true],
    ['https://crm.orbit.test/crm/invoices/page/17?sort=due#top', true],
    ['https://crm.orbit.test/crm/invoices/page/1/', true],
    ['https://crm.orbit.test/crm/invoices', false],
    ['https://crm.orbit.test/crm/tickets/page/2', false],
    ['https://crm.orbit.test/crm/invoices/page/2/edit', false],
    ['http://crm.orbit.test/crm/invoices/page/2', false],
    ['https://other.test/crm/invoices/page/2', false],
    ['not a url', false],
  ])('%s → %s', (url, matches) => {
    expect(profileMatches(profile, url)).toBe(matches);
  });

  it.each([
    ['https://crm.orbit.test/crm/clients/4821/invoices', '/crm/clients/*/invoices', 'https://crm.orbit.test/crm/clients/77/invoices'],
    ['https://app.test/#/invoices/page/3', '/#/invoices/page/*', 'https://app.test/#/invoices/page/4'],
    ['https://app.test/inv/3fa85f64-5717-4562-b3fc-2c963f66afa6', '/inv/*', 'https://app.test/inv/INV-77'],
  ])('a profile taught on %s has the pattern %s and matches %s', (url, pattern, other) => {
    const doc = loadTeachPage('invoices-page1', url);
    const result = learnProfile(doc, url, invoiceExample(doc));
    if (!result.ok) throw new Error(result.error);
    expect(result.profile.pathPattern).toBe(pattern);
    expect(profileMatches(result.profile, other)).toBe(true);
  });
});
