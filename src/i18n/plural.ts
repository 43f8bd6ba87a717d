import { formatCount } from './format.js';
import { getLocale } from './localization.js';

/**
 * A count in words, through the locale's plural rules (Intl.PluralRules: English and Spanish
 * have "one" and "other"; Spanish also "many" for round millions, which falls back to "other").
 * Each form is its own message, with an id `count-<noun>-<category>`, so the translator sees
 * both and test/unit/i18n-plurals.test.ts can find any count formatted without them.
 */
export interface PluralForms {
  one: (count: string) => string;
  other: (count: string) => string;
}

export function countText(count: number, forms: PluralForms, locale: string = getLocale()): string {
  const category = new Intl.PluralRules(locale).select(count);
  const form = category === 'one' ? forms.one : forms.other;
  return form(formatCount(count, locale));
}
