import type { ExportFile } from '../shared/export-schema.js';
import type { FhirExportInput } from './types.js';

export type FhirExportOptions = Pick<FhirExportInput, 'includeIdentifying' | 'practitioner' | 'software'>;

/** The FHIR export of what Resmo's own export holds for one patient (a session, or all of them). */
export function fromExport(file: ExportFile, options: FhirExportOptions): FhirExportInput {
  const [first] = file.patients;
  if (!first) throw new Error('Nothing to export');
  const { sessions, ...patient } = first;
  return { ...options, patient, sessions, exportedAt: file.exportedAt };
}
