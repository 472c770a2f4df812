/*
 * The facts partingPlan hands to the dictionaries (lib/i18n/en.ts, ru.ts, section `parting`),
 * already in the letter's language style (dates written out, money formatted), so each language
 * only puts them into sentences and orders its words freely.
 */

/** One day (`from` absent) or a span of days, each already written as a date. */
export type Period = { from?: string; to: string };

/** How many requests (tickets, notes) and over which days. */
export type Tally = { count: number; period: Period };

/** Dates written as one list ("5 October and 19 October 2026") and how many notes stand behind them. */
export type Dates = { list: string; count: number };

/** One invoice of the late-payment facts; `amount` and dates already formatted. */
export type LateInvoiceWords = {
  number: string;
  amount?: string;
  due?: string;
  state:
    | { kind: 'paid'; paid: string; days?: number }
    /** Paid some day in `period` (the last day seen unpaid to the first seen paid): late by `least` to `most` days. */
    | { kind: 'estimated'; period: Period; least?: number; most?: number }
    | { kind: 'unpaid'; partial: boolean; asOf?: string; days?: number };
};

export type PriceWords = {
  discounts: { number: string; amount?: string }[];
  credits: { number: string; amount?: string }[];
  lowered: { number: string; from?: string; to?: string; seen?: string }[];
  deferrals: { number: string; from: string; to: string }[];
  requests?: Dates;
  /** Requests handled over the same half-year: the value delivered. */
  handled?: Tally;
};

export type DisrespectWords = { tickets?: { lowRated: number; complaints: number; period: Period }; incidents?: Dates };

export type ScopeWords = {
  windows?: { recent: Tally; before: Tally; billedRecent: string; billedBefore: string };
  growth: { from: number; to: number; seen: string }[];
};

export type AttentionWords = { flagged?: { tally: Tally; urgent: number }; contacts?: Tally };

export type LimitsWords = { ethics?: Dates; outside?: Tally };

export type IncomeWords = { period: Period; billed: string; work?: Tally };
