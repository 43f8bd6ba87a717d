import { database } from './database.js';
import { isSealed, seal, unchanged, type RecordKind, type RecordKinds } from './envelope.js';
import { isBlockRow, type SampleRow } from './sample-rows.js';
import type { StoreName } from './schema.js';

const KINDS: readonly [StoreName, RecordKind][] = [
  ['patients', 'patient'],
  ['sessions', 'session'],
  ['markers', 'marker'],
  ['samples', 'sample'],
];

/** Records sealed per transaction: small enough that a crash loses little work, large enough to be quick. */
const BATCH = 500;

type Key = IDBValidKey;

/** The next plaintext records after `after`, read in their own short transaction. */
async function plaintextBatch(store: StoreName, after: Key | undefined): Promise<{ key: Key; value: object }[]> {
  const tx = (await database()).transaction(store, 'readonly');
  const found: { key: Key; value: object }[] = [];
  let cursor = await tx.store.openCursor(after === undefined ? undefined : IDBKeyRange.lowerBound(after, true));
  let scanned = 0;
  while (cursor && found.length < BATCH && scanned < BATCH * 4) {
    if (!isSealed(cursor.value)) found.push({ key: cursor.primaryKey, value: cursor.value });
    scanned++;
    cursor = await cursor.continue();
  }
  if (cursor && found.length === 0) found.push({ key: cursor.primaryKey, value: cursor.value });
  return found;
}

/**
 * Seals every plaintext record in place. Each batch is written in one transaction and only over
 * records that did not change since they were read, so the pass can stop anywhere (a crash, a
 * closed tab) and the next unlock picks up the rest: nothing is lost or sealed twice.
 */
export async function migrateToEnvelopes(
  key: CryptoKey,
  kid: string,
  onProgress?: (sealed: number) => void,
): Promise<number> {
  let sealed = 0;
  for (const [store, kind] of KINDS) {
    let after: Key | undefined;
    for (;;) {
      const batch = await plaintextBatch(store, after);
      if (batch.length === 0) break;
      after = batch[batch.length - 1]?.key;
      const plain = batch.filter((row) => !isSealed(row.value));
      const envelopes = await Promise.all(
        plain.map((row) => {
          const rowKind = kind === 'sample' && isBlockRow(row.value as SampleRow) ? 'block' : kind;
          return seal(rowKind, row.value as RecordKinds[typeof rowKind], key, kid);
        }),
      );
      const tx = (await database()).transaction(store, 'readwrite');
      const current = await Promise.all(plain.map((row) => tx.store.get(row.key as never)));
      const writes = plain.flatMap((row, i) =>
        unchanged(row.value, current[i]) ? [tx.store.put(envelopes[i] as never)] : [],
      );
      await Promise.all([...writes, tx.done]);
      sealed += writes.length;
      onProgress?.(sealed);
    }
  }
  return sealed;
}
