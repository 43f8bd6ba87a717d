import { database } from './database.js';
import type { RecordKinds } from './envelope.js';
import { StorageError } from './errors.js';
import { unchanged } from './envelope.js';
import { stampEdits } from './field-times.js';
import { openRecord, sealRecord } from './records.js';
import type { StoreName } from './schema.js';

/** A sealed row written in the same transaction as the record being updated. */
export interface ExtraRow {
  store: StoreName;
  value: object;
}

type Updatable = 'patient' | 'session';
const STORE: Record<Updatable, StoreName> = { patient: 'patients', session: 'sessions' };
const ATTEMPTS = 5;
const CARD_FIELDS = ['code', 'name', 'birthDate', 'notes', 'ehrIdentifier', 'archived'];

/**
 * Reads a record, computes its next state, seals it and writes it with any extra rows in one
 * transaction, but only if nobody wrote the record in between. Sealing cannot happen inside the
 * transaction: awaiting WebCrypto there would let IndexedDB commit it early.
 */
export async function updateRecord<K extends Updatable>(
  kind: K,
  id: string,
  change: (current: RecordKinds[K]) => RecordKinds[K],
  extra: (current: RecordKinds[K]) => Promise<ExtraRow[]> = () => Promise.resolve([]),
): Promise<RecordKinds[K]> {
  const store = STORE[kind];
  const db = await database();
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const before = await db.get(store, id);
    if (!before) throw new StorageError('not-found', `No ${kind} ${id}.`);
    const current = await openRecord(kind, before as never);
    const changed = change(current);
    // What a clinician edits on a card or a session; consent, baselines and the recording's own
    // fields are not stamped (an export round trip then stays exact for them).
    const only = kind === 'session' ? ['notes'] : CARD_FIELDS;
    const next = stampEdits(current, changed, changed.updatedAt, only) as RecordKinds[K];
    const [sealed, rows] = await Promise.all([sealRecord(kind, next), extra(current)]);
    const tx = db.transaction([store, ...rows.map((r) => r.store)], 'readwrite');
    if (!unchanged(before, await tx.objectStore(store).get(id))) {
      await tx.done;
      continue;
    }
    const writes = rows.map((r) => tx.objectStore(r.store).put(r.value as never));
    await Promise.all([tx.objectStore(store).put(sealed as never), ...writes, tx.done]);
    return next;
  }
  throw new StorageError('in-use', `The ${kind} ${id} keeps changing.`);
}
