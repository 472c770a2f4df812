import type { Lang } from '../model';
import { en, type UiText } from './en';
import { ru } from './ru';

/*
 * The one home of the UI's words: one dictionary per language (en.ts, the shape; ru.ts, typed
 * from it) and the number and plural helpers they are written with (format.ts).
 */

export type { FieldUnit, NumberFieldPath, UiText } from './en';
export { count, formatMoney, formatNumber, langOf, plural, resolveLang } from './format';

const DICTIONARIES: Record<Lang, UiText> = { en, ru };

/**
 * The words for `lang`; a language from outside the type (an old setting, a hand-made message)
 * gets English.
 *
 * @example textOf('ru').status.met // 'Да'
 */
export function textOf(lang: Lang): UiText {
  return DICTIONARIES[lang] ?? en;
}
