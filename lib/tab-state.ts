import { storage } from 'wxt/utils/storage';
import type { TabRow } from './store/db';

/*
 * What each tab's page last showed, in storage.session: it lives as long as the browser session,
 * like the tab ids it is keyed by. One key per tab, so twenty tabs reporting at once never
 * overwrite each other's rows. Only the background writes; the popup reads and watches.
 */

const PREFIX = 'tab:';
type SessionKey = `session:${string}`;

function keyOf(tabId: number): SessionKey {
  return `session:${PREFIX}${tabId}`;
}

export function getTabRow(tabId: number): Promise<TabRow | null> {
  return storage.getItem<TabRow>(keyOf(tabId));
}

export function putTabRow(row: TabRow): Promise<void> {
  return storage.setItem(keyOf(row.tabId), row);
}

export function deleteTabRows(tabIds: readonly number[]): Promise<void> {
  return storage.removeItems(tabIds.map(keyOf));
}

/** Every tab row of this session. */
export async function allTabRows(): Promise<TabRow[]> {
  const all = await storage.snapshot('session');
  return Object.entries(all).flatMap(([key, value]) => (key.startsWith(PREFIX) && !key.endsWith('$') ? [value as TabRow] : []));
}

/** Calls back with the tab's row now and whenever it changes; returns the unsubscribe. */
export function watchTabRow(tabId: number, callback: (row: TabRow | null) => void): () => void {
  void getTabRow(tabId).then(callback);
  return storage.watch<TabRow>(keyOf(tabId), (row) => callback(row));
}
