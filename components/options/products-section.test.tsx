// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { textOf } from '../../lib/i18n';
import { SITE_READERS } from '../../lib/sites';
import { ProductsSection } from './ProductsSection';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let container: HTMLDivElement;

async function render(lang: 'en' | 'ru') {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(<ProductsSection readers={SITE_READERS} text={textOf(lang)} />));
}

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('Supported products section', () => {
  it('groups every site reader under its product, with what it reads', async () => {
    await render('en');
    const section = container.querySelector('[data-section="products"]')!;
    const products = [...new Set(SITE_READERS.map((reader) => reader.product))];
    expect([...section.querySelectorAll('[data-product]')].map((item) => item.getAttribute('data-product'))).toEqual(products);
    expect(section.querySelectorAll('[data-reader]')).toHaveLength(SITE_READERS.length);
    const odoo = SITE_READERS.find((reader) => reader.id === 'odoo-invoices') ?? SITE_READERS[0]!;
    expect(section.querySelector(`[data-reader="${odoo.id}"]`)?.textContent).toBe(`${odoo.label.en}: ${odoo.reads.en}`);
  });

  it('says 1C and MoySklad are left to teach mode, in English and Russian', async () => {
    await render('en');
    expect(container.querySelector('[data-teach-only]')?.textContent).toContain('1C:Enterprise web client: list layouts differ per configuration and are not public; teach the page instead.');
    expect(container.querySelector('[data-teach-only]')?.textContent).toContain('MoySklad: its document lists are not publicly described; teach the page instead.');
    act(() => root.unmount());
    container.remove();

    await render('ru');
    const reader = SITE_READERS[0]!;
    expect(container.querySelector(`[data-reader="${reader.id}"]`)?.textContent).toBe(`${reader.label.ru}: ${reader.reads.ru}`);
    expect(container.querySelector('[data-teach-only]')?.textContent).toContain('Веб-клиент 1С:Предприятия');
    expect(container.querySelector('[data-teach-only]')?.textContent).toContain('МойСклад');
    expect(container.querySelector('h2')?.textContent).toBe('Поддерживаемые продукты');
  });
});
