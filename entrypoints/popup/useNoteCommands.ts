import { useState } from 'react';
import { sendMessage, type CommandReply, type NoteInput } from '../../lib/messages/commands';
import type { NoteOutcome } from '../../lib/model';

/**
 * The note commands the popup and the dashboard send to the background (which alone writes the
 * store), and the error of the last one that failed.
 */
export function useNoteCommands() {
  const [error, setError] = useState<string>();
  const run = async (reply: Promise<CommandReply>) => {
    const result = await reply.catch((e: unknown) => ({ ok: false as const, error: String(e) }));
    setError(result.ok ? undefined : result.error);
  };
  return {
    error,
    setError,
    addNote: (note: NoteInput) => run(sendMessage('addNote', note)),
    deleteNote: (id: number) => void run(sendMessage('deleteNote', { id })),
    setNoteOutcome: (id: number, outcome: NoteOutcome) => void run(sendMessage('setNoteOutcome', { id, outcome })),
  };
}
