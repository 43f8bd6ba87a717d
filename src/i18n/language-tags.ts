/**
 * Language tags as browsers report them are not always BCP 47: WebKitGTK passes the POSIX locale
 * through, so a machine set to `C` reports `navigator.language === 'C'`, and `new Intl.NumberFormat('C')`
 * throws a RangeError. uPlot builds one from `navigator.language` as its module loads.
 */

/** Used when the browser reports no usable tag at all. */
export const FALLBACK_LANGUAGE = 'en-US';

/** `es_MX.UTF-8` → `es-MX`; `C`, `POSIX`, `` and malformed tags → null. */
export function toLanguageTag(reported: string): string | null {
  const posix = /^([A-Za-z]{2,3})(?:[_-]([A-Za-z]{2}|\d{3}))?(?:[.@].*)?$/.exec(reported.trim());
  const candidate = posix ? [posix[1], posix[2]].filter(Boolean).join('-') : reported.trim();
  if (candidate === '' || /^(c|posix)$/i.test(candidate)) return null;
  try {
    return Intl.getCanonicalLocales(candidate)[0] ?? null;
  } catch {
    return null;
  }
}

/** The reported tags made usable, in order, without repeats; never empty. */
export function usableLanguages(reported: readonly string[]): string[] {
  const tags = reported.flatMap((tag) => toLanguageTag(tag) ?? []);
  const unique = [...new Set(tags)];
  return unique.length > 0 ? unique : [FALLBACK_LANGUAGE];
}

/**
 * Replaces `navigator.language(s)` with usable tags when the browser's are not, so that no
 * `Intl` constructor, the app's or a library's, ever sees an invalid one. Returns true if it did.
 */
export function guardNavigatorLanguages(nav: Navigator = navigator): boolean {
  const reported = [nav.language, ...(nav.languages ?? [])];
  const usable = usableLanguages(reported);
  if (reported.every((tag) => usable.includes(tag)) && usable.includes(nav.language)) return false;
  const languages = Object.freeze([...usable]);
  Object.defineProperty(nav, 'language', { configurable: true, get: () => languages[0] });
  Object.defineProperty(nav, 'languages', { configurable: true, get: () => languages });
  return true;
}
