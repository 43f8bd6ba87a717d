import { argon2id } from 'hash-wasm';

/** Argon2id cost, stored beside the salt so it can be raised later without losing old data. */
export interface KdfParams {
  alg: 'argon2id';
  /** Memory in KiB. */
  m: number;
  /** Passes. */
  t: number;
  /** Lanes. */
  p: number;
  salt: Uint8Array<ArrayBuffer>;
}

/** About 180 ms on a 2-core laptop in Chromium (npm run bench:vault); OWASP's floor is m = 19 MiB, t = 2. */
export const DEFAULT_KDF = { m: 64 * 1024, t: 3, p: 1 } as const;
export const KDF_FLOOR = { m: 19 * 1024, t: 2, p: 1 } as const;

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

export function newKdfParams(cost: { m: number; t: number; p: number } = DEFAULT_KDF): KdfParams {
  if (cost.m < KDF_FLOOR.m || cost.t < KDF_FLOOR.t) throw new RangeError('Argon2id cost below the floor.');
  return { alg: 'argon2id', ...cost, salt: randomBytes(16) };
}

/** Passphrase → 32 bytes → a non-extractable AES-KW key; the raw bytes are wiped once imported. */
export function passphraseKek(passphrase: string, kdf: KdfParams): Promise<CryptoKey> {
  return passphraseKey(passphrase, kdf, 'AES-KW', ['wrapKey', 'unwrapKey']);
}

/** The same derivation for any 256-bit key (sealed exports use AES-GCM directly). */
export async function passphraseKey(
  passphrase: string,
  kdf: KdfParams,
  algorithm: 'AES-KW' | 'AES-GCM',
  usages: KeyUsage[],
): Promise<CryptoKey> {
  const raw = await argon2id({
    password: passphrase.normalize('NFC'),
    salt: kdf.salt,
    iterations: kdf.t,
    memorySize: kdf.m,
    parallelism: kdf.p,
    hashLength: 32,
    outputType: 'binary',
  });
  const bytes = new Uint8Array(raw);
  raw.fill(0);
  try {
    return await crypto.subtle.importKey('raw', bytes, algorithm, false, usages);
  } finally {
    bytes.fill(0);
  }
}

/**
 * The recovery key already has 128 random bits, so a slow hash adds nothing: HKDF stretches it
 * to a 256-bit AES-KW key bound to its own salt.
 */
export async function recoveryKek(entropy: Uint8Array<ArrayBuffer>, salt: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', entropy, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt, info: new TextEncoder().encode('resmo recovery key') },
    base,
    { name: 'AES-KW', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}
