import type { Lang, VerdictStatus } from './model';
import { textOf } from './i18n';

export type Badge = { text: string; color: string; title: string };
export type BadgeClient = { name: string; statuses: VerdictStatus[] };

/** Neutral when nothing is met, amber for 1–2, red for 3 or more. */
export const BADGE_COLORS = { neutral: '#6b7280', amber: '#d97706', red: '#dc2626' } as const;

function badgeColor(n: number): string {
  return n === 0 ? BADGE_COLORS.neutral : n <= 2 ? BADGE_COLORS.amber : BADGE_COLORS.red;
}

/**
 * The toolbar badge for a page (DESIGN.md, "Badge"): about one client, the number of criteria it
 * meets ("0" when none); listing several, the number of listed clients that meet at least one;
 * empty when no client is recognised. The title says the same in words.
 */
export function badgeFor(page: { single: boolean; clients: BadgeClient[] }, lang: Lang): Badge {
  const text = textOf(lang).badge;
  const { clients } = page;
  if (clients.length === 0) return { text: '', color: BADGE_COLORS.neutral, title: `Client Signals: ${text.noClient}` };
  if (page.single || clients.length === 1) {
    const client = clients[0]!;
    const met = client.statuses.filter((status) => status === 'met').length;
    return { text: String(met), color: badgeColor(met), title: text.clientTitle(client.name, met, client.statuses.length) };
  }
  const flagged = clients.filter((client) => client.statuses.includes('met')).length;
  return { text: String(flagged), color: badgeColor(flagged), title: text.listTitle(flagged, clients.length) };
}
