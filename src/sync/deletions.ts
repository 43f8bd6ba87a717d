import { heldIds, type DeletedKind } from '../storage/index.js';
import type { Written } from './leaves.js';

type Local = PouchDB.Database<object>;
type Tombstone = { _id: string; _rev: string; _deleted: true };

const BATCH = 100;
const DELETED_KINDS: readonly string[] = ['patient', 'session', 'marker'] satisfies DeletedKind[];

/** The kind part of a server id (`session:<id>` → `session`). */
export function kindOf(wireId: string): string {
  return wireId.slice(0, wireId.indexOf(':'));
}

function recordId(wireId: string): string {
  return wireId.slice(wireId.indexOf(':') + 1);
}

/** A deletion travels for patients, sessions and markers (a session's chunks go with it). */
export function isDeletedKind(kind: string): kind is DeletedKind {
  return DELETED_KINDS.includes(kind);
}

/** Whether a record (or, for a chunk, its session) was deleted: a deletion wins over a later edit. */
export function isGone(gone: ReadonlySet<string>, wireId: string): boolean {
  if (gone.has(wireId)) return true;
  const [kind, sessionId] = wireId.split(':');
  return kind === 'chunk' && gone.has(`session:${sessionId}`);
}

/**
 * Records the outbox holds live that this device had (`base`: both sides held a version) and its
 * store no longer holds: deleted here (a patient, a session, the withdrawal of consent), maybe
 * offline or before a crash. Nothing else marks a deletion, so the next comparison finds it.
 */
export async function deletedHere(live: Iterable<string>, base: Readonly<Record<string, string>>): Promise<string[]> {
  const held = await heldIds();
  return [...live].filter((id) => {
    const kind = kindOf(id);
    return base[id] !== undefined && isDeletedKind(kind) && !held[kind].has(recordId(id));
  });
}

/** A tombstone for every live leaf of these documents: the winner and each conflicting revision. */
async function liveLeaves(local: Local, keys: string[]): Promise<Tombstone[]> {
  const tombstones: Tombstone[] = [];
  for (let i = 0; i < keys.length; i += BATCH) {
    const page = await local.allDocs({ keys: keys.slice(i, i + BATCH), include_docs: true, conflicts: true });
    for (const row of page.rows) {
      const doc =
        'doc' in row ? (row.doc as (PouchDB.Core.IdMeta & { _rev: string; _conflicts?: string[] }) | null) : null;
      if (!doc) continue;
      for (const rev of [doc._rev, ...(doc._conflicts ?? [])])
        tombstones.push({ _id: doc._id, _rev: rev, _deleted: true });
    }
  }
  return tombstones;
}

async function chunksOf(local: Local, sessionWireIds: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const id of sessionWireIds) {
    const prefix = `chunk:${recordId(id)}:`;
    const page = await local.allDocs({ startkey: prefix, endkey: `${prefix}\ufff0` });
    ids.push(...page.rows.map((row) => row.id));
  }
  return ids;
}

async function write(local: Local, tombstones: Tombstone[], written: Written): Promise<number> {
  let done = 0;
  for (let i = 0; i < tombstones.length; i += BATCH) {
    // A leaf that changed meanwhile (replication brought a revision) answers a conflict: the next pass sees it.
    const results = await local.bulkDocs(tombstones.slice(i, i + BATCH));
    for (const r of results)
      if ('rev' in r && r.rev && r.id) {
        written(r.id, r.rev);
        done++;
      }
  }
  return done;
}

/**
 * Deletes records from the outbox the CouchDB way, so the deletion replicates: every live leaf
 * gets a tombstone carrying nothing but `_id`, `_rev` and `_deleted`. Deleting only the winner
 * would let a conflicting leaf become the winner and bring the record back. A session takes its
 * one-minute chunks with it. Chunks and markers go first, then sessions, then patients, so a
 * pass cut short leaves the session or patient live in the outbox, found again next time.
 */
export async function bury(local: Local, ids: readonly string[], written: Written): Promise<number> {
  const of = (...kinds: string[]) => ids.filter((id) => kinds.includes(kindOf(id)));
  const sessions = of('session');
  const first = [...(await chunksOf(local, sessions)), ...of('marker', 'chunk')];
  let done = 0;
  for (const keys of [first, sessions, of('patient')])
    done += await write(local, await liveLeaves(local, keys), written);
  return done;
}
