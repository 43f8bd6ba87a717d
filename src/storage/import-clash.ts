import type { ExportFile, ExportPatient } from '../shared/export-schema.js';
import { database } from './database.js';
import type { Patient } from './schema.js';

/**
 * A file's patient whose id is already on this device for someone else (another code, name or
 * birth date). The clinician decides: keep both as two patients, or merge the file's sessions
 * into the patient on this device. The import never merges such a patient by itself.
 */
export interface PatientClash {
  imported: ExportPatient;
  existing: Patient;
}

export type ClashChoice = 'keep-both' | 'merge';

/** The clinician's answer per clashing patient id. */
export type ClashChoices = ReadonlyMap<string, ClashChoice>;

/** Same person: the fields a clinician identifies a patient by are equal. */
export function samePatient(imported: ExportPatient, existing: Patient): boolean {
  return (
    imported.code === existing.code && imported.name === existing.name && imported.birthDate === existing.birthDate
  );
}

/** The file's patients whose ids belong to someone else on this device. */
export async function findPatientClashes(file: ExportFile): Promise<PatientClash[]> {
  const store = (await database()).transaction('patients').store;
  const found = await Promise.all(
    file.patients.map(async (imported) => ({ imported, existing: await store.get(imported.id) })),
  );
  return found.filter((c): c is PatientClash => c.existing !== undefined && !samePatient(c.imported, c.existing));
}
