import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { CRITERION_IDS } from '../../lib/model';
import { getDb, type NoteRow, type TabRow, type VerdictLogRow, type VerdictRow } from '../../lib/store/db';
import { watchTabRow } from '../../lib/tab-state';

export type ClientView = { key: string; name: string; verdicts: VerdictRow[]; notes: NoteRow[]; log: VerdictLogRow[] };
export type ActiveTab = { id: number; url: string; origin?: string };

/**
 * The tab the popup is about: the active tab of the window, or `?tab=<id>` when the popup is
 * opened as a page (the real-browser tests do that).
 */
export function useActiveTab(): ActiveTab | null | undefined {
  const [tab, setTab] = useState<ActiveTab | null>();
  useEffect(() => {
    const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
    const found = Number.isInteger(fromQuery) && fromQuery > 0 ? browser.tabs.get(fromQuery) : browser.tabs.query({ active: true, currentWindow: true }).then((tabs) => tabs[0]);
    void found
      .then((t) => {
        if (!t || t.id === undefined) return setTab(null);
        const url = t.url ?? '';
        setTab({ id: t.id, url, origin: /^https?:/.test(url) ? new URL(url).origin : undefined });
      })
      .catch(() => setTab(null));
  }, []);
  return tab;
}

/** What the reader last found in the tab (storage.session, watched), and each client's stored verdicts, notes and status log. */
export function usePageClients(tabId: number | undefined): { row: TabRow | undefined; clients: ClientView[] } | undefined {
  const [row, setRow] = useState<TabRow | null>();
  useEffect(() => (tabId === undefined ? undefined : watchTabRow(tabId, setRow)), [tabId]);
  return useLiveQuery(async () => {
    if (tabId === undefined) return { row: undefined, clients: [] };
    if (row === undefined) return undefined;
    if (!row) return { row: undefined, clients: [] };
    const db = getDb();
    const known = await db.clients.bulkGet(row.clientKeys);
    const roots = [...new Set(row.clientKeys.map((key, i) => known[i]?.root ?? key))];
    const clients = await Promise.all(
      roots.map(async (root, i): Promise<ClientView> => {
        const [client, members, verdicts, log] = await Promise.all([
          db.clients.get(root),
          db.clients.where('root').equals(root).primaryKeys(),
          db.verdicts.where('clientKey').equals(root).toArray(),
          db.verdictLog.where('clientKey').equals(root).reverse().sortBy('at'),
        ]);
        const notes = await db.notes.where('clientKey').anyOf([root, ...members]).reverse().sortBy('at');
        verdicts.sort((a, b) => CRITERION_IDS.indexOf(a.id) - CRITERION_IDS.indexOf(b.id));
        const name = client?.name ?? (row.single && i === 0 ? row.subjectName : undefined) ?? root;
        return { key: root, name, verdicts, notes, log };
      }),
    );
    return { row, clients };
  }, [tabId, row]);
}
