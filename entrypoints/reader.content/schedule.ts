/** Quiet time after the last change of the page's structure before it is read again. */
export const DEBOUNCE_MS = 600;
/**
 * Quiet time after text changed in place: longer than a clock's tick (a second), so a page whose
 * SLA timers tick every second is read by the max wait alone, while a virtualised list that
 * recycles its rows (new text in the same cells as it scrolls) is read once the scrolling stops.
 */
export const TEXT_QUIET_MS = 1500;
/** However busy the page (an SLA clock ticking every second), it is read at least and at most this often. */
export const MAX_WAIT_MS = 10_000;

/**
 * Whether a mutation only changes text in place: a text node's data (characterData), or one text
 * node swapped for another (what `el.textContent = '00:41'` does, and how most clocks and
 * "3 minutes ago" labels tick). Rows and cells added or removed are structure.
 */
export function isTextOnly(record: MutationRecord): boolean {
  if (record.type === 'characterData') return true;
  if (record.type !== 'childList') return false;
  for (const node of record.addedNodes) if (node.nodeType !== 3) return false;
  for (const node of record.removedNodes) if (node.nodeType !== 3) return false;
  return true;
}

/**
 * When the page is read again after it changes: structure changes are debounced (a list redrawn
 * row by row is read once, when it settles), text that changes in place once it has been still for
 * longer than a clock's tick, and nothing ever waits longer than the max wait after the first
 * change not yet read.
 */
export function createReadScheduler(read: () => void, timing = { debounceMs: DEBOUNCE_MS, textQuietMs: TEXT_QUIET_MS, maxWaitMs: MAX_WAIT_MS }) {
  let debounce: ReturnType<typeof setTimeout> | undefined;
  /** What the pending debounce waits on: a structure change is read sooner, and text does not put it off. */
  let pending: 'structure' | 'text' | undefined;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    clear();
    read();
  };
  function clear(): void {
    clearTimeout(debounce);
    clearTimeout(deadline);
    debounce = deadline = pending = undefined;
  }
  return {
    /** The page's structure changed (or its address): read once it is quiet for a moment. */
    structure(): void {
      clearTimeout(debounce);
      debounce = setTimeout(fire, timing.debounceMs);
      pending = 'structure';
      deadline ??= setTimeout(fire, timing.maxWaitMs);
    },
    /** Only text changed in place: read once it has been still for a while, or by the max wait. */
    text(): void {
      if (pending !== 'structure') {
        clearTimeout(debounce);
        debounce = setTimeout(fire, timing.textQuietMs);
        pending = 'text';
      }
      deadline ??= setTimeout(fire, timing.maxWaitMs);
    },
    /** A batch of mutations, sorted into the two kinds. */
    mutations(records: readonly MutationRecord[]): void {
      if (records.every(isTextOnly)) this.text();
      else this.structure();
    },
    /** A read starts now: whatever was scheduled is covered by it. */
    clear,
  };
}
