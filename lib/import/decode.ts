/** The encodings a user can force when detection guesses wrong. */
export type TextEncoding = 'utf-8' | 'windows-1251';

type DecodedText = {
  text: string;
  encoding: TextEncoding | 'utf-16le' | 'utf-16be';
  /** Said when the encoding was a guess the user may want to override. */
  note?: string;
};

/** Bytes looked at to tell windows-1251 from other 8-bit text: enough for any header and many rows. */
const SAMPLE_BYTES = 1 << 20;

/**
 * Bytes of windows-1251 that Russian text is made of: the letters А–я (C0–FF), Ё and ё (A8, B8),
 * and the punctuation 1C and Excel write with them: no-break space, №, « », – —, „ “ ”.
 */
function isRussianByte(byte: number): boolean {
  return byte >= 0xc0 || [0xa0, 0xa8, 0xb8, 0xb9, 0xab, 0xbb, 0x96, 0x97, 0x84, 0x93, 0x94, 0x85].includes(byte);
}

/**
 * Invalid UTF-8 whose high bytes are nearly all Cyrillic letters or their punctuation in
 * windows-1251: how 1C, Bitrix24 and Excel "CSV (разделители — точка с запятой)" save text.
 */
function looksLikeWindows1251(bytes: Uint8Array): boolean {
  let high = 0;
  let russian = 0;
  const end = Math.min(bytes.length, SAMPLE_BYTES);
  for (let index = 0; index < end; index += 1) {
    const byte = bytes[index]!;
    if (byte < 0x80) continue;
    high += 1;
    if (isRussianByte(byte)) russian += 1;
  }
  return high > 0 && russian / high >= 0.9;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Turns an export's bytes into text. A byte-order mark decides; then `override` (the user's
 * choice); then a charset the file declares (an HTML `<meta charset>`), if its bytes agree;
 * then valid UTF-8; then windows-1251 when the bytes look Russian. Anything else is read as
 * UTF-8 with replacement characters, and said so.
 *
 * @example decodeText(new Uint8Array([0xd1, 0xf7, 0xe5, 0xf2])) // { text: 'Счет', encoding: 'windows-1251', note: … }
 */
export function decodeText(bytes: Uint8Array, opts: { override?: TextEncoding; declared?: string } = {}): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decode('utf-8', bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  if (opts.override) return { text: decode(opts.override, bytes), encoding: opts.override };
  const declared = declaredEncoding(opts.declared);
  if (declared === 'windows-1251') return { text: decode('windows-1251', bytes), encoding: 'windows-1251' };
  if (isValidUtf8(bytes)) return { text: decode('utf-8', bytes), encoding: 'utf-8' };
  if (looksLikeWindows1251(bytes)) {
    return { text: decode('windows-1251', bytes), encoding: 'windows-1251', note: 'The file is not UTF-8: read as windows-1251 (Cyrillic).' };
  }
  return {
    text: decode('utf-8', bytes),
    encoding: 'utf-8',
    note: 'The file is neither UTF-8 nor windows-1251 text: unreadable characters were replaced.',
  };
}

function decode(encoding: string, bytes: Uint8Array): string {
  return new TextDecoder(encoding).decode(bytes);
}

/** The charset names that mean windows-1251, as HTML exports write them. */
function declaredEncoding(label: string | undefined): TextEncoding | undefined {
  if (!label) return undefined;
  const name = label.trim().toLowerCase();
  if (['windows-1251', 'cp1251', 'win-1251', 'x-cp1251'].includes(name)) return 'windows-1251';
  if (['utf-8', 'utf8'].includes(name)) return 'utf-8';
  return undefined;
}

/** The charset an HTML document names in its first bytes (`<meta charset>` or `content="…; charset=…"`). */
export function htmlCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return /<meta[^>]*charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
}
