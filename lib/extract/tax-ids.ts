import { fold } from './text';

/** Labels of a tax id, as a label of its own ("УНП", "Tax ID (VAT)") once folded and trimmed of ":" and a note. */
const TAX_LABEL = /^(унп|инн|инн\/кпп|vat|vat id|vat no|vat number|vat reg|vat reg\. no|vat registration number|tax id|tax number|ндс)$/;

/**
 * A tax id after its label in running text: "УНП 190123456", "ИНН: 7701234567", "VAT no: GB998877665",
 * "VAT reg. GB123000111", "Tax ID (VAT) IE6388047V". The label must start a word; the value runs to
 * the next separator.
 */
const TAX_IN_TEXT =
  /(?:^|[^\p{L}\d])(унп|инн(?:\/кпп)?|vat(?:\s*(?:reg(?:istration)?\.?(?:\s*no\.?)?|no\.?|number|id))?|tax\s*(?:id|number)(?:\s*\(vat\))?)\s*(?:№|#)?\s*:?\s*([A-Z]{0,2}[\s-]?\d[\dA-Z -]{3,20}?)(?=$|[^\dA-Z -]|\s[·|•,;]|\s{2})/giu;

/**
 * The tax id a labelled value holds, checked against the label: a УНП is 9 digits, an ИНН 10 or 12
 * (the КПП after a slash dropped), a VAT number letters and digits. "Company no. 08412345" has no
 * tax label, and 12345 is no УНП.
 *
 * @example taxIdOf('190 123 456', 'унп') // '190123456'
 */
export function taxIdOf(value: string, label: string): string | undefined {
  const compact = value.replace(/[\s-]/g, '').toUpperCase();
  const kind = fold(label);
  if (kind.startsWith('унп')) return /^\d{9}$/.test(compact) ? compact : undefined;
  if (kind.startsWith('инн')) {
    const inn = compact.split('/')[0] ?? '';
    return /^(\d{10}|\d{12})$/.test(inn) ? inn : undefined;
  }
  return /^[A-Z]{0,2}\d[\dA-Z]{3,13}$/.test(compact) ? compact : undefined;
}

/** True when a label (folded, without ":") names a tax id; a note in brackets is allowed ("Tax ID (VAT)"). */
export function isTaxLabel(label: string): boolean {
  const key = fold(label).replace(/[:\s]+$/, '');
  return TAX_LABEL.test(key) || TAX_LABEL.test(key.replace(/\s*\([^)]*\)$/, ''));
}

/**
 * The first tax id written after its label in a piece of text, with or without a colon.
 *
 * @example taxIdInText('ИНН 7701234567 · КПП 770101001') // '7701234567'
 * @example taxIdInText('Company no. 08412345') // undefined
 */
export function taxIdInText(raw: string): string | undefined {
  TAX_IN_TEXT.lastIndex = 0;
  for (let match = TAX_IN_TEXT.exec(raw); match; match = TAX_IN_TEXT.exec(raw)) {
    const taxId = taxIdOf((match[2] ?? '').trim(), match[1] ?? '');
    if (taxId) return taxId;
  }
  return undefined;
}

/** The tax id in a column headed by its label ("ИНН", "УНП", "VAT number"): the value alone. */
export function taxIdInColumn(value: string): string | undefined {
  return taxIdOf(value, 'инн') ?? taxIdOf(value, 'vat');
}
