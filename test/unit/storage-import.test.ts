import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/fresh-database';
import { dumpDatabase } from '../support/dump-database';
import { sampleExport } from '../support/sample-export';
import { hostileImports } from '../support/hostile-imports';
import { ImportError, importFile } from '../../src/storage/import';
import { exportPatientData, exportSessionData, serializeExport } from '../../src/storage/export';
import { deletePatient } from '../../src/storage/patients';

beforeEach(freshDatabase);

const fileOf = (content: string): Blob => new Blob([content], { type: 'application/json' });

describe('import', () => {
  it('round-trips a patient: export, delete, import gives the same records and the same file', async () => {
    const original = sampleExport();
    expect(await importFile(fileOf(serializeExport(original)))).toEqual({
      patientsAdded: 1,
      sessionsAdded: 2,
      sessionsSkipped: 0,
    });
    const patientId = original.patients[0]?.id ?? '';
    const before = await dumpDatabase();
    const exported = serializeExport(await exportPatientData(patientId, Date.parse(original.exportedAt)));
    expect(exported).toBe(serializeExport(original));
    await deletePatient(patientId);
    expect((await dumpDatabase()).samples).toEqual([]);
    await importFile(fileOf(exported));
    expect(await dumpDatabase()).toEqual(before);
  });

  it('adds only the new sessions of a patient already on the device', async () => {
    const original = sampleExport();
    await importFile(fileOf(serializeExport(original)));
    const sessionId = original.patients[0]?.sessions[0]?.id ?? '';
    const single = serializeExport(await exportSessionData(sessionId));
    expect(await importFile(fileOf(single))).toEqual({ patientsAdded: 0, sessionsAdded: 0, sessionsSkipped: 1 });
  });

  it('refuses 200 malformed and hostile files with a typed error and leaves the database unchanged', async () => {
    const base = sampleExport();
    await importFile(fileOf(serializeExport(base)));
    const before = await dumpDatabase();
    const cases = hostileImports(base);
    expect(cases).toHaveLength(200);
    const accepted: string[] = [];
    for (const { name, content } of cases) {
      const error = await importFile(fileOf(content)).then(
        () => undefined,
        (e: unknown) => e,
      );
      // 'storage' would mean the database, not the validation, stopped it.
      if (!(error instanceof ImportError) || error.reason === 'storage') accepted.push(name);
    }
    expect(accepted).toEqual([]);
    expect(await dumpDatabase()).toEqual(before);
  });

  it.each([
    ['a schema version from the future', { version: 4 }, 'future-version'],
    ['another format', { format: 'other' }, 'not-resmo'],
  ])('names the reason for %s', async (_, change, reason) => {
    const content = JSON.stringify({ ...sampleExport(), ...change });
    await expect(importFile(fileOf(content))).rejects.toMatchObject({ reason });
  });

  it('says which field is wrong', async () => {
    const file = sampleExport();
    const patient = file.patients[0];
    if (patient) patient.name = '<b>x</b>';
    const error = await importFile(fileOf(JSON.stringify(file))).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'invalid' });
    expect((error as ImportError).issues.join()).toContain('patients.0.name');
  });

  it('rolls back a file that clashes with records on the device', async () => {
    const base = sampleExport();
    await importFile(fileOf(serializeExport(base)));
    const clash = hostileImports(base).find((c) => c.name.startsWith('new patient whose marker ids'));
    const before = await dumpDatabase();
    await expect(importFile(fileOf(clash?.content ?? ''))).rejects.toMatchObject({ reason: 'conflict' });
    expect(await dumpDatabase()).toEqual(before);
  });
});
