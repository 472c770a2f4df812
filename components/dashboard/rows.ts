import { CRITERION_IDS, type CriterionId, type VerdictStatus } from '../../lib/model';
import type { ClientRow, VerdictRow } from '../../lib/store/db';

/*
 * The dashboard's list as data: one row per client (a group of tied names is one client, under
 * its root key), its stored verdicts' statuses, and where and when it was last seen. Pure, so the
 * ranking and the filters are tested without a browser; nothing here judges a client.
 */

export type DashboardRow = {
  key: string;
  name: string;
  /** Criteria met, and on watch: the ranking's first and second keys. */
  met: number;
  watch: number;
  statuses: Record<CriterionId, VerdictStatus>;
  summaries: Partial<Record<CriterionId, string>>;
  lastSeen?: string;
  lastSource?: string;
};

export type StatusFilter = VerdictStatus | 'any';
export type CriterionFilter = CriterionId | 'any';
export type RowFilter = { criterion: CriterionFilter; status: StatusFilter; query: string };

export const NO_FILTER: RowFilter = { criterion: 'any', status: 'any', query: '' };

/** Folds a name or a query the same way, so «Ёлка» is found by «елка». */
function foldName(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

/** Names folded for search, worked out on the first search rather than for every row on every load. */
const foldedNames = new WeakMap<DashboardRow, string>();

function foldedName(row: DashboardRow): string {
  let folded = foldedNames.get(row);
  if (folded === undefined) foldedNames.set(row, (folded = foldName(row.name)));
  return folded;
}

/** Every criterion unknown: each row starts as a copy (copying beats building 5,000 times over). */
const ALL_UNKNOWN = Object.fromEntries(CRITERION_IDS.map((id) => [id, 'unknown'])) as Record<CriterionId, VerdictStatus>;

/** One row per group root, with its verdicts (a criterion with no stored verdict yet is unknown). */
export function dashboardRows(clients: readonly ClientRow[], verdicts: readonly VerdictRow[]): DashboardRow[] {
  const rows = new Map<string, DashboardRow>();
  for (const client of clients) {
    if ((client.root ?? client.key) !== client.key) continue;
    rows.set(client.key, { key: client.key, name: client.name, met: 0, watch: 0, statuses: { ...ALL_UNKNOWN }, summaries: {}, lastSeen: client.lastSeen, lastSource: client.lastSource });
  }
  // A tied name's sightings are its group's: the latest of them is the group's "last seen".
  for (const client of clients) {
    const row = rows.get(client.root ?? client.key);
    if (row && client.lastSeen && (!row.lastSeen || client.lastSeen > row.lastSeen)) {
      row.lastSeen = client.lastSeen;
      row.lastSource = client.lastSource;
    }
  }
  for (const verdict of verdicts) {
    const row = rows.get(verdict.clientKey);
    if (!row) continue;
    row.statuses[verdict.id] = verdict.status;
    row.summaries[verdict.id] = verdict.summary;
    if (verdict.status === 'met') row.met++;
    else if (verdict.status === 'watch') row.watch++;
  }
  return [...rows.values()];
}

/** Most criteria met first, then most on watch (how close the rest are), then by name in the UI language. */
export function rankRows(rows: DashboardRow[], collator: Intl.Collator): DashboardRow[] {
  return rows.sort((a, b) => b.met - a.met || b.watch - a.watch || collator.compare(a.name, b.name) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * The rows that pass the filter, in their order. A status alone keeps clients with some criterion
 * at that status; a criterion alone keeps those it flags (met or watch); both, that criterion at
 * that status. The query keeps names that contain it.
 */
export function filterRows(rows: readonly DashboardRow[], filter: RowFilter): readonly DashboardRow[] {
  const query = foldName(filter.query);
  const { criterion, status } = filter;
  if (!query && criterion === 'any' && status === 'any') return rows;
  const passes = (row: DashboardRow) => {
    if (query && !foldedName(row).includes(query)) return false;
    if (criterion === 'any') return status === 'any' || CRITERION_IDS.some((id) => row.statuses[id] === status);
    const own = row.statuses[criterion];
    return status === 'any' ? own === 'met' || own === 'watch' : own === status;
  };
  return rows.filter(passes);
}
