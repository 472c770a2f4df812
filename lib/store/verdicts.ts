import { evaluateClient, peerStats } from '../criteria';
import { assembleHistories, groupClients } from '../history';
import type { ClientHistory, Verdict } from '../model';
import type { Settings } from '../settings';
import type { SignalsDb, VerdictLogRow, VerdictRow } from './db';
import { loadState } from './queries';

export type Recomputed = { histories: ClientHistory[]; verdicts: Map<string, Verdict[]> };

/**
 * Re-judges every client (peers move when any client's data moves, so all are re-judged) and
 * stores the verdicts, a log row for each status that changed, and each client key's group root
 * (so the popup can find a merged client's verdicts without computing anything).
 */
export async function recomputeAll(db: SignalsDb, settings: Settings, now: Date = new Date()): Promise<Recomputed> {
  const state = await loadState(db);
  const histories = assembleHistories(state);
  const peers = peerStats(histories, { settings, now });
  const verdicts = new Map<string, Verdict[]>();
  for (const history of histories) verdicts.set(history.client.key, evaluateClient(history, { settings, now, peers }));
  const groups = groupClients(state.clients, state.merges);
  const at = now.toISOString();

  await db.transaction('rw', [db.verdicts, db.verdictLog, db.clients], async () => {
    const previous = new Map((await db.verdicts.toArray()).map((row) => [`${row.clientKey}\u0000${row.id}`, row]));
    const rows: VerdictRow[] = [];
    const log: VerdictLogRow[] = [];
    for (const [clientKey, list] of verdicts) {
      for (const verdict of list) {
        const before = previous.get(`${clientKey}\u0000${verdict.id}`);
        previous.delete(`${clientKey}\u0000${verdict.id}`);
        const changed = !before || before.status !== verdict.status;
        if (changed) log.push({ clientKey, criterion: verdict.id, from: before?.status ?? null, to: verdict.status, at });
        rows.push({ clientKey, ...verdict, since: changed ? at : before.since, computedAt: at });
      }
    }
    // Verdicts of keys that are no longer a group's root (merged away) go.
    await db.verdicts.bulkDelete([...previous.values()].map((row) => [row.clientKey, row.id] as [string, Verdict['id']]));
    await db.verdicts.bulkPut(rows);
    if (log.length) await db.verdictLog.bulkAdd(log);
    const clients = await db.clients.toArray();
    const moved = clients.filter((client) => client.root !== groups.find(client.key));
    if (moved.length) await db.clients.bulkPut(moved.map((client) => ({ ...client, root: groups.find(client.key) })));
  });
  return { histories, verdicts };
}
