import { LIMITS } from '../limits';

/** Any white space but single inner spaces, or an invisible format mark. */
const UNTIDY = /^\s|\s$|[^\S ]| {2}|[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/;

/** Collapses white space (incl. no-break and thin spaces), drops invisible format marks (zero-width, bidi), trims. */
export function squish(value: string): string {
  // Most cell text is already clean: one test instead of two replacements.
  if (!UNTIDY.test(value)) return value;
  return value
    .replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g, '')
    .replace(/[\s\u00a0\u2007\u202f]+/g, ' ')
    .trim();
}

/** The visible words of an element, read as text (never as markup). */
export function text(el: Element | null | undefined): string {
  return el ? squish(el.textContent ?? '') : '';
}

/** Cuts page text to LIMITS.maxText; `cut` says whether it had to. */
export function capText(value: string): { value: string; cut: boolean } {
  if (value.length <= LIMITS.maxText) return { value, cut: false };
  return { value: value.slice(0, LIMITS.maxText), cut: true };
}

/** Lower case, ё→е, white space collapsed: the form vocabularies are written in. */
export function fold(value: string): string {
  return squish(value.toLowerCase().replace(/ё/g, 'е'));
}

/** Classes that hide text from the eye but not from screen readers (Bootstrap, WordPress, Tailwind). */
const VISUALLY_HIDDEN = ['sr-only', 'visually-hidden', 'visuallyhidden', 'screen-reader-text', 'a11y-hidden'];

function isVisuallyHidden(el: Element): boolean {
  return VISUALLY_HIDDEN.some((name) => el.classList.contains(name));
}

function isHiddenFromEveryone(el: Element): boolean {
  return el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true';
}

/** Elements that flow inside a line: a word split over two of them (`<span>Sub</span><span>ject</span>`) stays one word. */
const INLINE_TAGS = new Set(['A', 'ABBR', 'B', 'BUTTON', 'CODE', 'EM', 'FONT', 'I', 'LABEL', 'MARK', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'U']);

/**
 * Text of an element with a space at every block boundary, so a header spread over nested
 * blocks (`<div>Due</div><div>date</div>`) reads as words; `skip` drops subtrees.
 */
function spacedText(el: Element, skip: (el: Element) => boolean): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
      else if (child.nodeType === 1 && !skip(child as Element)) {
        const gap = INLINE_TAGS.has((child as Element).tagName) ? '' : ' ';
        parts.push(gap);
        walk(child);
        parts.push(gap);
      }
    }
  };
  walk(el);
  return squish(parts.join(''));
}

/** Text of a cell without the tables nested in it (a hostile or sloppy page puts one in a name cell). */
export function ownText(el: Element | undefined): string {
  if (!el) return '';
  return el.childElementCount > 0 && el.querySelector('table') ? spacedText(el, (child) => child.tagName === 'TABLE') : text(el);
}

/** Text a sighted user sees: without icon titles (<svg><title>), aria-hidden or visually hidden parts. */
export function visibleText(el: Element): string {
  return spacedText(el, (child) => child.tagName.toLowerCase() === 'svg' || isVisuallyHidden(child) || isHiddenFromEveryone(child));
}

/**
 * What a header cell may be called, most trusted first: its accessible label, the text a
 * sighted user sees, the text only a screen reader hears, and its tooltip.
 */
export function labelCandidates(el: Element): string[] {
  const labelled = el.getAttribute('aria-label') ?? el.querySelector('[aria-label]')?.getAttribute('aria-label');
  const hidden = Array.from(el.querySelectorAll(VISUALLY_HIDDEN.map((name) => `.${name}`).join(',')))
    .map((part) => text(part))
    .join(' ');
  const candidates = [
    labelled ?? '',
    spacedText(el, (child) => isVisuallyHidden(child) || isHiddenFromEveryone(child)),
    squish(hidden),
    spacedText(el, isHiddenFromEveryone),
    el.getAttribute('title') ?? '',
  ];
  return candidates.map(squish).filter((candidate) => candidate.length > 0);
}

/** One line of a stacked cell (a number over its date, a company over its contact): its text and element. */
type CellLine = { text: string; el: Element | null };

const SILENT_TAGS = new Set(['svg', 'input', 'select', 'button', 'img', 'br']);
const HIDDEN_CLASS = new RegExp(`(^|\\s)(${VISUALLY_HIDDEN.join('|')})(\\s|$)`);

/** Parts of a cell no sighted reader takes for its value: icons, form controls, hidden text. Few DOM reads: it runs on every cell. */
function isSilent(el: Element): boolean {
  if (SILENT_TAGS.has(el.localName)) return true;
  if (el.attributes.length === 0) return false;
  return isHiddenFromEveryone(el) || HIDDEN_CLASS.test(el.getAttribute('class') ?? '');
}

/**
 * The lines of a cell that stacks two values (`<div>INV-1</div><div>02/03/2026</div>`, or text
 * split by `<br>`); a cell that holds one value is one line. Wrappers with a single child are
 * looked through; white space between parts is not a value.
 *
 * @example cellLines(td).map((line) => line.text) // ['Kingsley Orthodontics', 'Dr. Amy Kingsley']
 */
export function cellLines(cell: Element): CellLine[] {
  if (cell.childElementCount === 0) return [{ text: text(cell), el: cell }];
  let el: Element = cell;
  for (let depth = 0; depth < 5; depth += 1) {
    const parts: CellLine[] = [];
    let ownText = '';
    let breaks = 0;
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const value = squish(child.nodeValue ?? '');
        if (value) {
          ownText += value;
          parts.push({ text: value, el: null });
        }
      } else if (child.nodeType === 1) {
        const element = child as Element;
        if (element.localName === 'br') breaks += 1;
        else if (!isSilent(element)) {
          const value = visibleText(element);
          if (value) parts.push({ text: value, el: element });
        }
      }
    }
    if (parts.length === 1 && parts[0]!.el && !ownText) {
      el = parts[0]!.el;
      continue;
    }
    // Text beside elements is one line of words ("Total <b>5</b>"), unless a <br> splits it.
    if (parts.length >= 2 && (!ownText || breaks > 0)) return parts;
    return [{ text: visibleText(el), el }];
  }
  return [{ text: visibleText(el), el }];
}

/** True when a cell's text is all its value: no child, or one plain element (a link, a badge) holding text only. */
function isPlainCell(cell: Element): boolean {
  const children = cell.childElementCount;
  if (children === 0) return true;
  const only = children === 1 ? cell.firstElementChild : null;
  return only !== null && only.childElementCount === 0 && !SILENT_TAGS.has(only.localName) && !only.hasAttribute('aria-hidden');
}

/** Cells of a column looked at before its format is decided. */
const SAMPLED_CELLS = 8;

/**
 * A column's test of plain cells, decided once: when its first cells with one element are all
 * plain (a link, a badge), later ones are taken for plain without looking inside them again
 * (touching an element from script costs more than reading its text).
 */
export function plainCellTest(): (cell: Element) => boolean {
  let sampled = 0;
  let plain = true;
  return (cell) => {
    const children = cell.childElementCount;
    if (children === 0) return true;
    if (children > 1) return false;
    if (sampled >= SAMPLED_CELLS) return plain;
    sampled += 1;
    const own = isPlainCell(cell);
    plain &&= own;
    return own;
  };
}

/**
 * A column's text reader: plain cells by textContent alone (plainCellTest), others as cellText
 * reads them. A column whose first cells hold text and no element at all is a column of text
 * (amounts, dates, plain numbers): its later cells are read without looking at them first.
 */
export function columnTextReader(): (cell: Element | undefined) => string {
  const isPlain = plainCellTest();
  let bare = 0;
  return (cell) => {
    if (!cell) return '';
    if (bare >= SAMPLED_CELLS) return text(cell);
    if (cell.childElementCount === 0) {
      bare = bare < 0 ? bare : bare + 1;
      return text(cell);
    }
    bare = -1;
    return isPlain(cell) ? text(cell) : visibleText(cell);
  };
}

/** The text of a cell as a reader sees it: plain text for a simple cell, words spaced at block boundaries otherwise. */
export function cellText(cell: Element | undefined): string {
  if (!cell) return '';
  // Most cells hold their text or one plain element (a link, a badge): textContent is the fast read of both.
  return isPlainCell(cell) ? text(cell) : visibleText(cell);
}
