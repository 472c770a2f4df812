import { LIMITS } from '../limits';

/** Warnings of one read: each said once, at most LIMITS.maxWarnings of them. */
export class Warnings {
  private readonly said = new Set<string>();
  readonly list: string[] = [];

  add(message: string): void {
    if (this.said.has(message) || this.list.length >= LIMITS.maxWarnings) return;
    this.said.add(message);
    this.list.push(message);
  }
}
