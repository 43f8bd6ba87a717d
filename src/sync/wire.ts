import type { SealedDoc, SyncedKind, VaultMeta } from '../storage/index.js';

/** What the server stores for a record: opaque id, kind, key id and ciphertext, nothing else. */
export interface WireDoc {
  _id: string;
  _rev?: string;
  type: SyncedKind;
  v: 1;
  kid: string;
  iv: string;
  ct: string;
}

/** The clinic data key wrapped for one clinician's passphrase (and the recovery key), like a password manager's. */
export interface KeyringDoc {
  _id: string;
  _rev?: string;
  type: 'keyring';
  v: 1;
  kid: string;
  kdf: { alg: 'argon2id'; m: number; t: number; p: number; salt: string };
  wrapped: string;
  recovery: { salt: string; wrapped: string };
}

export const SYNCED_KINDS: readonly SyncedKind[] = ['patient', 'session', 'marker', 'chunk'];

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

export function wireId(type: SyncedKind | 'keyring', id: string): string {
  return `${type}:${id}`;
}

export function toWire(doc: SealedDoc): WireDoc {
  return {
    _id: wireId(doc.type, doc.id),
    type: doc.type,
    v: 1,
    kid: doc.kid,
    iv: toBase64(doc.iv),
    ct: toBase64(doc.ct),
  };
}

export function fromWire(doc: WireDoc): SealedDoc {
  const id = doc._id.slice(doc.type.length + 1);
  return { id, type: doc.type, kid: doc.kid, iv: fromBase64(doc.iv), ct: fromBase64(doc.ct) };
}

export function isWireDoc(doc: { type?: unknown }): doc is WireDoc {
  return SYNCED_KINDS.includes(doc.type as SyncedKind);
}

export async function toKeyring(meta: VaultMeta): Promise<KeyringDoc> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', meta.wrapped));
  const tag = Array.from(digest.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
  const { alg, m, t, p, salt } = meta.kdf;
  return {
    _id: wireId('keyring', `${meta.kid}:${tag}`),
    type: 'keyring',
    v: 1,
    kid: meta.kid,
    kdf: { alg, m, t, p, salt: toBase64(salt) },
    wrapped: toBase64(meta.wrapped),
    recovery: { salt: toBase64(meta.recovery.salt), wrapped: toBase64(meta.recovery.wrapped) },
  };
}

export function fromKeyring(doc: KeyringDoc): VaultMeta {
  const { alg, m, t, p, salt } = doc.kdf;
  return {
    v: 1,
    kid: doc.kid,
    kdf: { alg, m, t, p, salt: fromBase64(salt) },
    wrapped: fromBase64(doc.wrapped),
    recovery: { salt: fromBase64(doc.recovery.salt), wrapped: fromBase64(doc.recovery.wrapped) },
    migrated: false,
    createdAt: Date.now(),
  };
}
