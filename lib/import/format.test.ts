import { describe, expect, it } from 'vitest';
import { sniffFormat } from './format';

describe('sniffFormat', () => {
  it.each([
    ['a zip (XLSX)', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], 'xlsx'],
    ['an OLE2 file (Excel 97–2003)', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'legacy-xls'],
    ['UTF-16 with a BOM, NUL bytes and all', [0xff, 0xfe, 0x49, 0x00], 'text'],
    ['a NUL byte', [0x41, 0x00, 0x42], 'binary'],
    ['many control bytes', Array.from({ length: 100 }, (_, i) => (i % 10 === 0 ? 0x01 : 0x41)), 'binary'],
    ['CSV text with tabs and CRLF', [...new TextEncoder().encode('a\tb\r\nc\td\r\n')], 'text'],
    ['windows-1251 text', [0xd1, 0xf7, 0xe5, 0xf2, 0x3b, 0x31], 'text'],
  ])('%s is %s', (_, bytes, format) => {
    expect(sniffFormat(new Uint8Array(bytes))).toBe(format);
  });
});
