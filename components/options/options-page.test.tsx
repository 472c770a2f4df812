// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import App from '../../entrypoints/options/App';
import { CRITERION_IDS } from '../../lib/model';
import { DEFAULT_SETTINGS, withDefaults, type Settings } from '../../lib/settings';
import { settingsItem } from '../../lib/settings-storage';
import { textOf } from '../../lib/i18n';

// React's act() warns unless the environment says it is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let container: HTMLDivElement;

async function flush() {
  for (let i = 0; i < 5; i++) await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}

async function renderPage(stored?: Partial<Settings>) {
  if (stored) await settingsItem.setValue(withDefaults(stored));
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(<App />));
  await flush();
}

function input<T extends HTMLElement = HTMLInputElement>(name: string): T {
  const element = container.querySelector<T>(`[name="${name}"]`);
  if (!element) throw new Error(`no field named ${name}`);
  return element;
}

/** Types into a controlled input the way a user would (React listens for "input"). */
async function type(name: string, value: string) {
  const element = input<HTMLInputElement | HTMLTextAreaElement>(name);
  const proto = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(element: Element) {
  await act(async () => {
    (element as HTMLElement).click();
  });
  await flush();
}

function button(label: string): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === label);
  if (!found) throw new Error(`no button "${label}"`);
  return found;
}

async function save(lang: 'en' | 'ru' = 'en') {
  await click(button(textOf(lang).options.save));
}

const stored = () => settingsItem.getValue();

/** What the fake browser leaves out and the sites section reads: the manifest and host permissions. */
function fakeSitePermissions(origins: string[]) {
  const event = { addListener: vi.fn(), removeListener: vi.fn(), hasListener: vi.fn() };
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Client Signals', version: '0', host_permissions: [] });
  Object.assign(fakeBrowser.permissions, { getAll: async () => ({ origins, permissions: [] }), onAdded: event, onRemoved: event });
}

beforeEach(() => {
  fakeBrowser.reset();
  fakeSitePermissions(['https://crm.example.com/*']);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('options page', () => {
  it.each(['en', 'ru'] as const)('shows every section and every threshold in %s', async (lang) => {
    await renderPage({ language: lang });
    const text = textOf(lang);
    const page = container.textContent ?? '';
    expect(document.documentElement.lang).toBe(lang);
    expect(page).toContain(text.options.pageTitle);
    expect(page).toContain(text.options.businessHours);
    expect(page).toContain(text.options.timeZone);
    expect(page).toContain(text.options.language);
    expect(page).toContain(text.options.outOfScopeKeywords);
    expect(page).toContain(text.options.complaintTags);
    const criteria = [...container.querySelectorAll('[data-criterion]')].map((section) => section.getAttribute('data-criterion'));
    expect(criteria).toEqual([...CRITERION_IDS]);
    for (const id of CRITERION_IDS) expect(page).toContain(text.criteria[id].article);
    for (const label of Object.values(text.options.fields)) expect(page).toContain(label);
    // Every number input has a visible label.
    for (const numberInput of container.querySelectorAll('input[type="number"]')) {
      expect(container.querySelector(`label[for="${numberInput.id}"]`)?.textContent).toBeTruthy();
    }
    expect(container.querySelectorAll('input[name="businessHours.days"]')).toHaveLength(7);
  });

  it('shows shares as percentages and the defaults as stored', async () => {
    await renderPage();
    expect(input('disrespect.badRatingShare').value).toBe('30');
    expect(input('lowIncome.metFraction').value).toBe('33.33');
    expect(input('scopeCreep.billingGrowth').value).toBe('10');
    expect(input('latePayment.lateDays').value).toBe('15');
    expect(input('businessHours.start').value).toBe('09:00');
    expect(input<HTMLTextAreaElement>('complaintTags').value.split('\n')).toEqual(DEFAULT_SETTINGS.complaintTags);
  });

  it('saves a valid edit, keeping untouched values exact', async () => {
    await renderPage();
    await type('latePayment.lateDays', '20');
    await type('excessAttention.afterHoursShare', '25');
    await type('outOfScope.keywords', 'out of scope\n  не по договору  \n\n');
    await save();
    const saved = await stored();
    expect(saved.latePayment.lateDays).toBe(20);
    expect(saved.excessAttention.afterHoursShare).toBe(0.25);
    expect(saved.outOfScope.keywords).toEqual(['out of scope', 'не по договору']);
    expect(saved.lowIncome.metFraction).toBe(1 / 3);
    expect(container.querySelector('.save-status')?.textContent).toContain('Saved');
  });

  it.each([
    ['negative days', 'latePayment.windowDays', '-5', 'Enter a whole number from 1 to 3,650.'],
    ['a share of 150 %', 'disrespect.badRatingShare', '150', 'Enter a percentage from 0 to 100 %.'],
    ['an empty field', 'pricePressure.metEvents', '', 'Enter a whole number from 1 to 100,000.'],
    ['a fraction of an invoice', 'latePayment.metCount', '2.5', 'Enter a whole number from 1 to 100,000.'],
    ['an unknown time zone', 'timeZone', 'Mars/Olympus', 'Unknown time zone. Pick one from the list, or leave empty.'],
  ])('refuses %s, says why next to the field and keeps the stored value', async (_case, name, value, message) => {
    await renderPage({ latePayment: { ...DEFAULT_SETTINGS.latePayment, windowDays: 200 } });
    const before = await stored();
    await type(name, value);
    await type('latePayment.lateDays', '21'); // a valid edit alongside is not saved either
    await save();
    expect(await stored()).toEqual(before);
    const field = input(name);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(container.querySelector(`#${field.id}-error`)?.textContent).toBe(message);
    expect(container.querySelector('[data-testid="error-summary"]')?.textContent).toContain('1 value needs fixing');
    expect(input('latePayment.windowDays').value).toBe(name === 'latePayment.windowDays' ? value : '200');
  });

  it.each([
    ['latePayment.windowDays', '1', 1],
    ['latePayment.windowDays', '3650', 3650],
    ['disrespect.badRatingShare', '0', 0],
    ['disrespect.badRatingShare', '100', 1],
    ['latePayment.watchMeanDays', '2.5', 2.5],
    ['scopeCreep.metRatio', '1.75', 1.75],
  ])('accepts %s = %s at the edge of its range', async (name, value, stored) => {
    await renderPage();
    await type(name, value);
    await save();
    const [section, key] = name.split('.') as [keyof Settings, string];
    expect(((await settingsItem.getValue())[section] as Record<string, number>)[key]).toBe(stored);
  });

  it.each([
    ['latePayment.windowDays', '0'],
    ['latePayment.windowDays', '3651'],
    ['disrespect.badRatingShare', '100.5'],
    ['excessAttention.urgentShare', '-1'],
  ])('refuses %s = %s just outside its range', async (name, value) => {
    await renderPage();
    await type(name, value);
    await save();
    expect(await stored()).toEqual(DEFAULT_SETTINGS);
    expect(input(name).getAttribute('aria-invalid')).toBe('true');
  });

  it('says what is wrong in Russian', async () => {
    await renderPage({ language: 'ru' });
    await type('latePayment.windowDays', '-5');
    await type('disrespect.badRatingShare', '150');
    await save('ru');
    expect(container.querySelector(`#${input('latePayment.windowDays').id}-error`)?.textContent).toBe(
      'Введите целое число от 1 до 3\u00a0650.',
    );
    expect(container.querySelector(`#${input('disrespect.badRatingShare').id}-error`)?.textContent).toBe(
      'Введите процент от 0 до 100 %.',
    );
    expect(container.querySelector('[data-testid="error-summary"]')?.textContent).toContain('Исправьте 2 значения');
  });

  it('does not call an edit typed back to the stored value unsaved', async () => {
    await renderPage();
    await type('latePayment.lateDays', '16');
    expect(container.querySelector('.save-status')?.textContent).toBe(textOf('en').options.unsaved);
    await type('latePayment.lateDays', '15');
    expect(container.querySelector('.save-status')?.textContent).toBe('');
  });

  it('refuses business hours that end before they start', async () => {
    await renderPage({ language: 'ru' });
    await type('businessHours.start', '18:00');
    await type('businessHours.end', '09:00');
    await save('ru');
    expect((await stored()).businessHours).toEqual(DEFAULT_SETTINGS.businessHours);
    expect(container.querySelector(`#${input('businessHours.end').id}-error`)?.textContent).toBe(
      textOf('ru').options.errors.hoursOrder,
    );
    expect(container.querySelector('[data-testid="error-summary"]')?.textContent).toContain('Исправьте 1 значение');
  });

  it('saves working days from the checkboxes', async () => {
    await renderPage();
    const saturday = container.querySelectorAll<HTMLInputElement>('input[name="businessHours.days"]')[5]!;
    const monday = container.querySelectorAll<HTMLInputElement>('input[name="businessHours.days"]')[0]!;
    await click(saturday);
    await click(monday);
    await save();
    expect((await stored()).businessHours.days).toEqual([2, 3, 4, 5, 6]);
  });

  it('resets to defaults only after confirmation', async () => {
    await renderPage({ language: 'en', latePayment: { ...DEFAULT_SETTINGS.latePayment, lateDays: 40 } });
    const text = textOf('en').options;
    await click(button(text.reset));
    expect((await stored()).latePayment.lateDays).toBe(40);
    await click(button(text.resetNo));
    expect((await stored()).latePayment.lateDays).toBe(40);
    await click(button(text.reset));
    await click(button(text.resetYes));
    expect(await stored()).toEqual(DEFAULT_SETTINGS);
    expect(input('latePayment.lateDays').value).toBe('15');
    expect(container.querySelector('.save-status')?.textContent).toContain(text.resetDone);
  });

  it("follows another window's change and switches language with the setting", async () => {
    await renderPage({ language: 'en' });
    await type('latePayment.metCount', '4'); // an edit in progress survives the outside change
    await act(async () => {
      await settingsItem.setValue(withDefaults({ language: 'ru', latePayment: { ...DEFAULT_SETTINGS.latePayment, lateDays: 25 } }));
    });
    await flush();
    expect(input('latePayment.lateDays').value).toBe('25');
    expect(input('latePayment.metCount').value).toBe('4');
    expect(container.textContent).toContain(textOf('ru').options.pageTitle);
  });

  it('shows enabled sites and backup after the settings form, outside it', async () => {
    await renderPage();
    const form = container.querySelector('form')!;
    const more = container.querySelector('.more-sections')!;
    expect([...more.querySelectorAll('[data-section]')].map((section) => section.getAttribute('data-section'))).toEqual(['sites', 'merges', 'backup', 'import', 'export', 'profiles', 'products']);
    expect(form.compareDocumentPosition(more) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(form.contains(more)).toBe(false);
    expect(more.textContent).toContain(textOf('en').options.backup.export);
    expect(more.querySelector('[data-site="https://crm.example.com"]')).not.toBeNull();
  });
});
