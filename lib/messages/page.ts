import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PageExtract } from '../model';

/*
 * Content script → background: the one message a page may send. The background accepts it only
 * from a tab whose origin is still enabled (entrypoints/background/guards.ts) and parses it with
 * pageReadSchema (lib/message-schemas.ts) before storing anything. Kept apart from the commands
 * so the content script carries nothing but this.
 */

export type PageRead = { url: string; extract: PageExtract };
export type PageReadReply = { ok: true; observations: number; clients: number } | { ok: false; error: string };

export interface PageProtocol {
  pageRead(data: PageRead): PageReadReply;
  /** The reader asks for the site readers' bundle (a hint or a taught profile matched its page). */
  loadReaderExtras(data: Record<string, never>): { ok: true } | { ok: false; error: string };
  /** The teach-mode picker's result: a profile for this page's list (validated and stored by the background). */
  profileTaught(data: { profile: unknown }): { ok: true } | { ok: false; error: string };
}

export const { sendMessage: sendPageMessage, onMessage: onPageMessage } = defineExtensionMessaging<PageProtocol>();

/** Background → the readers of a site just disabled: stop observing this page. */
export const STOP_MESSAGE = 'clientSignals:stopReading';
