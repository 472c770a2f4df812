import { decodeEntities } from './html-table';

type XmlToken =
  | { kind: 'open'; name: string; attributes: ReadonlyMap<string, string>; selfClosing: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

/** Declarations, comments, CDATA, tags, text; an unclosed comment or CDATA runs to the end once (never rescanned). */
const TOKENS = /<\?[\s\S]*?(?:\?>|$)|<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<!DOCTYPE[^<>]*>|<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+|<)/g;
const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** `x:row` and `row` are one element: some writers (the Open XML SDK) prefix every name. */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function readAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  if (!source) return attributes;
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(source); match; match = ATTRIBUTE.exec(source)) {
    attributes.set(match[1]!, decodeEntities(match[2] ?? match[3] ?? ''));
  }
  return attributes;
}

/**
 * The tags and text of an XML part, in order: element names without their namespace prefix,
 * attributes by their written name (`r:id`), text with entities decoded. Enough for the
 * handful of OOXML parts a workbook's cells live in; no DTDs, no external entities, nothing
 * fetched or evaluated.
 *
 * @example [...xmlTokens('<v>1</v>')] // [{ kind: 'open', name: 'v', … }, { kind: 'text', text: '1' }, { kind: 'close', name: 'v' }]
 */
export function* xmlTokens(xml: string): Generator<XmlToken> {
  const tokens = new RegExp(TOKENS.source, 'g');
  for (let match = tokens.exec(xml); match; match = tokens.exec(xml)) {
    const [, cdata, closing, name, attributes, selfClosing, text] = match;
    if (cdata !== undefined) yield { kind: 'text', text: cdata };
    else if (text !== undefined) yield { kind: 'text', text: decodeEntities(text) };
    else if (name === undefined) continue;
    else if (closing) yield { kind: 'close', name: localName(name) };
    else yield { kind: 'open', name: localName(name), attributes: readAttributes(attributes ?? ''), selfClosing: selfClosing === '/' };
  }
}
