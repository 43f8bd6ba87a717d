import { msg, str } from '@lit/localize';
import { countText } from './plural.js';
import { WrongSecretError } from '../storage/index.js';
import { SyncSetupError } from '../controllers/sync-runner.js';
import { SyncProblemError, type SyncProblem, type SyncStatus } from '../sync/status.js';

/** What a clinician reads when sync cannot go on; each says what stays safe and what to do. */
export function syncProblemMessage(problem: SyncProblem): string {
  switch (problem) {
    case 'unauthorized':
      return msg(
        'The server did not accept this account name and password. Check them, or ask the clinic whether this account still has access. Nothing on this device was changed.',
      );
    case 'forbidden':
      return msg(
        "This account may not use the clinic's records on this server. Ask the clinic to add it. Nothing on this device was changed.",
      );
    case 'not-found':
      return msg('There are no clinic records at this address. Check the server address you were given.');
    case 'unreachable':
      return msg(
        'The server cannot be reached right now. Records stay safe on this device and go out by themselves when it is back.',
      );
    case 'other-key':
      return msg(
        'The server holds records locked with another clinic key. This device keeps its own records; ask the clinic which server to use.',
      );
    case 'own-keys-needed':
      return msg(
        "The clinic now gives each clinician their own keys, and new records are locked with a clinic key that this device cannot receive: it still opens with the clinic's shared passphrase. Records already here stay here. Ask a colleague to add you under Clinicians, then have this device set up again with your own account and passphrase.",
      );
    case 'failed':
      return msg('Sync stopped because of a problem with a record. Records on this device are unchanged.');
  }
}

export function syncErrorMessage(error: unknown): string {
  if (error instanceof SyncProblemError) return syncProblemMessage(error.problem);
  if (error instanceof WrongSecretError)
    return msg("That passphrase does not open the clinic's records. Check it and try again.");
  if (error instanceof SyncSetupError) {
    switch (error.reason) {
      case 'no-encryption':
        return msg(
          'Turn on encryption first (in Privacy, above). The server only ever receives records locked with your passphrase.',
        );
      case 'other-key':
        return msg('This device already keeps records locked with another key.');
      case 'invalid-address':
        return msg('Enter the full server address, starting with https://.');
    }
  }
  return msg('Sync could not start. Check the details and try again.');
}

export function syncStateText(status: SyncStatus): string {
  switch (status.state) {
    case 'connecting':
      return msg('Connecting…');
    case 'syncing':
      return msg('Syncing…');
    case 'idle':
      return msg('Up to date.');
    case 'offline':
      return msg('Offline: waiting for the network.');
    case 'problem':
      return msg('Stopped.');
  }
}

export function lastSyncedText(at: number | null): string {
  if (at === null) return msg('Not synced yet.');
  const when = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(at);
  return msg(str`Last synced: ${when}`);
}

export function waitingText(waiting: number): string {
  if (waiting === 0) return msg('Nothing waiting to sync.');
  return countText(waiting, {
    one: (n) => msg(str`Waiting to sync: ${n} record.`, { id: 'count-sync-waiting-one' }),
    other: (n) => msg(str`Waiting to sync: ${n} records.`, { id: 'count-sync-waiting-other' }),
  });
}

/** Notes written on two devices before they synced: both texts were kept, one after the other. */
export function notesJoinedText(count: number): string {
  return countText(count, {
    one: (n) =>
      msg(
        str`Notes were changed on two devices before they synced (${n} record). Both texts were kept, one after the other: please read them and tidy them up.`,
        { id: 'count-sync-notes-joined-one' },
      ),
    other: (n) =>
      msg(
        str`Notes were changed on two devices before they synced (${n} records). Both texts were kept, one after the other: please read them and tidy them up.`,
        { id: 'count-sync-notes-joined-other' },
      ),
  });
}
