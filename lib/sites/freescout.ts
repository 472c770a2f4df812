import type { PageReport } from '../extract/report';
import type { Steps } from '../extract/steps';
import { text } from '../extract/text';
import type { SiteReader } from './types';

// FreeScout conversations table, mailbox folders and search (SITE_FACTS §5 "FreeScout, conversations").
const SELECTORS = {
  /** The conversations table; its `data-param_*` / `data-filter_*` attributes drive paging. */
  table: 'table.table-conversations',
  /** One row per conversation, keyed by `data-conversation_id` (the number shown is `td.conv-number`). */
  row: 'tr.conv-row[data-conversation_id]',
  /** The only time column: its heading is "Waiting Since", "Closed", "Last Updated" or "Deleted" by folder. */
  dateHeader: 'th.conv-date',
  customer: 'td.conv-customer a',
  number: 'td.conv-number',
} as const;

const ROWS_PER_STEP = 200;

function conversationsTable(doc: Document): Element | null {
  return doc.querySelector(SELECTORS.table);
}

/**
 * FreeScout's list gives the customer (a person), the number and the subject, but its one time is
 * when the conversation started waiting, was closed, updated or deleted, never when it was created,
 * and a ticket without its creation time cannot be recorded (criteria window by it). So this reader
 * claims the page, counts what it saw and says why nothing was recorded.
 */
function* readConversations(doc: Document, report: PageReport): Steps<void> {
  const table = conversationsTable(doc);
  if (!table) return;
  const rows = Array.from(table.querySelectorAll(SELECTORS.row));
  let readable = 0;
  for (const [index, row] of rows.entries()) {
    if (text(row.querySelector(SELECTORS.customer)) && text(row.querySelector(SELECTORS.number))) readable += 1;
    if ((index + 1) % ROWS_PER_STEP === 0) yield;
  }
  if (rows.length === 0) return;
  const timeColumn = text(table.querySelector(SELECTORS.dateHeader)) || 'its time column';
  report.warn(
    `FreeScout lists ${rows.length} conversation(s) (${readable} with customer and number), but shows only "${timeColumn}", ` +
      'not when each was created, so none was recorded.',
  );
}

export const freeScoutConversations: SiteReader = {
  id: 'freescout-conversations',
  product: 'FreeScout',
  label: { en: 'FreeScout conversation list', ru: 'список разговоров FreeScout' },
  reads: {
    en: 'Conversation lists are recognised, but record nothing: they show when a conversation started waiting, not when it was created',
    ru: 'Списки разговоров распознаются, но ничего не записывается: в них видно, с какого момента разговор ждёт ответа, а не когда он создан',
  },
  detect(doc) {
    const table = conversationsTable(doc);
    return table && table.querySelector(SELECTORS.row) !== null ? 'ticket-list' : undefined;
  },
  *extract(doc, _url, { report }) {
    yield* readConversations(doc, report);
  },
};
