import { database } from './database.js';
import { deletePatient } from './patients.js';
import { deleteSession } from './sessions.js';

/** Records a deletion travels for; a session's seconds go with it (its one-minute chunks). */
export type DeletedKind = 'patient' | 'session' | 'marker';

/** Ids of every patient, session and marker this device's store holds (finished or not). */
export async function heldIds(): Promise<Record<DeletedKind, Set<string>>> {
  const db = await database();
  const [patients, sessions, markers] = await Promise.all([
    db.getAllKeys('patients'),
    db.getAllKeys('sessions'),
    db.getAllKeys('markers'),
  ]);
  return { patient: new Set(patients), session: new Set(sessions), marker: new Set(markers) };
}

/**
 * Applies a deletion made on another device, in one transaction as a deletion made here is:
 * a patient with all their sessions, seconds and markers; a session with its seconds and markers.
 */
export async function applyDeletion(kind: DeletedKind, id: string): Promise<void> {
  if (kind === 'patient') return deletePatient(id);
  if (kind === 'session') return deleteSession(id);
  await (await database()).delete('markers', id);
}
