import type { ExportConsent, ExportFile } from '../shared/export-schema.js';
import type { FhirConsentInput, FhirExportInput } from './types.js';

export type FhirExportOptions = Pick<FhirExportInput, 'includeIdentifying' | 'practitioner' | 'software'>;

/** The patient's recorded consent as a FHIR Consent: when, which text version, and how it was given. */
function consentOf(patientId: string, consent: ExportConsent): FhirConsentInput {
  return {
    id: `${patientId}:${consent.recordedAt}`,
    dateTime: consent.givenOn,
    text: `Resmo consent text, version ${consent.textVersion}; given ${consent.form === 'written' ? 'in writing' : 'verbally'}.`,
    withdrawn: consent.withdrawnAt !== undefined,
  };
}

/** The FHIR export of what Resmo's own export holds for one patient (a session, or all of them). */
export function fromExport(file: ExportFile, options: FhirExportOptions): FhirExportInput {
  const [first] = file.patients;
  if (!first) throw new Error('Nothing to export');
  const { sessions, consent, ...patient } = first;
  return {
    ...options,
    patient,
    sessions,
    exportedAt: file.exportedAt,
    consent: consent ? consentOf(first.id, consent) : null,
  };
}
