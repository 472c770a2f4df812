import { useLiveQuery } from 'dexie-react-hooks';
import { sendMessage } from '../../lib/messages/commands';
import { getDb } from '../../lib/store/db';

/** The stored clients and the names tied by hand, live; tying and untying are the background's. */
export function useMerges() {
  const data = useLiveQuery(async () => {
    const db = getDb();
    const [clients, merges] = await Promise.all([db.clients.orderBy('key').toArray(), db.merges.toArray()]);
    return { clients: clients.map(({ key, name }) => ({ key, name })), merges: merges.map(({ id, a, b }) => ({ id, a, b })) };
  }, []);

  /** Ties two clients; resolves to the error, or undefined. */
  async function merge(a: string, b: string): Promise<string | undefined> {
    const reply = await sendMessage('mergeClients', { a, b });
    return reply.ok ? undefined : reply.error;
  }

  async function undo(id: number): Promise<string | undefined> {
    const reply = await sendMessage('unmergeClients', { id });
    return reply.ok ? undefined : reply.error;
  }

  return { clients: data?.clients, merges: data?.merges, merge, undo };
}
