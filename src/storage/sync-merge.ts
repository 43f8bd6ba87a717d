import { database } from './database.js';
import { openValue, sealValue } from './envelope.js';
import { mergeAll, sameRecord } from './field-times.js';
import type { Patient, Session } from './schema.js';
import type { SealedDoc } from './sync-port.js';
import { currentKey, keyOf } from './vault.js';

/** The records two devices may both change: a patient card, a session (its notes). */
export type MergedKind = 'patient' | 'session';

export interface MergeResult {
  doc: SealedDoc;
  /** Notes had been changed on both devices: the result keeps both texts. */
  notesJoined: boolean;
}

async function dataKey(): Promise<{ key: CryptoKey; kid: string; of: (kid: string) => CryptoKey }> {
  const state = await currentKey();
  if (!state) throw new Error('Encryption is not set up.');
  return { key: state.key, kid: state.meta.kid, of: (kid) => keyOf(state, kid) ?? state.key };
}

/**
 * Opens every version of one record (the leaves of a sync conflict, or this device's and the
 * server's), merges them field by field, and answers with the version that already says the
 * merge when there is one (same ciphertext, nothing re-sealed), else with the merge sealed.
 */
export async function mergeVersions(type: MergedKind, docs: readonly SealedDoc[]): Promise<MergeResult> {
  const { key, kid, of } = await dataKey();
  const records = await Promise.all(
    docs.map(async (doc) => (await openValue(doc.id, type, { ...doc, v: 1 }, of(doc.kid))) as Patient | Session),
  );
  const { record, notesJoined } = mergeAll(records);
  const same = docs.find((_, i) => records[i] && sameRecord(records[i], record));
  if (same) return { doc: same, notesJoined };
  const id = docs[0]?.id ?? record.id;
  return { doc: { id, type, kid, ...(await sealValue(id, type, record, key, kid)) }, notesJoined };
}

/** This device's sealed copy of a record, as sync compares it (undefined when it has none). */
export async function heldHere(type: MergedKind, id: string): Promise<SealedDoc | undefined> {
  const stored = await (await database()).get(type === 'patient' ? 'patients' : 'sessions', id);
  if (!stored || !('ct' in stored)) return undefined;
  return { id, type, kid: stored.kid, iv: stored.iv, ct: stored.ct };
}
