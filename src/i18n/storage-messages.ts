import { msg } from '@lit/localize';
import { ImportError, StorageError } from '../storage/index.js';

/** What a clinician reads when saving fails; never the raw DOMException text. */
export function storageErrorMessage(error: unknown): string {
  if (!(error instanceof StorageError)) return msg('Something went wrong while saving. Try again.');
  switch (error.reason) {
    case 'not-found':
      return msg('This record no longer exists on this device.');
    case 'invalid-input':
      return msg('Some fields are not valid. Use plain text without < or > signs next to letters, and a real date.');
    case 'in-use':
      return msg('This session is already being recorded, here or in another tab.');
    case 'quota-exceeded':
      return msg('The device storage is full. Export and delete old sessions, then try again.');
    case 'unavailable':
      return msg('The browser’s storage is not available (private browsing can block it).');
    case 'stuck':
      // The same sentences as the full message (src/components/ui/resmo-database-unavailable.ts).
      return `${msg('The records on this device cannot be opened right now')}. ${msg('Close the browser completely (every window), or close the Resmo app.')}`;
    case 'locked':
      return msg('The records are locked. Unlock them with your passphrase, then try again.');
    case 'corrupt':
      return msg('A record on this device is damaged or was changed outside Resmo, so it cannot be opened.');
  }
}

/** Why a file was not imported; nothing was changed in any of these cases. */
export function importErrorMessage(error: unknown): string {
  if (!(error instanceof ImportError)) return msg('The file could not be read. Nothing was imported.');
  switch (error.reason) {
    case 'too-large':
      return msg('The file is too large to be a Resmo export. Nothing was imported.');
    case 'not-json':
      return msg('The file is not valid JSON, or it is incomplete. Nothing was imported.');
    case 'not-resmo':
      return msg('The file is not a Resmo export. Nothing was imported.');
    case 'future-version':
      return msg(
        'The file comes from a newer version of Resmo. Update the app, then import it again. Nothing was imported.',
      );
    case 'invalid':
      return msg('The file contains invalid or unsafe data. Nothing was imported.');
    case 'conflict':
      return msg('The file clashes with records already on this device. Nothing was imported.');
    case 'storage':
      return msg('The data could not be saved on this device. Nothing was imported.');
    case 'patient-clash':
      return msg('A patient in the file uses the record of a different patient on this device. Nothing was imported.');
    case 'cancelled':
      return msg('Import cancelled. Nothing was imported.');
    case 'sealed':
      return msg('This file is sealed. Enter the passphrase it was sealed with.');
    case 'wrong-passphrase':
      return msg('That passphrase does not open this file. Check it with whoever sent it. Nothing was imported.');
  }
}
