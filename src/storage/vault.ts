import { database } from './database.js';
import { StorageError } from './errors.js';
import { migrateToEnvelopes } from './vault-migrate.js';
import {
  changePassphrase,
  createVault,
  unlockWithPassphrase,
  unlockWithRecovery,
  type VaultMeta,
} from './vault-keys.js';
import type { RecoveryLanguage } from './recovery-words.js';

/** 'off': records are stored as they are (encryption never set up on this device). */
export type VaultStatus = 'off' | 'locked' | 'unlocked';

interface Unlocked {
  key: CryptoKey;
  meta: VaultMeta;
}

/** The only place the data key lives: memory, for as long as the vault is unlocked. */
let unlocked: Unlocked | null = null;
let meta: Promise<VaultMeta | undefined> | undefined;
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

function loadMeta(): Promise<VaultMeta | undefined> {
  meta ??= database()
    .then((db) => db.get('vault', 'meta'))
    .catch((error: unknown) => {
      meta = undefined;
      throw error;
    });
  return meta;
}

async function saveMeta(next: VaultMeta): Promise<void> {
  await (await database()).put('vault', next, 'meta');
  meta = Promise.resolve(next);
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
  unlocked = { key: created.dataKey, meta: created.meta };
  channel?.postMessage('changed');
  try {
    await finishMigration(unlocked, options.onProgress);
  } finally {
    changed();
  }
  return created.recovery;
}

async function unlockWith(open: (meta: VaultMeta) => Promise<CryptoKey>, onProgress?: (n: number) => void) {
  const current = await loadMeta();
  if (!current) throw new StorageError('not-found', 'Encryption is not set up.');
  const state = { key: await open(current), meta: current };
  unlocked = state;
  lockWaiting = false;
  // The app opens once the records are all sealed; until then the lock screen shows progress.
  try {
    await finishMigration(state, onProgress);
  } finally {
    changed();
  }
}

/** Throws WrongSecretError for a wrong passphrase. */
export function unlockVault(passphrase: string, onProgress?: (sealed: number) => void): Promise<void> {
  return unlockWith((m) => unlockWithPassphrase(m, passphrase), onProgress);
}

export function unlockVaultWithRecovery(words: string, onProgress?: (sealed: number) => void): Promise<void> {
  return unlockWith((m) => unlockWithRecovery(m, words), onProgress);
}

/** Drops the key here and in every other tab of the app. */
export function lockVault(): void {
  channel?.postMessage('lock');
  requestDrop();
}

/** Re-wraps the data key under a new passphrase; proof is the current passphrase or the recovery words. */
export async function changeVaultPassphrase(
  proof: { passphrase: string } | { recovery: string },
  next: string,
): Promise<void> {
  const current = await loadMeta();
  if (!current) throw new StorageError('not-found', 'Encryption is not set up.');
  await saveMeta(await changePassphrase(current, proof, next));
  if (unlocked) unlocked = { ...unlocked, meta: (await loadMeta()) ?? current };
}

/** For tests that swap the database: forget the key and the cached meta without telling other tabs. */
export function forgetVault(): void {
  meta = undefined;
  unlocked = null;
  holds = 0;
  lockWaiting = false;
}
