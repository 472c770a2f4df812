import { squish } from './text';

/** Longest text node that can be a label or a labelled value ("Client: ООО «Ромашка»"). */
const MAX_LABEL_TEXT = 600;
/** Text nodes looked at per page: labels sit near the top; a 50,000-row page must not be walked whole. */
const MAX_NODES = 40_000;
/** Nodes walked between two yields. */
const NODES_PER_SLICE = 2_000;

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SELECT', 'TEXTAREA', 'svg']);

/**
 * The short text nodes of a page, outside `skip` (lists already read), in document order.
 * Walks by hand rather than with a TreeWalker so it runs the same in every DOM.
 */
export function* shortTexts(doc: Document, skip: ReadonlySet<Element>): Generator<void, Text[]> {
  const found: Text[] = [];
  const stack: Node[] = doc.body ? [doc.body] : [];
  let visited = 0;
  while (stack.length && visited < MAX_NODES) {
    const node = stack.pop()!;
    visited += 1;
    if (visited % NODES_PER_SLICE === 0) yield;
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      if (value.length <= MAX_LABEL_TEXT && value.trim()) found.push(node as Text);
      continue;
    }
    if (node.nodeType !== 1 || SKIPPED_TAGS.has((node as Element).tagName) || skip.has(node as Element)) continue;
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  return found;
}

function holdsFormControl(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  return /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(el.tagName) || el.querySelector('input, select, textarea') !== null;
}

/** A header cell next to a header cell is a column title, not a label with its value. */
function isColumnHeader(node: Node): boolean {
  return node.nodeType === 1 && ((node as Element).tagName === 'TH' || (node as Element).getAttribute('role') === 'columnheader');
}

/**
 * The value that follows a label: the next non-empty sibling of the label text, of its element,
 * or of that element's parent (`<dt>Client</dt><dd>…</dd>`, `<b>Client:</b> …`). A form control
 * there means a filter, not a value.
 */
export function valueAfter(label: Node): string | undefined {
  let current: Node | null = label;
  for (let depth = 0; current && depth < 3; depth += 1, current = current.parentNode) {
    for (let sibling = current.nextSibling; sibling; sibling = sibling.nextSibling) {
      if (holdsFormControl(sibling) || isColumnHeader(sibling)) return undefined;
      const value = squish(sibling.textContent ?? '').replace(/^[:\s]+/, '');
      if (value) return value;
    }
  }
  return undefined;
}
