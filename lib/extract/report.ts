import { clientKey } from '../identity';
import { LIMITS } from '../limits';
import type { ClientRef, Observation } from '../model';
import { capText } from './text';

/** What one page read collects: observations (capped, without repeats) and warnings (capped, without repeats). */
export class PageReport {
  readonly observations: Observation[] = [];
  readonly warnings: string[] = [];
  private readonly seenWarnings = new Set<string>();
  /** Ids seen, by kind and client: no key is built per observation (a long list adds thousands). */
  private readonly seenIds: Record<Observation['kind'], Map<string, Set<string>>> = { invoice: new Map(), ticket: new Map(), 'ticket-count': new Map() };
  private readonly clientKeys = new Set<string>();
  /** clientKey by name: a long list repeats a few names many times. */
  private readonly keyByName = new Map<string, string>();
  private overflowed = false;

  warn(message: string): void {
    if (this.seenWarnings.has(message) || this.warnings.length >= LIMITS.maxWarnings) return;
    this.seenWarnings.add(message);
    const last = this.warnings.length === LIMITS.maxWarnings - 1;
    this.warnings.push(last ? `${message} (further warnings not shown)` : message);
  }

  /** True once LIMITS.maxObservations are held; readers stop reading rows then. */
  get full(): boolean {
    return this.observations.length >= LIMITS.maxObservations;
  }

  /** Notes that a list went on past the cap (once per page). */
  overflow(): void {
    if (this.overflowed) return;
    this.overflowed = true;
    this.warn(`The page lists more than ${LIMITS.maxObservations} items; only the first ${LIMITS.maxObservations} were read.`);
  }

  /** Adds an observation unless it is a repeat (the same invoice in JSON-LD and microdata). */
  add(observation: Observation): void {
    if (this.full) {
      this.overflow();
      return;
    }
    const client = this.keyOf(observation.client);
    const byClient = this.seenIds[observation.kind];
    let ids = byClient.get(client);
    if (!ids) byClient.set(client, (ids = new Set()));
    const id = identityOf(observation);
    if (ids.has(id)) return;
    ids.add(id);
    if (observation.kind !== 'ticket-count') this.clientKeys.add(client);
    this.observations.push(observation);
  }

  private keyOf(client: ClientRef): string {
    let key = this.keyByName.get(client.name);
    if (key === undefined) {
      key = clientKey(client);
      this.keyByName.set(client.name, key);
    }
    return key;
  }

  /** How many different clients the listed invoices and tickets belong to. */
  get clientCount(): number {
    return this.clientKeys.size;
  }

  /** Cuts page text to LIMITS.maxText, saying so once per kind of text. */
  cap(value: string, what: string): string {
    // Nearly every value is short: no object for it.
    if (value.length <= LIMITS.maxText) return value;
    const capped = capText(value);
    if (capped.cut) this.warn(`Cut text longer than ${LIMITS.maxText} characters (${what}).`);
    return capped.value;
  }

  /** A client as named on the page, its name capped. */
  client(name: string): ClientRef {
    return { name: this.cap(name, 'client name') };
  }
}

function identityOf(observation: Observation): string {
  if (observation.kind === 'invoice') return observation.number;
  if (observation.kind === 'ticket') return observation.id;
  return observation.scope ?? '';
}
