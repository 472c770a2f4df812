import { normaliseDomain } from '../identity';
import type { ClientRef } from '../model';
import { isHeaderWord } from './columns';
import { valueAfter } from './labels';
import type { PageReport } from './report';
import { isTaxLabel, taxIdInText, taxIdOf } from './tax-ids';
import { fold, squish, text } from './text';

/** Labels of the field that names the client on a record page, English and Russian. */
const CLIENT_LABEL =
  /^(client|customer|company|account|account name|organisation|organization|bill to|billed to|client name|customer name|клиент|контрагент|покупатель|заказчик|компания|организация|плательщик|наименование клиента)$/;
const DOMAIN_LABEL = /^(website|web site|web|site|domain|homepage|url|сайт|веб-сайт|вебсайт)$/;

/** Headings that name a list or a screen, not a client ("Invoices & Bills", "Обращения"). */
const GENERIC_HEADING =
  /\b(invoices|bills|tickets|conversations|requests|customers|clients|companies|dashboard|overview|reports?|settings|pricing|plans|releases?|changelog|calendar|timesheets?|orders|inbox|home|welcome|receivables|deals|leads|opportunities|quotes|estimates|payments|projects|tasks|activities|contacts|accounts|issues|cases|views)\b|(^|\s)(счета|обращения|заявки|клиенты|контрагенты|компании|главная|отчеты|отчёты|настройки|календарь|тарифы|заказы|табель|сделки|лиды|контакты|задачи|проекты|платежи|документы|накладные|акты|тикеты|диалоги|беседы)(\s|$)/i;
/** Headings that name one document, not its client ("Invoice INV-0932", "Счёт № 45", "Ticket #12"). */
const DOCUMENT_HEADING = /^(invoice|bill|ticket|case|request|сч[её]т|обращение|заявка|тикет)\b/i;

/** Address parts of record pages about one client (CRM, accounting, helpdesk). */
const CLIENT_PAGE_PATH = /\/(clients?|customers?|compan(y|ies)|partners?|contacts?|accounts?|organi[sz]ations?|contragents?|kontragenty?|klienty?)(\/|\?|#|$)/i;
/** Breadcrumb words that put a page under the client directory; selectors seen on Bootstrap and Odoo pages. */
const BREADCRUMB = 'nav[aria-label*="breadcrumb"], nav[aria-label*="Breadcrumb"], .breadcrumb, .o_breadcrumb';
const CLIENT_DIRECTORY = /\b(clients|customers|companies|accounts|organi[sz]ations|contacts)\b|клиенты|контрагенты|компании|организации/i;
/** Regions that hold the seller's own details (its logo, its VAT number, the signed-in user), never the client's. */
const SITE_CHROME = 'header, nav, footer, [role=banner], [role=navigation], [role=contentinfo]';

type Labelled = { label: string; value: string };

/** Separators between fields written on one line ("Customer: Initech · Website: initech.example"). */
const FIELD_SEPARATOR = /\s+[·|•]\s+/;

/** "Label: value" pairs in one text node, or a label alone followed by its value. */
function readLabelled(node: Text): Labelled[] {
  const own = squish(node.nodeValue ?? '');
  const inline = own
    .split(FIELD_SEPARATOR)
    .map((segment) => /^([^:]{2,40}):\s*(.+)$/.exec(segment))
    .filter((match): match is RegExpExecArray => match !== null && isLabel(fold(match[1] ?? '')))
    .map((match) => ({ label: fold(match[1] ?? ''), value: squish(match[2] ?? '') }));
  if (inline.length) return inline;
  const label = fold(own).replace(/[:\s]+$/, '');
  if (!isLabel(label)) return [];
  const value = valueAfter(node);
  return value ? [{ label, value }] : [];
}

function isLabel(label: string): boolean {
  return CLIENT_LABEL.test(label) || isTaxLabel(label) || DOMAIN_LABEL.test(label);
}

function domainOf(value: string): string | undefined {
  const first = value.split(/\s+/)[0] ?? '';
  if (!/^(https?:\/\/)?[a-z0-9-]+(\.[a-z0-9-]+)+([/?#].*)?$/i.test(first)) return undefined;
  return normaliseDomain(first) || undefined;
}

type TaxClue = { taxId: string; node: Text };
type Clues = { name?: string; nameNode?: Text; taxIds: TaxClue[]; domain?: string };

/** The page's single-client clues found in labelled fields, and every tax id written after its label. */
function labelledClues(texts: readonly Text[], report: PageReport): Clues {
  const clues: Clues = { taxIds: [] };
  for (const node of texts) {
    let taxed = false;
    for (const labelled of readLabelled(node)) {
      if (!clues.name && CLIENT_LABEL.test(labelled.label) && namesSomeone(labelled.value, node)) {
        clues.name = report.cap(labelled.value, 'client name');
        clues.nameNode = node;
      } else if (isTaxLabel(labelled.label)) {
        const taxId = taxIdOf(labelled.value, labelled.label.replace(/\s*\([^)]*\)$/, ''));
        if (taxId) {
          clues.taxIds.push({ taxId, node });
          taxed = true;
        }
      } else if (!clues.domain && DOMAIN_LABEL.test(labelled.label)) {
        const domain = domainOf(labelled.value);
        if (domain) clues.domain = domain;
      }
    }
    // "УНП 190123456", "VAT GB123456789 · Company no. 08412345": a tax id after its label, no colon.
    const inline = taxed ? undefined : taxIdInText(node.nodeValue ?? '');
    if (inline) clues.taxIds.push({ taxId: inline, node });
  }
  return clues;
}

/** Filter sidebars and search panels: their "Customer" lists every client's name, with counts (a portal's sidebar naming the logged-in client is not one). */
const FILTER_PANEL = '[role=search], [class*="filter-"], [class*="filter_"], [class*="search-panel"], [class*="search_panel"], [class*="group-by"]';

/**
 * Whether a "Client:" value names a client: not a column header beside its neighbour ("Customer",
 * then "Date" or "Статус"), not a filter panel's list of names.
 */
function namesSomeone(value: string, node: Text): boolean {
  return !isHeaderWord(value) && !node.parentElement?.closest(FILTER_PANEL);
}

/**
 * The tax id that belongs to the client: the one in the smallest region around the client's name
 * (its card, its "Bill to" block), not the seller's in the page header or the invoice's "From".
 */
function nearestTaxId(anchor: Element | undefined, taxIds: readonly TaxClue[]): string | undefined {
  const own = taxIds.filter((clue) => !clue.node.parentElement?.closest(SITE_CHROME));
  if (!anchor) return own[0]?.taxId;
  for (let region: Element | null = anchor; region; region = region.parentElement) {
    const inside = own.find((clue) => region!.contains(clue.node));
    if (inside) return inside.taxId;
    if (region.localName === 'body') break;
  }
  return undefined;
}

/** A heading's name part: the heading itself, or the one part of "Acme Ltd — My invoices" that names no list. */
function namePart(heading: string): string | undefined {
  if (DOCUMENT_HEADING.test(heading)) return undefined;
  if (!GENERIC_HEADING.test(heading)) return heading;
  const parts = heading.split(/\s[—–|·-]\s|:\s/).map(squish).filter(Boolean);
  const named = parts.filter((part) => !GENERIC_HEADING.test(part) && !DOCUMENT_HEADING.test(part));
  return parts.length > 1 && named.length === 1 ? named[0] : undefined;
}

/** The record title: the first-level heading, unless it names a list, a screen or a document. */
function headingName(doc: Document): { name: string; el: Element } | undefined {
  // The tag collection first: an attribute query walks every element of a long page.
  const el = doc.getElementsByTagName('h1')[0] ?? doc.querySelector('[role=heading][aria-level="1"]');
  const name = el ? namePart(text(el)) : undefined;
  return el && name ? { name, el } : undefined;
}

/** The first part of the <title> ("Acme Corp — Clients — CRM" → "Acme Corp"), unless generic. */
function titleName(doc: Document): string | undefined {
  const first = squish(doc.title.split(/\s[|–—·:-]\s/)[0] ?? '');
  return first && !GENERIC_HEADING.test(first) && !DOCUMENT_HEADING.test(first) ? first : undefined;
}

function underClientDirectory(doc: Document, url: string): boolean {
  let path = '';
  try {
    path = new URL(url).pathname + new URL(url).hash;
  } catch {
    path = url;
  }
  return CLIENT_PAGE_PATH.test(path) || CLIENT_DIRECTORY.test(text(doc.querySelector(BREADCRUMB)));
}

/**
 * The client a single-client page is about. A labelled field ("Client:", "Контрагент:", "Bill to")
 * names it outright; a heading or the <title> only counts when something else says the page is
 * about a client: a tax id or web domain, a client-directory address or breadcrumb, or a list on
 * the page that names no client (`needsSubject`, as on a customer portal's "Acme Ltd — My
 * invoices"). `texts` leave out lists and cards, so a column header or a card's "Client" is never it.
 */
export function findSubject(
  doc: Document,
  url: string,
  texts: readonly Text[],
  needsSubject: boolean,
  report: PageReport,
): ClientRef | undefined {
  const clues = labelledClues(texts, report);
  const heading = clues.name ? undefined : (headingName(doc) ?? titleName(doc));
  const headingText = typeof heading === 'string' ? heading : heading?.name;
  const anchor = clues.nameNode?.parentElement ?? (typeof heading === 'object' ? heading.el : undefined);
  const taxId = nearestTaxId(anchor, clues.taxIds);
  // The address and breadcrumb are looked at last: a whole-document query, needed only for a heading.
  const corroborated = Boolean(taxId || clues.domain) || needsSubject || (headingText !== undefined && underClientDirectory(doc, url));
  const guessed = corroborated ? headingText : undefined;
  const name = clues.name ?? (guessed ? report.cap(guessed, 'client name') : undefined);
  if (!name) return undefined;
  const subject: ClientRef = { name };
  if (taxId) subject.taxId = taxId;
  if (clues.domain) subject.domain = clues.domain;
  return subject;
}
