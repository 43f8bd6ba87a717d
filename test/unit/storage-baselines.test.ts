import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/fresh-database';
import { dumpDatabase, withoutEditTimes } from '../support/dump-database';
import { sampleExport } from '../support/sample-export';
import { addBaseline } from '../../src/storage/baselines';
import { ImportError, importFile, parseExport } from '../../src/storage/import';
import { exportPatientData, serializeExport } from '../../src/storage/export';
import { createPatient, deletePatient, editPatient, getPatient } from '../../src/storage/patients';
import { StorageError } from '../../src/storage/errors';

beforeEach(freshDatabase);

const fileOf = (content: string): Blob => new Blob([content], { type: 'application/json' });
const rest = (n: number): number[][] =>
  Array.from({ length: n }, (_, i) => [5, 1, 3, 2, 25 + (i % 3), 2, 62 - (i % 3)]);

describe('baselines', () => {
  it('stores the rows as recorded, keeps earlier baselines on a redo, and survives a patient edit', async () => {
    const patient = await createPatient({ code: 'P-BASE' });
    const first = await addBaseline(patient.id, rest(15), 1_000);
    const second = await addBaseline(patient.id, rest(12), 2_000);
    await editPatient(patient.id, { notes: 'seen twice' });
    const stored = await getPatient(patient.id);
    expect(stored.baselines?.map((b) => b.id)).toEqual([first.id, second.id]);
    expect(stored.baselines?.[0]?.rows).toEqual(rest(15));
  });

  it('refuses too short a recording or rows that are not seven percentages', async () => {
    const patient = await createPatient();
    const refused = async (rows: number[][]) =>
      (await addBaseline(patient.id, rows, 1).catch((e: unknown) => e)) instanceof StorageError;
    expect(await refused(rest(3))).toBe(true);
    expect(await refused([...rest(10), [50, 50]])).toBe(true);
    expect(await refused([...rest(10), [90, 90, 0, 0, 0, 0, 0]])).toBe(true);
    expect(await refused([...rest(10), [10.5, 9.5, 10, 10, 10, 10, 40]])).toBe(true);
    expect((await getPatient(patient.id)).baselines).toBeUndefined();
  });

  it('round-trips through export, delete and import', async () => {
    const original = sampleExport();
    await importFile(fileOf(serializeExport(original)));
    const patientId = original.patients[0]?.id ?? '';
    await addBaseline(patientId, rest(15), Date.UTC(2026, 10, 2, 9, 29));
    const before = withoutEditTimes(await dumpDatabase());
    const exported = serializeExport(await exportPatientData(patientId));
    const file = parseExport(exported);
    expect(file.version).toBe(3);
    expect(file.patients[0]?.baselines?.[0]?.rows).toEqual(rest(15));
    await deletePatient(patientId);
    await importFile(fileOf(exported));
    expect(await dumpDatabase()).toEqual(before);
  });

  it('still imports a version 1 file, which has no baselines', async () => {
    const v1 = { ...sampleExport(), version: 1 };
    expect(await importFile(fileOf(JSON.stringify(v1)))).toMatchObject({ patientsAdded: 1 });
    expect((await getPatient(v1.patients[0]?.id ?? '')).baselines).toBeUndefined();
  });

  it('refuses a file whose baseline is malformed, changing nothing', async () => {
    const file = sampleExport();
    const patient = file.patients[0];
    if (!patient) throw new Error('sample has a patient');
    const bad = { ...patient, baselines: [{ id: patient.id, recordedAt: patient.createdAt, rows: rest(15) }] };
    const short = {
      ...patient,
      baselines: [{ id: crypto.randomUUID(), recordedAt: patient.createdAt, rows: rest(2) }],
    };
    for (const p of [bad, short]) {
      const error = await importFile(fileOf(JSON.stringify({ ...file, patients: [p] }))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).reason).toBe('invalid');
    }
    expect((await dumpDatabase()).patients).toEqual([]);
  });
});
