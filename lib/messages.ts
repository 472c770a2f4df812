import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Note, NoteOutcome, PageExtract } from './model';

/*
 * The protocol between the content script, the popup/options and the background, named by
 * direction. Schemas for every message are in message-schemas.ts; the background parses each
 * message with them before acting.
 */

export type PageRead = { url: string; extract: PageExtract };
export type NoteInput = Omit<Note, 'at' | 'id'>;
export type PageReadReply = { ok: true; observations: number; clients: number } | { ok: false; error: string };
export type CommandReply = { ok: true } | { ok: false; error: string };

/** Messages by direction: the content script reports a page; the popup and options ask for changes. */
export interface ProtocolMap {
  /** content script → background */
  pageRead(data: PageRead): PageReadReply;
  /** popup → background */
  addNote(data: NoteInput): CommandReply;
  deleteNote(data: { id: number }): CommandReply;
  setNoteOutcome(data: { id: number; outcome: NoteOutcome }): CommandReply;
  enableSite(data: { origin: string }): CommandReply;
  disableSite(data: { origin: string }): CommandReply;
  mergeClients(data: { a: string; b: string }): CommandReply;
  unmergeClients(data: { id: number }): CommandReply;
  /** options → background: replaces the store with a backup file's content */
  importBackup(data: { json: string }): { ok: true; imported: number } | { ok: false; error: string };
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

