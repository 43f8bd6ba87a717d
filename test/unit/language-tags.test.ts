import { describe, expect, it } from 'vitest';
import {
  FALLBACK_LANGUAGE,
  guardNavigatorLanguages,
  toLanguageTag,
  usableLanguages,
} from '../../src/i18n/language-tags';

describe('language tags as browsers report them', () => {
  it.each([
    ['en-US', 'en-US'],
    ['es-mx', 'es-MX'],
    ['es_MX.UTF-8', 'es-MX'],
    ['en_US', 'en-US'],
    ['es_419', 'es-419'],
    ['ca_ES@valencia', 'ca-ES'],
    ['zh-Hant-TW', 'zh-Hant-TW'],
    ['C', null],
    ['C.UTF-8', null],
    ['POSIX', null],
    ['', null],
    ['x!', null],
    ['12', null],
  ])('%j → %j', (reported, tag) => {
    expect(toLanguageTag(reported)).toBe(tag);
  });

  it('keeps the usable ones in order, once each, and falls back when none is', () => {
    expect(usableLanguages(['C', 'es_MX.UTF-8', 'es-MX', 'en'])).toEqual(['es-MX', 'en']);
    expect(usableLanguages(['C', ''])).toEqual([FALLBACK_LANGUAGE]);
  });

  it('replaces navigator.language(s) only when they are not usable', () => {
    const odd = { language: 'C', languages: ['C'] } as unknown as Navigator;
    expect(guardNavigatorLanguages(odd)).toBe(true);
    expect([odd.language, odd.languages]).toEqual([FALLBACK_LANGUAGE, [FALLBACK_LANGUAGE]]);
    const fine = { language: 'es-MX', languages: ['es-MX', 'en'] } as unknown as Navigator;
    expect(guardNavigatorLanguages(fine)).toBe(false);
    expect(fine.language).toBe('es-MX');
  });
});
