import type { ClientRef } from './model';

/**
 * Legal forms dropped from names: "ООО «Ромашка»" and "Romashka LLC" style suffixes must not
 * split one client in two. Matched as whole words after punctuation is removed.
 */
const LEGAL_FORMS = new Set([
  'llc', 'l l c', 'ltd', 'limited', 'inc', 'incorporated', 'corp', 'corporation', 'co', 'company',
  'gmbh', 'ag', 'sa', 'srl', 'bv', 'plc', 'llp', 'lp', 'oy', 'ab', 'as', 'sp z o o', 'spzoo',
  'ооо', 'оао', 'зао', 'пао', 'ао', 'ип', 'чуп', 'чтуп', 'уп', 'одо', 'сооо', 'иооо', 'тов', 'пп',
  'нко', 'ано', 'фгуп', 'гуп', 'муп',
]);

/** Multi-word forms, matched before single words (after dots are dropped: "L.L.C." → "l l c"). */
const MULTI_WORD_FORMS = [...LEGAL_FORMS].filter((form) => form.includes(' '));

/**
 * The canonical key of a client's name: NFKC, lower case, ё→е, quotes and punctuation dropped,
 * legal forms dropped, white space collapsed.
 *
 * @example clientKey({ name: 'ООО «Ромашка»' }) === clientKey({ name: 'Ромашка, ООО' }) // 'ромашка'
 */
export function clientKey(ref: ClientRef): string {
  let text = ` ${normaliseText(ref.name)} `;
  for (const form of MULTI_WORD_FORMS) text = text.split(` ${form} `).join(' ');
  const words = text.split(' ').filter((word) => word && !LEGAL_FORMS.has(word));
  // A name that is nothing but a legal form ("ООО") keeps it rather than becoming empty.
  return words.length > 0 ? words.join(' ') : text.trim();
}

function normaliseText(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Normalises a tax id for comparison: digits and letters only, upper case, country prefix kept. */
function normaliseTaxId(taxId: string): string {
  return taxId.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
}

/** Normalises a web domain: lower case, no scheme, no "www.", no path. */
export function normaliseDomain(domain: string): string {
  return domain
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/?#:].*$/, '');
}

/** The identifiers that tie differently written names to one client. */
export function clientLinks(ref: ClientRef): string[] {
  const links: string[] = [];
  if (ref.taxId && normaliseTaxId(ref.taxId)) links.push(`tax:${normaliseTaxId(ref.taxId)}`);
  if (ref.domain && normaliseDomain(ref.domain)) links.push(`domain:${normaliseDomain(ref.domain)}`);
  return links;
}

/**
 * Groups client keys that share a tax id or a domain (or are merged by hand), with union–find.
 * The canonical key of a group is the one that was added first, so names seen earlier win.
 */
export class ClientGroups {
  private parent = new Map<string, string>();
  private order = new Map<string, number>();
  private byLink = new Map<string, string>();

  /** Registers a key (idempotent) and ties it to any key seen with the same links. */
  add(key: string, links: string[] = []): void {
    if (!this.parent.has(key)) {
      this.parent.set(key, key);
      this.order.set(key, this.order.size);
    }
    for (const link of links) {
      const other = this.byLink.get(link);
      if (other === undefined) this.byLink.set(link, key);
      else this.union(key, other);
    }
  }

  union(a: string, b: string): void {
    this.add(a);
    this.add(b);
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA === rootB) return;
    // The earlier-seen root stays canonical.
    if ((this.order.get(rootA) ?? 0) <= (this.order.get(rootB) ?? 0)) this.parent.set(rootB, rootA);
    else this.parent.set(rootA, rootB);
  }

  find(key: string): string {
    let root = this.parent.get(key);
    if (root === undefined) return key;
    while (root !== this.parent.get(root)) root = this.parent.get(root)!;
    // Path compression.
    let node = key;
    while (node !== root) {
      const next = this.parent.get(node)!;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }
}
