// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { productOfHost } from '../entrypoints/popup/usePageReader';
import { textOf } from '../lib/i18n';
import { SITE_READERS } from '../lib/sites';
import { PageReaderPanel } from './PageReaderPanel';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let container: HTMLDivElement;

type Props = Parameters<typeof PageReaderPanel>[0];

async function render(props: Partial<Props> & { lang?: 'en' | 'ru' }) {
  const { lang = 'en', ...rest } = props;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () =>
    root!.render(<PageReaderPanel enabled readBy={undefined} readerLabel={undefined} warnings={[]} recognised={undefined} text={textOf(lang)} onTeach={vi.fn()} {...rest} />),
  );
}

afterEach(() => {
  if (root) act(() => root!.unmount());
  root = undefined;
  container.remove();
});

const odoo = SITE_READERS.find((reader) => reader.id === 'odoo-invoices')!;

describe('the popup’s Read-by line', () => {
  it.each([
    ['en', odoo.id, odoo.label.en, 'Read by: Odoo invoice list'],
    ['ru', odoo.id, odoo.label.ru, 'Прочитано: список счетов Odoo'],
    ['en', 'profile', undefined, 'Read by: your taught profile'],
    ['ru', 'profile', undefined, 'Прочитано: ваш обученный профиль'],
    ['en', 'generic', undefined, 'Read by: the general reader'],
    ['ru', 'generic', undefined, 'Прочитано: общий читатель'],
  ] as const)('%s, read by %s', async (lang, readBy, readerLabel, line) => {
    await render({ lang, readBy, readerLabel });
    const element = container.querySelector('[data-read-by]')!;
    expect(element.getAttribute('data-read-by')).toBe(readBy);
    expect(element.querySelector('.read-by__line')?.textContent).toBe(line);
  });

  it('folds the page’s warnings under it', async () => {
    await render({ readBy: 'generic', warnings: ['Row 3: no client', 'Row 7: invalid date'] });
    const fold = container.querySelector('[data-read-by] details')!;
    expect(fold.hasAttribute('open')).toBe(false);
    expect(fold.querySelector('summary')?.textContent).toBe('What could not be read (2)');
    expect([...fold.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Row 3: no client', 'Row 7: invalid date']);
  });

  it('offers "Teach this page" on an enabled site, in both languages', async () => {
    const onTeach = vi.fn();
    await render({ readBy: 'generic', onTeach });
    const button = container.querySelector<HTMLButtonElement>('button[data-action="teach"]')!;
    expect(button.textContent).toBe('Teach this page');
    await act(async () => button.click());
    expect(onTeach).toHaveBeenCalledTimes(1);
    act(() => root!.unmount());
    container.remove();

    await render({ lang: 'ru' });
    expect(container.querySelector('button[data-action="teach"]')?.textContent).toBe('Научить эту страницу');
  });

  it('on a hosted product not enabled yet, says which product it looks like, and offers no teaching', async () => {
    expect(productOfHost(SITE_READERS, 'acme.bitrix24.ru')).toBe('Bitrix24');
    expect(productOfHost(SITE_READERS, 'crm.example.com')).toBeUndefined();

    await render({ enabled: false, recognised: 'Bitrix24' });
    expect(container.querySelector('[data-recognised-product]')?.textContent).toBe('This looks like Bitrix24');
    expect(container.querySelector('button[data-action="teach"]')).toBeNull();
    act(() => root!.unmount());
    container.remove();

    await render({ enabled: false, recognised: 'Bitrix24', lang: 'ru' });
    expect(container.querySelector('[data-recognised-product="Bitrix24"]')?.textContent).toBe('Похоже, это Bitrix24');
  });
});
