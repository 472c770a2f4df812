import { LIMITS } from '../../lib/limits';
import type { PageRead } from '../../lib/messages/page';

/** Serialised size in bytes (UTF-8), as the background measures it. */
function bytesOf(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

/**
 * The background refuses a message over its row or byte caps; cut here first and say so. Rows
 * are kept in page order: as many as fit, found by halving.
 *
 * @example capMessage({ url, extract: { observations: hugeList, warnings: [] } }).extract.warnings // ['page lists 9000 rows; only the first 5000 were read']
 */
export function capMessage(message: PageRead, maxBytes: number = LIMITS.maxMessageBytes): PageRead {
  const { extract } = message;
  const total = extract.observations.length;
  const withRows = (rows: number): PageRead => ({
    ...message,
    extract: {
      ...extract,
      observations: extract.observations.slice(0, rows),
      warnings: rows === total ? extract.warnings : [...extract.warnings, `page lists ${total} rows; only the first ${rows} were read`].slice(-LIMITS.maxWarnings),
    },
  });
  let fits = Math.min(total, LIMITS.maxObservations);
  if (bytesOf(withRows(fits)) <= maxBytes) return fits === total ? message : withRows(fits);
  // Too many bytes: the largest row count whose message fits (rows are of similar size, so few steps).
  let low = 0;
  let high = fits;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (bytesOf(withRows(mid)) <= maxBytes) low = mid;
    else high = mid - 1;
  }
  fits = low;
  return withRows(fits);
}
