import { capText } from '../extract/text';
import { LIMITS } from '../limits';

/**
 * Warnings of one import, without repeats and capped at LIMITS.maxWarnings, so a file of a
 * million bad cells still gives a short list the options page can show.
 */
export class ImportReport {
  readonly warnings: string[] = [];
  private readonly seen = new Set<string>();

  warn(message: string): void {
    if (this.seen.has(message) || this.warnings.length >= LIMITS.maxWarnings) return;
    this.seen.add(message);
    const last = this.warnings.length === LIMITS.maxWarnings - 1;
    this.warnings.push(last ? `${message} (further warnings not shown)` : message);
  }

  /** Cuts file text to LIMITS.maxText, saying so once per kind of text. */
  cap(value: string, what: string): string {
    const capped = capText(value);
    if (capped.cut) this.warn(`Cut text longer than ${LIMITS.maxText} characters (${what}).`);
    return capped.value;
  }
}

/** A cell's text quoted for a warning: short, on one line. */
export function quote(value: string): string {
  const line = value.replace(/\s+/g, ' ').trim();
  return `"${line.length > 60 ? `${line.slice(0, 60)}…` : line}"`;
}
