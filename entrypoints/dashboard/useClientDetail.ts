import { useLiveQuery } from 'dexie-react-hooks';
import type { ClientDetailData } from '../../components/dashboard/ClientDetail';
import { CRITERION_IDS } from '../../lib/model';
import { getDb } from '../../lib/store/db';
import { loadHistoriesOf } from '../../lib/store/queries';

/**
 * One client as the client view shows it, live: its stored verdicts (never recomputed here),
 * status log, notes and history (the charts' data). Null when the key names no stored client;
 * undefined while loading.
 */
export function useClientDetail(key: string | undefined): ClientDetailData | null | undefined {
  return useLiveQuery(async () => {
    if (!key) return null;
    const db = getDb();
    const client = await db.clients.get(key);
    if (!client) return null;
    const [members, verdicts, log, histories] = await Promise.all([
      db.clients.where('root').equals(key).toArray(),
      db.verdicts.where('clientKey').equals(key).toArray(),
      db.verdictLog.where('clientKey').equals(key).reverse().sortBy('at'),
      loadHistoriesOf(db, [key]),
    ]);
    const group = [client, ...members.filter((member) => member.key !== key)];
    const notes = await db.notes.where('clientKey').anyOf(group.map((member) => member.key)).reverse().sortBy('at');
    verdicts.sort((a, b) => CRITERION_IDS.indexOf(a.id) - CRITERION_IDS.indexOf(b.id));
    const latest = group.reduce((best, member) => (member.lastSeen && (!best.lastSeen || member.lastSeen > best.lastSeen) ? member : best), client);
    const first = group.map((member) => member.firstSeen).sort()[0];
    return {
      key,
      name: client.name,
      firstSeen: first,
      lastSeen: latest.lastSeen,
      lastSource: latest.lastSource,
      verdicts,
      notes,
      log,
      history: histories[0],
    };
  }, [key]);
}
