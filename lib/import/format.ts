/** What kind of file an export is, from its first bytes (never from its name alone: CRMs save HTML as ".xls"). */
type FileFormat = 'xlsx' | 'legacy-xls' | 'binary' | 'text';

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Control bytes that text files do not hold (tab, line feed, carriage return and form feed aside). */
function isControl(byte: number): boolean {
  return byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c;
}

/**
 * Zip (an XLSX workbook), the old binary Excel format, other binary data, or text (CSV, HTML,
 * JSON; UTF-16 with a byte-order mark counts as text).
 *
 * @example sniffFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04])) // 'xlsx'
 */
export function sniffFormat(bytes: Uint8Array): FileFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (OLE2.every((byte, index) => bytes[index] === byte)) return 'legacy-xls';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'text';
  const end = Math.min(bytes.length, 8192);
  let control = 0;
  for (let index = 0; index < end; index += 1) {
    if (bytes[index] === 0) return 'binary';
    if (isControl(bytes[index]!)) control += 1;
  }
  return control > end / 100 ? 'binary' : 'text';
}
