import { StorageError, openSessions, type Session } from '../storage/index.js';
import { PatientBusyError, acquire, acquireRecordingLock, patientLockName } from '../platform/recording-lock.js';

async function busy(patientId: string): Promise<PatientBusyError> {
  const open = await openSessions().catch(() => [] as Session[]);
  return new PatientBusyError(patientId, open.find((s) => s.patientId === patientId)?.startedAt ?? null);
}

/**
 * Takes the patient's lock before `load` creates or reads the session (so a refused tab leaves
 * no empty session behind), then the session's. Throws PatientBusyError or StorageError.
 */
export async function lockRecording(
  patientId: string,
  load: () => Promise<Session>,
): Promise<{ session: Session; release: () => void }> {
  const releasePatient = await acquire(patientLockName(patientId));
  if (!releasePatient) throw await busy(patientId);
  try {
    const session = await load();
    if (session.endedAt !== null) throw new StorageError('invalid-input', `Session ${session.id} is finished.`);
    const releaseSession = await acquireRecordingLock(session.id);
    if (!releaseSession) throw new StorageError('in-use', `Session ${session.id} is being recorded in another tab.`);
    return {
      session,
      release: () => {
        releaseSession();
        releasePatient();
      },
    };
  } catch (error) {
    releasePatient();
    throw error;
  }
}
