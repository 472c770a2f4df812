import { z } from './zod';
import { LIMITS } from './limits';
import { INVOICE_STATUSES, NOTE_KINDS, TICKET_PRIORITIES, TICKET_STATUSES } from './model';

/*
 * The zod schemas of the protocol in lib/messages.ts. Every message is untrusted until its
 * schema passes: the background parses each one here, refuses what does not fit (and what is
 * larger than the caps), and changes nothing in that case. Kept apart from messages.ts so the
 * content script, which only sends, does not carry zod.
 */

const text = z.string().max(LIMITS.maxText);
const requiredText = text.trim().min(1);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().startsWith(value), 'not a calendar date');
const isoDateTime = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/)
  .refine((value) => !Number.isNaN(Date.parse(value)), 'not a date-time');
const money = z.number().finite().min(-1e12).max(1e12);

export const clientRefSchema = z
  .object({
    name: requiredText,
    taxId: text.optional(),
    domain: text.optional(),
    externalId: text.optional(),
  })
  .strict();

export const invoiceSchema = z
  .object({
    kind: z.literal('invoice'),
    client: clientRefSchema,
    number: requiredText,
    issued: isoDate.optional(),
    due: isoDate.optional(),
    paid: isoDate.optional(),
    amount: money.optional(),
    currency: z.string().regex(/^[A-Z]{3}$/).optional(),
    discount: money.optional(),
    status: z.enum(INVOICE_STATUSES).optional(),
  })
  .strict();

export const ticketSchema = z
  .object({
    kind: z.literal('ticket'),
    client: clientRefSchema,
    id: requiredText,
    created: isoDateTime,
    priority: z.enum(TICKET_PRIORITIES).optional(),
    status: z.enum(TICKET_STATUSES).optional(),
    satisfaction: z.enum(['good', 'bad']).optional(),
    tags: z.array(text).max(LIMITS.maxTags).optional(),
    subject: text.optional(),
  })
  .strict();

export const ticketCountSchema = z
  .object({
    kind: z.literal('ticket-count'),
    client: clientRefSchema,
    count: z.number().int().min(0).max(1e7),
    scope: z.enum(['open', 'total']).optional(),
  })
  .strict();

export const observationSchema = z.discriminatedUnion('kind', [invoiceSchema, ticketSchema, ticketCountSchema]);

const pageExtractSchema = z
  .object({
    subject: clientRefSchema.optional(),
    observations: z.array(observationSchema).max(LIMITS.maxObservations),
    warnings: z.array(z.string().max(LIMITS.maxText * 2)).max(LIMITS.maxWarnings),
    readBy: z.string().max(100).optional(),
  })
  .strict();

export const pageReadSchema = z
  .object({
    url: z.string().max(4096).url().regex(/^https?:\/\//i, 'only web pages are read'),
    extract: pageExtractSchema,
  })
  .strict();

export const noteInputSchema = z
  .object({
    kind: z.enum(NOTE_KINDS),
    client: clientRefSchema,
    text: text.trim().max(LIMITS.maxText),
    outcome: z.enum(['followed', 'ignored', 'pending']).optional(),
  })
  .strict();

const storeId = z.number().int().positive();
export const idSchema = z.object({ id: storeId }).strict();
export const noteOutcomeSchema = z.object({ id: storeId, outcome: z.enum(['followed', 'ignored', 'pending']) }).strict();
export const originSchema = z
  .object({ origin: z.string().max(300).regex(/^https?:\/\/[^/\s*]+$/, 'expected an origin such as https://crm.example.com') })
  .strict();
export const backupMessageSchema = z.object({ json: z.string().min(2) }).strict();
/** An export file's observations: far more rows than a page (lib/import caps a file at 200,000). */
export const importHistorySchema = z
  .object({ source: requiredText.max(300), observations: z.array(observationSchema).min(1).max(LIMITS.maxImportObservations) })
  .strict();
export const startTeachingSchema = z.object({ tabId: z.number().int().nonnegative(), lang: z.enum(['en', 'ru']) }).strict();
export const profileSlotSchema = z
  .object({ origin: z.string().max(300), pathPattern: z.string().max(2000), kind: z.enum(['invoice', 'ticket']) })
  .strict();
export const mergeSchema = z.object({ a: z.string().min(1).max(LIMITS.maxText), b: z.string().min(1).max(LIMITS.maxText) }).strict();

/** Bytes of a message once serialised (what crosses the process boundary). */
function messageBytes(data: unknown): number {
  try {
    return new TextEncoder().encode(JSON.stringify(data) ?? '').length;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/**
 * Parses an untrusted message: size first (cheap), then shape. Returns a reason on failure.
 */
export function parseMessage<T>(
  schema: z.ZodType<T>,
  data: unknown,
  maxBytes: number = LIMITS.maxMessageBytes,
): { ok: true; data: T } | { ok: false; error: string } {
  const bytes = messageBytes(data);
  if (bytes > maxBytes) return { ok: false, error: `message too large: ${bytes} bytes (limit ${maxBytes})` };
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, data: parsed.data };
  const first = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || 'message'}: ${issue.message}`);
  return { ok: false, error: `invalid message: ${first.join('; ')}` };
}
