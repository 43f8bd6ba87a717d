import { describe, expect, it } from 'vitest';
import { entropyToWords, wordsToEntropy } from '../../src/storage/recovery-words';
import { createVault, unlockWithRecovery, WrongSecretError } from '../../src/storage/vault-keys';
import { seal, open } from '../../src/storage/envelope';
import { KDF_FLOOR } from '../../src/storage/vault-kdf';

/** BIP-39's first test vector (all zeros) and a key whose Spanish words carry accents. */
const ZEROS = new Uint8Array(16);
const ACCENTED = Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);

const stripAccents = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '');

describe('recovery words in English and Spanish', () => {
  it('writes the same key in both lists (BIP-39 vectors)', () => {
    expect(entropyToWords(ZEROS, 'en')).toBe(`${'abandon '.repeat(11)}about`);
    expect(entropyToWords(ZEROS, 'es')).toBe(`${'ábaco '.repeat(11)}abierto`);
  });

  it('reads the key back from either language, in any case, with or without accents', () => {
    const spanish = entropyToWords(ACCENTED, 'es');
    expect(spanish).not.toBe(stripAccents(spanish));
    for (const typed of [
      entropyToWords(ACCENTED, 'en'),
      spanish,
      stripAccents(spanish).toUpperCase(),
      spanish.normalize('NFD'),
      spanish.split(' ').join(',\n'),
    ])
      expect(wordsToEntropy(typed)).toEqual(ACCENTED);
  });

  it('refuses a wrong word, words out of order, a short key and a mix of the two lists', () => {
    const english = entropyToWords(ACCENTED, 'en').split(' ');
    const spanish = entropyToWords(ACCENTED, 'es').split(' ');
    expect(wordsToEntropy([...english.slice(0, 11), 'zebra'].join(' '))).toBeNull();
    expect(wordsToEntropy([english[1], english[0], ...english.slice(2)].join(' '))).toBeNull();
    expect(wordsToEntropy(english.slice(0, 11).join(' '))).toBeNull();
    expect(wordsToEntropy([...spanish.slice(0, 6), ...english.slice(6)].join(' '))).toBeNull();
  });

  it('opens a vault set up in Spanish with the English words of the same key', async () => {
    const { meta, dataKey, recovery } = await createVault('una frase larga', KDF_FLOOR, 1, 'es');
    const entropy = wordsToEntropy(recovery)!;
    const sealed = await seal('marker', { id: 'm', sessionId: 's', t: 1, label: 'madre' }, dataKey, meta.kid);
    for (const words of [recovery, stripAccents(recovery), entropyToWords(entropy, 'en')])
      expect(await open('marker', sealed, await unlockWithRecovery(meta, words))).toEqual(
        expect.objectContaining({ label: 'madre' }),
      );
    await expect(unlockWithRecovery(meta, entropyToWords(new Uint8Array(16), 'es'))).rejects.toBeInstanceOf(
      WrongSecretError,
    );
  }, 60_000);
});
