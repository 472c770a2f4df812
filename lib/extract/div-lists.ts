import { isHeaderWord } from './columns';
import type { Grid } from './grid';

/*
 * Lists drawn with <div>s (ERPNext/Frappe list views, Frappe Helpdesk, amoCRM rows, 1C web grids,
 * HubSpot-like grids): a header row whose cells carry our header words, then repeated sibling rows
 * of one shape, read by column position against the header.
 */

/** How far above a header word its header row may be (the word sits in a span in a cell in the row). */
const HEADER_DEPTH = 4;
/** How far inside a row its cells may be (`a.block > div.grid > cells`, `.list-row > .level-left > cells`). */
const CELL_DEPTH = 4;
/** Levels above the header row whose following siblings may be the rows (Frappe puts the header in its own <header>). */
const ROWS_LEVELS = 3;
const MIN_COLUMNS = 3;

/** Elements that belong to a table or an ARIA grid: those lists are the table reader's. */
function inTable(el: Element): boolean {
  return /^(table|thead|tbody|tfoot|tr|td|th)$/.test(el.localName) || el.closest('table, [role=grid], [role=table], [role=treegrid], [role=row]') !== null;
}

/** The element that holds a row's N cells: the row itself or the first element inside it with N children. */
function cellsIn(row: Element, columns: number): Element | undefined {
  let level: Element[] = [row];
  for (let depth = 0; depth <= CELL_DEPTH && level.length; depth += 1) {
    const next: Element[] = [];
    for (const el of level) {
      if (el.childElementCount === columns) return el;
      for (let child = el.firstElementChild; child; child = child.nextElementSibling) next.push(child);
    }
    level = next.length > 64 ? next.slice(0, 64) : next;
  }
  return undefined;
}

/** Rows under a header row, with the element holding each one's cells. */
function rowsUnder(header: Element, columns: number): Map<Element, Element> {
  let level: Element | null = header;
  for (let depth = 0; depth < ROWS_LEVELS && level; depth += 1, level = level.parentElement) {
    const rows = new Map<Element, Element>();
    for (let sibling = level.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
      // A body that holds the rows (1C: `.gridHead` then `.gridBody > .gridLine`).
      const inner = new Map<Element, Element>();
      for (let child = sibling.firstElementChild; child; child = child.nextElementSibling) {
        const cells = child.childElementCount === columns ? child : cellsIn(child, columns);
        if (cells && cells !== sibling) inner.set(child, cells);
      }
      if (inner.size >= 2 && inner.size >= sibling.childElementCount / 2) {
        for (const [row, cells] of inner) rows.set(row, cells);
        continue;
      }
      const cells = cellsIn(sibling, columns);
      if (cells) rows.set(sibling, cells);
    }
    if (rows.size) return rows;
  }
  return new Map();
}

/** The smallest element holding both the header and every row. */
function commonRoot(header: Element, rows: Iterable<Element>): Element {
  let root: Element = header.parentElement ?? header;
  for (const row of rows) while (!root.contains(row) && root.parentElement) root = root.parentElement;
  return root;
}

function childrenOf(el: Element): Element[] {
  return Array.from(el.children);
}

/** Candidate header rows: elements of at least three children, two or more of which hold a header word. */
function headerRows(texts: readonly Text[]): Element[] {
  const branches = new Map<Element, Set<Element>>();
  for (const node of texts) {
    const value = node.nodeValue ?? '';
    if (value.length > 60 || !isHeaderWord(value)) continue;
    let child: Element | null = node.parentElement;
    for (let depth = 0; child && depth < HEADER_DEPTH; depth += 1) {
      const parent: Element | null = child.parentElement;
      if (!parent || parent.localName === 'body') break;
      let seen = branches.get(parent);
      if (!seen) branches.set(parent, (seen = new Set()));
      seen.add(child);
      child = parent;
    }
  }
  const found = [...branches]
    .filter(([el, seen]) => seen.size >= 2 && el.childElementCount >= MIN_COLUMNS && !inTable(el))
    .map(([el]) => el);
  // The header row itself, not a region holding it and something else with header words.
  return found.filter((el) => !found.some((other) => other !== el && el.contains(other)));
}

/** A div-drawn list as a grid, with the elements it is made of (its header row and rows: their words are the list's). */
type DivList = { grid: Grid; parts: Element[] };

/** Every div-drawn list on the page whose header row carries our header words. */
export function divLists(texts: readonly Text[]): DivList[] {
  const lists: DivList[] = [];
  for (const header of headerRows(texts)) {
    const columns = header.childElementCount;
    const rows = rowsUnder(header, columns);
    if (!rows.size) continue;
    const grid: Grid = {
      root: commonRoot(header, rows.keys()),
      headerRows: [header],
      rowsAfter: () => rows.keys(),
      cellsOf: (row) => childrenOf(row === header ? header : (rows.get(row) ?? row)),
    };
    lists.push({ grid, parts: [header, ...rows.keys()] });
  }
  return lists;
}
