import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Lang, Note, NoteOutcome, Observation } from '../model';

/*
 * Extension pages (popup, options, dashboard) → background: the commands that change the store
 * or the enabled sites. The background runs them only for senders whose address is one of the
 * extension's own pages (entrypoints/background/guards.ts): a content script, or a page that
 * dispatches a look-alike message, is refused and nothing changes. Schemas for every command are
 * in lib/message-schemas.ts.
 */

export type NoteInput = Omit<Note, 'at' | 'id'>;
export type CommandReply = { ok: true } | { ok: false; error: string };

export interface CommandProtocol {
  addNote(data: NoteInput): CommandReply;
  deleteNote(data: { id: number }): CommandReply;
  setNoteOutcome(data: { id: number; outcome: NoteOutcome }): CommandReply;
  enableSite(data: { origin: string }): CommandReply;
  disableSite(data: { origin: string }): CommandReply;
  mergeClients(data: { a: string; b: string }): CommandReply;
  unmergeClients(data: { id: number }): CommandReply;
  /** Replaces the store (and the settings) with a backup file's content. */
  importBackup(data: { json: string }): { ok: true; imported: number } | { ok: false; error: string };
  /** Adds what an export file holds (read in the options page by readExport) to the history, in one transaction. */
  importHistory(data: { source: string; observations: Observation[] }): { ok: true; imported: number; clients: number } | { ok: false; error: string };
  /** Teach mode: opens the picker in that tab (of an enabled site). */
  startTeaching(data: { tabId: number; lang: Lang }): CommandReply;
  deleteProfile(data: { origin: string; pathPattern: string; kind: 'invoice' | 'ticket' }): CommandReply;
  /** Adds profiles from a JSON file (one profile or a list); each is validated, a bad one refuses the file. */
  importProfiles(data: { json: string }): { ok: true; imported: number } | { ok: false; error: string };
}

export const { sendMessage, onMessage } = defineExtensionMessaging<CommandProtocol>();
