import { evaluateClient, peerStats } from '../criteria';
import { assembleHistories, groupClients } from '../history';
import type { ClientHistory, PeerStats, Verdict } from '../model';
import type { Settings } from '../settings';
import type { SignalsDb, VerdictLogRow, VerdictRow } from './db';
import { loadHistoriesOf, loadState } from './queries';

export type Recomputed = { verdicts: Map<string, Verdict[]>; peers: PeerStats };

/**
 * Re-judges every client (peers move when any client's data moves) and stores the verdicts, a
 * log row for each status that changed, and each client key's group root (so the popup can
 * find a merged client's verdicts without computing anything).
 */
export async function recomputeAll(db: SignalsDb, settings: Settings, now: Date = new Date()): Promise<Recomputed> {
  const histories = assembleHistories(await loadState(db));
  const peers = peerStats(histories, { settings, now });
  return { peers, verdicts: await judge(db, histories, { settings, now, peers }, true) };
}

/**
 * Re-judges only the clients `keys` name, against peers measured earlier: what a page read
 * needs, without reading the whole store. Peers move slowly; `recomputeAll` refreshes them.
 */
export async function recomputeClients(db: SignalsDb, keys: string[], settings: Settings, peers: PeerStats, now: Date = new Date()): Promise<Map<string, Verdict[]>> {
  return judge(db, await loadHistoriesOf(db, keys), { settings, now, peers }, false);
}

/** Evaluates and stores; with `everyone`, verdicts of keys that are no longer a root are dropped. */
async function judge(db: SignalsDb, histories: ClientHistory[], opts: { settings: Settings; now: Date; peers: PeerStats }, everyone: boolean): Promise<Map<string, Verdict[]>> {
  const { now } = opts;
  const verdicts = new Map<string, Verdict[]>();
  for (const history of histories) verdicts.set(history.client.key, evaluateClient(history, opts));
  const at = now.toISOString();

  await db.transaction('rw', [db.verdicts, db.verdictLog, db.clients, db.merges], async () => {
    const stored = everyone ? await db.verdicts.toArray() : await db.verdicts.where('clientKey').anyOf([...verdicts.keys()]).toArray();
    const previous = new Map(stored.map((row) => [`${row.clientKey}\u0000${row.id}`, row]));
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
    // Judging everyone: verdicts of keys that are no longer a group's root (merged away) go.
    await db.verdicts.bulkDelete([...previous.values()].map((row) => [row.clientKey, row.id] as [string, Verdict['id']]));
    await db.verdicts.bulkPut(rows);
    if (log.length) await db.verdictLog.bulkAdd(log);
    // Each key's group root, for the popup and the badge (a page read can tie names by tax id).
    const [clients, merges] = await Promise.all([db.clients.toArray(), db.merges.toArray()]);
    const groups = groupClients(clients, merges);
    const moved = clients.filter((client) => client.root !== groups.find(client.key));
    if (moved.length) await db.clients.bulkPut(moved.map((client) => ({ ...client, root: groups.find(client.key) })));
  });
  return verdicts;
}
