import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../lib/store/db';

/**
 * Every stored client and every stored verdict, live: the background's writes show at once.
 * Two whole-table reads and nothing else, so the list costs little more than reading the
 * verdicts themselves (scripts/bench/dashboard.ts measures it at 5,000 clients). Each read is an
 * explicit transaction of its own: the two run side by side rather than one after the other, and
 * Dexie's live-query cache, which deep-clones every row it hands out (40,000 verdicts with their
 * evidence), stays out of the way.
 */
export function useClientList() {
  return useLiveQuery(async () => {
    const db = getDb();
    const [clients, verdicts] = await Promise.all([
      db.transaction('r', db.clients, () => db.clients.toArray()),
      db.transaction('r', db.verdicts, () => db.verdicts.toArray()),
    ]);
    return { clients, verdicts };
  }, []);
}
