import { deleteSessionRows, sampleRange, writeAllTransaction } from './cascade.js';
import { database } from './database.js';
import { StorageError, toStorageError } from './errors.js';
import { openRecord, openRecords, sealRecord, sealRecords } from './records.js';
import { updateRecord } from './rewrite.js';
import { blockBefore, openSampleRows, toBlocks } from './sample-blocks.js';
import type { SampleInput } from './samples.js';
import { combineMirror, type Marker, type MirrorUse, type Sample, type Session, type SessionSource } from './schema.js';
import { LIMITS, isPlainLine, isPlainText } from '../shared/text-rules.js';
import type { EndReason } from '../shared/session-limits.js';

/** An open session not written to for this long was interrupted (the recorder writes every second). */
export const INTERRUPTED_AFTER_MS = 3_000;

function notFound(id: string): StorageError {
  return new StorageError('not-found', `No session ${id}.`);
}

export async function startSession(
  patientId: string,
  now = Date.now(),
  source: SessionSource = 'camera',
): Promise<Session> {
  const db = await database();
  if (!(await db.getKey('patients', patientId))) throw new StorageError('not-found', `No patient ${patientId}.`);
  const session: Session = {
    id: crypto.randomUUID(),
    patientId,
    startedAt: now,
    endedAt: null,
    seconds: 0,
    notes: '',
    source,
    updatedAt: now,
  };
  await db.add('sessions', await sealRecord('session', session));
  return session;
}

export async function getSession(id: string): Promise<Session> {
  const stored = await (await database()).get('sessions', id);
  if (!stored) throw notFound(id);
  return openRecord('session', stored);
}

/** A patient's sessions, newest first. */
export async function listSessions(patientId: string): Promise<Session[]> {
  const stored = await (await database()).getAllFromIndex('sessions', 'by-patient', patientId);
  const sessions = await openRecords('session', stored);
  return sessions.sort((a, b) => b.startedAt - a.startedAt);
}

/** A session's seconds in order, read from its minute blocks (and per-second samples of older sessions). */
export async function getSamples(sessionId: string): Promise<Sample[]> {
  return openSampleRows(await (await database()).getAll('samples', sampleRange(sessionId)));
}

/**
 * Appends the next seconds of an open session and bumps its length in the same transaction,
 * so after a crash the session and its samples always agree. The seconds go into the minute's
 * block, rewritten each second until the minute is full. `mirror` is how these seconds were read.
 */
export async function appendSamples(
  sessionId: string,
  inputs: readonly SampleInput[],
  now = Date.now(),
  mirror?: MirrorUse,
): Promise<Session> {
  try {
    const sealSamples = async (session: Session) => {
      const current = await blockBefore(sessionId, session.seconds);
      const blocks = toBlocks(sessionId, session.seconds, inputs, current);
      return (await sealRecords('block', blocks)).map((value) => ({ store: 'samples' as const, value }));
    };
    return await updateRecord(
      'session',
      sessionId,
      (session) => {
        if (session.endedAt !== null) throw new StorageError('invalid-input', `Session ${sessionId} is finished.`);
        const use = combineMirror(session.mirror, mirror);
        return {
          ...session,
          seconds: session.seconds + inputs.length,
          updatedAt: now,
          ...(use ? { mirror: use } : {}),
        };
      },
      sealSamples,
    );
  } catch (error) {
    throw toStorageError(error);
  }
}

function updateSession(id: string, change: (session: Session) => Session): Promise<Session> {
  return updateRecord('session', id, change);
}

/**
 * Closes a session. Without `endedAt` it ends where its recording ends, which is what an
 * interrupted session should show rather than the time someone noticed it.
 */
export function finishSession(id: string, endedAt?: number, endReason?: EndReason): Promise<Session> {
  return updateSession(id, (s) => ({
    ...s,
    endedAt: s.endedAt ?? endedAt ?? s.startedAt + s.seconds * 1000,
    ...(endReason && s.endedAt === null ? { endReason } : {}),
    updatedAt: Date.now(),
  }));
}

export async function setSessionNotes(id: string, notes: string): Promise<Session> {
  if (notes.length > LIMITS.notes || !isPlainText(notes))
    throw new StorageError('invalid-input', 'Invalid session notes.');
  return updateSession(id, (s) => ({ ...s, notes, updatedAt: Date.now() }));
}

export async function deleteSession(id: string): Promise<void> {
  const tx = await writeAllTransaction();
  await Promise.all([deleteSessionRows(tx, id), tx.done]);
}

/** Sessions without an end: being recorded somewhere, or interrupted. */
export async function openSessions(): Promise<Session[]> {
  const all = await openRecords('session', await (await database()).getAll('sessions'));
  return all.filter((s) => s.endedAt === null).sort((a, b) => b.startedAt - a.startedAt);
}

/** True when nobody has written to the open session for a while: it was interrupted. */
export function isInterrupted(session: Session, now = Date.now()): boolean {
  return session.endedAt === null && now - session.updatedAt >= INTERRUPTED_AFTER_MS;
}

/** Open sessions nobody is writing to: offered for resuming or finishing on the next start. */
export async function interruptedSessions(now = Date.now()): Promise<Session[]> {
  return (await openSessions()).filter((s) => isInterrupted(s, now));
}

export async function addMarker(sessionId: string, t: number, label = ''): Promise<Marker> {
  const clean = label.trim();
  if (clean.length > LIMITS.markerLabel || !isPlainLine(clean))
    throw new StorageError('invalid-input', 'Invalid marker label.');
  const marker: Marker = { id: crypto.randomUUID(), sessionId, t: Math.max(0, Math.round(t)), label: clean };
  const db = await database();
  if (!(await db.getKey('sessions', sessionId))) throw notFound(sessionId);
  await db.add('markers', await sealRecord('marker', marker));
  return marker;
}

/** A session's markers in time order. */
export async function listMarkers(sessionId: string): Promise<Marker[]> {
  const stored = await (await database()).getAllFromIndex('markers', 'by-session', sessionId);
  const markers = await openRecords('marker', stored);
  return markers.sort((a, b) => a.t - b.t);
}
