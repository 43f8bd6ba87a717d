import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/fresh-database';
import { database } from '../../src/storage/database';
import { createPatient, deletePatient, editPatient, getPatient, listPatients } from '../../src/storage/patients';
import {
  addMarker,
  appendSamples,
  getSamples,
  listMarkers,
  listSessions,
  startSession,
} from '../../src/storage/sessions';
import { exportPatientData, serializeExport } from '../../src/storage/export';
import { importExport, parseExport } from '../../src/storage/import';
import { forgetVault, lockVault, setUpVault, unlockVault, vaultStatus } from '../../src/storage/vault';
import { KDF_FLOOR } from '../../src/storage/vault-kdf';
import { fakeSeconds } from '../support/fake-session';

beforeEach(freshDatabase);

const cost = KDF_FLOOR;

async function rawRows(): Promise<string> {
  const db = await database();
  const rows = await Promise.all((['patients', 'sessions', 'samples', 'markers'] as const).map((s) => db.getAll(s)));
  return JSON.stringify(rows, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v));
}

async function recordPatient() {
  const patient = await createPatient({ code: 'P-KNOWN77', name: 'Rosa Knownname', notes: 'sleeps badly' });
  const session = await startSession(patient.id);
  await appendSamples(session.id, fakeSeconds(5, 3));
  await addMarker(session.id, 2000, 'talked about mother');
  return { patient, session };
}

describe('records with encryption on', { timeout: 60_000 }, () => {
  it('stores envelopes only, and reads them back through the same functions', async () => {
    await setUpVault('a long passphrase', { cost });
    const { patient, session } = await recordPatient();
    const raw = await rawRows();
    for (const secret of ['P-KNOWN77', 'Knownname', 'sleeps badly', 'talked about mother', 'probabilities'])
      expect(raw).not.toContain(secret);
    expect(await getPatient(patient.id)).toEqual(patient);
    expect((await getSamples(session.id)).map((s) => s.second)).toEqual([0, 1, 2, 3, 4]);
    expect((await listMarkers(session.id))[0]?.label).toBe('talked about mother');
    expect((await editPatient(patient.id, { notes: 'better' })).notes).toBe('better');
    expect((await listPatients({ text: 'rosa' })).map((p) => p.id)).toEqual([patient.id]);
  });

  it('refuses every read and write while locked, and opens again with the passphrase', async () => {
    await setUpVault('a long passphrase', { cost });
    const { patient, session } = await recordPatient();
    lockVault();
    expect(await vaultStatus()).toBe('locked');
    await expect(getPatient(patient.id)).rejects.toMatchObject({ reason: 'locked' });
    await expect(listSessions(patient.id)).rejects.toMatchObject({ reason: 'locked' });
    await expect(createPatient({ code: 'P-NEW' })).rejects.toMatchObject({ reason: 'locked' });
    await expect(unlockVault('a wrong passphrase')).rejects.toMatchObject({ name: 'WrongSecretError' });
    await unlockVault('a long passphrase');
    expect(await getSamples(session.id)).toHaveLength(5);
  });

  it('stays locked after a restart (the key lives in memory only)', async () => {
    await setUpVault('a long passphrase', { cost });
    const { patient } = await recordPatient();
    forgetVault();
    expect(await vaultStatus()).toBe('locked');
    await expect(getPatient(patient.id)).rejects.toMatchObject({ reason: 'locked' });
  });

  it('refuses a sealed record moved onto another record', async () => {
    await setUpVault('a long passphrase', { cost });
    const a = await createPatient({ code: 'P-A' });
    const b = await createPatient({ code: 'P-B' });
    const db = await database();
    const sealedA = await db.get('patients', a.id);
    await db.put('patients', { ...sealedA!, id: b.id });
    await expect(getPatient(b.id)).rejects.toMatchObject({ reason: 'corrupt' });
  });

  it('seals existing plaintext records when turned on, with nothing lost', async () => {
    const { patient, session } = await recordPatient();
    const before = serializeExport(await exportPatientData(patient.id, 0));
    await setUpVault('a long passphrase', { cost });
    expect(await rawRows()).not.toContain('Knownname');
    expect(serializeExport(await exportPatientData(patient.id, 0))).toBe(before);
    await appendSamples(session.id, fakeSeconds(1, 9));
    expect(await getSamples(session.id)).toHaveLength(6);
  });

  /** Import accepts export times from 2020 to now only. */
  const EXPORTED_AT = Date.parse('2026-11-20T10:00:00.000Z');

  it('imports a file into sealed records, all or nothing', async () => {
    const { patient } = await recordPatient();
    const file = parseExport(serializeExport(await exportPatientData(patient.id, EXPORTED_AT)));
    await freshDatabase();
    await setUpVault('a long passphrase', { cost });
    expect(await importExport(file)).toMatchObject({ patientsAdded: 1, sessionsAdded: 1 });
    expect(await rawRows()).not.toContain('talked about mother');
    expect(serializeExport(await exportPatientData(patient.id, EXPORTED_AT))).toBe(serializeExport(file));
  });

  it('deletes a patient with every record of theirs in one transaction', async () => {
    await setUpVault('a long passphrase', { cost });
    const { patient } = await recordPatient();
    const other = await recordPatient();
    await deletePatient(patient.id);
    const db = await database();
    expect(await db.count('patients')).toBe(1);
    // The other patient's 5 seconds: one minute block.
    expect(await db.count('samples')).toBe(1);
    expect(await getSamples(other.session.id)).toHaveLength(5);
    expect(await db.count('markers')).toBe(1);
    expect((await listSessions(other.patient.id)).length).toBe(1);
  });
});
