/**
 * One shape for every list a page shows, whether an HTML table or an ARIA grid: the header cells
 * by column, the data rows, and how to get a row's cells by column.
 */
export type Grid = {
  root: Element;
  /** Rows that may hold the header, in order; the reader takes the first that names a list. */
  headerRows: Element[];
  /** The rows after the header, lazily: a 50,000-row table is never copied into an array. */
  rowsAfter(header: Element): Iterable<Element>;
  cellsOf(row: Element): (Element | undefined)[];
};

/** How many leading rows may hold the header of a table without <thead> (Dolibarr puts a title row first). */
const HEADER_SEARCH_ROWS = 4;

/** Cap on colspan, so a hostile `colspan=99999` cannot blow up a row. */
const MAX_SPAN = 50;

/** Rows of a table in order, without those of tables nested in it; <tfoot> holds totals, not items. */
function* tableRows(table: Element): Generator<Element> {
  for (let child = table.firstElementChild; child; child = child.nextElementSibling) {
    if (child.localName === 'tr') yield child;
    else if (child.localName === 'thead' || child.localName === 'tbody') {
      for (let row = child.firstElementChild; row; row = row.nextElementSibling) if (row.localName === 'tr') yield row;
    }
  }
}

function* after<T>(items: Iterable<T>, first: T): Generator<T> {
  let passed = false;
  for (const item of items) {
    if (passed) yield item;
    else passed = item === first;
  }
}

function firstRows(rows: Iterable<Element>): Element[] {
  const found: Element[] = [];
  for (const row of rows) {
    found.push(row);
    if (found.length === HEADER_SEARCH_ROWS) break;
  }
  return found;
}

/** Cells of a table row by column, a cell spanning columns leaving the extra columns empty. */
function tableCells(row: Element): (Element | undefined)[] {
  const cells: (Element | undefined)[] = [];
  for (let cell = row.firstElementChild; cell; cell = cell.nextElementSibling) {
    if (cell.localName !== 'td' && cell.localName !== 'th') continue;
    cells.push(cell);
    const span = Math.min((cell as HTMLTableCellElement).colSpan || 1, MAX_SPAN);
    for (let extra = 1; extra < span; extra += 1) cells.push(undefined);
  }
  return cells;
}

/** One HTML table as a grid; `headerRow` when a site reader knows which row holds the header. */
/**
 * Cells of a row with as many children as the table has columns: its children, one per column
 * (no cell can span two). The parser puts nothing but cells in a row, so no child is asked what
 * it is: each question to an element costs more than the loop.
 */
function evenCells(row: Element): (Element | undefined)[] {
  const cells: Element[] = [];
  for (let cell = row.firstElementChild; cell; cell = cell.nextElementSibling) cells.push(cell);
  return cells;
}

export function tableGrid(table: Element, headerRow?: Element): Grid {
  const headerRows = headerRow ? [headerRow] : firstRows(tableRows(table));
  let width: number | undefined;
  return {
    root: table,
    headerRows,
    rowsAfter: (header) => after(tableRows(table), header),
    cellsOf(row) {
      // The table's width, from its header rows; a row narrower or wider (a spanning cell) reads cell by cell.
      width ??= Math.max(0, ...headerRows.map((header) => tableCells(header).length));
      return row.childElementCount === width ? evenCells(row) : tableCells(row);
    },
  };
}

/** ARIA list containers; a <table> with one of these roles is still read as a table. */
const ARIA_GRID = '[role=grid], [role=table], [role=treegrid]';
const ARIA_ROW = '[role=row]';
const ARIA_CELL = '[role=columnheader], [role=rowheader], [role=cell], [role=gridcell]';

/** Cells of an ARIA row by column: `aria-colindex` places a cell when the grid virtualises columns. */
function ariaCells(row: Element): (Element | undefined)[] {
  const cells: (Element | undefined)[] = [];
  for (const cell of Array.from(row.querySelectorAll(ARIA_CELL))) {
    if (cell.closest(ARIA_ROW) !== row) continue;
    const index = Number(cell.getAttribute('aria-colindex'));
    if (Number.isInteger(index) && index >= 1 && index <= MAX_SPAN * 4) cells[index - 1] = cell;
    else cells.push(cell);
  }
  return cells;
}

function ariaGrid(root: Element): Grid {
  const rows = Array.from(root.querySelectorAll(ARIA_ROW)).filter((row) => row.closest(ARIA_GRID) === root);
  const headerRows = rows.filter((row) => row.querySelector('[role=columnheader]')).slice(0, HEADER_SEARCH_ROWS);
  return {
    root,
    headerRows: headerRows.length ? headerRows : rows.slice(0, HEADER_SEARCH_ROWS),
    rowsAfter: (header) => after(rows, header),
    cellsOf: ariaCells,
  };
}

/**
 * The ARIA grid around an element, if any: a page reader finds ARIA grids from their header words
 * (an attribute query over a whole long page costs more than the read).
 */
export function ariaGridAround(el: Element): Element | null {
  return el.closest(ARIA_GRID);
}

/** A list element (a table, or an ARIA grid as ariaGridAround finds it) as a grid. */
export function gridOf(root: Element): Grid {
  return root.localName === 'table' ? tableGrid(root) : ariaGrid(root);
}
