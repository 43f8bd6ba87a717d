/**
 * Web Locks held while a tab records: one per patient (a patient records in one place at a
 * time) and one per session. They are released when recording stops or the tab goes away
 * (close, crash), so unlike "not written for a few seconds", a free lock means for certain that
 * no tab is recording, even a throttled background one.
 */
const lockName = (sessionId: string): string => `resmo-recording:${sessionId}`;
export const patientLockName = (patientId: string): string => `resmo-recording-patient:${patientId}`;

/** Another tab or window records this patient, since `since` (epoch ms) when known. */
export class PatientBusyError extends Error {
  override readonly name = 'PatientBusyError';

  constructor(
    readonly patientId: string,
    readonly since: number | null,
  ) {
    super(`Patient ${patientId} is being recorded in another tab.`);
  }
}

/** Where the browser has no Web Locks (old browsers, Node), callers fall back to staleness. */
function locks(): LockManager | undefined {
  return globalThis.navigator?.locks;
}

/** Takes a lock; resolves to its release, or null when another tab holds it. */
export function acquire(name: string): Promise<(() => void) | null> {
  const manager = locks();
  if (!manager) return Promise.resolve(() => undefined);
  return new Promise((resolve) => {
    void manager.request(name, { ifAvailable: true }, (lock) => {
      if (!lock) return resolve(null);
      // The lock is held until this promise settles.
      return new Promise<void>((release) => resolve(release));
    });
  });
}

/** Takes the session's lock; resolves to its release, or null when another tab holds it. */
export function acquireRecordingLock(sessionId: string): Promise<(() => void) | null> {
  return acquire(lockName(sessionId));
}

/** Ids of the sessions some tab is recording now, or null when the browser cannot tell. */
export async function sessionsBeingRecorded(): Promise<Set<string> | null> {
  const manager = locks();
  if (!manager) return null;
  const { held = [] } = await manager.query();
  const prefix = lockName('');
  return new Set(held.flatMap((lock) => (lock.name?.startsWith(prefix) ? [lock.name.slice(prefix.length)] : [])));
}
