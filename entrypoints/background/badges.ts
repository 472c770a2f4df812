import { badgeFor, type Badge } from '../../lib/badge';
import { CRITERION_IDS, type Lang } from '../../lib/model';
import type { SignalsDb, TabRow } from '../../lib/store/db';

/** The toolbar action: `action` in MV3, `browserAction` in Firefox's MV2 build. */
function toolbar() {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

/** The badge of a tab from what its page showed and the stored verdicts (no verdict computed here). */
export async function badgeOfTab(db: SignalsDb, row: TabRow | undefined, lang: Lang): Promise<Badge> {
  if (!row) return badgeFor({ single: false, clients: [] }, lang);
  const clients = await db.clients.bulkGet(row.clientKeys);
  const roots = [...new Set(row.clientKeys.map((key, i) => clients[i]?.root ?? key))];
  const named = await Promise.all(
    roots.map(async (root, i) => {
      const verdicts = await db.verdicts.where('clientKey').equals(root).toArray();
      const client = await db.clients.get(root);
      return { name: client?.name ?? (row.single && i === 0 ? row.subjectName : undefined) ?? root, statuses: verdicts.map((v) => v.status) };
    }),
  );
  // A subject with nothing stored yet still is a recognised client: all eight criteria unknown.
  for (const client of named) if (client.statuses.length === 0) client.statuses = CRITERION_IDS.map(() => 'unknown');
  return badgeFor({ single: row.single, clients: named }, lang);
}

export async function showBadge(tabId: number, badge: Badge): Promise<void> {
  const action = toolbar();
  try {
    await Promise.all([
      action.setBadgeText({ tabId, text: badge.text }),
      action.setBadgeBackgroundColor({ tabId, color: badge.color }),
      action.setTitle({ tabId, title: badge.title }),
    ]);
    await action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
  } catch {
    // The tab closed meanwhile.
  }
}
