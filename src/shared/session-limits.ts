/**
 * The one set of limits for a session: the recorder stops at them and the import accepts
 * everything inside them, so whatever the app records, its own export imports again.
 */

/** Longest recording: twelve hours, beyond any consultation or day of sessions. */
export const MAX_RECORDED_SECONDS = 12 * 60 * 60;

/** An interrupted session can be resumed for a day after it started; after that it can only be finished. */
export const RESUME_WITHIN_MS = 24 * 60 * 60 * 1000;

/** From start to end on the wall clock: a session resumed at the last moment, then recorded in full. */
export const MAX_SESSION_SPAN_MS = RESUME_WITHIN_MS + MAX_RECORDED_SECONDS * 1000;

/** Why the app, not the clinician, ended a recording. Absent when the clinician pressed Stop. */
export const END_REASONS = ['time-limit', 'storage-full'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** A session started before `now - RESUME_WITHIN_MS` is too old to resume. */
export function canResume(startedAt: number, now = Date.now()): boolean {
  return now - startedAt < RESUME_WITHIN_MS;
}
