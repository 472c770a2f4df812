import { z } from '../zod';

/*
 * The taught profile: plain JSON the user can store, export and share, so everything in it is
 * untrusted when it comes back. It holds no CSS selectors, only tag names, attribute names and
 * values, and numbers; the reader matches those in code, so a hostile profile cannot smuggle a
 * selector, a script or a regular expression into the page.
 */

/** The fields of an invoice observation a user can point at. */
const INVOICE_FIELDS = ['client', 'number', 'issued', 'due', 'paid', 'amount', 'currency', 'status', 'discount'] as const;
/** The fields of a ticket observation a user can point at. */
const TICKET_FIELDS = ['id', 'client', 'created', 'priority', 'status', 'subject', 'satisfaction', 'tags'] as const;

/** A field of an observation, in the observation's own words. */
export type FieldName = (typeof INVOICE_FIELDS)[number] | (typeof TICKET_FIELDS)[number];

export type ListKind = 'invoice' | 'ticket';

/** Fields a row cannot be stored without. */
export const REQUIRED_FIELDS: Readonly<Record<ListKind, readonly FieldName[]>> = {
  invoice: ['client', 'number'],
  ticket: ['client', 'id', 'created'],
};

/** "an invoice", "a ticket": how messages name one item of a list. */
export const ONE_OF: Readonly<Record<ListKind, string>> = { invoice: 'an invoice', ticket: 'a ticket' };

export const FIELDS_OF: Readonly<Record<ListKind, readonly FieldName[]>> = { invoice: INVOICE_FIELDS, ticket: TICKET_FIELDS };

/** Serialised size cap: a profile is a few hundred bytes per field, never more. */
const PROFILE_MAX_BYTES = 10 * 1024;

function byteLength(value: string): number {
  return new TextEncoder().encode(value).length;
}

const tag = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'not a tag name');
// No attribute is called "constructor" or "prototype"; a key of that name is an attack on whoever merges the profile.
const attrName = z.string().regex(/^(?!constructor$|prototype$)[a-z][a-z0-9_-]{0,47}$/, 'not an attribute name');
const attrs = z
  .record(attrName, z.string().max(120))
  .refine((value) => Object.keys(value).length <= 6, 'too many attributes');
/** Attributes that may hold a field's exact value. */
const valueAttr = z.string().regex(/^(?:title|datetime|aria-label|alt|content|value|data-[a-z0-9_-]{1,40})$/, 'not a value attribute');
const index = z.number().int().min(0).max(999);
const wordText = z.string().max(120);

/** One element on a path: its tag, its place among siblings of that tag, and what identifies it. */
const stepSchema = z.strictObject({
  tag,
  nth: index.optional(),
  attrs: attrs.optional(),
  /** Accessible name (aria-label, aria-labelledby, caption), folded. */
  label: wordText.optional(),
  /** Hand-written class names (generated ones are never kept): a weak hint only. */
  classes: z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,47}$/)).max(3).optional(),
});

const fieldSchema = z.strictObject({
  /** Position of the cell among the row's child elements. */
  cell: index.optional(),
  /** Attributes that name the cell (`data-col="org"`, `headers="h-client"`): found by them first. */
  cellAttrs: attrs.optional(),
  /** From the cell (or the row, without `cell`) down to the element that holds the value. */
  path: z.array(stepSchema).max(8),
  /** When the path no longer fits (a wrapper was added): the n-th element in the cell like the path's last. */
  pick: index.optional(),
  /** The attribute that holds the exact value; the element's text when absent or empty. */
  attr: valueAttr.optional(),
});

const fields = fieldSchema.optional();

export const siteProfileSchema = z
  .strictObject({
    version: z.literal(1),
    kind: z.enum(['invoice', 'ticket']),
    origin: z.string().max(200).regex(/^https?:\/\/[^/\s]+$/, 'not an origin'),
    pathPattern: z.string().max(500).regex(/^\/\S*$/, 'not a path pattern'),
    rows: z.strictObject({
      /** The list container first, then its ancestors (nearest first), up to but not including <body>. */
      chain: z.array(stepSchema).min(1).max(12),
      /** The heading that introduces the list ("Invoices"), folded, without numbers. */
      heading: wordText.optional(),
      tag,
      role: tag.optional(),
      /** Child elements of the taught row: rows with far fewer are not rows of this list. */
      cells: z.number().int().min(0).max(500),
    }),
    fields: z.strictObject({
      client: fields,
      number: fields,
      issued: fields,
      due: fields,
      paid: fields,
      amount: fields,
      currency: fields,
      status: fields,
      discount: fields,
      id: fields,
      created: fields,
      priority: fields,
      satisfaction: fields,
      tags: fields,
      subject: fields,
    }),
    learnedAt: z.string().max(40).optional(),
  })
  .superRefine((profile, context) => {
    // The same cap checkProfile applies before parsing, so that the schema alone (the background's
    // check of a profile the picker sends) refuses an oversize profile too.
    if (byteLength(JSON.stringify(profile)) > PROFILE_MAX_BYTES) context.addIssue({ code: 'custom', message: `larger than ${PROFILE_MAX_BYTES} bytes` });
    const allowed = new Set<string>(FIELDS_OF[profile.kind]);
    for (const name of Object.keys(profile.fields)) {
      if (!allowed.has(name)) context.addIssue({ code: 'custom', message: `${name} is not a field of ${ONE_OF[profile.kind]}`, path: ['fields', name] });
    }
    for (const name of REQUIRED_FIELDS[profile.kind]) {
      if (!profile.fields[name]) context.addIssue({ code: 'custom', message: `${ONE_OF[profile.kind]} needs its ${name}`, path: ['fields', name] });
    }
  });

/** What a taught site profile says: where the rows are and where each field lives in a row. */
export type SiteProfile = z.infer<typeof siteProfileSchema>;
export type FieldLocator = NonNullable<SiteProfile['fields'][FieldName]>;
export type Step = SiteProfile['rows']['chain'][number];

/** Keys that would reach an object's prototype if some later code merged the profile into another object. */
const HOSTILE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Enough for any honest profile (a few hundred values); a hostile one stops here before costing more. */
const MAX_NODES = 4000;
const MAX_DEPTH = 10;

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  // Object.prototype of any realm (a profile parsed in another frame is still plain), or none.
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** Walks a would-be profile before zod sees it: no prototype keys, no odd objects, bounded size. */
function structureProblem(value: unknown): string | undefined {
  let nodes = 0;
  const walk = (node: unknown, depth: number): string | undefined => {
    nodes += 1;
    if (nodes > MAX_NODES) return 'the profile is too large';
    if (node === null || typeof node !== 'object') return undefined;
    if (depth > MAX_DEPTH) return 'the profile is nested too deeply';
    if (Array.isArray(node)) {
      for (const item of node) {
        const problem = walk(item, depth + 1);
        if (problem) return problem;
      }
      return undefined;
    }
    if (!isPlainObject(node)) return 'the profile holds an object that is not plain data';
    for (const key of Object.keys(node)) {
      if (HOSTILE_KEYS.has(key)) return `the profile holds a forbidden key "${key}"`;
      const problem = walk((node as Record<string, unknown>)[key], depth + 1);
      if (problem) return problem;
    }
    return undefined;
  };
  return walk(value, 0);
}

/**
 * Checks an untrusted profile: its shape, its size (PROFILE_MAX_BYTES serialised) and its keys.
 * Never throws; says in words what is wrong.
 *
 * @example checkProfile(JSON.parse('{"__proto__": {}}')) // { ok: false, error: 'the profile holds a forbidden key "__proto__"' }
 */
export function checkProfile(value: unknown): { ok: true; profile: SiteProfile } | { ok: false; error: string } {
  try {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return { ok: false, error: `the profile is ${value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`}, not an object` };
    }
    const problem = structureProblem(value);
    if (problem) return { ok: false, error: problem };
    const serialised = JSON.stringify(value);
    if (byteLength(serialised) > PROFILE_MAX_BYTES) return { ok: false, error: `the profile is larger than ${PROFILE_MAX_BYTES} bytes` };
    const parsed = siteProfileSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
      return { ok: false, error: `the profile is not valid${where}: ${issue?.message ?? 'unknown problem'}` };
    }
    return { ok: true, profile: parsed.data };
  } catch (error) {
    // A getter that throws, a cycle, a BigInt: nothing a JSON profile can hold.
    return { ok: false, error: `the profile could not be checked: ${error instanceof Error ? error.message.slice(0, 120) : 'unknown error'}` };
  }
}
