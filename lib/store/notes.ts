import { clientKey } from '../identity';
import { mergeClient } from '../history';
import type { NoteOutcome } from '../model';
import type { NoteInput } from '../messages/commands';
import type { SignalsDb } from './db';

/** Stores a note (registering its client if the store has not seen it), returning its id. */
export async function addNote(db: SignalsDb, note: NoteInput, at: string): Promise<number> {
  const key = clientKey(note.client);
  return db.transaction('rw', [db.notes, db.clients], async () => {
    const client = await db.clients.get(key);
    if (!client) await db.clients.put(mergeClient(undefined, note.client, at));
    return db.notes.add({ ...note, at, clientKey: key });
  });
}

/** Deletes a note; false when there was none with that id. */
export async function deleteNote(db: SignalsDb, id: number): Promise<boolean> {
  return db.transaction('rw', db.notes, async () => {
    if (!(await db.notes.get(id))) return false;
    await db.notes.delete(id);
    return true;
  });
}

/** Records what became of advice (followed / ignored / still pending). */
export async function setNoteOutcome(db: SignalsDb, id: number, outcome: NoteOutcome): Promise<boolean> {
  return (await db.notes.update(id, { outcome })) === 1;
}

/** Ties two clients together by hand; undone by `unmergeClients` with the returned id. */
export async function mergeClients(db: SignalsDb, a: string, b: string, at: string): Promise<number> {
  return db.merges.add({ a, b, at });
}

export async function unmergeClients(db: SignalsDb, id: number): Promise<boolean> {
  return db.transaction('rw', db.merges, async () => {
    if (!(await db.merges.get(id))) return false;
    await db.merges.delete(id);
    return true;
  });
}
