import { entropyToMnemonic, mnemonicToEntropy } from '@scure/bip39';
import { wordlist as english } from '@scure/bip39/wordlists/english.js';
import { wordlist as spanish } from '@scure/bip39/wordlists/spanish.js';

/**
 * The recovery key is 128 random bits; the words only write them down (BIP-39: 12 words from a
 * list of 2,048, the last carrying a checksum). The English and Spanish lists are BIP-39's own,
 * so the same key reads as 12 English or 12 Spanish words, and either opens the records.
 */
export type RecoveryLanguage = 'en' | 'es';

const LISTS: Record<RecoveryLanguage, readonly string[]> = { en: english, es: spanish };

/** Lower case without accents: BIP-39's Spanish list stays unambiguous without them, so "ábaco" may be typed "abaco". */
function plain(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const lookups = new Map<RecoveryLanguage, Map<string, string>>();

/** Each list by its plain form, built on first use. */
function lookup(language: RecoveryLanguage): Map<string, string> {
  let map = lookups.get(language);
  if (!map) {
    map = new Map(LISTS[language].map((word) => [plain(word), word]));
    lookups.set(language, map);
  }
  return map;
}

/** The key as words to show (accents composed, as people write them). */
export function entropyToWords(entropy: Uint8Array, language: RecoveryLanguage): string {
  return entropyToMnemonic(entropy, LISTS[language] as string[]).normalize('NFC');
}

/**
 * The key from words typed in either language, in any case, with or without accents, separated by
 * spaces, commas or new lines. Null when they are not a valid key in either list (a wrong or
 * missing word, or words out of order: the checksum catches most).
 */
export function wordsToEntropy(typed: string): Uint8Array<ArrayBuffer> | null {
  const words = plain(typed)
    .split(/[\s,;.]+/)
    .filter(Boolean);
  if (words.length !== 12) return null;
  for (const language of ['en', 'es'] as const) {
    const listed = words.map((word) => lookup(language).get(word));
    if (listed.some((word) => word === undefined)) continue;
    try {
      return new Uint8Array(mnemonicToEntropy(listed.join(' '), LISTS[language] as string[]));
    } catch {
      // A checksum that fails in this list; the other may still fit.
    }
  }
  return null;
}
