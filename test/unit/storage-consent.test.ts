import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/fresh-database';
import { dumpDatabase, withoutEditTimes } from '../support/dump-database';
import { sampleExport } from '../support/sample-export';
import { recordConsent, withdrawConsent } from '../../src/storage/consent';
import { ImportError, importFile, parseExport } from '../../src/storage/import';
import { exportPatientData, serializeExport } from '../../src/storage/export';
import { createPatient, deletePatient, getPatient } from '../../src/storage/patients';
import { StorageError } from '../../src/storage/errors';
import { CONSENT_TEXT_VERSION, consentStands } from '../../src/shared/consent';
import { fromExport } from '../../src/fhir/from-export';
import { buildBundle } from '../../src/fhir/bundle';
import { parseBundle } from '../../src/fhir/parse';

beforeEach(freshDatabase);

const fileOf = (content: string): Blob => new Blob([content], { type: 'application/json' });
const NOW = Date.UTC(2026, 11, 1, 18, 30);

describe('consent', () => {
  it('records the date, the text version shown, verbal or written and a note; withdrawal keeps the record', async () => {
    const patient = await createPatient({ code: 'P-CONS' });
    expect((await getPatient(patient.id)).consent).toBeUndefined();
    await recordConsent(patient.id, { givenOn: '2026-12-01', form: 'written', note: 'signed copy in the file' }, NOW);
    const given = (await getPatient(patient.id)).consent;
    expect(given).toEqual({
      givenOn: '2026-12-01',
      textVersion: CONSENT_TEXT_VERSION,
      form: 'written',
      note: 'signed copy in the file',
      recordedAt: NOW,
    });
    expect(consentStands(given)).toBe(true);
    await withdrawConsent(patient.id, NOW + 1_000);
    const withdrawn = (await getPatient(patient.id)).consent;
    expect(withdrawn).toMatchObject({ givenOn: '2026-12-01', withdrawnAt: NOW + 1_000 });
    expect(consentStands(withdrawn)).toBe(false);
  });

  it('refuses a date in the future or before 2020, markup in the note, and withdrawing what was never given', async () => {
    const patient = await createPatient();
    const refused = (p: Promise<unknown>) => expect(p).rejects.toBeInstanceOf(StorageError);
    await refused(recordConsent(patient.id, { givenOn: '2099-01-01', form: 'verbal' }, NOW));
    await refused(recordConsent(patient.id, { givenOn: '2019-12-31', form: 'verbal' }, NOW));
    await refused(recordConsent(patient.id, { givenOn: '2026-02-30', form: 'verbal' }, NOW));
    await refused(recordConsent(patient.id, { givenOn: '2026-12-01', form: 'verbal', note: '<script>' }, NOW));
    await refused(withdrawConsent(patient.id, NOW));
    expect((await getPatient(patient.id)).consent).toBeUndefined();
  });

  it('travels in the export (version 3) and comes back on import, withdrawal included', async () => {
    const original = sampleExport();
    await importFile(fileOf(serializeExport(original)));
    const patientId = original.patients[0]?.id ?? '';
    await recordConsent(patientId, { givenOn: '2026-11-30', form: 'verbal' }, NOW);
    await withdrawConsent(patientId, NOW + 60_000);
    const before = withoutEditTimes(await dumpDatabase());
    const exported = serializeExport(await exportPatientData(patientId));
    const file = parseExport(exported);
    expect(file.version).toBe(3);
    expect(file.patients[0]?.consent).toEqual({
      givenOn: '2026-11-30',
      textVersion: CONSENT_TEXT_VERSION,
      form: 'verbal',
      note: '',
      recordedAt: new Date(NOW).toISOString(),
      withdrawnAt: new Date(NOW + 60_000).toISOString(),
    });
    await deletePatient(patientId);
    await importFile(fileOf(exported));
    expect(await dumpDatabase()).toEqual(before);
  });

  it('still imports version 1 and 2 files, which have no consent', async () => {
    for (const version of [1, 2]) {
      await freshDatabase();
      const old = { ...sampleExport(), version };
      expect(await importFile(fileOf(JSON.stringify(old)))).toMatchObject({ patientsAdded: 1 });
      expect((await getPatient(old.patients[0]?.id ?? '')).consent).toBeUndefined();
    }
  });

  it('refuses a file whose consent is malformed, changing nothing', async () => {
    const bad = sampleExport();
    const consent = {
      givenOn: '2026-12-01',
      textVersion: '1',
      form: 'nodded',
      note: '',
      recordedAt: new Date(NOW).toISOString(),
    };
    Object.assign(bad.patients[0]!, { consent });
    await expect(importFile(fileOf(JSON.stringify(bad)))).rejects.toBeInstanceOf(ImportError);
    expect((await dumpDatabase()).patients).toEqual([]);
  });

  it('leaves the health record (FHIR) export and its parse working for a patient with consent', async () => {
    const original = sampleExport();
    await importFile(fileOf(serializeExport(original)));
    const patientId = original.patients[0]?.id ?? '';
    await recordConsent(patientId, { givenOn: '2026-11-30', form: 'written' }, NOW);
    const file = await exportPatientData(patientId);
    const software = { appVersion: '0.1.0', modelName: 'ResmoNet', modelVersion: '1.7.0' };
    const bundle = await buildBundle(fromExport(file, { includeIdentifying: false, software }));
    const consent = bundle.entry?.map((e) => e.resource).find((r) => r?.resourceType === 'Consent');
    expect(consent).toMatchObject({ status: 'active', dateTime: '2026-11-30' });
    expect(JSON.stringify(consent)).toContain(`version ${CONSENT_TEXT_VERSION}; given in writing`);
    expect(parseBundle(bundle).sessions).toHaveLength(file.patients[0]?.sessions.length ?? -1);
  });
});
