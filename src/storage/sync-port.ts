import { sampleRange } from './cascade.js';
import { database } from './database.js';
import { clearFieldsOf, isSealed, open, openValue, seal, sealValue } from './envelope.js';
import { StorageError } from './errors.js';
import { openSampleRows, toBlocks } from './sample-blocks.js';
import type { Envelope, Marker, Sample, Session, StoreName } from './schema.js';
import { currentKey, keyOf } from './vault.js';

/** What sync carries: a record's ciphertext and what binds it (never a clear field). */
export interface SealedDoc {
  id: string;
  type: SyncedKind;
  kid: string;
  iv: Uint8Array<ArrayBuffer>;
  ct: Uint8Array<ArrayBuffer>;
}

/** Records sync carries one for one; a session's seconds travel as one sealed chunk per minute. */
export type SyncedKind = 'patient' | 'session' | 'marker' | 'chunk';
type RecordType = Exclude<SyncedKind, 'chunk'>;
const STORE: Record<RecordType, StoreName> = { patient: 'patients', session: 'sessions', marker: 'markers' };

export const CHUNK_SECONDS = 60;

/** What the device holds that sync may send: every patient, finished sessions with their markers. */
export interface LocalRecords {
  patients: SealedDoc[];
  sessions: { doc: SealedDoc; seconds: number }[];
  markers: SealedDoc[];
}

/** The newest data key (`key`, `kid`: what new seals use) and the key for any kid this device holds. */
async function key(): Promise<{ key: CryptoKey; kid: string; of: (kid: string) => CryptoKey }> {
  const state = await currentKey();
  if (!state) throw new StorageError('not-found', 'Encryption is not set up.');
  return { key: state.key, kid: state.meta.kid, of: (kid) => keyOf(state, kid) ?? state.key };
}

function docOf(type: RecordType, envelope: Envelope): SealedDoc {
  return { id: envelope.id, type, kid: envelope.kid, iv: envelope.iv, ct: envelope.ct };
}

function sealedRows<T extends object>(rows: readonly T[], type: string): (T & Envelope)[] {
  const sealed = rows.filter((row): row is T & Envelope => isSealed(row));
  if (sealed.length !== rows.length) throw new StorageError('corrupt', `A ${type} record is not sealed.`);
  return sealed;
}

export async function localRecords(): Promise<LocalRecords> {
  const { of } = await key();
  const db = await database();
  const [patients, sessions, markers] = await Promise.all([
    db.getAll('patients'),
    db.getAll('sessions'),
    db.getAll('markers'),
  ]);
  const finished: LocalRecords['sessions'] = [];
  for (const envelope of sealedRows(sessions, 'session')) {
    const session = await open('session', envelope, of(envelope.kid));
    if (session.endedAt !== null) finished.push({ doc: docOf('session', envelope), seconds: session.seconds });
  }
  const done = new Set(finished.map((s) => s.doc.id));
  return {
    patients: sealedRows(patients, 'patient').map((e) => docOf('patient', e)),
    sessions: finished,
    markers: sealedRows(markers, 'marker')
      .filter((m) => done.has(m.sessionId))
      .map((e) => docOf('marker', e)),
  };
}

export function chunkId(sessionId: string, minute: number): string {
  return `${sessionId}:${String(minute).padStart(4, '0')}`;
}

/** One minute of a finished session's seconds, sealed as one immutable record. */
export async function sealChunk(sessionId: string, minute: number): Promise<SealedDoc> {
  const { key: dataKey, kid } = await key();
  const from = minute * CHUNK_SECONDS;
  const range = IDBKeyRange.bound([sessionId, from], [sessionId, from + CHUNK_SECONDS - 1]);
  const rows = sealedRows(await (await database()).getAll('samples', range), 'sample');
  const samples = await openSampleRows(rows);
  const id = chunkId(sessionId, minute);
  return { id, type: 'chunk', kid, ...(await sealValue(id, 'chunk', samples, dataKey, kid)) };
}

/**
 * Writes a record that came from another device as it came (same ciphertext), after it opens
 * here. A session waits (returns false) until all its seconds have arrived, so it shows complete.
 */
export async function applyRecord(doc: SealedDoc & { type: RecordType }): Promise<boolean> {
  const { of } = await key();
  const dataKey = of(doc.kid);
  const envelope: Envelope = { id: doc.id, kind: doc.type, v: 1, kid: doc.kid, iv: doc.iv, ct: doc.ct };
  const record = (await openValue(doc.id, doc.type, envelope, dataKey)) as Session | Marker;
  const stored = { ...envelope, ...clearFieldsOf(doc.type, record as never) };
  await open(doc.type, stored, dataKey);
  if (doc.type === 'session' && (await heldSeconds(doc.id)) < (record as Session).seconds) return false;
  await (await database()).put(STORE[doc.type], stored as never);
  return true;
}

/** Writes a minute of seconds from another device, each second sealed under this device's data key. */
export async function applyChunk(doc: SealedDoc): Promise<void> {
  const { key: dataKey, kid, of } = await key();
  const samples = (await openValue(doc.id, 'chunk', { ...doc, v: 1 }, of(doc.kid))) as Sample[];
  const sessionId = doc.id.split(':')[0] ?? '';
  if (samples.some((s) => s.sessionId !== sessionId)) throw new StorageError('corrupt', 'A chunk was moved.');
  const first = samples[0]?.second ?? 0;
  const blocks = toBlocks(sessionId, first, samples);
  const sealed = await Promise.all(blocks.map((b) => seal('block', b, dataKey, kid)));
  const tx = (await database()).transaction('samples', 'readwrite');
  await Promise.all([...sealed.map((row) => tx.store.put(row)), tx.done]);
}

/** How many seconds of a session this device holds (a session shows only once all have arrived). */
export async function heldSeconds(sessionId: string): Promise<number> {
  return (await openSampleRows(await (await database()).getAll('samples', sampleRange(sessionId)))).length;
}

/** A short secret (the sync account's password) sealed under the data key, for keeping on this device. */
export async function sealText(id: string, text: string): Promise<Pick<SealedDoc, 'kid' | 'iv' | 'ct'>> {
  const { key: dataKey, kid } = await key();
  return { kid, ...(await sealValue(id, 'secret', text, dataKey, kid)) };
}

export async function openText(id: string, sealed: Pick<SealedDoc, 'kid' | 'iv' | 'ct'>): Promise<string> {
  const { of } = await key();
  return String(await openValue(id, 'secret', { ...sealed, v: 1 }, of(sealed.kid)));
}
