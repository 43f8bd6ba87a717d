import { acceptGrants, adoptKeyring, vaultMeta, type KeyGrant, type StoredMeta } from '../storage/index.js';
import { clinicRingOf, toClinicianDoc, toGrantDoc, type ClinicRing } from './clinic-docs.js';
import { toKeyring } from './wire.js';

type Local = PouchDB.Database<object>;
type Doc = { _id: string; _rev?: string; type?: unknown; v?: unknown };

/** The keyrings and grants the outbox holds (replication keeps it level with the server). */
export async function readRing(local: Local): Promise<ClinicRing> {
  const docs: Doc[] = [];
  for (const prefix of ['keyring:', 'grant:']) {
    const page = await local.allDocs({ startkey: prefix, endkey: `${prefix}\ufff0`, include_docs: true });
    for (const row of page.rows) if (row.doc) docs.push(row.doc as Doc);
  }
  return clinicRingOf(docs);
}

/** Writes documents into the outbox, over the version there if any (replication sends them out). */
export async function putDocs(local: Local, docs: readonly Doc[]): Promise<void> {
  if (docs.length === 0) return;
  const held = await local.allDocs({ keys: docs.map((d) => d._id) });
  const revs = new Map<string, string>();
  for (const row of held.rows) if ('value' in row && !row.value.deleted) revs.set(row.id, row.value.rev);
  const results = await local.bulkDocs(
    docs.map((d) => ({ ...d, ...(revs.has(d._id) ? { _rev: revs.get(d._id) } : {}) })),
  );
  const failed = results.find((r) => 'error' in r && r.error);
  if (failed) throw new Error(`The clinic keys were not stored: ${JSON.stringify(failed)}`);
}

/** Marks documents deleted in the outbox; replication carries the deletion to the server. */
export async function removeDocs(local: Local, ids: readonly string[]): Promise<void> {
  const held = await local.allDocs({ keys: [...ids] });
  const gone = held.rows.flatMap((row) =>
    'value' in row && !row.value.deleted ? [{ _id: row.id, _rev: row.value.rev, _deleted: true }] : [],
  );
  if (gone.length) await local.bulkDocs(gone);
}

/** This device's keyring as the server keeps it: the shared one (v1) or its clinician's. */
export async function ownKeyringDoc(meta: StoredMeta): Promise<Doc> {
  return meta.v === 1 ? toKeyring(meta) : toClinicianDoc(meta.keyring);
}

/** This device's own record (never replicated) of the keyring version both sides last agreed on. */
const SEEN_ID = '_local/resmo-keyring-seen';

async function seenWrap(local: Local): Promise<{ wrapped: string | null; _rev?: string }> {
  return local.get<{ wrapped: string }>(SEEN_ID).catch(() => ({ wrapped: null }));
}

async function markSeen(local: Local, seen: { _rev?: string }, wrapped: string): Promise<void> {
  await local.put({ _id: SEEN_ID, ...(seen._rev ? { _rev: seen._rev } : {}), wrapped });
}

/**
 * One pass of keeping keys level: takes in clinic keys given to this device's clinician on
 * another device (a rotation), and this clinician's keyring both ways: changed here (a new
 * passphrase) it goes out; changed on another of their devices it comes in, and this device
 * then opens with that new passphrase. When both changed, the version the server keeps wins on
 * every device. A keyring that is gone is not put back: the clinician was removed.
 * Returns how many new clinic keys were taken in.
 */
export async function keepKeysLevel(local: Local): Promise<number> {
  const meta = await vaultMeta();
  if (meta?.v !== 2) return 0;
  const ring = await readRing(local);
  const taken = await acceptGrants(ring.grants);
  const there = ring.clinicians.find((k) => k.clinician === meta.keyring.clinician);
  if (!there) return taken;
  const mine = toClinicianDoc(meta.keyring).wrapped;
  const theirs = toClinicianDoc(there).wrapped;
  const seen = await seenWrap(local);
  const changedElsewhere = seen.wrapped !== null && theirs !== seen.wrapped && theirs !== mine;
  if (changedElsewhere && (await adoptKeyring(there))) await markSeen(local, seen, theirs);
  // Changed here, or a version that is not this clinician's own key pair: this device's goes out.
  else if (theirs !== mine) {
    await putDocs(local, [toClinicianDoc(meta.keyring)]);
    await markSeen(local, seen, mine);
  } else if (seen.wrapped !== mine) await markSeen(local, seen, mine);
  return taken;
}

export function grantDocs(grants: readonly KeyGrant[]): Doc[] {
  return grants.map(toGrantDoc);
}
