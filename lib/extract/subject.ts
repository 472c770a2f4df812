import { normaliseDomain } from '../identity';
import type { ClientRef } from '../model';
import { valueAfter } from './labels';
import type { PageReport } from './report';
import { fold, squish, text } from './text';

/** Labels of the field that names the client on a record page, English and Russian. */
const CLIENT_LABEL =
  /^(client|customer|company|account|account name|organisation|organization|bill to|billed to|client name|customer name|клиент|контрагент|покупатель|заказчик|компания|организация|плательщик|наименование клиента)$/;
const TAX_LABEL = /^(унп|инн|инн\/кпп|vat|vat id|vat no|vat number|vat reg\. no|tax id|ндс)$/;
const DOMAIN_LABEL = /^(website|web site|web|site|domain|homepage|url|сайт|веб-сайт|вебсайт)$/;

/** Headings that name a list or a screen, not a client ("Invoices & Bills", "Обращения"). */
const GENERIC_HEADING =
  /\b(invoices|bills|tickets|conversations|customers|clients|companies|dashboard|overview|reports?|settings|pricing|plans|releases?|changelog|calendar|timesheets?|orders|inbox|home|welcome)\b|(^|\s)(счета|обращения|заявки|клиенты|контрагенты|компании|главная|отчеты|настройки|календарь|тарифы|заказы|табель)(\s|$)/i;

/** Address parts of record pages about one client (CRM, accounting, helpdesk). */
const CLIENT_PAGE_PATH = /\/(clients?|customers?|compan(y|ies)|partners?|contacts?|accounts?|organi[sz]ations?|contragents?|kontragenty?|klienty?)(\/|\?|#|$)/i;
/** Breadcrumb words that put a page under the client directory; selectors seen on Bootstrap and Odoo pages. */
const BREADCRUMB = 'nav[aria-label*="breadcrumb"], nav[aria-label*="Breadcrumb"], .breadcrumb, .o_breadcrumb';
const CLIENT_DIRECTORY = /\b(clients|customers|companies|accounts|organi[sz]ations|contacts)\b|клиенты|контрагенты|компании|организации/i;

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
  return CLIENT_LABEL.test(label) || TAX_LABEL.test(label) || DOMAIN_LABEL.test(label);
}

function taxIdOf(value: string, label: string): string | undefined {
  const compact = value.replace(/[\s-]/g, '').toUpperCase();
  if (label.startsWith('унп')) return /^\d{9}$/.test(compact) ? compact : undefined;
  if (label.startsWith('инн')) {
    const inn = compact.split('/')[0] ?? '';
    return /^(\d{10}|\d{12})$/.test(inn) ? inn : undefined;
  }
  return /^[A-Z]{0,2}\d[\dA-Z]{3,13}$/.test(compact) ? compact : undefined;
}

function domainOf(value: string): string | undefined {
  const first = value.split(/\s+/)[0] ?? '';
  if (!/^(https?:\/\/)?[a-z0-9-]+(\.[a-z0-9-]+)+([/?#].*)?$/i.test(first)) return undefined;
  return normaliseDomain(first) || undefined;
}

/** The page's single-client clues found in labelled fields. */
function labelledClues(texts: readonly Text[], report: PageReport): { name?: string; taxId?: string; domain?: string } {
  const clues: { name?: string; taxId?: string; domain?: string } = {};
  for (const labelled of texts.flatMap(readLabelled)) {
    if (!clues.name && CLIENT_LABEL.test(labelled.label)) clues.name = report.cap(labelled.value, 'client name');
    else if (!clues.taxId && TAX_LABEL.test(labelled.label)) {
      const taxId = taxIdOf(labelled.value, labelled.label);
      if (taxId) clues.taxId = taxId;
    } else if (!clues.domain && DOMAIN_LABEL.test(labelled.label)) {
      const domain = domainOf(labelled.value);
      if (domain) clues.domain = domain;
    }
  }
  return clues;
}

/** The record title: the first-level heading, unless it names a list or a screen. */
function headingName(doc: Document): string | undefined {
  const heading = text(doc.querySelector('h1, [role=heading][aria-level="1"]'));
  if (heading && !GENERIC_HEADING.test(heading)) return heading;
  return undefined;
}

/** The first part of the <title> ("Acme Corp — Clients — CRM" → "Acme Corp"), unless generic. */
function titleName(doc: Document): string | undefined {
  const first = squish(doc.title.split(/\s[|–—·:-]\s/)[0] ?? '');
  return first && !GENERIC_HEADING.test(first) ? first : undefined;
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
 * The client a single-client page is about. A labelled field ("Client:", "Контрагент:") names it
 * outright; a heading or the <title> only counts when something else says the page is about a
 * client: a tax id or web domain, a client-directory address or breadcrumb, or a list on the page
 * that names no client (`needsSubject`).
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
  // The address and breadcrumb are looked at last: a whole-document query, needed only for a heading.
  const corroborated = Boolean(clues.taxId || clues.domain) || needsSubject || (heading !== undefined && underClientDirectory(doc, url));
  const guessed = corroborated ? heading : undefined;
  const name = clues.name ?? (guessed ? report.cap(guessed, 'client name') : undefined);
  if (!name) return undefined;
  const subject: ClientRef = { name };
  if (clues.taxId) subject.taxId = clues.taxId;
  if (clues.domain) subject.domain = clues.domain;
  return subject;
}
