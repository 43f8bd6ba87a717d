/**
 * A Web Lock per recorded session: held while a tab records it, released when recording stops
 * or the tab goes away (close, crash). Unlike "not written for a few seconds", a free lock means
 * for certain that no tab is recording, even a throttled background one.
 */
const lockName = (sessionId: string): string => `resmo-recording:${sessionId}`;

/** Where the browser has no Web Locks (old browsers, Node), callers fall back to staleness. */
function locks(): LockManager | undefined {
  return globalThis.navigator?.locks;
}

/** Takes the session's lock; resolves to its release, or null when another tab holds it. */
export function acquireRecordingLock(sessionId: string): Promise<(() => void) | null> {
  const manager = locks();
  if (!manager) return Promise.resolve(() => undefined);
  return new Promise((resolve) => {
    void manager.request(lockName(sessionId), { ifAvailable: true }, (lock) => {
      if (!lock) return resolve(null);
      // The lock is held until this promise settles.
      return new Promise<void>((release) => resolve(release));
    });
  });
}

/** Ids of the sessions some tab is recording now, or null when the browser cannot tell. */
export async function sessionsBeingRecorded(): Promise<Set<string> | null> {
  const manager = locks();
  if (!manager) return null;
  const { held = [] } = await manager.query();
  const prefix = lockName('');
  return new Set(held.flatMap((lock) => (lock.name?.startsWith(prefix) ? [lock.name.slice(prefix.length)] : [])));
}
