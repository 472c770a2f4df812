import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Lang, Verdict } from '../../lib/model';
import { partingPlan } from '../../lib/parting';
import { getDb } from '../../lib/store/db';
import { loadHistoriesOf } from '../../lib/store/queries';

/**
 * The parting assistant's plan for one client, from its stored history and stored verdicts (the
 * plan words the facts; it judges nothing). Reads the history only while `key` is given, i.e.
 * while the assistant is open.
 */
export function usePartingPlan(key: string | undefined, verdicts: readonly Verdict[], lang: Lang) {
  const history = useLiveQuery(async () => (key ? ((await loadHistoriesOf(getDb(), [key]))[0] ?? null) : null), [key]);
  return useMemo(() => (key && history ? partingPlan(history, [...verdicts], { lang }) : undefined), [key, history, verdicts, lang]);
}

/** Puts text on the clipboard: the only thing the assistant does with the letter. */
export function copyText(text: string): Promise<void> {
  return navigator.clipboard.writeText(text);
}
