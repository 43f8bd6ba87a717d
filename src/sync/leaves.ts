import { mergeVersions, type MergedKind } from '../storage/index.js';
import { fromWire, toBase64, toWire, type WireDoc } from './wire.js';

type Local = PouchDB.Database<object>;
export type HeldDoc = WireDoc & { _rev: string; _conflicts?: string[] };

/** Revisions this device wrote (so that replication's echo of them is not applied twice). */
export type Written = (id: string, rev: string) => void;

/**
 * Resolves a record changed on two devices apart the CouchDB way: reads every leaf revision
 * (the winner and its `_conflicts`), merges them, writes the merge over the winner and deletes
 * the other leaves, in one bulk write. Every device that sees the conflict computes the same
 * merge, so they agree whichever resolves it first. Answers the new winner.
 */
export async function resolveConflict(
  local: Local,
  winner: HeldDoc,
  written: Written,
): Promise<{ doc: HeldDoc; notesJoined: boolean }> {
  const others = await Promise.all(
    (winner._conflicts ?? []).map((rev) => local.get(winner._id, { rev }) as Promise<HeldDoc>),
  );
  const leaves = [winner, ...others];
  const { doc, notesJoined } = await mergeVersions(winner.type as MergedKind, leaves.map(fromWire));
  const deletions = others.map((leaf) => ({ _id: leaf._id, _rev: leaf._rev, _deleted: true }));
  const keep = toBase64(doc.iv) === winner.iv;
  const merged: HeldDoc = keep ? winner : { ...toWire(doc), _rev: winner._rev };
  const results = await local.bulkDocs(keep ? deletions : [merged, ...deletions]);
  for (const r of results) if ('rev' in r && r.rev && r.id) written(r.id, r.rev);
  const first = results[0];
  const rev = !keep && first && 'rev' in first && first.rev ? first.rev : winner._rev;
  return { doc: { ...merged, _rev: rev, _conflicts: [] }, notesJoined };
}
