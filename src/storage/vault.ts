import { database } from './database.js';
import { StorageError } from './errors.js';
import { migrateToEnvelopes } from './vault-migrate.js';
import { changePassphrase, createVault, unlockWithPassphrase, type VaultMeta } from './vault-keys.js';
import type { RecoveryLanguage } from './recovery-words.js';
import { rewrapClinician as rewrap, type ClinicianKeyring, type Proof } from './clinic-keys.js';
import { openStored, type Opened, type StoredMeta } from './vault-open.js';

/** 'off': records are stored as they are (encryption never set up on this device). */
export type VaultStatus = 'off' | 'locked' | 'unlocked';

interface Unlocked extends Opened {
  /** The newest data key (meta.kid): new records are sealed with it. */
  key: CryptoKey;
  meta: StoredMeta;
}

/** The only place the data key lives: memory, for as long as the vault is unlocked. */
let unlocked: Unlocked | null = null;
let meta: Promise<StoredMeta | undefined> | undefined;
/** Holders that need the key until they finish (a recording); a lock waits for them. */
let holds = 0;
let lockWaiting = false;

/** Fires 'change' when the vault locks, unlocks or is set up (here or in another tab). */
export const vaultEvents = new EventTarget();

const CHANNEL = 'resmo-vault';
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (event.data === 'lock') requestDrop();
  if (event.data === 'changed') {
    meta = undefined;
    requestDrop();
  }
});

function changed(): void {
  vaultEvents.dispatchEvent(new Event('change'));
}

function dropKey(): void {
  unlocked = null;
  lockWaiting = false;
  changed();
}

/** Drops the key now, or once the last holder lets go. */
function requestDrop(): void {
  if (holds > 0 && unlocked) {
    lockWaiting = true;
    changed();
  } else dropKey();
}

/**
 * Keeps the key through lock requests until the returned release is called: a recording must
 * never stop because of a lock, so the screen is covered and the key is dropped when it ends.
 */
export function holdVault(): () => void {
  holds++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holds--;
    if (holds === 0 && lockWaiting) dropKey();
  };
}

/** True while a lock was asked for but waits for a holder: the app covers the screen meanwhile. */
export function lockIsWaiting(): boolean {
  return lockWaiting && unlocked !== null;
}

function loadMeta(): Promise<StoredMeta | undefined> {
  meta ??= database()
    .then((db) => db.get('vault', 'meta'))
    .catch((error: unknown) => {
      meta = undefined;
      throw error;
    });
  return meta;
}

/** Saves `next`; with `held`, while unlocked, it also becomes the meta of the keys in memory. */
async function saveMeta(next: StoredMeta, held = false): Promise<void> {
  await (await database()).put('vault', next, 'meta');
  meta = Promise.resolve(next);
  if (held && unlocked) unlocked = { ...unlocked, meta: next };
}

export async function vaultStatus(): Promise<VaultStatus> {
  if (unlocked) return 'unlocked';
  return (await loadMeta()) ? 'locked' : 'off';
}

/** What the record codec needs: null when encryption is off; throws 'locked' when it is on and locked. */
export async function currentKey(): Promise<Unlocked | null> {
  if (unlocked) return unlocked;
  if (!(await loadMeta())) return null;
  throw new StorageError('locked', 'The records are locked.');
}

async function finishMigration(state: Unlocked, onProgress?: (sealed: number) => void): Promise<void> {
  if (state.meta.migrated) return;
  await migrateToEnvelopes(state.key, state.meta.kid, onProgress);
  const done = { ...state.meta, migrated: true };
  await saveMeta(done);
  if (unlocked === state) unlocked = { ...state, meta: done };
}

/**
 * Turns encryption on: creates the keys, stores only their wrapped form, then seals every
 * existing record. Returns the recovery words, to be shown once.
 */
export async function setUpVault(
  passphrase: string,
  options: {
    cost?: { m: number; t: number; p: number };
    onProgress?: (sealed: number) => void;
    /** The language the recovery words are shown in (the app's); words in either language open the vault. */
    language?: RecoveryLanguage;
  } = {},
): Promise<string> {
  if (await loadMeta()) throw new StorageError('invalid-input', 'Encryption is already set up.');
  const created = await createVault(passphrase, options.cost, Date.now(), options.language);
  // The meta goes first: a crash during the migration leaves a vault that finishes it on unlock.
  await saveMeta(created.meta);
  unlocked = {
    key: created.dataKey,
    meta: created.meta,
    keys: new Map([[created.meta.kid, created.dataKey]]),
    privateKey: null,
  };
  channel?.postMessage('changed');
  try {
    await finishMigration(unlocked, options.onProgress);
  } finally {
    changed();
  }
  return created.recovery;
}

function unlockedState(meta: StoredMeta, opened: Opened): Unlocked {
  const key = opened.keys.get(meta.kid);
  if (!key) throw new StorageError('corrupt', 'The newest clinic key is missing.');
  return { ...opened, key, meta };
}

async function unlockWith(proof: Proof, onProgress?: (n: number) => void) {
  const current = await loadMeta();
  if (!current) throw new StorageError('not-found', 'Encryption is not set up.');
  const state = unlockedState(current, await openStored(current, proof));
  unlocked = state;
  lockWaiting = false;
  // The app opens once the records are all sealed; until then the lock screen shows progress.
  try {
    await finishMigration(state, onProgress);
  } finally {
    changed();
  }
}

/** The stored keys (wrapped), for sharing with the clinic's other devices; undefined when off. */
export function vaultMeta(): Promise<StoredMeta | undefined> {
  return loadMeta();
}

/**
 * Takes the clinic's keys from another device: the passphrase must open them (else
 * WrongSecretError); records already here are then sealed under them.
 */
export async function joinVault(shared: VaultMeta, passphrase: string): Promise<void> {
  if (await loadMeta()) throw new StorageError('invalid-input', 'Encryption is already set up.');
  const key = await unlockWithPassphrase(shared, passphrase);
  await adoptKeys(
    { ...shared, migrated: false, createdAt: Date.now() },
    { keys: new Map([[shared.kid, key]]), privateKey: null },
  );
}

/**
 * Stores new keys for this device and holds them unlocked (a device joining the clinic, a
 * clinician set up, a new clinic key); records already here are sealed under the newest.
 */
export async function adoptKeys(next: StoredMeta, opened: Opened): Promise<void> {
  if (unlocked && unlocked.meta.migrated) next = { ...next, migrated: true };
  await saveMeta(next);
  unlocked = unlockedState(next, opened);
  channel?.postMessage('changed');
  try {
    await finishMigration(unlocked);
  } finally {
    changed();
  }
}

/** Throws WrongSecretError for a wrong passphrase. */
export function unlockVault(passphrase: string, onProgress?: (sealed: number) => void): Promise<void> {
  return unlockWith({ passphrase }, onProgress);
}

export function unlockVaultWithRecovery(words: string, onProgress?: (sealed: number) => void): Promise<void> {
  return unlockWith({ recovery: words }, onProgress);
}

/** Drops the key here and in every other tab of the app. */
export function lockVault(): void {
  channel?.postMessage('lock');
  requestDrop();
}

/** Re-wraps the data key under a new passphrase (proof: the passphrase or the recovery words). */
export async function changeVaultPassphrase(
  proof: { passphrase: string } | { recovery: string },
  next: string,
): Promise<void> {
  const current = await loadMeta();
  if (!current) throw new StorageError('not-found', 'Encryption is not set up.');
  const proved = 'passphrase' in proof ? proof : { recovery: proof.recovery };
  if (current.v === 1) return saveMeta(await changePassphrase(current, proof, next), true);
  const keyring = await rewrap(current.keyring, proved, next);
  await saveMeta({ ...current, keyring, passphraseChangedElsewhereAt: undefined }, true);
}

/** Stores this clinician's keyring as wrapped anew elsewhere; the keys in memory stay as they are. */
export async function storeKeyring(keyring: ClinicianKeyring): Promise<void> {
  const current = await loadMeta();
  if (current?.v !== 2) return;
  await saveMeta({ ...current, keyring, passphraseChangedElsewhereAt: Date.now() }, true);
}

/** The data key a record was sealed under, when this device holds it. */
export function keyOf(state: Unlocked, kid: string): CryptoKey | undefined {
  return state.keys.get(kid);
}

/** True when this device can open records sealed under `kid` (it is unlocked and holds that key). */
export function holdsKey(kid: string): boolean {
  return unlocked?.keys.has(kid) ?? false;
}

/** For tests that swap the database: forget the key and the cached meta without telling other tabs. */
export function forgetVault(): void {
  meta = undefined;
  unlocked = null;
  holds = 0;
  lockWaiting = false;
}
