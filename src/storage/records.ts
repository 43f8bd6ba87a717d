import { EnvelopeError, isSealed, open, seal, type RecordKind, type RecordKinds } from './envelope.js';
import { StorageError } from './errors.js';
import type { Stored } from './schema.js';
import { currentKey, keyOf } from './vault.js';

export type { Stored } from './schema.js';

/** Seals a record for writing, or returns it as it is while encryption is off. */
export async function sealRecord<K extends RecordKind>(kind: K, record: RecordKinds[K]): Promise<Stored<K>> {
  const state = await currentKey();
  return state ? seal(kind, record, state.key, state.meta.kid) : record;
}

export async function sealRecords<K extends RecordKind>(
  kind: K,
  records: readonly RecordKinds[K][],
): Promise<Stored<K>[]> {
  return Promise.all(records.map((r) => sealRecord(kind, r)));
}

export async function openRecord<K extends RecordKind>(kind: K, stored: Stored<K>): Promise<RecordKinds[K]> {
  if (!isSealed(stored)) {
    // Plaintext is only legitimate before encryption is on or while the migration runs.
    const state = await currentKey();
    if (state?.meta.migrated) throw new StorageError('corrupt', `A ${kind} record is not sealed.`);
    return stored as RecordKinds[K];
  }
  const state = await currentKey();
  if (!state) throw new StorageError('corrupt', `A sealed ${kind} record without a key.`);
  try {
    return await open(kind, stored, keyOf(state, stored.kid) ?? state.key);
  } catch (error) {
    if (error instanceof EnvelopeError) throw new StorageError('corrupt', error.message, { cause: error });
    throw error;
  }
}

export function openRecords<K extends RecordKind>(kind: K, stored: readonly Stored<K>[]): Promise<RecordKinds[K][]> {
  return Promise.all(stored.map((s) => openRecord(kind, s)));
}
