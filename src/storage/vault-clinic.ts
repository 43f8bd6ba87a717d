import {
  clinicianName,
  createClinician,
  grantKey,
  newDataKey,
  openGrant,
  type ClinicianKeyring,
  type KeyGrant,
  type NewClinician,
} from './clinic-keys.js';
import type { ClinicianMeta } from './clinic-types.js';
import { StorageError } from './errors.js';
import type { RecoveryLanguage } from './recovery-words.js';
import { adoptKeys, currentKey, keyOf, storeKeyring, vaultMeta } from './vault.js';
import { newestKid, openStored } from './vault-open.js';

export type { ClinicianKeyring, KeyGrant, NewClinician } from './clinic-keys.js';

type Cost = { m: number; t: number; p: number };

async function unlockedNow() {
  const state = await currentKey();
  if (!state) throw new StorageError('not-found', 'Encryption is not set up.');
  return state;
}

/** The clinician this device opens the records as; null while the clinic still shares one passphrase. */
export async function myClinician(): Promise<string | null> {
  const meta = await vaultMeta();
  return meta?.v === 2 ? meta.keyring.clinician : null;
}

/**
 * Makes the person at this device a clinician with their own keyring (the keys that open the
 * clinic's records today are given to them). On a device that still opens with the clinic's
 * shared passphrase this is the upgrade: that passphrase becomes theirs.
 */
export async function becomeClinician(
  name: string,
  passphrase: string,
  options: { cost?: Cost; language?: RecoveryLanguage } = {},
): Promise<NewClinician> {
  const state = await unlockedNow();
  if (state.meta.v === 2) throw new StorageError('invalid-input', 'This device already has a clinician.');
  const held = await openStored(state.meta, { passphrase }, true);
  const made = await createClinician(name, passphrase, held.all, options);
  await adoptAs(made, passphrase, state.meta.migrated);
  return made;
}

async function adoptAs(made: Pick<NewClinician, 'keyring' | 'grants'>, passphrase: string, migrated: boolean) {
  const meta: ClinicianMeta = {
    v: 2,
    kid: '',
    keyring: made.keyring,
    grants: made.grants,
    migrated,
    createdAt: Date.now(),
  };
  const opened = await openStored(meta, { passphrase });
  await adoptKeys({ ...meta, kid: newestKid(opened.all) }, opened);
}

/** A new device joins the clinic as this clinician: their own passphrase opens their keyring. */
export async function joinAsClinician(keyring: ClinicianKeyring, grants: readonly KeyGrant[], passphrase: string) {
  if (await vaultMeta()) throw new StorageError('invalid-input', 'Encryption is already set up.');
  const mine = grants.filter((g) => g.clinician === keyring.clinician);
  await adoptAs({ keyring, grants: mine }, passphrase, false);
}

/**
 * Adds a clinician from this (unlocked) device: they type their own passphrase here; every clinic
 * key this clinician holds is given to them. `myPassphrase` proves the person at the device.
 */
export async function addClinician(
  name: string,
  theirPassphrase: string,
  myPassphrase: string,
  options: { cost?: Cost; language?: RecoveryLanguage } = {},
): Promise<NewClinician> {
  const state = await unlockedNow();
  if (state.meta.v !== 2) throw new StorageError('invalid-input', 'Set up your own keys first.');
  const held = await openStored(state.meta, { passphrase: myPassphrase }, true);
  return createClinician(name, theirPassphrase, held.all, options);
}

/**
 * A new clinic key for new records, given to each remaining clinician through their public key
 * (no passphrase needed). This device starts sealing with it at once; returns the grants to share.
 */
export async function rotateClinicKey(
  remaining: readonly ClinicianKeyring[],
  onProgress?: (done: number, total: number) => void,
): Promise<KeyGrant[]> {
  const state = await unlockedNow();
  const meta = state.meta;
  if (meta.v !== 2) throw new StorageError('invalid-input', 'Set up your own keys first.');
  const me = meta.keyring.clinician;
  const others = remaining.filter((k) => k.clinician !== me);
  const next = await newDataKey(Math.max(...meta.grants.map((g) => g.n)) + 1);
  const grants: KeyGrant[] = [];
  for (const keyring of [meta.keyring, ...others]) {
    grants.push(await grantKey(next, keyring));
    onProgress?.(grants.length, others.length + 1);
  }
  await acceptGrants(grants);
  return grants;
}

/**
 * Takes in clinic keys given to this device's clinician (a rotation made on another device):
 * each opens with the private key in memory; the newest becomes the key for new records.
 * Returns how many were new.
 */
export async function acceptGrants(grants: readonly KeyGrant[]): Promise<number> {
  const state = await currentKey();
  const meta = state?.meta;
  if (!state || meta?.v !== 2 || !state.privateKey) return 0;
  const fresh = grants.filter((g) => g.clinician === meta.keyring.clinician && !state.keys.has(g.kid));
  if (fresh.length === 0) return 0;
  const opened = await Promise.all(fresh.map((g) => openGrant(g, state.privateKey as CryptoKey)));
  const all = [...meta.grants, ...fresh];
  const keys = new Map(state.keys);
  for (const k of opened) keys.set(k.kid, k.key);
  const kid = all.reduce((a, g) => (g.n > a.n ? g : a)).kid;
  await adoptKeys({ ...meta, grants: all, kid }, { keys, privateKey: state.privateKey });
  return fresh.length;
}

/** A clinician's display name, or null when this device does not hold the key it is sealed under. */
export async function nameOf(keyring: ClinicianKeyring): Promise<string | null> {
  const state = await currentKey();
  const key = state && keyOf(state, keyring.name.kid);
  return key ? clinicianName(keyring, key).catch(() => null) : null;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Takes in this clinician's keyring as changed on another of their devices (a new passphrase
 * there): the same key pair, its clinician key wrapped anew, so the next unlock here asks for
 * the new passphrase. Anything else (another clinician, another key pair, other recovery words)
 * changes nothing: false.
 */
export async function adoptKeyring(keyring: ClinicianKeyring): Promise<boolean> {
  const meta = await vaultMeta();
  if (meta?.v !== 2) return false;
  const mine = meta.keyring;
  const same =
    keyring.clinician === mine.clinician &&
    sameBytes(keyring.publicKey, mine.publicKey) &&
    sameBytes(keyring.privateKey.ct, mine.privateKey.ct) &&
    // The recovery words keep opening it, whatever the server sends.
    sameBytes(keyring.recovery.wrapped, mine.recovery.wrapped);
  if (!same) return false;
  await storeKeyring(keyring);
  return true;
}
