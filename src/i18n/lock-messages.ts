import { msg, str } from '@lit/localize';
import { StorageError, WrongSecretError } from '../storage/index.js';
import { storageErrorMessage } from './storage-messages.js';

/** The shortest passphrase accepted; Argon2id slows guessing, it cannot make "1234" safe. */
export const MIN_PASSPHRASE = 10;

/** What a clinician reads when unlocking or changing the passphrase fails. */
export function unlockErrorMessage(error: unknown): string {
  if (error instanceof WrongSecretError)
    return msg('That passphrase or recovery key does not open the records. Check it and try again.');
  if (error instanceof StorageError) return storageErrorMessage(error);
  return msg('The records could not be opened. Try again.');
}

/** Null when the new passphrase can be used, else why not. */
export function newPassphraseProblem(passphrase: string, repeat: string): string | null {
  if (passphrase.length < MIN_PASSPHRASE)
    return msg(str`Use at least ${MIN_PASSPHRASE} characters; a short sentence is easy to remember.`);
  if (passphrase !== repeat) return msg('The two passphrases are not the same.');
  return null;
}

/** The new passphrase of a form with `<resmo-new-passphrase>`, and why it cannot be used (null when it can). */
export function readNewPassphrase(data: FormData, name = 'passphrase'): { passphrase: string; problem: string | null } {
  const passphrase = String(data.get(name) ?? '');
  return { passphrase, problem: newPassphraseProblem(passphrase, String(data.get('repeat') ?? '')) };
}
