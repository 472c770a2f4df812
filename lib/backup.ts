import { z } from './zod';
import { LIMITS } from './limits';
import { clientRefSchema, invoiceSchema, ticketCountSchema, ticketSchema } from './message-schemas';
import { NOTE_KINDS } from './model';
import type { HistoryState } from './history';
import { settingsSchema, type Settings } from './settings';

/**
 * The backup file: everything the store knows (as the replay's shapes) plus settings. A restore
 * replaces the store in one transaction, so the histories after it are exactly the ones
 * exported. Verdicts are not kept: they are recomputed from the data.
 */

const BACKUP_FORMAT = 'client-signals-backup';
/** A backup is a local file, not a page: it may be larger than one page's message. */
export const MAX_BACKUP_BYTES = 50_000_000;

const instant = z.string().max(40).refine((value) => !Number.isNaN(Date.parse(value)), 'not a date-time');
const text = z.string().max(LIMITS.maxText);
const seen = { source: text, clientKey: text, firstSeen: instant.optional(), lastSeen: instant.optional() };

const backupDataSchema = z
  .object({
    clients: z.array(
      z.object({ key: text, name: text, taxId: text.optional(), domain: text.optional(), externalId: text.optional(), firstSeen: instant, lastSeen: instant.optional(), lastSource: text.optional(), root: text.optional() }).strict(),
    ),
    invoices: z.array(
      invoiceSchema.extend({
        ...seen,
        paidEstimated: z.boolean().optional(),
        lastSeenUnpaid: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
      }),
    ),
    tickets: z.array(ticketSchema.extend(seen)),
    counts: z.array(ticketCountSchema.extend({ at: instant, source: text, clientKey: text })),
    changes: z.array(
      z
        .object({ kind: z.enum(['invoice', 'ticket']), id: text, field: z.string().max(40), from: z.unknown(), to: z.unknown(), at: instant, clientKey: text, source: text })
        .strict(),
    ),
    notes: z.array(
      z
        .object({ kind: z.enum(NOTE_KINDS), client: clientRefSchema, at: instant, text, outcome: z.enum(['followed', 'ignored', 'pending']).optional() })
        .strict(),
    ),
    merges: z.array(z.object({ a: text, b: text, at: instant }).strict()),
  })
  .strict();

const backupSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(1),
    exportedAt: instant,
    settings: settingsSchema,
    data: backupDataSchema,
  })
  .strict();

export type Backup = z.infer<typeof backupSchema>;

/** The file to save: the store's state without store-only ids, and the settings. */
export function makeBackup(state: HistoryState, settings: Settings, now = new Date()): Backup {
  return {
    format: BACKUP_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    settings,
    data: {
      clients: state.clients,
      invoices: state.invoices,
      tickets: state.tickets,
      counts: state.counts,
      changes: state.changes,
      notes: state.notes.map(({ id: _id, ...note }) => note),
      merges: state.merges.map(({ a, b, at }) => ({ a, b, at })),
    },
  } as Backup;
}

/** Parses a backup file's text; says what is wrong rather than restoring part of it. */
export function parseBackup(json: string): { ok: true; backup: Backup } | { ok: false; error: string } {
  if (json.length > MAX_BACKUP_BYTES) return { ok: false, error: `backup too large (${json.length} bytes; limit ${MAX_BACKUP_BYTES})` };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, error: 'not a JSON file' };
  }
  const parsed = backupSchema.safeParse(raw);
  if (parsed.success) return { ok: true, backup: parsed.data };
  const issues = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || 'file'}: ${issue.message}`);
  return { ok: false, error: `not a Client Signals backup: ${issues.join('; ')}` };
}
