import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { learnProfile } from './learn';
import { startPicker, type Picker } from './picker';
import { pickerLang } from './picker-text';
import type { SiteProfile } from './profile';
import { expectedOf, invoiceExample, loadTeachPage, shown, ticketExample } from './test-pages';

type Opened = { doc: Document; picker: Picker; saved: SiteProfile[]; cancelled: number[] };

function open(name: string, lang: 'en' | 'ru' = 'en'): Opened {
  const page = expectedOf(name);
  const doc = loadTeachPage(name);
  const saved: SiteProfile[] = [];
  const cancelled: number[] = [];
  const picker = startPicker(doc, { lang, onSave: (profile) => saved.push(profile), onCancel: () => cancelled.push(1), now: () => page.now });
  if (!picker) throw new Error('the picker did not open');
  return { doc, picker, saved, cancelled };
}

/** A user's click on the page; true when the page saw it as usual (not prevented). */
function click(doc: Document, target: Element): boolean {
  const view = doc.defaultView!;
  return target.dispatchEvent(new view.MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
}

function press(opened: Opened, action: string): void {
  const button = opened.picker.root.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
  if (!button) throw new Error(`no ${action} button`);
  button.click();
}

const prompt = (opened: Opened) => opened.picker.root.querySelector('.prompt')?.textContent;
const hint = (opened: Opened) => opened.picker.root.querySelector('.hint')?.textContent;
const previewLines = (opened: Opened) => Array.from(opened.picker.root.querySelectorAll('.preview li')).map((li) => li.textContent);
const hosts = (doc: Document) => doc.querySelectorAll('client-signals-picker').length;

beforeEach(() => {
  // learnedAt is the time of learning: the same instant for the picker and for learnProfile.
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-20T09:30:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the picker flow', () => {
  it('clicks through kind, row and every invoice field and saves the profile learnProfile makes', () => {
    const opened = open('invoices-page1');
    const { doc } = opened;
    const example = invoiceExample(doc);
    expect(prompt(opened)).toBe('What does this list show?');
    press(opened, 'kind-invoice');
    expect(prompt(opened)).toBe('Click one row of the list.');
    // Any element of the row picks the whole row.
    click(doc, shown(example.row, '$1,250.00'));
    for (const field of ['client', 'number', 'issued', 'due', 'paid', 'amount', 'status'] as const) {
      expect(prompt(opened)).toMatch(/^Click the .+ in the highlighted row, or skip it\.$/);
      click(doc, example.fields[field]!);
    }
    expect(prompt(opened)).toBe('Done. Check the preview, then save.');
    expect(opened.picker.root.querySelector('.preview .muted')?.textContent).toBe('7 rows read');
    expect(previewLines(opened)).toEqual([
      'INV-1042 · Northwind Traders · issued 2026-02-02, due 2026-03-04, paid 2026-03-01 · $1,250.00 · paid',
      'INV-1043 · Globex Corporation International · issued 2026-02-05, due 2026-03-07 · $980.50 · overdue',
      'INV-1044 · Initech LLC · issued 2026-02-10, due 2026-03-12, paid 2026-03-15 · $2,400.00 · paid',
      'INV-1045 · Umbrella Health · issued 2026-02-20, due 2026-03-22 · $640.00',
      'INV-1046 · Hooli · issued 2026-02-25, due 2026-03-27 · €1,200.00 · partly paid',
    ]);
    press(opened, 'save');
    expect(hosts(doc)).toBe(0);
    const expected = learnProfile(doc, expectedOf('invoices-page1').url, example);
    expect(expected.ok).toBe(true);
    expect(opened.saved).toEqual([expected.ok ? expected.profile : undefined]);
  });

  it('skips fields and still gives the profile learnProfile makes from the rest (tickets, in Russian)', () => {
    const opened = open('tickets-ru-page1', 'ru');
    const { doc } = opened;
    const example = ticketExample(doc);
    expect(prompt(opened)).toBe('Что в этом списке?');
    press(opened, 'kind-ticket');
    click(doc, example.fields.subject!);
    expect(prompt(opened)).toBe('Щёлкните номер обращения в выделенной строке или пропустите.');
    expect(opened.picker.root.querySelector('.preview .muted')?.textContent).toBe('Чтобы увидеть строки, укажите: номер обращения, клиента, время создания.');
    for (const field of ['id', 'client', 'created', 'priority', 'status', 'subject'] as const) {
      if (field === 'priority') press(opened, 'skip');
      else click(doc, example.fields[field]!);
    }
    expect(prompt(opened)).toBe('Готово. Проверьте предпросмотр и сохраните.');
    expect(opened.picker.root.querySelector('.preview .muted')?.textContent).toBe('прочитано: 6 строк');
    expect(previewLines(opened)[0]).toBe('5012 · ООО «Ромашка» · 2026-03-12 14:20 · открыто · Не работает выгрузка отчётов');
    press(opened, 'save');
    const { priority: _skipped, ...rest } = example.fields;
    const expected = learnProfile(doc, expectedOf('tickets-ru-page1').url, { ...example, fields: rest });
    expect(opened.saved).toEqual([expected.ok ? expected.profile : 'not learnt']);
    expect(opened.saved[0]?.fields.priority).toBeUndefined();
  });

  it('Back returns to the previous field and a new click replaces it', () => {
    const opened = open('invoices-page1');
    const { doc } = opened;
    const example = invoiceExample(doc);
    press(opened, 'kind-invoice');
    click(doc, example.row);
    click(doc, shown(example.row, '#INV-1042'));
    press(opened, 'back');
    expect(prompt(opened)).toBe('Click the client in the highlighted row, or skip it.');
    click(doc, example.fields.client!);
    click(doc, example.fields.number!);
    expect(prompt(opened)).toBe('Click the issue date in the highlighted row, or skip it.');
  });

  it('says so when the click is not on a row, or outside the chosen row', () => {
    const opened = open('invoices-page1');
    const { doc } = opened;
    press(opened, 'kind-invoice');
    click(doc, shown(doc, 'Orbit CRM'));
    expect(hint(opened)).toBe('That is not a row of a list. Click inside one of the rows.');
    expect(prompt(opened)).toBe('Click one row of the list.');
    const example = invoiceExample(doc);
    click(doc, example.fields.number!);
    click(doc, shown(doc.querySelector('main')!, 'Initech LLC'));
    expect(hint(opened)).toBe('That is outside the highlighted row. Click inside it.');
    expect(prompt(opened)).toBe('Click the client in the highlighted row, or skip it.');
  });

  it('cannot save until the profile reads its own row, and shows why', () => {
    const opened = open('invoices-page1');
    const { doc } = opened;
    const save = opened.picker.root.querySelector<HTMLButtonElement>('[data-action="save"]')!;
    expect(save.disabled).toBe(true);
    press(opened, 'kind-invoice');
    click(doc, invoiceExample(doc).row);
    expect(save.disabled).toBe(true);
    expect(opened.picker.root.querySelector('.preview .muted')?.textContent).toBe('To see rows here, point at: client, invoice number.');
    press(opened, 'save');
    expect(opened.saved).toEqual([]);
    expect(hosts(doc)).toBe(1);
  });

  it('shows page text as text: markup in a client name stays characters', () => {
    const opened = open('invoices-page1');
    const { doc } = opened;
    const example = invoiceExample(doc);
    example.fields.client!.textContent = '<img src=x onerror="alert(1)">';
    press(opened, 'kind-invoice');
    click(doc, example.row);
    click(doc, example.fields.client!);
    click(doc, example.fields.number!);
    expect(previewLines(opened)[0]).toBe('INV-1042 · <img src=x onerror="alert(1)">');
    expect(opened.picker.root.querySelector('img')).toBeNull();
  });

  it('highlights the row under the pointer while picking a row', () => {
    const opened = open('invoices-page1');
    const { doc } = opened;
    const hover = opened.picker.root.querySelector<HTMLElement>('.hover')!;
    const view = doc.defaultView!;
    press(opened, 'kind-invoice');
    expect(hover.hidden).toBe(true);
    shown(doc.querySelector('main')!, '#INV-1043').dispatchEvent(new view.MouseEvent('mouseover', { bubbles: true, composed: true }));
    expect(hover.hidden).toBe(false);
  });
});

describe('the picker and the page', () => {
  it('keeps clicks from the page only while picking, and not after Save', () => {
    const opened = open('invoices-page1');
    const { doc } = opened;
    const link = shown(doc.querySelector('main')!, 'Northwind Traders');
    const seen: string[] = [];
    link.addEventListener('click', () => seen.push('link'));
    doc.addEventListener('click', () => seen.push('document'));
    // Choosing the kind is not picking: the page works as usual.
    expect(click(doc, link)).toBe(true);
    expect(seen).toEqual(['link', 'document']);
    // Nor do clicks in the picker's own panel reach the page.
    press(opened, 'kind-invoice');
    expect(seen).toEqual(['link', 'document']);
    expect(click(doc, link)).toBe(false);
    expect(click(doc, link)).toBe(false);
    for (const type of ['mousedown', 'pointerdown', 'mouseup']) {
      expect(link.dispatchEvent(new (doc.defaultView!.MouseEvent)(type, { bubbles: true, cancelable: true }))).toBe(false);
    }
    expect(seen).toEqual(['link', 'document']);
    for (const field of ['number', 'issued', 'due', 'paid', 'amount', 'status'] as const) click(doc, invoiceExample(doc).fields[field]!);
    press(opened, 'save');
    expect(opened.saved).toHaveLength(1);
    expect(click(doc, link)).toBe(true);
    expect(seen).toEqual(['link', 'document', 'link', 'document']);
  });

  it('Esc cancels: onCancel, no save, the panel gone and the page clickable again', () => {
    const opened = open('invoices-page1');
    const { doc } = opened;
    press(opened, 'kind-invoice');
    const row = invoiceExample(doc).row;
    expect(click(doc, row)).toBe(false);
    doc.body.dispatchEvent(new (doc.defaultView!.KeyboardEvent)('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    expect(opened.cancelled).toEqual([1]);
    expect(opened.saved).toEqual([]);
    expect(hosts(doc)).toBe(0);
    expect(click(doc, row)).toBe(true);
  });

  it('Cancel closes it the same way', () => {
    const opened = open('invoices-page1');
    press(opened, 'cancel');
    expect(opened.cancelled).toEqual([1]);
    expect(hosts(opened.doc)).toBe(0);
  });

  it('a second injection while open does nothing; after closing it opens again', () => {
    const opened = open('invoices-page1');
    const { doc } = opened;
    const again = startPicker(doc, { lang: 'en', onSave: () => undefined, onCancel: () => undefined });
    expect(again).toBeUndefined();
    expect(hosts(doc)).toBe(1);
    opened.picker.close();
    expect(hosts(doc)).toBe(0);
    const reopened = startPicker(doc, { lang: 'en', onSave: () => undefined, onCancel: () => undefined });
    expect(reopened).toBeDefined();
    reopened?.close();
  });

  it('lives in a closed shadow root', () => {
    const opened = open('invoices-page1');
    const host = opened.doc.querySelector('client-signals-picker')!;
    expect(host.shadowRoot).toBeNull();
    expect(opened.picker.root.querySelector('.panel')).not.toBeNull();
    opened.picker.close();
  });
});

describe('pickerLang', () => {
  it.each([
    ['ru', 'ru'],
    ['ru-RU', 'ru'],
    ['be-BY', 'ru'],
    ['en-US', 'en'],
    ['de', 'en'],
    ['', 'en'],
    ['rus', 'en'],
  ])('%s → %s', (tag, lang) => {
    expect(pickerLang(tag)).toBe(lang);
  });
});

describe('bundles', () => {
  const ROOT = fileURLToPath(new URL('../../', import.meta.url));

  /** Every project file a module pulls in through relative imports. */
  function importGraph(entry: string): Set<string> {
    const seen = new Set<string>();
    const queue = [entry];
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/(?:import|export)[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) {
        const target = join(dirname(file), match[1] ?? match[2] ?? '');
        const resolved = [`${target}.ts`, `${target}.tsx`, join(target, 'index.ts'), target].find((candidate) => existsSync(candidate) && candidate.match(/\.tsx?$/));
        if (resolved) queue.push(resolved);
      }
    }
    return new Set([...seen].map((file) => relative(ROOT, file)));
  }

  it('the always-on reader never loads the picker', () => {
    const graph = importGraph(join(ROOT, 'entrypoints/reader.content/index.ts'));
    expect(graph.size).toBeGreaterThan(1);
    expect([...graph].filter((file) => file.startsWith('lib/teach/picker'))).toEqual([]);
  });

  it('lib/teach (what a reader would import to read with a profile) does not load the picker either', () => {
    const graph = importGraph(join(ROOT, 'lib/teach/index.ts'));
    expect(graph.has('lib/teach/read.ts')).toBe(true);
    expect([...graph].filter((file) => file.startsWith('lib/teach/picker'))).toEqual([]);
  });
});
