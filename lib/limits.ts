/**
 * Size caps for everything that comes from a page. The content script cuts to these and says
 * so in a warning; the background's schema (lib/messages.ts) refuses anything larger.
 */
export const LIMITS = {
  /** Longest text kept from a page (names, subjects, numbers); longer text is cut. */
  maxText: 500,
  /** Observations one page may report in one message. */
  maxObservations: 5000,
  maxWarnings: 50,
  maxTags: 20,
  /** Bytes of one serialised page message. */
  maxMessageBytes: 2_000_000,
  /** Observations of one imported file, and the bytes of its message (the options page → background). */
  maxImportObservations: 200_000,
  maxImportBytes: 60_000_000,
} as const;
