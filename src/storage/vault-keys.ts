import { entropyToWords, wordsToEntropy, type RecoveryLanguage } from './recovery-words.js';
import { newKdfParams, passphraseKek, randomBytes, recoveryKek, type KdfParams } from './vault-kdf.js';

/**
 * What is persisted about the keys: salts, costs and wrapped bytes only. A CryptoKey is never
 * stored (Chromium writes a stored non-extractable key to disk as its raw bytes).
 */
export interface VaultMeta {
  v: 1;
  /** Key id of the data key, written into every envelope. */
  kid: string;
  kdf: KdfParams;
  /** The data key wrapped (AES-KW) by the passphrase key. */
  wrapped: Uint8Array<ArrayBuffer>;
  recovery: { salt: Uint8Array<ArrayBuffer>; wrapped: Uint8Array<ArrayBuffer> };
  /** False while existing plaintext records are still being sealed. */
  migrated: boolean;
  createdAt: number;
}

/** Thrown when a passphrase or recovery key does not open the vault. */
export class WrongSecretError extends Error {
  override readonly name = 'WrongSecretError';
}

const GCM = { name: 'AES-GCM', length: 256 } as const;

async function wrap(dataKey: CryptoKey, kek: CryptoKey): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.wrapKey('raw', dataKey, kek, 'AES-KW'));
}

/** AES-KW's integrity check is what refuses a wrong secret: no password hash is stored. */
async function unwrap(wrapped: Uint8Array<ArrayBuffer>, kek: CryptoKey, extractable: boolean): Promise<CryptoKey> {
  try {
    return await crypto.subtle.unwrapKey('raw', wrapped, kek, 'AES-KW', GCM, extractable, ['encrypt', 'decrypt']);
  } catch (error) {
    throw new WrongSecretError('The passphrase or recovery key does not open these records.', { cause: error });
  }
}

function recoveryEntropy(words: string): Uint8Array<ArrayBuffer> {
  const entropy = wordsToEntropy(words);
  if (!entropy) throw new WrongSecretError('Those are not the recovery words.');
  return entropy;
}

export interface NewVault {
  meta: VaultMeta;
  /** Non-extractable: what the app encrypts with while unlocked. */
  dataKey: CryptoKey;
  /** Twelve words, shown once, in the language asked for (either language's words open it later). */
  recovery: string;
}

export async function createVault(
  passphrase: string,
  cost?: { m: number; t: number; p: number },
  now = Date.now(),
  language: RecoveryLanguage = 'en',
): Promise<NewVault> {
  const kdf = newKdfParams(cost);
  const entropy = randomBytes(16);
  const recoverySalt = randomBytes(16);
  // Extractable only for as long as it takes to wrap it twice; the app keeps a non-extractable copy.
  const exportable = await crypto.subtle.generateKey(GCM, true, ['encrypt', 'decrypt']);
  const kek = await passphraseKek(passphrase, kdf);
  const wrapped = await wrap(exportable, kek);
  const recovery = { salt: recoverySalt, wrapped: await wrap(exportable, await recoveryKek(entropy, recoverySalt)) };
  const meta: VaultMeta = { v: 1, kid: crypto.randomUUID(), kdf, wrapped, recovery, migrated: false, createdAt: now };
  const words = entropyToWords(entropy, language);
  entropy.fill(0);
  return { meta, dataKey: await unwrap(wrapped, kek, false), recovery: words };
}

export async function unlockWithPassphrase(
  meta: VaultMeta,
  passphrase: string,
  extractable = false,
): Promise<CryptoKey> {
  return unwrap(meta.wrapped, await passphraseKek(passphrase, meta.kdf), extractable);
}

export async function unlockWithRecovery(meta: VaultMeta, words: string, extractable = false): Promise<CryptoKey> {
  const entropy = recoveryEntropy(words);
  try {
    return await unwrap(meta.recovery.wrapped, await recoveryKek(entropy, meta.recovery.salt), extractable);
  } finally {
    entropy.fill(0);
  }
}

/** A new passphrase re-wraps the same data key (with a new salt); records are not touched. */
async function rewrap(meta: VaultMeta, exportable: CryptoKey, passphrase: string): Promise<VaultMeta> {
  const kdf = newKdfParams({ m: meta.kdf.m, t: meta.kdf.t, p: meta.kdf.p });
  return { ...meta, kdf, wrapped: await wrap(exportable, await passphraseKek(passphrase, kdf)) };
}

/** Proves the current passphrase (or the recovery words), then sets a new passphrase. */
export async function changePassphrase(
  meta: VaultMeta,
  proof: { passphrase: string } | { recovery: string },
  next: string,
): Promise<VaultMeta> {
  let exportable: CryptoKey;
  if ('passphrase' in proof) {
    exportable = await unwrap(meta.wrapped, await passphraseKek(proof.passphrase, meta.kdf), true);
  } else {
    const entropy = recoveryEntropy(proof.recovery);
    exportable = await unwrap(meta.recovery.wrapped, await recoveryKek(entropy, meta.recovery.salt), true);
    entropy.fill(0);
  }
  return rewrap(meta, exportable, next);
}
