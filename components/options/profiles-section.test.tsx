// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { textOf } from '../../lib/i18n';
import { siteProfileSchema, type SiteProfile } from '../../lib/teach';
import { ProfilesSection } from './ProfilesSection';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function profile(origin: string, pathPattern: string, kind: 'invoice' | 'ticket'): SiteProfile {
  const field = { cell: 0, path: [] };
  const fields = kind === 'invoice' ? { client: field, number: { ...field, cell: 1 } } : { client: field, id: { ...field, cell: 1 }, created: { ...field, cell: 2 } };
  return siteProfileSchema.parse({ version: 1, kind, origin, pathPattern, rows: { chain: [{ tag: 'tbody' }], tag: 'tr', cells: 5 }, fields, learnedAt: '2026-03-10T09:00:00.000Z' });
}

const PROFILES = [profile('https://crm.orbit.test', '/crm/invoices/page/*', 'invoice'), profile('https://help.example.com', '/tickets', 'ticket')];

let root: Root;
let container: HTMLDivElement;

async function render(props: Partial<Parameters<typeof ProfilesSection>[0]> & { lang?: 'en' | 'ru' } = {}) {
  const { lang = 'en', ...rest } = props;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () =>
    root.render(
      <ProfilesSection profiles={PROFILES} text={textOf(lang)} onDelete={vi.fn(async () => ({ ok: true as const }))} onExport={vi.fn()} onImport={vi.fn(async () => ({ ok: true as const, imported: 1 }))} {...rest} />,
    ),
  );
}

async function pickJson(json: string) {
  const input = container.querySelector<HTMLInputElement>('input[type=file][name="import-profiles"]')!;
  Object.defineProperty(input, 'files', { value: [new File([json], 'profiles.json')], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  for (let i = 0; i < 5; i++) await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}

beforeEach(() => vi.clearAllMocks());
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('Taught pages section', () => {
  it('lists every profile with its site, path pattern, kind and date', async () => {
    await render();
    const rows = [...container.querySelectorAll('[data-section="profiles"] [data-profile]')];
    expect(rows.map((row) => row.getAttribute('data-profile'))).toEqual(['https://crm.orbit.test/crm/invoices/page/*', 'https://help.example.com/tickets']);
    const cells = [...rows[0]!.querySelectorAll('td')].map((cell) => cell.textContent);
    expect(cells.slice(0, 3)).toEqual(['crm.orbit.test', '/crm/invoices/page/*', 'invoices']);
    expect(cells[3]).not.toBe('');
    expect(rows[1]!.querySelectorAll('td')[2]!.textContent).toBe('tickets');
  });

  it('deletes one profile by its slot', async () => {
    const onDelete = vi.fn(async () => ({ ok: true as const }));
    await render({ onDelete });
    await act(async () => container.querySelectorAll<HTMLButtonElement>('[data-profile] button[data-action="delete-profile"]')[1]!.click());
    expect(onDelete).toHaveBeenCalledWith(expect.objectContaining({ origin: 'https://help.example.com', pathPattern: '/tickets', kind: 'ticket' }));
  });

  it('exports all, and shows the error of a refused JSON file', async () => {
    const onExport = vi.fn();
    const onImport = vi.fn(async () => ({ ok: false as const, error: 'fields.number: invoice needs its number' }));
    await render({ onExport, onImport });
    await act(async () => container.querySelector<HTMLButtonElement>('button[data-action="export-profiles"]')!.click());
    expect(onExport).toHaveBeenCalledTimes(1);

    await pickJson('{"version":1}');
    expect(onImport).toHaveBeenCalledWith('{"version":1}');
    expect(container.querySelector('[data-profiles-result="error"]')?.textContent).toBe('Nothing was imported: fields.number: invoice needs its number');
  });

  it('says how to teach a page when there is none, in Russian too', async () => {
    await render({ profiles: [], lang: 'ru' });
    expect(container.querySelector('[data-profile]')).toBeNull();
    expect(container.textContent).toContain('Пока ни одной обученной страницы');
    expect(container.querySelector('h2')?.textContent).toBe('Обученные страницы');
  });
});
