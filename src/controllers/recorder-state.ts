import { StorageError, type Session } from '../storage/index.js';
import type { EndReason } from '../shared/session-limits.js';

export type RecorderState =
  /** `ended`: the last recording was ended by the app, not by Stop. */
  | { status: 'idle'; ended?: { session: Session; reason: EndReason } }
  | { status: 'recording'; session: Session; markers: number }
  /** A write failed for a passing reason; recording continues and the next write retries. */
  | { status: 'error'; session: Session; markers: number; error: StorageError }
  /** Stopped, but `pending` seconds are only in memory (e.g. storage full); saving is retried. */
  | { status: 'unsaved'; session: Session; markers: number; pending: number; error: StorageError };

export const toStorageError = (error: unknown): StorageError =>
  error instanceof StorageError ? error : new StorageError('unavailable', String(error), { cause: error });
