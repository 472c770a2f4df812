import { formatMoney } from '../i18n';
import type { InvoiceObservation, Lang, Observation, TicketObservation } from '../model';
import { learnProfile } from './learn';
import { rowOf } from './locate';
import { PICKER_TEXT, type PickerText } from './picker-text';
import { REQUIRED_FIELDS, type FieldName, type ListKind, type SiteProfile } from './profile';
import { readWithProfile } from './read';

/*
 * The teach-mode picker: a small panel in a closed shadow root over the page. The user says what
 * the list shows, clicks one row, then each field in it (or skips it), watches a live preview of
 * what the profile reads, and saves or cancels (Esc). Plain DOM, no React; page text is only ever
 * set as textContent. While picking, clicks on the page are caught in the capture phase and kept
 * from the page; on Save or Cancel every listener goes and the page is as it was.
 */

/** The fields asked for, in order, per kind of list. */
const STEPS: Readonly<Record<ListKind, readonly FieldName[]>> = {
  invoice: ['client', 'number', 'issued', 'due', 'paid', 'amount', 'status'],
  ticket: ['id', 'client', 'created', 'priority', 'status', 'subject'],
};

/** Rows shown in the preview. */
const PREVIEW_ROWS = 5;

/** Pointer events the page must not see while the user picks (a row that opens on mousedown). */
const SWALLOWED = ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'dblclick', 'auxclick'] as const;

const STYLE = `
:host { all: initial; }
.panel { position: fixed; right: 16px; bottom: 16px; width: 360px; max-height: 70vh; overflow: auto;
  box-sizing: border-box; padding: 12px 14px; background: #fff; color: #1d2433; border: 1px solid #c5cbd6;
  border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.18); font: 13px/1.4 system-ui, sans-serif; z-index: 2147483647; }
.title { font-weight: 600; margin: 0 0 6px; }
.prompt { margin: 0 0 6px; }
.hint { margin: 0 0 6px; color: #a33; min-height: 1em; }
.actions, .footer { display: flex; gap: 6px; flex-wrap: wrap; margin: 6px 0; }
button { font: inherit; padding: 4px 10px; border: 1px solid #8a93a6; border-radius: 4px; background: #f4f6fa; color: inherit; cursor: pointer; }
button[disabled] { opacity: .5; cursor: default; }
button.primary { background: #2459d6; border-color: #2459d6; color: #fff; }
.preview { border-top: 1px solid #e2e6ee; margin-top: 6px; padding-top: 6px; }
.preview ol { margin: 4px 0 0; padding-left: 18px; }
.preview li { margin: 2px 0; word-break: break-word; }
.muted { color: #5b6478; }
.box { position: fixed; pointer-events: none; box-sizing: border-box; z-index: 2147483646; }
.hover { outline: 2px dashed #2459d6; background: rgba(36,89,214,.08); }
.chosen { outline: 2px solid #1f9d55; }
`;

type PickerOptions = {
  lang: Lang;
  onSave: (profile: SiteProfile) => void;
  onCancel: () => void;
  /** The time relative dates in the preview resolve against. Default: now. */
  now?: () => Date;
};

/** An open picker: its root (for tests and the injector) and a way to close it without saving. */
export type Picker = { root: ShadowRoot; close: () => void };

type Stage = { name: 'kind' } | { name: 'row' } | { name: 'field'; index: number } | { name: 'review' };

/** Open pickers, per document, kept on the content script's own global so a second injection finds the first. */
const OPEN_KEY = Symbol.for('clientSignals.openPickers');

function openPickers(): WeakSet<Document> {
  const scope = globalThis as unknown as Record<symbol, WeakSet<Document> | undefined>;
  let open = scope[OPEN_KEY];
  if (!open) {
    open = new WeakSet<Document>();
    scope[OPEN_KEY] = open;
  }
  return open;
}

function isElement(value: unknown): value is Element {
  return typeof value === 'object' && value !== null && (value as Node).nodeType === 1;
}

function describeInvoice(invoice: InvoiceObservation, words: PickerText, lang: Lang): string {
  const dates = (['issued', 'due', 'paid'] as const).flatMap((field) => (invoice[field] ? [`${words.dateLabels[field]} ${invoice[field]}`] : []));
  const parts = [
    invoice.number,
    invoice.client.name,
    dates.join(', '),
    invoice.amount === undefined ? '' : formatMoney(lang, invoice.amount, invoice.currency),
    invoice.status ? words.invoiceStatus[invoice.status] : '',
  ];
  return parts.filter(Boolean).join(' · ');
}

function describeTicket(ticket: TicketObservation, words: PickerText): string {
  const parts = [
    ticket.id,
    ticket.client.name,
    ticket.created.replace('T', ' '),
    ticket.priority ? words.priority[ticket.priority] : '',
    ticket.status ? words.ticketStatus[ticket.status] : '',
    ticket.subject ?? '',
  ];
  return parts.filter(Boolean).join(' · ');
}

function describeObservation(observation: Observation, words: PickerText, lang: Lang): string {
  if (observation.kind === 'invoice') return describeInvoice(observation, words, lang);
  if (observation.kind === 'ticket') return describeTicket(observation, words);
  return `${observation.client.name} · ${observation.count}`;
}

/**
 * Opens the picker on a page and returns it; does nothing (and returns undefined) when one is
 * already open on that page. `onSave` gets the profile exactly as learnProfile makes it from
 * what was clicked; `onCancel` runs on Cancel or Esc. Either closes the picker.
 *
 * @example
 * startPicker(document, { lang: 'ru', onSave: (profile) => store(profile), onCancel: () => {} });
 */
export function startPicker(doc: Document, options: PickerOptions): Picker | undefined {
  const open = openPickers();
  if (open.has(doc)) return undefined;
  open.add(doc);
  const words = PICKER_TEXT[options.lang];
  const view = doc.defaultView;
  const events: EventTarget = view ?? doc;

  const host = doc.createElement('client-signals-picker');
  // Through the CSSOM, which a page's Content-Security-Policy does not block as it may a style attribute.
  host.style.cssText = 'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647;';
  const root = host.attachShadow({ mode: 'closed' });

  function make<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, content?: string): HTMLElementTagNameMap[K] {
    const el = doc.createElement(tag);
    if (className) el.className = className;
    if (content !== undefined) el.textContent = content;
    return el;
  }

  const style = make('style', undefined, STYLE);
  const hoverBox = make('div', 'box hover');
  const chosenBox = make('div', 'box chosen');
  hoverBox.hidden = true;
  chosenBox.hidden = true;
  const panel = make('div', 'panel');
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', words.title);
  const title = make('p', 'title', words.title);
  const prompt = make('p', 'prompt');
  const hint = make('p', 'hint');
  hint.setAttribute('aria-live', 'polite');
  const actions = make('div', 'actions');
  const preview = make('div', 'preview');
  const previewSummary = make('p', 'muted');
  const previewList = make('ol');
  preview.append(make('strong', undefined, words.previewTitle), previewSummary, previewList);
  const footer = make('div', 'footer');
  const saveButton = make('button', 'primary', words.save);
  saveButton.dataset['action'] = 'save';
  const cancelButton = make('button', undefined, words.cancel);
  cancelButton.dataset['action'] = 'cancel';
  footer.append(saveButton, cancelButton);
  panel.append(title, prompt, hint, actions, preview, footer);
  root.append(style, hoverBox, chosenBox, panel);

  let stage: Stage = { name: 'kind' };
  let kind: ListKind | undefined;
  let row: Element | undefined;
  let fields: Partial<Record<FieldName, Element>> = {};
  let profile: SiteProfile | undefined;
  let closed = false;

  const picking = (): boolean => stage.name === 'row' || stage.name === 'field';
  const ours = (event: Event): boolean => event.composedPath().includes(host);
  const currentField = (): FieldName | undefined => (stage.name === 'field' && kind ? STEPS[kind][stage.index] : undefined);

  function place(box: HTMLElement, target: Element | undefined): void {
    if (!target) {
      box.hidden = true;
      return;
    }
    const rect = target.getBoundingClientRect();
    box.hidden = false;
    box.style.top = `${rect.top}px`;
    box.style.left = `${rect.left}px`;
    box.style.width = `${rect.width}px`;
    box.style.height = `${rect.height}px`;
  }

  function button(label: string, action: string, onClick: () => void): HTMLButtonElement {
    const el = make('button', undefined, label);
    el.dataset['action'] = action;
    el.addEventListener('click', onClick);
    return el;
  }

  function refreshPreview(): void {
    profile = undefined;
    previewList.replaceChildren();
    const listKind = kind;
    if (!listKind || !row) {
      previewSummary.textContent = '';
      return;
    }
    const missing = STEPS[listKind].filter((field) => REQUIRED_FIELDS[listKind].includes(field) && !fields[field]);
    if (missing.length) {
      previewSummary.textContent = words.needs(missing.map((field) => words.fields[field]).join(', '));
      return;
    }
    // Rarer refusals (a row that reads as nothing) come from learnProfile, in English.
    const learnt = learnProfile(doc, doc.URL, { kind: listKind, row, fields });
    if (!learnt.ok) {
      previewSummary.textContent = learnt.error;
      return;
    }
    profile = learnt.profile;
    // Read it back as the stored profile will be: through JSON.
    const extract = readWithProfile(doc, doc.URL, JSON.parse(JSON.stringify(learnt.profile)), { now: options.now?.() ?? new Date() });
    const summary = [words.rowsRead(extract.observations.length)];
    if (extract.warnings.length) summary.push(words.warnings(extract.warnings.length));
    previewSummary.textContent = summary.join(' · ');
    for (const observation of extract.observations.slice(0, PREVIEW_ROWS)) {
      previewList.append(make('li', undefined, describeObservation(observation, words, options.lang)));
    }
  }

  function render(message = ''): void {
    hint.textContent = message;
    actions.replaceChildren();
    if (stage.name === 'kind') {
      prompt.textContent = words.chooseKind;
      actions.append(
        button(words.invoices, 'kind-invoice', () => chooseKind('invoice')),
        button(words.tickets, 'kind-ticket', () => chooseKind('ticket')),
      );
    } else if (stage.name === 'row') {
      prompt.textContent = words.pickRow;
      actions.append(button(words.back, 'back', back));
    } else if (stage.name === 'field') {
      const field = currentField();
      prompt.textContent = words.pickField(field ? words.fields[field] : '');
      actions.append(button(words.skip, 'skip', skip), button(words.back, 'back', back));
    } else {
      prompt.textContent = words.review;
      actions.append(button(words.back, 'back', back));
    }
    place(chosenBox, row);
    if (!picking()) place(hoverBox, undefined);
    refreshPreview();
    saveButton.disabled = !profile;
  }

  function chooseKind(chosen: ListKind): void {
    if (kind !== chosen) {
      row = undefined;
      fields = {};
    }
    kind = chosen;
    stage = { name: 'row' };
    render();
  }

  function advance(): void {
    if (stage.name !== 'field' || !kind) return;
    stage = stage.index + 1 < STEPS[kind].length ? { name: 'field', index: stage.index + 1 } : { name: 'review' };
    render();
  }

  function skip(): void {
    const field = currentField();
    if (field) delete fields[field];
    advance();
  }

  function back(): void {
    if (stage.name === 'row') stage = { name: 'kind' };
    else if (stage.name === 'field' && stage.index > 0) stage = { name: 'field', index: stage.index - 1 };
    else if (stage.name === 'field') {
      row = undefined;
      fields = {};
      stage = { name: 'row' };
    } else if (stage.name === 'review' && kind) stage = { name: 'field', index: STEPS[kind].length - 1 };
    render();
  }

  function pick(target: Element): void {
    if (stage.name === 'row') {
      const found = rowOf(target);
      if (!found) {
        render(words.notARow);
        return;
      }
      row = found;
      fields = {};
      stage = { name: 'field', index: 0 };
      render();
      return;
    }
    const field = currentField();
    if (!field || !row) return;
    if (!row.contains(target)) {
      render(words.outsideRow);
      return;
    }
    fields[field] = target;
    advance();
  }

  /** The element the pointer is on, inside the page's own open shadow roots too. */
  function pageElement(event: Event): Element | undefined {
    const [first] = event.composedPath();
    return isElement(first) ? first : isElement(event.target) ? event.target : undefined;
  }

  function onClick(event: Event): void {
    if (!picking() || ours(event)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const target = pageElement(event);
    if (target) pick(target);
  }

  function onSwallowed(event: Event): void {
    if (!picking() || ours(event)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  }

  function onHover(event: Event): void {
    if (!picking() || ours(event)) return;
    const target = pageElement(event);
    if (!target) return;
    place(hoverBox, stage.name === 'row' ? rowOf(target) : row?.contains(target) ? target : undefined);
  }

  function onKey(event: Event): void {
    if ((event as KeyboardEvent).key !== 'Escape') return;
    event.preventDefault();
    event.stopImmediatePropagation();
    cancel();
  }

  function onViewChange(): void {
    place(chosenBox, row);
    place(hoverBox, undefined);
  }

  const listeners: [string, (event: Event) => void][] = [
    ['click', onClick],
    ...SWALLOWED.map((type): [string, (event: Event) => void] => [type, onSwallowed]),
    ['mouseover', onHover],
    ['keydown', onKey],
    ['scroll', onViewChange],
    ['resize', onViewChange],
  ];

  function close(): void {
    if (closed) return;
    closed = true;
    for (const [type, listener] of listeners) events.removeEventListener(type, listener, true);
    host.remove();
    open.delete(doc);
  }

  function cancel(): void {
    close();
    options.onCancel();
  }

  saveButton.addEventListener('click', () => {
    if (!profile) return;
    const saved = profile;
    close();
    options.onSave(saved);
  });
  cancelButton.addEventListener('click', cancel);

  // What happens in the panel is not the page's business: its clicks and keys stop at the host.
  const contain = (event: Event): void => event.stopPropagation();
  for (const type of ['click', 'keydown', 'keyup', ...SWALLOWED]) host.addEventListener(type, contain);

  for (const [type, listener] of listeners) events.addEventListener(type, listener, true);
  (doc.body ?? doc.documentElement).append(host);
  render();
  return { root, close };
}
