import {
  addClinician,
  becomeClinician,
  myClinician,
  nameOf,
  rotateClinicKey,
  type NewClinician,
  type RecoveryLanguage,
} from '../storage/index.js';
import { runningEngine, syncEvents } from './sync-runner.js';

/** One clinician of the clinic as Settings lists them (the name opens on devices of the clinic only). */
export interface ClinicianRow {
  id: string;
  name: string | null;
  me: boolean;
}

export interface ClinicianList {
  /** False while this device still opens the records with the clinic's one shared passphrase. */
  haveOwnKeys: boolean;
  rows: ClinicianRow[];
}

/** Where removing a clinician is: making the new clinic key, then giving it to each remaining clinician. */
export type RotationStep = { step: 'key' } | { step: 'share'; done: number; total: number } | { step: 'done' };

function syncModule() {
  return import('../sync/index.js');
}

function outbox() {
  const engine = runningEngine();
  if (!engine) throw new Error('Sync is not running.');
  return engine.outbox;
}

function changed(): void {
  syncEvents.dispatchEvent(new Event('change'));
}

export async function listClinicians(): Promise<ClinicianList> {
  const me = await myClinician();
  const ring = await (await syncModule()).readRing(outbox());
  const rows = await Promise.all(
    ring.clinicians.map(async (k) => ({ id: k.clinician, name: await nameOf(k), me: k.clinician === me })),
  );
  rows.sort((a, b) => Number(b.me) - Number(a.me) || (a.name ?? '').localeCompare(b.name ?? ''));
  return { haveOwnKeys: me !== null, rows };
}

async function share(made: NewClinician): Promise<string> {
  const sync = await syncModule();
  await sync.putDocs(outbox(), [sync.toClinicianDoc(made.keyring), ...sync.grantDocs(made.grants)]);
  changed();
  return made.recovery;
}

/** Gives the person at this device their own keyring; returns their new recovery words. */
export async function setUpMyKeys(name: string, passphrase: string, language: RecoveryLanguage): Promise<string> {
  return share(await becomeClinician(name, passphrase, { language }));
}

/** Adds a clinician who types their own passphrase here; returns their recovery words. */
export async function addClinicianHere(
  name: string,
  theirPassphrase: string,
  myPassphrase: string,
  language: RecoveryLanguage,
): Promise<string> {
  return share(await addClinician(name, theirPassphrase, myPassphrase, { language }));
}

/**
 * Removes a clinician's keyring and moves the clinic to a new key for new records, given to
 * everyone else. Their server account must be revoked by whoever runs the server (docs/sync.md).
 */
export async function removeClinician(id: string, onProgress: (step: RotationStep) => void): Promise<void> {
  const sync = await syncModule();
  const local = outbox();
  const ring = await sync.readRing(local);
  onProgress({ step: 'key' });
  const remaining = ring.clinicians.filter((k) => k.clinician !== id);
  const grants = await rotateClinicKey(remaining, (done, total) => onProgress({ step: 'share', done, total }));
  await sync.putDocs(local, sync.grantDocs(grants));
  const theirs = ring.grants.filter((g) => g.clinician === id).map((g) => `grant:${id}:${g.kid}`);
  await sync.removeDocs(local, [`keyring:${id}`, ...theirs]);
  onProgress({ step: 'done' });
  changed();
}
