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
