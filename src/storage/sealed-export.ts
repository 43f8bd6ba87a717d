import { newKdfParams, passphraseKey, type KdfParams } from './vault-kdf.js';

/** Marks a sealed export; the plain export's `format` is 'resmo-export'. */
export const SEALED_FORMAT = 'resmo-sealed-export';

/**
 * A sealed export: the plain export's JSON text inside the records' envelope
 * ({id, kind, v, kid, iv, ct}, AES-256-GCM, AAD id|kind|kid|v), under a key derived with
 * Argon2id from a passphrase and the file's own salt. Binary fields are base64.
 */
interface SealedExportFile {
  format: typeof SEALED_FORMAT;
  id: string;
  kind: 'export';
  v: 1;
  kid: 'passphrase';
  kdf: { alg: 'argon2id'; m: number; t: number; p: number; salt: string };
  iv: string;
  ct: string;
}

/** Thrown when a sealed export does not open with the passphrase given (or was altered). */
export class SealedExportError extends Error {
  override readonly name = 'SealedExportError';
}

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const aad = (file: Pick<SealedExportFile, 'id' | 'kind' | 'kid' | 'v'>) =>
  new TextEncoder().encode(`${file.id}|${file.kind}|${file.kid}|${file.v}`);

function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) out += toBase64(bytes.subarray(i, i + 0x8000));
  return out;
}

export async function sealExportText(
  text: string,
  passphrase: string,
  cost?: { m: number; t: number; p: number },
): Promise<string> {
  const kdf = newKdfParams(cost);
  const head = { id: crypto.randomUUID(), kind: 'export', v: 1, kid: 'passphrase' } as const;
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await passphraseKey(passphrase, kdf, 'AES-GCM', ['encrypt']);
  const params = { name: 'AES-GCM', iv, additionalData: aad(head) };
  const ct = new Uint8Array(await crypto.subtle.encrypt(params, key, new TextEncoder().encode(text)));
  const file: SealedExportFile = {
    format: SEALED_FORMAT,
    ...head,
    kdf: { alg: 'argon2id', m: kdf.m, t: kdf.t, p: kdf.p, salt: bytesToBase64(kdf.salt) },
    iv: bytesToBase64(iv),
    ct: bytesToBase64(ct),
  };
  return JSON.stringify(file);
}

/** True when a parsed file claims to be sealed; its fields are checked when it is opened. */
export function isSealedExport(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { format?: unknown }).format === SEALED_FORMAT;
}

function checked(data: unknown): SealedExportFile {
  const f = data as Partial<SealedExportFile>;
  const ok =
    typeof f.id === 'string' &&
    f.kind === 'export' &&
    f.v === 1 &&
    f.kid === 'passphrase' &&
    typeof f.iv === 'string' &&
    typeof f.ct === 'string' &&
    f.kdf?.alg === 'argon2id' &&
    [f.kdf.m, f.kdf.t, f.kdf.p].every((n) => Number.isInteger(n) && n > 0) &&
    // A hostile file must not make the device derive a key with gigabytes of memory.
    f.kdf.m <= 256 * 1024 &&
    f.kdf.t <= 16 &&
    f.kdf.p <= 4 &&
    typeof f.kdf.salt === 'string';
  if (!ok) throw new SealedExportError('Not a sealed export.');
  return f as SealedExportFile;
}

/** The plain export text inside a sealed file; throws SealedExportError for a wrong passphrase. */
export async function openSealedExport(data: unknown, passphrase: string): Promise<string> {
  const file = checked(data);
  try {
    const kdf: KdfParams = { ...file.kdf, salt: fromBase64(file.kdf.salt) };
    const key = await passphraseKey(passphrase, kdf, 'AES-GCM', ['decrypt']);
    const params = { name: 'AES-GCM', iv: fromBase64(file.iv), additionalData: aad(file) };
    return new TextDecoder().decode(await crypto.subtle.decrypt(params, key, fromBase64(file.ct)));
  } catch (error) {
    throw new SealedExportError('The passphrase does not open this file.', { cause: error });
  }
}
