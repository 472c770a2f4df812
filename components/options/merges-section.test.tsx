// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { textOf } from '../../lib/i18n';
import { exactClient, matchClients, MAX_MATCHES } from './client-match';
import { MergesSection } from './MergesSection';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const MANY = Array.from({ length: 5000 }, (_, i) => ({ key: `client ${i} ltd`, name: `Client ${i} Ltd` }));
const FEW = [
  { key: 'альфа-строй', name: 'Альфа-Строй' },
  { key: 'ёлка ооо', name: 'Ёлка ООО' },
  { key: 'acme', name: 'ACME Corp' },
  { key: 'unp:190000001', name: 'ACME Corp' },
  { key: 'northwind', name: 'Northwind Traders' },
  { key: 'contoso', name: 'Contoso' },
];

describe('matchClients: clients found by part of their name', () => {
  it.each([
    ['the start of a name, any case', 'north', ['northwind']],
    ['a word inside a name', 'traders', ['northwind']],
    ['Cyrillic, any case', 'АЛЬФА', ['альфа-строй']],
    ['"е" finds "ё"', 'елка', ['ёлка ооо']],
    ['a key (a tax id) where the name does not hold it', '190000001', ['unp:190000001']],
    ['two clients of one name, both', 'acme', ['acme', 'unp:190000001']],
    ['nothing typed, nothing shown', '  ', []],
    ['no such client', 'zzz', []],
  ])('%s', (_, query, keys) => {
    expect(matchClients(FEW, query).map((client) => client.key)).toEqual(keys);
  });

  it('names that start with the text come before names that only hold it', () => {
    expect(matchClients([{ key: 'b', name: 'Big Contoso' }, ...FEW], 'contoso').map((client) => client.key)).toEqual(['contoso', 'b']);
  });

  it(`shows at most ${MAX_MATCHES} of 5,000`, () => {
    expect(matchClients(MANY, 'client 1')).toHaveLength(MAX_MATCHES);
    expect(matchClients(MANY, 'client 4999').map((client) => client.key)).toEqual(['client 4999 ltd']);
  });

  it('an exact name chooses its client only when one client has it', () => {
    expect(exactClient(FEW, ' contoso ')?.key).toBe('contoso');
    expect(exactClient(FEW, 'ACME Corp')).toBeUndefined();
    expect(exactClient(FEW, 'Conto')).toBeUndefined();
  });
});

let root: Root | undefined;
let container: HTMLDivElement;

async function render(lang: 'en' | 'ru', onMerge = vi.fn(async () => undefined)) {
  container = document.createElement('div');
  document.body.append(container);
  const made = createRoot(container);
  root = made;
  await act(async () => made.render(<MergesSection clients={MANY} merges={[]} text={textOf(lang)} onMerge={onMerge} onUndo={async () => undefined} />));
  return onMerge;
}

async function type(input: HTMLInputElement, value: string) {
  await act(async () => {
    input.focus();
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const key = (input: HTMLInputElement, name: string) => act(async () => void input.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true })));

afterEach(() => {
  if (!root) return;
  act(() => root!.unmount());
  root = undefined;
  container.remove();
});

describe('Merges section with 5,000 clients', () => {
  it('draws no list of all clients: two search boxes, nothing else to scroll', async () => {
    await render('en');
    expect(container.querySelectorAll('option, [role=option]')).toHaveLength(0);
    expect(container.querySelectorAll('input[role=combobox]')).toHaveLength(2);
    expect(container.querySelector<HTMLInputElement>('input[name="merge-a"]')!.placeholder).toBe('Type a name…');
  });

  it('ties two clients chosen by typing, with a click and with the keyboard', async () => {
    const onMerge = await render('en');
    const [first, second] = [...container.querySelectorAll<HTMLInputElement>('input[role=combobox]')];
    await type(first!, 'client 4999');
    const option = container.querySelector('[role=option][data-client-key="client 4999 ltd"]')!;
    await act(async () => void option.dispatchEvent(new MouseEvent('mousedown', { bubbles: true })));
    expect(first!.value).toBe('Client 4999 Ltd');
    expect(container.querySelectorAll('[role=option]')).toHaveLength(0);
    await type(second!, 'client 12');
    expect(container.querySelectorAll('[role=option]')).toHaveLength(MAX_MATCHES);
    await key(second!, 'ArrowDown');
    const active = container.querySelector('[role=option][aria-selected=true]')!;
    expect(second!.getAttribute('aria-activedescendant')).toBe(active.id);
    await key(second!, 'Enter');
    expect(second!.value).toBe(active.textContent);
    await act(async () => void container.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    expect(onMerge).toHaveBeenCalledWith('client 4999 ltd', active.getAttribute('data-client-key'));
    // Tied: the second box is cleared for the next one.
    expect(second!.value).toBe('');
  });

  it('refuses a half-typed name with a clear message, in Russian too', async () => {
    const onMerge = await render('ru');
    const [first, second] = [...container.querySelectorAll<HTMLInputElement>('input[role=combobox]')];
    await type(first!, 'Client 1 Ltd');
    await type(second!, 'Client 2');
    expect(container.querySelector('.client-picker__list')).not.toBeNull();
    await act(async () => void container.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    expect(onMerge).not.toHaveBeenCalled();
    expect(container.textContent).toContain('Выберите двух разных клиентов.');
    await type(second!, 'нет такого');
    expect(container.querySelector('.client-picker__none')?.textContent).toBe('Клиента с таким именем нет.');
  });
});
