import { msg, str } from '@lit/localize';
import { PatientBusyError } from '../platform/recording-lock.js';
import type { StorageError } from '../storage/index.js';
import type { EndReason } from '../shared/session-limits.js';
import { MAX_RECORDED_SECONDS } from '../shared/session-limits.js';
import { formatDateTime, formatDuration } from './format.js';
import { countText } from './plural.js';
import { storageErrorMessage } from './storage-messages.js';

/** Why starting or stopping failed, in plain words; says where a patient is already recorded. */
export function recordingErrorMessage(error: unknown): string {
  if (!(error instanceof PatientBusyError)) return storageErrorMessage(error);
  if (error.since === null)
    return msg('This patient is already being recorded in another tab or window of this browser. Stop it there first.');
  const since = formatDateTime(error.since);
  return msg(
    str`This patient is already being recorded in another tab or window of this browser, since ${since}. Stop that recording there first, or close that tab.`,
  );
}

/** What the clinician must know after the app, not Stop, ended a recording. */
export function endedMessage(state: { ended?: { reason: EndReason } }): { title: string; help: string } | null {
  switch (state.ended?.reason) {
    case undefined:
      return null;
    case 'time-limit': {
      const limit = formatDuration(MAX_RECORDED_SECONDS);
      return {
        title: msg(str`Session ended: it reached the ${limit} limit.`),
        help: msg('Everything recorded was saved. Start a new session to go on recording.'),
      };
    }
    case 'storage-full':
      return {
        title: msg('Session ended: the device storage is full.'),
        help: msg(
          'Every recorded second was saved. Before the next session, export and delete old sessions; Settings shows what takes room under “Storage on this device”.',
        ),
      };
  }
}

/** A stopped recording whose last seconds are still only on this screen. */
export function unsavedMessage(state: { pending: number; error: StorageError }): { title: string; help: string } {
  const pending = countText(state.pending, {
    one: (n) => msg(str`${n} second`, { id: 'count-second-one' }),
    other: (n) => msg(str`${n} seconds`, { id: 'count-second-other' }),
  });
  if (state.error.reason === 'quota-exceeded')
    return {
      title: msg('Recording stopped: the device storage is full.'),
      help: msg(
        str`Not saved yet: ${pending}. They are kept in this tab: do not close or reload it. Export and delete old sessions (Settings shows what takes room under “Storage on this device”); they are saved as soon as there is room, and the session is then closed.`,
      ),
    };
  return {
    title: msg('Recording stopped, but its last seconds are not saved yet.'),
    help: msg(
      str`Not saved yet: ${pending}. They are kept in this tab and saving is tried again every few seconds: do not close or reload it.`,
    ),
  };
}
