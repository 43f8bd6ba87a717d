import { openClinician, openGrants, type DataKey, type Proof } from './clinic-keys.js';
import type { StoredMeta } from './clinic-types.js';
import { WrongSecretError, unlockWithPassphrase, unlockWithRecovery } from './vault-keys.js';

export type { ClinicianMeta, StoredMeta } from './clinic-types.js';

/** The keys in memory while unlocked: every data key by kid, and (for a clinician) their private key. */
export interface Opened {
  keys: Map<string, CryptoKey>;
  privateKey: CryptoKey | null;
}

export function newestKid(keys: readonly DataKey[]): string {
  const last = keys.reduce<DataKey | undefined>((a, k) => (a && a.n >= k.n ? a : k), undefined);
  if (!last) throw new WrongSecretError('No clinic key was given to this clinician.');
  return last.kid;
}

/** Opens the keys with the passphrase or the recovery words (WrongSecretError when they do not). */
export async function openStored(
  meta: StoredMeta,
  proof: Proof,
  extractable = false,
): Promise<Opened & { all: DataKey[] }> {
  if (meta.v === 1) {
    const key =
      'passphrase' in proof
        ? await unlockWithPassphrase(meta, proof.passphrase, extractable)
        : await unlockWithRecovery(meta, proof.recovery, extractable);
    return { keys: new Map([[meta.kid, key]]), privateKey: null, all: [{ kid: meta.kid, n: 0, key }] };
  }
  const privateKey = await openClinician(meta.keyring, proof);
  const all = await openGrants(meta.keyring.clinician, meta.grants, privateKey, extractable);
  if (all.length === 0) throw new WrongSecretError('No clinic key was given to this clinician.');
  return { keys: new Map(all.map((k) => [k.kid, k.key])), privateKey, all };
}
