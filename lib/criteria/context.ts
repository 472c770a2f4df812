import { resolveLang } from '../i18n';
import type { ClientHistory, CriterionId, Lang, PeerStats, Verdict } from '../model';
import { effectiveTimeZone, withDefaults, type Settings } from '../settings';
import { todayNumber } from './windows';

/** What every criterion reads besides the history: resolved once per evaluation. */
export type CriterionContext = {
  settings: Settings;
  now: Date;
  /** Day number of today in the user's time zone (see windows.ts). */
  today: number;
  timeZone: string;
  lang: Lang;
  peers?: PeerStats;
};

/** A criterion is a pure function of (history, settings, now, peers). */
export type Criterion = (history: ClientHistory, ctx: CriterionContext) => Verdict;

export type EvaluateOptions = { settings?: Partial<Settings>; now?: Date; peers?: PeerStats };

export function makeContext(opts: EvaluateOptions = {}): CriterionContext {
  const settings = withDefaults(opts.settings);
  const now = opts.now ?? new Date();
  const timeZone = effectiveTimeZone(settings);
  return { settings, now, today: todayNumber(now, timeZone), timeZone, lang: resolveLang(settings.language), peers: opts.peers };
}

/** Picks the text of the UI language. */
export function say(ctx: CriterionContext, en: string, ru: string): string {
  return ctx.lang === 'ru' ? ru : en;
}

export function verdict(id: CriterionId, status: Verdict['status'], summary: string, evidence: Verdict['evidence'] = []): Verdict {
  return { id, status, summary, evidence };
}
