/*
 * XLSX reading: fflate unzips, and the few XML parts that hold cells are read here.
 *
 * Why fflate (MIT, ~8 kB gzipped for what we use, no dependencies, pure JS that runs the same
 * in node and in an extension page, no eval and no workers on the synchronous path, kept up
 * and used by a hundred million installs a month) plus our own ~150 lines, rather than a
 * spreadsheet library: SheetJS's `xlsx` on npm is stale (0.18.5, known advisories) and its
 * maintained builds are not on the registry; exceljs is ~1 MB with streams and many
 * dependencies for features we never use (writing, styles, formulas); read-excel-file needs
 * a DOM parser (xmldom in node). We need cells, shared strings, the date styles and the
 * workbook's date system: small enough to own and to test.
 *
 * This module is loaded with a dynamic import from lib/import/index.ts, so the options page
 * fetches it only when a workbook is opened, and no content script ever carries it.
 */
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { squish } from '../extract/text';
import type { Cell, Table } from './cells';
import { isBlankRow } from './cells';
import { isDateFormat, serialDate } from './excel-dates';
import { xmlTokens } from './xml';

/** Unpacked bytes of a workbook's XML parts we read at most: a zip bomb stops here. */
export const MAX_UNPACKED_BYTES = 160 * 1024 * 1024;
/** Sheets read at most (exports have one; a workbook may carry a few). */
const MAX_SHEETS = 10;
/** Columns read at most: a cell at XFD1 must not make every row 16,384 cells long. */
const MAX_COLUMNS = 256;

type Workbook = { sheets: Table[]; warnings: string[] };

/** Thrown when the bytes are no workbook we can read; the message says why, for the user. */
export class WorkbookError extends Error {}

/** The parts that can hold what we read: relations, the workbook, styles, strings, worksheets. */
function isWanted(name: string): boolean {
  return /^(?:_rels\/\.rels|xl\/_rels\/workbook\.xml\.rels|xl\/(?:workbook|styles|sharedStrings)\.xml|xl\/worksheets\/[^/]+\.xml)$/i.test(name);
}

/** Unzips the wanted parts, counting unpacked bytes as they come (sizes in zip headers can lie). */
function unzipParts(bytes: Uint8Array, maxUnpacked: number): Map<string, string> {
  const parts = new Map<string, string>();
  let unpacked = 0;
  let tooLarge = false;
  const unzipper = new Unzip();
  unzipper.register(UnzipInflate);
  unzipper.onfile = (file: UnzipFile) => {
    if (!isWanted(file.name) || tooLarge) return;
    const chunks: Uint8Array[] = [];
    file.ondata = (error, chunk, final) => {
      if (error) throw new WorkbookError(`The workbook is damaged (${file.name}: ${error.message}).`);
      unpacked += chunk.length;
      if (unpacked > maxUnpacked) {
        tooLarge = true;
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) parts.set(file.name.toLowerCase(), joinText(chunks));
    };
    file.start();
  };
  try {
    unzipper.push(bytes, true);
  } catch (error) {
    if (error instanceof WorkbookError) throw error;
    throw new WorkbookError(`The file looks like a workbook but could not be unpacked (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (tooLarge) {
    throw new WorkbookError(`The workbook unpacks to more than ${maxUnpacked / 1024 / 1024} MB: not read. Save the sheet as CSV, or split it.`);
  }
  return parts;
}

function joinText(chunks: Uint8Array[]): string {
  const decoder = new TextDecoder('utf-8');
  let text = '';
  for (let index = 0; index < chunks.length; index += 1) text += decoder.decode(chunks[index], { stream: index < chunks.length - 1 });
  return text;
}

/** `date1904` and the sheets in workbook order, each with its relation id. */
function readWorkbookPart(xml: string): { date1904: boolean; sheets: { name: string; relation: string; hidden: boolean }[] } {
  let date1904 = false;
  const sheets: { name: string; relation: string; hidden: boolean }[] = [];
  for (const token of xmlTokens(xml)) {
    if (token.kind !== 'open') continue;
    if (token.name === 'workbookPr') date1904 = ['1', 'true'].includes(token.attributes.get('date1904') ?? '');
    if (token.name === 'sheet') {
      const relation = [...token.attributes].find(([name]) => /(^|:)id$/.test(name) && name !== 'sheetId')?.[1] ?? '';
      sheets.push({ name: token.attributes.get('name') ?? '', relation, hidden: (token.attributes.get('state') ?? 'visible') !== 'visible' });
    }
  }
  return { date1904, sheets };
}

/** Relation id → part path, resolved against `xl/`. */
function readRelations(xml: string | undefined): Map<string, string> {
  const targets = new Map<string, string>();
  if (!xml) return targets;
  for (const token of xmlTokens(xml)) {
    if (token.kind !== 'open' || token.name !== 'Relationship') continue;
    const id = token.attributes.get('Id');
    const target = token.attributes.get('Target');
    if (!id || !target) continue;
    targets.set(id, (target.startsWith('/') ? target.slice(1) : `xl/${target}`).replace(/\/\.\//g, '/').toLowerCase());
  }
  return targets;
}

/** OOXML escapes characters XML cannot hold as `_xHHHH_`. */
function unescapeOoxml(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9a-f]{4})_/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** Shared strings in order; a rich-text string is the text of its runs, without phonetic guides. */
function readSharedStrings(xml: string | undefined): string[] {
  const strings: string[] = [];
  if (!xml) return strings;
  let current: string[] | undefined;
  let inText = false;
  let phonetic = 0;
  for (const token of xmlTokens(xml)) {
    if (token.kind === 'open') {
      if (token.name === 'si') current = [];
      else if (token.name === 'rPh') phonetic += token.selfClosing ? 0 : 1;
      else if (token.name === 't' && !token.selfClosing) inText = true;
    } else if (token.kind === 'close') {
      if (token.name === 'si') {
        strings.push(unescapeOoxml((current ?? []).join('')));
        current = undefined;
      } else if (token.name === 'rPh') phonetic -= 1;
      else if (token.name === 't') inText = false;
    } else if (inText && phonetic === 0) {
      current?.push(token.text);
    }
  }
  return strings;
}

/** For each cell style index (`s`), whether its number format shows a date. */
function readDateStyles(xml: string | undefined): boolean[] {
  const dateStyles: boolean[] = [];
  if (!xml) return dateStyles;
  const codes = new Map<number, string>();
  let inCellXfs = false;
  for (const token of xmlTokens(xml)) {
    if (token.kind === 'open' && token.name === 'numFmt') {
      codes.set(Number(token.attributes.get('numFmtId')), token.attributes.get('formatCode') ?? '');
    } else if (token.kind === 'open' && token.name === 'cellXfs') {
      inCellXfs = !token.selfClosing;
    } else if (token.kind === 'close' && token.name === 'cellXfs') {
      inCellXfs = false;
    } else if (token.kind === 'open' && token.name === 'xf' && inCellXfs) {
      const id = Number(token.attributes.get('numFmtId') ?? 0);
      dateStyles.push(isDateFormat(id, codes.get(id)));
    }
  }
  return dateStyles;
}

/** "BC12" → 54 (0-based column), or undefined when the reference is not a cell's. */
function columnOf(reference: string | undefined): number | undefined {
  if (!reference) return undefined;
  const letters = /^([A-Z]{1,3})\d*$/i.exec(reference)?.[1];
  if (!letters) return undefined;
  let column = 0;
  for (const letter of letters.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return column - 1;
}

type SheetContext = { strings: string[]; dateStyles: boolean[]; date1904: boolean; maxRows: number; warn: (message: string) => void };

/** A cell's value from its type (`t`), style (`s`) and the text of its `<v>` or inline `<is>`. */
function cellValue(type: string, style: number, value: string, inline: string, context: SheetContext): Cell {
  switch (type) {
    case 's':
      return context.strings[Number(value)] ?? '';
    case 'inlineStr':
      return unescapeOoxml(inline);
    case 'str':
      return unescapeOoxml(value);
    case 'b':
      return value === '1' ? 'TRUE' : 'FALSE';
    case 'e':
      return '';
    case 'd':
      return value;
    default: {
      if (value.trim() === '') return '';
      const number = Number(value);
      if (!Number.isFinite(number)) return value;
      if (!context.dateStyles[style]) return number;
      const date = serialDate(number, context.date1904);
      if (date === 'invalid') {
        context.warn(`A date cell holds no real day (serial ${value}); it was left empty.`);
        return '';
      }
      return date;
    }
  }
}

/** The rows of one worksheet, blank rows left out; formulas are never run (their cached value is read). */
function readSheet(xml: string, context: SheetContext): Cell[][] {
  const rows: Cell[][] = [];
  let row: Cell[] | undefined;
  let cell: { column: number; type: string; style: number; value: string[]; inline: string[] } | undefined;
  let into: 'value' | 'inline' | undefined;
  let phonetic = 0;
  let nextColumn = 0;
  for (const token of xmlTokens(xml)) {
    if (token.kind === 'open') {
      if (token.name === 'row') {
        row = [];
        nextColumn = 0;
        if (token.selfClosing) row = undefined;
      } else if (token.name === 'c' && row) {
        const column = columnOf(token.attributes.get('r')) ?? nextColumn;
        nextColumn = column + 1;
        cell = { column, type: token.attributes.get('t') ?? 'n', style: Number(token.attributes.get('s') ?? 0), value: [], inline: [] };
        if (token.selfClosing) cell = undefined;
      } else if (cell && token.name === 'v' && !token.selfClosing) into = 'value';
      else if (cell && token.name === 't' && !token.selfClosing) into = phonetic ? undefined : 'inline';
      else if (token.name === 'rPh' && !token.selfClosing) phonetic += 1;
    } else if (token.kind === 'close') {
      if (token.name === 'v' || token.name === 't') into = undefined;
      else if (token.name === 'rPh') phonetic -= 1;
      else if (token.name === 'c' && cell && row) {
        if (cell.column < MAX_COLUMNS) {
          while (row.length < cell.column) row.push('');
          row[cell.column] = cellValue(cell.type, cell.style, cell.value.join(''), cell.inline.join(''), context);
        }
        cell = undefined;
      } else if (token.name === 'row' && row) {
        if (!isBlankRow(row)) rows.push(row.map((value) => (typeof value === 'string' ? squish(value) : value)));
        row = undefined;
        if (rows.length > context.maxRows) break;
      }
    } else if (cell && into === 'value') cell.value.push(token.text);
    else if (cell && into === 'inline') cell.inline.push(token.text);
  }
  return rows;
}

/**
 * Reads an XLSX workbook's sheets (visible ones first, in workbook order) into tables: text as
 * text, numbers as numbers, date-formatted numbers as calendar dates (1900 or 1904 system, the
 * 1900 leap-year bug accounted for). Stops each sheet after `maxRows` rows, and the whole
 * workbook once its parts unpack past `maxUnpacked` bytes.
 *
 * @example readWorkbook(bytes, 200_000).sheets[0]!.rows[1] // ['INV-1', { date: '2026-03-05' }, 1234.56]
 */
export function readWorkbook(bytes: Uint8Array, maxRows: number, maxUnpacked: number = MAX_UNPACKED_BYTES): Workbook {
  const parts = unzipParts(bytes, maxUnpacked);
  const workbookXml = parts.get('xl/workbook.xml');
  if (!workbookXml) throw new WorkbookError('The file is a zip archive but not an XLSX workbook (no xl/workbook.xml).');
  const workbook = readWorkbookPart(workbookXml);
  const relations = readRelations(parts.get('xl/_rels/workbook.xml.rels'));
  const warnings: string[] = [];
  const context: SheetContext = {
    strings: readSharedStrings(parts.get('xl/sharedstrings.xml')),
    dateStyles: readDateStyles(parts.get('xl/styles.xml')),
    date1904: workbook.date1904,
    maxRows,
    warn: (message) => {
      if (!warnings.includes(message)) warnings.push(message);
    },
  };
  const ordered = [...workbook.sheets.filter((sheet) => !sheet.hidden), ...workbook.sheets.filter((sheet) => sheet.hidden)];
  const sheets: Table[] = [];
  for (const sheet of ordered.slice(0, MAX_SHEETS)) {
    const path = relations.get(sheet.relation);
    const xml = path ? parts.get(path) : undefined;
    if (xml) sheets.push({ name: sheet.name, rows: readSheet(xml, context) });
  }
  if (workbook.sheets.length > MAX_SHEETS) warnings.push(`The workbook has ${workbook.sheets.length} sheets; only the first ${MAX_SHEETS} were looked at.`);
  return { sheets, warnings };
}
