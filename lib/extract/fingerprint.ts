/**
 * A fingerprint of what a page shows: its address, title, language and text. Equal fingerprints
 * mean a re-read would read the same, so the content script can skip it. The fingerprint is the
 * text itself, not a hash of it: reading the text is one native call and comparing two strings
 * is native too, while hashing every character in script costs more than both (a 5,000-row list
 * has some 300,000 characters). Attributes are not in it: a page that changes only a tooltip is
 * read again at the content script's max wait.
 *
 * @example if (pageFingerprint(document, location.href) === lastPrint) return; // unchanged: skip the read
 */
export function pageFingerprint(doc: Document, url: string): string {
  const lang = doc.documentElement?.getAttribute('lang') ?? '';
  return `${url}\u0000${doc.title}\u0000${lang}\u0000${doc.body?.textContent ?? ''}`;
}
