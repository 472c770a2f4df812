import { fold, squish, text } from '../extract/text';

/*
 * What of an element survives a redeploy. CSS-in-JS libraries and CSS modules rename their
 * classes on every build (`css-9xk2a1`, `sc-bdVaJa`, `jsx-123`, `_a1b2c3`, `Row_cell__x7Yz1`),
 * so a profile never relies on them; tags, positions, ARIA roles and labels, and hand-written
 * attributes (`data-*`, `name`, `headers`) stay.
 */

/** A piece of a name that looks like a build hash: letters and digits mixed, five or more. */
function isHashPiece(piece: string): boolean {
  return piece.length >= 5 && /\d/.test(piece) && /[a-z]/i.test(piece);
}

/** Prefixes of generated names: emotion, styled-components, styled-jsx, svelte, astro, vue/angular scopes. */
const GENERATED_PREFIX = /^(?:css|sc|jsx|emotion|styled|svelte|astro|tw|e|ng|data-v|_ngcontent|_nghost)-/i;

/**
 * Whether a class or attribute name was made by a build tool. Errs towards yes: a hand-written
 * name taken for generated only loses a weak hint, a generated one taken for stable breaks a
 * profile at the next deploy.
 *
 * @example isGeneratedName('css-9xk2a1') // true
 * @example isGeneratedName('Row_cell__x7Yz1') // true
 * @example isGeneratedName('invoice-row') // false
 */
export function isGeneratedName(name: string): boolean {
  if (GENERATED_PREFIX.test(name)) return true;
  // CSS modules: `_a1b2c3`, `Row_cell__x7Yz1`, `row--3xYz1`.
  if (/^_/.test(name) || /(__|--)[\w-]{5,}$/.test(name)) return true;
  // styled-components' bare hashes: `bZkfAO`, `kQfzNc`.
  if (/^[a-z]{1,2}[A-Z][a-zA-Z]{2,5}$/.test(name)) return true;
  return name.split(/[-_]+/).some(isHashPiece);
}

/** Attributes that identify an element across rows and deploys (never `class`, never `style`). */
function isIdentifyingAttribute(name: string): boolean {
  if (name === 'role' || name === 'name' || name === 'headers' || name === 'type' || name === 'itemprop' || name === 'aria-label') return true;
  if (!name.startsWith('data-')) return false;
  // Framework bookkeeping: Vue scopes, React/Gatsby/Sentry ids, CSS-in-JS markers.
  if (/^data-(?:v-|reactid|react|emotion|styled|sentry|hk|rk|gatsby|n-)/.test(name)) return false;
  return /^data-[a-z0-9_-]{1,40}$/.test(name) && !isGeneratedName(name.slice(5));
}

/** Whether an attribute value can identify anything: short, and no build hash or React id in it. */
function isStableValue(value: string): boolean {
  return value.length <= 80 && !/^:r|^ember\d|^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(value) && !isGeneratedName(value);
}

/** An id written by hand (`invoices`, `app`), not by a framework (`:r1:`, `ember123`, `mui-4821`). */
function isStableId(value: string): boolean {
  return /^[A-Za-z][A-Za-z_-]{0,40}$/.test(value);
}

/**
 * The identifying attributes of an element, sorted by name (`id` only where asked: ids of rows
 * and cells are usually per record). Capped at four: a profile stays small.
 */
export function stableAttributes(el: Element, { withId = false }: { withId?: boolean } = {}): Record<string, string> {
  const found: [string, string][] = [];
  for (const attribute of Array.from(el.attributes)) {
    const name = attribute.name.toLowerCase();
    const value = squish(attribute.value);
    if (name === 'id' ? withId && isStableId(value) : isIdentifyingAttribute(name) && isStableValue(value)) found.push([name, value]);
  }
  found.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(found.slice(0, 4));
}

/** Hand-written class names of an element, at most three: a weak hint that outlives nothing generated. */
export function semanticClasses(el: Element): string[] {
  return Array.from(el.classList)
    .filter((name) => /^[A-Za-z][A-Za-z0-9_-]{0,47}$/.test(name) && !isGeneratedName(name))
    .slice(0, 3);
}

/** Folded words without numbers or punctuation: "Invoices (24)" and "Invoices (31)" are one heading. */
export function wordsOf(value: string): string {
  return fold(value)
    .replace(/[\p{N}\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
}

/** An element's own accessible name, when it has one: aria-label, aria-labelledby, a table caption. */
export function accessibleLabel(el: Element): string | undefined {
  const labelled = el.getAttribute('aria-label');
  if (labelled) return wordsOf(labelled) || undefined;
  const ids = el.getAttribute('aria-labelledby');
  if (ids) {
    const doc = el.ownerDocument;
    const label = ids
      .split(/\s+/)
      .slice(0, 4)
      .map((id) => text(doc.getElementById(id)))
      .join(' ');
    if (wordsOf(label)) return wordsOf(label);
  }
  if (el.localName !== 'table') return undefined;
  const caption = Array.from(el.children).find((child) => child.localName === 'caption');
  return caption ? wordsOf(text(caption)) || undefined : undefined;
}

const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
/** Levels searched upwards for a list's heading: far enough for a section, not the whole app. */
const HEADING_LEVELS = 6;

/**
 * The heading that introduces a list: the nearest heading before it inside one of its close
 * ancestors ("Invoices" over the list, "Recently viewed" over a look-alike box).
 */
export function headingOf(container: Element): string | undefined {
  let ancestor = container.parentElement;
  for (let level = 0; ancestor && level < HEADING_LEVELS && ancestor.localName !== 'body'; level += 1) {
    let nearest: Element | undefined;
    for (const heading of Array.from(ancestor.querySelectorAll(HEADINGS))) {
      // DOCUMENT_POSITION_PRECEDING: the heading comes before the list, and is not inside it.
      if (container.contains(heading) || !(container.compareDocumentPosition(heading) & 2)) continue;
      nearest = heading;
    }
    if (nearest) return wordsOf(text(nearest)) || undefined;
    ancestor = ancestor.parentElement;
  }
  return undefined;
}
