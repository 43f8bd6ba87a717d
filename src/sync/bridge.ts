import {
  CHUNK_SECONDS,
  applyChunk,
  applyDeletion,
  applyRecord,
  chunkId,
  heldHere,
  localRecords,
  mergeVersions,
  sealChunk,
  type LocalRecords,
  type SealedDoc,
} from '../storage/index.js';
import { bury, deletedHere, isDeletedKind, isGone, kindOf } from './deletions.js';
import { resolveConflict, type HeldDoc } from './leaves.js';
import { fromWire, isWireDoc, toBase64, toWire, wireId, type WireDoc } from './wire.js';

type Local = PouchDB.Database<object>;

/** Where receiving stopped, and sessions still waiting for their seconds; kept in the local database. */
interface BridgeState {
  seq: string | number;
  waiting: string[];
  /** For each record, the IV of the version both sides had last (this device's store and the outbox). */
  base?: Record<string, string>;
  /** Records deleted here or by another device: a later edit of one is deleted again (deletion wins). */
  gone?: string[];
}

const STATE_ID = '_local/resmo-bridge';
const BATCH = 100;

/** Another device's records are under a key this device does not hold. */
export class OtherKeyError extends Error {
  override readonly name = 'OtherKeyError';
}

/**
 * Moves sealed records between the app's store (IndexedDB, the store of record) and the local
 * PouchDB that replication drains and fills. The local PouchDB is the outbox: a record written
 * there survives a crash and goes out when replication next runs; a record written to the app's
 * store but not yet here is found again by the next comparison (nothing else marks it).
 */
export class Bridge {
  private readonly sent = new Set<string>();
  private readonly written = (id: string, rev: string) => void this.sent.add(`${id}@${rev}`);
  /** Records whose notes this device merged from two devices' texts since sync started. */
  notesJoined = 0;

  constructor(
    private readonly local: Local,
    /** True for the data keys this device holds (after a rotation, old and new). */
    private readonly knows: (kid: string) => boolean,
  ) {}

  /** Writes to the outbox what differs from it; returns how many records went in. */
  async send(): Promise<number> {
    const state = await this.state();
    const base = (state.base ??= {});
    const records = await localRecords();
    const held = await this.heldIvs(['patient', 'session', 'marker']);
    // A version that came in and is not applied here yet is merged by receive(), not written over;
    // a record both sides held that the outbox no longer holds was deleted elsewhere: receive() applies that.
    const changed = (doc: SealedDoc) => {
      const id = wireId(doc.type, doc.id);
      const h = held.get(id);
      return h ? h.iv !== toBase64(doc.iv) && h.iv === base[id] : base[id] === undefined;
    };
    const withRev = (doc: SealedDoc): WireDoc => {
      const rev = held.get(wireId(doc.type, doc.id))?.rev;
      return { ...toWire(doc), ...(rev ? { _rev: rev } : {}) };
    };
    await this.sendDeletions(held.keys(), records, state);
    const chunks = await this.missingChunks(records.sessions.filter((s) => changed(s.doc)));
    // Chunks before their session: a device that receives them in this order shows a session whole.
    const first = [...records.patients.filter(changed).map(withRev), ...chunks.map(toWire)];
    const then = [...records.markers.filter(changed), ...records.sessions.map((s) => s.doc).filter(changed)];
    await this.write(first, base);
    await this.write(then.map(withRev), base);
    await this.saveState(state);
    return first.length + then.length;
  }

  /**
   * Tombstones what was deleted here since the last pass. The ids are saved as gone first, so a
   * crash before the tombstones are written still has them found again (they stay live here).
   * A record back in the store (imported again) is no longer gone.
   */
  private async sendDeletions(live: Iterable<string>, records: LocalRecords, state: BridgeState): Promise<void> {
    const base = (state.base ??= {});
    const gone = new Set(state.gone);
    const here = [...records.patients, ...records.sessions.map((s) => s.doc), ...records.markers];
    for (const doc of here) gone.delete(wireId(doc.type, doc.id));
    const deleted = await deletedHere(live, base);
    for (const id of deleted) {
      gone.add(id);
      Reflect.deleteProperty(base, id);
    }
    state.gone = [...gone];
    if (!deleted.length) return;
    await this.saveState(state);
    await bury(this.local, deleted, this.written);
  }

  private async write(docs: WireDoc[], base: Record<string, string>): Promise<void> {
    for (let i = 0; i < docs.length; i += BATCH) {
      const results = await this.local.bulkDocs(docs.slice(i, i + BATCH));
      for (const [n, r] of results.entries()) {
        const doc = docs[i + n];
        if (!('rev' in r) || !r.rev || !doc) continue;
        this.written(doc._id, r.rev);
        if (doc.type !== 'chunk') base[doc._id] = doc.iv;
      }
    }
  }

  private async heldIvs(types: readonly string[]): Promise<Map<string, { iv: string; rev: string }>> {
    const held = new Map<string, { iv: string; rev: string }>();
    for (const type of types) {
      const page = await this.local.allDocs({ startkey: `${type}:`, endkey: `${type}:\ufff0`, include_docs: true });
      for (const row of page.rows) {
        const doc = row.doc as (WireDoc & PouchDB.Core.IdMeta & PouchDB.Core.RevisionIdMeta) | undefined;
        if (doc) held.set(row.id, { iv: doc.iv, rev: doc._rev });
      }
    }
    return held;
  }

  private async missingChunks(sessions: { doc: SealedDoc; seconds: number }[]): Promise<SealedDoc[]> {
    const chunks: SealedDoc[] = [];
    for (const { doc, seconds } of sessions) {
      const ids = Array.from({ length: Math.ceil(seconds / CHUNK_SECONDS) }, (_, m) =>
        wireId('chunk', chunkId(doc.id, m)),
      );
      const found = await this.local.allDocs({ keys: ids });
      for (const [minute, row] of found.rows.entries()) {
        if (!('value' in row) || row.value.deleted) chunks.push(await sealChunk(doc.id, minute));
      }
    }
    return chunks;
  }

  /** Applies what replication brought in since last time; returns how many records were written or deleted. */
  async receive(): Promise<number> {
    const state = await this.state();
    const gone = new Set(state.gone);
    let applied = 0;
    for (;;) {
      const again: string[] = [];
      const page = await this.local.changes({ since: state.seq, include_docs: true, conflicts: true, limit: BATCH });
      for (const change of page.results) {
        if (change.deleted) {
          if (await this.applyDeleted(change.id, change.doc?._rev ?? '', state, gone)) applied++;
          continue;
        }
        let doc = change.doc as HeldDoc | undefined;
        if (!doc || !isWireDoc(doc)) continue;
        if (isGone(gone, doc._id)) {
          again.push(doc._id);
          continue;
        }
        if (!this.knows(doc.kid)) throw new OtherKeyError('A record under another key.');
        if (doc._conflicts?.length && (doc.type === 'patient' || doc.type === 'session')) {
          const resolved = await resolveConflict(this.local, doc, this.written);
          doc = resolved.doc;
          if (resolved.notesJoined) this.notesJoined++;
        } else if (this.sent.has(`${doc._id}@${doc._rev}`)) continue;
        if (await this.applyIncoming(doc, state)) applied++;
        else if (!state.waiting.includes(doc._id)) state.waiting.push(doc._id);
      }
      // An edit made elsewhere before the deletion reached it: deleted again, on every leaf.
      if (again.length) await bury(this.local, again, this.written);
      state.seq = page.last_seq;
      if (page.results.length < BATCH) break;
    }
    applied += await this.retryWaiting(state);
    state.gone = [...gone];
    await this.saveState(state);
    return applied;
  }

  /**
   * Applies a version from the outbox. When this device changed the same record and has not sent
   * it yet, both are merged into this device's store (send() then writes the merge over it).
   */
  private async applyIncoming(doc: HeldDoc, state: BridgeState): Promise<boolean> {
    const base = (state.base ??= {});
    const incoming = fromWire(doc);
    if (doc.type === 'patient' || doc.type === 'session') {
      const here = await heldHere(doc.type, incoming.id);
      const hereIv = here && toBase64(here.iv);
      if (here && hereIv !== doc.iv && hereIv !== base[doc._id]) {
        const merged = await mergeVersions(doc.type, [incoming, here]);
        if (merged.notesJoined) this.notesJoined++;
        const stored = await this.apply(merged.doc);
        if (stored) base[doc._id] = doc.iv;
        return stored;
      }
    }
    const stored = await this.apply(incoming);
    if (stored && doc.type !== 'chunk') base[doc._id] = doc.iv;
    return stored;
  }

  /** A record deleted on another device: deleted here too (a patient with everything of theirs). */
  private async applyDeleted(id: string, rev: string, state: BridgeState, gone: Set<string>): Promise<boolean> {
    const kind = kindOf(id);
    if (!isDeletedKind(kind)) return false;
    const fromElsewhere = !this.sent.has(`${id}@${rev}`);
    if (fromElsewhere) await applyDeletion(kind, id.slice(kind.length + 1));
    gone.add(id);
    if (state.base) Reflect.deleteProperty(state.base, id);
    state.waiting = state.waiting.filter((waiting) => waiting !== id);
    return fromElsewhere;
  }

  private apply(doc: SealedDoc): Promise<boolean> {
    if (doc.type === 'chunk') return applyChunk(doc).then(() => true);
    return applyRecord(doc as SealedDoc & { type: 'patient' | 'session' | 'marker' });
  }

  private async retryWaiting(state: BridgeState): Promise<number> {
    const still: string[] = [];
    for (const id of state.waiting) {
      const doc = (await this.local.get(id).catch(() => null)) as HeldDoc | null;
      if (doc && !(await this.applyIncoming(doc, state))) still.push(id);
    }
    const applied = state.waiting.length - still.length;
    state.waiting = still;
    return applied;
  }

  /** Sessions that arrived before all their seconds. */
  async waitingCount(): Promise<number> {
    return (await this.state()).waiting.length;
  }

  private async state(): Promise<BridgeState & { _rev?: string }> {
    const saved = (await this.local.get(STATE_ID).catch(() => null)) as (BridgeState & { _rev: string }) | null;
    return saved ?? { seq: 0, waiting: [] };
  }

  private async saveState(state: BridgeState & { _rev?: string }): Promise<void> {
    const result = await this.local.put({ ...state, _id: STATE_ID });
    state._rev = result.rev;
  }
}
