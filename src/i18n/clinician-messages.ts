import { msg, str } from '@lit/localize';
import { WrongSecretError } from '../storage/index.js';
import type { RotationStep } from '../controllers/clinicians.js';

/** What the Clinicians part of Settings says while a clinician is removed and the key is replaced. */
export function rotationText(step: RotationStep): string {
  switch (step.step) {
    case 'key':
      return msg('Making a new clinic key…');
    case 'share':
      return msg(str`Giving the new key to the clinicians who stay: ${step.done} of ${step.total}`);
    case 'done':
      return msg('Done. New records are locked with the new clinic key.');
  }
}

export function clinicianErrorMessage(error: unknown): string {
  if (error instanceof WrongSecretError)
    return msg('That is not your passphrase on this device. Check it and try again.');
  return msg('That did not work, and nothing was changed. Check that sync is on and try again.');
}

/** A clinician whose name is sealed under a clinic key this device does not hold. */
export function unnamedClinician(): string {
  return msg('A clinician (name not readable on this device)');
}
