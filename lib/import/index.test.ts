import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { invoiceSchema, ticketSchema } from '../message-schemas';
import { LIMITS } from '../limits';
import { invoicesWorkbook } from '../../tests/fixtures/exports/invoices-workbook';
import { MAX_EXPORT_BYTES, MAX_EXPORT_ROWS, readExport, type ExportRead } from './index';

const FIXTURES = fileURLToPath(new URL('../../tests/fixtures/exports/', import.meta.url));
/** The API samples are third-party files kept as found in shared/ (see its SOURCES.md). */
const SAMPLES = fileURLToPath(new URL('../../../shared/data/api-samples/', import.meta.url));
const NOW = new Date('2026-03-10T12:00:00Z');
/** `UPDATE_EXPECTED=1 npx vitest run lib/import` rewrites the expected files; review the diff. */
const UPDATE = process.env.UPDATE_EXPECTED === '1';

const bytesOf = (path: string) => new Uint8Array(readFileSync(path));
const text = (value: string) => new TextEncoder().encode(value);

/** Every fixture: the file, where it lives, and what it shows. Expected output sits beside it as name.expected.json. */
const CASES: { name: string; dir: string; shows: string }[] = [
  { name: 'ru-1251-semicolon.csv', dir: FIXTURES, shows: 'windows-1251, `;`, Russian headers, NBSP thousands, a preamble, a totals row' },
  { name: 'invoices-dates.xlsx', dir: FIXTURES, shows: 'XLSX date cells (built-in and custom formats, a time), numbers, a title row' },
  { name: 'bitrix24-invoices.xls', dir: FIXTURES, shows: 'an HTML table saved as .xls, windows-1251 by its <meta charset>, unclosed cells' },
  { name: 'line-items.csv', dir: FIXTURES, shows: 'rows repeating an invoice number: line items summed' },
  { name: 'preamble.csv', dir: FIXTURES, shows: 'title, date and period lines before the header; status from the balance' },
  { name: 'helpdesk-tickets.csv', dir: FIXTURES, shows: 'a Freshdesk-like ticket export' },
  { name: 'hostile.csv', dir: FIXTURES, shows: 'hostile names: __proto__, formulas, markup, 600 characters' },
  { name: 'quickbooks-online-invoice.json', dir: SAMPLES, shows: 'a QuickBooks Online Invoice entity (Balance > 0: open)' },
  { name: 'xero-invoices.json', dir: SAMPLES, shows: 'Xero invoices: /Date(…)/, FullyPaidOnDate, a credit note' },
  { name: 'product-list.csv', dir: FIXTURES, shows: 'a product list: not ours' },
  { name: 'ledger.csv', dir: FIXTURES, shows: 'a general ledger: not ours' },
  { name: 'garbage.bin', dir: FIXTURES, shows: 'random bytes' },
  { name: 'empty.csv', dir: FIXTURES, shows: 'an empty file' },
];

async function read(name: string, dir: string): Promise<ExportRead> {
  return readExport({ name, bytes: bytesOf(`${dir}${name}`) }, { now: NOW });
}

describe('readExport on the fixture exports', () => {
  it.each(CASES)('$name ($shows) gives its expected reading', async ({ name, dir }) => {
    const got = await read(name, dir);
    const expectedPath = `${FIXTURES}${name.replace(/\.[^.]+$/, '')}.expected.json`;
    if (UPDATE) writeFileSync(expectedPath, `${JSON.stringify(got, null, 2)}\n`);
    expect(existsSync(expectedPath), `${expectedPath} (write it with UPDATE_EXPECTED=1)`).toBe(true);
    expect(got).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
  });

  it.each(CASES)('every observation of $name passes the background\'s schemas', async ({ name, dir }) => {
    const got = await read(name, dir);
    for (const observation of got.observations) {
      const schema = observation.kind === 'ticket' ? ticketSchema : invoiceSchema;
      expect(schema.safeParse(observation).error?.issues ?? [], JSON.stringify(observation)).toEqual([]);
    }
  });

  it.each(CASES.filter((fixture) => /product|ledger|garbage|empty/.test(fixture.name)))(
    '$name is unknown, with no observation and a reason first',
    async ({ name, dir }) => {
      const got = await read(name, dir);
      expect(got.kind).toBe('unknown');
      expect(got.observations).toEqual([]);
      expect(got.warnings[0]).toMatch(/not|no |empty|binary/i);
    },
  );

  it('the committed XLSX fixture is what its generator writes (tests/fixtures/exports/make-xlsx.ts)', () => {
    expect(Buffer.from(invoicesWorkbook()).equals(readFileSync(`${FIXTURES}invoices-dates.xlsx`))).toBe(true);
  });
});

/** The big-file tests read megabytes: generous on a loaded machine (2 cores shared). */
const BIG = { timeout: 60_000 };

describe('readExport caps', () => {
  it('refuses a file over 20 MB whole, before parsing, with a warning that says so', BIG, async () => {
    const line = 'INV-000001,Acme Widgets Ltd,2026-03-01,2026-03-31,1234.56,Paid\n';
    const big = text(`Invoice #,Client,Issued,Due,Amount,Status\n${line.repeat(Math.ceil((MAX_EXPORT_BYTES + 1) / line.length))}`);
    expect(big.length).toBeGreaterThan(MAX_EXPORT_BYTES);
    const got = await readExport({ name: 'big.csv', bytes: big }, { now: NOW });
    expect(got).toMatchObject({ kind: 'unknown', observations: [], rows: 0 });
    expect(got.warnings).toEqual([expect.stringMatching(/over 20 MB are not read/)]);
  });

  it('reads a file of exactly the cap', BIG, async () => {
    const head = text('Invoice #,Client,Due date,Status,Note\nINV-1,Acme,2026-03-01,Paid,"');
    const bytes = new Uint8Array(MAX_EXPORT_BYTES).fill(0x20);
    bytes.set(head);
    bytes.set(text('"\n'), MAX_EXPORT_BYTES - 2);
    const got = await readExport({ name: 'cap.csv', bytes }, { now: NOW });
    expect(got.observations).toHaveLength(1);
  });

  it(`reads at most ${MAX_EXPORT_ROWS.toLocaleString('en-US')} rows and says so`, BIG, async () => {
    const rows = Array.from({ length: MAX_EXPORT_ROWS + 5 }, (_, i) => `I${i},C${i % 7},2026-03-01`).join('\n');
    const got = await readExport({ name: 'rows.csv', bytes: text(`Invoice #,Client,Due date\n${rows}`) }, { now: NOW });
    expect(got.observations).toHaveLength(MAX_EXPORT_ROWS);
    expect(got.rows).toBe(MAX_EXPORT_ROWS + 5);
    expect(got.warnings).toContain(`The file has more than ${MAX_EXPORT_ROWS} rows; only the first ${MAX_EXPORT_ROWS} were read.`);
  });

  it('keeps no more than LIMITS.maxWarnings warnings, however many cells are bad', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => `I${i},Acme,${i}.13.2026`).join('\n');
    const got = await readExport({ name: 'bad-dates.csv', bytes: text(`Invoice #,Client,Due date\n${rows}`) }, { now: NOW });
    expect(got.warnings).toHaveLength(LIMITS.maxWarnings);
    expect(got.warnings.at(-1)).toMatch(/further warnings not shown/);
  });

  it('cuts names over 500 characters and keeps __proto__ as a plain name', async () => {
    const got = await read('hostile.csv', FIXTURES);
    const names = got.observations.map((observation) => observation.client.name);
    expect(names).toContain('__proto__');
    expect(names).toContain('constructor');
    expect(Math.max(...names.map((name) => name.length))).toBe(LIMITS.maxText);
    expect(got.warnings).toContain('Cut text longer than 500 characters (client name).');
  });

  it('reads a cell that starts with "=" as the text it shows (nothing evaluated)', async () => {
    const got = await read('hostile.csv', FIXTURES);
    expect(got.observations.map((observation) => observation.client.name)).toContain('=HYPERLINK("http://evil.example","click")');
    expect(got.observations.find((observation) => observation.kind === 'invoice' && observation.number === '=1+1')).toBeDefined();
  });
});

describe('readExport options', () => {
  const ru1251 = () => bytesOf(`${FIXTURES}ru-1251-semicolon.csv`);

  it('detects windows-1251 and says it guessed; forcing utf-8 on the same bytes is obeyed (no header reads then)', async () => {
    const detected = await readExport({ name: 'ru.csv', bytes: ru1251() }, { now: NOW });
    expect(detected.kind).toBe('invoices');
    expect(detected.warnings).toContain('The file is not UTF-8: read as windows-1251 (Cyrillic).');
    const forced = await readExport({ name: 'ru.csv', bytes: ru1251() }, { now: NOW, encoding: 'utf-8' });
    expect(forced.kind).toBe('unknown');
  });

  it('reads a UTF-8 file with a BOM and the same file without one alike', async () => {
    const body = 'Invoice #;Клиент;Срок оплаты;Статус\nСЧ-1;ООО «Ромашка»;05.03.2026;Оплачен\n';
    const plain = await readExport({ name: 'a.csv', bytes: text(body) }, { now: NOW });
    const bom = await readExport({ name: 'a.csv', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...text(body)]) }, { now: NOW });
    expect(bom).toEqual(plain);
    expect(plain.observations).toEqual([{ kind: 'invoice', client: { name: 'ООО «Ромашка»' }, number: 'СЧ-1', due: '2026-03-05', status: 'paid' }]);
  });

  it('applies a mapping: columns forced to fields, one ignored, the kind forced; the rest still read by shape (Code: INV-like values)', async () => {
    const body = 'Code,Who,When,Sum,Note\nA-1,Acme,2026-03-01,10.00,2026-04-01\n';
    const auto = await readExport({ name: 'x.csv', bytes: text(body) }, { now: NOW });
    expect(auto.kind).toBe('unknown');
    const mapped = await readExport(
      { name: 'x.csv', bytes: text(body) },
      { now: NOW, mapping: { kind: 'invoices', columns: new Map([[1, 'client'], [2, 'issued'], [4, 'due'], [3, 'ignore']]) } },
    );
    expect(mapped.columns).toEqual([
      { header: 'Code', field: 'number' }, { header: 'Who', field: 'client' }, { header: 'When', field: 'issued' }, { header: 'Sum' }, { header: 'Note', field: 'due' },
    ]);
    expect(mapped.observations).toEqual([{ kind: 'invoice', client: { name: 'Acme' }, number: 'A-1', issued: '2026-03-01', due: '2026-04-01' }]);
  });

  it('takes the header row the mapping names', async () => {
    const body = 'Number,Client,Due date\nINV-1,Acme,2026-03-01\nInvoice #,Client,Due date\nINV-2,Globex,2026-03-02\n';
    const got = await readExport({ name: 'x.csv', bytes: text(body) }, { now: NOW, mapping: { headerRow: 2 } });
    expect(got.observations.map((observation) => observation.client.name)).toEqual(['Globex']);
  });

  it('decides the date order from the whole file, never from one column', async () => {
    // Only the due date proves day-first (25/03); the issue dates then read day-first too.
    const body = 'Invoice #,Client,Issued,Due date\nI-1,Acme,01/03/2026,25/03/2026\nI-2,Acme,02/03/2026,26/03/2026\n';
    const got = await readExport({ name: 'x.csv', bytes: text(body) }, { now: NOW });
    expect(got.observations.map((observation) => observation.kind === 'invoice' && observation.issued)).toEqual(['2026-03-01', '2026-03-02']);
  });

  it('drops ambiguous dates with a warning when the file proves both orders', async () => {
    const body = 'Invoice #,Client,Due date\nI-1,Acme,25/03/2026\nI-2,Acme,03/25/2026\nI-3,Acme,03/04/2026\nI-4,Acme,05/05/2026\n';
    const got = await readExport({ name: 'x.csv', bytes: text(body) }, { now: NOW });
    expect(got.observations.map((observation) => observation.kind === 'invoice' && (observation.due ?? null))).toEqual(['2026-03-25', '2026-03-25', null, '2026-05-05']);
    expect(got.warnings.join(' ')).toMatch(/1 dates that read as two different days/);
  });

  it.each([
    ['Cyrillic headers, no proof: day first', 'Счет №;Клиент;Срок оплаты\nI-1;Acme;03/04/2026', '2026-04-03'],
    ['English headers, no proof: month first', 'Invoice #,Client,Due date\nI-1,Acme,03/04/2026', '2026-03-04'],
  ])('%s', async (_, body, due) => {
    const got = await readExport({ name: 'x.csv', bytes: text(body) }, { now: NOW });
    expect(got.observations).toMatchObject([{ due }]);
  });

  it('reads a JSON array of flat records as a table', async () => {
    const json = JSON.stringify([{ invoiceNumber: 'A-1', customer: 'Acme', dueDate: '2026-03-01', balance: 0 }, { invoiceNumber: 'A-2', customer: 'Acme', dueDate: '2026-03-05', balance: 12.5 }]);
    const got = await readExport({ name: 'x.json', bytes: text(json) }, { now: NOW });
    expect(got.observations).toEqual([
      { kind: 'invoice', client: { name: 'Acme' }, number: 'A-1', due: '2026-03-01', status: 'paid' },
      { kind: 'invoice', client: { name: 'Acme' }, number: 'A-2', due: '2026-03-05', status: 'open' },
    ]);
  });

  it.each([
    ['an old binary .xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /old binary Excel/],
    ['a zip that is no workbook', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /could not be unpacked|not an XLSX/],
    ['HTML without a table', text('<html><body><p>Hello</p></body></html>'), /holds no table/],
    ['an Excel 2003 XML spreadsheet', text('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet/></Workbook>'), /Excel 2003 XML/],
    ['broken JSON', text('{"Invoices": ['), /not valid JSON/],
    ['white space only', text(' \n\t\n'), /white space/],
  ])('%s is unknown, and the first warning says why', async (_, bytes, why) => {
    const got = await readExport({ name: 'x', bytes }, { now: NOW });
    expect(got.kind).toBe('unknown');
    expect(got.warnings[0]).toMatch(why);
  });
});
