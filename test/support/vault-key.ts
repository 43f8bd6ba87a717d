import type { Page } from 'playwright-core';
import { argon2id } from 'hash-wasm';
import { isSealed, open, type Envelope, type RecordKind } from '../../src/storage/envelope';

/** Every store's records with byte arrays as plain number arrays, so they cross page.evaluate. */
export function rawDump(page: Page): Promise<Record<string, Record<string, unknown>[]>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('resmo');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const dump: Record<string, Record<string, unknown>[]> = {};
    for (const store of Array.from(db.objectStoreNames)) {
      const rows = await new Promise<Record<string, unknown>[]>((resolve) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
      });
      const plain = (value: unknown): unknown =>
        value instanceof Uint8Array
          ? Array.from(value)
          : value && typeof value === 'object' && !Array.isArray(value)
            ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]))
            : value;
      dump[store] = rows.map((row) => plain(row) as Record<string, unknown>);
    }
    db.close();
    return dump;
  });
}

const bytes = (value: unknown) => new Uint8Array(value as number[]);

/** The data key, unwrapped outside the browser from the stored vault meta and the passphrase. */
export async function unwrapDataKey(page: Page, passphrase: string): Promise<CryptoKey> {
  const meta = (await rawDump(page)).vault?.[0] as { kdf: Record<string, unknown>; wrapped: number[] };
  const kdf = meta.kdf as { salt: number[]; m: number; t: number; p: number };
  const raw = await argon2id({
    password: passphrase,
    salt: bytes(kdf.salt),
    iterations: kdf.t,
    memorySize: kdf.m,
    parallelism: kdf.p,
    hashLength: 32,
    outputType: 'binary',
  });
  const kek = await crypto.subtle.importKey('raw', new Uint8Array(raw), 'AES-KW', false, ['unwrapKey']);
  return crypto.subtle.unwrapKey('raw', bytes(meta.wrapped), kek, 'AES-KW', 'AES-GCM', true, ['decrypt']);
}

const KINDS: Record<string, RecordKind> = {
  patients: 'patient',
  sessions: 'session',
  samples: 'sample',
  markers: 'marker',
};

/** Every record opened with the key, in the order the stores keep them; plaintext left as it is. */
export async function decryptedDump(page: Page, key: CryptoKey): Promise<Record<string, unknown[]>> {
  const dump = await rawDump(page);
  const out: Record<string, unknown[]> = {};
  for (const [store, kind] of Object.entries(KINDS)) {
    out[store] = await Promise.all(
      (dump[store] ?? []).map((row) => {
        if (!isSealed(row)) return row;
        const envelope = { ...row, iv: bytes(row.iv), ct: bytes(row.ct) } as unknown as Envelope;
        // The samples store holds minute blocks and per-second samples: the envelope says which.
        return open(store === 'samples' ? envelope.kind : kind, envelope, key);
      }),
    );
  }
  return out;
}
