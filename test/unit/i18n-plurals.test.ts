import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countText } from '../../src/i18n/plural';

const XLIFF = readFileSync(new URL('../../xliff/es.xlf', import.meta.url), 'utf8');

interface Message {
  id: string;
  source: string;
  target: string;
}

function catalogue(xliff: string): Message[] {
  return [
    ...xliff.matchAll(/<trans-unit id="([^"]+)">\s*<source>(.*?)<\/source>\s*(?:<target>(.*?)<\/target>)?/gs),
  ].map(([, id = '', source = '', target = '']) => ({ id, source, target }));
}

/** Words after a placeholder that are not a counted noun ("${n} was", "${m} min", "${fps} frames/s"). */
const NOT_A_NOUN = new Set(['is', 'was', 'has', 'does', 'its', 'this', 'his']);

/**
 * A placeholder followed by an English plural noun ("${n} markers") formats a count. It must be
 * the "other" form of a count message, whose "one" form is in the catalogue too.
 */
function countsWithoutPluralRules(messages: readonly Message[]): string[] {
  const ids = new Set(messages.map((m) => m.id));
  return messages
    .filter(({ source }) =>
      [...source.matchAll(/\/>\s+([a-z]+)(\/?)/g)].some(
        ([, word = '', slash]) => !slash && word.length > 2 && word.endsWith('s') && !NOT_A_NOUN.has(word),
      ),
    )
    .filter(({ id }) => !(/^count-[a-z-]+-other$/.test(id) && ids.has(id.replace(/-other$/, '-one'))))
    .map(({ id, source }) => `${id}: ${source}`);
}

describe('counts in the message catalogue', () => {
  it('finds a count formatted without plural rules (the scanner works)', () => {
    const bare = { id: 's1', source: 'Recording: <x id="0" equiv-text="${n}"/> markers.', target: '' };
    const rate = { id: 's2', source: '<x id="0" equiv-text="${fps}"/> frames/s', target: '' };
    const other = { id: 'count-marker-other', source: '<x id="0" equiv-text="${n}"/> markers', target: '' };
    expect(countsWithoutPluralRules([bare, rate])).toEqual([`s1: ${bare.source}`]);
    expect(countsWithoutPluralRules([other])).toEqual([`count-marker-other: ${other.source}`]);
    const one = { id: 'count-marker-one', source: '<x id="0" equiv-text="${n}"/> marker', target: '' };
    expect(countsWithoutPluralRules([other, one])).toEqual([]);
  });

  it('formats every count through plural rules, in both forms, each translated', () => {
    const messages = catalogue(XLIFF);
    expect(messages.length).toBeGreaterThan(100);
    expect(countsWithoutPluralRules(messages)).toEqual([]);
    const forms = messages.filter((m) => m.id.startsWith('count-'));
    expect(forms.length).toBeGreaterThan(0);
    expect(forms.filter((m) => !m.target).map((m) => m.id)).toEqual([]);
  });

  it('picks the form from Intl.PluralRules of the locale', () => {
    const forms = { one: (n: string) => `${n} marker`, other: (n: string) => `${n} markers` };
    expect([0, 1, 2].map((n) => countText(n, forms, 'en'))).toEqual(['0 markers', '1 marker', '2 markers']);
    const es = { one: (n: string) => `${n} marca`, other: (n: string) => `${n} marcas` };
    expect([0, 1, 2, 1000000].map((n) => countText(n, es, 'es'))).toEqual([
      '0 marcas',
      '1 marca',
      '2 marcas',
      '1.000.000 marcas',
    ]);
    expect(countText(1500, forms, 'en')).toBe('1,500 markers');
  });
});
