import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/fresh-database';
import { createPatient, deletePatient, editPatient, getPatient } from '../../src/storage/patients';
import { exportPatientData, serializeExport } from '../../src/storage/export';
import { importExport, parseExport } from '../../src/storage/import';
import { StorageError } from '../../src/storage/errors';

beforeEach(freshDatabase);

const EHR = { system: 'urn:oid:2.16.840.1.113883.3.9999.1', value: 'MRN-004217' };

describe("the patient's health record number", () => {
  it('is kept trimmed, edited, and removed with null or two empty fields', async () => {
    const patient = await createPatient({ ehrIdentifier: { system: ` ${EHR.system} `, value: 'MRN-004217 ' } });
    expect((await getPatient(patient.id)).ehrIdentifier).toEqual(EHR);
    await editPatient(patient.id, { notes: 'unchanged number' });
    expect((await getPatient(patient.id)).ehrIdentifier).toEqual(EHR);
    await editPatient(patient.id, { ehrIdentifier: { system: 'https://ehr.example/mrn', value: '42' } });
    expect((await getPatient(patient.id)).ehrIdentifier).toEqual({ system: 'https://ehr.example/mrn', value: '42' });
    await editPatient(patient.id, { ehrIdentifier: { system: '', value: '' } });
    expect(await getPatient(patient.id)).not.toHaveProperty('ehrIdentifier');
    await editPatient(patient.id, { ehrIdentifier: EHR });
    await editPatient(patient.id, { ehrIdentifier: null });
    expect(await getPatient(patient.id)).not.toHaveProperty('ehrIdentifier');
  });

  it('refuses a system that is not a URI, or a number missing or with markup', async () => {
    for (const ehrIdentifier of [
      { system: 'MRN', value: '1' },
      { system: 'urn:oid:1.2 3', value: '1' },
      { system: EHR.system, value: '' },
      { system: EHR.system, value: '<b>1</b>' },
    ]) {
      await expect(createPatient({ ehrIdentifier })).rejects.toBeInstanceOf(StorageError);
    }
  });

  it('travels in the JSON export and back; a patient without one exports no such key', async () => {
    const patient = await createPatient({ code: 'P-1', ehrIdentifier: EHR });
    const other = await createPatient({ code: 'P-2' });
    const text = serializeExport(await exportPatientData(patient.id));
    expect(serializeExport(await exportPatientData(other.id))).not.toContain('ehrIdentifier');
    await deletePatient(patient.id);
    await importExport(parseExport(text));
    expect(await getPatient(patient.id)).toEqual(patient);
  });
});
