import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales, allLocales } from '../generated/locale-codes.js';

export type Locale = (typeof allLocales)[number];

const STORAGE_KEY = 'resmo.locale';

export const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: () => import('../generated/locales/es.js'),
});

export const locales: readonly Locale[] = allLocales;

export function isLocale(value: string): value is Locale {
  return (allLocales as readonly string[]).includes(value);
}

/** First visit follows the browser's languages (es-* → Spanish); afterwards the saved choice wins. */
export function initialLocale(
  saved: string | null = localStorage.getItem(STORAGE_KEY),
  languages: readonly string[] = navigator.languages,
): Locale {
  if (saved && isLocale(saved)) return saved;
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (isLocale(base)) return base;
  }
  return sourceLocale;
}

/** Switches the UI language without a reload and keeps `<html lang>` and the saved choice in step. */
export async function applyLocale(locale: Locale, remember = false): Promise<void> {
  await setLocale(locale);
  document.documentElement.lang = locale;
  if (remember) localStorage.setItem(STORAGE_KEY, locale);
}
