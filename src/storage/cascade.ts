import type { IDBPTransaction } from 'idb';
import { database } from './database.js';
import { STORE_NAMES, type ResmoDB, type StoreName } from './schema.js';

/** A read-write transaction over every store: what cascading deletes and imports need. */
export type WriteAllTransaction = IDBPTransaction<ResmoDB, readonly StoreName[], 'readwrite'>;

export async function writeAllTransaction(): Promise<WriteAllTransaction> {
  return (await database()).transaction(STORE_NAMES, 'readwrite');
}

/** Key range of every sample of one session (samples are keyed [sessionId, second]). */
export function sampleRange(sessionId: string): IDBKeyRange {
  return IDBKeyRange.bound([sessionId, 0], [sessionId, Infinity]);
}

/** Deletes a session with its samples and markers inside the caller's transaction. */
export async function deleteSessionRows(tx: WriteAllTransaction, sessionId: string): Promise<void> {
  const markers = tx.objectStore('markers');
  const markerKeys = await markers.index('by-session').getAllKeys(sessionId);
  await Promise.all([
    tx.objectStore('sessions').delete(sessionId),
    tx.objectStore('samples').delete(sampleRange(sessionId)),
    ...markerKeys.map((key) => markers.delete(key)),
  ]);
}
