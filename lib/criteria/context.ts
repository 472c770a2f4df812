import { resolveLang, textOf, type UiText } from '../i18n';
import type { ClientHistory, CriterionId, Lang, PeerStats, Verdict } from '../model';
import { effectiveTimeZone, withDefaults, type Settings } from '../settings';
import { zoneClock, type ZoneClock } from './windows';

/** What every criterion reads besides the history: resolved once per evaluation. */
export type CriterionContext = {
  settings: Settings;
  now: Date;
  /** Day number of today in the user's time zone (see windows.ts). */
  today: number;
  timeZone: string;
  /** Reads ticket, note and snapshot times as the user's wall clock shows them. */
  clock: ZoneClock;
  lang: Lang;
  /** The words of the UI language, which verdicts are written in (lib/i18n). */
  text: UiText;
  peers?: PeerStats;
};

/** A criterion is a pure function of (history, settings, now, peers). */
export type Criterion = (history: ClientHistory, ctx: CriterionContext) => Verdict;

export type EvaluateOptions = { settings?: Partial<Settings>; now?: Date; peers?: PeerStats };

/**
 * Resolved settings per given partial: a caller that evaluates a thousand clients with one
 * settings object resolves it once, and the per-history facts cache (facts.ts) can recognise the
 * same settings by identity. Settings objects are treated as immutable values.
 */
const resolved = new WeakMap<Partial<Settings>, Settings>();
let defaults: Settings | undefined;

function resolveSettings(partial: Partial<Settings> | undefined): Settings {
  if (!partial) return (defaults ??= withDefaults());
  let settings = resolved.get(partial);
  if (!settings) {
    settings = withDefaults(partial);
    resolved.set(partial, settings);
  }
  return settings;
}

export function makeContext(opts: EvaluateOptions = {}): CriterionContext {
  const settings = resolveSettings(opts.settings);
  const now = opts.now ?? new Date();
  const timeZone = effectiveTimeZone(settings);
  const clock = zoneClock(timeZone);
  const lang = resolveLang(settings.language);
  return {
    settings,
    now,
    // An invalid `now` has no today: every window is then empty and every verdict says so.
    today: Number.isNaN(now.getTime()) ? Number.NaN : clock.dayOf(now.toISOString()),
    timeZone,
    clock,
    lang,
    text: textOf(lang),
    peers: opts.peers,
  };
}

export function verdict(id: CriterionId, status: Verdict['status'], summary: string, evidence: Verdict['evidence'] = []): Verdict {
  return { id, status, summary, evidence };
}
