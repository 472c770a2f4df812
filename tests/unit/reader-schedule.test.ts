// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createReadScheduler, DEBOUNCE_MS, isTextOnly, MAX_WAIT_MS, TEXT_QUIET_MS } from '../../entrypoints/reader.content/schedule';

/** Mutation records of the page, as a MutationObserver hands them over (collected synchronously with takeRecords). */
function recordsOf(change: () => void): MutationRecord[] {
  const observer = new MutationObserver(() => undefined);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  change();
  const records = observer.takeRecords();
  observer.disconnect();
  return records;
}

describe('isTextOnly: text that ticks in place is not structure', () => {
  beforeEach(() => {
    document.body.innerHTML = '<table><tbody><tr><td class="sla">00:42</td></tr></tbody></table>';
  });
  const cell = () => document.querySelector('.sla')!;

  const cases: [string, () => void, boolean][] = [
    ['text: a text node’s data changed (characterData)', () => void ((cell().firstChild as Text).data = '00:41'), true],
    ['text: textContent set on a cell (one text node swapped for another)', () => void (cell().textContent = '00:41'), true],
    ['structure: a row added', () => document.querySelector('tbody')!.append(Object.assign(document.createElement('tr'), { innerHTML: '<td>INV-2</td>' })), false],
    ['structure: a cell redrawn with an element inside', () => void (cell().innerHTML = '<b>overdue</b>'), false],
    ['structure: the list replaced', () => void (document.body.innerHTML = '<table></table>'), false],
  ];
  it.each(cases)('%s', (_, change, textOnly) => {
    const records = recordsOf(change);
    expect(records.length).toBeGreaterThan(0);
    expect(records.every(isTextOnly)).toBe(textOnly);
  });
});

describe('createReadScheduler: when the page is read again', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reads a clock ticking every second for a minute at most once per max wait', () => {
    const read = vi.fn();
    const schedule = createReadScheduler(read);
    for (let second = 0; second < 60; second++) {
      schedule.text();
      vi.advanceTimersByTime(1000);
    }
    expect(read).toHaveBeenCalledTimes(60_000 / MAX_WAIT_MS);
  });

  it('reads a change of structure once the page has been quiet for the debounce, once', () => {
    const read = vi.fn();
    const schedule = createReadScheduler(read);
    schedule.structure();
    vi.advanceTimersByTime(DEBOUNCE_MS - 1);
    expect(read).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(read).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(MAX_WAIT_MS * 2);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('never waits past the max wait on a page that keeps redrawing faster than the debounce', () => {
    const read = vi.fn();
    const schedule = createReadScheduler(read);
    for (let t = 0; t < MAX_WAIT_MS; t += DEBOUNCE_MS / 2) {
      schedule.structure();
      vi.advanceTimersByTime(DEBOUNCE_MS / 2);
    }
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('a structure change among ticking text is read at the debounce, and the clock after it waits again', () => {
    const read = vi.fn();
    const schedule = createReadScheduler(read);
    schedule.text();
    vi.advanceTimersByTime(1000);
    schedule.mutations(recordsOf(() => document.body.insertAdjacentHTML('beforeend', '<div>row</div>')));
    // The clock ticks on: it does not put off the structure change's read.
    vi.advanceTimersByTime(DEBOUNCE_MS / 2);
    schedule.text();
    vi.advanceTimersByTime(DEBOUNCE_MS / 2);
    expect(read).toHaveBeenCalledTimes(1);
    for (let second = 1; second < MAX_WAIT_MS / 1000; second++) {
      schedule.text();
      vi.advanceTimersByTime(1000);
    }
    expect(read).toHaveBeenCalledTimes(1);
    schedule.text();
    vi.advanceTimersByTime(1000);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('reads text that changes and then stays still (a virtualised list recycling its rows as it scrolls) once it is quiet', () => {
    const read = vi.fn();
    const schedule = createReadScheduler(read);
    // Scrolling: the same cells get new text every 100 ms for two seconds.
    for (let t = 0; t < 2000; t += 100) {
      schedule.text();
      vi.advanceTimersByTime(100);
    }
    expect(read).not.toHaveBeenCalled();
    vi.advanceTimersByTime(TEXT_QUIET_MS - 100 - 1);
    expect(read).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('a read that starts (clear) covers what was scheduled', () => {
    const read = vi.fn();
    const schedule = createReadScheduler(read);
    schedule.structure();
    schedule.text();
    schedule.clear();
    vi.advanceTimersByTime(MAX_WAIT_MS * 2);
    expect(read).not.toHaveBeenCalled();
  });
});
