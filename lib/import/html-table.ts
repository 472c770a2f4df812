import { squish } from '../extract/text';
import type { Table } from './cells';

/** Named character references HTML exports use; anything else is kept as written. */
const ENTITIES: ReadonlyMap<string, string> = new Map([
  ['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"], ['nbsp', '\u00a0'],
  ['laquo', '«'], ['raquo', '»'], ['ndash', '–'], ['mdash', '—'], ['hellip', '…'], ['euro', '€'],
  ['pound', '£'], ['copy', '©'], ['reg', '®'], ['deg', '°'], ['times', '×'], ['minus', '−'],
  ['thinsp', '\u2009'], ['ensp', '\u2002'], ['emsp', '\u2003'], ['ldquo', '“'], ['rdquo', '”'], ['bdquo', '„'],
  ['lsquo', '‘'], ['rsquo', '’'], ['numero', '№'],
]);

/** Decodes `&amp;`, `&#1057;`, `&#x421;` and the named references above. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z][a-z0-9]{1,10});/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    }
    return ENTITIES.get(body.toLowerCase()) ?? whole;
  });
}

/**
 * Comments, raw-text elements, then tags and text. No part can scan past the next `<` or to the
 * end more than once, so a hostile file of unclosed tags still reads in linear time.
 */
const TOKENS = /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea|title)\b[^<>]*>[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-zA-Z][\w:-]*)([^<>]*)>|([^<]+|<)/g;

/** Tags that end a line of text inside a cell: their words must not run together. */
const BREAKS = new Set(['br', 'p', 'div', 'li', 'tr']);

type OpenTable = { rows: string[][]; row?: string[]; cell?: { parts: string[]; span: number } };

function closeCell(table: OpenTable): void {
  if (!table.cell) return;
  table.row ??= [];
  const text = squish(table.cell.parts.join(''));
  table.row.push(text);
  // A cell that spans columns leaves the columns it covers empty, so later cells keep their place.
  for (let extra = 1; extra < table.cell.span; extra += 1) table.row.push('');
  table.cell = undefined;
}

function closeRow(table: OpenTable): void {
  closeCell(table);
  if (table.row && table.row.some((cell) => cell !== '')) table.rows.push(table.row);
  table.row = undefined;
}

/** `colspan="3"`, capped: a hostile file cannot make a row a million columns wide. */
function spanOf(attributes: string): number {
  const span = Number(/\bcolspan\s*=\s*["']?(\d+)/i.exec(attributes)?.[1] ?? 1);
  return Math.min(Math.max(span, 1), 100);
}

/**
 * Reads every `<table>` of an HTML document into rows of cell text, without a DOM, so it runs
 * in node and in any extension page alike. Tolerant the way export files need: unclosed `<td>`
 * and `<tr>`, upper-case tags, attributes without quotes, nested tables (each read on its own),
 * `colspan`. Script, style and comments are skipped; markup inside a cell is dropped, its text kept.
 * This is the ".xls" Bitrix24 and other CRMs save: an HTML page with one table.
 *
 * @example readHtmlTables('<table><tr><td>INV-1<td>100</table>')[0]!.rows // [['INV-1', '100']]
 */
export function readHtmlTables(html: string): Table[] {
  const done: Table[] = [];
  const open: OpenTable[] = [];
  TOKENS.lastIndex = 0;
  for (let match = TOKENS.exec(html); match; match = TOKENS.exec(html)) {
    const [, , closing, rawName, attributes, text] = match;
    const table = open[open.length - 1];
    if (text !== undefined) {
      table?.cell?.parts.push(decodeEntities(text));
      continue;
    }
    if (!rawName) continue;
    const name = rawName.toLowerCase();
    if (name === 'table') {
      if (!closing) open.push({ rows: [] });
      else if (table) {
        closeRow(table);
        done.push({ rows: table.rows });
        open.pop();
      }
    } else if (!table) {
      continue;
    } else if (name === 'tr') {
      closeRow(table);
      if (!closing) table.row = [];
    } else if (name === 'td' || name === 'th') {
      closeCell(table);
      if (!closing) table.cell = { parts: [], span: spanOf(attributes ?? '') };
    } else if (BREAKS.has(name)) {
      table.cell?.parts.push(' ');
    }
  }
  while (open.length) {
    const table = open.pop()!;
    closeRow(table);
    done.push({ rows: table.rows });
  }
  return done.filter((table) => table.rows.length > 0);
}
