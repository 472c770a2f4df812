/**
 * Readers are generators that yield between small pieces of work; these drive them either in one
 * go (extractPage) or spread over idle callbacks (extractPageInChunks). Same steps, same result.
 */
export type Steps<T> = Generator<void, T>;

/** Time one slice may run before giving the page back: far below the 50 ms of a long task. */
const SLICE_MS = 10;

export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function nextIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 200 });
    else setTimeout(resolve, 0);
  });
}

/** Runs the steps a slice at a time, each slice in its own idle callback; stops when `signal` aborts. */
export async function runInSlices<T>(steps: Steps<T>, signal?: AbortSignal): Promise<T> {
  for (;;) {
    await nextIdle();
    if (signal?.aborted) {
      steps.return(undefined as never);
      throw signal.reason ?? new DOMException('The page read was aborted.', 'AbortError');
    }
    const deadline = performance.now() + SLICE_MS;
    do {
      const step = steps.next();
      if (step.done) return step.value;
    } while (performance.now() < deadline);
  }
}
