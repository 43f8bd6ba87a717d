import { MAX_BASELINES, MAX_BASELINE_ROWS, MIN_BASELINE_ROWS, type Baseline } from '../shared/baseline.js';
import { EMOTION_LABELS } from '../shared/emotions.js';
import type { ExportBaseline, ExportPatient } from '../shared/export-schema.js';
import { StorageError, toStorageError } from './errors.js';
import { updateRecord } from './rewrite.js';
import type { Patient } from './schema.js';

function validRow(row: readonly number[]): boolean {
  const sum = row.reduce((s, p) => s + p, 0);
  return (
    row.length === EMOTION_LABELS.length &&
    row.every((p) => Number.isInteger(p) && p >= 0 && p <= 100) &&
    Math.abs(sum - 100) <= 4
  );
}

/**
 * Stores a neutral baseline for the patient: the rest recording's rows as recorded (integer
 * percents). A redo adds a new baseline; older ones stay, so older reports read the same.
 */
export async function addBaseline(
  patientId: string,
  rows: readonly (readonly number[])[],
  recordedAt: number,
): Promise<Baseline> {
  if (rows.length < MIN_BASELINE_ROWS || rows.length > MAX_BASELINE_ROWS || !rows.every(validRow))
    throw new StorageError('invalid-input', 'Invalid baseline.');
  const baseline: Baseline = { id: crypto.randomUUID(), recordedAt, rows: rows.map((r) => [...r]) };
  try {
    await updateRecord('patient', patientId, (patient) => ({
      ...patient,
      baselines: [...(patient.baselines ?? []), baseline].slice(-MAX_BASELINES),
    }));
  } catch (error) {
    throw toStorageError(error);
  }
  return baseline;
}

/** The patient's baselines for an export file; the key is left out when there are none. */
export function exportBaselines(patient: Patient): Pick<ExportPatient, 'baselines'> {
  const baselines = patient.baselines ?? [];
  if (!baselines.length) return {};
  return {
    baselines: baselines.map((b): ExportBaseline => ({
      id: b.id,
      recordedAt: new Date(b.recordedAt).toISOString(),
      // Seven values per row: checked by addBaseline and by the import schema.
      rows: b.rows as ExportBaseline['rows'],
    })),
  };
}

/** The file's baselines as stored; the key is left out when there are none. */
export function importBaselines(patient: ExportPatient): Pick<Patient, 'baselines'> {
  if (!patient.baselines?.length) return {};
  return {
    baselines: patient.baselines.map((b) => ({ id: b.id, recordedAt: Date.parse(b.recordedAt), rows: b.rows })),
  };
}
