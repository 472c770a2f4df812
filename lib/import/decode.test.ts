import { describe, expect, it } from 'vitest';
import { decodeText, htmlCharset } from './decode';

const cp1251 = (text: string): Uint8Array =>
  // А–я are C0–FF in windows-1251; the few others used here by hand.
  new Uint8Array([...text].map((char) => {
    const code = char.charCodeAt(0);
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    const other = new Map([['ё', 0xb8], ['Ё', 0xa8], ['№', 0xb9], ['«', 0xab], ['»', 0xbb], ['\u00a0', 0xa0]]).get(char);
    if (other !== undefined) return other;
    if (code < 0x80) return code;
    throw new Error(`no windows-1251 byte for ${char}`);
  }));

describe('decodeText', () => {
  it.each([
    ['UTF-8 with a BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Счёт;Сумма')]), 'Счёт;Сумма', 'utf-8'],
    ['UTF-8 without one', new TextEncoder().encode('Счёт;Сумма'), 'Счёт;Сумма', 'utf-8'],
    ['plain ASCII', new TextEncoder().encode('Invoice,Amount'), 'Invoice,Amount', 'utf-8'],
    ['windows-1251 Russian', cp1251('№ счёта;Контрагент;Сумма 1\u00a0234,56'), '№ счёта;Контрагент;Сумма 1\u00a0234,56', 'windows-1251'],
    ['UTF-16LE with a BOM (Excel "Unicode text")', new Uint8Array([0xff, 0xfe, 0x49, 0, 0x1d, 0x04]), 'IН', 'utf-16le'],
  ])('%s', (_, bytes, text, encoding) => {
    expect(decodeText(bytes)).toMatchObject({ text, encoding });
  });

  it('says so when it guessed windows-1251', () => {
    expect(decodeText(cp1251('Контрагент')).note).toMatch(/not UTF-8: read as windows-1251/);
  });

  it('reads bytes that are neither UTF-8 nor Russian with replacement characters, and says so', () => {
    const latin = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x81, 0x82, 0x83]);
    const decoded = decodeText(latin);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toContain('\ufffd');
    expect(decoded.note).toMatch(/neither UTF-8 nor windows-1251/);
  });

  it.each([
    ['windows-1251 forced on UTF-8 bytes', new TextEncoder().encode('Ж'), 'windows-1251', 'Р–'],
    ['utf-8 forced on windows-1251 bytes', cp1251('Ж'), 'utf-8', '\ufffd'],
  ] as const)('obeys an override: %s', (_, bytes, override, text) => {
    expect(decodeText(bytes, { override })).toEqual({ text, encoding: override });
  });

  it('follows an HTML document\'s declared windows-1251', () => {
    expect(decodeText(cp1251('Оплачен'), { declared: 'windows-1251' })).toEqual({ text: 'Оплачен', encoding: 'windows-1251' });
  });
});

describe('htmlCharset', () => {
  it.each([
    ['<meta http-equiv="Content-type" content="text/html;charset=windows-1251" />', 'windows-1251'],
    ['<meta charset="utf-8">', 'utf-8'],
    ['<html><body><table>', undefined],
  ])('%s → %s', (html, charset) => {
    expect(htmlCharset(new TextEncoder().encode(html))).toBe(charset);
  });
});
