import type { FieldLocator, SiteProfile, Step } from './profile';
import { accessibleLabel, headingOf, semanticClasses, stableAttributes } from './stable';

/*
 * Finding things again: the list a profile was taught on, its rows, and each field in a row.
 * Everything is matched in code from tag names, positions and attribute values; nothing from a
 * profile is ever handed to querySelector.
 */

const TAG = /^[a-z][a-z0-9-]{0,31}$/;

/** Tag names as profiles write them: lower case, also for SVG and XHTML elements. */
export function tagOf(el: Element): string {
  return el.localName.toLowerCase();
}

/** Whether a tag name fits a profile (custom elements with very long names do not). */
export function isDescribableTag(el: Element): boolean {
  return TAG.test(tagOf(el));
}

/** The element's place among its parent's children of the same tag, from 0. */
function nthOfTag(el: Element): number {
  let nth = 0;
  for (let sibling = el.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
    if (tagOf(sibling) === tagOf(el)) nth += 1;
  }
  return nth;
}

function childrenOfTag(parent: Element, tag: string): Element[] {
  return Array.from(parent.children).filter((child) => tagOf(child) === tag);
}

function attrsMatch(el: Element, attrs: Readonly<Record<string, string>> | undefined): boolean {
  if (!attrs) return true;
  return Object.entries(attrs).every(([name, value]) => el.getAttribute(name) === value);
}

/** One step of a path or chain; the chain's steps also keep labels, ids and hand-written classes. */
export function describeStep(el: Element, { chain = false }: { chain?: boolean } = {}): Step {
  const step: Step = { tag: tagOf(el), nth: Math.min(nthOfTag(el), 999) };
  if (!chain) return step;
  const attrs = stableAttributes(el, { withId: true });
  // The aria-label is the step's label; keeping it twice would count it twice.
  delete attrs['aria-label'];
  if (Object.keys(attrs).length) step.attrs = attrs;
  const label = accessibleLabel(el);
  if (label) step.label = label;
  const classes = semanticClasses(el);
  if (classes.length) step.classes = classes;
  return step;
}

/** The container and its ancestors up to <body>, nearest first, as a profile records them. */
export function recordChain(container: Element): Step[] {
  const chain: Step[] = [describeStep(container, { chain: true })];
  for (let el = container.parentElement; el && chain.length < 10; el = el.parentElement) {
    if (tagOf(el) === 'body' || tagOf(el) === 'html') break;
    // A custom element with a name too long for a profile is skipped: the chain tolerates gaps.
    if (isDescribableTag(el)) chain.push(describeStep(el, { chain: true }));
  }
  return chain;
}

/** How well one recorded step fits an element: 0 for another tag, more for every stable thing shared. */
function stepScore(step: Step, el: Element): number {
  if (tagOf(el) !== step.tag) return 0;
  let score = 1;
  for (const [name, value] of Object.entries(step.attrs ?? {})) if (el.getAttribute(name) === value) score += 2;
  if (step.label && accessibleLabel(el) === step.label) score += 3;
  if (step.classes) score += Math.min(2, step.classes.filter((name) => el.classList.contains(name)).length);
  if (step.nth !== undefined && nthOfTag(el) === step.nth) score += 0.25;
  return score;
}

function ancestorsOf(container: Element): Element[] {
  const chain: Element[] = [container];
  for (let el = container.parentElement; el && chain.length < 16; el = el.parentElement) {
    if (tagOf(el) === 'body' || tagOf(el) === 'html') break;
    chain.push(el);
  }
  return chain;
}

/** What an ancestor the profile does not know costs: a wrapper from a redeploy a little, a nested list a lot. */
const EXTRA_LEVEL = 0.5;

/**
 * How well a candidate container's ancestry fits the recorded chain: the container must have the
 * recorded tag; above it, the best alignment of the two chains, so that a wrapper added (or
 * removed) by a redeploy costs little, and a list nested in a row of the real one more.
 */
function chainScore(recorded: readonly Step[], container: Element): number {
  const first = recorded[0];
  const head = first ? stepScore(first, container) : 0;
  if (head === 0) return 0;
  const steps = recorded.slice(1);
  const elements = ancestorsOf(container).slice(1);
  let previous = new Array<number>(elements.length + 1).fill(0);
  for (const step of steps) {
    const current = new Array<number>(elements.length + 1).fill(0);
    for (let j = 1; j <= elements.length; j += 1) {
      const paired = previous[j - 1]! + stepScore(step, elements[j - 1]!);
      current[j] = Math.max(previous[j]!, current[j - 1]! - EXTRA_LEVEL, paired);
    }
    previous = current;
  }
  return head + previous[elements.length]!;
}

/** Shared word stems ("invoice"/"invoices", "обращения"/"обращений"). */
function stems(words: string): Set<string> {
  return new Set(
    words
      .split(' ')
      .filter((word) => word.length >= 3)
      .map((word) => word.slice(0, 5)),
  );
}

/** What the same heading adds to a list's score. */
const MAX_HEADING_SCORE = 4;

/** A heading's fit: the same words score high, a shared word less, none rules the list out. */
function headingScore(recorded: string | undefined, container: Element): number | undefined {
  if (!recorded) return 0;
  const found = headingOf(container);
  if (!found) return undefined;
  if (found === recorded) return MAX_HEADING_SCORE;
  const wanted = stems(recorded);
  return [...stems(found)].some((stem) => wanted.has(stem)) ? 2 : undefined;
}

function isHeaderCell(cell: Element): boolean {
  return tagOf(cell) === 'th' || cell.getAttribute('role') === 'columnheader';
}

/**
 * A header or separator row among the data rows: all its cells are header cells (a data row may
 * start with a `<th scope="row">`), or it holds no digit at all (every invoice or ticket row shows
 * a number, a date or an amount).
 */
export function isHeaderRow(row: Element): boolean {
  const cells = Array.from(row.children);
  if (cells.length > 0 && cells.every(isHeaderCell)) return true;
  return !/\d/.test(row.textContent ?? '');
}

/** Rows with far fewer cells than the taught one are something else (a "load more" line, a group title). */
function minimumCells(rows: SiteProfile['rows']): number {
  return Math.max(1, Math.ceil(rows.cells / 2));
}

/**
 * Rows of the taught tag and role with about as many cells: cheap tests first, a big page has many
 * of them. An element whose children are such rows is a list (a wrapper a redeploy added), not a row.
 */
function mayBeListRow(el: Element, rows: SiteProfile['rows']): boolean {
  const cells = minimumCells(rows);
  if (el.childElementCount < cells || tagOf(el) !== rows.tag) return false;
  if (rows.role !== undefined && el.getAttribute('role') !== rows.role) return false;
  let rowLike = 0;
  for (const child of Array.from(el.children)) {
    if (tagOf(child) === rows.tag && child.childElementCount >= cells) rowLike += 1;
    if (rowLike >= 2) return false;
  }
  return true;
}

/**
 * The rows of the list a profile was taught on: of every element that holds rows of the taught
 * tag and role in which the key field (`hasKey`) is found, the one whose ancestry and heading
 * fit the profile best (a filter sidebar or a "recently viewed" box of the same shape fits
 * worse, or not at all); ties go to the longer list.
 */
export function findListRows(doc: Document, rows: SiteProfile['rows'], hasKey: (row: Element, strict: boolean) => boolean): Element[] {
  const byParent = new Map<Element, Element[]>();
  for (const el of Array.from(doc.getElementsByTagName(rows.tag))) {
    const parent = el.parentElement;
    if (!parent || !mayBeListRow(el, rows)) continue;
    const siblings = byParent.get(parent);
    if (siblings) siblings.push(el);
    else byParent.set(parent, [el]);
  }
  const candidates = [...byParent]
    .map(([container, found]) => ({ container, found, chain: chainScore(rows.chain, container) }))
    .filter((candidate) => candidate.chain > 0)
    .sort((a, b) => b.chain - a.chain);
  const dataRows = new Map<Element, Element[]>();
  const dataRowsOf = (container: Element, found: Element[]): Element[] => {
    let kept = dataRows.get(container);
    if (!kept) {
      kept = found.filter((row) => !isHeaderRow(row));
      dataRows.set(container, kept);
    }
    return kept;
  };
  // Rows whose key sits exactly where it was taught first: a wrapper around the list, whose one
  // "row" is the list itself, has the key only deep down. A redeploy that moved the key itself
  // leaves only the looser match.
  for (const strict of [true, false]) {
    let best: { score: number; rows: Element[] } | undefined;
    for (const { container, found, chain } of candidates) {
      // Sorted by chain: once even the best heading cannot catch up, nothing below can win.
      if (best && chain + MAX_HEADING_SCORE < best.score) break;
      const heading = headingScore(rows.heading, container);
      if (heading === undefined) continue;
      const kept = dataRowsOf(container, found);
      if (!kept.some((row) => hasKey(row, strict))) continue;
      const score = chain + heading;
      if (!best || score > best.score || (score === best.score && kept.length > best.rows.length)) best = { score, rows: kept };
    }
    if (best) return best.rows;
  }
  return [];
}

/** Follows a path strictly: at every step the n-th child of that tag, with the recorded attributes. */
export function walkPath(base: Element, path: readonly Step[]): Element | undefined {
  let current: Element | undefined = base;
  for (const step of path) {
    if (!current) return undefined;
    const next: Element | undefined = childrenOfTag(current, step.tag)[step.nth ?? 0];
    if (!next || !attrsMatch(next, step.attrs)) return undefined;
    current = next;
  }
  return current;
}

/** Elements in `base` that look like a path's last step: where a wrapper broke the path, the value is still one of them. */
export function lookAlikesOfLast(base: Element, locator: Pick<FieldLocator, 'path' | 'attr'>): Element[] {
  const last = locator.path[locator.path.length - 1];
  if (!last) return [];
  return Array.from(base.getElementsByTagName(last.tag)).filter(
    (el) => attrsMatch(el, last.attrs) && (!locator.attr || el.hasAttribute(locator.attr)),
  );
}

/** The row's cell for a field: by the attributes that name it, else by position. */
function cellOf(row: Element, locator: FieldLocator): Element | undefined {
  if (locator.cell === undefined) return row;
  const named = locator.cellAttrs;
  if (named && Object.keys(named).length) {
    const children = Array.from(row.children);
    const match = children.find((child) => attrsMatch(child, named));
    if (match) return match;
    // The row still names its cells that way, just not this one: the field is absent here.
    const [name] = Object.keys(named);
    if (name && children.some((child) => child.hasAttribute(name))) return undefined;
  }
  return row.children[locator.cell] ?? undefined;
}

/** The element that holds a field's value in a row, or undefined when the row has none; `strict`: only on the taught path. */
export function fieldElement(row: Element, locator: FieldLocator, { strict = false }: { strict?: boolean } = {}): Element | undefined {
  const cell = cellOf(row, locator);
  if (!cell) return undefined;
  const exact = walkPath(cell, locator.path);
  if (exact || strict) return exact;
  return lookAlikesOfLast(cell, locator)[locator.pick ?? 0];
}

function childTagCounts(el: Element): Map<string, number> {
  const counts = new Map<string, number>();
  for (const child of Array.from(el.children)) counts.set(tagOf(child), (counts.get(tagOf(child)) ?? 0) + 1);
  return counts;
}

/** Same tag and role, and children of mostly the same tags: two rows of one list. */
function looksAlike(a: Element, b: Element, aChildren: Map<string, number>): boolean {
  if (tagOf(a) !== tagOf(b) || a.getAttribute('role') !== b.getAttribute('role')) return false;
  const bChildren = childTagCounts(b);
  if (aChildren.size === 0 && bChildren.size === 0) return true;
  let shared = 0;
  let all = 0;
  for (const tag of new Set([...aChildren.keys(), ...bChildren.keys()])) {
    const [countA, countB] = [aChildren.get(tag) ?? 0, bChildren.get(tag) ?? 0];
    shared += Math.min(countA, countB);
    all += Math.max(countA, countB);
  }
  return shared / all >= 0.6;
}

/** The element's siblings that look like it, header rows left out. */
export function lookAlikeRows(el: Element): Element[] {
  const parent = el.parentElement;
  if (!parent) return [];
  const own = childTagCounts(el);
  return Array.from(parent.children).filter((sibling) => sibling !== el && looksAlike(el, sibling, own) && !isHeaderRow(sibling));
}

/**
 * The row of a list that an element sits in, for the picker's "click a row": a table or ARIA row
 * when there is one; otherwise the ancestor with the most siblings like it (the rows outnumber
 * the cells of one row), the outer one on a tie.
 *
 * @example rowOf(doc.querySelector('span.amount')!) // the div that repeats once per invoice
 */
export function rowOf(target: Element): Element | undefined {
  let best: { el: Element; alike: number } | undefined;
  for (let el: Element | null = target; el; el = el.parentElement) {
    if (tagOf(el) === 'body' || tagOf(el) === 'html') break;
    const alike = lookAlikeRows(el).length;
    if (alike > 0 && (tagOf(el) === 'tr' || el.getAttribute('role') === 'row')) return el;
    if (alike > 0 && (!best || alike >= best.alike)) best = { el, alike };
  }
  return best?.el;
}
