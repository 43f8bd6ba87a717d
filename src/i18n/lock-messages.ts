import { msg, str } from '@lit/localize';
import { StorageError, WrongSecretError } from '../storage/index.js';
import { storageErrorMessage } from './storage-messages.js';
import { countText } from './plural.js';
import { formatDate } from './format.js';

/** The shortest passphrase accepted; Argon2id slows guessing, it cannot make "1234" safe. */
export const MIN_PASSPHRASE = 10;

/** What a clinician reads when unlocking or changing the passphrase fails. */
/** `changedElsewhereAt`: when another of the clinician's devices last gave this one a new passphrase. */
export function unlockErrorMessage(error: unknown, changedElsewhereAt: number | null = null): string {
  if (error instanceof WrongSecretError && changedElsewhereAt !== null)
    return msg(
      str`That passphrase does not open the records. Your passphrase was changed on another of your devices on ${formatDate(changedElsewhereAt)}: type the new one, or use your recovery key.`,
    );
  if (error instanceof WrongSecretError)
    return msg('That passphrase or recovery key does not open the records. Check it and try again.');
  if (error instanceof StorageError) return storageErrorMessage(error);
  return msg('The records could not be opened. Try again.');
}

function characterCount(count: number): string {
  return countText(count, {
    one: (n) => msg(str`${n} character`, { id: 'count-character-one' }),
    other: (n) => msg(str`${n} characters`, { id: 'count-character-other' }),
  });
}

/** Null when the new passphrase can be used, else why not. */
export function newPassphraseProblem(passphrase: string, repeat: string): string | null {
  if (passphrase.length < MIN_PASSPHRASE)
    return msg(str`Use at least ${characterCount(MIN_PASSPHRASE)}; a short sentence is easy to remember.`);
  if (passphrase !== repeat) return msg('The two passphrases are not the same.');
  return null;
}

/** The new passphrase of a form with `<resmo-new-passphrase>`, and why it cannot be used (null when it can). */
export function readNewPassphrase(data: FormData, name = 'passphrase'): { passphrase: string; problem: string | null } {
  const passphrase = String(data.get(name) ?? '');
  return { passphrase, problem: newPassphraseProblem(passphrase, String(data.get('repeat') ?? '')) };
}
