import {
  WrongSecretError,
  joinAsClinician,
  joinVault,
  openText,
  sealText,
  vaultEvents,
  vaultStatus,
} from '../storage/index.js';
import { clinicRingOf, type ClinicianDoc, type GrantDoc } from '../sync/clinic-docs.js';
import { SyncProblemError, type SyncAccount, type SyncStatus } from '../sync/status.js';
import { fromBase64, fromKeyring, toBase64, type KeyringDoc } from '../sync/wire.js';
import type { SyncEngine } from '../sync/engine.js';
import { RECORDS_SYNCED } from './records-watch.js';

/** What Settings shows: sync off, waiting for the clinic passphrase, or on with the engine's status. */
export type SyncView =
  | { mode: 'off' }
  | { mode: 'join'; url: string; account: string }
  | { mode: 'on'; url: string; account: string; status: SyncStatus };

/** Why sync cannot be turned on before it even signs in. */
export class SyncSetupError extends Error {
  override readonly name = 'SyncSetupError';

  constructor(readonly reason: 'no-encryption' | 'other-key' | 'invalid-address') {
    super(`Sync set-up: ${reason}`);
  }
}

interface SavedSync {
  url: string;
  account: string;
  secret: { kid: string; iv: string; ct: string };
  lastSyncedAt: number | null;
}

const STORAGE_KEY = 'resmo-sync';
const SECRET_ID = 'sync-account';

/** Fires 'change' whenever `syncView()` would answer differently. */
export const syncEvents = new EventTarget();

let engine: SyncEngine | null = null;
let pendingJoin: { account: SyncAccount; keyrings: (KeyringDoc | ClinicianDoc | GrantDoc)[] } | null = null;
let current: SyncView = { mode: 'off' };

function saved(): SavedSync | null {
  const text = localStorage.getItem(STORAGE_KEY);
  return text ? (JSON.parse(text) as SavedSync) : null;
}

function show(view: SyncView): void {
  current = view;
  syncEvents.dispatchEvent(new Event('change'));
}

export function syncView(): SyncView {
  const stored = saved();
  if (current.mode === 'off' && stored) return { ...stored, mode: 'on', status: idleStatus(stored) };
  return current;
}

function idleStatus(stored: SavedSync): SyncStatus {
  return { state: 'connecting', lastSyncedAt: stored.lastSyncedAt, waiting: 0, problem: null, notesJoined: 0 };
}

/** The lazily loaded sync chunk (PouchDB and the bridge). */
function syncModule() {
  return import('../sync/index.js');
}

function checkAddress(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SyncSetupError('invalid-address');
  }
  const local = ['127.0.0.1', 'localhost'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(local && parsed.protocol === 'http:'))
    throw new SyncSetupError('invalid-address');
}

/**
 * Signs in and starts sync. On a device without encryption that joins a clinic, answers 'join':
 * the clinic passphrase is needed next (see joinClinic).
 */
export async function turnOnSync(account: SyncAccount): Promise<'on' | 'join'> {
  checkAddress(account.url);
  const sync = await syncModule();
  await sync.checkAccount(account);
  const vault = await vaultStatus();
  if (vault === 'off') {
    const keyrings = await sync.clinicKeyrings(account);
    if (!keyrings.some((doc) => doc.type === 'keyring')) throw new SyncSetupError('no-encryption');
    pendingJoin = { account, keyrings };
    show({ mode: 'join', url: account.url, account: account.account });
    return 'join';
  }
  await save(account, null);
  await start(account, null);
  return 'on';
}

/** Opens the clinic key with a clinician's passphrase (WrongSecretError if none opens), then syncs. */
export async function joinClinic(passphrase: string): Promise<void> {
  if (!pendingJoin) throw new SyncSetupError('no-encryption');
  const { account, keyrings } = pendingJoin;
  const ring = clinicRingOf(keyrings);
  // Names are sealed, so the device cannot ask who you are: it tries each clinician's keyring.
  const attempts = [
    ...ring.clinicians.map((k) => () => joinAsClinician(k, ring.grants, passphrase)),
    ...keyrings
      .filter((d): d is KeyringDoc => d.type === 'keyring' && d.v === 1)
      .map((d) => () => joinVault(fromKeyring(d), passphrase)),
  ];
  for (const attempt of attempts) {
    try {
      await attempt();
    } catch (error) {
      if (error instanceof WrongSecretError) continue;
      throw error;
    }
    pendingJoin = null;
    await save(account, null);
    await start(account, null);
    return;
  }
  throw new WrongSecretError('The passphrase does not open the clinic key.');
}

async function save(account: SyncAccount, lastSyncedAt: number | null): Promise<void> {
  const sealed = await sealText(SECRET_ID, account.password);
  const secret = { kid: sealed.kid, iv: toBase64(sealed.iv), ct: toBase64(sealed.ct) };
  const record: SavedSync = { url: account.url, account: account.account, secret, lastSyncedAt };
  localStorage.setItem(STORAGE_KEY, JSON.stringify(record));
}

async function start(account: SyncAccount, lastSyncedAt: number | null): Promise<void> {
  await stopEngine();
  const { SyncEngine } = await syncModule();
  const next = new SyncEngine(account, lastSyncedAt);
  engine = next;
  const publish = () => {
    show({ mode: 'on', url: account.url, account: account.account, status: next.status });
    const stored = saved();
    if (stored && next.status.lastSyncedAt !== stored.lastSyncedAt)
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...stored, lastSyncedAt: next.status.lastSyncedAt }));
  };
  next.addEventListener('status', publish);
  next.addEventListener('records', () => window.dispatchEvent(new Event(RECORDS_SYNCED)));
  publish();
  await next.start();
}

async function stopEngine(): Promise<void> {
  const running = engine;
  engine = null;
  await running?.stop();
}

/** Stops sync and forgets the account on this device; records stay here and on the server. */
export async function turnOffSync(): Promise<void> {
  pendingJoin = null;
  localStorage.removeItem(STORAGE_KEY);
  await stopEngine();
  show({ mode: 'off' });
}

/** The running sync engine (its outbox holds the clinic's keyrings), or null while sync is off or locked. */
export function runningEngine(): SyncEngine | null {
  return engine;
}

export function syncNow(): void {
  void engine?.syncNow();
}

/** Starts sync whenever the records are unlocked (if it is on), and stops it when they lock. */
export function watchSync(): void {
  const react = async () => {
    const stored = saved();
    if (!stored) return;
    if ((await vaultStatus()) !== 'unlocked') return void stopEngine();
    if (engine) return;
    const secret = { kid: stored.secret.kid, iv: fromBase64(stored.secret.iv), ct: fromBase64(stored.secret.ct) };
    const account = { url: stored.url, account: stored.account, password: await openText(SECRET_ID, secret) };
    await start(account, stored.lastSyncedAt).catch((error: unknown) => {
      if (!(error instanceof SyncProblemError)) console.warn('Sync did not start', error);
    });
  };
  vaultEvents.addEventListener('change', () => void react());
  void react();
}
