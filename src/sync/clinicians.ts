import { acceptGrants, vaultMeta, type KeyGrant, type StoredMeta } from '../storage/index.js';
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

/**
 * One pass of keeping keys level: takes in clinic keys given to this device's clinician on
 * another device (a rotation), and sends this clinician's keyring when it changed here (a new
 * passphrase). A keyring that is gone is not put back: the clinician was removed.
 * Returns how many new clinic keys were taken in.
 */
export async function keepKeysLevel(local: Local): Promise<number> {
  const meta = await vaultMeta();
  if (meta?.v !== 2) return 0;
  const ring = await readRing(local);
  const taken = await acceptGrants(ring.grants);
  const mine = toClinicianDoc(meta.keyring);
  const there = ring.clinicians.find((k) => k.clinician === meta.keyring.clinician);
  if (there && toClinicianDoc(there).wrapped !== mine.wrapped) await putDocs(local, [mine]);
  return taken;
}

export function grantDocs(grants: readonly KeyGrant[]): Doc[] {
  return grants.map(toGrantDoc);
}
