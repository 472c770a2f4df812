// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ImportTeachSections } from '../../entrypoints/options/ImportTeachSections';
import { textOf } from '../../lib/i18n';
import { sendMessage } from '../../lib/messages/commands';

vi.mock('../../lib/messages/commands', () => ({ sendMessage: vi.fn() }));
const send = vi.mocked(sendMessage);

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const CSV = `Invoice No,Customer,Account manager,Due Date,Amount,Status
INV-1,Acme Widgets,Anna Smith,2026-01-10,100,Paid
INV-2,Globex,Anna Smith,2026-01-20,200,Open
INV-3,Initech,Boris Ivanov,2026-02-01,300,Paid
`;

let root: Root;
let container: HTMLDivElement;

async function flush() {
  for (let i = 0; i < 10; i++) await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}

/** Waits for the state itself (a file read, the parser's module loaded on first use), up to 10 s on a busy machine. */
async function until(check: () => boolean) {
  const deadline = Date.now() + 10_000;
  while (!check() && Date.now() < deadline) await flush();
  expect(check()).toBe(true);
}

async function render(lang: 'en' | 'ru' = 'en') {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(<ImportTeachSections text={textOf(lang)} />));
  await flush();
}

async function pick(file: File) {
  const input = container.querySelector<HTMLInputElement>('input[type=file][name="import-file"]')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await flush();
}

async function choose(select: HTMLSelectElement, value: string) {
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await flush();
}

const count = (what: string) => container.querySelector(`[data-import-count="${what}"]`)?.textContent;
const column = (index: number) => container.querySelector<HTMLSelectElement>(`[data-import-column="${index}"]`)!;

beforeEach(() => {
  fakeBrowser.reset();
  send.mockReset();
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('Import history section', () => {
  it('previews a small CSV with the field read for every column, and its counts', async () => {
    await render();
    await pick(new File([CSV], 'invoices.csv', { type: 'text/csv' }));
    await until(() => count('invoices') !== undefined);

    expect(container.querySelector('[data-section="import"]')).not.toBeNull();
    expect([0, 1, 2, 3, 4, 5].map((i) => column(i).value)).toEqual(['number', 'client', 'ignore', 'due', 'amount', 'status']);
    expect(count('invoices')).toBe('3 invoices');
    expect(count('tickets')).toBe('0 tickets');
    expect(count('clients')).toBe('3 clients');
    expect(container.querySelectorAll('[data-import-preview] tbody tr')).toHaveLength(3);
  });

  it('re-reads the file when a column is remapped, and the counts follow', async () => {
    await render();
    await pick(new File([CSV], 'invoices.csv'));
    await until(() => count('clients') === '3 clients');

    await choose(column(1), 'ignore');
    await choose(column(2), 'client');
    await until(() => column(2).value === 'client');

    expect(column(1).value).toBe('ignore');
    expect(count('clients')).toBe('2 clients');
    expect(count('invoices')).toBe('3 invoices');
    expect(container.querySelector('[data-import-preview] tbody td:nth-child(2)')?.textContent).toBe('Anna Smith');
  });

  it('sends the observations with the typed source, and shows the result', async () => {
    send.mockResolvedValue({ ok: true, imported: 3, clients: 3 });
    await render();
    await pick(new File([CSV], 'invoices.csv'));
    await until(() => count('invoices') === '3 invoices');

    const importButton = container.querySelector<HTMLButtonElement>('button[data-action="import"]')!;
    expect(importButton.disabled).toBe(true); // no source yet
    const source = container.querySelector<HTMLInputElement>('input[name="import-source"]')!;
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(source, 'crm.example.com');
      source.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => importButton.click());
    await until(() => container.querySelector('[data-import-result]') !== null);

    expect(send).toHaveBeenCalledTimes(1);
    const [command, data] = send.mock.calls[0]! as unknown as [string, { source: string; observations: unknown[] }];
    expect(command).toBe('importHistory');
    expect(data.source).toBe('crm.example.com');
    expect(data.observations).toHaveLength(3);
    expect(container.querySelector('[data-import-result]')?.textContent).toBe('Imported 3 records for 3 clients.');
  });

  it('Cancel discards the file: nothing is sent', async () => {
    await render();
    await pick(new File([CSV], 'invoices.csv'));
    await until(() => count('invoices') !== undefined);
    await act(async () => container.querySelector<HTMLButtonElement>('button[data-action="cancel-import"]')!.click());
    await flush();

    expect(container.querySelector('[data-import-count]')).toBeNull();
    expect(container.querySelector('[data-import-state="cancelled"]')?.textContent).toBe('Cancelled: nothing was imported.');
    expect(send).not.toHaveBeenCalled();
  });

  it('refuses a file over the size cap before reading it', async () => {
    await render();
    const huge = new File(['x'], 'huge.csv');
    Object.defineProperty(huge, 'size', { value: 21 * 1024 * 1024 });
    const read = vi.spyOn(huge, 'arrayBuffer');
    await pick(huge);
    await until(() => container.querySelector('[data-import-error="too-large"]') !== null);

    expect(container.querySelector('[data-import-error="too-large"]')?.textContent).toContain('larger than 20 MB');
    expect(read).not.toHaveBeenCalled();
  });

  it('speaks Russian: counts, and the encoding choice for a windows-1251 guess', async () => {
    await render('ru');
    const header = 'Номер;Контрагент;Срок оплаты;Сумма\r\n';
    const row = 'СЧ-1;ООО Ромашка;10.01.2026;100\r\n';
    const bytes = Uint8Array.from([...header, ...row].map((char) => cp1251(char)));
    await pick(new File([bytes], 'счета.csv'));
    await until(() => count('invoices') !== undefined);

    expect(count('invoices')).toBe('1 счёт');
    expect(count('clients')).toBe('1 клиент');
    expect(container.querySelector('select[name="import-encoding"]')).not.toBeNull();
    expect(container.querySelector('[data-import-warnings]')?.textContent).toContain('windows-1251');
  });
});

/** One character in windows-1251 (ASCII and Russian letters only: enough for the test file). */
function cp1251(char: string): number {
  const code = char.charCodeAt(0);
  if (code < 0x80) return code;
  if (code === 0x401) return 0xa8;
  if (code === 0x451) return 0xb8;
  return code - 0x410 + 0xc0;
}
