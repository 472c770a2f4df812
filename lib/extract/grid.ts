/**
 * One shape for every list a page shows, whether an HTML table or an ARIA grid: the header cells
 * by column, the data rows, and how to get a row's cells by column.
 */
export type Grid = {
  root: Element;
  /** Rows that may hold the header; the column mapper picks the one naming the most fields. */
  headerRows: Element[];
  /** Every row in order (header rows included); the reader skips up to the chosen header. */
  rows: Element[];
  cellsOf(row: Element): (Element | undefined)[];
};

/** How many leading rows may hold the header of a table without <thead> (Dolibarr puts a title row first). */
const HEADER_SEARCH_ROWS = 4;

/** Cap on colspan, so a hostile `colspan=99999` cannot blow up a row. */
const MAX_SPAN = 50;

/** Rows of a table, without those of tables nested in it; <tfoot> holds totals, not items. */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of Array.from(table.children)) {
    if (child.tagName === 'TR') rows.push(child);
    else if (child.tagName === 'THEAD' || child.tagName === 'TBODY') {
      for (const row of Array.from(child.children)) if (row.tagName === 'TR') rows.push(row);
    }
  }
  return rows;
}

/** Cells of a table row by column, a cell spanning columns leaving the extra columns empty. */
function tableCells(row: Element): (Element | undefined)[] {
  const cells: (Element | undefined)[] = [];
  for (const cell of Array.from(row.children)) {
    if (cell.tagName !== 'TD' && cell.tagName !== 'TH') continue;
    cells.push(cell);
    const span = Math.min(Number(cell.getAttribute('colspan')) || 1, MAX_SPAN);
    for (let extra = 1; extra < span; extra += 1) cells.push(undefined);
  }
  return cells;
}

/** One HTML table as a grid; `headerRow` when a site reader knows which row holds the header. */
export function tableGrid(table: Element, headerRow?: Element): Grid {
  const rows = tableRows(table);
  return { root: table, headerRows: headerRow ? [headerRow] : rows.slice(0, HEADER_SEARCH_ROWS), rows, cellsOf: tableCells };
}

/** Every HTML table on the page as a grid. */
export function htmlGrids(doc: Document): Grid[] {
  return Array.from(doc.querySelectorAll('table')).map((table) => tableGrid(table));
}

/** ARIA list containers that are not HTML tables (those are read as tables). */
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

/** Every ARIA grid on the page (role=grid|table|treegrid, rows role=row), header rows first. */
export function ariaGrids(doc: Document): Grid[] {
  return Array.from(doc.querySelectorAll(ARIA_GRID))
    .filter((root) => root.tagName !== 'TABLE')
    .map((root) => {
      const rows = Array.from(root.querySelectorAll(ARIA_ROW)).filter((row) => row.closest(ARIA_GRID) === root);
      const headerRows = rows.filter((row) => row.querySelector('[role=columnheader]')).slice(0, HEADER_SEARCH_ROWS);
      return { root, headerRows: headerRows.length ? headerRows : rows.slice(0, HEADER_SEARCH_ROWS), rows, cellsOf: ariaCells };
    });
}
